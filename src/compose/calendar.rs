//! A person's slots as an iCalendar file (RFC 5545), to open in any
//! calendar: one event per slot, in Paris time with its time-zone
//! definition, each with a UID that stays the same when the file is
//! issued again, so that the events are updated rather than duplicated.

use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike};

use crate::error::Error;
use crate::plan::SlotView;

/// The time zone of every session.
const TZID: &str = "Europe/Paris";

/// Europe/Paris since 1996: summer time from the last Sunday of March to
/// the last Sunday of October.
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r
TZID:Europe/Paris\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
TZNAME:CEST\r
DTSTART:19700329T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
TZNAME:CET\r
DTSTART:19701025T030000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
END:VTIMEZONE\r
";

/// One event to put in the calendar: its slot and its title.
pub struct Entry<'a> {
    pub slot: &'a SlotView,
    pub summary: String,
}

/// Who the calendar is for: `role` (`jure`, `surveillant`) and id make
/// the events' UIDs, with the session's number.
pub struct Owner<'a> {
    pub numero: &'a str,
    pub role: &'a str,
    pub id: &'a str,
    /// The name of the calendar, as a calendar application shows it.
    pub name: String,
    /// Issued again after a change: the events' sequence number is raised.
    pub corrected: bool,
}

/// The calendar of `entries`; `stamp` is the day the events are dated
/// (DTSTAMP), the same at every run so that the file is reproducible.
pub fn ics(owner: &Owner, entries: &[Entry], stamp: chrono::NaiveDate) -> Result<String, Error> {
    let mut calendar = Calendar::new();
    calendar.name(&owner.name).timezone(TZID);
    let stamp = stamp.and_time(chrono::NaiveTime::MIN).and_utc();
    let mut seen: Vec<String> = Vec::new();
    for e in entries {
        let s = e.slot;
        // A slot is known by what it is, not when: moving it keeps its UID.
        let what = crate::compose::file_part(&format!("{:?}-{}", s.nature, s.intitule));
        let nth = seen.iter().filter(|w| **w == what).count() + 1;
        seen.push(what.clone());
        let uid = format!(
            "{}-{}-{}-{}-{nth}@sessiondoc",
            owner.numero, owner.role, owner.id, what
        )
        .to_lowercase();
        let at = |minutes: u16| CalendarDateTime::WithTimezone {
            date_time: s.date.0.and_time(
                chrono::NaiveTime::from_hms_opt(
                    u32::from(minutes / 60),
                    u32::from(minutes % 60),
                    0,
                )
                .unwrap_or(chrono::NaiveTime::MIN),
            ),
            tzid: TZID.to_owned(),
        };
        let mut event = Event::new();
        event
            .uid(&uid)
            .timestamp(stamp)
            .summary(&e.summary)
            .starts(at(s.minutes_debut))
            .ends(at(s.minutes_fin))
            .add_property("SEQUENCE", if owner.corrected { "1" } else { "0" });
        if let Some(room) = &s.salle {
            event.location(room);
        }
        calendar.push(event.done());
    }
    Ok(with_timezone(&calendar.done().to_string()))
}

/// The calendar with the definition of its time zone before its events.
/// (The crate writes any other component with a UID and a DTSTAMP, which
/// a VTIMEZONE must not have: the definition is inserted as it is.)
fn with_timezone(calendar: &str) -> String {
    let at = calendar
        .find("BEGIN:VEVENT")
        .or_else(|| calendar.find("END:VCALENDAR"))
        .unwrap_or(calendar.len());
    format!("{}{VTIMEZONE}{}", &calendar[..at], &calendar[at..])
}

//! A person's slots as an iCalendar file (RFC 5545), to open in any
//! calendar: one event per slot, in Paris time with its time-zone
//! definition. The file is fit to be sent again: each event's UID says
//! what the slot is (its test, its candidates, its day), not its place
//! in a list; against the calendar the person last received, an event
//! that changed has its SEQUENCE raised, one that no longer exists is
//! sent once more as cancelled, and DTSTAMP is the day of sending.

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

/// One event to put in the calendar: its slot, its title, what it says
/// besides (extra time…) and its end (later than the slot's for a
/// surveillant who stays for a candidate's extra time).
pub struct Entry<'a> {
    pub slot: &'a SlotView,
    pub summary: String,
    pub description: Option<String>,
    pub minutes_fin: u16,
}

/// Who the calendar is for: `role` (`jure`, `surveillant`) and id make
/// the events' UIDs, with the session's number.
pub struct Owner<'a> {
    pub numero: &'a str,
    pub role: &'a str,
    pub id: &'a str,
    /// The name of the calendar, as a calendar application shows it.
    pub name: String,
}

/// The calendar of `entries`, stamped `stamp` (the day it is sent).
/// Against `previous`, the calendar the person last received (if any):
/// an event that says something else has its sequence raised, one that
/// is no longer there is added once more, cancelled.
pub fn ics(
    owner: &Owner,
    entries: &[Entry],
    previous: Option<&str>,
    stamp: chrono::DateTime<chrono::Utc>,
) -> Result<String, Error> {
    let sent = previous.map(read_events).unwrap_or_default();
    let mut calendar = Calendar::new();
    calendar.name(&owner.name).timezone(TZID);
    let mut uids: Vec<String> = Vec::new();
    for e in entries {
        let uid = unique(&mut uids, uid(owner, e.slot));
        let mut event = event_of(e, &uid);
        let said = said(&event);
        let sequence = match sent.iter().find(|p| p.uid == uid) {
            Some(p) if p.said == said => p.sequence,
            Some(p) => p.sequence + 1,
            None => 0,
        };
        event.timestamp(stamp).sequence(sequence);
        calendar.push(event.done());
    }
    // What the person holds and is no longer: cancelled, once.
    for p in sent
        .iter()
        .filter(|p| !p.cancelled && !uids.contains(&p.uid))
    {
        let mut event = Event::new();
        event.uid(&p.uid).timestamp(stamp);
        for (key, params, value) in &p.properties {
            let mut property = icalendar::Property::new(key.as_str(), unescape(value));
            for (k, v) in params {
                property.add_parameter(k, v);
            }
            event.append_property(property);
        }
        event
            .sequence(p.sequence + 1)
            .status(icalendar::EventStatus::Cancelled);
        calendar.push(event.done());
    }
    Ok(with_timezone(&calendar.done().to_string()))
}

/// A slot's UID: the session, the person, what the slot is (its nature
/// and test), for whom (its candidates, or all of them) and its day;
/// never its time or room, so that a slot moved within its day or to
/// another room is updated, not duplicated.
fn uid(owner: &Owner, s: &SlotView) -> String {
    let what = crate::compose::file_part(&format!("{:?}-{}", s.nature, s.intitule));
    let whom = if s.tous_les_candidats {
        "tous".to_owned()
    } else {
        s.candidat_ids.join("+")
    };
    let day = s.date.0.format("%Y%m%d");
    let mut uid = format!("{}-{}-{}-{what}", owner.numero, owner.role, owner.id);
    if !whom.is_empty() {
        uid.push_str(&format!("-{whom}"));
    }
    format!("{uid}-{day}@sessiondoc").to_lowercase()
}

/// `uid`, made different from the ones already in `taken` (two slots of
/// the same test the same day for nobody in particular) and added to it.
fn unique(taken: &mut Vec<String>, uid: String) -> String {
    let mut candidate = uid.clone();
    let mut nth = 1;
    while taken.contains(&candidate) {
        nth += 1;
        candidate = uid.replacen("@sessiondoc", &format!("-{nth}@sessiondoc"), 1);
    }
    taken.push(candidate.clone());
    candidate
}

/// The event of an entry, without its stamp and sequence.
fn event_of(e: &Entry, uid: &str) -> Event {
    let s = e.slot;
    let at = |minutes: u16| CalendarDateTime::WithTimezone {
        date_time: s.date.0.and_time(
            chrono::NaiveTime::from_hms_opt(u32::from(minutes / 60), u32::from(minutes % 60), 0)
                .unwrap_or(chrono::NaiveTime::MIN),
        ),
        tzid: TZID.to_owned(),
    };
    let mut event = Event::new();
    event
        .uid(uid)
        .summary(&e.summary)
        .starts(at(s.minutes_debut))
        .ends(at(e.minutes_fin.max(s.minutes_fin)));
    if let Some(room) = &s.salle {
        event.location(room);
    }
    if let Some(text) = e.description.as_deref().filter(|t| !t.is_empty()) {
        event.description(text);
    }
    event.done()
}

/// The properties an event is compared on (when, where, what it says), as written.
const SAID: &[&str] = &["DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION"];

/// What an event says, as written in a file.
fn said(event: &Event) -> Vec<String> {
    read_events(&event.to_string())
        .into_iter()
        .next()
        .map(|e| e.said)
        .unwrap_or_default()
}

/// An event of a calendar sent before, as read back.
#[derive(Debug, Default)]
struct SentEvent {
    uid: String,
    sequence: u32,
    cancelled: bool,
    /// Its content lines that [`SAID`] names, as written.
    said: Vec<String>,
    /// The same, as read.
    properties: Vec<SentProperty>,
}

/// A property of an event sent before: its name, its parameters (name,
/// value) and its value, escaped as in the file.
type SentProperty = (String, Vec<(String, String)>, String);

/// The events of a calendar this program wrote (lines unfolded).
fn read_events(text: &str) -> Vec<SentEvent> {
    let unfolded = text
        .replace("\r\n ", "")
        .replace("\r\n\t", "")
        .replace("\n ", "");
    let mut events = Vec::new();
    let mut current: Option<SentEvent> = None;
    for line in unfolded.lines().map(|l| l.trim_end_matches('\r')) {
        match line {
            "BEGIN:VEVENT" => current = Some(SentEvent::default()),
            "END:VEVENT" => events.extend(current.take()),
            _ => {
                let Some(e) = current.as_mut() else { continue };
                let Some((head, value)) = line.split_once(':') else {
                    continue;
                };
                let mut parts = head.split(';');
                let name = parts.next().unwrap_or_default().to_ascii_uppercase();
                let params: Vec<(String, String)> = parts
                    .filter_map(|p| p.split_once('='))
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect();
                match name.as_str() {
                    "UID" => e.uid = value.to_owned(),
                    "SEQUENCE" => e.sequence = value.trim().parse().unwrap_or(0),
                    "STATUS" => e.cancelled = value.eq_ignore_ascii_case("CANCELLED"),
                    n if SAID.contains(&n) => {
                        e.said.push(line.to_owned());
                        e.properties.push((name.clone(), params, value.to_owned()));
                    }
                    _ => {}
                }
            }
        }
    }
    for e in &mut events {
        e.said.sort();
    }
    events
}

/// A text value as it was before being escaped for the file.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
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

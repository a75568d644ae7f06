//! The jurors' calendar files, parsed by an iCalendar parser: one event
//! per slot with its room, in Paris time right across a change to summer
//! time, the same UIDs when a slot moves, a raised sequence when the
//! convocation is corrective.

mod common;

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use common::*;
use sessiondoc::compose::Kind;
use sessiondoc::output::Produced;

const SC: &str = "secretaire-comptable.yaml";

fn sc() -> String {
    std::fs::read_to_string(fixture(SC)).unwrap()
}

/// The events of a calendar, parsed: (UID, local start, local end, TZID,
/// location, summary); and the parsed calendar's time zones.
struct Parsed {
    events: Vec<Event>,
    calendar: ical::parser::ical::component::IcalCalendar,
}

#[derive(Debug, Clone)]
struct Event {
    uid: String,
    start: NaiveDateTime,
    end: NaiveDateTime,
    location: String,
    summary: String,
}

fn prop<'a>(
    props: &'a [ical::property::Property],
    name: &str,
) -> Option<&'a ical::property::Property> {
    props.iter().find(|p| p.name == name)
}

fn local(p: &ical::property::Property) -> NaiveDateTime {
    let tzid = p
        .params
        .iter()
        .flatten()
        .find(|(k, _)| k == "TZID")
        .map(|(_, v)| v.join(","));
    assert_eq!(tzid.as_deref(), Some("Europe/Paris"), "{p:?}");
    NaiveDateTime::parse_from_str(p.value.as_deref().unwrap(), "%Y%m%dT%H%M%S").unwrap()
}

fn parse(bytes: &[u8]) -> Parsed {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(bytes));
    let calendar = parser
        .next()
        .expect("one calendar")
        .expect("valid iCalendar");
    assert!(parser.next().is_none(), "only one calendar");
    let events = calendar
        .events
        .iter()
        .map(|e| {
            let p = &e.properties;
            let text = |n: &str| prop(p, n).and_then(|x| x.value.clone()).unwrap_or_default();
            Event {
                uid: text("UID"),
                start: local(prop(p, "DTSTART").expect("DTSTART")),
                end: local(prop(p, "DTEND").expect("DTEND")),
                location: text("LOCATION"),
                summary: text("SUMMARY"),
            }
        })
        .collect();
    Parsed { events, calendar }
}

fn ics_of<'a>(files: &'a [Produced], who: &str) -> &'a Produced {
    files
        .iter()
        .find(|f| {
            f.entry.format == "ics"
                && (f.entry.subject.jure.as_deref() == Some(who)
                    || f.entry.subject.surveillant.as_deref() == Some(who))
        })
        .unwrap_or_else(|| panic!("a calendar for {who}"))
}

#[test]
fn a_calendar_has_one_event_per_slot_with_its_room() {
    let files = produce(SC, &[Kind::ConvocationJure]);
    let ics = ics_of(&files, "lejeune");
    assert!(
        ics.entry.path.ends_with("convocation-jure-lejeune.ics"),
        "{}",
        ics.entry.path
    );
    let parsed = parse(&ics.bytes);
    // Lejeune's slots: the briefing, corrections, three technical
    // interviews, three final interviews, the deliberation.
    assert_eq!(parsed.events.len(), 9, "{:?}", parsed.events);
    let first = &parsed.events[0];
    assert_eq!(first.start.to_string(), "2027-01-11 13:30:00");
    assert_eq!(first.end.to_string(), "2027-01-11 14:00:00");
    assert_eq!(first.location, "Salle d'entretien 105");
    assert!(
        first.summary.contains("Accueil et briefing du jury"),
        "{}",
        first.summary
    );
    let mut uids: Vec<&str> = parsed.events.iter().map(|e| e.uid.as_str()).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), 9, "every UID differs");
    let tz = &parsed.calendar.timezones;
    assert_eq!(tz.len(), 1, "one VTIMEZONE");
    assert_eq!(
        prop(&tz[0].properties, "TZID").and_then(|p| p.value.as_deref()),
        Some("Europe/Paris")
    );
}

#[test]
fn a_calendar_issued_again_keeps_its_uids_when_a_slot_moves() {
    let before = produce(SC, &[Kind::ConvocationJure]);
    let again = produce(SC, &[Kind::ConvocationJure]);
    assert_eq!(
        ics_of(&before, "lejeune").bytes,
        ics_of(&again, "lejeune").bytes,
        "reproducible"
    );
    // The juror's briefing moves by half an hour.
    let moved = sc().replacen("debut: \"13:30\"", "debut: \"13:00\"", 1);
    assert_ne!(moved, sc(), "the fixture has the briefing at 13:30");
    let after = produce_text(&moved, &[Kind::ConvocationJure]);
    let (b, a) = (
        parse(&ics_of(&before, "lejeune").bytes).events,
        parse(&ics_of(&after, "lejeune").bytes).events,
    );
    let uids = |e: &[Event]| e.iter().map(|x| x.uid.clone()).collect::<Vec<_>>();
    assert_eq!(uids(&b), uids(&a), "same events, updated");
    assert_ne!(b[0].start, a[0].start);
}

/// The UTC offset the calendar's own VTIMEZONE gives a local time: the
/// latest transition (last Sunday of its month, at its hour) before it.
fn offset_by_vtimezone(parsed: &Parsed, at: NaiveDateTime) -> i32 {
    use chrono::Datelike;
    let mut best: Option<(NaiveDateTime, i32)> = None;
    for t in &parsed.calendar.timezones[0].transitions {
        let p = &t.properties;
        let start = NaiveDateTime::parse_from_str(
            prop(p, "DTSTART").unwrap().value.as_deref().unwrap(),
            "%Y%m%dT%H%M%S",
        )
        .unwrap();
        let rule = prop(p, "RRULE").unwrap().value.clone().unwrap();
        assert!(rule.contains("BYDAY=-1SU"), "{rule}");
        let month: u32 = rule
            .split(';')
            .find_map(|x| x.strip_prefix("BYMONTH="))
            .unwrap()
            .parse()
            .unwrap();
        let to = prop(p, "TZOFFSETTO").unwrap().value.clone().unwrap();
        let sign = if to.starts_with('-') { -1 } else { 1 };
        let hours: i32 = to[1..3].parse().unwrap();
        let minutes: i32 = to[3..5].parse().unwrap();
        let offset = sign * (hours * 3600 + minutes * 60);
        for year in [at.year() - 1, at.year()] {
            let mut day = NaiveDate::from_ymd_opt(year, month + 1, 1)
                .unwrap_or(NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap())
                .pred_opt()
                .unwrap();
            while day.weekday() != chrono::Weekday::Sun {
                day = day.pred_opt().unwrap();
            }
            let when = day.and_time(start.time());
            if when <= at && best.is_none_or(|(b, _)| when > b) {
                best = Some((when, offset));
            }
        }
    }
    best.expect("a transition before").1
}

#[test]
fn times_are_right_across_a_change_to_summer_time() {
    use chrono::Datelike;
    // The session moved to the days around the last Sunday of March 2027
    // (the 28th): Friday the 26th in winter time, Monday the 29th in summer.
    let text = sc()
        .replace("2027-01-11", "2027-03-26")
        .replace("2027-01-12", "2027-03-29");
    let files = produce_text(&text, &[Kind::ConvocationJure]);
    let parsed = parse(&ics_of(&files, "lejeune").bytes);
    let paris = chrono_tz::Europe::Paris;
    let mut seen = std::collections::BTreeSet::new();
    for e in &parsed.events {
        let expected = paris.from_local_datetime(&e.start).unwrap().naive_utc();
        let offset = offset_by_vtimezone(&parsed, e.start);
        let utc = e.start - chrono::Duration::seconds(i64::from(offset));
        assert_eq!(utc, expected, "{e:?}");
        seen.insert((e.start.day(), offset));
    }
    assert!(
        seen.contains(&(26, 3600)),
        "winter time on the 26th: {seen:?}"
    );
    assert!(
        seen.contains(&(29, 7200)),
        "summer time on the 29th: {seen:?}"
    );
    // 13:30 in Paris on Friday is 12:30 UTC; 8:30 on Monday is 6:30 UTC.
    let first = &parsed.events[0];
    assert_eq!(first.start.to_string(), "2027-03-26 13:30:00");
    assert_eq!(
        paris
            .from_local_datetime(&first.start)
            .unwrap()
            .naive_utc()
            .to_string(),
        "2027-03-26 12:30:00"
    );
}

#[test]
fn a_juror_whose_slots_moved_gets_a_corrective_convocation_and_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("avant.yaml");
    std::fs::write(&before, sc()).unwrap();
    let moved = sc().replacen("debut: \"13:30\"", "debut: \"13:00\"", 1);
    let (source, session) = session_from(&moved);
    let mut options =
        sessiondoc::generate::GenerateOptions::all_into(std::path::Path::new("unused"));
    options.only = vec![Kind::ConvocationJure];
    options.depuis = Some(before);
    let files = sessiondoc::generate::produce(&source, &session, &options).unwrap();
    let letter = |format: &str| {
        let f = files
            .iter()
            .find(|f| {
                f.entry.format == format && f.entry.subject.jure.as_deref() == Some("lejeune")
            })
            .unwrap();
        if format == "pdf" {
            pdf_text(&f.bytes)
        } else {
            docx_text(&f.bytes)
        }
    };
    assert_both_contain(
        &letter("pdf"),
        &letter("docx"),
        "Convocation rectificative : elle annule et remplace celle du vendredi 4 décembre 2026",
    );
    let ics = String::from_utf8(ics_of(&files, "lejeune").bytes.clone()).unwrap();
    assert!(ics.contains("SEQUENCE:1"), "{ics}");
    assert!(!ics.contains("SEQUENCE:0"), "{ics}");
}

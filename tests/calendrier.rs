//! The jurors' and surveillants' calendar files, parsed by an iCalendar
//! parser: one event per slot with its room, in Paris time right across
//! a change to summer time, the same UIDs when a slot moves, a raised
//! sequence for an event that changed, cancelled events for those that
//! are gone; the files of successive sendings replayed into one store.

use crate::common;

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
    // The same but for the moment it is stamped with.
    let unstamped = |p: &Produced| {
        String::from_utf8(p.bytes.clone())
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with("DTSTAMP"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        unstamped(ics_of(&before, "lejeune")),
        unstamped(ics_of(&again, "lejeune")),
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
    // Against the calendar sent with the first file: the moved briefing
    // is raised to sequence 1, the others stay as they were.
    let events = stored(&ics_of(&files, "lejeune").bytes);
    for (uid, e, _) in &events {
        let expected = u32::from(e.summary.contains("briefing"));
        assert_eq!(e.sequence, expected, "{uid}: {e:?}");
        assert!(!e.cancelled);
    }
    assert_eq!(events.len(), 9);
}

/// An event as a calendar store keeps it.
#[derive(Debug, Clone, PartialEq)]
struct Stored {
    sequence: u32,
    cancelled: bool,
    start: NaiveDateTime,
    end: NaiveDateTime,
    location: String,
    summary: String,
    description: String,
}

/// The events of a calendar file by UID, as a store reads them.
fn stored(bytes: &[u8]) -> Vec<(String, Stored, String)> {
    let parsed = parse(bytes);
    parsed
        .calendar
        .events
        .iter()
        .map(|e| {
            let p = &e.properties;
            let text = |n: &str| prop(p, n).and_then(|x| x.value.clone()).unwrap_or_default();
            let event = Stored {
                sequence: text("SEQUENCE").parse().expect("a SEQUENCE"),
                cancelled: text("STATUS") == "CANCELLED",
                start: local(prop(p, "DTSTART").expect("DTSTART")),
                end: local(prop(p, "DTEND").expect("DTEND")),
                location: text("LOCATION"),
                summary: text("SUMMARY"),
                description: text("DESCRIPTION"),
            };
            (text("UID"), event, text("DTSTAMP"))
        })
        .collect()
}

/// Produces the staff's convocations of `text` into `out` (reading the
/// record there) and sends them on `day`: every calendar copied into
/// `out/envois/<day>/`, as a sending records them. The calendars sent.
fn send_calendars(text: &str, out: &std::path::Path, day: &str) -> Vec<(String, Vec<u8>)> {
    let (source, session) = session_from(text);
    let diagnostics = sessiondoc::check::check(&session);
    assert!(
        diagnostics
            .iter()
            .all(|d| d.severity != sessiondoc::diag::Severity::Error),
        "session has errors: {diagnostics:?}"
    );
    let mut options = sessiondoc::generate::GenerateOptions::all_into(out);
    options.formats = vec![sessiondoc::generate::Format::Docx];
    options.only = vec![Kind::ConvocationJure, Kind::ConvocationSurveillant];
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    options.date = Some(sessiondoc::model::Date(date));
    let files = sessiondoc::generate::produce(&source, &session, &options).unwrap();
    let mut sent = Vec::new();
    for f in files.iter().filter(|f| f.entry.format == "ics") {
        let path = out.join("envois").join(day).join(&f.entry.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &f.bytes).unwrap();
        sent.push((f.entry.path.clone(), f.bytes.clone()));
    }
    sent
}

#[test]
fn calendars_sent_again_and_replayed_leave_exactly_the_current_slots() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("session");
    // A season of changes, each sent: the briefing moves, the
    // deliberation changes room, a second surveillant takes the
    // reception, the session is postponed by a week.
    let v1 = sc();
    let v2 = v1.replacen("debut: \"13:30\"", "debut: \"13:00\"", 1);
    let v3 = v2.replacen(
        "nature: deliberation\n    intitule: Délibération du jury et rédaction des procès-verbaux\n    salle: s105",
        "nature: deliberation\n    intitule: Délibération du jury et rédaction des procès-verbaux\n    salle: s204",
        1,
    );
    let v4 = v3
        .replacen(
            "    prenom: Henri\n",
            "    prenom: Henri\n  - id: leroy\n    civilite: Mme\n    nom: LEROY\n    prenom: Claire\n",
            1,
        )
        .replacen("surveillants: [petit]", "surveillants: [leroy]", 1);
    let v5 = v4
        .replace("2027-01-11", "2027-01-18")
        .replace("2027-01-12", "2027-01-19");
    let versions = [&v1, &v2, &v3, &v4, &v5];
    for w in versions.windows(2) {
        assert_ne!(w[0], w[1], "each step changes the file");
    }
    let days = [
        "2026-12-04",
        "2026-12-10",
        "2026-12-15",
        "2026-12-20",
        "2026-12-28",
    ];
    // One calendar store, fed every file of every sending in order.
    let mut store: std::collections::BTreeMap<String, Stored> = Default::default();
    let mut last = Vec::new();
    for (text, day) in versions.iter().zip(days) {
        last = send_calendars(text, &out, day);
        for (path, bytes) in &last {
            for (uid, event, stamp) in stored(bytes) {
                let sent_on = day.replace('-', "");
                assert!(
                    stamp.starts_with(&sent_on),
                    "{path}: DTSTAMP {stamp} on {day}"
                );
                assert!(stamp.ends_with('Z'), "{stamp}");
                match store.get(&uid) {
                    Some(before) if before == &event => {}
                    Some(before) => assert!(
                        event.sequence > before.sequence,
                        "{path} on {day}: {uid} changed without a higher SEQUENCE: {before:?} → {event:?}"
                    ),
                    None => assert!(!event.cancelled, "{uid}: cancelled before it was sent"),
                }
                store.insert(uid, event);
            }
        }
    }
    // What the store shows is exactly what the last files say is current.
    let mut current: Vec<(String, Stored)> = last
        .iter()
        .flat_map(|(_, bytes)| stored(bytes))
        .filter(|(_, e, _)| !e.cancelled)
        .map(|(uid, e, _)| (uid, e))
        .collect();
    current.sort_by(|a, b| a.0.cmp(&b.0));
    let live: Vec<(String, Stored)> = store
        .iter()
        .filter(|(_, e)| !e.cancelled)
        .map(|(u, e)| (u.clone(), e.clone()))
        .collect();
    assert_eq!(live, current, "no stale event, no duplicate");
    let of = |who: &str| {
        live.iter()
            .filter(|(u, _)| u.contains(&format!("-{who}-")))
            .map(|(_, e)| e.clone())
            .collect::<Vec<_>>()
    };
    // Lejeune's nine slots, a week later; the deliberation in room 204.
    let lejeune = of("jure-lejeune");
    assert_eq!(lejeune.len(), 9, "{lejeune:?}");
    assert!(
        lejeune
            .iter()
            .all(|e| e.start.to_string().starts_with("2027-01-1"))
    );
    assert!(
        lejeune
            .iter()
            .all(|e| !e.start.to_string().starts_with("2027-01-11"))
    );
    assert!(
        lejeune
            .iter()
            .any(|e| e.start.to_string() == "2027-01-18 13:00:00")
    );
    assert!(
        lejeune
            .iter()
            .any(|e| e.summary.contains("Délibération") && e.location == "Salle informatique 204")
    );
    // Petit no longer has the reception; Leroy has it.
    let petit = of("surveillant-petit");
    assert_eq!(petit.len(), 1, "{petit:?}");
    assert_eq!(of("surveillant-leroy").len(), 1);
    // Every event of the first week is cancelled, none stays.
    let cancelled: Vec<&String> = store
        .iter()
        .filter(|(_, e)| e.cancelled)
        .map(|(u, _)| u)
        .collect();
    assert!(cancelled.len() >= 11, "{cancelled:?}");
    assert!(store.iter().all(|(_, e)| e.cancelled
        || !e.start.to_string().starts_with("2027-01-11")
            && !e.start.to_string().starts_with("2027-01-12")));
    // The moved briefing went through sequences 0, 1, then cancelled at 2.
    let briefing = store
        .iter()
        .find(|(u, e)| u.contains("lejeune-briefing") && e.cancelled)
        .map(|(_, e)| e.sequence);
    assert_eq!(briefing, Some(2), "{:?}", store.keys().collect::<Vec<_>>());
}

#[test]
fn a_surveillant_stays_for_the_extra_time_and_the_event_says_so() {
    // The candidate's adapted conditions with their extra time written.
    let text = sc().replacen(
        "    amenagement: Tiers-temps supplémentaire sur l'épreuve écrite (avis médical du 12/10/2026)\n",
        "    amenagement:\n      description: Tiers-temps supplémentaire sur l'épreuve écrite (avis médical du 12/10/2026)\n      temps_supplementaire: tiers_temps\n",
        1,
    );
    assert_ne!(text, sc());
    let files = produce_text(&text, &[Kind::ConvocationSurveillant]);
    let events = stored(&ics_of(&files, "petit").bytes);
    let (_, written, _) = events
        .iter()
        .find(|(_, e, _)| e.summary.contains("Mise en situation"))
        .expect("the written test");
    // Written 8:30–12:30; a third more for the candidate with extra time.
    assert_eq!(written.start.to_string(), "2027-01-11 08:30:00");
    assert_eq!(
        written.end.to_string(),
        "2027-01-11 13:50:00",
        "{written:?}"
    );
    assert!(
        written.description.contains("Temps supplémentaire")
            && written.description.contains("jusqu'à 13\u{a0}h\u{a0}50"),
        "{written:?}"
    );
}

//! What each person holds, read from the record of sendings: their
//! letters since their last cancellation, each with its sending's day and
//! the session file as it was then. A person whom no change concerns
//! since their last letter is shown that letter again, as it was (a first
//! letter or a rectificative, announcing a postponement or not); one whom
//! a change concerns gets a rectificative of their last letter, which
//! announces a postponement only if that letter did not. A juror's or
//! surveillant's livret goes with their letter and names the same one.

use std::collections::HashMap;
use std::path::Path;

use crate::changes::{self, Changes};
use crate::kind::Kind;
use crate::model::{Date, Session};
use crate::plan::{Correction, Letter, Plan};

/// One sending of the record: its day, its session file, who got a
/// letter and whose convocation it cancelled.
struct Sent {
    day: Date,
    session: Option<Session>,
    /// The file a first sending corrected (`--depuis`), when it had one.
    seed: Option<Session>,
    letters: Vec<String>,
    cancelled: Vec<String>,
}

/// Corrects `correction` (made against the last sending) person by
/// person, against the letters the record of `folder` says each one
/// received. Nothing without a record.
pub fn apply(correction: &mut Correction, folder: &Path, now: &Plan) {
    let sendings: Vec<Sent> = super::sendings(folder).iter().map(|s| read(s)).collect();
    let Some(first) = sendings.first() else {
        return;
    };
    // The session of each sending, then the file the first one corrected.
    let plans: Vec<Option<Plan>> = sendings
        .iter()
        .map(|s| s.session.as_ref().map(Plan::new))
        .chain(std::iter::once(first.seed.as_ref().map(Plan::new)))
        .collect();
    let seed = sendings.len();
    let mut compared = Compared {
        plans: &plans,
        now,
        to_now: HashMap::new(),
        between: HashMap::new(),
    };
    let long = |i: usize| crate::fr::long_date(sendings[i].day);
    for who in changes::written_to(now) {
        let (Some(stem), received) = (letter_stem(&who), letters_of(&sendings, &who)) else {
            continue;
        };
        let (role, id) = who.split_once(':').unwrap_or_default();
        if received.is_empty() && sendings.iter().any(|s| s.cancelled.contains(&who)) {
            // Cancelled, and sent nothing since: their letter replaces
            // none and announces nothing (it is not sent while they are
            // not convened again).
            correction.of_role(role).remove(id);
            correction.lettres.remove(&stem);
            continue;
        }
        let Some((last, Some(then))) = received.last().map(|&l| (l, plans[l].as_ref())) else {
            continue;
        };
        if let Some(slots) = compared.since(last).slots_of(&who) {
            // A rectificative of their last letter, sent now.
            let letter = Letter {
                date: correction.envoi.clone(),
                precedente: Some(long(last)),
                report: changes::period(then, now),
            };
            correction.of_role(role).insert(id.to_owned(), slots);
            say(correction, &who, stem, letter);
            continue;
        }
        // Nothing changed for them: the letter they hold, as it was.
        correction.of_role(role).remove(id);
        let before = match received.len() {
            1 => last.checked_sub(1).unwrap_or(seed),
            n => received[n - 2],
        };
        let Some(b) = plans[before].as_ref() else {
            // A first letter of the first sending: dated as the file says.
            continue;
        };
        // Their only letter since the record began (or since their last
        // cancellation), sent when `b` did not convene them: a first letter.
        let letter = if received.len() == 1 && !changes::convened(b).contains(&who) {
            Letter {
                date: long(last),
                precedente: None,
                report: None,
            }
        } else if compared.between(before, last).slots_of(&who).is_none() {
            // Sent with the first sending though nothing had changed for
            // them: dated as the file says.
            continue;
        } else {
            let slots = compared.since(before).slots_of(&who).unwrap_or_default();
            correction.of_role(role).insert(id.to_owned(), slots);
            Letter {
                date: long(last),
                precedente: Some(match received.len() {
                    1 => b.facts.convocation_date.clone(),
                    n => long(received[n - 2]),
                }),
                report: changes::period(b, then),
            }
        };
        say(correction, &who, stem, letter);
    }
}

/// What the current letter of `who` says, for their convocation (`stem`)
/// and for the livret of a juror or surveillant, which goes with it and
/// names the same letter it replaces.
fn say(correction: &mut Correction, who: &str, stem: String, letter: Letter) {
    let livret = match who.split_once(':') {
        Some(("jure", id)) => Some(Kind::LivretJure.file_for(id)),
        Some(("surveillant", id)) => Some(Kind::LivretSurveillant.file_for(id)),
        _ => None,
    };
    if let Some(livret) = livret {
        correction.lettres.insert(livret, letter.clone());
    }
    correction.lettres.insert(stem, letter);
}

/// The changes between the sessions of the record and now, each computed
/// once.
struct Compared<'p> {
    plans: &'p [Option<Plan<'p>>],
    now: &'p Plan<'p>,
    to_now: HashMap<usize, Changes>,
    between: HashMap<(usize, usize), Changes>,
}

impl Compared<'_> {
    /// What changed since the session `i` of the record.
    fn since(&mut self, i: usize) -> &Changes {
        let (plans, now) = (self.plans, self.now);
        self.to_now.entry(i).or_insert_with(|| match &plans[i] {
            Some(then) => changes::compare(then, now),
            None => Changes::default(),
        })
    }

    /// What changed from the session `i` of the record to the session `j`.
    fn between(&mut self, i: usize, j: usize) -> &Changes {
        let plans = self.plans;
        self.between
            .entry((i, j))
            .or_insert_with(|| match (&plans[i], &plans[j]) {
                (Some(a), Some(b)) => changes::compare(a, b),
                _ => Changes::default(),
            })
    }
}

/// A sending folder read: its day, session file and list.
fn read(folder: &Path) -> Sent {
    let name = folder.file_name().map(|n| n.to_string_lossy().into_owned());
    let day = name
        .as_deref()
        .and_then(super::order)
        .map_or_else(Date::today, |(day, _)| day);
    let load = |name: &str| crate::load::load(&folder.join(name)).ok().map(|(_, s)| s);
    let (session, seed) = (load(super::SESSION), load(super::SEED));
    let lines: Vec<super::Line> = std::fs::read_to_string(folder.join(super::LISTE))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let who = |l: &super::Line| format!("{}:{}", l.role, l.id);
    let pdf = |l: &&super::Line| l.document.ends_with(".pdf");
    Sent {
        day,
        session,
        seed,
        letters: lines
            .iter()
            .filter(pdf)
            .filter(|l| letter_stem(&who(l)).is_some_and(|s| l.document == format!("{s}.pdf")))
            .map(who)
            .collect(),
        cancelled: lines
            .iter()
            .filter(pdf)
            .filter(|l| super::is_cancellation(&l.document))
            .map(who)
            .collect(),
    }
}

/// The sendings (their places in the record) at which `who` received a
/// letter, since the last that cancelled their convocation.
fn letters_of(sendings: &[Sent], who: &str) -> Vec<usize> {
    let mut received = Vec::new();
    for (i, s) in sendings.iter().enumerate() {
        if s.cancelled.iter().any(|c| c == who) {
            received.clear();
        }
        if s.letters.iter().any(|l| l == who) {
            received.push(i);
        }
    }
    received
}

/// The stem of the convocation of `role:id`.
fn letter_stem(who: &str) -> Option<String> {
    let (role, id) = who.split_once(':')?;
    let kind = match role {
        "candidat" => Kind::Convocation,
        "jure" => Kind::ConvocationJure,
        "surveillant" => Kind::ConvocationSurveillant,
        _ => return None,
    };
    Some(kind.file_for(id))
}

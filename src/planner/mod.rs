//! `sessiondoc planifier SESSION.yaml [--ecrire]`: the timetable built from
//! the référentiel's tests (`epreuves`), the organisation of the days, the
//! jurors and the candidates. Slots already in the file are kept as they
//! are; only what is missing is planned around them, the same file always
//! giving the same timetable.
//!
//! The search is greedy, most constrained candidates first, in 5-minute
//! steps, with a bounded number of restarts that put the candidates it got
//! stuck on first; totals are compared before it, to explain in numbers a
//! session that cannot fit. The first plan that fits is then improved by
//! a bounded local search (`improve`).

mod busy;
mod by_day;
pub mod demand;
mod improve;
mod jury;
mod pairs;
mod passages;
mod search;
mod show;
mod since;
mod summary;
pub mod write;

use std::path::Path;
use std::process::ExitCode;

use crate::diag::Report;
use crate::error::Error;
use crate::fr;
use crate::load;
use crate::model::{Creneau, Date, Epreuve, NatureCreneau, Organisation, Session, Time};
pub use busy::Frame;
pub use pairs::Pairs;
use search::{Search, Stuck};

/// The file's own slots of one nature: pinned, the planner places none of
/// that nature where they already stand.
fn pinned(s: &Session, nature: NatureCreneau) -> impl Iterator<Item = &Creneau> {
    s.planning.value.iter().filter(move |c| c.nature == nature)
}

/// How many times the search starts again with the candidates it got
/// stuck on put first.
const RESTARTS: usize = 24;

/// The people of a new slot: a list of ids, or everyone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    Tous,
    Ids(Vec<String>),
}

impl Who {
    /// Whether nobody is named.
    pub fn is_empty(&self) -> bool {
        matches!(self, Who::Ids(ids) if ids.is_empty())
    }
}

/// A slot the planner adds to `planning:`.
#[derive(Debug, Clone)]
pub struct NewSlot {
    pub date: Date,
    pub debut: u16,
    pub fin: u16,
    pub nature: NatureCreneau,
    pub intitule: String,
    pub salle: Option<String>,
    pub candidats: Who,
    pub jures: Who,
    pub surveillants: Who,
}

/// The titles of the slots the planner adds besides the tests (from
/// `templates/planifier.j2`, block `libelles`).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Labels {
    pub accueil: String,
    pub briefing: String,
    pub correction: String,
    pub deliberation: String,
    pub pause: String,
}

/// What the planner proposes: new slots and the pairs.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub slots: Vec<NewSlot>,
    pub pairs: Pairs,
    /// What the search gained on the first plan that fitted.
    pub gain: Option<summary::Gain>,
}

impl Proposal {
    /// Whether the file is complete already.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty() && self.pairs.formed.is_empty()
    }
}

/// The minutes candidate `c` takes for test `e`: its length plus the
/// candidate's extra time where it applies (`plan::extra_for`). Passages
/// use it per candidate; a test taken together lasts as long as its
/// slowest candidate needs.
pub fn candidate_minutes(s: &Session, c: usize, e: &Epreuve) -> u16 {
    let own = e.duree.value.0;
    own + crate::plan::extra_for(&s.candidats.value[c], e.nature.value, own)
}

/// The days the planner fills: the session's working days, first to last
/// (no Saturday, Sunday or public holiday), or every day of a session that
/// has no working day at all.
pub fn session_days(s: &Session) -> Vec<Date> {
    let (first, last) = (s.session.debut.value, s.session.fin.value);
    let n = (last.0 - first.0).num_days().max(0);
    let every: Vec<Date> = (0..=n).map(|d| first.plus_days(d)).collect();
    let working: Vec<Date> = every
        .iter()
        .copied()
        .filter(|d| crate::deadlines::is_working_day(*d))
        .collect();
    if working.is_empty() { every } else { working }
}

/// The day's frame from `organisation` (or its defaults).
pub fn frame(org: &Organisation) -> Frame {
    let (start, end) = org.horaires();
    let (a, b) = org.dejeuner();
    Frame {
        start: start.0,
        end: end.0,
        lunch: (a.0, b.0),
        battement: org.battement(),
        run: org.pause_jury(),
    }
}

/// The titles of the slots the planner adds, from the embedded templates.
pub fn labels() -> Result<Labels, Error> {
    show::labels()
}

/// Plans what the file's timetable is missing. A refusal says which
/// single change (one more pair, room or surveillant, one more day,
/// longer days) would plan the session, having planned with it.
pub fn propose(s: &Session, labels: &Labels) -> Result<Proposal, Box<demand::Failure>> {
    let change = Change {
        improve: true,
        ..Change::default()
    };
    plan_with(s, labels, change).map_err(|mut failure| {
        failure.non_retenus = pairs::unusable(s, &session_days(s));
        // Seats missing: no day or hour more would seat anyone.
        if failure.bloque.as_ref().is_none_or(|b| b.places.is_none()) {
            failure.essais = trials(s, labels, &failure);
        }
        failure
    })
}

/// The latest end of day a refusal tries: 18:00, past which the
/// regulations advise not to go.
const LATEST_END: u16 = 18 * 60;

/// The single changes a refusal tries, smallest first: one more pair from
/// the jurors on none, one more room or surveillant where they block, one
/// more day, days ending at 18:00, two more days only when one is not
/// enough; those that work first.
fn trials(s: &Session, labels: &Labels, failure: &demand::Failure) -> Vec<demand::Trial> {
    let default = Organisation::default();
    let end = frame(s.organisation.as_ref().unwrap_or(&default)).end;
    let mut out: Vec<demand::Trial> = Vec::new();
    out.extend(more_pair(s, labels));
    out.extend(more_rooms_or_watchers(s, labels, failure));
    let one_day = Change {
        more_days: 1,
        ..Change::default()
    }
    .tried(s, labels);
    let one_is_enough = one_day.as_ref().is_some_and(|t| t.possible);
    out.extend(one_day);
    if end < LATEST_END {
        out.extend(
            Change {
                later_end: LATEST_END - end,
                ..Change::default()
            }
            .tried(s, labels),
        );
    }
    if !one_is_enough {
        out.extend(
            Change {
                more_days: 2,
                ..Change::default()
            }
            .tried(s, labels),
        );
    }
    out.sort_by_key(|e| !e.possible);
    out
}

/// One more pair made of jurors listed on no pair, taking candidates from
/// the busiest pairs, as if their `jury` named it; with a single juror on
/// no pair, them and a juror of a pair whose days are not all used, said
/// only when it plans the session.
fn more_pair(s: &Session, labels: &Labels) -> Option<demand::Trial> {
    let days = session_days(s);
    let pairs = pairs_of(s, &days, &Change::default()).ok()?;
    let try_with = |more: &pairs::MorePair| {
        let change = Change {
            more: Some(more.clone()),
            ..Change::default()
        };
        let outcome = plan_with(s, labels, change);
        demand::Trial::pair(s, &pairs, more, outcome.err().as_deref())
    };
    if let Some(more) = pairs::one_more(s, &pairs, &days) {
        return Some(try_with(&more));
    }
    pairs::with_spare(s, &pairs, &days)
        .iter()
        .take(SPARE_PARTNERS)
        .map(try_with)
        .find(|trial| trial.possible)
}

/// The partners a refusal tries at most for a single juror on no pair.
const SPARE_PARTNERS: usize = 4;

/// One more room for the test the search got stuck on (and the tests
/// given the same rooms), one more surveillant when the test is watched;
/// each said only when it changes what blocks.
fn more_rooms_or_watchers(
    s: &Session,
    labels: &Labels,
    failure: &demand::Failure,
) -> Vec<demand::Trial> {
    let Some(stuck) = failure.bloque.as_ref().filter(|b| b.fixe.is_none()) else {
        return Vec::new();
    };
    let Some(k) = s.epreuves.iter().position(|e| e.intitule == stuck.quoi) else {
        return Vec::new();
    };
    let listed = |e: &Epreuve| {
        let mut ids: Vec<String> = e.salles.value.iter().map(|r| r.value.clone()).collect();
        ids.sort_unstable();
        ids
    };
    let same: Vec<usize> = (0..s.epreuves.len().min(64))
        .filter(|&x| listed(&s.epreuves[x]) == listed(&s.epreuves[k]))
        .collect();
    let mut out = Vec::new();
    let rooms = Change {
        extra: search::Extra {
            rooms: same.iter().fold(0, |m, &x| m | 1 << x),
            surveillant: false,
        },
        ..Change::default()
    };
    let titles: Vec<String> = same
        .iter()
        .map(|&x| s.epreuves[x].intitule.clone())
        .collect();
    let outcome = plan_with(s, labels, rooms);
    if helps(stuck, &outcome) {
        out.push(demand::Trial::room(titles, outcome.err().as_deref()));
    }
    if s.epreuves[k].encadrement.value == crate::model::Encadrement::Surveillant {
        let watcher = Change {
            extra: search::Extra {
                rooms: 0,
                surveillant: true,
            },
            ..Change::default()
        };
        let outcome = plan_with(s, labels, watcher);
        if helps(stuck, &outcome) {
            out.push(demand::Trial::watcher(outcome.err().as_deref()));
        }
    }
    out
}

/// Whether a room or surveillant added changed anything: the session
/// planned, or the search stuck elsewhere than on `stuck`.
fn helps(stuck: &demand::Blocked, outcome: &Result<Proposal, Box<demand::Failure>>) -> bool {
    outcome.as_ref().err().is_none_or(|f| {
        f.bloque
            .as_ref()
            .is_none_or(|b| b.quoi != stuck.quoi || b.candidats != stuck.candidats)
    })
}

/// A change to the session a refusal tries: working days added after the
/// last, minutes added at the end of each day, one more pair, one more
/// room or surveillant.
#[derive(Debug, Clone, Default)]
struct Change {
    more_days: usize,
    later_end: u16,
    more: Option<pairs::MorePair>,
    extra: search::Extra,
    /// Whether the search improves the first plan that fits (a refusal's
    /// trials only ask whether one fits).
    improve: bool,
}

impl Change {
    /// The session's days with this change.
    fn days(&self, s: &Session) -> Vec<Date> {
        let mut days = session_days(s);
        let mut next = s.session.fin.value;
        for _ in 0..self.more_days {
            next = next.plus_days(1);
            while !crate::deadlines::is_working_day(next) {
                next = next.plus_days(1);
            }
            days.push(next);
        }
        days
    }

    /// Plans with this change of days or hours: what it was and whether
    /// it works (`None` for a change that changes nothing).
    fn tried(self, s: &Session, labels: &Labels) -> Option<demand::Trial> {
        let days = self.days(s);
        let default = Organisation::default();
        let org = s.organisation.as_ref().unwrap_or(&default);
        let end = frame(org).end;
        let added = &days[days.len() - self.more_days..];
        let free_jurors = s
            .jures
            .value
            .iter()
            .filter(|j| !pairs::juror_days(j, added).is_empty())
            .count();
        let detail = if self.more_days > 0 && free_jurors >= 2 {
            fr::long_date(*days.last()?)
        } else if self.more_days == 0 && end + self.later_end <= LATEST_END {
            hm(end + self.later_end)
        } else {
            return None;
        };
        let more_days = self.more_days;
        let outcome = plan_with(s, labels, self);
        Some(demand::Trial::new(
            more_days,
            detail,
            outcome.err().as_deref(),
        ))
    }
}

/// What planning needs of a day and of one candidate, for forming pairs.
fn effort_of(s: &Session, org: &Organisation, frame: Frame) -> pairs::Effort {
    // One candidate's share of a pair's work, gaps included.
    let one = demand::pair_need(s, org, 1).0 - org.briefing() as usize;
    let passages = s
        .epreuves
        .iter()
        .filter(|e| e.encadrement.value == crate::model::Encadrement::Jury)
        .count()
        + 2;
    pairs::Effort {
        per_day: demand::day_minutes(frame) as usize,
        per_candidate: one + passages * frame.battement as usize,
    }
}

/// The day's frame with `change` made to its hours.
fn frame_with(s: &Session, change: &Change) -> Frame {
    let default = Organisation::default();
    let mut frame = frame(s.organisation.as_ref().unwrap_or(&default));
    frame.end += change.later_end;
    frame
}

/// The pairs on `days` with `change` made.
fn pairs_of(s: &Session, days: &[Date], change: &Change) -> Result<Pairs, Vec<usize>> {
    let default = Organisation::default();
    let org = s.organisation.as_ref().unwrap_or(&default);
    let effort = effort_of(s, org, frame_with(s, change));
    pairs::form(s, days, effort, change.more.as_ref())
}

/// Plans with `change` made to the session's days and hours.
fn plan_with(
    s: &Session,
    labels: &Labels,
    change: Change,
) -> Result<Proposal, Box<demand::Failure>> {
    let days = change.days(s);
    let days = &days[..];
    let default = Organisation::default();
    let org = s.organisation.as_ref().unwrap_or(&default);
    let frame = frame_with(s, &change);
    let effort = effort_of(s, org, frame);
    let pairs = pairs_of(s, days, &change)
        .map_err(|stuck| Box::new(demand::Failure::without_pair(s, &stuck)))?;
    if let Some(failure) = demand::shortfalls(s, &pairs, days, org, frame) {
        return Err(Box::new(failure));
    }
    // Most constrained first: the pairs with the fewest days, then the
    // most candidates.
    let n = s.candidats.value.len();
    let mut order: Vec<usize> = (0..n).collect();
    let pair_key = |c: usize| {
        let p = pairs.of_candidate[c];
        let days = pairs::pair_days(s, pairs.jurors[p], days).len();
        (days, std::cmp::Reverse(pairs.candidates(p).count()), c)
    };
    order.sort_by_key(|&c| pair_key(c));
    let mut builder = Builder {
        base: (s, days, frame, change.extra),
        org,
        pairs: &pairs,
        labels,
        // A day of each pair at a time, kept unless the test-by-test
        // order uses fewer days.
        per_day: effort.per_day / effort.per_candidate.max(1) + 2,
        by_day_rank: ranks(&order),
        rank: Vec::new(),
    };
    let by_day = builder.by_day(&improve::Tuning::default());
    let mut first_stuck: Option<(Stuck, Vec<NewSlot>)> = None;
    let mut greedy = None;
    for _ in 0..=RESTARTS {
        builder.rank = ranks(&order);
        match attempt(
            builder.base,
            org,
            &pairs,
            labels,
            ranks(&order),
            &Default::default(),
        ) {
            Ok(slots) => {
                greedy = Some(slots);
                break;
            }
            Err((stuck, placed)) => {
                let moved: Vec<usize> = stuck.candidates.clone();
                let already_first = order.iter().take(moved.len()).all(|c| moved.contains(c));
                if first_stuck.is_none() {
                    first_stuck = Some((stuck, placed));
                }
                if moved.is_empty() || already_first {
                    break;
                }
                order.retain(|c| !moved.contains(c));
                order.splice(0..0, moved);
            }
        }
    }
    let seed = match (greedy, by_day) {
        (Some(slots), Some(better)) if days_used(s, &better.0) > days_used(s, &slots) => {
            (slots, None)
        }
        (_, Some((slots, counts))) => (slots, Some(counts)),
        (Some(slots), None) => (slots, None),
        (None, None) => {
            let (stuck, placed) = first_stuck.expect("at least one attempt");
            return Err(Box::new(demand::Failure::stuck(s, &pairs, &stuck, &placed)));
        }
    };
    let (mut slots, gain) = if change.improve {
        let by_day = seed.1.is_some();
        let (slots, gain) = improve::improve(
            seed,
            |slots| summary::score(s, slots, &pairs),
            |tuning| builder.run(by_day, tuning),
            improve::Context {
                s,
                days,
                frame,
                pairs: &pairs,
            },
        );
        (slots, Some(gain))
    } else {
        (seed.0, None)
    };
    slots.sort_by_key(|c| (c.date, c.debut, c.fin, c.salle.clone()));
    Ok(Proposal { slots, pairs, gain })
}

/// Each candidate's rank in `order`.
fn ranks(order: &[usize]) -> Vec<usize> {
    let mut rank = vec![0; order.len()];
    for (r, &c) in order.iter().enumerate() {
        rank[c] = r;
    }
    rank
}

/// What running the builder again needs: the session, its pairs, the
/// candidates' order of each builder.
struct Builder<'a> {
    base: (&'a Session, &'a [Date], Frame, search::Extra),
    org: &'a Organisation,
    pairs: &'a Pairs,
    labels: &'a Labels,
    per_day: usize,
    /// The order of the day-at-a-time builder.
    by_day_rank: Vec<usize>,
    /// The order of the test-by-test builder that planned the session.
    rank: Vec<usize>,
}

impl Builder<'_> {
    /// The day-at-a-time builder with `tuning`.
    fn by_day(&self, tuning: &improve::Tuning) -> Option<(Vec<NewSlot>, Vec<Vec<usize>>)> {
        let (pairs, labels) = (self.pairs, self.labels);
        let rank = self.by_day_rank.clone();
        by_day::attempt(
            self.base,
            self.org,
            pairs,
            labels,
            rank,
            self.per_day,
            tuning,
        )
    }

    /// A run of the day-at-a-time builder (`by_day`) or of the
    /// test-by-test one with `tuning`.
    fn run(&self, by_day: bool, tuning: &improve::Tuning) -> Option<improve::Run> {
        if by_day {
            return self
                .by_day(tuning)
                .map(|(slots, counts)| (slots, Some(counts)));
        }
        let (pairs, labels) = (self.pairs, self.labels);
        let rank = self.rank.clone();
        attempt(self.base, self.org, pairs, labels, rank, tuning)
            .ok()
            .map(|slots| (slots, None))
    }
}

/// The days holding a slot, the file's or a new one.
fn days_used(s: &Session, slots: &[NewSlot]) -> usize {
    let mut days: Vec<Date> = slots.iter().map(|c| c.date).collect();
    days.extend(s.planning.value.iter().map(|c| c.date.value));
    days.sort_unstable();
    days.dedup();
    days.len()
}

/// One greedy pass, in the order given by `rank`.
fn attempt(
    (s, days, frame, extra): (&Session, &[Date], Frame, search::Extra),
    org: &Organisation,
    pairs: &Pairs,
    labels: &Labels,
    rank: Vec<usize>,
    tuning: &improve::Tuning,
) -> Result<Vec<NewSlot>, (Stuck, Vec<NewSlot>)> {
    let mut search = Search::new(s, days, frame, pairs, labels, rank);
    search.extra = extra;
    search.briefing_from = tuning.briefing_from.clone();
    let first_final = s
        .epreuves
        .iter()
        .position(|e| e.nature.value == NatureCreneau::EntretienFinal);
    let mut run = || -> Result<(), Stuck> {
        search.welcome(org.accueil())?;
        search.briefings(org.briefing())?;
        for k in 0..s.epreuves.len() {
            if Some(k) == first_final {
                search.studies(org.etude_dossiers())?;
            }
            search.test(k)?;
        }
        search.deliberations(org.deliberation())
    };
    match run() {
        Ok(()) => {
            search.lunch_breaks();
            Ok(search.slots)
        }
        Err(stuck) => Err((stuck, search.slots)),
    }
}

/// Whether `check` would accept the file once the planner has given a pair
/// to each candidate whose `jury` is empty: those findings are set aside.
fn blocking(s: &Session, findings: Vec<crate::diag::Diagnostic>) -> Vec<crate::diag::Diagnostic> {
    findings
        .into_iter()
        .filter(|d| {
            let empty_jury =
                s.candidats.value.iter().enumerate().any(|(i, c)| {
                    c.jury.value.is_empty() && d.path == format!("candidats[{i}].jury")
                });
            !empty_jury
        })
        .collect()
}

/// What the command says and whether it succeeded.
#[derive(Debug)]
pub struct Outcome {
    pub success: bool,
    /// For standard output: the timetable, or that nothing is missing.
    pub out: String,
    /// For standard error: the file's errors, or why nothing fits.
    pub err: String,
    /// What was proposed, for a caller that also shows it otherwise (the
    /// web page's grid); `None` when nothing was.
    pub proposal: Option<Box<Proposal>>,
}

/// The command: the proposed timetable, written into the file with
/// `write`. The file is changed only when the outcome is a success.
pub fn execute(path: &Path, write: bool, color: bool) -> Result<Outcome, Error> {
    execute_since(path, None, write, color)
}

fn failed(err: String) -> Outcome {
    Outcome {
        success: false,
        out: String::new(),
        err,
        proposal: None,
    }
}

/// The file at `path` loaded, or what makes it unreadable.
fn loaded(path: &Path, color: bool) -> Result<(load::Source, Session), Outcome> {
    load::load(path).map_err(|failure| {
        let (text, d) = *failure;
        let report = Report {
            diagnostics: vec![d],
        };
        failed(report.render(&path.display().to_string(), &text, color))
    })
}

/// The file's text and session with the slots announced in `before` that
/// still hold, and what was kept.
fn since_before(
    source: load::Source,
    session: Session,
    before: &Path,
    color: bool,
) -> Result<(load::Source, Session, Session, since::Since), Outcome> {
    let (_, old) = loaded(before, color)?;
    let (keep, moved, gardes) = since::kept(&session, &old, &session_days(&session));
    let text = since::merged(&source.text, &session, &old, &keep).ok_or_else(|| {
        failed(format!(
            "{}\n",
            show::not_completable(&source.name).unwrap_or_default()
        ))
    })?;
    let merged = load::Source::from_text(&source.name, &text);
    let session = load::parse(&merged).map_err(|d| {
        let report = Report {
            diagnostics: vec![d],
        };
        failed(report.render(&merged.name, &merged.text, color))
    })?;
    let told = since::Since {
        avant: before.display().to_string(),
        gardes,
        deplaces: moved,
        ..since::Since::default()
    };
    Ok((merged, session, old, told))
}

/// The command, re-planning from the timetable announced in `before` when
/// given: its slots that still hold are kept.
pub fn execute_since(
    path: &Path,
    before: Option<&Path>,
    write: bool,
    color: bool,
) -> Result<Outcome, Error> {
    let (source, session) = match loaded(path, color) {
        Ok(l) => l,
        Err(outcome) => return Ok(outcome),
    };
    // Without `--depuis`, the session file of the last sending, if any.
    let recorded = before
        .is_none()
        .then(|| crate::record::last_session(&crate::generate::default_folder(&source, &session)));
    let before = before.map(Path::to_path_buf).or(recorded.flatten());
    let (source, session, announced) = match before.as_deref() {
        None => (source, session, None),
        Some(b) => match since_before(source, session, b, color) {
            Ok((src, s, old, told)) => (src, s, Some((old, told))),
            Err(outcome) => return Ok(outcome),
        },
    };
    // The errors alone: the warnings about slots not yet planned would
    // bury them (`check` says both).
    let report = Report {
        diagnostics: blocking(&session, crate::check::check(&session))
            .into_iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .collect(),
    };
    if report.errors() > 0 {
        let text = report.render(&source.name, &source.text, color);
        return Ok(failed(format!("{text}{}\n", show::refused(&source.name)?)));
    }
    if session.epreuves.is_empty() && session.planning.value.is_empty() {
        return Ok(failed(format!("{}\n", show::without_tests(&source.name)?)));
    }
    let labels = show::labels()?;
    let proposal = match propose(&session, &labels) {
        Ok(p) => p,
        Err(failure) => {
            return Ok(failed(format!(
                "{}\n",
                show::failure(&failure, &source.name)?
            )));
        }
    };
    if proposal.is_empty() && announced.is_none() {
        let out = format!("{}\n", show::nothing(&source.name)?);
        return Ok(Outcome {
            success: true,
            out,
            err: String::new(),
            proposal: Some(Box::new(proposal)),
        });
    }
    let mut out = show::timetable(&session, &proposal)?;
    let default = Organisation::default();
    let org = session.organisation.as_ref().unwrap_or(&default);
    let fewest = demand::fewest_days(&session, &proposal.pairs, org, frame(org));
    let figures = summary::of(&session, &proposal, fewest);
    out.push_str(&format!("{}\n", show::summary(&figures)?));
    if let Some((old, mut told)) = announced {
        if let Some(after) = planned_session(&source, &session, &proposal) {
            (told.candidats, told.jures, told.surveillants) = since::letters(&old, &after);
        }
        out.push_str(&format!("{}\n", show::since(&told)?));
    }
    if write {
        write::into_file(path, &source.text, &session, &proposal)?;
        out.push_str(&format!(
            "{}\n",
            show::written(&source.name, proposal.slots.len())?
        ));
    }
    Ok(Outcome {
        success: true,
        out,
        err: String::new(),
        proposal: Some(Box::new(proposal)),
    })
}

/// The session as the file would be with the proposal written in it.
fn planned_session(source: &load::Source, s: &Session, proposal: &Proposal) -> Option<Session> {
    let text = write::fill_juries(&source.text, s, proposal)?;
    let text = write::insert_slots(&text, &proposal.slots)?;
    load::parse(&load::Source::from_text(&source.name, &text)).ok()
}

/// `sessiondoc planifier`, printed; `before`: the file as announced.
pub fn run(path: &Path, write: bool, before: Option<&Path>) -> Result<ExitCode, Error> {
    let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let outcome = execute_since(path, before, write, color)?;
    crate::stdout::print(&outcome.out);
    eprint!("{}", outcome.err);
    Ok(if outcome.success {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// "08:30" from minutes.
pub(crate) fn hm(minutes: u16) -> String {
    Time(minutes).to_string()
}

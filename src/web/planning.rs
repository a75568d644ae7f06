//! The timetable page: the file's slots and the planner's proposal day by
//! day as a grid (hours down, rooms across), with what the planner says
//! of it — its summary, or its refusal — as `planifier` prints it; the
//! proposal accepted in one step (as `planifier --ecrire`); one slot of
//! the file moved (day, time, room) with a small form, written in place.
//! The planner keeps the file's slots where they stand: a slot moved is
//! pinned there. The planner's outcome is computed ahead
//! ([`crate::web::app::Planning`]); the page never waits for it before
//! answering: its head goes at once, the rest when the outcome comes.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

use serde::Serialize;

use crate::error::Error;
use crate::load::{self, Source};
use crate::model::{Date, Selection, Session, Time};
use crate::planner::{self, NewSlot, Who};
use crate::web::app::{App, Planned};
use crate::web::http::{Reply, Request, first};
use crate::web::message::{Message, input_problem, not_written};
use crate::web::pages::plan_key;
use crate::web::view::Views;

/// One slot in a cell of the grid.
#[derive(Serialize)]
struct Item {
    /// Its number in the file's `planning` (1 for the first), for the form;
    /// `None` for a slot the planner proposes.
    numero: Option<usize>,
    intitule: String,
    candidats: String,
    jury: String,
}

/// One line of a day: a span of time, a cell per room.
#[derive(Serialize)]
struct Row {
    time: String,
    cells: Vec<Vec<Item>>,
}

/// One day of the grid.
#[derive(Serialize)]
struct Day {
    title: String,
    /// Each room's name; `None` for the slots without a room.
    rooms: Vec<Option<String>>,
    rows: Vec<Row>,
}

/// A slot, from the file or proposed, as the grid places it.
struct Placed {
    date: Date,
    debut: u16,
    fin: u16,
    salle: Option<String>,
    item: Item,
}

/// Names of the people a selection names (`tous` said as such).
fn names(selection: Option<&Selection>, of: impl Fn(&str) -> Option<String>) -> String {
    match selection {
        None => String::new(),
        Some(Selection::Tous) => "tous".to_owned(),
        Some(Selection::Ids(ids)) => ids
            .iter()
            .map(|id| of(&id.value).unwrap_or_else(|| id.value.clone()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn candidate_name(s: &Session, id: &str) -> Option<String> {
    let c = s.candidats.value.iter().find(|c| c.id.value == id)?;
    Some(format!("{} {}", c.nom_affiche(), c.prenom))
}

fn juror_name(s: &Session, id: &str) -> Option<String> {
    let j = s.jures.value.iter().find(|j| j.id.value == id)?;
    Some(format!("{} {}", j.nom, j.prenom))
}

fn who_names(who: &Who, of: impl Fn(&str) -> Option<String>) -> String {
    match who {
        Who::Tous => "tous".to_owned(),
        Who::Ids(ids) => ids
            .iter()
            .map(|id| of(id).unwrap_or_else(|| id.clone()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The file's slots, then the proposed ones.
fn placed(s: &Session, proposed: &[NewSlot]) -> Vec<Placed> {
    let file = s.planning.value.iter().enumerate().map(|(i, c)| Placed {
        date: c.date.value,
        debut: c.debut.value.0,
        fin: c.fin.value.0,
        salle: c.salle.as_ref().map(|r| r.value.clone()),
        item: Item {
            numero: Some(i + 1),
            intitule: c.intitule.clone(),
            candidats: names(c.candidats.as_ref().map(|c| &c.value), |id| {
                candidate_name(s, id)
            }),
            jury: names(c.jures.as_ref().map(|j| &j.value), |id| juror_name(s, id)),
        },
    });
    let new = proposed.iter().map(|n| Placed {
        date: n.date,
        debut: n.debut,
        fin: n.fin,
        salle: n.salle.clone(),
        item: Item {
            numero: None,
            intitule: n.intitule.clone(),
            candidats: who_names(&n.candidats, |id| candidate_name(s, id)),
            jury: who_names(&n.jures, |id| juror_name(s, id)),
        },
    });
    file.chain(new).collect()
}

/// The grid: one table a day, a line per span of time, a column per room
/// (in the order of `salles`, then « sans salle »).
fn grid(s: &Session, proposed: &[NewSlot]) -> Vec<Day> {
    let mut by_day: BTreeMap<Date, Vec<Placed>> = BTreeMap::new();
    for p in placed(s, proposed) {
        by_day.entry(p.date).or_default().push(p);
    }
    let room_name = |id: &str| {
        s.salles
            .iter()
            .find(|r| r.id.value == id)
            .map_or_else(|| id.to_owned(), |r| r.nom.clone())
    };
    by_day
        .into_iter()
        .map(|(date, slots)| {
            let mut rooms: Vec<Option<String>> = s
                .salles
                .iter()
                .map(|r| Some(r.id.value.clone()))
                .filter(|r| slots.iter().any(|p| &p.salle == r))
                .collect();
            if slots.iter().any(|p| p.salle.is_none()) {
                rooms.push(None);
            }
            let mut rows: BTreeMap<(u16, u16), Vec<Vec<Item>>> = BTreeMap::new();
            for p in slots {
                let column = rooms.iter().position(|r| *r == p.salle).unwrap_or(0);
                let cells = rows
                    .entry((p.debut, p.fin))
                    .or_insert_with(|| (0..rooms.len()).map(|_| Vec::new()).collect());
                cells[column].push(p.item);
            }
            Day {
                title: crate::fr::long_date(date),
                rooms: rooms.iter().map(|r| r.as_deref().map(room_name)).collect(),
                rows: rows
                    .into_iter()
                    .map(|((a, b), cells)| Row {
                        time: format!("{}–{}", Time(a), Time(b)),
                        cells,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Where the timetable page's head ends: sent at once while the planner
/// works.
const PLANNING_MARK: &str = "<!-- planning -->";

/// How long the page waits for the planner at most.
const WAIT_AT_MOST: Duration = Duration::from_secs(120);

/// What the timetable page shows of the planner.
enum Shown<'a> {
    /// It is still at work: the head of the page.
    Waiting,
    /// Its outcome; `true` when the page's head was sent before.
    Ready(&'a Planned, bool),
    /// The file changed before it finished.
    Interrupted,
}

/// What the move form asks, checked: the slot's index, its new day,
/// start and room.
struct Move {
    index: usize,
    date: Date,
    debut: Time,
    salle: Option<String>,
}

impl App {
    /// The timetable, the planner's proposal and the forms.
    pub fn planning_page(&self, request: &Request) -> Result<Reply, Error> {
        let written = request.query("ecrit").is_some();
        let moved = request.query("deplace").is_some();
        self.planning_view(200, (written, moved), Vec::new(), &[])
    }

    /// The page; `done` says what was just written (the proposal, a
    /// move), `problems` what is wrong with the move form, `chosen` its
    /// values as given. When the planner, run ahead since the file was
    /// read, has not finished yet, the page's head is sent at once,
    /// saying so, and the rest when it is done.
    fn planning_view(
        &self,
        status: u16,
        done: (bool, bool),
        problems: Vec<(String, String)>,
        chosen: &[(String, String)],
    ) -> Result<Reply, Error> {
        let (written, moved) = done;
        let loaded = match self.load() {
            Ok(l) => l,
            Err(reply) => return Ok(reply),
        };
        let path = match self.session_path() {
            Ok(p) => p,
            Err(reply) => return Ok(reply),
        };
        let Some(session) = loaded.session else {
            return Ok(self.not_loaded());
        };
        // The planner runs once per state of the file (and of the last
        // sending, which it plans against), in a thread of its own: what
        // it says and its grid come from the same proposal.
        let key = plan_key(path, &loaded.source, &session);
        self.planned.ask(key.clone());
        let slots: Vec<_> = session
            .planning
            .value
            .iter()
            .enumerate()
            .map(|(i, c)| {
                minijinja::context! {
                    numero => i + 1,
                    label => format!("n° {} — {} {}–{} — {}", i + 1, crate::fr::short_date(c.date.value), c.debut.value, c.fin.value, c.intitule),
                }
            })
            .collect();
        let findings: Vec<_> = loaded
            .findings
            .iter()
            .filter(|f| f.path.starts_with("planning"))
            .collect();
        let base = minijinja::context! {
            session => self.session_name(),
            empreinte => loaded.source.sha256,
            slots,
            dates => planner::session_days(&session).iter().map(|d| minijinja::context! { value => d.to_string(), label => crate::fr::long_date(*d) }).collect::<Vec<_>>(),
            rooms => session.salles.iter().map(|r| minijinja::context! { value => r.id.value, label => r.nom }).collect::<Vec<_>>(),
            written, moved, problems, findings,
            chosen => chosen.iter().cloned().collect::<BTreeMap<_, _>>(),
        };
        let views = self.views.clone();
        let page = move |state: Shown| -> Result<String, Error> {
            let context = match state {
                Shown::Waiting => minijinja::context! { waiting => true, ..base.clone() },
                Shown::Interrupted => minijinja::context! { interrupted => true, ..base.clone() },
                Shown::Ready(planned, streamed) => {
                    let outcome = &planned.outcome;
                    let proposed = outcome.proposal.as_ref().map_or(&[][..], |p| &p.slots[..]);
                    minijinja::context! {
                        days => grid(&session, proposed),
                        planner_lines => outcome.out.lines().chain(outcome.err.lines()).collect::<Vec<_>>(),
                        success => outcome.success,
                        to_accept => proposed.len(),
                        streamed,
                        ..base.clone()
                    }
                }
            };
            views.render("planning.html", context)
        };
        if let Some(html) = self.planned.ready(&key, |p| page(Shown::Ready(p, false))) {
            return Ok(Reply::html(status, html?));
        }
        let waiting = page(Shown::Waiting)?;
        let head = waiting
            .split_once(PLANNING_MARK)
            .map_or(waiting.as_str(), |(head, _)| head)
            .to_owned();
        let planning = self.planned.clone();
        let mut reply = Reply::html_stream(Box::new(move |out: &mut dyn Write| {
            let mut write = |text: &str| {
                let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
            };
            write(&head);
            let html = planning
                .wait(&key, WAIT_AT_MOST, |p| page(Shown::Ready(p, true)))
                .unwrap_or_else(|| page(Shown::Interrupted))
                .unwrap_or_else(|e| e.to_string());
            write(html.split_once(PLANNING_MARK).map_or("", |(_, rest)| rest));
        }));
        reply.status = status;
        Ok(reply)
    }

    /// Writes the proposal into the file, as `planifier --ecrire`.
    pub fn planning_accept(&self, request: &Request) -> Result<Reply, Error> {
        let path = match self.session_path() {
            Ok(p) => p.to_path_buf(),
            Err(reply) => return Ok(reply),
        };
        let form = request.form();
        let seen = first(&form, "empreinte").unwrap_or_default();
        let source = match load::read(&path) {
            Ok(s) => s,
            Err(d) => return Ok(self.unreadable(&d.message)),
        };
        if source.sha256 != seen {
            return Ok(self.changed_on_disk("/planning"));
        }
        let outcome = planner::execute(&path, true, false)?;
        if !outcome.success {
            return Ok(self.message_with(422, Message::PlanningNotWritten, (), &outcome.err));
        }
        Ok(Reply::redirect("/planning?ecrit=1"))
    }

    /// Moves one slot of the file: its day, its start (its length kept),
    /// its room.
    pub fn planning_move(&self, request: &Request) -> Result<Reply, Error> {
        let path = match self.session_path() {
            Ok(p) => p.to_path_buf(),
            Err(reply) => return Ok(reply),
        };
        let form = request.form();
        let given = |key: &str| first(&form, key).unwrap_or_default().trim().to_owned();
        let source = match load::read(&path) {
            Ok(s) => s,
            Err(d) => return Ok(self.unreadable(&d.message)),
        };
        if source.sha256 != given("empreinte") {
            return Ok(self.changed_on_disk("/planning"));
        }
        let session = match load::parse(&source) {
            Ok(s) => s,
            Err(d) => return Ok(self.unreadable(&d.message)),
        };
        let wanted = match read_move(&self.views, &session, &given) {
            Ok(m) => m,
            Err(problems) => return self.planning_view(422, (false, false), problems, &form),
        };
        let Some(text) = moved_text(&source.text, &session, &wanted) else {
            let why = not_written(&self.views, "creneau_ecrit", "");
            return self.planning_view(
                409,
                (false, false),
                vec![("creneau".to_owned(), why)],
                &form,
            );
        };
        if let Err(d) = load::parse(&Source::from_text(&source.name, &text)) {
            let why = not_written(&self.views, "creneau_illisible", &d.message);
            return self.planning_view(
                422,
                (false, false),
                vec![("creneau".to_owned(), why)],
                &form,
            );
        }
        crate::session_text::replace(&path, &text)?;
        Ok(Reply::redirect("/planning?deplace=1"))
    }
}

/// The move form's values, or what is wrong with each (field, message).
fn read_move(
    views: &Views,
    s: &Session,
    given: &dyn Fn(&str) -> String,
) -> Result<Move, Vec<(String, String)>> {
    let said = |key: &str, value: &str| input_problem(views, key, "", value);
    let mut problems = Vec::new();
    let index = given("creneau")
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=s.planning.value.len()).contains(n))
        .map(|n| n - 1);
    if index.is_none() {
        problems.push(("creneau".to_owned(), said("creneau", "")));
    }
    let date = chrono::NaiveDate::parse_from_str(&given("jour"), "%Y-%m-%d")
        .ok()
        .map(Date);
    if date.is_none() {
        problems.push(("jour".to_owned(), said("jour", "")));
    }
    let debut = parse_hm(&given("heure"));
    if debut.is_none() {
        problems.push(("heure".to_owned(), said("debut", &given("heure"))));
    }
    let salle = Some(given("salle")).filter(|r| !r.is_empty());
    if let Some(r) = &salle
        && !s.salles.iter().any(|x| &x.id.value == r)
    {
        problems.push(("salle".to_owned(), said("salle", "")));
    }
    match (index, date, debut) {
        (Some(index), Some(date), Some(debut)) if problems.is_empty() => Ok(Move {
            index,
            date,
            debut,
            salle,
        }),
        _ => Err(problems),
    }
}

/// `HH:MM` (or `H:MM`), from 00:00 to 23:59.
fn parse_hm(text: &str) -> Option<Time> {
    let (h, m) = text.split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && text.len() <= 5).then(|| Time::hm(h, m))
}

/// The text with slot `m.index` at its new day, start (same length) and
/// room: the value of each line changed, its comment kept; a room added
/// under `fin` when the slot had none. `None` when a value is not on a
/// line of its own key.
fn moved_text(text: &str, s: &Session, m: &Move) -> Option<String> {
    let slot = s.planning.value.get(m.index)?;
    let length = slot.fin.value.0.saturating_sub(slot.debut.value.0);
    let fin = Time(m.debut.0 + length);
    if fin.0 >= 24 * 60 {
        return None;
    }
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let line_of = |line: u64| usize::try_from(line).ok()?.checked_sub(1);
    let date_line = line_of(slot.date.referenced.line())?;
    let debut_line = line_of(slot.debut.referenced.line())?;
    let fin_line = line_of(slot.fin.referenced.line())?;
    set_line(&mut lines, date_line, "date", &m.date.to_string())?;
    set_line(&mut lines, debut_line, "debut", &format!("\"{}\"", m.debut))?;
    set_line(&mut lines, fin_line, "fin", &format!("\"{fin}\""))?;
    if let Some(room) = &m.salle {
        match &slot.salle {
            Some(old) => set_line(&mut lines, line_of(old.referenced.line())?, "salle", room)?,
            None => {
                let at = lines[debut_line].find("debut:")?;
                let indent = " ".repeat(at);
                lines.insert(fin_line + 1, format!("{indent}salle: {room}"));
            }
        }
    }
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    Some(crate::session_text::with_line_endings_of(text, out))
}

/// Writes `value` after `key:` on line `i`, keeping what comes before the
/// key (`- `, indentation) and the line's comment.
fn set_line(lines: &mut [String], i: usize, key: &str, value: &str) -> Option<()> {
    let line = lines.get(i)?;
    let start = line.find(&format!("{key}:"))?;
    let rest = &line[start + key.len() + 1..];
    let comment = crate::web::edit::comment_of(rest)?;
    lines[i] = format!("{}{key}: {value}{comment}", &line[..start]);
    Some(())
}

//! What `planifier` says on the terminal, worded in
//! `templates/planifier.j2`: the proposed timetable day by day, the pairs
//! formed, why no timetable fits.

use minijinja::{Value, context};
use serde::Serialize;

use super::demand::{Failure, pair_name};
use super::{Labels, Proposal, Who, hm};
use crate::error::Error;
use crate::fr;
use crate::model::{Date, Selection, Session};
use crate::wording::Wording;

/// One line of the timetable shown.
#[derive(Serialize)]
struct Line {
    debut: String,
    fin: String,
    intitule: String,
    salle: String,
    candidats: Vec<String>,
    tous: bool,
    jures: Vec<String>,
    surveillants: Vec<String>,
    nouveau: bool,
}

#[derive(Serialize)]
struct Day {
    jour: String,
    creneaux: Vec<Line>,
}

#[derive(Serialize)]
struct PairView {
    binome: String,
    candidats: Vec<String>,
}

fn render(block: &str, ctx: Value) -> Result<String, Error> {
    Wording::new(None)?.with("planifier", ctx, |t| t.raw(block))
}

/// The titles of the slots the planner adds.
pub fn labels() -> Result<Labels, Error> {
    Wording::new(None)?.with("planifier", context! {}, |t| t.labels_as("libelles"))
}

/// "NOM Prénom" for each id (the id itself when unknown).
fn names(ids: &[String], of: impl Fn(&str) -> Option<(String, String)>) -> Vec<String> {
    ids.iter()
        .map(|id| of(id).map_or_else(|| id.clone(), |(n, p)| fr::nom_prenom(&n, &p)))
        .collect()
}

/// The display of every slot, the file's and the new ones, day by day.
pub fn timetable(s: &Session, proposal: &Proposal) -> Result<String, Error> {
    let candidate = |id: &str| {
        s.candidat(id)
            .map(|c| (c.nom_affiche().to_owned(), c.prenom.clone()))
    };
    let juror = |id: &str| s.jure(id).map(|j| (j.nom.clone(), j.prenom.clone()));
    let watcher = |id: &str| s.surveillant(id).map(|m| (m.nom.clone(), m.prenom.clone()));
    let room = |id: Option<&str>| {
        id.map(|r| s.salle(r).map_or(r.to_owned(), |x| x.nom.clone()))
            .unwrap_or_default()
    };
    let mut lines: Vec<(Date, Line)> = Vec::new();
    let from_sel = |sel: Option<&Selection>| -> (bool, Vec<String>) {
        match sel {
            Some(Selection::Tous) => (true, Vec::new()),
            Some(Selection::Ids(ids)) => (false, ids.iter().map(|i| i.value.clone()).collect()),
            None => (false, Vec::new()),
        }
    };
    for c in &s.planning.value {
        let (tous, cands) = from_sel(c.candidats.as_ref().map(|v| &v.value));
        let (_, jures) = from_sel(c.jures.as_ref().map(|v| &v.value));
        let (_, survs) = from_sel(c.surveillants.as_ref().map(|v| &v.value));
        lines.push((
            c.date.value,
            line(
                c.debut.value.0,
                c.fin.value.0,
                &c.intitule,
                room(c.salle.as_ref().map(|r| r.value.as_str())),
                (tous, cands),
                jures,
                survs,
                false,
            ),
        ));
    }
    for c in &proposal.slots {
        let ids = |w: &Who| match w {
            Who::Tous => (true, Vec::new()),
            Who::Ids(ids) => (false, ids.clone()),
        };
        lines.push((
            c.date,
            line(
                c.debut,
                c.fin,
                &c.intitule,
                room(c.salle.as_deref()),
                ids(&c.candidats),
                ids(&c.jures).1,
                ids(&c.surveillants).1,
                true,
            ),
        ));
    }
    lines.sort_by(|a, b| {
        (a.0, &a.1.debut, &a.1.fin, &a.1.salle).cmp(&(b.0, &b.1.debut, &b.1.fin, &b.1.salle))
    });
    let mut days: Vec<Day> = Vec::new();
    for (date, mut l) in lines {
        l.candidats = names(&l.candidats, candidate);
        l.jures = names(&l.jures, juror);
        l.surveillants = names(&l.surveillants, watcher);
        let jour = fr::long_date(date);
        match days.last_mut() {
            Some(d) if d.jour == jour => d.creneaux.push(l),
            _ => days.push(Day {
                jour,
                creneaux: vec![l],
            }),
        }
    }
    let pairs = &proposal.pairs;
    let formed: Vec<PairView> = (0..pairs.jurors.len())
        .filter_map(|p| {
            let mine: Vec<String> = pairs
                .formed
                .iter()
                .filter(|&&c| pairs.of_candidate[c] == p)
                .map(|&c| {
                    let cand = &s.candidats.value[c];
                    fr::nom_prenom(cand.nom_affiche(), &cand.prenom)
                })
                .collect();
            (!mine.is_empty()).then(|| PairView {
                binome: pair_name(s, pairs, p),
                candidats: mine,
            })
        })
        .collect();
    render(
        "proposition",
        context! { jours => days, binomes => formed, non_retenus => pairs.left_out },
    )
}

#[allow(clippy::too_many_arguments)]
fn line(
    debut: u16,
    fin: u16,
    intitule: &str,
    salle: String,
    (tous, candidats): (bool, Vec<String>),
    jures: Vec<String>,
    surveillants: Vec<String>,
    nouveau: bool,
) -> Line {
    Line {
        debut: hm(debut),
        fin: hm(fin),
        intitule: intitule.to_owned(),
        salle,
        candidats,
        tous,
        jures,
        surveillants,
        nouveau,
    }
}

/// The figures of the planned timetable.
pub fn summary(figures: &super::summary::Summary) -> Result<String, Error> {
    render("bilan", context! { b => Value::from_serialize(figures) })
}

/// Why no timetable fits, and what to change.
pub fn failure(f: &Failure, file: &str) -> Result<String, Error> {
    render(
        "impossible",
        context! { f => Value::from_serialize(f), fichier => file },
    )
}

/// The file is complete already.
pub fn nothing(file: &str) -> Result<String, Error> {
    render("rien", context! { fichier => file })
}

/// The file was written.
pub fn written(file: &str, slots: usize) -> Result<String, Error> {
    render("ecrit", context! { fichier => file, n => slots })
}

/// The file describes no test to plan.
pub fn without_tests(file: &str) -> Result<String, Error> {
    render("sans_epreuves", context! { fichier => file })
}

/// The file has errors of its own.
pub fn refused(file: &str) -> Result<String, Error> {
    render("refuse", context! { fichier => file })
}

/// What re-planning kept of the timetable announced, and the letters.
pub fn since(told: &super::since::Since) -> Result<String, Error> {
    render("depuis", context! { d => Value::from_serialize(told) })
}

/// The file cannot take the announced slots (no block `planning:` list).
pub fn not_completable(file: &str) -> Result<String, Error> {
    render("depuis_impossible", context! { fichier => file })
}

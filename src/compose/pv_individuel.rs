//! The procès-verbal individuel: one per candidate, absent ones included,
//! laid out after the ministry's form. Boxes are ticked from `resultat`;
//! before the deliberation only the access route is.

use minijinja::{Value, context};

use super::sheet_fit;
use super::{Composed, Composer, Content, Filter, shared};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Table};
use crate::error::Error;
use crate::model::{Decision, Voie};
use crate::page::{PAGE, SIZES, WORD};
use crate::plan::{CandidateView, Facts};
use crate::wording::{LabelBlock, Texts};

/// The labels of `pv-individuel.j2` this composer reads.
pub const LABELS: &[LabelBlock] = &[LabelBlock::of::<Labels>("pv-individuel", "libelles")];

/// The block `libelles` of `pv-individuel.j2`.
#[derive(serde::Deserialize)]
struct Labels {
    candidat: String,
    session: String,
    nom_naissance: String,
    nom_usage: String,
    prenom: String,
    identifiant: String,
    centre: String,
    adresse: String,
    debut: String,
    fin: String,
    voie: String,
    resultats: String,
    formation: String,
    vae: String,
    equivalence: String,
    absent: String,
    reussite: String,
    reussite_partielle: String,
    echec: String,
    ccp: String,
    code: String,
    jury: String,
    responsable: String,
    nom: String,
    prenom_col: String,
    signature: String,
    observations: String,
}

/// One PV per candidate the filter keeps.
pub fn each(ctx: &Composer, filter: &Filter) -> Result<Vec<Composed>, Error> {
    ctx.one_per_candidate(filter.candidates(ctx.plan), |c| content(ctx, Some(c)))
}

/// The blocks of a PV; `None` gives the blank form to fill by hand.
pub fn content(ctx: &Composer, c: Option<&CandidateView>) -> Result<Content, Error> {
    let facts = &ctx.plan.facts;
    let date = c.and_then(|c| c.decision).map(|_| facts.fin.clone());
    let extra = context! { c => Value::from_serialize(c), date => date };
    shared::content(ctx, extra, |t| {
        let l: Labels = t.labels_as("libelles")?;
        let fit = Reduction::for_form(facts, c);
        let mut blocks = heading(t, facts)?;
        blocks.push(identity(&l, facts, c, fit.identity_pt)?);
        blocks.push(route_and_result(&l, c)?);
        blocks.push(Block::Paragraph(
            Paragraph::text(t.text("note_equivalence")?)
                .size(SIZES.pt("pv-individuel-equivalence-size")),
        ));
        blocks.push(jury_and_ccp(&l, facts, c, fit)?);
        blocks.push(Block::heading(2, l.observations.clone()));
        blocks.push(match c.and_then(|c| c.observations.as_deref()) {
            Some(obs) => Block::Paragraph(
                Paragraph::text(obs)
                    .align(Align::Justify)
                    .size(fit.identity_pt),
            ),
            None => Block::Lines {
                count: fit.observation_lines,
            },
        });
        blocks.push(Block::Paragraph(
            Paragraph::text(t.text("fait_a")?).align(Align::Right),
        ));
        Ok(blocks)
    })
}

/// What is reduced so that the form holds on one page, as the ministry's
/// does: first the lines left for observations, then the type of the
/// identity block, the table of the jury and the CCPs last.
#[derive(Debug, Clone, Copy)]
struct Reduction {
    observation_lines: u16,
    identity_pt: f32,
    table_pt: f32,
    /// The height of a row one signs in.
    signing_mm: f32,
}

/// The lines left for observations at each step of the reductions, from
/// none to the most: each step saves more height than the one before. The
/// type sizes and row heights of each step are in the page program
/// (`pv-individuel-…-sizes`, `pv-individuel-signing-heights`).
const OBSERVATION_LINES: [u16; 5] = [3, 2, 2, 1, 1];

impl Reduction {
    /// The reduction of `step` (0, none, to 4, the most).
    fn at(step: usize) -> Reduction {
        Reduction {
            observation_lines: OBSERVATION_LINES[step],
            identity_pt: SIZES.pts("pv-individuel-identity-sizes")[step],
            table_pt: SIZES.pts("pv-individuel-table-sizes")[step],
            signing_mm: SIZES.mms("pv-individuel-signing-heights")[step],
        }
    }

    /// The least reduction that keeps the form of candidate `c` on one
    /// page, from an estimate of the lines its long texts take beyond the
    /// common case: the centre's name, site and address, the CCPs' titles.
    fn for_form(facts: &Facts, c: Option<&CandidateView>) -> Reduction {
        let content_pt = PAGE.content_width_mm(false) * 72.0 / 25.4;
        let estimate_pt = SIZES.pt("pv-individuel-estimate-size");
        let lines = |text: &str, share: f32| {
            let width = content_pt * share - 2.0 * PAGE.cell_inset_x_pt;
            sheet_fit::text_height_pt(text, false, estimate_pt, width)
                / (estimate_pt * WORD.line_em)
        };
        let last_share =
            |columns: Vec<f32>| columns[columns.len() - 1] / columns.iter().sum::<f32>();
        let identity_share = last_share(SIZES.shares("pv-individuel-identity-columns"));
        let centre =
            lines(&facts.centre_nom, identity_share) + lines(&facts.centre_site, identity_share);
        let address: f32 = facts
            .centre_adresse
            .iter()
            .map(|a| lines(a, identity_share))
            .sum();
        let jury = SIZES.shares("pv-individuel-jury-columns");
        let ccp_share = jury[3] / jury.iter().sum::<f32>();
        let ccp: f32 = facts
            .titre_ccp
            .iter()
            .map(|x| (lines(&x.intitule, ccp_share) - 2.0).max(0.0))
            .sum();
        let observations = c
            .and_then(|c| c.observations.as_deref())
            .map_or(0.0, |o| (lines(o, 1.0) - 3.0).max(0.0));
        let extra_lines = (centre - 2.0).max(0.0) + (address - 3.0).max(0.0) + ccp + observations;
        let extra_pt = extra_lines * estimate_pt * WORD.line_em;
        let step = SIZES
            .pts("pv-individuel-absorbed")
            .iter()
            .position(|&absorbed| extra_pt <= absorbed)
            .unwrap_or(OBSERVATION_LINES.len() - 1);
        Reduction::at(step)
    }
}

/// Line height per point of type, as the layouts set it.
/// The form's head: the ministry, the title and the deadline to send it.
fn heading(t: &mut Texts, facts: &Facts) -> Result<Vec<Block>, Error> {
    let mut blocks = Vec::new();
    if let Some(ministere) = &facts.ministere {
        blocks.push(Block::Paragraph(
            Paragraph::bold(ministere.clone())
                .size(SIZES.pt("pv-individuel-ministry-size"))
                .space_after(SIZES.mm("pv-individuel-ministry-after")),
        ));
    }
    blocks.extend(shared::title(
        t,
        Some(SIZES.pt("pv-individuel-subtitle-size")),
    )?);
    blocks.push(Block::Paragraph(
        Paragraph::italic(t.text("delai")?)
            .size(SIZES.pt("pv-individuel-deadline-size"))
            .align(Align::Center),
    ));
    Ok(blocks)
}

/// The candidate (left) beside the session (right), label and value.
fn identity(
    l: &Labels,
    facts: &Facts,
    c: Option<&CandidateView>,
    size: f32,
) -> Result<Block, Error> {
    let value = |v: Option<&str>| Cell::text(v.unwrap_or(""));
    let text = |s: String| Cell::new(vec![Paragraph::text(s)]);
    let rows = vec![
        Row::new(vec![
            Cell::head(l.candidat.clone()).span(2),
            Cell::head(l.session.clone()).span(2),
        ]),
        Row::new(vec![
            text(l.nom_naissance.clone()),
            value(c.map(|c| c.nom_naissance.as_str())),
            text(l.centre.clone()),
            Cell::text(format!("{}\n{}", facts.centre_nom, facts.centre_site)),
        ]),
        Row::new(vec![
            text(l.nom_usage.clone()),
            value(c.and_then(|c| c.nom_usage.as_deref())),
            text(l.adresse.clone()),
            Cell::text(facts.centre_adresse.join("\n")),
        ]),
        Row::new(vec![
            text(l.prenom.clone()),
            value(c.map(|c| c.prenom.as_str())),
            text(l.debut.clone()),
            Cell::text(facts.debut_court.clone()),
        ]),
        Row::new(vec![
            text(l.identifiant.clone()),
            value(c.map(|c| c.identifiant.as_str())),
            text(l.fin.clone()),
            Cell::text(facts.fin_court.clone()),
        ]),
    ];
    Ok(Block::Table(
        Table::new(SIZES.shares("pv-individuel-identity-columns"), rows)
            .header_rows(1)
            .size(size)
            .ruled(),
    ))
}

/// The access route (3 boxes) beside the result (4 boxes), ticked from
/// the candidate's file.
fn route_and_result(l: &Labels, c: Option<&CandidateView>) -> Result<Block, Error> {
    let voie = c.map(|c| c.voie);
    let decision = c.and_then(|c| c.decision);
    let boxes = [
        (l.formation.clone(), voie == Some(Voie::Formation)),
        (l.vae.clone(), voie == Some(Voie::Vae)),
        (l.equivalence.clone(), voie == Some(Voie::Equivalence)),
        (l.absent.clone(), decision == Some(Decision::Absent)),
        (l.reussite.clone(), decision == Some(Decision::Reussite)),
        (
            l.reussite_partielle.clone(),
            decision == Some(Decision::ReussitePartielle),
        ),
        (l.echec.clone(), decision == Some(Decision::Echec)),
    ];
    let rows = vec![
        Row::new(vec![
            Cell::head(l.voie.clone()).span(3),
            Cell::head(l.resultats.clone()).span(4),
        ]),
        Row::new(
            boxes
                .iter()
                .map(|(label, _)| Cell::text(label.clone()).align(Align::Center))
                .collect(),
        ),
        Row::new(
            boxes
                .iter()
                .map(|&(_, tick)| Cell::checkbox(tick))
                .collect(),
        ),
    ];
    Ok(Block::Table(
        Table::new(SIZES.shares("pv-individuel-result-columns"), rows)
            .header_rows(1)
            .size(SIZES.pt("pv-individuel-result-size"))
            .ruled(),
    ))
}

/// A row of the jury's side: its cells, and whether one signs in it.
type SigningRow = (Vec<Cell>, bool);

/// The jury (the pair, then the responsable) beside the CCPs of the title,
/// as on the ministry's form: one table, the shorter side padded.
fn jury_and_ccp(
    l: &Labels,
    facts: &Facts,
    c: Option<&CandidateView>,
    fit: Reduction,
) -> Result<Block, Error> {
    let (mut left, responsable) = jury(l, facts, c)?;
    let mut right = ccps(l, facts, c)?;
    let total = (left.len() + responsable.len()).max(right.len());
    while left.len() + responsable.len() < total {
        left.push((vec![Cell::text("").span(3)], false));
    }
    left.extend(responsable);
    right.resize_with(total, || vec![Cell::text("").span(3)]);
    let rows = left
        .into_iter()
        .zip(right)
        .map(|((mut cells, signs), ccp)| {
            cells.extend(ccp);
            let row = Row::new(cells);
            if signs {
                row.min_height(fit.signing_mm)
            } else {
                row
            }
        })
        .collect();
    Ok(Block::Table(
        Table::new(SIZES.shares("pv-individuel-jury-columns"), rows)
            .size(fit.table_pt)
            .ruled(),
    ))
}

/// The jury's side: the pair who evaluated the candidate (blank on the
/// blank form), then the responsable, each under a heading and the
/// name, first name and signature columns.
fn jury(
    l: &Labels,
    facts: &Facts,
    c: Option<&CandidateView>,
) -> Result<(Vec<SigningRow>, Vec<SigningRow>), Error> {
    let pair: Vec<(String, String)> = match c {
        Some(c) => c
            .jury
            .iter()
            .map(|j| (crate::fr::capitals(&j.nom), j.prenom.clone()))
            .collect(),
        None => vec![(String::new(), String::new()); 2],
    };
    let person = |(nom, prenom): (String, String)| {
        (
            vec![Cell::text(nom), Cell::text(prenom), Cell::text("")],
            true,
        )
    };
    let columns = || -> Result<SigningRow, Error> {
        let cells = vec![
            Cell::head(l.nom.clone()),
            Cell::head(l.prenom_col.clone()),
            Cell::head(l.signature.clone()),
        ];
        Ok((cells, false))
    };
    let mut jury = vec![
        (vec![Cell::head(l.jury.clone()).span(3)], false),
        columns()?,
    ];
    jury.extend(pair.into_iter().map(person));
    let r = &facts.responsable;
    let responsable = vec![
        (vec![Cell::head(l.responsable.clone()).span(3)], false),
        columns()?,
        person((crate::fr::capitals(&r.nom), r.prenom.clone())),
    ];
    Ok((jury, responsable))
}

/// The CCPs' side: every CCP of the title, its box (ticked when a partial
/// success awarded it), its code.
fn ccps(l: &Labels, facts: &Facts, c: Option<&CandidateView>) -> Result<Vec<Vec<Cell>>, Error> {
    let partial = c.and_then(|c| c.decision) == Some(Decision::ReussitePartielle);
    let mut rows = vec![vec![
        Cell::head(l.ccp.clone()).span(2),
        Cell::head(l.code.clone()),
    ]];
    for ccp in &facts.titre_ccp {
        let awarded =
            partial && c.is_some_and(|c| c.ccp_obtenus.iter().any(|o| o.code == ccp.code));
        rows.push(vec![
            Cell::text(ccp.intitule.clone()),
            Cell::checkbox(awarded),
            Cell::text(ccp.code.clone()),
        ]);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_program_gives_a_value_per_reduction() {
        let steps = OBSERVATION_LINES.len();
        assert_eq!(SIZES.pts("pv-individuel-identity-sizes").len(), steps);
        assert_eq!(SIZES.pts("pv-individuel-table-sizes").len(), steps);
        assert_eq!(SIZES.mms("pv-individuel-signing-heights").len(), steps);
        assert_eq!(SIZES.pts("pv-individuel-absorbed").len(), steps);
    }
}

//! The procès-verbal de session (global): one row per candidate, the
//! jurors and surveillants who sign, the responsable's countersignature.

use minijinja::{Value, context};

use super::paperwork::{justified, signed};
use super::{Composed, Composer, Content, shared};
use crate::doc::{Block, Cell, Paragraph, Row, Run, Section, Table};
use crate::error::Error;
use crate::model::Decision;
use crate::page::SIZES;
use crate::plan::{CandidateView, PersonView, Plan};
use crate::wording::{LabelBlock, Texts};

/// The labels of `pv-session.j2` this composer reads.
pub const LABELS: &[LabelBlock] = &[
    LabelBlock::of::<Labels>("pv-session", "libelles"),
    shared::Voies::block("pv-session"),
];

/// The block `libelles` of `pv-session.j2`.
#[derive(serde::Deserialize)]
struct Labels {
    candidat: String,
    identifiant: String,
    voie: String,
    absent: String,
    reussite: String,
    reussite_partielle: String,
    echec: String,
    legende: String,
    legende_un_ccp: String,
    remarques: String,
    jures: String,
    surveillants: String,
    nom: String,
    prenom: String,
    signature: String,
    signature_responsable: String,
    cachet: String,
}

/// The PV de session, filled from the results when they are known.
pub fn compose(ctx: &Composer) -> Result<Composed, Error> {
    let Content {
        title,
        footer,
        blocks,
    } = content(ctx, false)?;
    ctx.for_session(title, footer, vec![Section::landscape(blocks)])
}

/// The blocks of the PV; `blank` gives a page to fill by hand.
pub fn content(ctx: &Composer, blank: bool) -> Result<Content, Error> {
    let plan = ctx.plan;
    let facts = &plan.facts;
    let date = (!blank && facts.resultats_connus).then(|| facts.fin.clone());
    let extra = context! {
        date => date,
        blank => blank,
        candidats => Value::from_serialize(&plan.candidates),
        fraudes => Value::from_serialize(plan.fraud_reports()),
    };
    shared::content(ctx, extra, |t| {
        let l: Labels = t.labels_as("libelles")?;
        let mut blocks = shared::title(t, None)?;
        blocks.push(results(t, &l, plan, blank)?);
        blocks.push(legend(t, &l, plan)?);
        blocks.extend(signing(&l, plan, blank)?);
        blocks.extend(remarks(t, &l, blank)?);
        blocks.push(Block::Paragraph(Paragraph::text(t.text("fraudes")?)));
        blocks.push(justified(t, "certification")?);
        blocks.extend(signed(
            t,
            vec![l.signature_responsable.clone(), l.cachet.clone()],
            SIZES.mm("pv-session-signature-height"),
        )?);
        blocks.push(Block::Paragraph(
            Paragraph::italic(t.text("delai")?).size(SIZES.pt("pv-session-deadline-size")),
        ));
        Ok(blocks)
    })
}

/// Whether the session offers a partial success, and so a column per CCP:
/// only when it covers more than one.
fn partial_offered(plan: &Plan) -> bool {
    plan.facts.ccp.len() > 1
}

/// The table of results: one row per candidate (eight blank ones on the
/// blank form), a box per result and, for a partial success, per CCP.
fn results(t: &mut Texts, l: &Labels, plan: &Plan, blank: bool) -> Result<Block, Error> {
    let partial_offered = partial_offered(plan);
    let n_ccp = if partial_offered {
        plan.facts.ccp.len()
    } else {
        0
    };
    let mut widths = SIZES.shares("pv-session-columns");
    let mut head = vec![
        Cell::head(l.candidat.clone()),
        Cell::head(l.identifiant.clone()),
        Cell::head(l.voie.clone()),
        Cell::head(l.absent.clone()),
        Cell::head(l.reussite.clone()),
    ];
    if partial_offered {
        widths.push(SIZES.share("pv-session-partial-column"));
        head.push(Cell::head(l.reussite_partielle.clone()));
    }
    widths.push(SIZES.share("pv-session-failure-column"));
    head.push(Cell::head(l.echec.clone()));
    widths.extend(std::iter::repeat_n(
        SIZES.share("pv-session-ccp-column"),
        n_ccp,
    ));
    // Short CCP headers ("CCP 1"…), explained by the legend below.
    if partial_offered {
        head.extend(t.lines("colonnes_ccp")?.into_iter().map(Cell::head));
    }
    let mut rows = vec![Row::new(head)];
    if blank {
        for _ in 0..8 {
            let mut cells = vec![Cell::text(""), Cell::text(""), Cell::text("")];
            let boxes = if partial_offered { 4 } else { 3 } + n_ccp;
            cells.extend((0..boxes).map(|_| Cell::checkbox(false)));
            rows.push(Row::new(cells).min_height(SIZES.mm("pv-session-row-height")));
        }
    } else {
        let voies: shared::Voies = t.labels_as("voies")?;
        for c in &plan.candidates {
            let mut cells = vec![
                shared::candidate_name(t, c)?,
                Cell::text(c.identifiant.clone()),
                Cell::text(voies.of(c.voie)),
            ];
            cells.extend(result_boxes(plan, c));
            rows.push(Row::new(cells));
        }
    }
    Ok(Block::Table(
        Table::new(widths, rows)
            .header_rows(1)
            .size(SIZES.pt("pv-session-table-size"))
            .ruled(),
    ))
}

/// A candidate's boxes: absent, success, partial success (when offered),
/// failure, then the CCPs a partial success awarded.
fn result_boxes(plan: &Plan, c: &CandidateView) -> Vec<Cell> {
    let d = c.decision;
    let partial = d == Some(Decision::ReussitePartielle);
    let mut cells = vec![
        Cell::checkbox(d == Some(Decision::Absent)),
        Cell::checkbox(d == Some(Decision::Reussite)),
    ];
    if partial_offered(plan) {
        cells.push(Cell::checkbox(partial));
    }
    cells.push(Cell::checkbox(d == Some(Decision::Echec)));
    if partial_offered(plan) {
        cells.extend(plan.facts.ccp.iter().map(|ccp| {
            Cell::checkbox(partial && c.ccp_obtenus.iter().any(|o| o.code == ccp.code))
        }));
    }
    cells
}

/// The CCPs of the session, code and title, under the table.
fn legend(t: &mut Texts, l: &Labels, plan: &Plan) -> Result<Block, Error> {
    let heading = if partial_offered(plan) {
        l.legende.clone()
    } else {
        l.legende_un_ccp.clone()
    };
    let mut legend = vec![Run::bold(heading)];
    for line in t.lines("legende_ccp")? {
        legend.push(Run::plain(format!("\n{line}")));
    }
    Ok(Block::Paragraph(
        Paragraph::new(legend).size(SIZES.pt("pv-session-legend-size")),
    ))
}

/// The tables the jurors, then the surveillants (if any) sign in; blank
/// lines on the blank form.
fn signing(l: &Labels, plan: &Plan, blank: bool) -> Result<Vec<Block>, Error> {
    let people = |count: usize, named: Vec<PersonView>| -> Vec<(String, String)> {
        if blank {
            vec![(String::new(), String::new()); count]
        } else {
            named
                .into_iter()
                .map(|p| (crate::fr::capitals(&p.nom), p.prenom))
                .collect()
        }
    };
    let jurors = people(4, plan.jurors_taking_part());
    let surveillants = people(2, plan.surveillants());
    let mut blocks = vec![signing_table(l, l.jures.clone(), jurors)?];
    if !surveillants.is_empty() {
        blocks.push(signing_table(l, l.surveillants.clone(), surveillants)?);
    }
    Ok(blocks)
}

/// A table to sign in: its heading, then name, first name and signature.
fn signing_table(
    l: &Labels,
    heading: String,
    people: Vec<(String, String)>,
) -> Result<Block, Error> {
    let mut rows = vec![
        Row::new(vec![Cell::head(heading).span(3)]),
        Row::head([&l.nom, &l.prenom, &l.signature]),
    ];
    for (nom, prenom) in people {
        rows.push(
            Row::new(vec![Cell::text(nom), Cell::text(prenom), Cell::text("")])
                .min_height(SIZES.mm("pv-session-signing-row-height")),
        );
    }
    Ok(Block::Table(
        Table::new(SIZES.shares("pv-session-signing-columns"), rows)
            .header_rows(2)
            .size(SIZES.pt("pv-session-signing-size"))
            .ruled(),
    ))
}

/// Remarks and observations: the session's events, then room to write.
fn remarks(t: &mut Texts, l: &Labels, blank: bool) -> Result<Vec<Block>, Error> {
    let mut blocks = vec![Block::Paragraph(
        Paragraph::bold(l.remarques.clone()).keep_with_next(),
    )];
    let events = if blank {
        Vec::new()
    } else {
        t.lines("evenements")?
    };
    if !events.is_empty() {
        blocks.push(Block::Paragraph(
            Paragraph::text(events.join("\n")).size(SIZES.pt("pv-session-remarks-size")),
        ));
    }
    blocks.push(Block::Lines {
        count: if blank { 2 } else { 3 },
    });
    Ok(blocks)
}

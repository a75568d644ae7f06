//! The responsable's letters to the DDETS, ready for the centre's
//! letterhead: the declaration of the session (with its planning), the
//! cover letter of the original PVs, and the procès-verbal to draw up
//! when no jury can be formed. Each has its own template.

use minijinja::{Value, context};

use super::paperwork::{grid, heading, paragraphs, right, signed, to_authority};
use super::{Composed, Composer, shared};
use crate::doc::{Block, Cell, EMPTY, Paragraph, Row, Section, Table};
use crate::error::Error;
use crate::fr;
use crate::model::{Date, Voie};
use crate::page::SIZES;
use crate::wording::{LabelBlock, Texts};

/// The labels of `declaration-session.j2` this composer reads.
pub const DECLARATION_LABELS: &[LabelBlock] = &[LabelBlock::of::<PlanningLabels>(
    "declaration-session",
    "libelles",
)];

/// The labels of `pv-carence.j2` this composer reads.
pub const CARENCE_LABELS: &[LabelBlock] =
    &[LabelBlock::of::<CarenceLabels>("pv-carence", "libelles")];

/// The block `libelles` of `declaration-session.j2`: the planning's columns.
#[derive(serde::Deserialize)]
struct PlanningLabels {
    jour: String,
    horaire: String,
    epreuve: String,
    salle: String,
}

/// The block `libelles` of `pv-carence.j2`: the jurors' table, the signatures.
#[derive(serde::Deserialize)]
struct CarenceLabels {
    jure: String,
    present: String,
    absent: String,
    motif: String,
    responsable: String,
    jures_presents: String,
    candidat: String,
}

/// The facts every letter may word: candidates by access route, the
/// latest dates the rules set, the day the letter is produced.
fn extra(ctx: &Composer) -> Value {
    let plan = ctx.plan;
    let count = |v: Voie| plan.candidates.iter().filter(|c| c.voie == v).count();
    let date = |key: &str| {
        plan.deadlines()
            .iter()
            .find(|d| d.key() == key)
            .map(|d| fr::long_date(d.date))
    };
    let present = plan.candidates.iter().filter(|c| c.present).count();
    context! {
        formation => count(Voie::Formation),
        vae => count(Voie::Vae),
        equivalence => count(Voie::Equivalence),
        // The day it is produced; corrected after a postponement, the day
        // it is sent.
        aujourdhui => match ctx.correction.filter(|c| c.report.is_some()) {
            Some(c) => c.envoi.clone(),
            None => fr::long_date(Date::today()),
        },
        declaration_avant => date("creation"),
        pv_avant => date("pv"),
        nb_pv_individuels => plan.candidates.len(),
        nb_presents => present,
        jures => Value::from_serialize(plan.jurors_taking_part()),
    }
}

/// The opening of a letter: the heads, place and date, subject, greeting.
fn opening(ctx: &Composer, t: &mut Texts) -> Result<Vec<Block>, Error> {
    Ok(vec![
        to_authority(ctx),
        right(t, "lieu_date")?,
        Block::Paragraph(Paragraph::bold(t.text("objet")?)),
        Block::Space {
            mm: SIZES.mm("lettres-after-subject"),
        },
    ])
}

/// The close of a letter: its last paragraphs and the signature.
fn closing(t: &mut Texts, blocks: &mut Vec<Block>) -> Result<(), Error> {
    blocks.extend(paragraphs(t, "formule")?);
    blocks.push(Block::signatures(
        vec![t.text("signature")?],
        SIZES.mm("lettres-signature-height"),
    ));
    Ok(())
}

/// The declaration of the session to the DDETS, its planning attached.
pub fn declaration(ctx: &Composer) -> Result<Composed, Error> {
    shared::session_document(ctx, extra(ctx), |t| {
        let l: PlanningLabels = t.labels_as("libelles")?;
        let mut letter = opening(ctx, t)?;
        letter.extend(paragraphs(t, "corps")?);
        closing(t, &mut letter)?;
        let mut annex = shared::title(t, None)?;
        annex.push(heading(t, "planning_titre")?);
        let rows = ctx
            .plan
            .slots
            .iter()
            .map(|s| {
                let hours = [Value::from(s.debut.clone()), Value::from(s.fin.clone())];
                Ok(vec![
                    s.jour_court.clone(),
                    t.call("horaire", &hours)?,
                    s.intitule.clone(),
                    s.salle.clone().unwrap_or_default(),
                ])
            })
            .collect::<Result<_, Error>>()?;
        annex.push(grid(
            SIZES.shares("declaration-planning-columns"),
            [&l.jour, &l.horaire, &l.epreuve, &l.salle],
            rows,
        ));
        annex.push(heading(t, "organisation_titre")?);
        annex.extend(paragraphs(t, "organisation")?);
        Ok(vec![Section::portrait(letter), Section::portrait(annex)])
    })
}

/// The cover letter of the original PVs sent to the DDETS.
pub fn transmission(ctx: &Composer) -> Result<Composed, Error> {
    let mut extra = extra(ctx);
    extra = context! { nb_fraudes => ctx.plan.facts.nb_fraudes, ..extra };
    shared::session_document(ctx, extra, |t| {
        let mut blocks = opening(ctx, t)?;
        blocks.extend(paragraphs(t, "corps")?);
        let pieces = t
            .lines("pieces")?
            .into_iter()
            .map(|p| Block::Paragraph(Paragraph::text(format!("{EMPTY}  {p}"))))
            .collect::<Vec<_>>();
        blocks.extend(pieces);
        blocks.extend(paragraphs(t, "delai")?);
        blocks.extend(paragraphs(t, "formule")?);
        // The responsable signs beside the centre's stamp.
        let captions = vec![t.text("cachet")?, t.text("signature")?];
        blocks.push(Block::signatures(
            captions,
            SIZES.mm("transmission-signature-height"),
        ));
        Ok(vec![Section::portrait(blocks)])
    })
}

/// The procès-verbal of a jury that could not be formed, facts to write
/// by hand on its blank lines.
pub fn carence(ctx: &Composer) -> Result<Composed, Error> {
    shared::session_document(ctx, extra(ctx), |t| {
        let l: CarenceLabels = t.labels_as("libelles")?;
        let mut blocks = shared::title(t, None)?;
        blocks.extend(paragraphs(t, "constat")?);
        let mut rows = vec![Row::head([&l.jure, &l.present, &l.absent, &l.motif])];
        for j in ctx.plan.jurors_taking_part() {
            rows.push(Row::new(vec![
                Cell::text(j.nom_prenom),
                Cell::text(EMPTY),
                Cell::text(EMPTY),
                Cell::text(""),
            ]));
        }
        blocks.push(Block::Table(
            Table::new(SIZES.shares("carence-jurors-columns"), rows)
                .header_rows(1)
                .size(SIZES.pt("carence-table-size"))
                .ruled(),
        ));
        blocks.push(heading(t, "candidats_titre")?);
        blocks.push(candidates_present(ctx, &l));
        blocks.push(heading(t, "plis_titre")?);
        blocks.extend(paragraphs(t, "plis")?);
        for (head, part) in [
            ("fait_titre", "fait"),
            ("ddets_titre", "ddets"),
            ("report_titre", "report"),
        ] {
            blocks.push(heading(t, head)?);
            blocks.extend(paragraphs(t, part)?);
            blocks.push(Block::Lines { count: 3 });
        }
        blocks.extend(signed(
            t,
            vec![l.responsable.clone(), l.jures_presents.clone()],
            SIZES.mm("carence-signature-height"),
        )?);
        Ok(vec![Section::portrait(blocks)])
    })
}

/// The candidates convened, with boxes for present and absent.
fn candidates_present(ctx: &Composer, l: &CarenceLabels) -> Block {
    let mut rows = vec![Row::head([&l.candidat, &l.present, &l.absent])];
    for c in &ctx.plan.candidates {
        rows.push(Row::new(vec![
            Cell::text(c.nom_prenom.clone()),
            Cell::text(EMPTY),
            Cell::text(EMPTY),
        ]));
    }
    Block::Table(
        Table::new(SIZES.shares("carence-candidates-columns"), rows)
            .header_rows(1)
            .size(SIZES.pt("carence-table-size"))
            .ruled(),
    )
}

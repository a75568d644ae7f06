//! The juror's briefing pack (livret d'accueil du jury): one per juror
//! taking part. Session facts, the responsable's contact, the juror's own
//! timetable, the candidates they evaluate, the documents handed over, the
//! rules of the jury, and the declaration of no link with the candidates.
//!
//! The session-facts table, the timetable and the bulleted lists are shared
//! with the surveillant's pack.

use minijinja::{Value, context};

use super::pack::{bullets, opening};
use super::paperwork::{justified, signed};
use super::{Composed, Composer, Content, Staff, pack, shared};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Table};
use crate::error::Error;
use crate::page::SIZES;
use crate::plan::{CandidateView, PersonView};
use crate::wording::{LabelBlock, Texts};

/// The labels of `livret-jure.j2` this composer reads.
pub const LABELS: &[LabelBlock] = &[
    pack::LIVRET_JURE[0],
    pack::LIVRET_JURE[1],
    LabelBlock::of::<Labels>("livret-jure", "libelles"),
    shared::Voies::block("livret-jure"),
];

/// The block `libelles` of `livret-jure.j2`.
#[derive(serde::Deserialize)]
struct Labels {
    candidats: String,
    documents: String,
    rappels: String,
    declaration: String,
    declaration_note: String,
    nom: String,
    identifiant: String,
    voie: String,
    amenagement: String,
    aucun: String,
    date: String,
    signature: String,
}

/// One pack per juror taking part, in alphabetical order.
pub fn each(ctx: &Composer) -> Result<Vec<Composed>, Error> {
    ctx.one_per_staff(Staff::Jure, |j| content(ctx, j))
}

fn content(ctx: &Composer, j: &PersonView) -> Result<Content, Error> {
    let plan = ctx.plan;
    let candidates = plan.juror_candidates(&j.id);
    let slots = plan.juror_slots(&j.id);
    // The other jurors of the pairs this juror sits in (their own partner).
    let mut binome: Vec<String> = Vec::new();
    for c in &candidates {
        for p in &c.jury {
            if p.id != j.id && !binome.contains(&p.appel) {
                binome.push(p.appel.clone());
            }
        }
    }
    let names: Vec<&str> = candidates.iter().map(|c| c.nom_prenom.as_str()).collect();
    let extra = context! {
        j => Value::from_serialize(j),
        binome => binome,
        candidats => names,
        vues => Value::from_serialize(&candidates),
    };
    // A rectificative names the day of the last letter this person received.
    let stem = ctx.kind.file_for(&j.id);
    shared::content_for(ctx, &stem, extra, |t| {
        let l: Labels = t.labels_as("libelles")?;
        let voies: shared::Voies = t.labels_as("voies")?;
        let corrected = Staff::Jure.corrected(ctx, &j.id);
        let mut blocks = opening(ctx, t, &slots, corrected)?;
        blocks.push(Block::heading(2, l.candidats.clone()));
        blocks.extend(candidates_table(t, &l, &voies, &candidates)?);
        blocks.push(Block::heading(2, l.documents.clone()));
        blocks.extend(bullets(t.lines("documents")?));
        blocks.push(Block::Paragraph(Paragraph::text(t.text("documents_fin")?)));
        blocks.push(Block::heading(2, l.rappels.clone()));
        blocks.extend(bullets(t.lines("rappels")?));
        blocks.extend(declaration(t, &l, &voies, &candidates)?);
        Ok(blocks)
    })
}

/// The candidates the juror evaluates: name, identifiant, access route and
/// the conditions set for them (with the later end of each lengthened test).
fn candidates_table(
    t: &mut Texts,
    l: &Labels,
    voies: &shared::Voies,
    candidates: &[&CandidateView],
) -> Result<Vec<Block>, Error> {
    if candidates.is_empty() {
        return Ok(vec![Block::Paragraph(Paragraph::text(
            t.text("candidats_vide")?,
        ))]);
    }
    let intro = Block::Paragraph(Paragraph::text(t.text("candidats_intro")?));
    let mut rows = vec![Row::head([&l.nom, &l.identifiant, &l.voie, &l.amenagement])];
    // One line per test lengthened by extra time, candidate by candidate.
    let mut late = t.lines("fins_amenagees")?.into_iter();
    for c in candidates {
        let amenagement = match &c.amenagement {
            Some(a) => {
                let mut cell = Cell::text(a.clone());
                for _ in &c.temps_supplementaire {
                    let line = late.next().unwrap_or_default();
                    cell.paragraphs
                        .push(Paragraph::bold(line).size(SIZES.pt("livret-jure-late-size")));
                }
                cell
            }
            None => Cell::text(l.aucun.clone()),
        };
        rows.push(Row::new(vec![
            shared::candidate_name(t, c)?,
            Cell::text(c.identifiant.clone()),
            Cell::text(voies.of(c.voie)),
            amenagement,
        ]));
    }
    let table = Block::Table(
        Table::new(SIZES.shares("livret-jure-columns"), rows)
            .header_rows(1)
            .size(SIZES.pt("livret-jure-table-size"))
            .ruled(),
    );
    Ok(vec![intro, table])
}

/// The declaration of no link with the candidates, on a page of its own
/// to hand back signed.
fn declaration(
    t: &mut Texts,
    l: &Labels,
    voies: &shared::Voies,
    candidates: &[&CandidateView],
) -> Result<Vec<Block>, Error> {
    let mut blocks = vec![
        Block::PageBreak,
        Block::centred_heading(1, l.declaration.clone()),
        Block::Paragraph(
            Paragraph::italic(l.declaration_note.clone())
                .align(Align::Center)
                .size(SIZES.pt("livret-jure-declaration-note-size")),
        ),
        Block::Space {
            mm: SIZES.mm("livret-jure-after-declaration-note"),
        },
    ];
    if candidates.is_empty() {
        blocks.push(justified(t, "declaration_vide")?);
    } else {
        blocks.push(justified(t, "declaration")?);
        let listed = candidates
            .iter()
            .map(|c| {
                let args = [
                    Value::from(c.nom_prenom.clone()),
                    Value::from(c.identifiant.clone()),
                    Value::from(voies.of(c.voie)),
                ];
                t.call("declare", &args)
            })
            .collect::<Result<Vec<_>, Error>>()?;
        blocks.extend(bullets(listed));
    }
    blocks.push(justified(t, "engagement")?);
    blocks.push(Block::Space {
        mm: SIZES.mm("livret-jure-before-signature"),
    });
    blocks.extend(signed(
        t,
        vec![l.date.clone(), l.signature.clone()],
        SIZES.mm("livret-jure-signature-height"),
    )?);
    Ok(blocks)
}

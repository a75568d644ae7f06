//! Pieces several documents share.

use minijinja::Value;

use super::{Composed, Composer, Content, Ctx};
use crate::doc::{Align, Block, Cell, Paragraph, Section};
use crate::error::Error;
use crate::model::Voie;
use crate::page::SIZES;
use crate::plan::{CandidateView, SlotView};
use crate::wording::{LabelBlock, Texts};

/// How large the règlement's extracts are set.
#[derive(Debug, Clone, Copy)]
pub enum ReglementType {
    /// The convocation's annex, in the size of a letter.
    Annexe,
    /// The sheet posted in the hall, read standing.
    Affiche,
}

/// The extracts of the règlement général that concern candidates
/// (`templates/reglement.j2`): the convocation's annex and the posted sheet
/// say the same.
pub fn reglement(ctx: &Ctx, size: ReglementType) -> Result<Vec<Block>, Error> {
    ctx.wording
        .with("reglement", ctx.context(Value::UNDEFINED), |t| {
            let mut blocks = Vec::new();
            match size {
                ReglementType::Annexe => blocks.push(Block::heading(1, t.text("titre")?)),
                ReglementType::Affiche => blocks.push(Block::Paragraph(
                    Paragraph::bold(t.text("titre_affiche")?)
                        .align(Align::Center)
                        .size(SIZES.pt("reglement-posted-title-size"))
                        .space_after(SIZES.mm("reglement-posted-title-after")),
                )),
            }
            let (source_pt, body_pt) = match size {
                ReglementType::Annexe => (
                    SIZES.pt("reglement-source-size"),
                    SIZES.pt("reglement-text-size"),
                ),
                // One sheet, read standing.
                ReglementType::Affiche => (
                    SIZES.pt("reglement-posted-source-size"),
                    SIZES.pt("reglement-posted-text-size"),
                ),
            };
            blocks.push(Block::Paragraph(
                Paragraph::italic(t.text("source")?)
                    .size(source_pt)
                    .align(Align::Justify),
            ));
            for p in t.paragraphs("extraits")? {
                let block = match (p.strip_prefix("## "), size) {
                    (Some(heading), ReglementType::Annexe) => Block::heading(2, heading.to_owned()),
                    (Some(heading), ReglementType::Affiche) => Block::Paragraph(
                        Paragraph::bold(heading)
                            .size(SIZES.pt("reglement-posted-heading-size"))
                            .space_after(SIZES.mm("reglement-posted-heading-after"))
                            .keep_with_next(),
                    ),
                    (None, _) => {
                        Block::Paragraph(Paragraph::text(p).size(body_pt).align(Align::Justify))
                    }
                };
                blocks.push(block);
            }
            Ok(blocks)
        })
}

/// A document's opening: its title (template block `titre`), centred, and
/// the subtitle (`sous_titre`) in bold under it, `subtitle_pt` points
/// (`None`: the body size).
pub fn title(t: &mut Texts, subtitle_pt: Option<f32>) -> Result<Vec<Block>, Error> {
    let mut subtitle = Paragraph::bold(t.text("sous_titre")?).align(Align::Center);
    subtitle.size = subtitle_pt;
    Ok(vec![
        Block::centred_heading(1, t.text("titre")?),
        Block::Paragraph(subtitle),
    ])
}

/// A document written with the kind's template and `extra` in its
/// context: titled by the block `fichier`, with the common footer, and the
/// blocks `write` makes.
pub fn content(
    ctx: &Composer,
    extra: Value,
    write: impl FnOnce(&mut Texts) -> Result<Vec<Block>, Error>,
) -> Result<Content, Error> {
    written(ctx, ctx.context(extra), write)
}

/// A person's document written as [`content`], in the context of the
/// document `stem` ([`Ctx::context_for`]): a rectificative names the day
/// of the last letter that person received.
pub fn content_for(
    ctx: &Composer,
    stem: &str,
    extra: Value,
    write: impl FnOnce(&mut Texts) -> Result<Vec<Block>, Error>,
) -> Result<Content, Error> {
    written(ctx, ctx.context_for(stem, extra), write)
}

/// The kind's template in `context`: titled by the block `fichier`, with
/// the common footer, and the blocks `write` makes.
fn written(
    ctx: &Composer,
    context: Value,
    write: impl FnOnce(&mut Texts) -> Result<Vec<Block>, Error>,
) -> Result<Content, Error> {
    ctx.wording.with(ctx.template(), context, |t| {
        let title = t.text("fichier")?;
        let footer = ctx.footer(&title)?;
        let blocks = write(t)?;
        Ok(Content {
            title,
            footer,
            blocks,
        })
    })
}

/// The kind's document about the whole session, written with the kind's
/// template and `extra`: titled by the block `fichier`, with the common
/// footer, in the sections `write` makes.
pub fn session_document(
    ctx: &Composer,
    extra: Value,
    write: impl FnOnce(&mut Texts) -> Result<Vec<Section>, Error>,
) -> Result<Composed, Error> {
    ctx.wording.with(ctx.template(), ctx.context(extra), |t| {
        let title = t.text("fichier")?;
        let footer = ctx.footer(&title)?;
        let sections = write(t)?;
        ctx.for_session(title, footer, sections)
    })
}

/// A candidate's name in a table: "NOM Prénom" in bold, and under it, when
/// they go by another name, their birth name worded by the template's
/// macro `naissance`.
pub fn candidate_name(t: &Texts, c: &CandidateView) -> Result<Cell, Error> {
    let mut name = vec![Paragraph::bold(c.nom_prenom.clone())];
    if c.nom_usage.is_some() {
        let birth = t.call("naissance", &[Value::from(c.nom_naissance.clone())])?;
        name.push(Paragraph::text(birth).size(SIZES.pt("birth-name-size")));
    }
    Ok(Cell::new(name))
}

/// The block `voies` of a template (the macro `voies` of `macros.j2`): the
/// name of each access route.
#[derive(serde::Deserialize)]
pub struct Voies {
    formation: String,
    vae: String,
    equivalence: String,
}

impl Voies {
    /// The block `voies` of `template`, to register.
    pub const fn block(template: &'static str) -> LabelBlock {
        LabelBlock::of::<Voies>(template, "voies")
    }

    /// The name of the access route `v`.
    pub fn of(&self, v: Voie) -> &str {
        match v {
            Voie::Formation => &self.formation,
            Voie::Vae => &self.vae,
            Voie::Equivalence => &self.equivalence,
        }
    }
}

/// A slot's cells in a person's timetable: start, end, duration, what, room.
pub fn slot_cells(v: &SlotView) -> Vec<Cell> {
    vec![
        Cell::text(v.debut.clone()),
        Cell::text(v.fin.clone()),
        Cell::text(v.duree.clone()),
        Cell::text(v.intitule.clone()),
        Cell::text(v.salle.clone().unwrap_or_default()),
    ]
}

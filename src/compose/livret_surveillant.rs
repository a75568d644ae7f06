//! The surveillant's pack: one per surveillant. Session facts and whom to
//! call, the slots they invigilate, the rules to enforce, the conduct in
//! case of fraud, and who may not invigilate; an acknowledgement to sign.

use minijinja::{Value, context};

use super::livret_jure::{bullets, facts_table, heading, numbered, slots_table, title_blocks};
use super::{Composed, Ctx, Kind, Subject};
use crate::doc::{Align, Block, Paragraph, Section};
use crate::plan::PersonView;
use crate::wording::WordingError;

/// One pack per surveillant, in the order of the session file.
pub fn each(ctx: &Ctx) -> Result<Vec<Composed>, WordingError> {
    ctx.plan
        .surveillants()
        .iter()
        .map(|m| {
            let (title, footer, blocks) = blocks(ctx, m)?;
            Ok(Composed {
                kind: Kind::LivretSurveillant,
                stem: format!(
                    "livrets-surveillants/livret-surveillant-{}",
                    super::file_part(&m.id)
                ),
                subject: Subject {
                    surveillant: Some(m.id.clone()),
                    ..Subject::default()
                },
                document: ctx.document(
                    title,
                    footer,
                    vec![Section {
                        landscape: false,
                        recto: false,
                        blocks,
                    }],
                )?,
            })
        })
        .collect()
}

fn blocks(ctx: &Ctx, m: &PersonView) -> Result<(String, String, Vec<Block>), WordingError> {
    let plan = ctx.plan;
    let facts = &plan.facts;
    let slots = plan.surveillant_slots(&m.id);
    // The number to call: the responsable's, else the centre's.
    let tel = facts
        .responsable
        .telephone
        .clone()
        .or_else(|| facts.centre_telephone.clone());
    ctx.wording.with(
        "livret-surveillant",
        ctx.context(context! { m => Value::from_serialize(m), tel => tel }),
        |t| {
            let l = t.labels("libelles")?;
            let title = t.text("fichier")?;
            let footer = ctx.footer(&title)?;
            let mut blocks = title_blocks(t)?;
            blocks.extend(
                t.paragraphs("accueil")?
                    .into_iter()
                    .map(|p| Block::Paragraph(Paragraph::text(p).align(Align::Justify))),
            );

            blocks.push(heading(l.get("infos")?));
            blocks.push(facts_table(ctx, t, &l)?);

            blocks.push(heading(l.get("planning")?));
            if slots.is_empty() {
                blocks.push(Block::Paragraph(Paragraph::text(t.text("planning_vide")?)));
            } else {
                blocks.push(Block::Paragraph(Paragraph::text(t.text("planning_intro")?)));
                blocks.push(slots_table(&l, &slots)?);
            }

            blocks.push(heading(l.get("regles")?));
            blocks.extend(bullets(t.lines("regles")?));

            blocks.push(heading(l.get("fraude")?));
            blocks.extend(numbered(t.lines("fraude")?));

            blocks.push(heading(l.get("formateur")?));
            blocks.push(Block::Paragraph(
                Paragraph::text(t.text("formateur")?).align(Align::Justify),
            ));
            blocks.push(Block::Paragraph(
                Paragraph::text(t.text("signatures")?).align(Align::Justify),
            ));

            blocks.push(Block::Heading {
                level: 3,
                text: l.get("engagement")?,
                align: Align::Left,
            });
            blocks.push(Block::Paragraph(
                Paragraph::text(t.text("engagement")?).align(Align::Justify),
            ));
            blocks.push(Block::Paragraph(Paragraph::text(t.text("fait_a")?)));
            blocks.push(Block::Signatures {
                captions: vec![l.get("date")?, l.get("signature")?],
                height_mm: 22.0,
            });
            Ok((title, footer, blocks))
        },
    )
}

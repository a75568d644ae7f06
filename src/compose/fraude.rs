//! The fraud report: one per `fraudes` entry, to attach to the PV de session.

use minijinja::{Value, context};

use super::{Composed, Content, Ctx, Kind, Subject};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Section, Table};
use crate::error::Error;
use crate::plan::FraudView;

/// One report per incident.
pub fn each(ctx: &Ctx) -> Result<Vec<Composed>, Error> {
    ctx.plan
        .fraud_reports()
        .iter()
        .map(|f| {
            let Content {
                title,
                footer,
                blocks,
            } = content(ctx, Some(f))?;
            ctx.composed(
                Kind::RapportFraude,
                format!(
                    "rapports-fraude/rapport-fraude-{}-{}",
                    f.numero,
                    super::file_part(&f.candidat_id)
                ),
                Subject {
                    fraude: Some(f.numero),
                    ..Subject::candidat(f.candidat_id.clone())
                },
                title,
                footer,
                vec![Section::portrait(blocks)],
            )
        })
        .collect()
}

/// The blocks of a report; `None` gives the blank form.
pub fn content(ctx: &Ctx, f: Option<&FraudView>) -> Result<Content, Error> {
    ctx.wording.with(
        "rapport-fraude",
        ctx.context(context! { f => Value::from_serialize(f) }),
        |t| {
            let l = t.labels("libelles")?;
            let title = t.text("fichier")?;
            let footer = ctx.footer(&title)?;
            let facts = &ctx.plan.facts;
            let field = |v: Option<&str>| Cell::text(v.unwrap_or(""));
            let row = |label: String, value: Cell| Row::new(vec![Cell::head(label), value]);
            let rows = vec![
                row(
                    l.get("session")?,
                    Cell::text(format!(
                        "n° {} — {} – {}",
                        facts.numero, facts.titre_code, facts.titre_intitule
                    )),
                ),
                row(
                    l.get("centre")?,
                    Cell::text(format!("{}, {}", facts.centre_nom, facts.centre_site)),
                ),
                row(l.get("dates")?, Cell::text(t.text("dates")?)),
                row(
                    l.get("candidat")?,
                    field(f.as_ref().map(|f| f.candidat.as_str())),
                )
                .min_height(9.0),
                row(
                    l.get("identifiant")?,
                    field(f.as_ref().map(|f| f.identifiant.as_str())),
                )
                .min_height(9.0),
                row(
                    l.get("epreuve")?,
                    field(f.as_ref().map(|f| f.epreuve.as_str())),
                )
                .min_height(9.0),
                row(l.get("moment")?, Cell::text(t.text("moment")?)).min_height(9.0),
            ];
            let mut blocks = vec![
                Block::Heading {
                    level: 1,
                    text: t.text("titre")?,
                    align: Align::Center,
                },
                Block::Paragraph(Paragraph::bold(t.text("sous_titre")?).align(Align::Center)),
                Block::Paragraph(Paragraph::bold(t.text("joindre")?).align(Align::Center)),
                Block::Table(Table {
                    widths: vec![3.0, 8.0],
                    header_rows: 0,
                    rows,
                    size: Some(10.0),
                    ruled: true,
                }),
            ];
            for (label, text) in [
                (l.get("faits")?, f.as_ref().map(|f| f.faits.clone())),
                (l.get("mesures")?, f.as_ref().map(|f| f.mesures.clone())),
            ] {
                blocks.push(Block::Heading {
                    level: 2,
                    text: label,
                    align: Align::Left,
                });
                match text {
                    Some(text) => blocks.push(Block::Paragraph(
                        Paragraph::text(text).align(Align::Justify),
                    )),
                    None => blocks.push(Block::Lines { count: 6 }),
                }
            }
            blocks.push(Block::Heading {
                level: 2,
                text: l.get("temoins")?,
                align: Align::Left,
            });
            let witnesses = match &f {
                Some(f) => f
                    .temoins
                    .iter()
                    .map(|(name, role)| Ok(format!("{name} ({})", l.get(role)?)))
                    .collect::<Result<Vec<_>, Error>>()?,
                None => Vec::new(),
            };
            if witnesses.is_empty() {
                blocks.push(Block::Lines { count: 2 });
            } else {
                for w in &witnesses {
                    blocks.push(Block::Paragraph(Paragraph::text(format!("– {w}"))));
                }
            }
            blocks.push(Block::Heading {
                level: 2,
                text: l.get("signatures")?,
                align: Align::Left,
            });
            let mut captions: Vec<String> = if witnesses.is_empty() {
                vec![l.get("temoin")?, l.get("temoin")?]
            } else {
                witnesses.clone()
            };
            captions.push(format!(
                "{}\n{}",
                l.get("responsable")?,
                facts.responsable.nom_prenom
            ));
            for chunk in captions.chunks(3) {
                blocks.push(Block::Signatures {
                    captions: chunk.to_vec(),
                    height_mm: 24.0,
                });
            }
            blocks.push(Block::Paragraph(
                Paragraph::new(vec![Run::italic(t.text("rappel")?)]).size(8.5),
            ));
            Ok(Content {
                title,
                footer,
                blocks,
            })
        },
    )
}

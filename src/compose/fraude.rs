//! The fraud report: one per `fraudes` entry, to attach to the PV de session.

use minijinja::{Value, context};
use serde::Serialize;

use super::{Composed, Ctx, Kind, Pages, Subject};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Section, Table};
use crate::error::Error;
use crate::fr;
use crate::model::Fraude;

/// A fraud incident as printed.
#[derive(Debug, Serialize)]
struct FraudView {
    candidat: String,
    identifiant: String,
    epreuve: String,
    jour: String,
    heure: String,
    faits: String,
    mesures: String,
    /// Each witness: "NOM Prénom" and the key of their role's label.
    temoins: Vec<(String, &'static str)>,
}

fn view(ctx: &Ctx, f: &Fraude) -> FraudView {
    let s = ctx.plan.session;
    let candidate = ctx.plan.candidate(&f.candidat.value);
    let temoins = f
        .constate_par
        .value
        .ids()
        .iter()
        .map(|id| {
            let id = id.value.as_str();
            if id == "responsable" {
                (
                    ctx.plan.facts.responsable.nom_prenom.clone(),
                    "role_responsable",
                )
            } else if let Some(m) = s.surveillant(id) {
                (fr::nom_prenom(&m.nom, &m.prenom), "role_surveillant")
            } else if let Some(j) = s.jure(id) {
                (fr::nom_prenom(&j.nom, &j.prenom), "role_jure")
            } else {
                (id.to_owned(), "role_autre")
            }
        })
        .collect();
    FraudView {
        candidat: candidate.map_or_else(|| f.candidat.value.clone(), |c| c.nom_prenom.clone()),
        identifiant: candidate.map(|c| c.identifiant.clone()).unwrap_or_default(),
        epreuve: f.epreuve.clone(),
        jour: fr::long_date(f.date.value),
        heure: fr::time(f.heure.value),
        faits: f.faits.clone(),
        mesures: f.mesures.clone(),
        temoins,
    }
}

/// One report per incident.
pub fn each(ctx: &Ctx) -> Result<Vec<Composed>, Error> {
    ctx.plan
        .session
        .fraudes
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let Pages {
                title,
                footer,
                blocks,
            } = pages(ctx, Some(f))?;
            ctx.composed(
                Kind::RapportFraude,
                format!(
                    "rapports-fraude/rapport-fraude-{}-{}",
                    i + 1,
                    super::file_part(&f.candidat.value)
                ),
                Subject {
                    fraude: Some(i + 1),
                    ..Subject::candidat(f.candidat.value.clone())
                },
                title,
                footer,
                vec![Section::portrait(blocks)],
            )
        })
        .collect()
}

/// The blocks of a report; `None` gives the blank form.
pub fn pages(ctx: &Ctx, fraude: Option<&Fraude>) -> Result<Pages, Error> {
    let f = fraude.map(|f| view(ctx, f));
    ctx.wording.with(
        "rapport-fraude",
        ctx.context(context! { f => Value::from_serialize(&f) }),
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
            Ok(Pages {
                title,
                footer,
                blocks,
            })
        },
    )
}

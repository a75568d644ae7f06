//! The procès-verbal de session (global): one row per candidate, the
//! jurors and surveillants who sign, the responsable's countersignature.

use minijinja::{Value, context};

use super::{Composed, Content, Ctx, Kind, parts, voie_key};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Section, Table};
use crate::error::Error;
use crate::model::Decision;

/// The PV de session, filled from the results when they are known.
pub fn compose(ctx: &Ctx) -> Result<Composed, Error> {
    let Content {
        title,
        footer,
        blocks,
    } = content(ctx, false)?;
    ctx.for_session(
        Kind::PvSession,
        "pv-session",
        title,
        footer,
        vec![Section::landscape(blocks)],
    )
}

/// The blocks of the PV; `blank` gives a page to fill by hand.
pub fn content(ctx: &Ctx, blank: bool) -> Result<Content, Error> {
    let plan = ctx.plan;
    let facts = &plan.facts;
    let date = (!blank && facts.resultats_connus).then(|| facts.fin.clone());
    ctx.wording.with(
        "pv-session",
        ctx.context(context! {
            date => date,
            blank => blank,
            candidats => Value::from_serialize(&plan.candidates),
            fraudes => Value::from_serialize(plan.fraud_reports()),
        }),
        |t| {
            let l = t.labels("libelles")?;
            let voies = t.labels("voies")?;
            let title = t.text("fichier")?;
            let footer = ctx.footer(&title)?;
            let mut blocks = parts::title(t, None)?;
            // The CCPs the session covers; a partial success (and so a
            // column per CCP) only when it covers more than one.
            let partial_offered = facts.ccp.len() > 1;
            let n_ccp = if partial_offered { facts.ccp.len() } else { 0 };
            let mut widths = vec![4.2, 1.5, 1.7, 1.1, 1.1];
            let mut head = vec![
                Cell::head(l.get("candidat")?),
                Cell::head(l.get("identifiant")?),
                Cell::head(l.get("voie")?),
                Cell::head(l.get("absent")?),
                Cell::head(l.get("reussite")?),
            ];
            if partial_offered {
                widths.push(1.3);
                head.push(Cell::head(l.get("reussite_partielle")?));
            }
            widths.push(1.1);
            head.push(Cell::head(l.get("echec")?));
            widths.extend(std::iter::repeat_n(1.0, n_ccp));
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
                    rows.push(Row::new(cells).min_height(11.0));
                }
            } else {
                for c in &plan.candidates {
                    let mut name = vec![Paragraph::bold(c.nom_prenom.clone())];
                    if c.nom_usage.is_some() {
                        name.push(
                            Paragraph::text(format!("{} {}", l.get("naissance")?, c.nom_naissance))
                                .size(8.0),
                        );
                    }
                    let d = c.decision;
                    let partial = d == Some(Decision::ReussitePartielle);
                    let mut cells = vec![
                        Cell::new(name),
                        Cell::text(c.identifiant.clone()),
                        Cell::text(voies.get(voie_key(c.voie))?),
                        Cell::checkbox(d == Some(Decision::Absent)),
                        Cell::checkbox(d == Some(Decision::Reussite)),
                    ];
                    if partial_offered {
                        cells.push(Cell::checkbox(partial));
                    }
                    cells.push(Cell::checkbox(d == Some(Decision::Echec)));
                    if partial_offered {
                        cells.extend(facts.ccp.iter().map(|ccp| {
                            Cell::checkbox(
                                partial && c.ccp_obtenus.iter().any(|o| o.code == ccp.code),
                            )
                        }));
                    }
                    rows.push(Row::new(cells));
                }
            }
            blocks.push(Block::Table(Table {
                widths,
                header_rows: 1,
                rows,
                size: Some(8.5),
                ruled: true,
            }));

            let key = if partial_offered {
                "legende"
            } else {
                "legende_un_ccp"
            };
            let mut legend = vec![Run::bold(l.get(key)?)];
            for line in t.lines("legende_ccp")? {
                legend.push(Run::plain(format!("\n{line}")));
            }
            blocks.push(Block::Paragraph(Paragraph::new(legend).size(8.0)));

            let signing = |heading: String, people: Vec<(String, String)>| -> Block {
                let mut rows = vec![
                    Row::new(vec![Cell::head(heading).span(3)]),
                    Row::new(vec![
                        Cell::head(l.get("nom").unwrap_or_default()),
                        Cell::head(l.get("prenom").unwrap_or_default()),
                        Cell::head(l.get("signature").unwrap_or_default()),
                    ]),
                ];
                for (nom, prenom) in people {
                    rows.push(
                        Row::new(vec![Cell::text(nom), Cell::text(prenom), Cell::text("")])
                            .min_height(10.0),
                    );
                }
                Block::Table(Table {
                    widths: vec![3.0, 3.0, 5.0],
                    header_rows: 2,
                    rows,
                    size: Some(9.0),
                    ruled: true,
                })
            };
            let jurors: Vec<(String, String)> = if blank {
                vec![(String::new(), String::new()); 4]
            } else {
                plan.jurors_taking_part()
                    .into_iter()
                    .map(|j| (crate::fr::capitals(&j.nom), j.prenom))
                    .collect()
            };
            blocks.push(signing(l.get("jures")?, jurors));
            let surveillants: Vec<(String, String)> = if blank {
                vec![(String::new(), String::new()); 2]
            } else {
                plan.surveillants()
                    .into_iter()
                    .map(|m| (crate::fr::capitals(&m.nom), m.prenom))
                    .collect()
            };
            if !surveillants.is_empty() {
                blocks.push(signing(l.get("surveillants")?, surveillants));
            }
            // Remarks and observations: the session's events, then room to write.
            blocks.push(Block::Paragraph(Paragraph {
                keep_with_next: true,
                ..Paragraph::bold(l.get("remarques")?)
            }));
            let events = if blank {
                Vec::new()
            } else {
                t.lines("evenements")?
            };
            if !events.is_empty() {
                let items: Vec<String> = events.iter().map(|e| format!("– {e}")).collect();
                blocks.push(Block::Paragraph(
                    Paragraph::text(items.join("\n")).size(9.0),
                ));
            }
            blocks.push(Block::Lines {
                count: if blank { 2 } else { 3 },
            });
            blocks.push(Block::Paragraph(Paragraph::text(t.text("fraudes")?)));
            blocks.push(Block::Paragraph(
                Paragraph::text(t.text("certification")?).align(Align::Justify),
            ));
            blocks.push(Block::Paragraph(Paragraph::text(t.text("fait_a")?)));
            blocks.push(Block::Signatures {
                captions: vec![l.get("signature_responsable")?, l.get("cachet")?],
                height_mm: 22.0,
            });
            blocks.push(Block::Paragraph(
                Paragraph::new(vec![Run::italic(t.text("delai")?)]).size(8.5),
            ));
            Ok(Content {
                title,
                footer,
                blocks,
            })
        },
    )
}

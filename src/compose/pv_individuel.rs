//! The procès-verbal individuel: one per candidate, absent ones included,
//! laid out after the ministry's form. Boxes are ticked from `resultat`;
//! before the deliberation only the access route is.

use minijinja::{Value, context};

use super::{Composed, Ctx, Filter, Kind, Pages, Subject, parts};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Table};
use crate::error::Error;
use crate::model::{Decision, Voie};
use crate::plan::CandidateView;

/// One PV per candidate the filter keeps.
pub fn each(ctx: &Ctx, filter: &Filter) -> Result<Vec<Composed>, Error> {
    ctx.one_per(
        Kind::PvIndividuel,
        ctx.plan
            .candidates
            .iter()
            .filter(|c| filter.wants_candidate(&c.id)),
        "pv-individuels/pv-individuel",
        |c| c.id.clone(),
        Subject::candidat,
        |c| pages(ctx, Some(c)),
    )
}

/// The blocks of a PV; `None` gives the blank form to fill by hand.
pub fn pages(ctx: &Ctx, c: Option<&CandidateView>) -> Result<Pages, Error> {
    let plan = ctx.plan;
    let facts = &plan.facts;
    let date = c.and_then(|c| c.decision).map(|_| facts.fin.clone());
    ctx.wording.with(
        "pv-individuel",
        ctx.context(context! { c => Value::from_serialize(c), date => date }),
        |t| {
            let l = t.labels("libelles")?;
            let title = t.text("fichier")?;
            let footer = ctx.footer(&title)?;
            let mut blocks = parts::title(t, Some(11.0))?;
            blocks.extend([Block::Paragraph(
                Paragraph::new(vec![Run::italic(t.text("delai")?)])
                    .size(8.5)
                    .align(Align::Center),
            )]);
            let value = |v: Option<&str>| Cell::text(v.unwrap_or(""));
            let text = |s: &str| Cell::new(vec![Paragraph::text(s)]);
            let info = vec![
                Row::new(vec![
                    Cell::head(l.get("candidat")?).span(2),
                    Cell::head(l.get("session")?).span(2),
                ]),
                Row::new(vec![
                    text(&l.get("nom_naissance")?),
                    value(c.map(|c| c.nom_naissance.as_str())),
                    text(&l.get("centre")?),
                    Cell::text(format!("{}\n{}", facts.centre_nom, facts.centre_site)),
                ]),
                Row::new(vec![
                    text(&l.get("nom_usage")?),
                    value(c.and_then(|c| c.nom_usage.as_deref())),
                    text(&l.get("adresse")?),
                    Cell::text(facts.centre_adresse.join("\n")),
                ]),
                Row::new(vec![
                    text(&l.get("prenom")?),
                    value(c.map(|c| c.prenom.as_str())),
                    text(&l.get("debut")?),
                    Cell::text(facts.debut_court.clone()),
                ]),
                Row::new(vec![
                    text(&l.get("identifiant")?),
                    value(c.map(|c| c.identifiant.as_str())),
                    text(&l.get("fin")?),
                    Cell::text(facts.fin_court.clone()),
                ]),
            ];
            blocks.push(Block::Table(Table {
                widths: vec![2.2, 2.6, 2.8, 3.4],
                header_rows: 1,
                rows: info,
                size: Some(9.0),
                ruled: true,
            }));

            // Access route (3 boxes) and results (4 boxes).
            let voie = c.map(|c| c.voie);
            let decision = c.and_then(|c| c.decision);
            let labels = [
                l.get("formation")?,
                l.get("vae")?,
                l.get("equivalence")?,
                l.get("absent")?,
                l.get("reussite")?,
                l.get("reussite_partielle")?,
                l.get("echec")?,
            ];
            let ticks = [
                voie == Some(Voie::Formation),
                voie == Some(Voie::Vae),
                voie == Some(Voie::Equivalence),
                decision == Some(Decision::Absent),
                decision == Some(Decision::Reussite),
                decision == Some(Decision::ReussitePartielle),
                decision == Some(Decision::Echec),
            ];
            let boxes = vec![
                Row::new(vec![
                    Cell::head(l.get("voie")?).span(3),
                    Cell::head(l.get("resultats")?).span(4),
                ]),
                Row::new(
                    labels
                        .iter()
                        .map(|s| Cell::text(s.clone()).align(Align::Center))
                        .collect(),
                ),
                Row::new(ticks.iter().map(|&t| Cell::checkbox(t)).collect()),
            ];
            blocks.push(Block::Table(Table {
                widths: vec![1.0; 7],
                header_rows: 1,
                rows: boxes,
                size: Some(9.0),
                ruled: true,
            }));

            // Every CCP of the title, its box (ticked for a partial success), its code.
            let partial = decision == Some(Decision::ReussitePartielle);
            let mut ccp_rows = vec![Row::new(vec![
                Cell::head(l.get("ccp")?).span(2),
                Cell::head(l.get("code")?),
            ])];
            for ccp in &facts.titre_ccp {
                let awarded =
                    partial && c.is_some_and(|c| c.ccp_obtenus.iter().any(|o| o.code == ccp.code));
                ccp_rows.push(Row::new(vec![
                    Cell::text(ccp.intitule.clone()),
                    Cell::checkbox(awarded),
                    Cell::text(ccp.code.clone()),
                ]));
            }
            blocks.push(Block::Table(Table {
                widths: vec![8.0, 0.8, 1.6],
                header_rows: 1,
                rows: ccp_rows,
                size: Some(9.0),
                ruled: true,
            }));

            // The jury pair, then the responsable.
            let mut jury_rows = vec![
                Row::new(vec![Cell::head(l.get("jury")?).span(3)]),
                Row::new(vec![
                    Cell::head(l.get("nom")?),
                    Cell::head(l.get("prenom_col")?),
                    Cell::head(l.get("signature")?),
                ]),
            ];
            let pair: Vec<(String, String)> = match c {
                Some(c) => c
                    .jury
                    .iter()
                    .map(|j| (j.nom.to_uppercase(), j.prenom.clone()))
                    .collect(),
                None => vec![(String::new(), String::new()); 2],
            };
            for (nom, prenom) in pair {
                jury_rows.push(
                    Row::new(vec![Cell::text(nom), Cell::text(prenom), Cell::text("")])
                        .min_height(14.0),
                );
            }
            let r = &facts.responsable;
            jury_rows.push(Row::new(vec![Cell::head(l.get("responsable")?).span(3)]));
            jury_rows.push(
                Row::new(vec![
                    Cell::text(r.nom.to_uppercase()),
                    Cell::text(r.prenom.clone()),
                    Cell::text(""),
                ])
                .min_height(14.0),
            );
            blocks.push(Block::Table(Table {
                widths: vec![3.0, 3.0, 4.0],
                header_rows: 2,
                rows: jury_rows,
                size: Some(9.0),
                ruled: true,
            }));

            blocks.push(Block::Heading {
                level: 2,
                text: l.get("observations")?,
                align: Align::Left,
            });
            match c.and_then(|c| c.observations.as_deref()) {
                Some(obs) => {
                    blocks.push(Block::Paragraph(Paragraph::text(obs).align(Align::Justify)))
                }
                None => blocks.push(Block::Lines { count: 4 }),
            }
            blocks.push(Block::Paragraph(
                Paragraph::text(t.text("fait_a")?).align(Align::Right),
            ));
            Ok(Pages {
                title,
                footer,
                blocks,
            })
        },
    )
}

//! The fraud report: one per `fraudes` entry, to attach to the PV de session.

use minijinja::{Value, context};

use super::{Composed, Composer, Content, Subject, shared};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Section, Table};
use crate::error::Error;
use crate::page::SIZES;
use crate::plan::{FraudView, WitnessRole};
use crate::wording::{LabelBlock, Texts};

/// The labels of `rapport-fraude.j2` this composer reads.
pub const LABELS: &[LabelBlock] = &[LabelBlock::of::<Labels>("rapport-fraude", "libelles")];

/// The block `libelles` of `rapport-fraude.j2`.
#[derive(serde::Deserialize)]
struct Labels {
    session: String,
    centre: String,
    dates: String,
    candidat: String,
    identifiant: String,
    epreuve: String,
    moment: String,
    faits: String,
    mesures: String,
    temoins: String,
    signatures: String,
    temoin: String,
    role_responsable: String,
    role_surveillant: String,
    role_jure: String,
    role_autre: String,
}

impl Labels {
    /// How a witness's role is named beside their name.
    fn role(&self, role: WitnessRole) -> &str {
        match role {
            WitnessRole::Responsable => &self.role_responsable,
            WitnessRole::Surveillant => &self.role_surveillant,
            WitnessRole::Jure => &self.role_jure,
            WitnessRole::Autre => &self.role_autre,
        }
    }
}

/// One report per incident.
pub fn each(ctx: &Composer) -> Result<Vec<Composed>, Error> {
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
                ctx.kind
                    .file_for(&format!("{}-{}", f.numero, f.candidat_id)),
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
pub fn content(ctx: &Composer, f: Option<&FraudView>) -> Result<Content, Error> {
    let extra = context! { f => Value::from_serialize(f) };
    shared::content(ctx, extra, |t| {
        let l: Labels = t.labels_as("libelles")?;
        let mut blocks = vec![
            Block::centred_heading(1, t.text("titre")?),
            Block::Paragraph(Paragraph::bold(t.text("sous_titre")?).align(Align::Center)),
            Block::Paragraph(Paragraph::bold(t.text("joindre")?).align(Align::Center)),
            incident(t, &l, f)?,
        ];
        blocks.extend(account(&l, f)?);
        blocks.extend(witnesses(t, &l, f)?);
        blocks.push(Block::Paragraph(
            Paragraph::italic(t.text("rappel")?).size(SIZES.pt("fraude-reminder-size")),
        ));
        Ok(blocks)
    })
}

/// The table of the incident: session, centre, dates, candidate, test, when.
fn incident(t: &mut Texts, l: &Labels, f: Option<&FraudView>) -> Result<Block, Error> {
    let field = |v: Option<&str>| Cell::text(v.unwrap_or(""));
    let row = |label: String, value: Cell| Row::new(vec![Cell::head(label), value]);
    let rows = vec![
        row(l.session.clone(), Cell::text(t.text("session")?)),
        row(l.centre.clone(), Cell::text(t.text("centre")?)),
        row(l.dates.clone(), Cell::text(t.text("dates")?)),
        row(l.candidat.clone(), field(f.map(|f| f.candidat.as_str())))
            .min_height(SIZES.mm("fraude-row-height")),
        row(
            l.identifiant.clone(),
            field(f.map(|f| f.identifiant.as_str())),
        )
        .min_height(SIZES.mm("fraude-row-height")),
        row(l.epreuve.clone(), field(f.map(|f| f.epreuve.as_str())))
            .min_height(SIZES.mm("fraude-row-height")),
        row(l.moment.clone(), Cell::text(t.text("moment")?))
            .min_height(SIZES.mm("fraude-row-height")),
    ];
    Ok(Block::Table(
        Table::new(SIZES.shares("fraude-columns"), rows)
            .size(SIZES.pt("fraude-table-size"))
            .ruled(),
    ))
}

/// The facts and the measures taken, or lines to write them by hand.
fn account(l: &Labels, f: Option<&FraudView>) -> Result<Vec<Block>, Error> {
    let mut blocks = Vec::new();
    for (label, text) in [
        (l.faits.clone(), f.map(|f| f.faits.clone())),
        (l.mesures.clone(), f.map(|f| f.mesures.clone())),
    ] {
        blocks.push(Block::heading(2, label));
        blocks.push(match text {
            Some(text) => Block::Paragraph(Paragraph::text(text).align(Align::Justify)),
            None => Block::Lines { count: 6 },
        });
    }
    Ok(blocks)
}

/// Who saw the facts, then everyone's signature: the witnesses' (two blank
/// ones on the blank form) and the responsable's, three a row.
fn witnesses(t: &mut Texts, l: &Labels, f: Option<&FraudView>) -> Result<Vec<Block>, Error> {
    let mut blocks = vec![Block::heading(2, l.temoins.clone())];
    let temoins = f.map(|f| f.temoins.as_slice()).unwrap_or_default();
    let named = |(name, role): &(String, WitnessRole), template_macro: &str| {
        let args = [Value::from(name.clone()), Value::from(l.role(*role))];
        t.call(template_macro, &args)
    };
    if temoins.is_empty() {
        blocks.push(Block::Lines { count: 2 });
    }
    for w in temoins {
        blocks.push(Block::Paragraph(Paragraph::text(named(w, "temoin_liste")?)));
    }
    blocks.push(Block::heading(2, l.signatures.clone()));
    let mut captions = if temoins.is_empty() {
        vec![l.temoin.clone(), l.temoin.clone()]
    } else {
        temoins
            .iter()
            .map(|w| named(w, "temoin"))
            .collect::<Result<_, _>>()?
    };
    captions.push(t.lines("signature_responsable")?.join("\n"));
    for chunk in captions.chunks(3) {
        blocks.push(Block::signatures(
            chunk.to_vec(),
            SIZES.mm("fraude-signature-height"),
        ));
    }
    Ok(blocks)
}

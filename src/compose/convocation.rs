//! The convocation: one letter per candidate, with the tear-off receipt
//! when it is handed over (`main_propre`), annex 1 (the candidate's own
//! timetable: never another candidate's name nor a juror's) and annex 2
//! (extracts of the règlement général des sessions d'examen); and the same
//! letters in one print file, each starting on a recto.

use minijinja::{Value, context};

use super::paperwork::justified;
use super::shared::{self, ReglementType};
use super::{Composed, Composer, Filter, Kind, Subject};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Section, Table};
use crate::error::Error;
use crate::model::NatureCreneau;
use crate::page::SIZES;
use crate::plan::CandidateView;
use crate::wording::{LabelBlock, Texts};

/// The labels of `convocation.j2` the letter reads.
pub const LABELS: &[LabelBlock] = &[
    LabelBlock::of::<Facts>("convocation", "libelles"),
    LabelBlock::of::<Columns>("convocation", "colonnes"),
];

/// The block `libelles`: the key facts' labels.
#[derive(serde::Deserialize)]
struct Facts {
    lieu: String,
    arrivee: String,
    entretien_final: String,
    epreuves: String,
    tenue: String,
}

/// The block `colonnes`: annex 1's columns, and the note on a changed slot.
#[derive(serde::Deserialize)]
struct Columns {
    jour: String,
    debut: String,
    fin: String,
    duree: String,
    epreuve: String,
    salle: String,
    modifie: String,
}

/// One convocation per candidate the filter keeps.
pub fn each(ctx: &Composer, filter: &Filter) -> Result<Vec<Composed>, Error> {
    filter
        .convened(ctx.plan)
        .map(|c| {
            let (title, footer, section) = letter(ctx, c)?;
            let mut composed = ctx.composed(
                stem(c),
                Subject::candidat(&c.id),
                title,
                footer,
                vec![section],
            )?;
            composed.appendix = ctx.reglement.clone();
            Ok(composed)
        })
        .collect()
}

/// Every convocation the filter keeps in one print file: one section per
/// letter, each on a new recto (recto-verso printing stays per letter),
/// with the letter's own footer.
pub fn lot(ctx: &Composer, filter: &Filter) -> Result<Vec<Composed>, Error> {
    let sections = filter
        .convened(ctx.plan)
        .map(|c| {
            letter(ctx, c).map(|(_, footer, section)| Section {
                footer: Some(footer),
                ..section
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if sections.is_empty() {
        return Ok(vec![]);
    }
    let (title, footer) = ctx.wording.with(
        ctx.template(),
        ctx.context(context! { c => Value::from(()) }),
        |t| Ok((t.text("fichier_lot")?, ctx.footer(&t.text("pied")?)?)),
    )?;
    Ok(vec![ctx.for_session(title, footer, sections)?])
}

/// A bold label followed by plain text, in one paragraph.
fn labelled(label: String, text: String) -> Paragraph {
    Paragraph::new(vec![Run::bold(label), Run::plain(format!(" {text}"))]).align(Align::Justify)
}

/// Where a candidate's convocation goes, without extension.
fn stem(c: &CandidateView) -> String {
    Kind::Convocation.file_for(&c.id)
}

/// The letter, its receipt and both annexes, as one section (numbered on
/// its own); with the title and the footer of a single letter.
fn letter(ctx: &Composer, c: &CandidateView) -> Result<(String, String, Section), Error> {
    let facts = &ctx.plan.facts;
    // In a corrected run, the slots that changed for this candidate.
    let changed = ctx.correction.and_then(|k| k.candidats.get(&c.id));
    // A corrected letter is dated the day it is sent.
    // So is a first letter sent after the others.
    // The record may know better: the letter they hold, as it was dated.
    let held = ctx.correction.and_then(|k| k.letter(&stem(c)));
    let dated = match (ctx.correction, changed, held) {
        (_, _, Some(l)) => l.date.clone(),
        (Some(k), Some(_), None) => k.envoi.clone(),
        (Some(k), None, None) if k.is_new("candidat", &c.id) => k.envoi.clone(),
        _ => facts.convocation_date.clone(),
    };
    let context = context! {
        c => Value::from_serialize(c),
        date_lettre => dated,
        epreuves => tests_of(c),
    };
    let (title, footer, mut blocks, receipt) =
        ctx.wording
            .with(ctx.template(), ctx.context_for(&stem(c), context), |t| {
                let mut blocks = head(t, c, changed.is_some())?;
                blocks.push(key_facts(t, c, facts.tenue.as_deref())?);
                blocks.extend(instructions(t, c)?);
                blocks.push(Block::PageBreak);
                blocks.extend(timetable(t, c, changed)?);
                let receipt = match facts.remise_en_main_propre {
                    true => receipt(t)?,
                    false => Vec::new(),
                };
                Ok((t.text("fichier")?, t.text("pied")?, blocks, receipt))
            })?;
    // Annex 2: the règlement's extracts, unless the official text follows.
    if ctx.reglement.is_none() {
        blocks.push(Block::PageBreak);
        blocks.extend(shared::reglement(ctx, ReglementType::Annexe)?);
    }
    // The receipt last, so that tearing it off a sheet printed recto-verso
    // spoils nothing.
    blocks.extend(receipt);
    Ok((
        title,
        ctx.footer(&footer)?,
        Section {
            recto: true,
            ..Section::portrait(blocks)
        },
    ))
}

/// The head of the letter: sender, the recipient in the envelope window,
/// the sending mode, place and date, the subject, the greeting and body.
fn head(t: &mut Texts, c: &CandidateView, corrected: bool) -> Result<Vec<Block>, Error> {
    let sender = t
        .lines("expediteur")?
        .into_iter()
        .enumerate()
        .map(|(i, l)| match i {
            0 => Paragraph::bold(l),
            _ => Paragraph::text(l).size(SIZES.pt("convocation-sender-size")),
        })
        .collect();
    let mut recipient = vec![c.appel.clone()];
    recipient.extend(c.adresse.iter().cloned());
    let mut blocks = vec![
        Block::LetterHead { sender, recipient },
        // The sending mode on the left, place and date on the right.
        Block::Table(Table::new(
            SIZES.shares("convocation-sending-columns"),
            vec![Row::new(vec![
                Cell::new(vec![Paragraph::bold(t.text("mode")?)]),
                Cell::text(t.text("lieu_date")?).align(Align::Right),
            ])],
        )),
        Block::Paragraph(
            Paragraph::bold(t.text("objet")?).space_after(SIZES.mm("convocation-subject-after")),
        ),
    ];
    if corrected {
        blocks.push(Block::Paragraph(
            Paragraph::bold(t.text("rectificative")?)
                .space_after(SIZES.mm("convocation-corrected-after")),
        ));
    }
    blocks.push(Block::Paragraph(Paragraph::text(t.text("appel")?)));
    for p in t.paragraphs("corps")? {
        blocks.push(Block::Paragraph(Paragraph::text(p).align(Align::Justify)));
    }
    Ok(blocks)
}

/// The key facts, a label and a value a row: place, arrival, final
/// interview, tests, dress.
fn key_facts(t: &mut Texts, c: &CandidateView, dress: Option<&str>) -> Result<Block, Error> {
    let l: Facts = t.labels_as("libelles")?;
    let row = |label: String, value: String| {
        Row::new(vec![
            Cell::new(vec![Paragraph::bold(label)]),
            Cell::text(value),
        ])
    };
    let mut rows = vec![
        row(l.lieu.clone(), t.lines("lieu")?.join("\n")),
        row(l.arrivee.clone(), t.text("arrivee")?),
    ];
    if c.entretien_final.is_some() {
        rows.push(row(l.entretien_final.clone(), t.text("entretien_final")?));
    }
    if !c.creneaux.is_empty() {
        rows.push(row(l.epreuves.clone(), t.text("epreuves")?));
    }
    if let Some(dress) = dress {
        rows.push(row(l.tenue.clone(), dress.to_owned()));
    }
    Ok(Block::Table(
        Table::new(SIZES.shares("convocation-facts-columns"), rows)
            .size(SIZES.pt("convocation-facts-size")),
    ))
}

/// What to bring, the rules, the adapted conditions (or how to ask for
/// them), the closing and the signature.
fn instructions(t: &mut Texts, c: &CandidateView) -> Result<Vec<Block>, Error> {
    let mut blocks = vec![
        Block::Paragraph(
            Paragraph::bold(t.text("documents_titre")?)
                .space_after(SIZES.mm("convocation-documents-title-after"))
                .keep_with_next(),
        ),
        // One paragraph, an item a line.
        Block::Paragraph(Paragraph::text(t.lines("documents")?.join("\n"))),
    ];
    for (title, text) in [
        ("retard_titre", "retard"),
        ("telephones_titre", "telephones"),
        ("resultats_titre", "resultats"),
    ] {
        blocks.push(Block::Paragraph(labelled(t.text(title)?, t.text(text)?)));
    }
    if let Some(amenagement) = &c.amenagement {
        blocks.push(Block::Paragraph(labelled(
            t.text("amenagement_titre")?,
            t.text("amenagement")?,
        )));
        blocks.push(Block::Paragraph(
            Paragraph::italic(amenagement.clone()).align(Align::Justify),
        ));
        if !c.temps_supplementaire.is_empty() {
            blocks.push(justified(t, "temps_supplementaire")?);
        }
    } else {
        // Every candidate is told they may ask for adapted conditions.
        blocks.push(Block::Paragraph(labelled(
            t.text("handicap_titre")?,
            t.text("handicap")?,
        )));
    }
    blocks.push(Block::Paragraph(
        Paragraph::text(t.text("politesse")?)
            .align(Align::Justify)
            .space_after(SIZES.mm("convocation-closing-after"))
            .keep_with_next(),
    ));
    blocks.push(Block::Paragraph(
        Paragraph::text(t.lines("signature")?.join("\n")).align(Align::Right),
    ));
    // The closing and the signature on the page of the letter's last lines.
    crate::doc::keep_last_together(&mut blocks, 2);
    Ok(blocks)
}

/// Annex 1: the candidate's own timetable, no other name; the slots that
/// `changed` since the earlier convocation shaded and said so.
fn timetable(
    t: &mut Texts,
    c: &CandidateView,
    changed: Option<&Vec<usize>>,
) -> Result<Vec<Block>, Error> {
    let mut blocks = vec![
        Block::heading(1, t.text("annexe1_titre")?),
        Block::Paragraph(Paragraph::text(t.text("annexe1_intro")?).align(Align::Justify)),
    ];
    if c.creneaux.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::text(t.text("annexe1_vide")?)));
        return Ok(blocks);
    }
    let k: Columns = t.labels_as("colonnes")?;
    let mut rows = vec![Row::head([
        &k.jour, &k.debut, &k.fin, &k.duree, &k.epreuve, &k.salle,
    ])];
    // One note per slot lengthened, in order (`fins_amenagees`).
    let mut late = t.lines("fins_amenagees")?.into_iter();
    for v in &c.creneaux {
        let mut cells = vec![Cell::text(v.jour.clone())];
        cells.extend(shared::slot_cells(v));
        // Their own end, lengthened by their extra time.
        if v.fin_prevue.is_some() {
            let note = late.next().unwrap_or_default();
            cells[4]
                .paragraphs
                .push(Paragraph::text(note).size(SIZES.pt("convocation-timetable-note-size")));
        }
        if changed.is_some_and(|slots| slots.contains(&v.index)) {
            cells[4].paragraphs.push(
                Paragraph::bold(k.modifie.clone())
                    .size(SIZES.pt("convocation-timetable-note-size")),
            );
            cells = cells.into_iter().map(Cell::shaded).collect();
        }
        rows.push(Row::new(cells));
    }
    blocks.push(Block::Table(
        Table::new(SIZES.shares("convocation-timetable-columns"), rows)
            .header_rows(1)
            .size(SIZES.pt("convocation-timetable-size"))
            .ruled(),
    ));
    Ok(blocks)
}

/// The receipt to tear off, sign and hand back, when the convocation is
/// handed over.
fn receipt(t: &mut Texts) -> Result<Vec<Block>, Error> {
    let kept = |p: Paragraph| Block::Paragraph(p.keep_with_next());
    Ok(vec![
        Block::Space {
            mm: SIZES.mm("convocation-before-receipt"),
        },
        Block::CutLine {
            label: t.text("decoupe")?,
        },
        kept(Paragraph::bold(t.text("decharge_titre")?).align(Align::Center)),
        kept(Paragraph::text(t.text("decharge")?).align(Align::Justify)),
        kept(Paragraph::text(t.text("decharge_fait")?)),
        Block::signatures(
            vec![t.text("decharge_signature")?],
            SIZES.mm("convocation-receipt-signature-height"),
        ),
    ])
}

/// The titles of the candidate's tests (not the welcome), each once, in
/// time order; every slot's title when none is a test.
fn tests_of(c: &CandidateView) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let is_test = |n: NatureCreneau| {
        matches!(
            n,
            NatureCreneau::Epreuve | NatureCreneau::Entretien | NatureCreneau::EntretienFinal
        )
    };
    let any_test = c.creneaux.iter().any(|v| is_test(v.nature));
    for v in &c.creneaux {
        if (is_test(v.nature) || !any_test) && !out.contains(&v.intitule) {
            out.push(v.intitule.clone());
        }
    }
    out
}

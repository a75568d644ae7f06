//! The compose half of `generate`: the plan, the templates, the centre's
//! logo and page program, and every document the options ask for.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::compose::{self, Composed, Ctx, Filter, Kind};
use crate::doc::{Logo, LogoFormat};
use crate::error::Error;
use crate::load::Source;
use crate::model::{Date, Session};
use crate::output::{self, Entry, Format, Produced};
use crate::plan::{Correction, Plan};
use crate::render::pdf::appendix::Appendix;
use crate::wording::Wording;

use super::GenerateOptions;

/// The composed documents of a run and the page program that draws them.
pub struct Composition {
    pub documents: Vec<Composed>,
    /// A centre's own `document.typ`, if given.
    pub program: Option<String>,
    /// The convocations' PDF files, in the print batch's order.
    pub letters: Vec<String>,
    /// In a DOCX-only run asking for the print batch without its letters:
    /// the letters, composed to find their page counts, not produced.
    pub reference: Vec<Composed>,
}

/// The kind of the letters of the print file of convocations
/// ([`super::print_file`]).
pub const LETTER: Kind = Kind::Convocation;
/// The kind of the print file itself.
pub const PRINT_FILE: Kind = Kind::ConvocationsLot;

/// Whether a document is one of the print file's letters.
pub fn is_letter(c: &Composed) -> bool {
    c.kind == LETTER
}

/// Whether a document is the print file.
pub fn is_print_file(c: &Composed) -> bool {
    c.kind == PRINT_FILE
}

/// What the output folder already holds that the rendering of a
/// [`Composition`] draws on: found once it is composed, and empty for a
/// run that writes nowhere.
#[derive(Default)]
pub struct Kept {
    /// The convocations kept as they are in the output folder: their file
    /// there and the sha256 the manifest gives, for the print batch to
    /// read them.
    pub letters: HashMap<String, (PathBuf, String)>,
    /// In a DOCX-only run, the page counts known without layout, by stem.
    pub pages: HashMap<String, usize>,
    /// The chunks of long documents laid out by an earlier run, by key:
    /// their file in the output folder and what the manifest says of it.
    pub parts: HashMap<String, (PathBuf, output::ChunkFile)>,
}

/// The chunk files the previous manifest lists, by key.
pub(super) fn kept_parts(folder: &Path) -> HashMap<String, (PathBuf, output::ChunkFile)> {
    let cache = output::parts_dir(folder);
    output::previous_manifest(folder)
        .into_iter()
        .flat_map(|m| m.documents)
        .flat_map(|e| e.parts)
        .map(|p| (p.key.clone(), (cache.join(p.path()), p)))
        .collect()
}

/// Plans and composes every document the options ask for.
pub fn compose(
    source: &Source,
    session: &Session,
    options: &GenerateOptions,
) -> Result<Composition, Error> {
    let mut plan = Plan::new(session);
    let wording = Wording::new(options.templates.as_deref())?;
    let program = match options
        .templates
        .as_deref()
        .map(|d| d.join("document.typ"))
        .filter(|p| p.is_file())
    {
        Some(path) => Some(std::fs::read_to_string(&path).map_err(|e| {
            Error::Io(format!(
                "impossible de lire « {} »\u{a0}: {}",
                path.display(),
                crate::error::io_fr(&e)
            ))
        })?),
        None => None,
    };
    if let Some(program) = &program {
        crate::page::same_geometry(program)?;
    }
    let logo = read_logo(source, session)?;
    let reglement = read_reglement(source, session)?;
    let folder = options
        .output
        .clone()
        .unwrap_or_else(|| super::default_folder(source, session));
    // Without a file given, the session as it was at the last sending.
    let depuis = options
        .depuis
        .clone()
        .or_else(|| crate::record::last_session(&folder));
    let before_session = depuis.as_deref().map(read_earlier).transpose()?;
    let correction = before_session
        .as_ref()
        .map(|before| correction(before, &mut plan, &folder, options.date));
    let before_plan = before_session.as_ref().map(Plan::new);
    let mut sent_calendars = crate::record::sent_calendars(&folder);
    if let Some(before) = &before_plan {
        seed_calendars(&mut sent_calendars, before, &wording)?;
    }
    let ctx = Ctx {
        plan: &plan,
        wording: &wording,
        logo,
        correction: correction.as_ref(),
        sent_calendars: &sent_calendars,
        stamp: stamp(options.date),
        reglement,
    };
    let filter = Filter {
        only: options.only.clone(),
        candidats: options.candidats.clone(),
    };
    let mut documents = compose::compose_all(&ctx, &filter)?;
    // Without a record, the file given with --depuis says what the DDETS knows.
    let first = before_session.as_ref();
    declaration_as_recorded(&mut documents, &ctx, (&folder, first), options.date)?;
    // A DOCX-only batch sums its letters' page counts: without them in the
    // run, they are composed to be looked up (or laid out one by one).
    let reference = match !options.formats.contains(&Format::Pdf)
        && !documents.iter().any(is_letter)
        && documents.iter().any(is_print_file)
    {
        true => compose::compose_all(
            &ctx,
            &Filter {
                only: vec![LETTER],
                ..filter
            },
        )?,
        false => Vec::new(),
    };
    let letters = documents
        .iter()
        .chain(&reference)
        .filter(|c| is_letter(c))
        .map(|c| c.path(Format::Pdf.extension()))
        .collect();
    Ok(Composition {
        documents,
        program,
        letters,
        reference,
    })
}

/// The session file as it was when the letters went out.
fn read_earlier(path: &Path) -> Result<Session, Error> {
    crate::load::load(path).map(|(_, s)| s).map_err(|_| {
        Error::Refused(format!(
            "« {} » n'a pas pu être lu\u{a0}: vérifiez-le avec « sessiondoc check »",
            path.display()
        ))
    })
}

/// What the documents of `plan` correct since `before` (the file as it
/// was at the last sending), person by person against the record of
/// sendings in `folder`; `sent` is the day the corrected ones go.
fn correction(before: &Session, plan: &mut Plan, folder: &Path, sent: Option<Date>) -> Correction {
    let before_plan = Plan::new(before);
    let changes = crate::changes::compare(&before_plan, plan);
    // The letters nothing changed for are the ones already sent, as
    // they were dated; the corrected ones are dated the day they go.
    let precedente = before_plan.facts.convocation_date.clone();
    plan.facts.convocation_date = precedente.clone();
    let sent = sent.unwrap_or_else(Date::today);
    let mut correction = changes.correction(precedente, crate::fr::long_date(sent));
    arrivals_and_departures(&mut correction, &before_plan, plan);
    correction.precedentes = crate::record::last_sent_days(folder)
        .into_iter()
        .map(|(stem, day)| (stem, crate::fr::long_date(day)))
        .collect();
    crate::record::held_letters(&mut correction, folder, plan);
    correction
}

/// The declaration to the DDETS as the record of sendings in `folder`
/// says it: a rectificative announcing the postponement, dated the day
/// it is sent, when the session's dates are no longer those the DDETS
/// knows; else the one it last received, as it was sent. `first` is the
/// file whose dates it knows while the record is empty.
fn declaration_as_recorded(
    documents: &mut [Composed],
    ctx: &Ctx,
    (folder, first): (&Path, Option<&Session>),
    sent: Option<Date>,
) -> Result<(), Error> {
    let Some(at) = documents
        .iter()
        .position(|c| c.kind == Kind::DeclarationSession)
    else {
        return Ok(());
    };
    let (day, held, report) = match crate::record::declaration(folder, ctx.plan, first) {
        None => return Ok(()),
        Some(crate::record::Declaration::New { report }) => {
            (sent.unwrap_or_else(Date::today), None, report)
        }
        Some(crate::record::Declaration::Held {
            day,
            session,
            report,
        }) => (day, Some(session), report),
    };
    let held_plan = held.as_deref().map(Plan::new);
    let correction = Correction {
        envoi: crate::fr::long_date(day),
        report: Some(report),
        ..Correction::default()
    };
    let declared = Ctx {
        plan: held_plan.as_ref().unwrap_or(ctx.plan),
        wording: ctx.wording,
        logo: ctx.logo.clone(),
        correction: Some(&correction),
        sent_calendars: ctx.sent_calendars,
        stamp: ctx.stamp,
        reglement: ctx.reglement.clone(),
    };
    let only = Filter {
        only: vec![Kind::DeclarationSession],
        candidats: Vec::new(),
    };
    if let Some(declaration) = compose::compose_all(&declared, &only)?.pop() {
        documents[at] = declaration;
    }
    Ok(())
}

/// The people `after` no longer convenes (their cancellation) and those
/// it convenes for the first time (whose first letter replaces nothing).
fn arrivals_and_departures(correction: &mut Correction, before: &Plan, after: &Plan) {
    correction.annulations = crate::changes::cancelled(before, after);
    correction.nouveaux = crate::changes::newcomers(before, after);
    for new in &correction.nouveaux {
        match new.split_once(':') {
            Some(("candidat", id)) => correction.candidats.remove(id),
            Some(("jure", id)) => correction.jures.remove(id),
            Some((_, id)) => correction.surveillants.remove(id),
            None => None,
        };
    }
}

/// The calendars of the staff as `before` had them, for those who have
/// none in the record: what a file sent before the record existed said.
fn seed_calendars(
    calendars: &mut HashMap<String, String>,
    before: &Plan,
    wording: &Wording,
) -> Result<(), Error> {
    let none = HashMap::new();
    let ctx = Ctx {
        plan: before,
        wording,
        logo: None,
        correction: None,
        sent_calendars: &none,
        stamp: stamp(None),
        reglement: None,
    };
    let filter = Filter {
        only: vec![Kind::ConvocationJure, Kind::ConvocationSurveillant],
        candidats: Vec::new(),
    };
    for c in compose::compose_all(&ctx, &filter)? {
        if let Some(calendar) = c.calendar {
            calendars.entry(c.stem).or_insert(calendar);
        }
    }
    Ok(())
}

/// The moment the documents are sent, to the day (the start of `date`,
/// by default today, in UTC): the same for
/// every run of the day, so that a run gives the same files as the last.
pub fn stamp(date: Option<Date>) -> chrono::DateTime<chrono::Utc> {
    let day = date.unwrap_or_else(Date::today);
    day.0.and_time(chrono::NaiveTime::MIN).and_utc()
}

/// Reads the centre's logo, relative to the session file.
fn read_logo(source: &Source, session: &Session) -> Result<Option<Logo>, Error> {
    let Some(logo) = &session.centre.logo else {
        return Ok(None);
    };
    let base = source.path.parent().unwrap_or(Path::new("."));
    let path = base.join(&logo.value);
    let line = logo.referenced.line();
    let bytes = std::fs::read(&path).map_err(|e| {
        Error::Io(format!(
            "{}:{line}\u{a0}: centre.logo\u{a0}: le logo « {} » ne peut pas être lu ({})",
            source.name,
            path.display(),
            crate::error::io_fr(&e)
        ))
    })?;
    let png = imagesize::image_type(&bytes).is_ok_and(|t| t == imagesize::ImageType::Png)
        && imagesize::blob_size(&bytes).is_ok_and(|s| s.width > 0 && s.height > 0);
    let format = if png {
        LogoFormat::Png
    } else if std::str::from_utf8(&bytes).is_ok_and(|t| t.contains("<svg")) {
        LogoFormat::Svg
    } else {
        return Err(Error::Refused(format!(
            "{}:{line}\u{a0}: centre.logo\u{a0}: « {} » n'est pas une image PNG ou SVG",
            source.name,
            path.display()
        )));
    };
    let bytes = Arc::new(bytes);
    let png = match format {
        LogoFormat::Png => bytes.clone(),
        LogoFormat::Svg => Arc::new(crate::render::docx::svg_as_png(&bytes).map_err(|why| {
            Error::Refused(format!(
                "{}:{line}\u{a0}: centre.logo\u{a0}: le SVG « {} » est illisible\u{a0}; enregistrez-le de nouveau depuis votre logiciel de dessin, ou donnez le logo en PNG (détail technique\u{a0}: {why})",
                source.name,
                path.display()
            ))
        })?),
    };
    Ok(Some(Logo { bytes, format, png }))
}

/// What a document says, hashed: its composed content, its logo, the page
/// program (a centre may have its own) and this program's version.
pub fn fingerprint(c: &Composed, program: Option<&str>) -> String {
    use sha2::Digest;
    use std::io::Write;
    // The bytes go to the hash as they are written, none kept.
    let mut bytes = std::io::BufWriter::with_capacity(1 << 14, Hashing(sha2::Sha256::new()));
    if serde_json::to_writer(&mut bytes, &c.document).is_err() {
        bytes = std::io::BufWriter::with_capacity(1 << 14, Hashing(sha2::Sha256::new()));
    }
    let mut add = |part: &[u8]| {
        let _ = bytes.write_all(part);
    };
    if let Some(logo) = &c.document.logo {
        add(logo.bytes.as_slice());
    }
    add(program.unwrap_or(crate::render::pdf::PROGRAM).as_bytes());
    if let Some(appendix) = &c.appendix {
        add(appendix.bytes.as_slice());
    }
    add(env!("CARGO_PKG_VERSION").as_bytes());
    // A calendar says something else when its events do, whatever its
    // stamp (the day of the run).
    for line in c.calendar.iter().flat_map(|t| t.lines()) {
        if !line.starts_with("DTSTAMP") {
            add(line.as_bytes());
        }
    }
    let Ok(Hashing(hash)) = bytes.into_inner() else {
        return String::new();
    };
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A sha256 fed by writes.
struct Hashing(sha2::Sha256);

impl std::io::Write for Hashing {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        sha2::Digest::update(&mut self.0, bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A rendered file of a composed document, with its manifest entry.
pub fn produced(
    c: &Composed,
    format: Format,
    bytes: Vec<u8>,
    pages: usize,
    print: &str,
) -> Produced {
    Produced {
        entry: Entry {
            kind: c.kind,
            format,
            path: c.path(format.extension()),
            subject: c.subject.clone(),
            pages,
            sha256: output::sha256_hex(&bytes),
            fingerprint: Some(print.to_owned()),
            parts: Vec::new(),
        },
        bytes,
        parts: Vec::new(),
    }
}

/// Reads the official règlement général the session file names, relative
/// to the session file: a PDF file its pages are joined from.
fn read_reglement(source: &Source, session: &Session) -> Result<Option<Appendix>, Error> {
    let Some(name) = &session.session.reglement_general else {
        return Ok(None);
    };
    let (bytes, _) = crate::check::read_reglement(source, name).map_err(|d| {
        let line = d.place.map_or(0, |p| p.line);
        Error::Refused(format!("{}:{line}\u{a0}: {}", source.name, d.message))
    })?;
    Ok(Some(Appendix {
        name: name.value.clone(),
        bytes: Arc::new(bytes),
    }))
}

//! `generate`: plan, compose, render in parallel, write all or nothing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::compose::{self, Composed, Ctx, Filter, Kind};
use crate::doc::{Logo, LogoFormat};
use crate::error::Error;
use crate::load::Source;
use crate::model::Session;
use crate::output::{self, Entry, Manifest, Produced, Staging};
use crate::plan::Plan;
use crate::render::docx::DocxRenderer;
use crate::render::pdf::{LaidOut, PdfRenderer};
use crate::wording::Wording;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Pdf,
    Docx,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}

/// What `generate` was asked for.
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    /// The output folder (default: `session-<numero>` beside the file).
    pub output: Option<PathBuf>,
    pub formats: Vec<Format>,
    pub only: Vec<Kind>,
    pub candidats: Vec<String>,
    pub force: bool,
    /// A centre's own templates.
    pub templates: Option<PathBuf>,
    /// Show a progress bar.
    pub progress: bool,
}

impl GenerateOptions {
    /// Every document, both formats, into `output`.
    pub fn all_into(output: &Path) -> GenerateOptions {
        GenerateOptions {
            output: Some(output.to_path_buf()),
            formats: vec![Format::Pdf, Format::Docx],
            only: Vec::new(),
            candidats: Vec::new(),
            force: false,
            templates: None,
            progress: false,
        }
    }
}

/// What a run produced.
#[derive(Debug)]
pub struct Summary {
    pub documents: usize,
    /// Documents left as they were, unchanged since the last run.
    pub kept: usize,
    pub files: usize,
    pub pages: usize,
    pub elapsed: Duration,
    pub folder: PathBuf,
}

impl Summary {
    /// "42 documents (84 fichiers, 97 pages) en 1,2 s dans session-375846/".
    pub fn line(&self) -> String {
        let seconds = format!("{:.2}", self.elapsed.as_secs_f64()).replace('.', ",");
        let kept = if self.kept > 0 {
            format!(", {} inchangés gardés tels quels", self.kept)
        } else {
            String::new()
        };
        format!(
            "{} documents ({} fichiers, {} pages) produits{kept} en {seconds} s dans {}",
            self.documents,
            self.files,
            self.pages,
            self.folder.display()
        )
    }
}

/// The default output folder: `session-<numero>` beside the session file.
pub fn default_folder(source: &Source, session: &Session) -> PathBuf {
    let name = format!("session-{}", compose::file_part(&session.session.numero));
    match source.path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join(name),
        _ => PathBuf::from(name),
    }
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
        Error::Refused(format!(
            "{}:{line}\u{a0}: centre.logo\u{a0}: le logo « {} » ne peut pas être lu ({})",
            source.name,
            path.display(),
            if e.kind() == std::io::ErrorKind::NotFound {
                "fichier introuvable".to_owned()
            } else {
                e.to_string()
            }
        ))
    })?;
    let format = if crate::render::docx::png_size(&bytes).is_some() {
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
    Ok(Some(Logo {
        bytes: Arc::new(bytes),
        format,
    }))
}

/// Runs the pipeline after a successful check: compose, make sure nothing
/// a person edited would be replaced, render into the staging folder, then
/// move everything into place.
pub fn run(
    source: &Source,
    session: &Session,
    options: &GenerateOptions,
) -> Result<Summary, Error> {
    let started = Instant::now();
    let folder = options
        .output
        .clone()
        .unwrap_or_else(|| default_folder(source, session));
    for id in &options.candidats {
        if session.candidat(id).is_none() {
            let known: Vec<&str> = session
                .candidats
                .value
                .iter()
                .map(|c| c.id.value.as_str())
                .collect();
            return Err(Error::Refused(format!(
                "--candidat\u{a0}: le candidat « {id} » n'existe pas (candidats connus\u{a0}: {})",
                known.join(", ")
            )));
        }
    }
    let mut composition = compose(source, session, options)?;
    // Documents that say what they said last time, with their files as
    // they were written, are neither rendered nor rewritten.
    let previous = output::unchanged_entries(&folder);
    let mut kept: Vec<Entry> = Vec::new();
    let mut kept_documents = 0;
    composition.documents.retain(|c| {
        let print = fingerprint(c, composition.program.as_deref());
        let entries: Option<Vec<&Entry>> = options
            .formats
            .iter()
            .map(|f| {
                previous
                    .get(&c.path(f.extension()))
                    .filter(|e| e.fingerprint.as_deref() == Some(print.as_str()))
            })
            .collect();
        match entries {
            Some(entries) if !options.force => {
                kept.extend(entries.into_iter().cloned());
                kept_documents += 1;
                false
            }
            _ => true,
        }
    });
    let paths: Vec<String> = composition
        .documents
        .iter()
        .flat_map(|c| options.formats.iter().map(|f| c.path(f.extension())))
        .collect();
    if !options.force {
        let refused = output::unsafe_overwrites(&folder, paths.iter().map(String::as_str));
        if !refused.is_empty() {
            return Err(would_overwrite(&refused));
        }
    }
    let staging = Staging::new(&folder)?;
    let entries = render_all(&composition, &options.formats, options.progress, |file| {
        staging.stage(&file.entry.path, &file.bytes)?;
        Ok(file.entry)
    })?;
    let pages = entries.iter().map(|e| e.pages).sum::<usize>() / options.formats.len().max(1);
    let summary = Summary {
        documents: composition.documents.len(),
        kept: kept_documents,
        files: entries.len(),
        pages,
        elapsed: Duration::ZERO,
        folder: folder.clone(),
    };
    let manifest = Manifest {
        sessiondoc: env!("CARGO_PKG_VERSION").to_owned(),
        session: session.session.numero.clone(),
        source_sha256: source.sha256.clone(),
        documents: Vec::new(),
    };
    staging.commit(manifest, entries, kept)?;
    Ok(Summary {
        elapsed: started.elapsed(),
        ..summary
    })
}

/// What a document says, hashed: its composed content, its logo, the page
/// program (a centre may have its own) and this program's version.
fn fingerprint(c: &Composed, program: Option<&str>) -> String {
    let mut bytes = serde_json::to_vec(&c.document).unwrap_or_default();
    if let Some(logo) = &c.document.logo {
        bytes.extend_from_slice(logo.bytes.as_slice());
    }
    bytes.extend_from_slice(program.unwrap_or(crate::render::pdf::PROGRAM).as_bytes());
    bytes.extend_from_slice(env!("CARGO_PKG_VERSION").as_bytes());
    output::sha256_hex(&bytes)
}

fn would_overwrite(paths: &[PathBuf]) -> Error {
    let list: Vec<String> = paths
        .iter()
        .take(10)
        .map(|p| format!("  {}", p.display()))
        .collect();
    let more = if paths.len() > 10 {
        format!("\n  … et {} autres", paths.len() - 10)
    } else {
        String::new()
    };
    Error::Refused(format!(
        "ces fichiers ont été modifiés depuis leur production, ou n'ont pas été produits par sessiondoc\u{a0}; ils ne sont pas remplacés\u{a0}:\n{}{more}\nRenommez-les ou déplacez-les pour les garder, ou relancez avec --force pour les remplacer.",
        list.join("\n")
    ))
}

/// The composed documents of a run and the page program that draws them.
pub struct Composition {
    pub documents: Vec<Composed>,
    /// A centre's own `document.typ`, if given.
    pub program: Option<String>,
}

/// Plans and composes every document the options ask for.
pub fn compose(
    source: &Source,
    session: &Session,
    options: &GenerateOptions,
) -> Result<Composition, Error> {
    let plan = Plan::new(session);
    let wording = Wording::new(options.templates.as_deref())?;
    let program = match options
        .templates
        .as_deref()
        .map(|d| d.join("document.typ"))
        .filter(|p| p.is_file())
    {
        Some(path) => Some(std::fs::read_to_string(&path).map_err(|e| {
            Error::Refused(format!(
                "impossible de lire « {} »\u{a0}: {e}",
                path.display()
            ))
        })?),
        None => None,
    };
    let logo = read_logo(source, session)?;
    let ctx = Ctx {
        plan: &plan,
        wording: &wording,
        logo,
    };
    let filter = Filter {
        only: options.only.clone(),
        candidats: options.candidats.clone(),
    };
    let documents = compose::compose_all(&ctx, &filter)?;
    Ok(Composition { documents, program })
}

/// Composes and renders every file of the run, in memory (for tests and
/// for callers that write elsewhere).
pub fn produce(
    source: &Source,
    session: &Session,
    options: &GenerateOptions,
) -> Result<Vec<Produced>, Error> {
    let composition = compose(source, session, options)?;
    render_all(&composition, &options.formats, false, Ok)
}

/// Set when the user interrupts the run (Ctrl-C): rendering stops, the
/// staging folder is removed, the output folder is left as it was.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Makes Ctrl-C (or a termination signal) stop the run cleanly instead of
/// killing it in the middle of writing.
pub fn stop_cleanly_on_interrupt() {
    // Without a handler, an interrupt still leaves the output folder intact
    // (nothing is moved into it before the end), only the staging folder.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
}

/// Typst's memoization cache is shared by every document of a run; it is
/// trimmed every so many documents to keep memory bounded on large runs.
const EVICT_EVERY: usize = 8;
/// Cache entries unused for this many trims are dropped.
const EVICT_AGE: usize = 0;

/// Renders every composed document in every format, in parallel, handing
/// each file to `keep` as soon as it is rendered.
pub fn render_all<T: Send>(
    composition: &Composition,
    formats: &[Format],
    progress: bool,
    keep: impl Fn(Produced) -> Result<T, Error> + Sync,
) -> Result<Vec<T>, Error> {
    let pdf = PdfRenderer::new(composition.program.clone());
    let docx = DocxRenderer;
    let program = composition.program.as_deref();
    let bar = if progress {
        let bar = ProgressBar::new(composition.documents.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} documents ({eta} restantes)")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    // The print batch of convocations is made of the letters' own pages
    // when the letters are laid out in this run too: no letter twice.
    let batch = batch_of_letters(composition, formats);
    let letter_pages: Mutex<HashMap<usize, LaidOut>> = Mutex::new(HashMap::new());
    // The longest documents first, so that none is left to run alone at the end.
    let mut order: Vec<(usize, &Composed)> = composition
        .documents
        .iter()
        .enumerate()
        .filter(|(_, c)| batch.is_none() || c.kind != Kind::ConvocationsLot)
        .collect();
    order.sort_by_key(|(_, c)| std::cmp::Reverse(c.document.weight()));
    let rendered_count = AtomicUsize::new(0);
    let render_one = |i: usize, c: &Composed| -> Result<Vec<T>, Error> {
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Err(Error::Refused("production interrompue".to_owned()));
        }
        let mut files = Vec::with_capacity(formats.len());
        let mut pages = None;
        if formats.contains(&Format::Pdf) {
            let r = if batch.as_ref().is_some_and(|b| b.letters.contains(&i)) {
                let (r, laid_out) = pdf.render_keeping_pages(&c.document)?;
                if let Ok(mut kept) = letter_pages.lock() {
                    kept.insert(i, laid_out);
                }
                r
            } else {
                pdf.render(&c.document)?
            };
            pages = Some(r.pages);
            files.push(keep(produced(c, Format::Pdf, r.bytes, r.pages, program))?);
        }
        if formats.contains(&Format::Docx) {
            let pages = match pages {
                Some(n) => n,
                None => pdf.page_count(&c.document)?,
            };
            let r = docx.render(&c.document, pages)?;
            files.push(keep(produced(c, Format::Docx, r.bytes, pages, program))?);
        }
        bar.inc(1);
        if (rendered_count.fetch_add(1, Ordering::Relaxed) + 1).is_multiple_of(EVICT_EVERY) {
            typst::comemo::evict(EVICT_AGE);
        }
        Ok(files)
    };
    let mut rendered = in_parallel(&order, |(i, c)| render_one(*i, c))?;
    if let Some(batch) = batch {
        let mut kept = letter_pages
            .into_inner()
            .map_err(|_| Error::Refused("pages des convocations perdues".to_owned()))?;
        let parts = batch
            .letters
            .iter()
            .map(|i| kept.remove(i).unwrap_or_default())
            .collect();
        let lot = batch.lot;
        let r = pdf.batch(&lot.document.title, lot.document.date, parts)?;
        let mut files = vec![keep(produced(lot, Format::Pdf, r.bytes, r.pages, program))?];
        if formats.contains(&Format::Docx) {
            let d = docx.render(&lot.document, r.pages)?;
            files.push(keep(produced(
                lot,
                Format::Docx,
                d.bytes,
                r.pages,
                program,
            ))?);
        }
        bar.inc(1);
        rendered.push(files);
    }
    bar.finish_and_clear();
    typst::comemo::evict(0);
    Ok(rendered.into_iter().flatten().collect())
}

/// A print batch to assemble from its letters' pages.
struct Batch<'a> {
    lot: &'a Composed,
    /// The letters, by their place in the composition, in the batch's order.
    letters: Vec<usize>,
}

/// The print batch of convocations and its letters, when the run lays out
/// every letter of the batch in PDF anyway.
fn batch_of_letters<'a>(composition: &'a Composition, formats: &[Format]) -> Option<Batch<'a>> {
    if !formats.contains(&Format::Pdf) {
        return None;
    }
    let lot = composition
        .documents
        .iter()
        .find(|c| c.kind == Kind::ConvocationsLot)?;
    let letters: Vec<usize> = composition
        .documents
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == Kind::Convocation)
        .map(|(i, _)| i)
        .collect();
    // Each letter is a section of the batch, in the same order.
    let same = letters.len() == lot.document.sections.len()
        && letters.iter().zip(&lot.document.sections).all(|(i, s)| {
            composition.documents[*i]
                .document
                .sections
                .first()
                .map(|l| l.blocks.len())
                == Some(s.blocks.len())
        });
    same.then_some(Batch { lot, letters })
}

/// Typst lays out long documents (a print batch of letters) with deep
/// recursion: every thread that runs it gets a large stack.
const STACK_BYTES: usize = 256 << 20;

/// Runs `work` on every item, one item at a time on each of as many threads
/// as the machine has cores, and returns the results in the items' order
/// (or the first error, the other threads stopping at their next item).
///
/// The threads are plain threads, not rayon workers: Typst runs its own
/// parallel jobs on rayon's pool and waits for them, and a rayon worker
/// that waits takes other jobs meanwhile, which would start another whole
/// document on top of the one it is laying out (memory growing with the
/// session). A plain thread just waits.
fn in_parallel<I: Sync, T: Send>(
    items: &[I],
    work: impl Fn(&I) -> Result<T, Error> + Sync,
) -> Result<Vec<T>, Error> {
    // Typst's own jobs: the global pool, with the same large stacks.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(STACK_BYTES)
        .build_global();
    let threads = std::thread::available_parallelism()
        .map_or(2, usize::from)
        .min(items.len().max(1));
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let results: Vec<Mutex<Option<Result<T, Error>>>> =
        items.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| -> Result<(), Error> {
        let mut handles = Vec::with_capacity(threads);
        for _ in 0..threads {
            let handle = std::thread::Builder::new()
                .stack_size(STACK_BYTES)
                .spawn_scoped(scope, || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= items.len() || failed.load(Ordering::Relaxed) {
                            break;
                        }
                        let result = work(&items[i]);
                        if result.is_err() {
                            failed.store(true, Ordering::Relaxed);
                        }
                        if let Ok(mut slot) = results[i].lock() {
                            *slot = Some(result);
                        }
                    }
                })
                .map_err(|e| Error::Refused(e.to_string()))?;
            handles.push(handle);
        }
        for handle in handles {
            handle
                .join()
                .map_err(|_| Error::Refused("un fil de production s'est arrêté".to_owned()))?;
        }
        Ok(())
    })?;
    let mut out = Vec::with_capacity(items.len());
    for slot in results {
        match slot.into_inner().ok().flatten() {
            Some(result) => out.push(result?),
            // Left undone after another item failed: that error is below.
            None => continue,
        }
    }
    if failed.load(Ordering::Relaxed) {
        return Err(Error::Refused("production interrompue".to_owned()));
    }
    Ok(out)
}

fn produced(
    c: &Composed,
    format: Format,
    bytes: Vec<u8>,
    pages: usize,
    program: Option<&str>,
) -> Produced {
    let s = &c.subject;
    Produced {
        entry: Entry {
            kind: c.kind.name().to_owned(),
            format: format.extension().to_owned(),
            path: c.path(format.extension()),
            candidat: s.candidat.clone(),
            jure: s.jure.clone(),
            surveillant: s.surveillant.clone(),
            salle: s.salle.clone(),
            date: s.date.clone(),
            fraude: s.fraude,
            pages,
            sha256: output::sha256_hex(&bytes),
            fingerprint: Some(fingerprint(c, program)),
        },
        bytes,
    }
}

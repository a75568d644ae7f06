//! `generate`: plan, compose, render in parallel ([`render_all`]), write
//! all or nothing, keeping the files of documents that did not change.

mod chunked;
mod composition;
mod memory;
mod pages;
mod parallel;
mod print_file;
mod render_all;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::compose::{self, Composed, Kind};
use crate::error::Error;
use crate::file_stamps::{self, Checked};
use crate::fr;
use crate::load::Source;
use crate::model::{Date, Session};
pub use crate::output::Format;
use crate::output::{self, Entry, Manifest, Produced, Staging};
use crate::sommaire;

use composition::fingerprint;
use composition::kept_parts;
pub use composition::{Composition, Kept, compose};
pub use render_all::{render_all, stop_cleanly_on_interrupt};

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
    /// The session file as it was when the convocations went out: the
    /// documents of the people concerned by a change are corrected ones.
    pub depuis: Option<PathBuf>,
    /// The day the corrected documents are sent (default: today).
    pub date: Option<Date>,
    /// Also write a zip of the folder beside it.
    pub zip: bool,
}

impl GenerateOptions {
    /// Whether a file of an earlier run is one this run would produce if
    /// it were still current: of a format, a kind and a candidate asked for.
    fn in_scope(&self, e: &Entry) -> bool {
        (e.format == Format::Ics || self.formats.contains(&e.format))
            && (self.only.is_empty() || self.only.contains(&e.kind))
            && (self.candidats.is_empty()
                || e.subject
                    .candidat
                    .as_ref()
                    .is_some_and(|c| self.candidats.contains(c)))
    }

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
            depuis: None,
            date: None,
            zip: false,
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
    /// Files of documents no longer produced, removed from the folder.
    pub removed: usize,
    /// Files of documents no longer produced, left because edited by hand.
    pub edited: Vec<PathBuf>,
    /// Files edited by hand whose document says what it said when they
    /// were produced: kept as the person left them.
    pub kept_edited: Vec<PathBuf>,
    /// The table of contents, when one edited by hand was kept.
    pub index_edited: Option<PathBuf>,
}

impl Summary {
    /// "42 documents (84 fichiers, 97 pages) produits en 1,2 s dans session-375846/",
    /// then what was removed, and the files left because edited by hand.
    pub fn line(&self) -> String {
        let seconds = format!("{:.2}", self.elapsed.as_secs_f64()).replace('.', ",");
        let kept = if self.kept > 0 {
            format!(
                ", {}",
                fr::count(
                    self.kept,
                    "inchangé gardé tel quel",
                    "inchangés gardés tels quels"
                )
            )
        } else {
            String::new()
        };
        let removed = if self.removed > 0 {
            format!(
                ", {} fichier(s) de documents qui ne sont plus produits retiré(s)",
                self.removed
            )
        } else {
            String::new()
        };
        let mut line = format!(
            "{} ({}, {}) {}{kept}{removed} en {seconds} s dans {}",
            fr::count(self.documents, "document", "documents"),
            fr::count(self.files, "fichier", "fichiers"),
            fr::count(self.pages, "page", "pages"),
            if self.documents > 1 {
                "produits"
            } else {
                "produit"
            },
            self.folder.display()
        );
        for path in &self.kept_edited {
            line.push_str(&format!(
                "\n{}\u{a0}: modifié à la main depuis sa production, gardé tel quel (rien n'a changé pour ce document dans la session\u{a0}; --force le remplacerait)",
                path.display()
            ));
        }
        if let Some(index) = &self.index_edited {
            line.push_str(&format!(
                "\n{}\u{a0}: sommaire modifié à la main, gardé tel quel (retirez-le pour qu'un sommaire à jour soit écrit)",
                index.display()
            ));
        }
        if !self.edited.is_empty() {
            line.push_str(&format!(
                "\n{} fichier(s) de documents qui ne sont plus produits, modifiés à la main depuis leur production, laissés en place (à retirer vous-même s'ils ne servent plus)\u{a0}:",
                self.edited.len()
            ));
            for path in &self.edited {
                line.push_str(&format!("\n  {}", path.display()));
            }
        }
        line
    }
}

/// What the output folder holds that rendering `composition` draws on:
/// the letters `kept` as they are, the chunks laid out by the last run,
/// and in a DOCX-only run the page counts known without layout.
fn in_folder(
    composition: &Composition,
    previous: &BTreeMap<String, Entry>,
    kept: &[Entry],
    folder: &Path,
    docx_only: bool,
) -> Kept {
    let letters = kept
        .iter()
        .filter(|e| composition.letters.contains(&e.path))
        .map(|e| (e.path.clone(), (folder.join(&e.path), e.sha256.clone())))
        .collect();
    Kept {
        letters,
        pages: match docx_only {
            true => pages::known(composition, previous, kept),
            false => Default::default(),
        },
        parts: kept_parts(folder),
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
    candidates_asked_exist(session, options)?;
    let mut composition = compose(source, session, options)?;
    let docx_only = !options.formats.contains(&Format::Pdf);
    let files = previous_files(&folder, options, docx_only);
    let (previous, edited_by_hand) = (&files.unchanged, &files.edited);
    let (mut kept, kept_documents, kept_edited) =
        keep_unchanged_or_edited(&mut composition, previous, edited_by_hand, &folder, options);
    let in_folder = in_folder(&composition, previous, &kept, &folder, docx_only);
    let paths: Vec<String> = composition
        .documents
        .iter()
        .flat_map(|c| file_paths(c, &options.formats))
        .collect();
    if !options.force {
        let refused = output::unsafe_overwrites(&folder, paths.iter().map(String::as_str));
        if !refused.is_empty() {
            return Err(would_overwrite(&refused));
        }
    }
    // Files of the last run that this one would have produced but does not.
    let produced: BTreeSet<String> = paths
        .iter()
        .cloned()
        .chain(kept.iter().map(|e| e.path.clone()))
        .collect();
    let leftovers = output::leftovers(&folder, &produced, |e| options.in_scope(e));
    kept.extend(leftovers.carried);
    let removed: Vec<String> = leftovers.removed.iter().map(|e| e.path.clone()).collect();
    let staging = Staging::new(&folder)?;
    // The chunks go to the layout cache, out of the folder.
    let cache = output::parts_dir(&folder);
    let entries = render_all(
        &composition,
        &in_folder,
        &options.formats,
        options.progress,
        |file| {
            staging.stage(&file.entry.path, &file.bytes)?;
            for (path, bytes) in &file.parts {
                output::write_part(&cache, path, bytes)?;
            }
            Ok(file.entry)
        },
    )?;
    let listed: Vec<&Entry> = entries.iter().chain(&kept).collect();
    // The chunk files nothing is joined from any more go too (not counted:
    // they are no documents).
    let unused_parts = output::unused_parts(&folder, &listed);
    let mut staged_parts = Vec::new();
    let index = table_of_contents(session, &folder, &listed, options)?;
    if let Some((Some(html), _)) = &index {
        staging.stage(sommaire::INDEX, html.as_bytes())?;
        staged_parts.push(sommaire::INDEX.to_owned());
    }
    let pages = entries.iter().map(|e| e.pages).sum::<usize>() / options.formats.len().max(1);
    let summary = Summary {
        documents: composition.documents.len(),
        kept: kept_documents,
        files: entries.len(),
        pages,
        elapsed: Duration::ZERO,
        folder: folder.clone(),
        removed: removed.len(),
        edited: leftovers.edited,
        kept_edited,
        index_edited: match &index {
            Some(_) => None,
            None => Some(folder.join(sommaire::INDEX)),
        },
    };
    let manifest = Manifest {
        sessiondoc: env!("CARGO_PKG_VERSION").to_owned(),
        session: session.session.numero.clone(),
        source_sha256: source.sha256.clone(),
        documents: Vec::new(),
        index_sha256: match index {
            Some((_, sha)) => Some(sha),
            None => output::previous_manifest(&folder).and_then(|m| m.index_sha256),
        },
    };
    let checked = checked_files(&entries, &kept, &files);
    staging.commit(manifest, entries, kept, staged_parts, &removed)?;
    file_stamps::record(&folder, &output::parts_dir(&folder), &checked);
    for part in &unused_parts {
        let _ = std::fs::remove_file(cache.join(part));
    }
    output::tidy_parts_caches(&folder);
    Ok(Summary {
        elapsed: started.elapsed(),
        ..summary
    })
}

/// What the next run need not read again: the files written, and those
/// kept that were checked unchanged (with their stamps then).
fn checked_files(
    written: &[Entry],
    kept: &[Entry],
    previous: &output::PreviousFiles,
) -> Vec<Checked> {
    let written = written
        .iter()
        .map(|e| (e.path.clone(), e.sha256.clone(), None));
    let unchanged = kept.iter().filter_map(|e| {
        let stamp = *previous.stamps.get(&e.path)?;
        let same = previous.unchanged.get(&e.path)?.sha256 == e.sha256;
        same.then(|| (e.path.clone(), e.sha256.clone(), Some(stamp)))
    });
    written.chain(unchanged).collect()
}

/// The folder's table of contents to write (`None` when the folder has
/// it already) and its hash; `None` when the one in the folder was edited
/// by hand since a run wrote it (it is kept).
fn table_of_contents(
    session: &Session,
    folder: &Path,
    listed: &[&Entry],
    options: &GenerateOptions,
) -> Result<Option<(Option<String>, String)>, Error> {
    let existing = std::fs::read(folder.join(sommaire::INDEX))
        .ok()
        .map(|bytes| crate::digest::sha256_hex(&bytes));
    if let Some(existing) = &existing {
        let written = output::previous_manifest(folder).and_then(|m| m.index_sha256);
        if written.as_ref() != Some(existing) && !options.force {
            return Ok(None);
        }
    }
    let html = sommaire::page(session, listed, options.templates.as_deref())?;
    let sha = crate::digest::sha256_hex(html.as_bytes());
    let write = (existing.as_ref() != Some(&sha)).then_some(html);
    Ok(Some((write, sha)))
}

/// The files of a document: one per format, and its calendar if it has one.
fn file_paths(c: &Composed, formats: &[Format]) -> Vec<String> {
    let mut paths: Vec<String> = formats.iter().map(|f| c.path(f.extension())).collect();
    if c.calendar.is_some() {
        paths.push(c.path(Format::Ics.extension()));
    }
    paths
}

/// Refuses a `--candidat` that names no candidate of the session.
fn candidates_asked_exist(session: &Session, options: &GenerateOptions) -> Result<(), Error> {
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
    Ok(())
}

/// The last run's files the run may keep, and those edited by hand since:
/// none with `--force` (but a DOCX-only run still reads the page counts of
/// the unchanged ones).
fn previous_files(
    folder: &Path,
    options: &GenerateOptions,
    docx_only: bool,
) -> output::PreviousFiles {
    if options.force && !docx_only {
        return output::PreviousFiles::default();
    }
    let files = output::previous_files(folder);
    match options.force {
        true => output::PreviousFiles {
            edited: BTreeMap::new(),
            ..files
        },
        false => files,
    }
}

/// [`keep_unchanged`], files edited by hand since the last run included
/// when their document says the same; also the paths of those.
fn keep_unchanged_or_edited(
    composition: &mut Composition,
    previous: &BTreeMap<String, Entry>,
    edited_by_hand: &BTreeMap<String, Entry>,
    folder: &Path,
    options: &GenerateOptions,
) -> (Vec<Entry>, usize, Vec<PathBuf>) {
    let (kept, kept_documents) = keep_unchanged(composition, previous, edited_by_hand, options);
    let kept_edited: Vec<PathBuf> = kept
        .iter()
        .filter(|e| edited_by_hand.contains_key(&e.path))
        .map(|e| folder.join(&e.path))
        .collect();
    (kept, kept_documents, kept_edited)
}

/// Takes out of the composition the documents that say what they said
/// last time and whose files are as they were written, or edited by hand
/// since (`edited`): neither rendered nor rewritten. Their manifest
/// entries, and how many documents they are.
fn keep_unchanged(
    composition: &mut Composition,
    previous: &BTreeMap<String, Entry>,
    edited: &BTreeMap<String, Entry>,
    options: &GenerateOptions,
) -> (Vec<Entry>, usize) {
    if options.force {
        return (Vec::new(), 0);
    }
    let program = composition.program.as_deref();
    // Hashed on every core when there are many (one per document of the
    // session); a few are not worth starting rayon's threads for.
    let documents = &composition.documents;
    let prints: Vec<String> = match documents.len() > 100 {
        true => {
            use rayon::prelude::*;
            parallel::large_stacks_for_rayon();
            documents
                .par_iter()
                .map(|c| fingerprint(c, program))
                .collect()
        }
        false => documents.iter().map(|c| fingerprint(c, program)).collect(),
    };
    let mut prints = prints.into_iter();
    let mut kept: Vec<Entry> = Vec::new();
    let mut kept_documents = 0;
    composition.documents.retain(|c| {
        let print = prints.next().unwrap_or_default();
        let entries: Option<Vec<&Entry>> = file_paths(c, &options.formats)
            .iter()
            .map(|path| {
                previous
                    .get(path)
                    .or_else(|| edited.get(path))
                    .filter(|e| e.fingerprint.as_deref() == Some(print.as_str()))
            })
            .collect();
        match entries {
            Some(entries) => {
                kept.extend(entries.into_iter().cloned());
                kept_documents += 1;
                false
            }
            None => true,
        }
    });
    (kept, kept_documents)
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

/// Composes and renders every file of the run, in memory (for tests and
/// for callers that write elsewhere).
pub fn produce(
    source: &Source,
    session: &Session,
    options: &GenerateOptions,
) -> Result<Vec<Produced>, Error> {
    let composition = compose(source, session, options)?;
    render_all(&composition, &Kept::default(), &options.formats, false, Ok)
}

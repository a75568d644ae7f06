//! Writes the documents of a run into the output folder, all or nothing,
//! with `manifest.json`.
//!
//! Every file is first written into a staging folder beside the output
//! folder as soon as it is rendered, then all are moved into place. A file already in the folder is replaced
//! only when the previous manifest says this program wrote it and its
//! sha256 still matches (or with `--force`): a document a person edited is
//! never overwritten. Files of the previous manifest that the run would
//! have produced but no longer does (a withdrawn candidate's letter, a
//! replaced juror's pack) are removed when unchanged since written, kept
//! and named when edited by hand; files outside the run's scope (`--only`,
//! `--candidat`, `--format`) are left as they are and stay in the manifest.

use crate::error::Error;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use crate::digest::sha256_hex;
use crate::file_stamps::{FileStamps, Stamp};

/// The name of the manifest in the output folder.
pub const MANIFEST: &str = "manifest.json";

/// The hidden folder of the chunks of long documents as PDF files
/// ([`ChunkFile`]), inside the output folder only when the user has no cache
/// folder ([`parts_dir`]): never a document, only read back by the next
/// run.
pub const PARTS: &str = ".parties";

/// The layout cache of an output folder, out of the folder people copy
/// and send: `sessiondoc/parties/<hash of the folder's absolute path>` in
/// the user's cache folder (`$XDG_CACHE_HOME`, else `~/.cache`); the
/// folder's own [`PARTS`] when there is no such folder.
pub fn parts_dir(folder: &Path) -> PathBuf {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    let base = var("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".cache")));
    let Some(base) = base else {
        return folder.join(PARTS);
    };
    let absolute = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    let key = sha256_hex(absolute.to_string_lossy().as_bytes());
    base.join("sessiondoc").join("parties").join(&key[..16])
}

/// The file of a layout cache that names the output folder it serves.
const PARTS_OWNER: &str = "dossier";

/// Records in `folder`'s layout cache which folder it serves, and removes
/// the caches of folders that no longer exist (deleted or moved), so that
/// the user's cache folder does not keep the chunks of every folder ever
/// produced. Nothing is said of what cannot be tidied: it is only a cache.
pub fn tidy_parts_caches(folder: &Path) {
    let cache = parts_dir(folder);
    if cache.ends_with(PARTS) {
        return;
    }
    if cache.is_dir() {
        let absolute = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
        let _ = fs::write(
            cache.join(PARTS_OWNER),
            absolute.as_os_str().as_encoded_bytes(),
        );
    }
    let Some(entries) = cache.parent().and_then(|all| fs::read_dir(all).ok()) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(owner) = fs::read_to_string(entry.path().join(PARTS_OWNER)) else {
            continue;
        };
        if !Path::new(&owner).exists() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// A chunk of a long document laid out as a PDF file of its own, kept in
/// [`PARTS`] so that the next run reads it back instead of laying it out
/// again when it says the same.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ChunkFile {
    /// What the chunk says (its content, the page program, this
    /// program's version), hashed: also its file's name.
    pub key: String,
    pub sha256: String,
    /// The page count of each of its sections.
    pub pages: Vec<usize>,
}

impl ChunkFile {
    /// Its file, relative to the layout cache ([`parts_dir`]).
    pub fn path(&self) -> String {
        format!("{}.pdf", self.key)
    }
}

/// The format of a produced file, by its extension; `--format` offers
/// the documents' two.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    clap::ValueEnum,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Format {
    Pdf,
    Docx,
    /// An iCalendar file beside a convocation.
    #[value(skip)]
    Ics,
}

impl Format {
    /// The file extension, also the format's name in the manifest.
    pub fn extension(self) -> &'static str {
        self.into()
    }
}

/// A format compares with its name (`"pdf"`), as tests and tools ask.
impl PartialEq<&str> for Format {
    fn eq(&self, name: &&str) -> bool {
        self.extension() == *name
    }
}

/// One produced file, as listed in the manifest.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    pub kind: crate::kind::Kind,
    pub format: Format,
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    /// Who or what it is about.
    #[serde(flatten)]
    pub subject: crate::kind::Subject,
    pub pages: usize,
    pub sha256: String,
    /// What the document says (its composed content, the page program and
    /// this program's version), hashed: a re-run whose document has the
    /// same fingerprint, and whose file is unchanged, keeps the file.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub fingerprint: Option<String>,
    /// The chunks a long document's PDF was joined from, kept in [`PARTS`].
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub parts: Vec<ChunkFile>,
}

/// The manifest of an output folder.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub sessiondoc: String,
    pub session: String,
    pub source_sha256: String,
    pub documents: Vec<Entry>,
    /// The table of contents this run wrote (`index.html`), hashed: one
    /// edited by hand since is kept.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub index_sha256: Option<String>,
}

/// A rendered file, in memory.
pub struct Produced {
    pub entry: Entry,
    pub bytes: Vec<u8>,
    /// The new chunk files it was joined from, to write into [`PARTS`]
    /// (paths relative to the output folder).
    pub parts: Vec<(String, Vec<u8>)>,
}

/// A failure to write the output folder, in French, with what to do.
fn io_error(what: &str, path: &Path, err: std::io::Error) -> Error {
    use std::io::ErrorKind as K;
    let elsewhere = "choisissez un autre dossier de sortie avec -o DOSSIER";
    let reason = match err.kind() {
        K::PermissionDenied => format!(
            "droits insuffisants pour écrire dans ce dossier\u{a0}: {elsewhere}, ou demandez les droits d'écriture"
        ),
        K::ReadOnlyFilesystem => format!("le disque est en lecture seule\u{a0}: {elsewhere}"),
        K::StorageFull => format!("le disque est plein\u{a0}: libérez de la place ou {elsewhere}"),
        K::NotFound if path.exists() => {
            format!("ce dossier du système n'accepte pas de nouveaux fichiers\u{a0}: {elsewhere}")
        }
        K::NotFound => format!("dossier introuvable\u{a0}: vérifiez le chemin, ou {elsewhere}"),
        _ if err.raw_os_error() == Some(27) => "fichier trop grand (limite de taille)".to_owned(),
        _ => format!("{}\u{a0}: {elsewhere}", crate::error::io_fr(&err)),
    };
    Error::Io(format!("{what} « {} »\u{a0}: {reason}", path.display()))
}

/// Reads the manifest a previous run left in `dir`, if any.
pub fn previous_manifest(dir: &Path) -> Option<Manifest> {
    let text = fs::read_to_string(dir.join(MANIFEST)).ok()?;
    serde_json::from_str(&text).ok()
}

/// The previous run's entries, by path, split by whether their file is
/// still as it wrote them (what a re-run may keep) or was edited by hand
/// since (still there, changed); each file read and hashed once, or not
/// read when its stamp is the one recorded with its sha256
/// ([`FileStamps`]).
#[derive(Default)]
pub struct PreviousFiles {
    pub unchanged: BTreeMap<String, Entry>,
    pub edited: BTreeMap<String, Entry>,
    /// The stamps of the unchanged files when they were checked.
    pub stamps: BTreeMap<String, Stamp>,
}

/// The previous run's files in `dir`: see [`PreviousFiles`].
pub fn previous_files(dir: &Path) -> PreviousFiles {
    let mut files = PreviousFiles::default();
    let Some(manifest) = previous_manifest(dir) else {
        return files;
    };
    let known = FileStamps::load(&parts_dir(dir));
    for e in manifest.documents {
        if e.fingerprint.is_none() {
            continue;
        }
        let Some((sha256, stamp)) = known.sha256(dir, &e.path) else {
            continue;
        };
        if sha256 != e.sha256 {
            files.edited.insert(e.path.clone(), e);
            continue;
        }
        if let Some(stamp) = stamp {
            files.stamps.insert(e.path.clone(), stamp);
        }
        files.unchanged.insert(e.path.clone(), e);
    }
    files
}

/// Writes a chunk file into the layout cache `cache` (its own new file,
/// renamed into place: a reader never sees half of it).
pub fn write_part(cache: &Path, rel: &str, bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write as _;
    let target = cache.join(rel);
    let fail =
        |e: std::io::Error| io_error("impossible d'écrire le cache de mise en page", cache, e);
    fs::create_dir_all(cache).map_err(fail)?;
    let mut file = tempfile::NamedTempFile::new_in(cache).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    file.persist(&target).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Writes `<folder>.zip` beside the folder, in one step: every file of
/// the folder but the manifest and the hidden layout cache. Its path.
pub fn zip_folder(folder: &Path) -> Result<PathBuf, Error> {
    use std::io::Write as _;
    let target = folder.with_extension("zip");
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail = |e: std::io::Error| io_error("impossible d'écrire l'archive", &target, e);
    let zip_fail = |e: zip::result::ZipError| fail(std::io::Error::other(e));
    let mut files = Vec::new();
    collect_files(folder, folder, &mut files).map_err(fail)?;
    files.sort();
    let tmp = tempfile::NamedTempFile::new_in(&parent).map_err(fail)?;
    let mut zip = zip::ZipWriter::new(tmp.as_file());
    let options = zip::write::SimpleFileOptions::default();
    let top = folder
        .file_name()
        .map_or("session".into(), |n| n.to_string_lossy().into_owned());
    for rel in &files {
        zip.start_file(format!("{top}/{rel}"), options)
            .map_err(zip_fail)?;
        zip.write_all(&fs::read(folder.join(rel)).map_err(fail)?)
            .map_err(fail)?;
    }
    zip.finish().map_err(zip_fail)?;
    tmp.persist(&target).map_err(|e| fail(e.error))?;
    Ok(target)
}

/// The files under `dir`, relative to `root` with `/`, hidden ones and
/// the manifest left out.
fn collect_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || (dir == root && name == MANIFEST) {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect_files(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// The chunk files of the previous manifest that none of `entries` is
/// joined from any more, unchanged since written: to remove (paths
/// relative to the layout cache, [`parts_dir`]).
pub fn unused_parts(dir: &Path, entries: &[&Entry]) -> Vec<String> {
    let used: BTreeSet<&str> = entries
        .iter()
        .flat_map(|e| e.parts.iter().map(|p| p.key.as_str()))
        .collect();
    let Some(manifest) = previous_manifest(dir) else {
        return Vec::new();
    };
    let unused: BTreeMap<String, String> = manifest
        .documents
        .iter()
        .flat_map(|e| &e.parts)
        .filter(|p| !used.contains(p.key.as_str()))
        .map(|p| (p.path(), p.sha256.clone()))
        .collect();
    let cache = parts_dir(dir);
    unused
        .into_iter()
        .filter(|(path, sha)| fs::read(cache.join(path)).is_ok_and(|b| sha256_hex(&b) == *sha))
        .map(|(path, _)| path)
        .collect()
}

/// Files that the run would replace although this program did not write
/// them, or that changed since it did (`paths` relative to `dir`).
pub fn unsafe_overwrites<'a>(dir: &Path, paths: impl Iterator<Item = &'a str>) -> Vec<PathBuf> {
    let previous: BTreeMap<String, String> = previous_manifest(dir)
        .map(|m| {
            m.documents
                .into_iter()
                .map(|e| (e.path, e.sha256))
                .collect()
        })
        .unwrap_or_default();
    let known = FileStamps::load(&parts_dir(dir));
    let mut refused = Vec::new();
    for rel in paths {
        let target = dir.join(rel);
        let Some((existing, _)) = known.sha256(dir, rel) else {
            continue;
        };
        let ours = previous.get(rel).is_some_and(|sum| *sum == existing);
        if !ours {
            refused.push(target);
        }
    }
    let manifest = dir.join(MANIFEST);
    if manifest.exists() && previous_manifest(dir).is_none() {
        refused.push(manifest);
    }
    refused
}

/// The files of the previous manifest that a run does not produce.
#[derive(Debug, Default)]
pub struct Leftovers {
    /// In the run's scope and unchanged since written: to remove.
    pub removed: Vec<Entry>,
    /// In the run's scope but edited by hand since: left in place, named,
    /// and no longer listed.
    pub edited: Vec<PathBuf>,
    /// Outside the run's scope: left as they are, still listed.
    pub carried: Vec<Entry>,
}

/// Sorts the previous manifest's entries that are not in `produced` (paths
/// relative to `dir`): `in_scope` says which ones the run would produce if
/// they were still current. Files no longer there are forgotten.
pub fn leftovers(
    dir: &Path,
    produced: &BTreeSet<String>,
    in_scope: impl Fn(&Entry) -> bool,
) -> Leftovers {
    let mut out = Leftovers::default();
    let Some(manifest) = previous_manifest(dir) else {
        return out;
    };
    for e in manifest.documents {
        if produced.contains(&e.path) {
            continue;
        }
        let Ok(bytes) = fs::read(dir.join(&e.path)) else {
            continue;
        };
        if !in_scope(&e) {
            out.carried.push(e);
        } else if sha256_hex(&bytes) == e.sha256 {
            out.removed.push(e);
        } else {
            out.edited.push(dir.join(&e.path));
        }
    }
    out
}

/// A staging folder beside the output folder: files are written into it as
/// they are rendered, then [`Staging::commit`] moves them all into place.
/// Dropped without a commit, it vanishes and the output folder is untouched.
pub struct Staging {
    dir: PathBuf,
    tmp: tempfile::TempDir,
}

impl Staging {
    /// Creates the staging folder for the output folder `dir`.
    pub fn new(dir: &Path) -> Result<Staging, Error> {
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)
            .map_err(|e| io_error("impossible de créer le dossier", &parent, e))?;
        let tmp = tempfile::Builder::new()
            .prefix(".sessiondoc-")
            .tempdir_in(&parent)
            .map_err(|e| io_error("impossible d'écrire dans le dossier", &parent, e))?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            tmp,
        })
    }

    fn staged(&self, rel: &str) -> PathBuf {
        self.tmp.path().join("new").join(rel)
    }

    /// Writes one file (path relative to the output folder), synced to disk.
    pub fn stage(&self, rel: &str, bytes: &[u8]) -> Result<(), Error> {
        // Messages name the file as the user will look for it.
        let shown = self.dir.join(rel);
        let path = self.staged(rel);
        if let Some(p) = path.parent() {
            fs::create_dir_all(p)
                .map_err(|e| io_error("impossible de créer le dossier", &shown, e))?;
        }
        let mut file =
            fs::File::create(&path).map_err(|e| io_error("impossible d'écrire", &shown, e))?;
        file.write_all(bytes)
            .map_err(|e| io_error("impossible d'écrire", &shown, e))?;
        file.sync_all()
            .map_err(|e| io_error("impossible d'écrire", &shown, e))
    }

    /// Writes the manifest listing the `written` files and the `kept` ones
    /// (already in place, left as they are), then moves every staged file
    /// (those listed and the staged `parts`) into the output folder and
    /// removes the `removed` ones (paths relative to it), all or nothing.
    pub fn commit(
        self,
        mut manifest: Manifest,
        written: Vec<Entry>,
        kept: Vec<Entry>,
        parts: Vec<String>,
        removed: &[String],
    ) -> Result<(), Error> {
        let staged: Vec<String> = written
            .iter()
            .map(|e| e.path.clone())
            .chain(parts)
            .collect();
        manifest.documents = written.into_iter().chain(kept).collect();
        manifest.documents.sort_by(|a, b| a.path.cmp(&b.path));
        let mut json =
            serde_json::to_vec_pretty(&manifest).map_err(|e| Error::Io(e.to_string()))?;
        json.push(b'\n');
        self.stage(MANIFEST, &json)?;
        let dir = &self.dir;

        // A new folder moves into place in one step.
        if !dir.exists() {
            return fs::rename(self.tmp.path().join("new"), dir)
                .map_err(|e| io_error("impossible de créer le dossier", dir, e));
        }

        // Otherwise each file moves in; what it replaces, and each file to
        // remove, is kept aside until every move has succeeded, and put
        // back if one fails.
        let moves = staged
            .iter()
            .map(|r| (r.as_str(), true))
            .chain([(MANIFEST, true)])
            .chain(removed.iter().map(|r| (r.as_str(), false)));
        let backup = self.tmp.path().join("old");
        // (target, where it was put aside, whether a new file took its place)
        let mut done: Vec<(PathBuf, Option<PathBuf>, bool)> = Vec::new();
        let result = (|| {
            for (i, (rel, placed)) in moves.enumerate() {
                let target = dir.join(rel);
                if let Some(p) = target.parent() {
                    fs::create_dir_all(p)
                        .map_err(|e| io_error("impossible de créer le dossier", p, e))?;
                }
                let aside = if target.exists() {
                    let aside = backup.join(i.to_string());
                    fs::create_dir_all(&backup)
                        .map_err(|e| io_error("impossible d'écrire", &backup, e))?;
                    fs::rename(&target, &aside)
                        .map_err(|e| io_error("impossible de remplacer", &target, e))?;
                    Some(aside)
                } else {
                    None
                };
                done.push((target.clone(), aside, placed));
                if placed {
                    fs::rename(self.staged(rel), &target)
                        .map_err(|e| io_error("impossible d'écrire", &target, e))?;
                }
            }
            Ok(())
        })();
        if result.is_err() {
            for (target, aside, placed) in done.into_iter().rev() {
                if placed {
                    let _ = fs::remove_file(&target);
                }
                if let Some(aside) = aside {
                    let _ = fs::rename(aside, &target);
                }
            }
        } else {
            // Folders left empty by the removals go too.
            for rel in removed {
                if let Some(parent) = dir.join(rel).parent().filter(|p| *p != dir) {
                    let _ = fs::remove_dir(parent);
                }
            }
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::Format;
    use strum::VariantArray;

    #[test]
    fn a_format_has_one_name_in_the_manifest_on_the_command_line_and_as_extension() {
        for format in Format::VARIANTS {
            let manifest = serde_json::to_value(format).unwrap();
            assert_eq!(manifest.as_str(), Some(format.extension()));
            if let Some(value) = clap::ValueEnum::to_possible_value(format) {
                assert_eq!(value.get_name(), format.extension());
            }
        }
    }
}

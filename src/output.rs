//! Writes the documents of a run into the output folder, all or nothing,
//! with `manifest.json`.
//!
//! Every file is first written into a staging folder beside the output
//! folder, then moved into place. A file already in the folder is replaced
//! only when the previous manifest says this program wrote it and its
//! sha256 still matches (or with `--force`): a document a person edited is
//! never overwritten. Files the run does not produce are never touched.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The name of the manifest in the output folder.
pub const MANIFEST: &str = "manifest.json";

/// One produced file, as listed in the manifest.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    pub kind: String,
    pub format: String,
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub candidat: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub jure: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub surveillant: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub salle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub fraude: Option<usize>,
    pub pages: usize,
    pub sha256: String,
}

/// The manifest of an output folder.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub sessiondoc: String,
    pub session: String,
    pub source_sha256: String,
    pub documents: Vec<Entry>,
}

/// A file ready to be written.
pub struct Produced {
    pub entry: Entry,
    pub bytes: Vec<u8>,
}

/// Hex sha256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Why the output could not be written. Nothing was changed in the folder.
#[derive(Debug)]
pub enum WriteError {
    /// Files that would be overwritten but that a person wrote or changed.
    WouldOverwrite(Vec<PathBuf>),
    /// The file system refused (message in French, with the path).
    Io(String),
}

fn io_error(what: &str, path: &Path, err: std::io::Error) -> WriteError {
    let reason = match err.kind() {
        std::io::ErrorKind::PermissionDenied => "permission refusée".to_owned(),
        std::io::ErrorKind::StorageFull => "le disque est plein".to_owned(),
        std::io::ErrorKind::NotFound => "dossier introuvable".to_owned(),
        _ if err.raw_os_error() == Some(27) => "fichier trop grand (limite de taille)".to_owned(),
        _ if err.raw_os_error() == Some(30) => "système de fichiers en lecture seule".to_owned(),
        _ => err.to_string(),
    };
    WriteError::Io(format!("{what} « {} »\u{a0}: {reason}", path.display()))
}

/// Reads the manifest a previous run left in `dir`, if any.
pub fn previous_manifest(dir: &Path) -> Option<Manifest> {
    let text = fs::read_to_string(dir.join(MANIFEST)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Files that the run would replace although this program did not write
/// them, or that changed since it did.
pub fn unsafe_overwrites(dir: &Path, files: &[Produced]) -> Vec<PathBuf> {
    let previous: BTreeMap<String, String> = previous_manifest(dir)
        .map(|m| {
            m.documents
                .into_iter()
                .map(|e| (e.path, e.sha256))
                .collect()
        })
        .unwrap_or_default();
    let mut refused = Vec::new();
    for file in files {
        let target = dir.join(&file.entry.path);
        let Ok(existing) = fs::read(&target) else {
            continue;
        };
        let ours = previous
            .get(&file.entry.path)
            .is_some_and(|sum| *sum == sha256_hex(&existing));
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

/// Writes `files` and the manifest into `dir`, all or nothing.
pub fn write_all(
    dir: &Path,
    mut manifest: Manifest,
    files: Vec<Produced>,
    force: bool,
) -> Result<(), WriteError> {
    if !force {
        let refused = unsafe_overwrites(dir, &files);
        if !refused.is_empty() {
            return Err(WriteError::WouldOverwrite(refused));
        }
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)
        .map_err(|e| io_error("impossible de créer le dossier", &parent, e))?;
    let staging = tempfile::Builder::new()
        .prefix(".sessiondoc-")
        .tempdir_in(&parent)
        .map_err(|e| io_error("impossible d'écrire dans le dossier", &parent, e))?;

    manifest.documents = files.iter().map(|f| f.entry.clone()).collect();
    manifest.documents.sort_by(|a, b| a.path.cmp(&b.path));
    let mut json =
        serde_json::to_vec_pretty(&manifest).map_err(|e| WriteError::Io(e.to_string()))?;
    json.push(b'\n');

    // 1. Everything into the staging folder, synced.
    let mut staged: Vec<(PathBuf, String)> = Vec::with_capacity(files.len() + 1);
    let all = files
        .iter()
        .map(|f| (f.entry.path.as_str(), f.bytes.as_slice()))
        .chain(std::iter::once((MANIFEST, json.as_slice())));
    for (rel, bytes) in all {
        let path = staging.path().join("new").join(rel);
        if let Some(p) = path.parent() {
            fs::create_dir_all(p).map_err(|e| io_error("impossible de créer le dossier", p, e))?;
        }
        let mut file =
            fs::File::create(&path).map_err(|e| io_error("impossible d'écrire", &path, e))?;
        file.write_all(bytes)
            .map_err(|e| io_error("impossible d'écrire", &path, e))?;
        file.sync_all()
            .map_err(|e| io_error("impossible d'écrire", &path, e))?;
        staged.push((path, rel.to_owned()));
    }

    // 2. A new folder moves into place in one step.
    if !dir.exists() {
        return fs::rename(staging.path().join("new"), dir)
            .map_err(|e| io_error("impossible de créer le dossier", dir, e));
    }

    // 3. Otherwise each file moves in; what it replaces is kept aside until
    //    every move has succeeded, and put back if one fails.
    let backup = staging.path().join("old");
    let mut done: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    let result = (|| {
        for (i, (from, rel)) in staged.iter().enumerate() {
            let target = dir.join(rel);
            if let Some(p) = target.parent() {
                fs::create_dir_all(p)
                    .map_err(|e| io_error("impossible de créer le dossier", p, e))?;
            }
            let kept = if target.exists() {
                let aside = backup.join(i.to_string());
                fs::create_dir_all(&backup)
                    .map_err(|e| io_error("impossible d'écrire", &backup, e))?;
                fs::rename(&target, &aside)
                    .map_err(|e| io_error("impossible de remplacer", &target, e))?;
                Some(aside)
            } else {
                None
            };
            done.push((target.clone(), kept));
            fs::rename(from, &target).map_err(|e| io_error("impossible d'écrire", &target, e))?;
        }
        Ok(())
    })();
    if result.is_err() {
        for (target, kept) in done.into_iter().rev() {
            let _ = fs::remove_file(&target);
            if let Some(aside) = kept {
                let _ = fs::rename(aside, &target);
            }
        }
    }
    result
}

//! What a run knew of each file of the output folder when it last checked
//! its sha256: its size, times, inode and device. A later run that finds
//! the file with the same ones takes that sha256 instead of reading and
//! hashing the file again (most of the folder, in a run after one change).
//!
//! The record lives in the folder's layout cache (the output folder's `parts_dir`, given by the caller),
//! out of the folder. A file edited since has another change time (no
//! program sets it back), so it is read and hashed again. A file whose
//! change time is not yet in the past, as the file system counts time, when
//! the record is written could still be edited within the same tick
//! without its times moving: it is left out of the record.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::digest::sha256_hex;

/// The record's file in the layout cache.
pub const FILE: &str = "empreintes.json";

/// What tells a file apart without reading it (Unix: size, modification
/// and change times to the nanosecond, inode and device).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp([i64; 7]);

impl Stamp {
    /// The stamp of the file at `path`, if it can be read (and on Unix).
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = fs::metadata(path).ok()?;
        stamp_of(&meta)
    }

    /// Its change time, to compare with the file system's present.
    fn changed(&self) -> (i64, i64) {
        (self.0[3], self.0[4])
    }
}

#[cfg(unix)]
fn stamp_of(meta: &fs::Metadata) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    if !meta.is_file() {
        return None;
    }
    Some(Stamp([
        i64::try_from(meta.len()).ok()?,
        meta.mtime(),
        meta.mtime_nsec(),
        meta.ctime(),
        meta.ctime_nsec(),
        i64::from_ne_bytes(meta.ino().to_ne_bytes()),
        i64::from_ne_bytes(meta.dev().to_ne_bytes()),
    ]))
}

#[cfg(not(unix))]
fn stamp_of(_meta: &fs::Metadata) -> Option<Stamp> {
    None
}

/// A file's stamp and its sha256 when it was checked.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Known {
    stamp: Stamp,
    sha256: String,
}

/// The files of an output folder as the last run checked them, by path
/// relative to the folder.
#[derive(Default)]
pub struct FileStamps {
    known: HashMap<String, Known>,
}

impl FileStamps {
    /// The record kept in the layout cache `cache`, empty when there is
    /// none (or unreadable).
    pub fn load(cache: &Path) -> FileStamps {
        let known = fs::read(cache.join(FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        FileStamps { known }
    }

    /// The sha256 of the file `rel` of `folder` as it is now, and its stamp
    /// taken before it was read: the recorded sha256 when the stamp is the
    /// recorded one, else the file read and hashed. `None` when the file
    /// cannot be read.
    pub fn sha256(&self, folder: &Path, rel: &str) -> Option<(String, Option<Stamp>)> {
        let path = folder.join(rel);
        let stamp = Stamp::of(&path);
        if let (Some(stamp), Some(known)) = (stamp, self.known.get(rel))
            && known.stamp == stamp
        {
            return Some((known.sha256.clone(), Some(stamp)));
        }
        let bytes = fs::read(&path).ok()?;
        Some((sha256_hex(&bytes), stamp))
    }
}

/// A file of the folder whose content the run knows: its path relative to
/// the folder, its sha256, and its stamp when it was checked (`None` for a
/// file the run wrote: stamped as it is now).
pub type Checked = (String, String, Option<Stamp>);

/// Records the files of `folder` whose content is known: those the run
/// wrote, and those it checked unchanged. Nothing is said when the record
/// cannot be written: it is only a cache, the next run reads the files.
pub fn record(folder: &Path, cache: &Path, files: &[Checked]) {
    if fs::create_dir_all(cache).is_err() {
        return;
    }
    let stamped: Vec<(&str, Known)> = files
        .iter()
        .filter_map(|(rel, sha256, checked)| {
            let stamp = checked.or_else(|| Stamp::of(&folder.join(rel)))?;
            let sha256 = sha256.clone();
            Some((rel.as_str(), Known { stamp, sha256 }))
        })
        .collect();
    let Some(now) = after(cache, stamped.iter().map(|(_, k)| k.stamp.changed()).max()) else {
        return;
    };
    let known: HashMap<&str, Known> = stamped
        .into_iter()
        .filter(|(_, k)| k.stamp.changed() < now)
        .collect();
    // Written whole or not at all, as every file of the cache.
    let written = serde_json::to_vec(&known).ok().and_then(|json| {
        let mut file = tempfile::NamedTempFile::new_in(cache).ok()?;
        std::io::Write::write_all(&mut file, &json).ok()?;
        file.persist(cache.join(FILE)).ok()
    });
    drop(written);
}

/// The change time the file system gives a file changed now (from a probe
/// file written in `dir`), waiting a few milliseconds for it to pass
/// `latest`: a file changed at the present tick may still change without
/// its stamp moving.
fn after(dir: &Path, latest: Option<(i64, i64)>) -> Option<(i64, i64)> {
    let mut now = present(dir)?;
    for _ in 0..20 {
        if latest.is_none_or(|latest| latest < now) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
        now = present(dir)?;
    }
    Some(now)
}

/// The change time of a probe file written in `dir` now.
fn present(dir: &Path) -> Option<(i64, i64)> {
    let probe = tempfile::NamedTempFile::new_in(dir).ok()?;
    probe.as_file().set_len(1).ok()?;
    let stamp = stamp_of(&probe.as_file().metadata().ok()?)?;
    Some(stamp.changed())
}

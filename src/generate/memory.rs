//! Memory kept bounded during a run: Typst's memoization cache trimmed as
//! documents are laid out, and the allocator's arenas handed back after a
//! large one.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::doc::Document;
use crate::error::Error;
use crate::render::pdf::PdfRenderer;

/// Typst's memoization cache is shared by every document of a run; it is
/// trimmed every so many documents to keep memory bounded on large runs.
const EVICT_EVERY: usize = 8;
/// Cache entries unused for this many trims are dropped.
const EVICT_AGE: usize = 0;

/// Counts the documents laid out, to trim Typst's cache every
/// [`EVICT_EVERY`] of them.
#[derive(Default)]
pub struct CacheTrimmer {
    laid_out: AtomicUsize,
}

impl CacheTrimmer {
    /// After a document: at once after a session-wide one (it leaves a
    /// large cache and large arenas), else every [`EVICT_EVERY`] documents.
    pub fn after(&self, session_wide: bool) {
        if session_wide {
            typst::comemo::evict(EVICT_AGE);
            give_back_memory();
        } else if (self.laid_out.fetch_add(1, Ordering::Relaxed) + 1).is_multiple_of(EVICT_EVERY) {
            typst::comemo::evict(EVICT_AGE);
        }
    }
}

/// Empties Typst's cache at the end of a run.
pub fn empty_cache() {
    typst::comemo::evict(0);
}

/// A document's page count, laid out alone, the cache trimmed after it.
pub fn count_and_trim(pdf: &PdfRenderer, d: &Document) -> Result<usize, Error> {
    let pages = pdf.page_count(d);
    typst::comemo::evict(EVICT_AGE);
    pages
}

/// Hands the memory freed by a large document back to the system: each
/// thread allocates from its own arena, and an arena keeps what it freed,
/// so without this the peaks of documents laid out one after the other on
/// different threads add up.
pub fn give_back_memory() {
    #[cfg(not(target_env = "msvc"))]
    // SAFETY: purging every arena (index MALLCTL_ARENAS_ALL) reads and
    // writes nothing; it only returns unused pages to the system.
    unsafe {
        tikv_jemalloc_sys::mallctl(
            c"arena.4096.purge".as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        );
    }
}

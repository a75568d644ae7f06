//! Runs the documents of a run on as many plain threads as the machine has
//! cores, the session-wide ones one at a time.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};

use crate::error::Error;

/// Typst lays out long documents (a print batch of letters) with deep
/// recursion: every thread that runs it gets a large stack.
const STACK_BYTES: usize = 256 << 20;

/// Runs `work` on every item, one item at a time on each of as many threads
/// as the machine has cores, and returns the results in the items' order
/// (or the first error, the other threads stopping at their next item).
/// Items taken in order, except that a `large` one (a session-wide
/// document, whose layout grows with the session) waits while another is
/// being done: at most one is in memory at a time, the other threads
/// taking the next small items meanwhile.
///
/// The threads are plain threads, not rayon workers: Typst runs its own
/// parallel jobs on rayon's pool and waits for them, and a rayon worker
/// that waits takes other jobs meanwhile, which would start another whole
/// document on top of the one it is laying out (memory growing with the
/// session). A plain thread just waits.
pub fn in_parallel<I: Sync, T: Send>(
    items: &[I],
    large: impl Fn(&I) -> bool,
    work: impl Fn(&I) -> Result<T, Error> + Sync,
) -> Result<Vec<T>, Error> {
    large_stacks_for_rayon();
    let threads = std::thread::available_parallelism()
        .map_or(2, usize::from)
        .min(items.len().max(1));
    let queue = Queue {
        state: Mutex::new(Taken {
            taken: vec![false; items.len()],
            first: 0,
            large_running: false,
        }),
        large: items.iter().map(large).collect(),
        changed: Condvar::new(),
        failed: AtomicBool::new(false),
    };
    let results: Vec<Mutex<Option<Result<T, Error>>>> =
        items.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| -> Result<(), Error> {
        let mut handles = Vec::with_capacity(threads);
        for _ in 0..threads {
            let handle = std::thread::Builder::new()
                .stack_size(STACK_BYTES)
                .spawn_scoped(scope, || {
                    while let Some(i) = queue.take() {
                        let result = work(&items[i]);
                        queue.done(i, result.is_err());
                        if let Ok(mut slot) = results[i].lock() {
                            *slot = Some(result);
                        }
                    }
                })
                .map_err(|e| Error::Io(crate::error::io_fr(&e)))?;
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
    if queue.failed.load(Ordering::Relaxed) {
        return Err(Error::Refused("production interrompue".to_owned()));
    }
    Ok(out)
}

/// Gives rayon's global pool, where Typst runs its own jobs, the same large
/// stacks; to call before anything uses the pool (the first use builds it).
pub fn large_stacks_for_rayon() {
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(STACK_BYTES)
        .build_global();
}

/// The items of [`in_parallel`] still to take.
struct Queue {
    state: Mutex<Taken>,
    /// Which items are large.
    large: Vec<bool>,
    /// Signalled when a large item is done, or the run stops.
    changed: Condvar,
    failed: AtomicBool,
}

struct Taken {
    taken: Vec<bool>,
    /// Every item before this one is taken.
    first: usize,
    large_running: bool,
}

impl Queue {
    /// The next item to do, or none when all are taken or the run stops.
    fn take(&self) -> Option<usize> {
        let mut state = self.state.lock().ok()?;
        loop {
            if self.failed.load(Ordering::Relaxed) {
                return None;
            }
            while state.first < state.taken.len() && state.taken[state.first] {
                state.first += 1;
            }
            if state.first == state.taken.len() {
                return None;
            }
            let running = state.large_running;
            let next = (state.first..state.taken.len())
                .find(|&i| !(state.taken[i] || running && self.large[i]));
            match next {
                Some(i) => {
                    state.taken[i] = true;
                    state.large_running |= self.large[i];
                    return Some(i);
                }
                // Only large items left, one of them being done.
                None => state = self.changed.wait(state).ok()?,
            }
        }
    }

    /// Item `i` is done (or failed: the run stops).
    fn done(&self, i: usize, failed: bool) {
        if failed {
            self.failed.store(true, Ordering::Relaxed);
        }
        if self.large[i] || failed {
            if let Ok(mut state) = self.state.lock() {
                state.large_running &= !self.large[i];
            }
            self.changed.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn large_items_run_one_at_a_time_and_results_keep_their_order() {
        let items: Vec<usize> = (0..40).collect();
        let running = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let out = in_parallel(
            &items,
            |i| i % 3 == 0,
            |&i| {
                if i % 3 == 0 {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    running.fetch_sub(1, Ordering::SeqCst);
                }
                Ok(i * 2)
            },
        )
        .unwrap();
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(most.load(Ordering::SeqCst), 1, "one large item at a time");
    }

    #[test]
    fn a_failed_item_stops_the_run_without_waiting_forever() {
        let items: Vec<usize> = (0..20).collect();
        let result = in_parallel(
            &items,
            |_| true,
            |&i| {
                if i == 3 {
                    Err(Error::Refused("échec".to_owned()))
                } else {
                    Ok(i)
                }
            },
        );
        assert!(result.is_err());
    }
}

//! The state of the server that every page reads and changes.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::web::guard::Guard;
use crate::web::view::Views;

/// The state of the server: its guard, its templates, the session open.
pub struct App {
    pub guard: Guard,
    pub views: Arc<Views>,
    pub session: Option<PathBuf>,
    /// A list chosen for import, waiting for confirmation.
    pub pending_import: Option<Pending>,
    /// What the last production said.
    pub last_production: Arc<Mutex<Option<String>>>,
    /// The planner's outcome, computed ahead and kept while nothing
    /// changed.
    pub planned: Arc<Planning>,
}

/// What the planner's outcome depends on: the session file (its path and
/// its sha256) and the last sending it plans against.
pub type PlanKey = (PathBuf, String, Option<PathBuf>);

/// The planner's outcome for a session file and the last sending it
/// planned against, kept by the timetable page.
pub struct Planned {
    pub(super) key: PlanKey,
    pub(super) outcome: crate::planner::Outcome,
}

/// The planner run ahead, in a thread of its own, as soon as a page has
/// read the session file: the timetable page then finds its outcome
/// ready, or waits for it without holding anything else up.
#[derive(Default)]
pub struct Planning {
    state: Mutex<PlanState>,
    ready: Condvar,
}

#[derive(Default)]
struct PlanState {
    /// The file as a page last read it.
    wanted: Option<PlanKey>,
    /// Whether a thread is planning.
    running: bool,
    /// The last outcome, with what it was computed for.
    done: Option<Planned>,
}

impl Planning {
    fn state(&self) -> MutexGuard<'_, PlanState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Plans the file `key` names in a thread of its own, unless its
    /// outcome is kept; one thread at a time, which plans the file as the
    /// pages last read it.
    pub fn ask(self: &Arc<Self>, key: PlanKey) {
        let mut state = self.state();
        let kept = state.done.as_ref().is_some_and(|d| d.key == key);
        state.wanted = Some(key);
        if kept || state.running {
            return;
        }
        state.running = true;
        let planning = Arc::clone(self);
        std::thread::spawn(move || planning.work());
    }

    /// Plans what is wanted until it is done.
    fn work(&self) {
        loop {
            let key = {
                let mut state = self.state();
                let done = |k: &PlanKey| state.done.as_ref().is_some_and(|d| &d.key == k);
                match state.wanted.clone().filter(|k| !done(k)) {
                    Some(key) => key,
                    None => {
                        state.running = false;
                        self.ready.notify_all();
                        return;
                    }
                }
            };
            let outcome = crate::planner::execute(&key.0, false, false).unwrap_or_else(|e| {
                crate::planner::Outcome {
                    success: false,
                    out: String::new(),
                    err: e.to_string(),
                    proposal: None,
                }
            });
            // An outcome for a text the file no longer has is not kept.
            let same = crate::load::read(&key.0).is_ok_and(|s| s.sha256 == key.1);
            let mut state = self.state();
            if same {
                state.done = Some(Planned { key, outcome });
            } else if state.wanted.as_ref() == Some(&key) {
                state.wanted = None;
            }
            self.ready.notify_all();
        }
    }

    /// `show` of the outcome for `key`, when it is ready.
    pub fn ready<T>(&self, key: &PlanKey, show: impl FnOnce(&Planned) -> T) -> Option<T> {
        self.state()
            .done
            .as_ref()
            .filter(|d| &d.key == key)
            .map(show)
    }

    /// `show` of the outcome for `key`, waited for `limit` at most;
    /// `None` when none comes (the file changed meanwhile).
    pub fn wait<T>(
        &self,
        key: &PlanKey,
        limit: Duration,
        show: impl FnOnce(&Planned) -> T,
    ) -> Option<T> {
        let deadline = Instant::now() + limit;
        let mut state = self.state();
        loop {
            if let Some(done) = state.done.as_ref().filter(|d| &d.key == key) {
                return Some(show(done));
            }
            let now = Instant::now();
            if !state.running || now >= deadline {
                return None;
            }
            state = self
                .ready
                .wait_timeout(state, deadline - now)
                .map_or_else(|e| e.into_inner().0, |(s, _)| s);
        }
    }
}

/// A list waiting for confirmation: where it was put, and the session
/// file's sha256 when its report was made.
pub struct Pending {
    /// Removed with the list when dropped.
    pub(super) _folder: tempfile::TempDir,
    pub(super) list: PathBuf,
    pub(super) session_sha256: String,
}

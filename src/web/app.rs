//! The state of the server that every page reads and changes.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

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
    /// The planner's last outcome, shown again while nothing changed.
    pub planned: Mutex<Option<Planned>>,
}

/// The planner's outcome for a session file (its sha256) and the last
/// sending it planned against, kept by the timetable page.
pub struct Planned {
    pub(super) key: (String, Option<PathBuf>),
    pub(super) outcome: crate::planner::Outcome,
}

/// A list waiting for confirmation: where it was put, and the session
/// file's sha256 when its report was made.
pub struct Pending {
    /// Removed with the list when dropped.
    pub(super) _folder: tempfile::TempDir,
    pub(super) list: PathBuf,
    pub(super) session_sha256: String,
}

//! sessiondoc: every paper document of a French *titre professionnel* exam
//! session, in PDF and DOCX, from one YAML file.
//!
//! Data flows one way, one stage per module:
//! [`load`] → [`check`] → [`plan`] → [`compose`] (then [`fit`]) → [`render`]
//! → [`output`].

// No function longer than `too-many-lines-threshold` (clippy.toml).
#![warn(clippy::too_many_lines)]

/// The memory allocator of the program and of its tests: jemalloc, faster
/// than the system's here and lighter at the peak (docs/temps.md).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

pub mod bench;
pub mod changes;
pub mod check;
pub mod cli;
pub mod compose;
pub mod deadline_table;
pub mod deadlines;
pub mod diag;
pub mod digest;
pub mod doc;
pub mod error;
pub mod example;
pub mod file_stamps;
pub mod fit;
pub mod fonts;
pub mod fr;
pub mod generate;
pub mod import;
pub mod kind;
pub mod load;
pub mod model;
pub mod output;
pub mod page;
pub mod plan;
pub mod planner;
pub mod record;
pub mod render;
pub mod results;
pub mod schema;
pub mod session_text;
pub mod sommaire;
pub mod stdout;
pub mod web;
pub mod wording;

//! Typst's compilation loop, started from what a document like this one
//! looked like.
//!
//! Typst lays a document out until what it asks of itself (here, the
//! footer's « page x / n ») stops changing: the first pass asks an empty
//! introspector, so every document with a page footer is laid out twice.
//! A document of the same kind laid out before (the same header, the same
//! sections) usually has the same answers: its introspector starts the
//! loop, and when the first pass checks against its own result, that pass
//! is the last. The check is Typst's own (every question asked must get
//! the same answer from the result), so the document is the one the usual
//! loop makes; when it fails the loop goes on as Typst's does.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use typst::World;
use typst::comemo::{Constraint, Track};
use typst::diag::{SourceDiagnostic, SourceResult};
use typst::engine::{Engine, Route, Sink, Traced};
use typst::foundations::{Output, StyleChain, TargetElem};
use typst::introspection::{EmptyIntrospector, ITER_NAMES, Introspector, MAX_ITERS};
use typst::utils::Protected;
use typst_layout::PagedDocument;

/// How many layout passes Typst made in this process.
static PASSES: AtomicUsize = AtomicUsize::new(0);

/// How many layout passes Typst made in this process (one or more a
/// document laid out).
pub fn passes() -> usize {
    PASSES.load(Ordering::Relaxed)
}

/// The introspector of the last document laid out of each kind.
#[derive(Default)]
pub struct Seeds {
    last: Mutex<HashMap<u64, Arc<dyn Introspector>>>,
    /// How many layout passes were made with these seeds.
    passes: AtomicUsize,
}

/// What makes two documents of one kind: their header, the shape of their
/// sections and what the page program is asked beside them.
pub fn kind_of(data: &serde_json::Value) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    data["header"].to_string().hash(&mut hasher);
    if let Some(sections) = data["sections"].as_array() {
        for s in sections {
            (s["landscape"].as_bool(), s["recto"].as_bool()).hash(&mut hasher);
        }
    }
    data.get("numbered_later")
        .map(|v| v.to_string())
        .hash(&mut hasher);
    data.get("page_numbers").is_some().hash(&mut hasher);
    hasher.finish()
}

impl Seeds {
    /// Compiles the document of `world`, starting from the last document
    /// of kind `kind`, and keeps its introspector for the next one.
    pub fn compile(&self, world: &dyn World, kind: u64) -> SourceResult<PagedDocument> {
        let seed = self.last.lock().ok().and_then(|m| m.get(&kind).cloned());
        let document = compile(world, seed.as_deref(), &self.passes).map_err(deduplicate)?;
        if let Ok(mut last) = self.last.lock() {
            last.insert(kind, document.introspector().clone());
        }
        Ok(document)
    }

    /// How many layout passes were made with these seeds.
    pub fn passes(&self) -> usize {
        self.passes.load(Ordering::Relaxed)
    }
}

/// `typst::compile` for a paged document, its first pass asking `seed`
/// instead of an empty introspector (warnings left out: the renderer does
/// not show them).
fn compile(
    world: &dyn World,
    seed: Option<&dyn Introspector>,
    passes: &AtomicUsize,
) -> SourceResult<PagedDocument> {
    let world = world.track();
    let traced = Traced::default();
    let traced = traced.track();
    let mut sink = Sink::new();
    let library = world.library();
    let base = StyleChain::new(&library.styles);
    let target = TargetElem::target.set(PagedDocument::target()).wrap();
    let styles = base.chain(&target);
    let main = world.source(world.main()).map_err(|e| {
        typst::ecow::eco_vec![SourceDiagnostic::error(
            typst::syntax::Span::detached(),
            e.to_string()
        )]
    })?;
    let content = typst_eval::eval(
        world,
        library,
        traced,
        sink.track_mut(),
        Route::default().track(),
        &main,
    )?
    .content();

    let empty = EmptyIntrospector;
    let mut history: Vec<PagedDocument> = Vec::with_capacity(MAX_ITERS);
    loop {
        let _scope = typst_timing::TimingScope::new(ITER_NAMES[history.len()]);
        let introspector: &dyn Introspector = match history.last() {
            Some(previous) => previous.introspector().as_ref(),
            None => seed.unwrap_or(&empty),
        };
        let constraint = Constraint::new();
        let mut subsink = Sink::new();
        let mut engine = Engine {
            library,
            world,
            introspector: Protected::new(introspector.track_with(&constraint)),
            traced,
            sink: subsink.track_mut(),
            route: Route::default(),
        };
        PASSES.fetch_add(1, Ordering::Relaxed);
        passes.fetch_add(1, Ordering::Relaxed);
        let document = PagedDocument::create(&mut engine, &content, styles)?;
        if constraint.validate(document.introspector().as_ref() as &dyn Introspector)
            || history.len() + 1 == MAX_ITERS
        {
            sink.extend_from_sink(subsink);
            let delayed = sink.delayed();
            if !delayed.is_empty() {
                return Err(delayed);
            }
            return Ok(document);
        }
        history.push(document);
    }
}

/// Each error once, as `typst::compile` gives them.
fn deduplicate(
    errors: typst::ecow::EcoVec<SourceDiagnostic>,
) -> typst::ecow::EcoVec<SourceDiagnostic> {
    let mut seen = std::collections::HashSet::new();
    errors
        .into_iter()
        .filter(|e| seen.insert((e.span, e.message.clone())))
        .collect()
}

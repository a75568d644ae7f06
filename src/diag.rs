//! Diagnostics: what is wrong in a session file, where, and what to do.
//!
//! Errors are values carried up to one place ([`Report::render`]) that
//! prints them the way rustc does, in French, with annotate-snippets.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde_saphyr::Location;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Stops generation: a document would be wrong or unlawful.
    Error,
    /// Printed; generation goes on.
    Warning,
}

/// Where in the file a diagnostic points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 1-based line.
    pub line: u64,
    /// 1-based column.
    pub column: u64,
    /// Byte range in the source text, when known.
    pub bytes: Option<(usize, usize)>,
}

impl Place {
    /// The place of a value read by serde-saphyr (`None` if unknown).
    pub fn of(location: &Location) -> Option<Place> {
        if location.line() == 0 {
            return None;
        }
        let span = location.span();
        let bytes = span.byte_offset().map(|start| {
            let len = span.byte_len().unwrap_or(0).max(1);
            (start as usize, start as usize + len as usize)
        });
        Some(Place {
            line: location.line(),
            column: location.column(),
            bytes,
        })
    }
}

/// One finding about the session file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The YAML path of the value, such as `candidats[3].jury[1]`.
    pub path: String,
    /// What is wrong, in one French sentence.
    pub message: String,
    /// What to do, when there is something to say.
    pub help: Option<String>,
    pub place: Option<Place>,
}

impl Diagnostic {
    /// An error at `place`.
    pub fn error(
        path: impl Into<String>,
        place: Option<Place>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
            help: None,
            place,
        }
    }

    /// A warning at `place`.
    pub fn warning(
        path: impl Into<String>,
        place: Option<Place>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, place, message)
        }
    }

    /// Adds what to do.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The line number, for tests and sorting.
    pub fn line(&self) -> Option<u64> {
        self.place.map(|p| p.line)
    }
}

/// All the findings about one file, with its text for the excerpts.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Renders every finding and the closing count, as printed on a terminal.
    pub fn render(&self, file_name: &str, source: &str, color: bool) -> String {
        let mut out = self.render_findings(file_name, source, color);
        out.push_str(&self.summary(file_name));
        out.push('\n');
        out
    }

    /// Renders every finding, without the closing count.
    pub fn render_findings(&self, file_name: &str, source: &str, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&render_one(&renderer, d, file_name, source));
            out.push_str("\n\n");
        }
        out
    }

    /// "session.yaml : 2 erreurs, 1 avertissement."
    pub fn summary(&self, file_name: &str) -> String {
        let (e, w) = (self.errors(), self.warnings());
        if e == 0 && w == 0 {
            format!("{file_name}\u{a0}: aucune erreur, aucun avertissement.")
        } else {
            format!(
                "{file_name}\u{a0}: {}, {}.",
                crate::fr::count(e, "erreur", "erreurs"),
                crate::fr::count(w, "avertissement", "avertissements")
            )
        }
    }
}

fn render_one(renderer: &Renderer, d: &Diagnostic, file_name: &str, source: &str) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR.with_name("erreur\u{a0}"),
        Severity::Warning => Level::WARNING.with_name("avertissement\u{a0}"),
    };
    let title = if d.path.is_empty() {
        d.message.clone()
    } else {
        format!("{}\u{a0}: {}", d.path, d.message)
    };
    let mut group = Group::with_title(level.primary_title(title));
    if let Some(place) = d.place {
        let range = place
            .bytes
            .filter(|(s, e)| *s <= *e && *e <= source.len())
            .or_else(|| byte_range_of(source, place))
            .map(|(s, e)| widen_to_char_boundary(source, s, e));
        match range {
            Some((start, end)) => {
                // Only the lines of the excerpt go to the renderer: a report
                // of thousands of findings stays fast on a large file.
                let first = source[..start].rfind('\n').map_or(0, |i| i + 1);
                let last = source[end..].find('\n').map_or(source.len(), |i| end + i);
                let line = usize::try_from(place.line).unwrap_or(1);
                group = group.element(
                    Snippet::source(&source[first..last])
                        .path(file_name)
                        .line_start(line)
                        .annotation(AnnotationKind::Primary.span(start - first..end - first)),
                );
            }
            None => {
                group = group.element(
                    Level::NOTE
                        .with_name("à\u{a0}")
                        .message(format!("{file_name}:{}:{}", place.line, place.column)),
                );
            }
        }
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.with_name("aide\u{a0}").message(help.clone()));
    }
    renderer.render(&[group])
}

/// Finds the byte offset of a 1-based line and column (in characters).
fn byte_range_of(source: &str, place: Place) -> Option<(usize, usize)> {
    let line_start = if place.line <= 1 {
        0
    } else {
        source
            .match_indices('\n')
            .nth(usize::try_from(place.line - 2).ok()?)
            .map(|(i, _)| i + 1)?
    };
    let line = &source[line_start..];
    let line = &line[..line.find(['\r', '\n']).unwrap_or(line.len())];
    let col = usize::try_from(place.column.saturating_sub(1)).ok()?;
    let start = line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let len = rest.find([' ', ',', ']', '}']).unwrap_or(rest.len()).max(1);
    Some((
        line_start + start,
        (line_start + start + len).min(source.len()),
    ))
}

fn widen_to_char_boundary(source: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while start > 0 && !source.is_char_boundary(start) {
        start -= 1;
    }
    while end < source.len() && !source.is_char_boundary(end) {
        end += 1;
    }
    (start, end.max(start))
}

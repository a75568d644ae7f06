//! The `bench` command: production times and peak memory for fictitious
//! sessions of several sizes.

use crate::error::Error;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// A line of the benchmark's report on standard output.
macro_rules! say {
    ($($arg:tt)*) => {
        crate::stdout::print(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// Peak resident memory of this process, in KiB (Linux), for `bench`.
pub fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Set in its environment, `generate` ends with a line of figures read by
/// [`stat`]: « stats: documents=… files=… pages=… peak_kib=… layouts=… ».
pub const STATS_ENV: &str = "SESSIONDOC_STATS";

/// The figures line of a `generate` run (with [`STATS_ENV`] set).
pub fn stats_line(documents: usize, files: usize, pages: usize) -> String {
    format!(
        "stats: documents={documents} files={files} pages={pages} peak_kib={} layouts={}",
        peak_memory_kib().unwrap_or(0),
        crate::render::pdf::layouts()
    )
}

/// `generate` of `session` into `out` by the program `exe`, with its
/// figures line asked for.
pub fn generate_with_stats(exe: &Path, session: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(exe);
    command
        .arg("generate")
        .arg(session)
        .arg("-o")
        .arg(out)
        .args(extra)
        .env(STATS_ENV, "1");
    command
}

/// One figure (`key`: `pages`, `layouts`…) of the figures line in a run's
/// standard error.
pub fn stat(stderr: &str, key: &str) -> Option<f64> {
    stderr
        .lines()
        .find_map(|l| l.strip_prefix("stats: "))?
        .split_whitespace()
        .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))?
        .parse()
        .ok()
}

/// `sessiondoc bench`: the complete set for sessions of several sizes, and
/// with `before`, the same runs by another version of the program, the two
/// taking turns on each session so that a machine's drift weighs on both.
pub fn bench(sizes: &[usize], soffice: bool, before: Option<&Path>) -> Result<(), Error> {
    let exe = std::env::current_exe().map_err(|e| Error::Io(e.to_string()))?;
    let dir = tempfile::tempdir()
        .map_err(|_| Error::Io("impossible de créer un dossier temporaire".to_owned()))?;
    // (label, program, folder suffix): the other version first.
    let programs: Vec<(&str, &Path, &str)> = before
        .map(|b| ("avant", b, "-avant"))
        .into_iter()
        .chain([("", exe.as_path(), "")])
        .collect();
    say!(
        "candidats  version  temps (s)  documents  fichiers  pages  documents/s  pages/s  mémoire max (Mio)"
    );
    // The run LibreOffice is compared on: the size closest to 60 candidates.
    let compared = sizes.iter().copied().min_by_key(|n| n.abs_diff(60));
    let reference = sizes.iter().copied().min_by_key(|n| n.abs_diff(240));
    let mut ours = None;
    for &n in sizes {
        let session = dir.path().join(format!("session-{n}.yaml"));
        std::fs::write(&session, crate::example::large_session(n))
            .map_err(|e| Error::Io(format!("{}\u{a0}: {e}", session.display())))?;
        for &(label, program, suffix) in &programs {
            let out = dir.path().join(format!("out-{n}{suffix}"));
            let run = timed_generate(program, &session, &out, &[]).ok_or_else(|| {
                Error::Refused(format!(
                    "la production de la session de {n} candidats a échoué"
                ))
            })?;
            say!(
                "{n:>9}  {label:>7}  {:>9.2}  {:>9}  {:>8}  {:>5}  {:>11.1}  {:>7.1}  {:>17.0}",
                run.seconds,
                run.documents,
                run.files,
                run.pages,
                run.documents / run.seconds,
                run.pages / run.seconds,
                run.peak_kib / 1024.0
            );
            if Some(n) == compared && label.is_empty() {
                ours = Some((n, out, run.pages / run.seconds));
            }
        }
    }
    // A re-run after one change, and one document alone, on the session
    // closest to 240 candidates.
    if let Some(n) = reference {
        let session = dir.path().join(format!("session-{n}.yaml"));
        let text = std::fs::read_to_string(&session).unwrap_or_default();
        let changed = text.replacen(
            "intitule: Entretien technique\n",
            "intitule: Entretien technique et questionnement\n",
            1,
        );
        let changed_session = dir.path().join(format!("session-{n}-modifiee.yaml"));
        if std::fs::write(&changed_session, changed).is_ok() {
            for &(label, program, suffix) in &programs {
                let out = dir.path().join(format!("out-{n}{suffix}"));
                if let Some(run) = timed_generate(program, &changed_session, &out, &[]) {
                    say!(
                        "un créneau modifié ({n} candidats{})\u{a0}: {:.2} s, {} documents refaits, les autres gardés tels quels",
                        suffix_label(label),
                        run.seconds,
                        run.documents
                    );
                }
            }
        }
        for &(label, program, suffix) in &programs {
            let one = dir.path().join(format!("un-pv{suffix}"));
            if let Some(run) = timed_generate(
                program,
                &session,
                &one,
                &["--only", "pv-individuel", "--candidat", "c00000"],
            ) {
                say!(
                    "un PV individuel seul{}\u{a0}: {:.3} s",
                    suffix_label(label),
                    run.seconds
                );
            }
        }
    }
    plan_timing();
    if soffice
        && let Some((n, out, our_rate)) = ours
        && let Some(rate) = compare_with_soffice(&out, dir.path())
    {
        say!(
            "rapport ({n} candidats)\u{a0}: sessiondoc produit {:.0} fois plus de pages par seconde, PDF et DOCX compris, que LibreOffice n'en convertit de DOCX en PDF",
            our_rate / rate
        );
    }
    Ok(())
}

/// « , avant » after a figure of the other version, nothing after ours.
fn suffix_label(label: &str) -> String {
    if label.is_empty() {
        String::new()
    } else {
        format!(", {label}")
    }
}

/// Times `planifier` on the sessions of `exemple --a-planifier`: 60
/// candidates (6 jurors, 5 days), 120 (12 jurors, 5 days), 240 (16
/// jurors, 10 days).
fn plan_timing() {
    for n in [60, 120, 240] {
        let text = crate::example::unplanned::sized_session(n);
        let source = crate::load::Source::from_text("planifier.yaml", &text);
        let (Ok(session), Ok(labels)) = (crate::load::parse(&source), crate::planner::labels())
        else {
            return;
        };
        let started = Instant::now();
        let planned = crate::planner::propose(&session, &labels);
        let seconds = started.elapsed().as_secs_f64();
        if let Ok(p) = planned {
            say!(
                "planifier ({n} candidats, {} jurés, {} jours)\u{a0}: {:.3} s, {} créneaux",
                session.jures.value.len(),
                crate::planner::session_days(&session).len(),
                seconds,
                p.slots.len()
            );
        }
    }
}

/// One `generate` run, timed, with the figures it reports.
struct Run {
    seconds: f64,
    documents: f64,
    files: f64,
    pages: f64,
    peak_kib: f64,
}

/// Runs `generate` on a session into `out` and reads its figures.
fn timed_generate(exe: &Path, session: &Path, out: &Path, extra: &[&str]) -> Option<Run> {
    let started = Instant::now();
    let run = generate_with_stats(exe, session, out, extra)
        .output()
        .ok()?;
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&run.stderr);
    if !run.status.success() {
        eprintln!("{stderr}");
        return None;
    }
    let stat = |key: &str| stat(&stderr, key).unwrap_or(0.0);
    Some(Run {
        seconds,
        documents: stat("documents"),
        files: stat("files"),
        pages: stat("pages"),
        peak_kib: stat("peak_kib"),
    })
}

/// Times LibreOffice converting every DOCX of a run to PDF, in one batch,
/// and returns its pages per second (the pages from the run's manifest).
fn compare_with_soffice(out: &Path, tmp: &Path) -> Option<f64> {
    let manifest = crate::output::previous_manifest(out)?;
    let docx: Vec<_> = manifest
        .documents
        .iter()
        .filter(|e| e.format == crate::output::Format::Docx)
        .collect();
    let pages: usize = docx.iter().map(|e| e.pages).sum();
    let started = Instant::now();
    let status = Command::new("soffice")
        .arg("--headless")
        .arg("--convert-to")
        .arg("pdf")
        .arg("--outdir")
        .arg(tmp.join("soffice"))
        .args(docx.iter().map(|e| out.join(&e.path)))
        .output();
    let elapsed = started.elapsed().as_secs_f64();
    match status {
        Ok(s) if s.status.success() => {
            let rate = pages as f64 / elapsed;
            say!(
                "LibreOffice (soffice --convert-to pdf, les {} DOCX en un lot, {pages} pages)\u{a0}: {elapsed:.2} s, {:.1} documents/s, {rate:.1} pages/s",
                docx.len(),
                docx.len() as f64 / elapsed
            );
            Some(rate)
        }
        _ => {
            say!("LibreOffice (soffice) n'est pas disponible\u{a0}: comparaison impossible.");
            None
        }
    }
}

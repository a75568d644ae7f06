//! Property: whatever a fixture is mutated into, loading and checking it
//! never panics — it is accepted or answered with diagnostics.
//!
//! The mutations are deterministic (a fixed xorshift), so a failure is
//! reproducible. `SESSIONDOC_MUTATIONS=N` runs more of them (the default
//! keeps the test suite quick); a failing input is written to the system's
//! temporary folder.

use std::panic;

use sessiondoc::load::{Source, parse};

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens that a hurried hand or a bad export puts into YAML.
const TOKENS: &[&str] = &[
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "tous",
    "\"",
    "'",
    "#",
    "\n",
    "  ",
    "\t",
    "08:30",
    "2027-02-30",
    "99:99",
    "null",
    "~",
    "-1",
    "reussite",
    "CP-000000",
    "lejeune",
    "s105",
    "!!binary",
    "<<: *a",
    "|",
    ">",
];

fn mutate(text: &str, rng: &mut XorShift) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = bytes.len().max(1);
        match rng.below(6) {
            0 => {
                let i = rng.below(len);
                if i < bytes.len() {
                    bytes[i] = rng.next() as u8;
                }
            }
            1 => {
                let start = rng.below(len);
                let end = (start + rng.below(200)).min(bytes.len());
                bytes.drain(start.min(end)..end);
            }
            2 => {
                let at = rng.below(len).min(bytes.len());
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            _ => {
                // Line-level: delete, duplicate or swap whole lines.
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let mut lines: Vec<&str> = text.split('\n').collect();
                let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                match rng.below(3) {
                    0 => {
                        lines.remove(a);
                    }
                    1 => lines.insert(a, lines[b]),
                    _ => lines.swap(a, b),
                }
                bytes = lines.join("\n").into_bytes();
            }
        }
    }
    bytes
}

#[test]
fn mutated_fixtures_never_make_load_or_check_panic() {
    let iterations: usize = std::env::var("SESSIONDOC_MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1500);
    let fixtures = [
        include_str!("../fixtures/secretaire-comptable.yaml"),
        include_str!("../fixtures/ccp-paie-fraude.yaml"),
        include_str!("../fixtures/tsmi-avant-session.yaml"),
    ];
    let mut rng = XorShift(0x5e55_10d0_c0ff_ee01);
    let (mut accepted, mut refused) = (0usize, 0usize);
    for i in 0..iterations {
        let input = mutate(fixtures[i % fixtures.len()], &mut rng);
        let Ok(text) = String::from_utf8(input.clone()) else {
            refused += 1; // not UTF-8: refused before parsing, see tests/hostile.rs
            continue;
        };
        let outcome = panic::catch_unwind(|| {
            let source = Source::from_text("mutation.yaml", &text);
            match parse(&source) {
                Ok(session) => {
                    let findings = sessiondoc::check::check(&session);
                    let report = sessiondoc::diag::Report {
                        diagnostics: findings,
                    };
                    let _ = report.render("mutation.yaml", &source.text, false);
                    Ok(())
                }
                Err(d) => {
                    let report = sessiondoc::diag::Report {
                        diagnostics: vec![d],
                    };
                    Err(report.render("mutation.yaml", &source.text, false))
                }
            }
        });
        match outcome {
            Ok(Ok(())) => accepted += 1,
            Ok(Err(shown)) => {
                // A refusal is explained, at a place in the file. Checked
                // here, out of `catch_unwind`: a failed check is not a panic.
                assert!(
                    shown.contains("erreur") && shown.contains("mutation.yaml"),
                    "mutation {i} refused without an explanation:\n{shown}"
                );
                refused += 1;
            }
            Err(_) => {
                let path = std::env::temp_dir().join(format!("sessiondoc-mutation-{i}.yaml"));
                let _ = std::fs::write(&path, &input);
                panic!(
                    "mutation {i} made load or check panic; input kept in {}",
                    path.display()
                );
            }
        }
    }
    eprintln!("{iterations} mutations: {accepted} accepted, {refused} refused, no panic");
    assert!(
        refused > 0 && accepted > 0,
        "mutations both accepted ({accepted}) and refused ({refused})"
    );
}

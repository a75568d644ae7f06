//! `sessiondoc check` on hostile inputs: cut, random, wrongly encoded,
//! malicious or huge files. The program never panics, never hangs, and
//! answers an invalid file with exit status 1 and a French message naming
//! the problem.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXE: &str = env!("CARGO_BIN_EXE_sessiondoc");
const LIMIT: Duration = Duration::from_secs(10);

/// What one run of `sessiondoc check` gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

impl Run {
    fn describe(&self, what: &str) -> String {
        format!(
            "{what}: exit {} in {:?}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.code, self.elapsed, self.stdout, self.stderr
        )
    }
}

/// Runs `sessiondoc check <path>`, killing it after [`LIMIT`]; asserts that
/// it neither panicked nor was killed, and exited 0 or 1.
fn check(path: &Path, what: &str) -> Run {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out_path, err_path) = (dir.path().join("stdout"), dir.path().join("stderr"));
    let started = Instant::now();
    let mut child = Command::new(EXE)
        .arg("check")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).unwrap())
        .stderr(File::create(&err_path).unwrap())
        .env("NO_COLOR", "1")
        .spawn()
        .expect("sessiondoc runs");
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {LIMIT:?}, killed");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let elapsed = started.elapsed();
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
    let run = Run {
        code: status.code().unwrap_or(-1),
        stdout: read(&out_path),
        stderr: read(&err_path),
        elapsed,
    };
    assert!(
        status.code().is_some(),
        "{}",
        run.describe(&format!("{what}: killed by a signal ({status})"))
    );
    assert!(
        run.code == 0 || run.code == 1,
        "{}",
        run.describe(&format!("{what}: exit status neither 0 nor 1"))
    );
    assert!(
        !run.stderr.contains("panicked") && !run.stdout.contains("panicked"),
        "{}",
        run.describe(what)
    );
    run
}

/// Checks a file that must be rejected: exit 1, an `erreur` line, and each
/// of `keywords` in the message.
fn rejected(path: &Path, what: &str, keywords: &[&str]) -> Run {
    let run = check(path, what);
    assert_eq!(run.code, 1, "{}", run.describe(what));
    assert!(run.stderr.contains("erreur"), "{}", run.describe(what));
    for k in keywords {
        assert!(
            run.stderr.contains(k),
            "{}",
            run.describe(&format!("{what}: {k:?} missing"))
        );
    }
    run
}

/// Checks a file that must be accepted: exit 0, no error (a warning may
/// be said).
fn accepted(path: &Path, what: &str) -> Run {
    let run = check(path, what);
    assert_eq!(run.code, 0, "{}", run.describe(what));
    assert!(
        run.stderr.contains("aucune erreur") || run.stderr.contains(": 0 erreur,"),
        "{}",
        run.describe(what)
    );
    run
}

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).expect("fixture")
}

/// Writes `bytes` to `name` in `dir`.
fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

/// `text` with its single occurrence of `from` replaced by `to`.
fn broken(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    text.replacen(from, to, 1)
}

/// A fixed xorshift64 generator: the same bytes on every run.
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
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SC: &str = "secretaire-comptable.yaml";

// ---------------------------------------------------------------- cut files

#[test]
fn the_fixture_cut_at_every_line_is_handled() {
    let text = fixture(SC);
    let dir = tempfile::tempdir().unwrap();
    let mut cuts: Vec<usize> = vec![0];
    cuts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let mut accepted_cuts = 0;
    for (n, &cut) in cuts.iter().enumerate() {
        let path = write(dir.path(), &format!("cut-{n}.yaml"), &text[..cut]);
        let what = format!("cut after line {n} (byte {cut})");
        let run = check(&path, &what);
        if run.code == 1 {
            assert!(run.stderr.contains("erreur"), "{}", run.describe(&what));
        } else {
            accepted_cuts += 1;
        }
        // A cut before the first key says the file is empty.
        if text[..cut]
            .lines()
            .all(|l| l.trim().is_empty() || l.starts_with('#'))
        {
            assert_eq!(run.code, 1, "{}", run.describe(&what));
            assert!(run.stderr.contains("vide"), "{}", run.describe(&what));
        }
        // A cut before `planning:` lacks a required key.
        if !text[..cut].contains("planning:") {
            assert_eq!(run.code, 1, "{}", run.describe(&what));
        }
    }
    // The whole file at least; cuts between slots may be valid too.
    assert!(accepted_cuts >= 1, "{accepted_cuts}");
}

#[test]
fn the_fixture_cut_at_byte_offsets_is_handled() {
    let text = fixture(SC);
    let bytes = text.as_bytes();
    let dir = tempfile::tempdir().unwrap();
    // 50 offsets spread over the file, and one inside each of the first
    // multibyte characters (é, è, ô, —, «).
    let mut offsets: Vec<usize> = (1..=50).map(|k| k * bytes.len() / 51).collect();
    let mut inside = 0;
    for (i, c) in text.char_indices() {
        if c.len_utf8() > 1 && inside < 12 {
            offsets.push(i + 1);
            inside += 1;
        }
    }
    assert!(offsets.iter().any(|&o| !text.is_char_boundary(o)));
    for (n, &cut) in offsets.iter().enumerate() {
        let path = write(dir.path(), &format!("bytes-{n}.yaml"), &bytes[..cut]);
        let what = format!("cut at byte {cut}");
        if text.is_char_boundary(cut) {
            let run = check(&path, &what);
            if run.code == 1 {
                assert!(run.stderr.contains("erreur"), "{}", run.describe(&what));
            }
        } else {
            // The last character is cut in the middle: not UTF-8.
            rejected(&path, &what, &["UTF-8"]);
        }
    }
}

// ---------------------------------------------------------------- random bytes

#[test]
fn random_byte_files_are_handled() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for n in 0..20 {
        let len = 1 + rng.below(4096) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let path = write(dir.path(), &format!("random-{n}.yaml"), &bytes);
        let what = format!("random file {n} ({len} bytes)");
        let run = rejected(&path, &what, &[]);
        if std::str::from_utf8(&bytes).is_err() {
            assert!(run.stderr.contains("UTF-8"), "{}", run.describe(&what));
        }
    }
}

#[test]
fn random_yaml_punctuation_files_are_handled() {
    // Valid UTF-8 made of what YAML reacts to, to reach the parser.
    const ALPHABET: &[&str] = &[
        "[",
        "]",
        "{",
        "}",
        ":",
        " ",
        " ",
        "  ",
        "\n",
        "\n  ",
        "- ",
        ",",
        "&a ",
        "*a",
        "!",
        "|",
        ">",
        "'",
        "\"",
        "#",
        "?",
        "%",
        "@",
        "`",
        "\t",
        "---\n",
        "...\n",
        "centre",
        "candidats",
        "é",
        "«",
        "0",
        "12:30",
        "tous",
        "\\",
        "~",
        "null",
        "<<: ",
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut rng = XorShift(0x0123_4567_89AB_CDEF);
    for n in 0..20 {
        let len = 1 + rng.below(2000) as usize;
        let text: String = (0..len)
            .map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize])
            .collect();
        let path = write(dir.path(), &format!("punct-{n}.yaml"), &text);
        rejected(&path, &format!("YAML punctuation file {n}"), &[]);
    }
}

// ---------------------------------------------------------------- files that are not sessions

#[test]
fn empty_file_is_rejected_as_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.yaml", b"");
    rejected(&path, "empty file", &["vide"]);
    let path = write(dir.path(), "blank.yaml", b"\n   \n\n");
    rejected(&path, "blank file", &["vide"]);
    let path = write(
        dir.path(),
        "comments.yaml",
        b"# une session\n\n  # rien d'autre\n",
    );
    rejected(&path, "comments only", &["vide"]);
}

#[test]
fn directory_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    rejected(dir.path(), "a directory", &["dossier"]);
}

#[test]
fn missing_file_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.yaml");
    rejected(&path, "a missing file", &["introuvable", "absent.yaml"]);
}

#[test]
fn latin1_file_is_rejected_as_not_utf8() {
    let text = fixture(SC);
    let dir = tempfile::tempdir().unwrap();

    // « é » as the single byte 0xE9, the rest left as it is.
    let bytes: Vec<u8> = text
        .replace('é', "\u{1}")
        .bytes()
        .map(|b| if b == 1 { 0xE9 } else { b })
        .collect();
    let first = bytes.iter().position(|&b| b == 0xE9).unwrap();
    let line = bytes[..first].iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = bytes[..first]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = std::str::from_utf8(&bytes[line_start..first])
        .unwrap()
        .chars()
        .count()
        + 1;
    let path = write(dir.path(), "latin1-e.yaml", &bytes);
    let run = rejected(
        &path,
        "é in Latin-1",
        &["UTF-8", &format!("ligne {line}, colonne {column}")],
    );
    // No excerpt of a text that could not be read (it would show line 1,
    // column 1).
    assert!(
        !run.stderr.contains("latin1-e.yaml:"),
        "{}",
        run.describe("é in Latin-1")
    );

    // The whole fixture in Latin-1 (characters outside it as « ? »).
    let latin1: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    let path = write(dir.path(), "latin1.yaml", &latin1);
    rejected(&path, "Latin-1 file", &["UTF-8", "Latin-1"]);
}

#[test]
fn utf8_with_bom_and_crlf_line_endings_is_accepted() {
    let text = fixture(SC);
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bom-crlf.yaml",
        format!("\u{feff}{}", text.replace('\n', "\r\n")),
    );
    accepted(&path, "BOM and CRLF");
    let path = write(dir.path(), "bom.yaml", format!("\u{feff}{text}"));
    accepted(&path, "BOM");
    let path = write(dir.path(), "crlf.yaml", text.replace('\n', "\r\n"));
    accepted(&path, "CRLF");
}

#[test]
fn an_error_in_a_crlf_file_is_reported_at_its_line() {
    let text = fixture(SC).replace('\n', "\r\n");
    let text = broken(
        &text,
        "habilitation_fin: 2027-09-30",
        "habilitation_fin: 2027-01-01",
    );
    let line = text[..text.find("2027-01-01").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "crlf-error.yaml", &text);
    rejected(
        &path,
        "CRLF with an error",
        &[&format!(":{line}:"), "habilitation"],
    );
}

// ---------------------------------------------------------------- malicious YAML

/// Nine levels of nine aliases: 9^9 strings once expanded.
fn billion_laughs() -> String {
    let mut y = String::from(
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    let mut prev = 'a';
    for level in "bcdefghi".chars() {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        y.push_str(&format!("{level}: &{level} [{refs}]\n"));
        prev = level;
    }
    y
}

#[test]
fn anchor_bomb_is_rejected_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = billion_laughs();
    let path = write(dir.path(), "bomb.yaml", &bomb);
    let run = rejected(&path, "billion laughs", &[]);
    assert!(
        run.elapsed < Duration::from_secs(3),
        "{}",
        run.describe("bomb")
    );

    // The same bomb under a key that is read: `centre.adresse`, a list.
    let text = fixture(SC);
    let inner: String = bomb
        .lines()
        .map(|l| format!("    - {}\n", l.split_once(": ").unwrap().1))
        .collect();
    let text = broken(
        &text,
        "  adresse:\n    - 12 rue de Beuzeville\n    - Équeurdreville-Hainneville\n    - 50120 Cherbourg-en-Cotentin\n",
        &format!("  adresse:\n{inner}"),
    );
    let path = write(dir.path(), "bomb-inside.yaml", &text);
    let run = rejected(&path, "billion laughs in centre.adresse", &[]);
    assert!(
        run.elapsed < Duration::from_secs(3),
        "{}",
        run.describe("bomb")
    );

    // Aliases past the limit (1 000): said to expand too much.
    let many = format!(
        "  adresse:\n    - &x 12 rue de Beuzeville\n{}",
        "    - *x\n".repeat(1500)
    );
    let text = broken(
        &fixture(SC),
        "  adresse:\n    - 12 rue de Beuzeville\n",
        &many,
    );
    let path = write(dir.path(), "aliases.yaml", &text);
    rejected(&path, "1 500 aliases", &["alias"]);
}

#[test]
fn an_anchor_reused_by_many_candidates_is_accepted() {
    // A plain use of YAML: the pair written once, reused by 300 candidates.
    let text = session_yaml(300, true);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "anchors.yaml", &text);
    accepted(&path, "300 candidates sharing one `*binome`");
}

#[test]
fn deep_nesting_is_rejected_as_too_deep() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("brackets", "[".repeat(100_000)),
        ("braces", "{".repeat(100_000)),
        ("mixed", format!("centre: {}", "[{a: ".repeat(50_000))),
        (
            "closed",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        ),
    ] {
        let path = write(dir.path(), &format!("{name}.yaml"), &text);
        let run = rejected(&path, name, &[]);
        assert!(
            run.stderr.contains("trop profond") || run.stderr.contains("on attend"),
            "{}",
            run.describe(name)
        );
    }
    let path = write(dir.path(), "nested.yaml", "[".repeat(100_000));
    rejected(&path, "100 000 [", &["trop profond"]);
    // Block indentation, 200 levels, under a real key.
    let deep: String = (0..200)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i + 1)))
        .collect();
    let path = write(dir.path(), "indented.yaml", format!("centre:\n{deep}"));
    rejected(&path, "200 indented levels", &[]);
}

#[test]
fn a_list_where_a_block_is_expected_is_rejected() {
    let text = broken(
        &fixture(SC),
        "centre:\n  nom: Centre de formation Côte Ouest\n  site: Site de Cherbourg-en-Cotentin\n  adresse:\n    - 12 rue de Beuzeville\n    - Équeurdreville-Hainneville\n    - 50120 Cherbourg-en-Cotentin\n  ville: Cherbourg-en-Cotentin\n  telephone: \"02 33 00 12 34\"\n  email: examens@cote-ouest.example.fr\n",
        "centre: [a, b]\n",
    );
    let line = text[..text.find("centre: [a, b]").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "list.yaml", &text);
    rejected(
        &path,
        "centre: [a, b]",
        &["bloc de clés", &format!(":{line}:")],
    );
}

#[test]
fn duplicate_keys_are_rejected() {
    let text = broken(
        &fixture(SC),
        "  nom: GARNIER\n",
        "  nom: GARNIER\n  nom: GARNIER\n",
    );
    let line = text
        .find("  nom: GARNIER\n  nom: GARNIER")
        .map(|i| text[..i].matches('\n').count() + 2)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "dup.yaml", &text);
    rejected(
        &path,
        "duplicate key",
        &["« nom » est écrite deux fois", &format!(":{line}:")],
    );
}

#[test]
fn other_oddities_are_rejected_in_french() {
    let text = fixture(SC);
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, String, &[&str])> = vec![
        (
            "tab",
            broken(&text, "  nom: GARNIER", "\tnom: GARNIER"),
            &["tabulations"],
        ),
        (
            "two documents",
            format!("{text}\n---\n{text}"),
            &["plusieurs documents"],
        ),
        ("a scalar", "bonjour\n".to_owned(), &[]),
        ("a list", "- a\n- b\n".to_owned(), &[]),
        (
            "a null byte",
            broken(&text, "  nom: GARNIER", "  nom: GAR\0NIER"),
            &[],
        ),
        (
            "an unknown alias",
            broken(&text, "  nom: GARNIER", "  nom: *personne"),
            &["ancre"],
        ),
        (
            "a huge line",
            format!("{text}\n# {}\n", "x".repeat(5_000_000)),
            &[],
        ),
    ];
    for (what, content, keywords) in cases {
        let path = write(dir.path(), "odd.yaml", &content);
        let run = check(&path, what);
        if what == "a huge line" {
            // Only a comment was added: still a valid session.
            assert_eq!(run.code, 0, "{}", run.describe(what));
            continue;
        }
        assert_eq!(run.code, 1, "{}", run.describe(what));
        for k in keywords {
            assert!(
                run.stderr.contains(k),
                "{}",
                run.describe(&format!("{what}: {k}"))
            );
        }
    }
}

// ---------------------------------------------------------------- size

/// A titre session of `n` candidates, valid: 100 rooms, one 5-minute final
/// interview per candidate (100 per room in a day), no jurors in the slots
/// so the one pair is never in two places. With `anchors`, the pair is
/// written once (`&binome`) and reused (`*binome`).
fn session_yaml(n: usize, anchors: bool) -> String {
    use std::fmt::Write as _;
    let rooms = 100;
    let mut y = String::with_capacity(n * 400 + 4096);
    y.push_str(
        "centre:\n  nom: Centre d'essai\n  site: Site principal\n  adresse: [1 rue de l'Essai, 75001 Paris]\n  ville: Paris\n\
autorite:\n  nom: DDETS de Paris\n  adresse: [2 rue de l'Administration, 75002 Paris]\n\
titre:\n  code: TP-00402\n  intitule: Secrétaire comptable\n  ccp:\n    - code: CP-002498\n      intitule: Assister une équipe\n    - code: CP-002499\n      intitule: Traiter les opérations administratives\n\
session:\n  numero: \"900002\"\n  nature: titre\n  debut: 2027-03-01\n  fin: 2027-03-02\n  convocation:\n    date: 2027-01-15\n    mode: recommande\n\
responsable:\n  civilite: Mme\n  nom: GARNIER\n  prenom: Sophie\n\
jures:\n  - id: lejeune\n    civilite: Mme\n    nom: LEJEUNE\n    prenom: Claire\n    habilitation_fin: 2030-06-30\n  - id: moreau\n    civilite: M.\n    nom: MOREAU\n    prenom: Patrick\n    habilitation_fin: 2030-06-30\n\
salles:\n  - id: accueil\n    nom: Hall\n",
    );
    for r in 0..rooms {
        let _ = writeln!(y, "  - id: s{r:03}\n    nom: Salle {r}");
    }
    y.push_str("candidats:\n");
    for i in 1..=n {
        let jury = match (anchors, i) {
            (false, _) => "[lejeune, moreau]",
            (true, 1) => "&binome [lejeune, moreau]",
            (true, _) => "*binome",
        };
        let _ = writeln!(
            y,
            "  - id: c{i:05}\n    civilite: Mme\n    nom: NOM{i}\n    prenom: Camille\n    identifiant: \"{}\"\n    voie: formation\n    adresse:\n      - {i} rue des Essais\n      - 75010 Paris\n    jury: {jury}",
            3_000_000 + i
        );
    }
    y.push_str(
        "planning:\n  - date: 2027-03-01\n    debut: \"07:00\"\n    fin: \"07:30\"\n    nature: accueil\n    intitule: Accueil des candidats\n    salle: accueil\n    candidats: tous\n",
    );
    for i in 1..=n {
        let (room, rank) = ((i - 1) % rooms, (i - 1) / rooms);
        let (day, rank) = (1 + rank / 100, rank % 100);
        let start = 8 * 60 + rank * 5;
        let _ = writeln!(
            y,
            "  - date: 2027-03-0{day}\n    debut: \"{:02}:{:02}\"\n    fin: \"{:02}:{:02}\"\n    nature: entretien_final\n    intitule: Entretien final\n    salle: s{room:03}\n    candidats: [c{i:05}]",
            start / 60,
            start % 60,
            (start + 5) / 60,
            (start + 5) % 60
        );
    }
    y
}

#[test]
fn ten_thousand_candidates_are_checked_without_fault() {
    let text = session_yaml(10_000, false);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "big.yaml", &text);
    let run = check(&path, "10 000 candidates");
    assert!(
        run.elapsed < Duration::from_secs(8),
        "{}",
        run.describe("10 000 candidates: too slow")
    );
    assert_eq!(run.code, 0, "{}", run.describe("10 000 candidates"));
    assert!(
        // The one warning: no official règlement named.
        run.stderr.contains("0 erreur, 1 avertissement"),
        "{}",
        run.describe("10 000 candidates")
    );
}

#[test]
fn a_thousand_clashing_slots_are_reported_once_each_in_under_two_seconds() {
    // Every final interview in the same room at the same time: each slot is
    // reported once (with the first slot it overlaps), not once per pair.
    let y = all_in_one_room(&session_yaml(1_000, false));
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "clash.yaml", &y);
    let run = check(&path, "1 000 candidates in one room");
    assert_eq!(run.code, 1, "{}", run.describe("clash"));
    assert!(
        run.stderr.contains("la salle « s000 »"),
        "{}",
        run.describe("clash")
    );
    assert!(
        run.stderr.contains(": 999 erreurs, 1 avertissement."),
        "{}",
        run.describe("clash")
    );
    assert!(
        run.elapsed < Duration::from_secs(2),
        "{}",
        run.describe("clash: too slow")
    );
}

/// Every final interview of a [`session_yaml`] moved to room s000 at 08:00.
fn all_in_one_room(text: &str) -> String {
    let mut y = String::with_capacity(text.len());
    for line in text.lines() {
        let line = if line.starts_with("    salle: s") {
            "    salle: s000"
        } else if line.starts_with("    debut: \"0") && !line.contains("07:00") {
            "    debut: \"08:00\""
        } else if line.starts_with("    fin: \"0") && !line.contains("07:30") {
            "    fin: \"08:05\""
        } else {
            line
        };
        y.push_str(line);
        y.push('\n');
    }
    y
}

#[test]

fn ten_thousand_findings_are_printed_in_under_ten_seconds() {
    let y = all_in_one_room(&session_yaml(10_000, false));
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "clash.yaml", &y);
    let run = check(&path, "10 000 candidates in one room");
    assert_eq!(run.code, 1, "{}", run.describe("clash"));
    assert!(
        run.stderr.contains(" erreurs, ") && run.stderr.matches("erreur\u{a0}: ").count() > 9_000,
        "{}",
        run.describe("clash")
    );
}

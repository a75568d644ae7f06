//! User text is data, output is reproducible, and the output folder is safe.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::*;
use sessiondoc::compose::Kind;

const INJECTION: &str = "injection-balisage.yaml";

fn sessiondoc(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn generate_into(session: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "generate",
        session.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    sessiondoc(&args)
}

/// Every file of a folder with its bytes, sorted by path.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                files.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn markup_in_user_text_prints_as_typed_in_both_formats() {
    let files = produce(INJECTION, &[Kind::PvIndividuel, Kind::PvSession]);
    let (pdf, docx) = texts(pairs(&files, "pv-individuel", Some("bernard"))[0]);
    for typed in [
        "#PANIC(\"X\")",
        "{{ 7*7 }}",
        "*a* _b_ $x$ @ref <label> \\\\ C:\\dossier\\n -- fin {% raw %} <w:t>x</w:t> ]] #set page(width: 1cm)",
        "Centre <b>gras</b> & {{ 7*7 }} #panic(\"x\")",
    ] {
        assert_both_contain(&pdf, &docx, typed);
    }
    assert_neither_contains(&pdf, &docx, "& 49");
    assert_neither_contains(&pdf, &docx, "Prénom : 49");
    let (pdf, docx) = texts(pairs(&files, "pv-session", None)[0]);
    assert_both_contain(&pdf, &docx, "#PANIC(\"X\") {{ 7*7 }}");
}

#[test]
fn the_same_session_gives_byte_identical_files() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture("secretaire-comptable.yaml");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert!(generate_into(&session, &a, &[]).status.success());
    assert!(generate_into(&session, &b, &[]).status.success());
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert!(sa.len() > 20, "a complete set: {}", sa.len());
    assert_eq!(sa.len(), sb.len());
    for ((pa, ba), (pb, bb)) in sa.iter().zip(&sb) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{pa} differs between two runs");
    }
}

#[test]
fn manifest_lists_every_file_with_its_sha256() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(
        generate_into(&fixture("secretaire-comptable.yaml"), &out, &[])
            .status
            .success()
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["session"], "375846");
    let docs = manifest["documents"].as_array().unwrap();
    for &kind in Kind::ALL {
        if kind == Kind::RapportFraude {
            continue; // this session had no fraud
        }
        if kind == Kind::Annulation {
            continue; // nobody was convened before
        }
        let name = kind.name();
        for format in ["pdf", "docx"] {
            assert!(
                docs.iter()
                    .any(|d| d["kind"] == name && d["format"] == format),
                "{name} in {format} is listed"
            );
        }
    }
    for d in docs {
        let bytes = std::fs::read(out.join(d["path"].as_str().unwrap())).unwrap();
        assert_eq!(
            d["sha256"].as_str().unwrap(),
            sessiondoc::output::sha256_hex(&bytes)
        );
        // A calendar beside a convocation has no pages.
        let pages = d["pages"].as_u64().unwrap();
        if d["format"] == "ics" {
            assert_eq!(pages, 0, "{d}");
        } else {
            assert!(pages >= 1, "{d}");
        }
    }
}

#[test]
fn an_edited_file_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let session = dir.path().join("session.yaml");
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap();
    std::fs::write(&session, &text).unwrap();
    assert!(
        generate_into(&session, &out, &["--only", "pv-session"])
            .status
            .success()
    );
    let edited = out.join("pv-session.docx");
    std::fs::write(&edited, b"edited by hand").unwrap();
    std::fs::write(out.join("notes.txt"), b"mine").unwrap();
    // What the PV says changes: it would be rendered again.
    std::fs::write(
        &session,
        text.replace("numero: \"375846\"", "numero: \"375847\""),
    )
    .unwrap();
    let before = snapshot(&out);

    let run = generate_into(&session, &out, &["--only", "pv-session"]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("pv-session.docx") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(snapshot(&out), before, "nothing changed");

    let run = generate_into(&session, &out, &["--only", "pv-session", "--force"]);
    assert!(run.status.success());
    assert_ne!(std::fs::read(&edited).unwrap(), b"edited by hand");
    assert_eq!(
        std::fs::read(out.join("notes.txt")).unwrap(),
        b"mine",
        "other files untouched"
    );
}

#[test]
fn a_regenerated_unchanged_file_is_replaced_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let session = fixture("ccp-paie-fraude.yaml");
    assert!(
        generate_into(&session, &out, &["--only", "rapport-fraude"])
            .status
            .success()
    );
    assert!(
        generate_into(&session, &out, &["--only", "rapport-fraude"])
            .status
            .success()
    );
}

/// The identity of each file of a folder (a rewritten file is a new one).
fn inodes(dir: &Path) -> std::collections::BTreeMap<String, u64> {
    use std::os::unix::fs::MetadataExt;
    snapshot(dir)
        .into_iter()
        .map(|(rel, _)| {
            let ino = std::fs::metadata(dir.join(&rel)).unwrap().ino();
            (rel, ino)
        })
        .collect()
}

#[test]
fn a_rerun_redoes_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let session = dir.path().join("session.yaml");
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap();
    std::fs::write(&session, &text).unwrap();
    let run = generate_into(&session, &out, &[]);
    assert!(run.status.success());
    // « 53 documents (111 fichiers, 120 pages) produits… »
    let said = String::from_utf8_lossy(&run.stderr);
    let produced = said
        .lines()
        .find_map(|l| l.split_once(" documents ("))
        .map(|(n, _)| n.trim().to_owned())
        .expect("the run says how many documents it produced");
    let first = inodes(&out);

    // Nothing changed: nothing is rendered or rewritten but the manifest.
    let run = generate_into(&session, &out, &[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    let kept =
        format!("0 document (0 fichier, 0 page) produit, {produced} inchangés gardés tels quels");
    assert!(stderr.contains(&kept), "{stderr}");
    let second = inodes(&out);
    assert_eq!(second.len(), first.len());
    for (rel, ino) in &first {
        if rel != "manifest.json" {
            assert_eq!(second[rel], *ino, "{rel} not rewritten");
        }
    }

    // One slot renamed (Mme AMRANI's final interview): her letter and the
    // documents that list the slot are redone, nobody else's.
    let changed = text.replacen(
        "    nature: entretien_final\n    intitule: Entretien final\n",
        "    nature: entretien_final\n    intitule: Entretien final avec le jury\n",
        1,
    );
    assert_ne!(changed, text);
    std::fs::write(&session, &changed).unwrap();
    let run = generate_into(&session, &out, &[]);
    assert!(run.status.success());
    let third = inodes(&out);
    for rel in [
        "convocations/convocation-amrani.pdf",
        "affichage.pdf",
        "convocations-lot.pdf",
        // Her jurors' convocations list the slot, and their calendars too.
        "convocations-jures/convocation-jure-lejeune.pdf",
        "convocations-jures/convocation-jure-lejeune.ics",
    ] {
        assert_ne!(third[rel], second[rel], "{rel} redone");
    }
    for rel in [
        "convocations/convocation-bernard.pdf",
        "pv-individuels/pv-individuel-amrani.pdf",
        "attestations/attestation-presence-nguyen.docx",
        "pv-session.pdf",
        "convocations-jures/convocation-jure-dupont.ics",
    ] {
        assert_eq!(third[rel], second[rel], "{rel} kept as it was");
    }
    let letter = std::fs::read(out.join("convocations/convocation-amrani.pdf")).unwrap();
    assert!(pdf_text(&letter).contains("Entretien final avec le jury"));
    // The manifest still lists every file, each with its sha256.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let documents = manifest["documents"].as_array().unwrap();
    // Every file but the manifest and the table of contents (index.html).
    assert_eq!(documents.len(), first.len() - 2);
    for d in documents {
        let bytes = std::fs::read(out.join(d["path"].as_str().unwrap())).unwrap();
        assert_eq!(
            d["sha256"].as_str().unwrap(),
            sessiondoc::output::sha256_hex(&bytes)
        );
    }
}

#[test]
fn an_invalid_session_leaves_the_folder_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(
        generate_into(
            &fixture("secretaire-comptable.yaml"),
            &out,
            &["--only", "echeancier"]
        )
        .status
        .success()
    );
    let before = snapshot(&out);
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap();
    let broken = dir.path().join("broken.yaml");
    std::fs::write(
        &broken,
        text.replace("jury: [lejeune, moreau]", "jury: [lejeune, moreauu]"),
    )
    .unwrap();
    let run = generate_into(&broken, &out, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("moreauu"));
    assert_eq!(snapshot(&out), before);
    // Nothing is left beside the folder either.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".sessiondoc"))
        .collect();
    assert!(leftovers.is_empty());
}

/// The secretaire-comptable session in a new folder, its centre's logo
/// the file `logo` beside it (not written here).
fn session_with_logo(logo: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap();
    let session = dir.path().join("logo.yaml");
    let with_logo = text.replace(
        "  ville: Cherbourg-en-Cotentin\n",
        &format!("  ville: Cherbourg-en-Cotentin\n  logo: {logo}\n"),
    );
    assert_ne!(with_logo, text);
    std::fs::write(&session, with_logo).unwrap();
    (dir, session)
}

#[test]
fn a_png_logo_heads_both_formats_in_its_own_proportions() {
    let (dir, session) = session_with_logo("logo.png");
    // 40 × 10 pixels.
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/common/logo.png"),
        dir.path().join("logo.png"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let run = generate_into(&session, &out, &["--only", "echeancier,convocation"]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let docx = std::fs::read(out.join("echeancier.docx")).unwrap();
    let header = common::docx_part(&docx, "word/header1.xml");
    assert!(
        header.contains(r#"<wp:extent cx="1584000" cy="396000""#),
        "{header}"
    );
    // Beside the centre's name, as in the PDF, not above it: one row of
    // two cells.
    assert_eq!(header.matches("<w:tc>").count(), 2, "{header}");
    assert!(header.find("headerlogo") < header.find("Centre de formation"));
    // The header keeps to the top margin in Word and LibreOffice: the
    // longest convocation has as many pages there as in the PDF.
    let letter = out.join("convocations/convocation-diallo");
    let converted = dir.path().join("lo");
    libreoffice_to_pdf(
        &[letter.with_extension("docx")],
        &converted,
        &dir.path().join("profil"),
    );
    let pages = |pdf: &Path| pdf_pages(&std::fs::read(pdf).unwrap());
    assert_eq!(
        pages(&converted.join("convocation-diallo.pdf")),
        pages(&letter.with_extension("pdf"))
    );
    let images = Command::new("pdfimages")
        .arg("-list")
        .arg(out.join("echeancier.pdf"))
        .output()
        .expect("pdfimages (poppler-utils) is installed");
    let list = String::from_utf8_lossy(&images.stdout);
    assert!(
        list.lines().skip(2).any(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            cols.get(3..5) == Some(&["40", "10"][..])
        }),
        "{list}"
    );
}

#[test]
fn an_svg_logo_is_drawn_for_the_docx_and_an_unreadable_one_refused() {
    let (dir, session) = session_with_logo("logo.svg");
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="40" height="40" fill="#1d4e89"/><text x="46" y="26" font-size="16">AFPA</text></svg>"##;
    std::fs::write(dir.path().join("logo.svg"), svg).unwrap();
    let out = dir.path().join("out");
    let run = generate_into(&session, &out, &["--only", "echeancier"]);
    assert_eq!(run.status.code(), Some(0));
    let docx = std::fs::read(out.join("echeancier.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let mut png = Vec::new();
    std::io::Read::read_to_end(
        &mut zip.by_name("word/media/headerlogo.png").unwrap(),
        &mut png,
    )
    .unwrap();
    assert_eq!(
        imagesize::image_type(&png).ok(),
        Some(imagesize::ImageType::Png)
    );
    let header = common::docx_part(&docx, "word/header1.xml");
    // Three times as wide as high, as the SVG.
    assert!(
        header.contains(r#"<wp:extent cx="1188000" cy="396000""#),
        "{header}"
    );

    std::fs::write(dir.path().join("logo.svg"), "<svg width=").unwrap();
    let out = dir.path().join("out2");
    let run = generate_into(&session, &out, &[]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("logo.yaml:"), "{stderr}");
    assert!(stderr.contains("est illisible"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn a_missing_logo_is_a_clear_error_and_writes_nothing() {
    let (dir, session) = session_with_logo("absent.png");
    let out = dir.path().join("out");
    let run = generate_into(&session, &out, &[]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("logo") && stderr.contains("introuvable"),
        "{stderr}"
    );
    assert!(!out.exists());
    std::fs::write(dir.path().join("absent.png"), b"not an image").unwrap();
    let run = generate_into(&session, &out, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("PNG"));
    assert!(!out.exists());
}

#[test]
fn an_unwritable_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let run = generate_into(
        &fixture("secretaire-comptable.yaml"),
        &file.join("out"),
        &["--only", "echeancier"],
    );
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("impossible"));
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}

#[test]
fn init_writes_a_session_that_checks_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.yaml");
    assert!(
        sessiondoc(&["init", file.to_str().unwrap()])
            .status
            .success()
    );
    assert!(
        sessiondoc(&["check", file.to_str().unwrap()])
            .status
            .success()
    );
    std::fs::write(&file, "mine").unwrap();
    assert_eq!(
        sessiondoc(&["init", file.to_str().unwrap()]).status.code(),
        Some(1)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn echeancier_command_marks_past_deadlines() {
    let out = sessiondoc(&[
        "echeancier",
        fixture("secretaire-comptable.yaml").to_str().unwrap(),
        "--aujourdhui",
        "2026-12-20",
    ]);
    assert!(out.status.success());
    let text = normalize(&String::from_utf8_lossy(&out.stdout));
    assert!(text.contains("passée vendredi 11 décembre 2026"), "{text}");
    assert!(text.contains("mercredi 27 janvier 2027"), "{text}");
    assert!(!text.contains("passée mercredi 27 janvier 2027"), "{text}");
}

#[test]
fn the_command_line_speaks_french() {
    for args in [
        &["--help"][..],
        &["generate", "--help"],
        &["changements", "--help"],
    ] {
        let out = sessiondoc(args);
        assert!(out.status.success());
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains("Utilisation : sessiondoc"), "{help}");
        assert!(help.contains("Affiche cette aide"), "{help}");
        for english in [
            "Usage",
            "Print help",
            "Commands",
            "[default",
            "possible values",
        ] {
            assert!(!help.contains(english), "«{english}» in:\n{help}");
        }
    }
    let out = sessiondoc(&["generat"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("erreur\u{a0}: commande inconnue « generat »"),
        "{stderr}"
    );
    assert!(stderr.contains("sessiondoc --help"), "{stderr}");
}

#[test]
fn usage_lines_and_usage_errors_are_french_and_complete() {
    for args in [
        &["init", "--help"][..],
        &["generate", "--help"],
        &["importer", "--help"],
    ] {
        let help = String::from_utf8_lossy(&sessiondoc(args).stdout).into_owned();
        for english in ["[OPTIONS]", "[FILE]", "<FILE>"] {
            assert!(!help.contains(english), "«{english}» in:\n{help}");
        }
    }
    let help = String::from_utf8_lossy(&sessiondoc(&["generate", "--help"]).stdout).into_owned();
    assert!(
        help.contains("Utilisation : sessiondoc generate [options] <SESSION>"),
        "{help}"
    );
    let stderr = |args: &[&str]| {
        let out = sessiondoc(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    // Alone, it names every command a user can call.
    let alone = stderr(&[]);
    let listed = alone
        .split("indiquez une commande\u{a0}: ")
        .nth(1)
        .unwrap_or_default();
    let help = String::from_utf8_lossy(&sessiondoc(&["--help"]).stdout).into_owned();
    let commands: Vec<&str> = help
        .split("Commandes\u{a0}:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("    "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(commands.len() >= 7, "{help}");
    for command in commands {
        assert!(listed.contains(command), "{command} not in {alone}");
    }
    let no_value = stderr(&["generate", "x.yaml", "--format"]);
    assert!(
        no_value.contains("il manque la valeur de --format"),
        "{no_value}"
    );
    assert!(!no_value.contains("«  »"), "{no_value}");
    let no_value = stderr(&["generate", "x.yaml", "--output"]);
    assert!(
        no_value.contains("il manque la valeur de --output"),
        "{no_value}"
    );
    assert!(!no_value.contains("valeurs possibles"), "{no_value}");
    let extra = stderr(&["check", "a.yaml", "b.yaml"]);
    assert!(extra.contains("argument en trop « b.yaml »"), "{extra}");
    assert!(!extra.contains("option"), "{extra}");
    // The command's own usage line and help, not the program's.
    assert!(
        extra.contains("Utilisation\u{a0}: sessiondoc check <SESSION>\nPour l'aide\u{a0}: sessiondoc check --help"),
        "{extra}"
    );
    let session_as_list = stderr(&["importer", "liste.xlsx", "session.yaml"]);
    assert!(
        session_as_list.contains("--session <SESSION.yaml> <LISTE>"),
        "{session_as_list}"
    );
}

#[test]
fn system_and_parser_messages_are_french() {
    let dir = tempfile::tempdir().unwrap();
    let out = sessiondoc(&["init", dir.path().join("absent/x.yaml").to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(said.contains("fichier ou dossier introuvable"), "{said}");
    assert!(!said.contains("os error"), "{said}");
    for (yaml, french) in [
        ("centre:\n\tnom: x\n", "une tabulation"),
        ("centre: \"abc\n", "guillemets ouverts ne sont pas refermés"),
        ("centre: @x\n", "caractère inattendu"),
        ("centre:\n  nom: \"a\"b\n", "du texte suit les guillemets"),
    ] {
        let path = dir.path().join("s.yaml");
        std::fs::write(&path, yaml).unwrap();
        let out = sessiondoc(&["check", path.to_str().unwrap()]);
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(said.contains(french), "{yaml:?}: {said}");
        for english in [
            "disallowed",
            "unclosed",
            "unexpected",
            "trailing",
            "character",
        ] {
            assert!(!said.contains(english), "{yaml:?}: {said}");
        }
    }
}

#[test]
fn wrong_usage_exits_with_2() {
    assert_eq!(sessiondoc(&["generate"]).status.code(), Some(2));
    assert_eq!(sessiondoc(&["nimporte"]).status.code(), Some(2));
}

#[test]
fn an_interrupted_run_leaves_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("grande.yaml");
    // Large enough that rendering lasts well after the signal is sent.
    assert!(
        sessiondoc(&["exemple", "--candidats", "300", session.to_str().unwrap()])
            .status
            .success()
    );
    let out = dir.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
        .args([
            "generate",
            session.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let staging = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".sessiondoc"))
            .count()
    };
    // The signal is sent once rendering has begun: the staging folder exists.
    let waited = std::time::Instant::now();
    while staging() == 0 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before it could be interrupted"
        );
        assert!(waited.elapsed().as_secs() < 120, "rendering never began");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the run ended before it could be interrupted"
    );
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let finished = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&finished.stderr);
    assert_eq!(
        finished.status.code(),
        Some(1),
        "the run was not interrupted: {stderr}"
    );
    assert!(stderr.contains("production interrompue"), "{stderr}");
    assert_eq!(staging(), 0, "no staging folder left behind");
    assert!(!out.exists(), "an interrupted run creates no output folder");
}

#[test]
fn a_full_disk_is_a_clear_error_and_writes_nothing() {
    // A file size limit stands for a full disk: writes fail part-way.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let script = format!(
        "ulimit -f 100; exec '{}' generate '{}' -o '{}'",
        env!("CARGO_BIN_EXE_sessiondoc"),
        fixture("secretaire-comptable.yaml").display(),
        out.display()
    );
    let run = Command::new("bash").arg("-c").arg(script).output().unwrap();
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("fichier trop grand") && stderr.contains(&out.display().to_string()),
        "{stderr}"
    );
    assert!(!out.exists());
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 0, "no staging folder left behind");
}

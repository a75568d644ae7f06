//! Every rule of `check`, and the load errors of `parse`: each test takes a
//! valid fixture, breaks it with one precise replacement, and checks the
//! severity, the French message, the YAML path and the line (found in the
//! broken text, never hard-coded).

use sessiondoc::check::check;
use sessiondoc::diag::{Diagnostic, Severity};
use sessiondoc::load::{Source, parse};
use sessiondoc::model::{Session, Time};

const SC: &str = "secretaire-comptable.yaml";
const CCP: &str = "ccp-paie-fraude.yaml";
const TSMI: &str = "tsmi-avant-session.yaml";

// ---------------------------------------------------------------- helpers

/// The reference session's aménagement, a plain text that says extra time:
/// a warning of its own (`extra_time_written_as_plain_text_is_a_warning`).
const PLAIN_EXTRA_TIME: &str = "    amenagement: Tiers-temps supplémentaire sur l'épreuve écrite (avis médical du 12/10/2026)\n";
/// What the other tests read in its place, so that each finds only its own
/// finding.
const PLAIN_AMENAGEMENT: &str =
    "    amenagement: Épreuve écrite en salle du rez-de-chaussée (avis médical du 12/10/2026)\n";

/// The text of a fixture as it is.
fn fixture_as_is(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text of a fixture, its aménagement saying no extra time.
fn fixture(name: &str) -> String {
    fixture_as_is(name).replacen(PLAIN_EXTRA_TIME, PLAIN_AMENAGEMENT, 1)
}

/// How many times `needle` occurs in `text` (overlapping occurrences too).
fn occurrences(text: &str, needle: &str) -> usize {
    (0..text.len())
        .filter(|&i| text.is_char_boundary(i) && text[i..].starts_with(needle))
        .count()
}

/// `text` with the single occurrence of `from` replaced by `to`; panics if
/// `from` is absent or ambiguous, so a test never breaks the wrong place.
fn broken(text: &str, from: &str, to: &str) -> String {
    let n = occurrences(text, from);
    assert_eq!(
        n, 1,
        "{from:?} occurs {n} times in the fixture, expected once"
    );
    let out = text.replacen(from, to, 1);
    assert_ne!(out, text, "replacing {from:?} changed nothing");
    out
}

/// A fixture broken by one replacement.
fn fixture_broken(name: &str, from: &str, to: &str) -> String {
    broken(&fixture(name), from, to)
}

/// 1-based line and column (in characters) of `token`, searched inside the
/// single occurrence of `context` in `text`.
fn position(text: &str, context: &str, token: &str) -> (u64, u64) {
    assert_eq!(
        occurrences(text, context),
        1,
        "{context:?} must occur exactly once in the text"
    );
    let start = text.find(context).unwrap();
    let offset = start
        + context
            .find(token)
            .unwrap_or_else(|| panic!("{token:?} is not in {context:?}"));
    let before = &text[..offset];
    let line = before.matches('\n').count() as u64 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() as u64 + 1;
    (line, column)
}

/// Parses the text, panicking with the load error if it does not load.
fn session(text: &str) -> Session {
    let source = Source::from_text("session.yaml", text);
    parse(&source).unwrap_or_else(|d| panic!("the text does not load: {d:#?}"))
}

/// Parses and checks.
fn diagnostics(text: &str) -> Vec<Diagnostic> {
    check(&session(text))
}

/// The load error of a text that must not load.
fn load_error(text: &str) -> Diagnostic {
    let source = Source::from_text("session.yaml", text);
    match parse(&source) {
        Ok(_) => panic!("the text loads, a load error was expected"),
        Err(d) => {
            assert_eq!(d.severity, Severity::Error);
            d
        }
    }
}

fn count(diags: &[Diagnostic], severity: Severity) -> usize {
    diags.iter().filter(|d| d.severity == severity).count()
}

/// The one diagnostic at `path` whose message contains `part`; checks its
/// severity and that it points at `token` inside `context`.
fn expect<'a>(
    text: &str,
    diags: &'a [Diagnostic],
    severity: Severity,
    path: &str,
    part: &str,
    (context, token): (&str, &str),
) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.path == path && d.message.contains(part))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one diagnostic at {path} containing {part:?}, got {}:\n{diags:#?}",
        found.len()
    );
    let d = found[0];
    assert_eq!(d.severity, severity, "{d:#?}");
    let (line, column) = position(text, context, token);
    let place = d.place.unwrap_or_else(|| panic!("no place for {d:#?}"));
    assert_eq!(
        (place.line, place.column),
        (line, column),
        "wrong place for {d:#?}"
    );
    assert_eq!(d.line(), Some(line));
    assert_french_colons(d);
    if let Some((start, end)) = place.bytes {
        assert!(start < end && end <= text.len(), "bad byte range {d:#?}");
        let (l, _) = line_col_of_byte(text, start);
        assert_eq!(l, line, "byte range on another line than the place: {d:#?}");
    }
    d
}

fn line_col_of_byte(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() as u64 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() as u64 + 1)
}

/// The text of the error and warning counts, and nothing else wrong.
fn assert_counts(diags: &[Diagnostic], errors: usize, warnings: usize) {
    assert_eq!(
        (
            count(diags, Severity::Error),
            count(diags, Severity::Warning)
        ),
        (errors, warnings),
        "{diags:#?}"
    );
}

/// Checks a load error: its message, and its line (column too when given).
fn expect_load_error(text: &str, part: &str, (context, token): (&str, &str)) -> Diagnostic {
    let d = load_error(text);
    assert!(d.message.contains(part), "{part:?} not in {d:#?}");
    let (line, _) = position(text, context, token);
    assert_eq!(d.line(), Some(line), "wrong line for {d:#?}");
    assert_french_colons(&d);
    d
}

/// A colon in a message or its help takes a no-break space before it, as
/// in French; « : » (the character itself, quoted) aside.
fn assert_french_colons(d: &Diagnostic) {
    for text in std::iter::once(&d.message).chain(&d.help) {
        let unquoted = text.replace("« : »", "");
        assert!(
            !unquoted.contains(" :"),
            "plain space before a colon: {text:?}"
        );
    }
}

// ---------------------------------------------------------------- fixtures

#[test]
fn the_three_fixtures_give_no_error_and_no_warning() {
    for name in [SC, CCP, TSMI] {
        let diags = diagnostics(&fixture(name));
        assert!(diags.is_empty(), "{name}: {diags:#?}");
    }
}

#[test]
fn fixtures_with_a_bom_and_crlf_line_endings_give_the_same_lines() {
    let text = fixture(SC);
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    assert!(diagnostics(&crlf).is_empty());
    let context = "8 allée des Tilleuls\r\n      - 50100 Cherbourg-en-Cotentin\r\n    jury: [lejeune, moreauu]";
    let broken = broken(
        &crlf,
        "8 allée des Tilleuls\r\n      - 50100 Cherbourg-en-Cotentin\r\n    jury: [lejeune, moreau]",
        context,
    );
    let diags = diagnostics(&broken);
    // Places are in the text without its byte-order mark, as `Source` keeps it.
    let without_bom = broken.strip_prefix('\u{feff}').unwrap();
    let d = expect(
        without_bom,
        &diags,
        Severity::Error,
        "candidats[0].jury[1]",
        "« moreauu » n'existe pas",
        (context, "moreauu"),
    );
    // Same line and column as in the LF fixture.
    let lf = without_bom.replace("\r\n", "\n");
    let (line, column) = position(&lf, &context.replace("\r\n", "\n"), "moreauu");
    assert_eq!(d.place.map(|p| (p.line, p.column)), Some((line, column)));
    let (start, end) = d.place.unwrap().bytes.unwrap();
    assert_eq!(&without_bom[start..end], "moreauu");
}

// ---------------------------------------------------------------- structure

#[test]
fn ids_that_are_not_slugs_are_an_error() {
    let text = fixture_broken(
        SC,
        "salles:\n",
        "salles:\n  - id: Salle B\n    nom: Salle bis\n",
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "salles[0].id",
        "l'identifiant « Salle B » contient des caractères non permis",
        ("id: Salle B", "Salle B"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn an_accented_id_is_not_a_slug() {
    let text = fixture_broken(
        SC,
        "    nom: Salle d'entretien 106\n",
        "    nom: Salle d'entretien 106\n  - id: salle-é\n    nom: Salle accentuée\n",
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "salles[4].id",
        "« salle-é » contient des caractères non permis",
        ("id: salle-é", "salle-é"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn a_title_code_without_its_format_is_an_error() {
    let text = fixture_broken(SC, "code: TP-00402", "code: TP-402");
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "titre.code",
        "le code du titre « TP-402 » n'a pas le format attendu",
        ("code: TP-402", "TP-402"),
    );
    assert!(d.help.as_deref().unwrap().contains("TP-NNNNN"));
    assert_counts(&diags, 1, 0);
}

#[test]
fn a_ccp_code_without_its_format_is_an_error() {
    let text = fixture_broken(TSMI, "- code: CP-009003", "- code: CP9003");
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "titre.ccp[2].code",
        "le code de CCP « CP9003 » n'a pas le format attendu",
        ("code: CP9003", "CP9003"),
    );
    assert!(d.help.as_deref().unwrap().contains("CP-NNNNNN"));
    assert_counts(&diags, 1, 0);
}

#[test]
fn a_duplicate_id_is_an_error_at_the_second_one() {
    let text = fixture_broken(
        SC,
        "    nom: Salle d'entretien 106\n",
        "    nom: Salle d'entretien 106\n  - id: s204\n    nom: Salle informatique bis\n",
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "salles[4].id",
        "l'identifiant « s204 » est déjà utilisé par salles[1]",
        ("- id: s204\n    nom: Salle informatique bis", "s204"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn two_candidates_with_the_same_identifiant_are_an_error() {
    let text = fixture_broken(SC, "identifiant: \"1801015\"", "identifiant: \"1801008\"");
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[1].identifiant",
        "le candidat « bernard » a le même N° candidat (identifiant) « 1801008 » que « amrani »",
        ("- id: bernard", "bernard"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn a_birth_date_before_1900_or_after_the_session_is_an_error() {
    for (date, shown) in [("0091-11-02", "02/11/0091"), ("2027-02-01", "01/02/2027")] {
        let text = fixture_broken(
            SC,
            "date_naissance: 2001-11-02",
            &format!("date_naissance: {date}"),
        );
        let diags = diagnostics(&text);
        expect(
            &text,
            &diags,
            Severity::Error,
            "candidats[1].date_naissance",
            &format!("la date de naissance du candidat « bernard » ({shown}) est impossible"),
            ("- id: bernard", "bernard"),
        );
        assert_counts(&diags, 1, 0);
    }
}

#[test]
fn a_duplicate_juror_id_is_an_error() {
    let text = fixture_broken(
        SC,
        "    habilitation_fin: 2027-12-31\n",
        "    habilitation_fin: 2027-12-31\n  - id: moreau\n    civilite: M.\n    nom: MOREL\n    prenom: Paul\n    habilitation_fin: 2029-12-31\n",
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "jures[4].id",
        "« moreau » est déjà utilisé par jures[1]",
        ("- id: moreau\n    civilite: M.\n    nom: MOREL", "moreau"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn unknown_juror_in_a_candidate_pair_is_an_error() {
    let context = "      - 8 allée des Tilleuls\n      - 50100 Cherbourg-en-Cotentin\n    jury: [lejeune, moreauu]";
    let text = fixture_broken(
        SC,
        "      - 8 allée des Tilleuls\n      - 50100 Cherbourg-en-Cotentin\n    jury: [lejeune, moreau]",
        context,
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[0].jury[1]",
        "le juré « moreauu » n'existe pas",
        (context, "moreauu"),
    );
    let help = d.help.as_deref().unwrap();
    assert!(help.contains("jurés connus"), "{help}");
    assert!(help.contains("lejeune, moreau, dupont, haddad"), "{help}");
    assert_counts(&diags, 1, 0);
}

#[test]
fn unknown_room_in_a_slot_is_an_error() {
    let context = "    salle: s204\n    candidats: tous";
    let text = fixture_broken(SC, context, "    salle: s205\n    candidats: tous");
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "planning[1].salle",
        "la salle « s205 » n'existe pas",
        ("salle: s205", "s205"),
    );
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("accueil, s204, s105, s106")
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn unknown_candidate_juror_or_surveillant_in_a_slot_is_an_error() {
    let text = fixture_broken(
        SC,
        "    salle: s106\n    candidats: [lefevre]\n    jures: [dupont, haddad]\n  - date: 2027-01-12\n    debut: \"12:00\"",
        "    salle: s106\n    candidats: [lefevbre]\n    jures: [dupont, hadad]\n    surveillants: [petitt]\n  - date: 2027-01-12\n    debut: \"12:00\"",
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "planning[16].candidats[0]",
        "le candidat « lefevbre » n'existe pas",
        ("[lefevbre]", "lefevbre"),
    );
    expect(
        &text,
        &diags,
        Severity::Error,
        "planning[16].jures[1]",
        "le juré « hadad » n'existe pas",
        ("[dupont, hadad]", "hadad"),
    );
    expect(
        &text,
        &diags,
        Severity::Error,
        "planning[16].surveillants[0]",
        "le surveillant « petitt » n'existe pas",
        ("[petitt]", "petitt"),
    );
}

#[test]
fn unknown_trainer_of_a_candidate_is_an_error() {
    let context = "    voie: formation\n    formateur: rochet\n    adresse:\n      - 8 allée";
    let text = fixture_broken(
        SC,
        "    voie: formation\n    formateur: roche\n    adresse:\n      - 8 allée",
        context,
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[0].formateur",
        "le formateur « rochet » n'existe pas",
        (context, "rochet"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn fraud_report_about_an_unknown_candidate_is_an_error() {
    let text = fixture_broken(CCP, "  - candidat: kone\n", "  - candidat: konee\n");
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "fraudes[0].candidat",
        "le candidat « konee » n'existe pas",
        ("candidat: konee", "konee"),
    );
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("ferreira, kone, lemoine")
    );
    // No second finding about the time of an unknown candidate.
    assert_counts(&diags, 1, 0);
}

#[test]
fn fraud_witnessed_by_everyone_or_by_an_unknown_person_is_an_error() {
    let text = fixture_broken(CCP, "constate_par: [jaouen]", "constate_par: tous");
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "fraudes[0].constate_par",
        "« tous » ne dit pas qui a constaté",
        ("constate_par: tous", "tous"),
    );
    assert_counts(&diags, 1, 0);

    let text = fixture_broken(
        CCP,
        "constate_par: [jaouen]",
        "constate_par: [jaouen, responsable, jaoen]",
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "fraudes[0].constate_par[2]",
        "le témoin « jaoen » n'est ni un surveillant",
        ("jaoen]", "jaoen"),
    );
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("jaouen, riou, caradec, responsable")
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn session_ending_before_it_starts_is_an_error() {
    let text = fixture_broken(SC, "  fin: 2027-01-12\n", "  fin: 2027-01-10\n");
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "session.fin",
        "la session finit le dimanche 10 janvier 2027 avant d'avoir commencé le lundi 11 janvier 2027",
        ("fin: 2027-01-10", "2027-01-10"),
    );
}

#[test]
fn slot_ending_before_it_starts_is_an_error() {
    let context = "    debut: \"14:00\"\n    fin: \"13:45\"\n    nature: correction";
    let text = fixture_broken(
        SC,
        "    debut: \"14:00\"\n    fin: \"17:30\"\n    nature: correction",
        context,
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "planning[4].fin",
        "finit à 13\u{a0}h\u{a0}45 avant de commencer à 14\u{a0}h\u{a0}00",
        (context, "\"13:45\""),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn slot_outside_the_session_days_is_an_error() {
    let context = "  - date: 2027-01-13\n    debut: \"08:00\"";
    let text = fixture_broken(SC, "  - date: 2027-01-11\n    debut: \"08:00\"", context);
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "planning[0].date",
        "est le mercredi 13 janvier 2027, hors des jours de la session",
        (context, "2027-01-13"),
    );
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("du lundi 11 janvier 2027 au mardi 12 janvier 2027")
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn ccp_session_without_its_ccp_is_an_error() {
    // No `ccp:` at all: the error points at `nature: ccp`.
    let text = fixture_broken(
        CCP,
        "  nature: ccp\n  ccp: [CP-002501]\n",
        "  nature: ccp\n",
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "session.ccp",
        "une session de CCP doit nommer le ou les CCP",
        ("  nature: ccp", "ccp"),
    );
    assert!(d.help.as_deref().unwrap().contains("ccp: [CP-002498]"));

    // An empty list: the error points at the list.
    let text = fixture_broken(
        CCP,
        "  nature: ccp\n  ccp: [CP-002501]\n",
        "  nature: ccp\n  ccp: []\n",
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "session.ccp",
        "une session de CCP doit nommer le ou les CCP",
        ("  nature: ccp\n  ccp: []", "["),
    );
}

#[test]
fn ccp_code_not_of_the_title_is_an_error() {
    let text = fixture_broken(
        CCP,
        "  nature: ccp\n  ccp: [CP-002501]\n",
        "  nature: ccp\n  ccp: [CP-002501, CP-002601]\n",
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "session.ccp[1]",
        "le CCP « CP-002601 » n'appartient pas au titre TP-00402",
        ("CP-002601]", "CP-002601"),
    );
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("CP-002498, CP-002499, CP-002500, CP-002501")
    );
}

#[test]
fn ccp_code_not_of_the_title_in_a_juror_restriction_or_a_result_is_an_error() {
    let text = fixture_broken(
        CCP,
        "    habilitation_fin: 2027-06-30\n",
        "    habilitation_fin: 2027-06-30\n    ccp: [CP-002501, CP-009999]\n",
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "jures[0].ccp[1]",
        "le CCP « CP-009999 » n'appartient pas au titre",
        ("CP-009999]", "CP-009999"),
    );
    assert_counts(&diags, 1, 0);

    let context = "      decision: reussite\n      ccp: [CP-002501, CP-009999]\n  - id: kone";
    let text = fixture_broken(
        CCP,
        "      decision: reussite\n      ccp: [CP-002501]\n  - id: kone",
        context,
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[0].resultat.ccp[1]",
        "le CCP « CP-009999 » n'appartient pas au titre",
        (context, "CP-009999"),
    );
    // Not also reported as "not covered by the session".
    assert_counts(&diags, 1, 0);
}

// ---------------------------------------------------------------- people

#[test]
fn fewer_than_two_jurors_is_an_error() {
    let text = fixture_broken(
        CCP,
        "  - id: caradec\n    civilite: Mme\n    nom: CARADEC\n    prenom: Soizic\n    habilitation_fin: 2028-03-31\n",
        "",
    );
    let text = text.replace("[riou, caradec]", "[riou, riou]");
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "jures",
        "la session n'a que 1 juré(s)",
        ("jures:\n  - id: riou", "- id: riou"),
    );
    assert!(d.message.contains("il en faut au moins deux"));
}

#[test]
fn candidate_with_a_single_juror_is_an_error() {
    let context = "      - 50100 Cherbourg-en-Cotentin\n    jury: [lejeune]\n    resultat:\n      decision: reussite\n      ccp: [CP-002498, CP-002499, CP-002500, CP-002501]\n\n  - id: bernard";
    let text = fixture_broken(
        SC,
        "      - 50100 Cherbourg-en-Cotentin\n    jury: [lejeune, moreau]\n    resultat:\n      decision: reussite\n      ccp: [CP-002498, CP-002499, CP-002500, CP-002501]\n\n  - id: bernard",
        context,
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[0].jury",
        "le candidat « amrani » a 1 juré(s)\u{a0}: il faut un binôme de deux jurés",
        (context, "[lejeune]"),
    );
    assert!(d.help.as_deref().unwrap().contains("[lejeune, moreau]"));
    assert_counts(&diags, 1, 0);
}

#[test]
fn pair_naming_the_same_juror_twice_is_an_error() {
    let context = "      - 50100 Cherbourg-en-Cotentin\n    jury: [moreau, moreau]\n    resultat:\n      decision: reussite\n      ccp: [CP-002498, CP-002499, CP-002500, CP-002501]\n\n  - id: bernard";
    let text = fixture_broken(
        SC,
        "      - 50100 Cherbourg-en-Cotentin\n    jury: [lejeune, moreau]\n    resultat:\n      decision: reussite\n      ccp: [CP-002498, CP-002499, CP-002500, CP-002501]\n\n  - id: bernard",
        context,
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[0].jury[1]",
        "le binôme du candidat « amrani » nomme deux fois le même juré",
        (context, "moreau]"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn juror_with_expired_accreditation_is_an_error() {
    let text = fixture_broken(
        SC,
        "habilitation_fin: 2027-09-30",
        "habilitation_fin: 2027-01-11",
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "jures[1].habilitation_fin",
        "l'habilitation de M. MOREAU Patrick prend fin le lundi 11 janvier 2027, avant le dernier jour de la session (mardi 12 janvier 2027)",
        ("habilitation_fin: 2027-01-11", "2027-01-11"),
    );
    assert!(d.help.as_deref().unwrap().contains("DDETS"));
    assert_counts(&diags, 1, 0);
}

#[test]
fn accreditation_ending_on_the_last_day_is_enough() {
    let text = fixture_broken(
        SC,
        "habilitation_fin: 2027-09-30",
        "habilitation_fin: 2027-01-12",
    );
    assert_counts(&diagnostics(&text), 0, 0);
}

#[test]
fn restricted_juror_evaluating_another_ccp_is_an_error() {
    let text = fixture_broken(
        SC,
        "    habilitation_fin: 2028-06-30\n",
        "    habilitation_fin: 2028-06-30\n    ccp: [CP-002498]\n",
    );
    let diags = diagnostics(&text);
    let context = "      - 50100 Cherbourg-en-Cotentin\n    jury: [lejeune, moreau]\n    resultat:\n      decision: reussite\n      ccp: [CP-002498, CP-002499, CP-002500, CP-002501]\n\n  - id: bernard";
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[0].jury[0]",
        "le juré « lejeune » n'est habilité que pour CP-002498 et ne peut pas évaluer CP-002499, CP-002500, CP-002501",
        (context, "lejeune"),
    );
    assert!(d.help.is_some());
    // amrani, bernard and chevalier are evaluated by lejeune.
    assert_counts(&diags, 3, 0);
}

#[test]
fn juror_restricted_to_the_ccp_of_the_session_is_fine() {
    let text = fixture_broken(
        CCP,
        "    habilitation_fin: 2027-06-30\n",
        "    habilitation_fin: 2027-06-30\n    ccp: [CP-002501]\n",
    );
    assert_counts(&diagnostics(&text), 0, 0);
}

#[test]
fn juror_who_trains_their_candidate_is_an_error() {
    // The trainer « roche » is now Patrick Moreau, also a juror (case and
    // accents do not make another person).
    let text = fixture_broken(
        SC,
        "    nom: ROCHE\n    prenom: Antoine\n",
        "    nom: Moreau\n    prenom: Pâtrick\n",
    );
    let diags = diagnostics(&text);
    let context = "      - 50100 Cherbourg-en-Cotentin\n    jury: [lejeune, moreau]\n    resultat:\n      decision: reussite\n      ccp: [CP-002498, CP-002499, CP-002500, CP-002501]\n\n  - id: bernard";
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[0].jury[1]",
        "le juré « moreau » est le formateur du candidat « amrani » et ne peut pas l'évaluer",
        (context, "moreau"),
    );
    assert!(d.help.is_some());
    // amrani, bernard, chevalier (nguyen and lefevre have another pair).
    assert_counts(&diags, 3, 0);
}

#[test]
fn surveillant_who_is_the_responsable_is_an_error() {
    let text = fixture_broken(
        SC,
        "    nom: PETIT\n    prenom: Henri\n",
        "    nom: GARNIER\n    prenom: Sophie\n",
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "surveillants[0]",
        "le surveillant « petit » est le responsable de session",
        ("  - id: petit", "petit"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn surveillant_who_is_a_trainer_is_an_error() {
    let text = fixture_broken(
        SC,
        "    nom: PETIT\n    prenom: Henri\n",
        "    nom: ROCHE\n    prenom: Antoine\n",
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "surveillants[0]",
        "le surveillant « petit » est le formateur du candidat « amrani »",
        ("  - id: petit", "petit"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn responsable_who_is_the_trainer_is_a_warning() {
    let text = fixture_broken(
        SC,
        "    nom: ROCHE\n    prenom: Antoine\n",
        "    nom: GARNIER\n    prenom: Sophie\n",
    );
    let diags = diagnostics(&text);
    let context = "    voie: formation\n    formateur: roche\n    adresse:\n      - 8 allée";
    expect(
        &text,
        &diags,
        Severity::Warning,
        "candidats[0].formateur",
        "le responsable de session est le formateur du candidat « amrani »",
        (context, "roche"),
    );
    // Said once, not once per candidate.
    assert_counts(&diags, 0, 1);
}

#[test]
fn sending_by_courriel_without_an_email_is_a_warning() {
    let context = "    prenom: Henri\n    envoi: courriel\n";
    let text = fixture_broken(SC, "    prenom: Henri\n", context);
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Warning,
        "surveillants[0].envoi",
        "le surveillant « petit » reçoit ses lettres par courriel (envoi: courriel) mais n'a pas d'adresse e-mail",
        (context, "courriel"),
    );
    let help = d.help.clone().unwrap_or_default();
    assert!(help.contains("email:"), "{help}");
    assert!(help.contains("envoi: courrier"), "{help}");
    assert!(help.contains("envoi: main_propre"), "{help}");
    assert_counts(&diags, 0, 1);
    // With an address, nothing to say.
    let with_address = broken(
        &text,
        context,
        "    prenom: Henri\n    email: h.petit@example.fr\n    envoi: courriel\n",
    );
    assert_counts(&diagnostics(&with_address), 0, 0);
}

// ---------------------------------------------------------------- timetable

/// The 08:30 interview of diallo in room s106 (planning[6]).
const DIALLO_0830: &str = "    salle: s106\n    candidats: [diallo]\n    jures: [dupont, haddad]\n  - date: 2027-01-12\n    debut: \"09:15\"";

#[test]
fn candidate_in_two_overlapping_slots_is_an_error() {
    let context = "    salle: s106\n    candidats: [amrani]\n    jures: [dupont, haddad]\n  - date: 2027-01-12\n    debut: \"09:15\"";
    let text = fixture_broken(SC, DIALLO_0830, context);
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "planning[6].candidats",
        "le candidat « amrani » est dans deux créneaux qui se chevauchent",
        (context, "amrani"),
    );
    assert!(
        d.message
            .contains("mardi 12 janvier 2027 de 8\u{a0}h\u{a0}30 à 9\u{a0}h\u{a0}15")
    );
    assert!(d.help.as_deref().unwrap().contains("planning[5]"));
    assert_counts(&diags, 1, 0);
}

#[test]
fn juror_in_two_overlapping_slots_is_an_error() {
    let context = "    salle: s106\n    candidats: [diallo]\n    jures: [dupont, lejeune]\n  - date: 2027-01-12\n    debut: \"09:15\"";
    let text = fixture_broken(SC, DIALLO_0830, context);
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "planning[6].jures",
        "le juré « lejeune » est dans deux créneaux qui se chevauchent",
        (context, "lejeune"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn surveillant_in_two_overlapping_slots_is_an_error() {
    let text = fixture_broken(
        SC,
        "    salle: s105\n    candidats: [amrani]\n    jures: [lejeune, moreau]\n  - date: 2027-01-12\n    debut: \"08:30\"",
        "    salle: s105\n    candidats: [amrani]\n    jures: [lejeune, moreau]\n    surveillants: [petit]\n  - date: 2027-01-12\n    debut: \"08:30\"",
    );
    let context = "    salle: s106\n    candidats: [diallo]\n    jures: [dupont, haddad]\n    surveillants: tous\n  - date: 2027-01-12\n    debut: \"09:15\"";
    let text = broken(&text, DIALLO_0830, context);
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "planning[6].surveillants",
        "le surveillant « petit » est dans deux créneaux qui se chevauchent",
        (context, "tous"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn room_with_two_overlapping_slots_is_an_error() {
    let context = "    salle: s105\n    candidats: [diallo]\n    jures: [dupont, haddad]\n  - date: 2027-01-12\n    debut: \"09:15\"";
    let text = fixture_broken(SC, DIALLO_0830, context);
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "planning[6].salle",
        "la salle « s105 » accueille deux créneaux qui se chevauchent",
        (context, "s105"),
    );
    assert!(d.help.as_deref().unwrap().contains("planning[5]"));
    assert_counts(&diags, 1, 0);
}

#[test]
fn three_slots_at_once_in_a_room_give_one_error_per_later_slot() {
    // The 08:30 interviews of diallo (s106) and of bernard, moved to 08:30
    // in s105, join amrani's: three slots in s105 at once.
    let text = fixture_broken(SC, DIALLO_0830, &DIALLO_0830.replace("s106", "s105"));
    let text = broken(
        &text,
        "    debut: \"09:15\"\n    fin: \"10:00\"\n    nature: entretien\n    intitule: Entretien technique\n    salle: s105\n    candidats: [bernard]\n    jures: [lejeune, moreau]",
        "    debut: \"08:30\"\n    fin: \"09:15\"\n    nature: entretien\n    intitule: Entretien technique\n    salle: s105\n    candidats: [bernard]\n    jures: [dupont, haddad, nguyen]",
    );
    let text = broken(&text, "jures: [dupont, haddad, nguyen]", "jures: [moreau]");
    let diags = diagnostics(&text);
    let rooms: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.message.starts_with("la salle"))
        .collect();
    // planning[6] and planning[7] each clash with planning[5]; the pair
    // (6, 7) is not reported a second time.
    assert_eq!(
        rooms.iter().map(|d| d.path.as_str()).collect::<Vec<_>>(),
        ["planning[6].salle", "planning[7].salle"],
        "{diags:#?}"
    );
    assert!(
        rooms
            .iter()
            .all(|d| d.help.as_deref().unwrap().contains("planning[5]"))
    );
    // moreau, in planning[5] and planning[7], is reported once.
    let moreau: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.message.contains("le juré « moreau »"))
        .collect();
    assert_eq!(moreau.len(), 1, "{diags:#?}");
    assert_eq!(moreau[0].path, "planning[7].jures");
}

#[test]
fn slots_that_only_touch_do_not_overlap() {
    // amrani ends an interview at 09:15 and starts another one at 09:15.
    let text = fixture_broken(
        SC,
        "    salle: s105\n    candidats: [bernard]\n    jures: [lejeune, moreau]\n  - date: 2027-01-12\n    debut: \"09:15\"",
        "    salle: s105\n    candidats: [amrani]\n    jures: [lejeune, moreau]\n  - date: 2027-01-12\n    debut: \"09:15\"",
    );
    assert_counts(&diagnostics(&text), 0, 0);
}

const WRITTEN: &str = "Mise en situation professionnelle (épreuve écrite sur poste informatique)";

#[test]
fn written_tests_are_taken_together() {
    // lefevre takes the collective written test on his own, on day 2.
    let context = format!(
        "    debut: \"10:00\"\n    fin: \"10:45\"\n    nature: epreuve\n    intitule: {WRITTEN}\n    salle: s106\n    candidats: [lefevre]"
    );
    let text = fixture_broken(
        SC,
        "    debut: \"10:00\"\n    fin: \"10:45\"\n    nature: entretien\n    intitule: Entretien technique\n    salle: s106\n    candidats: [lefevre]",
        &context,
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Warning,
        "planning[10].debut",
        "l'épreuve écrite « Mise en situation professionnelle (épreuve écrite sur poste informatique) » est prévue pour tous les candidats mais aussi à un autre moment",
        (&context, "\"10:00\""),
    );
    assert!(d.help.as_deref().unwrap().contains("planning[1]"));
    assert_counts(&diags, 0, 1);
}

#[test]
fn written_test_split_with_an_earlier_partial_sitting_is_a_warning() {
    // The same written test taken by lefevre alone on day 1 at 07:00,
    // *before* the collective sitting: still split.
    let context = format!(
        "  - date: 2027-01-11\n    debut: \"07:00\"\n    fin: \"07:45\"\n    nature: epreuve\n    intitule: {WRITTEN}\n    salle: s106\n    candidats: [lefevre]\n"
    );
    let text = fixture_broken(
        SC,
        "planning:\n  # Jour 1",
        &format!("planning:\n{context}  # Jour 1"),
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Warning,
        "planning[0].debut",
        "est prévue pour tous les candidats mais aussi à un autre moment",
        (&context, "\"07:00\""),
    );
    assert_counts(&diags, 0, 1);
}

#[test]
fn lunch_break_missing_is_a_warning() {
    // Day 2: the lunch pause is removed and the deliberation starts at
    // 12:00, so lejeune works 08:30 to 15:30 with no break.
    let text = fixture_broken(
        SC,
        "  - date: 2027-01-12\n    debut: \"12:00\"\n    fin: \"13:15\"\n    nature: pause\n    intitule: Pause déjeuner du jury\n  - date: 2027-01-12\n    debut: \"13:15\"",
        "  - date: 2027-01-12\n    debut: \"12:00\"",
    );
    let diags = diagnostics(&text);
    let first_slot_of_the_day = "  - date: 2027-01-12\n    debut: \"08:30\"\n    fin: \"09:15\"\n    nature: entretien\n    intitule: Entretien technique\n    salle: s105";
    let d = expect(
        &text,
        &diags,
        Severity::Warning,
        "planning[5]",
        "le mardi 12 janvier 2027, le jury travaille plus de 6 heures sans pause d'au moins 45 minutes entre 11 h 30 et 14 h 30",
        (first_slot_of_the_day, "2027-01-12"),
    );
    assert!(d.help.as_deref().unwrap().contains("nature: pause"));
    // Once for the day, not once per juror.
    assert_counts(&diags, 0, 1);
}

#[test]
fn a_slot_ending_after_six_pm_is_a_warning() {
    let context = "    debut: \"13:15\"\n    fin: \"18:30\"\n    nature: deliberation";
    let text = fixture_broken(
        SC,
        "    debut: \"13:15\"\n    fin: \"15:30\"\n    nature: deliberation",
        context,
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Warning,
        "planning[18].fin",
        "finit à 18\u{a0}h\u{a0}30, après 18 h",
        (context, "\"18:30\""),
    );
    assert_counts(&diags, 0, 1);
}

/// The reference session with Camille CHEVALIER's written extra time.
fn with_extra_time(extra: &str) -> String {
    fixture_broken(
        SC,
        PLAIN_AMENAGEMENT,
        &format!(
            "    amenagement:\n      description: Tiers-temps sur l'épreuve écrite\n      temps_supplementaire: {extra}\n"
        ),
    )
}

#[test]
fn extra_time_running_into_the_room_s_next_slot_is_an_error() {
    // 08:30–12:30 plus a third ends at 13:50; the briefing moved into the
    // same room starts at 13:30 (the lunch break in between does not count).
    let text = broken(
        &with_extra_time("tiers_temps"),
        "    intitule: Accueil et briefing du jury\n    salle: s105\n",
        "    intitule: Accueil et briefing du jury\n    salle: s204\n",
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[2].amenagement",
        "avec son temps supplémentaire, le candidat « chevalier » finit « Mise en situation professionnelle (épreuve écrite sur poste informatique) » le 11/01/2027 à 13\u{a0}h\u{a0}50, après le début du créneau suivant de la salle, « Accueil et briefing du jury » (13\u{a0}h\u{a0}30)",
        ("    amenagement:\n      description", "description"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn extra_time_that_fits_before_the_next_slot_is_fine() {
    assert!(diagnostics(&with_extra_time("tiers_temps")).is_empty());
    assert!(diagnostics(&with_extra_time("\"01:00\"")).is_empty());
}

#[test]
fn extra_time_written_as_plain_text_is_a_warning() {
    // The reference session says « Tiers-temps » in a plain sentence: no
    // end can be computed from it.
    let text = fixture_as_is(SC);
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Warning,
        "candidats[2].amenagement",
        "l'aménagement du candidat « chevalier » parle de temps supplémentaire, mais il est écrit en texte libre\u{a0}: aucun document ne donnera sa véritable heure de fin",
        ("amenagement: Tiers-temps", "Tiers-temps"),
    );
    assert!(
        d.help
            .as_deref()
            .is_some_and(|h| h.contains("temps_supplementaire\u{a0}: tiers_temps")),
        "{d:#?}"
    );
    assert_counts(&diags, 0, 1);
    // Written in the structured form, or saying no extra time: nothing.
    assert!(diagnostics(&with_extra_time("tiers_temps")).is_empty());
    assert!(diagnostics(&broken(&text, PLAIN_EXTRA_TIME, PLAIN_AMENAGEMENT)).is_empty());
}

#[test]
fn extra_time_read_as_a_number_is_a_load_error() {
    let text = with_extra_time("30");
    expect_load_error(
        &text,
        "« 30 » n'est pas un temps supplémentaire\u{a0}: écrivez « tiers_temps » ou une durée",
        ("temps_supplementaire: 30", "30"),
    );
}

#[test]
fn deliberation_before_the_last_final_interview_is_an_error() {
    // Same time as the last final interviews, in another room, by other
    // jurors: only the order of the day is wrong.
    let context = "    debut: \"11:40\"\n    fin: \"15:30\"\n    nature: deliberation\n    intitule: Délibération du jury et rédaction des procès-verbaux\n    salle: accueil\n    jures: []";
    let text = fixture_broken(
        SC,
        "    debut: \"13:15\"\n    fin: \"15:30\"\n    nature: deliberation\n    intitule: Délibération du jury et rédaction des procès-verbaux\n    salle: s105\n    jures: tous",
        context,
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "planning[18].debut",
        "la délibération commence (mardi 12 janvier 2027 de 11\u{a0}h\u{a0}40 à 15\u{a0}h\u{a0}30) avant la fin du dernier entretien final (mardi 12 janvier 2027 de 11\u{a0}h\u{a0}40 à 12\u{a0}h\u{a0}00)",
        (context, "\"11:40\""),
    );
    assert!(d.help.is_some());
    assert_counts(&diags, 1, 0);
}

#[test]
fn missing_final_interview_in_a_titre_session_is_a_warning() {
    let text = fixture_broken(
        SC,
        "    nature: entretien_final\n    intitule: Entretien final\n    salle: s106\n    candidats: [lefevre]",
        "    nature: entretien\n    intitule: Entretien final\n    salle: s106\n    candidats: [lefevre]",
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Warning,
        "candidats[5]",
        "le candidat « lefevre » n'a pas d'entretien final au planning",
        ("  - id: lefevre", "lefevre"),
    );
    assert!(d.help.as_deref().unwrap().contains("entretien_final"));
    assert_counts(&diags, 0, 1);
}

#[test]
fn a_ccp_session_needs_no_final_interview() {
    // The CCP fixture has no `entretien_final` and is valid; as a titre
    // session, each of its three candidates would miss one.
    let text = fixture_broken(
        CCP,
        "  nature: ccp\n  ccp: [CP-002501]\n",
        "  nature: titre\n",
    );
    let text = text.replace(
        "ccp: [CP-002501]",
        "ccp: [CP-002498, CP-002499, CP-002500, CP-002501]",
    );
    let diags = diagnostics(&text);
    assert_counts(&diags, 0, 3);
    assert!(
        diags
            .iter()
            .all(|d| d.message.contains("n'a pas d'entretien final"))
    );
}

// ---------------------------------------------------------------- deadlines

#[test]
fn convocation_less_than_a_month_before_is_a_warning() {
    let text = fixture_broken(SC, "    date: 2026-12-04\n", "    date: 2026-12-12\n");
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Warning,
        "session.convocation.date",
        "les convocations partent le samedi 12 décembre 2026, moins d'un mois avant le début de la session (lundi 11 janvier 2027)",
        ("    date: 2026-12-12", "2026-12-12"),
    );
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("vendredi 11 décembre 2026")
    );
    // The rule cited the way corrected documents sent late cite it.
    assert!(d.help.as_deref().unwrap().contains(&format!(
        "(règle\u{a0}: {})",
        sessiondoc::check::ONE_MONTH_RULE
    )));
    assert_counts(&diags, 0, 1);
}

#[test]
fn convocation_exactly_a_month_before_is_fine() {
    let text = fixture_broken(SC, "    date: 2026-12-04\n", "    date: 2026-12-11\n");
    assert_counts(&diagnostics(&text), 0, 0);
}

// ---------------------------------------------------------------- results

/// amrani's result in the secretaire fixture.
const AMRANI_RESULT: &str = "    jury: [lejeune, moreau]\n    resultat:\n      decision: reussite\n      ccp: [CP-002498, CP-002499, CP-002500, CP-002501]\n\n  - id: bernard";

#[test]
fn success_without_every_ccp_is_an_error() {
    let context = "    jury: [lejeune, moreau]\n    resultat:\n      decision: reussite\n      ccp: [CP-002498, CP-002499, CP-002500]\n\n  - id: bernard";
    let text = fixture_broken(SC, AMRANI_RESULT, context);
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[0].resultat.ccp",
        "une réussite attribue tous les CCP de la session, il manque CP-002501",
        (context, "CP-002498"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn partial_success_without_any_ccp_is_an_error() {
    let text = fixture_broken(SC, "      ccp: [CP-002498, CP-002500]\n", "      ccp: []\n");
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[1].resultat.ccp",
        "une réussite partielle attribue au moins un CCP",
        ("decision: reussite_partielle", "reussite_partielle"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn partial_success_with_every_ccp_is_an_error() {
    let text = fixture_broken(
        SC,
        "      ccp: [CP-002498, CP-002500]\n",
        "      ccp: [CP-002501, CP-002498, CP-002500, CP-002499]\n",
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[1].resultat.ccp",
        "une réussite partielle n'attribue pas tous les CCP de la session",
        ("[CP-002501, CP-002498, CP-002500, CP-002499]", "CP-002501"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn failure_awarding_a_ccp_is_an_error() {
    let context = "      decision: echec\n      ccp: [CP-002500]";
    let text = fixture_broken(SC, "      decision: echec\n      ccp: []", context);
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[3].resultat.ccp",
        "la décision « echec » n'attribue aucun CCP",
        (context, "CP-002500"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn absent_candidate_awarded_a_ccp_is_an_error() {
    let context = "      decision: absent\n      ccp: [CP-002500]\n";
    let text = fixture_broken(SC, "      decision: absent\n", context);
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[5].resultat.ccp",
        "la décision « absent » n'attribue aucun CCP",
        (context, "CP-002500"),
    );
    assert_counts(&diags, 1, 0);
}

#[test]
fn ccp_awarded_that_the_session_does_not_cover_is_an_error() {
    let context = "      decision: reussite\n      ccp: [CP-002501, CP-002498]\n  - id: kone";
    let text = fixture_broken(
        CCP,
        "      decision: reussite\n      ccp: [CP-002501]\n  - id: kone",
        context,
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "candidats[0].resultat.ccp[1]",
        "le CCP « CP-002498 » n'est pas couvert par cette session",
        (context, "CP-002498"),
    );
    assert!(d.help.as_deref().unwrap().contains("CP-002501"));
    assert_counts(&diags, 1, 0);
}

#[test]
fn partial_result_without_observations_is_a_warning() {
    let text = fixture_broken(
        SC,
        "      observations: >-\n        Bonne maîtrise des travaux courants de comptabilité. Le jury recommande\n        de consolider la préparation de la paie et le traitement des opérations\n        administratives avant une nouvelle présentation aux CCP manquants.\n",
        "",
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Warning,
        "candidats[1].resultat",
        "le candidat « bernard » n'a pas obtenu le titre et le jury n'a pas écrit de préconisations",
        ("decision: reussite_partielle", "reussite_partielle"),
    );
    assert!(d.help.as_deref().unwrap().contains("observations:"));
    assert_counts(&diags, 0, 1);
}

#[test]
fn failure_with_blank_observations_is_a_warning() {
    let text = fixture_broken(
        SC,
        "      observations: >-\n        Le dossier professionnel ne permet pas d'établir la maîtrise des\n        compétences comptables. Le jury préconise une formation complémentaire\n        sur la comptabilité générale et la paie.\n",
        "      observations: \"  \"\n",
    );
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Warning,
        "candidats[3].resultat",
        "le candidat « diallo » n'a pas obtenu le titre",
        ("decision: echec", "echec"),
    );
    assert_counts(&diags, 0, 1);
}

#[test]
fn fraud_outside_every_slot_of_the_candidate_is_a_warning() {
    let text = fixture_broken(CCP, "    heure: \"09:40\"\n", "    heure: \"12:00\"\n");
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Warning,
        "fraudes[0].heure",
        "le candidat « kone » n'a aucun créneau à cette date et à cette heure",
        ("heure: \"12:00\"", "\"12:00\""),
    );
    assert_counts(&diags, 0, 1);
}

#[test]
fn fraud_on_another_day_is_a_warning_and_at_the_end_of_a_slot_is_fine() {
    let text = fixture_broken(
        CCP,
        "    date: 2027-02-03\n    heure: \"09:40\"\n",
        "    date: 2027-02-04\n    heure: \"09:40\"\n",
    );
    let diags = diagnostics(&text);
    assert_counts(&diags, 0, 1);
    assert_eq!(diags[0].path, "fraudes[0].heure");

    let text = fixture_broken(CCP, "    heure: \"09:40\"\n", "    heure: \"11:30\"\n");
    assert_counts(&diagnostics(&text), 0, 0);
}

// ---------------------------------------------------------------- load errors

#[test]
fn unknown_key_is_a_load_error_listing_the_allowed_keys() {
    let text = fixture_broken(
        SC,
        "candidats:\n  - id: amrani",
        "candidat:\n  - id: amrani",
    );
    let d = expect_load_error(
        &text,
        "« candidat »",
        ("candidat:\n  - id: amrani", "candidat"),
    );
    assert!(d.message.contains("n'est pas connue"), "{d:#?}");
    let help = d.help.as_deref().unwrap();
    for key in ["centre", "jures", "candidats", "planning", "fraudes"] {
        assert!(help.contains(key), "{key} not in {help}");
    }
}

#[test]
fn unknown_key_in_a_candidate_is_a_load_error() {
    let text = fixture_broken(
        SC,
        "    voie: vae\n",
        "    voie: vae\n    jurys: [dupont, haddad]\n",
    );
    let d = expect_load_error(&text, "« jurys »", ("    jurys:", "jurys"));
    assert!(d.help.as_deref().unwrap().contains("jury"));
}

#[test]
fn missing_required_key_is_a_load_error() {
    let text = fixture_broken(SC, "    habilitation_fin: 2027-09-30\n", "");
    let d = load_error(&text);
    assert!(
        d.message
            .contains("la clé obligatoire « habilitation_fin » manque"),
        "{d:#?}"
    );
    assert!(d.help.as_deref().unwrap().contains("habilitation_fin:"));
    // Inside the block that misses the key: moreau's, from `- id: moreau`
    // to its last key (serde-saphyr reports the last key read).
    let (first, _) = position(&text, "  - id: moreau", "id");
    let (last, _) = position(&text, "    nom: MOREAU\n    prenom: Patrick\n", "prenom");
    let line = d.line().expect("a line");
    assert!(
        (first..=last).contains(&line),
        "line {line} not in {first}..={last}: {d:#?}"
    );
}

#[test]
fn missing_top_level_key_is_a_load_error() {
    let text = fixture_broken(
        SC,
        "autorite:\n  nom: DDETS de la Manche — Service certification\n  adresse:\n    - 477 boulevard de la Dollée\n    - 50000 Saint-Lô\n",
        "",
    );
    let d = load_error(&text);
    assert!(d.message.contains("« autorite » manque"), "{d:#?}");
    assert!(d.line().is_some(), "{d:#?}");
}

#[test]
fn unknown_enum_value_is_a_load_error() {
    let text = fixture_broken(SC, "    voie: vae\n", "    voie: apprentissage\n");
    let d = expect_load_error(
        &text,
        "la valeur « apprentissage » n'est pas permise ici",
        ("voie: apprentissage", "apprentissage"),
    );
    let help = d.help.as_deref().unwrap();
    assert!(help.contains("formation, vae, equivalence"), "{help}");
}

#[test]
fn unknown_slot_nature_is_a_load_error() {
    let text = fixture_broken(SC, "    nature: briefing\n", "    nature: reunion\n");
    let d = expect_load_error(&text, "« reunion »", ("nature: reunion", "reunion"));
    assert!(d.help.as_deref().unwrap().contains("entretien_final"));
}

#[test]
fn unquoted_time_is_read_right() {
    let text = fixture_broken(
        SC,
        "    debut: \"08:30\"\n    fin: \"12:30\"\n    nature: epreuve",
        "    debut: 08:30\n    fin: 12:30\n    nature: epreuve",
    );
    let session = session(&text);
    let slot = &session.planning.value[1];
    assert_eq!(slot.debut.value, Time::hm(8, 30));
    assert_eq!(slot.fin.value, Time::hm(12, 30));
    assert_counts(&check(&session), 0, 0);
}

#[test]
fn time_written_8h30_is_a_load_error_mentioning_hh_mm() {
    let text = fixture_broken(
        SC,
        "    debut: \"08:30\"\n    fin: \"12:30\"\n    nature: epreuve",
        "    debut: \"8h30\"\n    fin: \"12:30\"\n    nature: epreuve",
    );
    let d = expect_load_error(&text, "HH:MM", ("debut: \"8h30\"", "8h30"));
    assert!(d.message.contains("« 8h30 »"), "{d:#?}");
}

#[test]
fn time_out_of_range_is_a_load_error() {
    let text = fixture_broken(SC, "    fin: \"17:30\"\n", "    fin: \"24:30\"\n");
    expect_load_error(&text, "HH:MM", ("fin: \"24:30\"", "24:30"));
}

#[test]
fn duplicate_key_is_a_load_error_at_the_second_occurrence() {
    let text = fixture_broken(
        SC,
        "    nom: MOREAU\n    prenom: Patrick\n",
        "    nom: MOREAU\n    prenom: Patrick\n    nom: MOREAUX\n",
    );
    let d = expect_load_error(
        &text,
        "la clé « nom » est écrite deux fois dans le même bloc",
        ("    nom: MOREAUX", "nom"),
    );
    assert!(d.help.is_some());
}

#[test]
fn impossible_date_is_a_load_error() {
    let text = fixture_broken(SC, "  debut: 2027-01-11\n", "  debut: 2027-02-30\n");
    expect_load_error(
        &text,
        "« 2027-02-30 » n'est pas une date du calendrier",
        ("debut: 2027-02-30", "2027-02-30"),
    );
}

#[test]
fn badly_written_date_is_a_load_error() {
    let text = fixture_broken(SC, "  debut: 2027-01-11\n", "  debut: 11/01/2027\n");
    expect_load_error(&text, "AAAA-MM-JJ", ("debut: 11/01/2027", "11/01/2027"));
}

#[test]
fn empty_text_is_a_load_error() {
    let d = load_error("  \n\n");
    assert!(d.message.contains("est vide"), "{d:#?}");
}

#[test]
fn selection_written_as_a_single_id_is_a_load_error() {
    let text = fixture_broken(
        SC,
        "    candidats: [nguyen]\n    jures: [dupont, haddad]\n  - date: 2027-01-12\n    debut: \"10:00\"",
        "    candidats: nguyen\n    jures: [dupont, haddad]\n  - date: 2027-01-12\n    debut: \"10:00\"",
    );
    let d = expect_load_error(
        &text,
        "« nguyen » n'est pas une liste",
        ("candidats: nguyen", "nguyen"),
    );
    assert!(d.message.contains("tous"));
}

// ------------------------------------------------ épreuves and organisation

const PLAN_SC: &str = "planifier/secretaire-comptable.yaml";
const PLAN_TSMI: &str = "planifier/tsmi-avant-session.yaml";

#[test]
fn a_test_in_an_unknown_room_or_in_none_is_an_error() {
    let text = fixture_broken(PLAN_SC, "salles: [s204]", "salles: [s999]");
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "epreuves[0].salles[0]",
        "la salle « s999 » n'existe pas",
        ("salles: [s999]", "s999"),
    );
    assert!(d.help.as_deref().unwrap().contains("s204"));
    let text = fixture_broken(PLAN_SC, "salles: [s204]", "salles: []");
    expect(
        &text,
        &diagnostics(&text),
        Severity::Error,
        "epreuves[0].salles",
        "ne nomme aucune salle",
        ("salles: []", "["),
    );
}

#[test]
fn a_test_of_zero_minutes_is_an_error() {
    let text = fixture_broken(PLAN_SC, "duree: \"04:00\"", "duree: \"00:00\"");
    expect(
        &text,
        &diagnostics(&text),
        Severity::Error,
        "epreuves[0].duree",
        "l'épreuve « Mise en situation professionnelle (épreuve écrite sur poste informatique) » dure 0 minute",
        ("duree: \"00:00\"", "\"00:00\""),
    );
}

#[test]
fn groups_of_zero_candidates_are_an_error() {
    let from = "passage: 2\n    salles: [atelier]";
    let text = fixture_broken(PLAN_TSMI, from, "passage: 0\n    salles: [atelier]");
    expect(
        &text,
        &diagnostics(&text),
        Severity::Error,
        "epreuves[2].passage",
        "passe par groupes de 0 candidat",
        ("passage: 0", "0"),
    );
}

#[test]
fn a_passage_that_is_not_one_is_a_load_error() {
    let from = "passage: 2\n    salles: [atelier]";
    let text = fixture_broken(PLAN_TSMI, from, "passage: deux\n    salles: [atelier]");
    expect_load_error(
        &text,
        "« deux » n'est pas un passage",
        ("passage: deux", "deux"),
    );
}

#[test]
fn a_test_whose_nature_is_not_a_test_is_an_error() {
    let text = fixture_broken(PLAN_SC, "nature: entretien_final\n", "nature: pause\n");
    expect(
        &text,
        &diagnostics(&text),
        Severity::Error,
        "epreuves[2].nature",
        "l'épreuve « Entretien final » n'a pas la nature d'une épreuve",
        ("nature: pause", "pause"),
    );
}

#[test]
fn a_test_under_a_surveillant_without_one_is_an_error() {
    let block =
        "surveillants:\n  - id: tanguy\n    civilite: Mme\n    nom: TANGUY\n    prenom: Nolwenn\n";
    let text = fixture_broken(PLAN_TSMI, block, "");
    let context = "encadrement: surveillant\n  - intitule: Questionnaire";
    expect(
        &text,
        &diagnostics(&text),
        Severity::Error,
        "epreuves[0].encadrement",
        "est encadrée par un surveillant, mais la session n'en a aucun",
        (context, "surveillant"),
    );
}

#[test]
fn a_collective_test_in_too_few_seats_and_a_room_of_no_seat_are_errors() {
    let room = "nom: Salle informatique 204\n";
    let text = fixture_broken(
        PLAN_SC,
        room,
        "nom: Salle informatique 204\n    places: 4\n",
    );
    expect(
        &text,
        &diagnostics(&text),
        Severity::Error,
        "epreuves[0].passage",
        "réunit les 6 candidats, mais ses salles n'ont que 4 places",
        ("passage: ensemble", "ensemble"),
    );
    let room = "nom: Salle d'entretien 105\n";
    let text = fixture_broken(PLAN_SC, room, "nom: Salle d'entretien 105\n    places: 0\n");
    expect(
        &text,
        &diagnostics(&text),
        Severity::Error,
        "salles[2].places",
        "la salle « s105 » a 0 place",
        ("places: 0", "0"),
    );
}

#[test]
fn day_hours_or_lunch_hours_out_of_order_are_an_error() {
    let from = "horaires: [\"08:00\", \"18:00\"]";
    let text = fixture_broken(PLAN_SC, from, "horaires: [\"18:00\", \"08:00\"]");
    expect(
        &text,
        &diagnostics(&text),
        Severity::Error,
        "organisation.horaires[1]",
        "« horaires » finit avant de commencer",
        ("horaires: [\"18:00\", \"08:00\"]", "\"08:00\""),
    );
    let from = "dejeuner: [\"12:30\", \"13:30\"]";
    let text = fixture_broken(PLAN_SC, from, "dejeuner: [\"12:30\"]");
    expect(
        &text,
        &diagnostics(&text),
        Severity::Error,
        "organisation.dejeuner",
        "« dejeuner » doit avoir deux heures, le début et la fin (il en a 1)",
        ("dejeuner: [\"12:30\"]", "["),
    );
    let text = fixture_broken(
        PLAN_SC,
        "battement: \"00:05\"",
        "battement: \"00:05\"\n  pause_jury: [\"03:00\"]",
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "organisation.pause_jury",
        "« pause_jury » doit avoir deux durées, les évaluations d'affilée au plus puis la pause (il en a 1)",
        ("pause_jury: [\"03:00\"]", "["),
    );
    assert!(d.help.as_deref().unwrap().contains("15 minutes de pause"));
}

#[test]
fn a_day_shorter_than_a_test_is_an_error() {
    let text = fixture_broken(PLAN_SC, "duree: \"04:00\"", "duree: \"10:30\"");
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "epreuves[0].duree",
        "plus que la journée",
        ("duree: \"10:30\"", "\"10:30\""),
    );
    assert!(
        d.message
            .replace('\u{a0}', " ")
            .ends_with("dure 10 h 30, plus que la journée (10 h de 8 h 00 à 18 h 00)"),
        "{d:?}"
    );
}

#[test]
fn a_juror_available_outside_the_session_is_an_error() {
    let text = fixture_broken(
        PLAN_SC,
        "    habilitation_fin: 2027-09-30\n",
        "    habilitation_fin: 2027-09-30\n    disponibilites: [2027-01-12, 2027-01-13]\n",
    );
    expect(
        &text,
        &diagnostics(&text),
        Severity::Error,
        "jures[1].disponibilites[1]",
        "le juré « moreau » est disponible le mercredi 13 janvier 2027, hors des jours de la session",
        ("disponibilites: [2027-01-12, 2027-01-13]", "2027-01-13"),
    );
}

#[test]
fn some_results_in_and_not_all_is_a_warning_naming_the_missing() {
    let text = fixture_broken(SC, "    resultat:\n      decision: absent\n", "");
    let diags = diagnostics(&text);
    expect(
        &text,
        &diags,
        Severity::Warning,
        "candidats",
        "5 résultat(s) sur 6 saisi(s)\u{a0}; il manque celui de\u{a0}: LEFÈVRE-DUMAS Jean-Baptiste",
        ("  - id: amrani", "- id"),
    );
    assert_counts(&diags, 0, 1);
}

#[test]
fn a_ddets_validation_before_the_end_of_the_session_is_an_error() {
    let text = fixture_broken(
        SC,
        "  nature: titre\n",
        "  nature: titre\n  validation_ddets: 2027-01-05\n",
    );
    expect(
        &text,
        &diagnostics(&text),
        Severity::Error,
        "session.validation_ddets",
        "la DDETS ne peut valider la session avant sa fin (mardi 12 janvier 2027)",
        ("validation_ddets: 2027-01-05", "2027-01-05"),
    );
    let text = fixture_broken(
        SC,
        "  nature: titre\n",
        "  nature: titre\n  validation_ddets: 2027-01-12\n",
    );
    assert_counts(&diagnostics(&text), 0, 0);
}

#[test]
fn an_unknown_article_of_the_centre_is_an_error() {
    let text = fixture_broken(
        SC,
        "  nom: Centre de formation Côte Ouest\n",
        "  nom: Centre de formation Côte Ouest\n  article: du\n",
    );
    expect(
        &text,
        &diagnostics(&text),
        Severity::Error,
        "centre.article",
        "l'article « du » n'est pas connu",
        ("article: du", "du"),
    );
    let text = fixture_broken(
        SC,
        "  nom: Centre de formation Côte Ouest\n",
        "  nom: Centre de formation Côte Ouest\n  article: \"l'\"\n",
    );
    assert_counts(&diagnostics(&text), 0, 0);
}

// ---------------------------------------------------------------- coverage

/// Each function of `RULES` (src/check/mod.rs) and the tests of this file
/// that break it.
#[test]
fn a_juror_placed_on_a_day_they_cannot_come_is_an_error() {
    let text = fixture_broken(
        SC,
        "habilitation_fin: 2027-09-30",
        "habilitation_fin: 2027-09-30\n    disponibilites: [2027-01-11]",
    );
    let diags = diagnostics(&text);
    let mine: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.message.contains("jour où il n'est pas disponible"))
        .collect();
    assert!(!mine.is_empty(), "{diags:#?}");
    let first = mine.iter().min_by_key(|d| d.line()).unwrap();
    assert_eq!(first.severity, Severity::Error);
    assert!(
        first.message.contains(
            "le juré « moreau » est placé le mardi 12 janvier 2027 (« Entretien technique »)"
        ),
        "{first:#?}"
    );
    let at = text.find("jures: [lejeune, moreau]").unwrap() + "jures: [lejeune, ".len();
    let place = first.place.unwrap();
    assert_eq!((place.line, place.column), line_col_of_byte(&text, at));
    assert!(
        first
            .help
            .as_deref()
            .unwrap()
            .contains("lundi 11 janvier 2027")
    );
    assert_french_colons(first);
    assert!(
        mine.iter()
            .all(|d| d.path.starts_with("planning[") && d.path.ends_with(".jures[1]"))
    );
}

#[test]
fn an_expired_juror_only_listed_is_a_warning() {
    let text = fixture_broken(
        SC,
        "\nsurveillants:",
        "  - id: pons\n    civilite: M.\n    nom: PONS\n    prenom: Jean\n    habilitation_fin: 2026-04-30\n\nsurveillants:",
    )
    // `jures: tous` would name him.
    .replace("jures: tous", "jures: [lejeune, moreau, dupont, haddad]");
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Warning,
        "jures[4].habilitation_fin",
        "l'habilitation de M. PONS Jean prend fin le jeudi 30 avril 2026, avant le dernier jour de la session (mardi 12 janvier 2027)\u{a0}; ce juré n'évalue personne",
        ("habilitation_fin: 2026-04-30", "2026-04-30"),
    );
    assert!(d.help.as_deref().unwrap().contains("retirez-le"));
    assert_counts(&diags, 0, 1);
}

const TESTED: &[(&str, &[&str])] = &[
    (
        "organisation::jurors_come_on_their_days",
        &["a_juror_placed_on_a_day_they_cannot_come_is_an_error"],
    ),
    (
        "organisation::tests_are_well_formed",
        &[
            "a_test_in_an_unknown_room_or_in_none_is_an_error",
            "a_test_of_zero_minutes_is_an_error",
            "groups_of_zero_candidates_are_an_error",
            "a_test_whose_nature_is_not_a_test_is_an_error",
            "a_test_under_a_surveillant_without_one_is_an_error",
        ],
    ),
    (
        "organisation::collective_tests_have_seats",
        &["a_collective_test_in_too_few_seats_and_a_room_of_no_seat_are_errors"],
    ),
    (
        "organisation::the_day_holds_every_test",
        &[
            "day_hours_or_lunch_hours_out_of_order_are_an_error",
            "a_day_shorter_than_a_test_is_an_error",
        ],
    ),
    (
        "organisation::availabilities_are_session_days",
        &["a_juror_available_outside_the_session_is_an_error"],
    ),
    (
        "candidates::identifiants_are_unique",
        &["two_candidates_with_the_same_identifiant_are_an_error"],
    ),
    (
        "candidates::birth_dates_are_plausible",
        &["a_birth_date_before_1900_or_after_the_session_is_an_error"],
    ),
    (
        "structure::ids_are_slugs",
        &[
            "ids_that_are_not_slugs_are_an_error",
            "an_accented_id_is_not_a_slug",
        ],
    ),
    (
        "structure::codes_have_their_format",
        &[
            "a_title_code_without_its_format_is_an_error",
            "a_ccp_code_without_its_format_is_an_error",
        ],
    ),
    (
        "structure::ids_are_unique",
        &[
            "a_duplicate_id_is_an_error_at_the_second_one",
            "a_duplicate_juror_id_is_an_error",
        ],
    ),
    (
        "structure::references_resolve",
        &[
            "unknown_juror_in_a_candidate_pair_is_an_error",
            "unknown_room_in_a_slot_is_an_error",
            "unknown_candidate_juror_or_surveillant_in_a_slot_is_an_error",
            "unknown_trainer_of_a_candidate_is_an_error",
            "fraud_report_about_an_unknown_candidate_is_an_error",
            "fraud_witnessed_by_everyone_or_by_an_unknown_person_is_an_error",
        ],
    ),
    (
        "structure::dates_are_in_order",
        &[
            "session_ending_before_it_starts_is_an_error",
            "slot_ending_before_it_starts_is_an_error",
        ],
    ),
    (
        "structure::slots_lie_within_the_session",
        &["slot_outside_the_session_days_is_an_error"],
    ),
    (
        "structure::ccp_session_names_its_ccp",
        &["ccp_session_without_its_ccp_is_an_error"],
    ),
    (
        "structure::ccp_codes_belong_to_the_title",
        &[
            "ccp_code_not_of_the_title_is_an_error",
            "ccp_code_not_of_the_title_in_a_juror_restriction_or_a_result_is_an_error",
        ],
    ),
    (
        "people::at_least_two_jurors",
        &["fewer_than_two_jurors_is_an_error"],
    ),
    (
        "people::each_candidate_has_a_pair",
        &[
            "candidate_with_a_single_juror_is_an_error",
            "pair_naming_the_same_juror_twice_is_an_error",
        ],
    ),
    (
        "people::accreditations_cover_the_session",
        &[
            "juror_with_expired_accreditation_is_an_error",
            "accreditation_ending_on_the_last_day_is_enough",
            "an_expired_juror_only_listed_is_a_warning",
        ],
    ),
    (
        "people::restricted_jurors_keep_to_their_ccp",
        &[
            "restricted_juror_evaluating_another_ccp_is_an_error",
            "juror_restricted_to_the_ccp_of_the_session_is_fine",
        ],
    ),
    (
        "people::jurors_do_not_evaluate_their_trainees",
        &["juror_who_trains_their_candidate_is_an_error"],
    ),
    (
        "people::surveillants_are_neither_trainers_nor_responsable",
        &[
            "surveillant_who_is_the_responsable_is_an_error",
            "surveillant_who_is_a_trainer_is_an_error",
        ],
    ),
    (
        "people::responsable_is_not_the_trainer",
        &["responsable_who_is_the_trainer_is_a_warning"],
    ),
    (
        "timetable::nobody_is_in_two_places",
        &[
            "candidate_in_two_overlapping_slots_is_an_error",
            "juror_in_two_overlapping_slots_is_an_error",
            "surveillant_in_two_overlapping_slots_is_an_error",
            "room_with_two_overlapping_slots_is_an_error",
            "slots_that_only_touch_do_not_overlap",
            "three_slots_at_once_in_a_room_give_one_error_per_later_slot",
        ],
    ),
    (
        "timetable::written_tests_are_taken_together",
        &[
            "written_tests_are_taken_together",
            "written_test_split_with_an_earlier_partial_sitting_is_a_warning",
        ],
    ),
    (
        "timetable::jury_has_a_lunch_break",
        &["lunch_break_missing_is_a_warning"],
    ),
    (
        "timetable::nothing_after_six_pm",
        &["a_slot_ending_after_six_pm_is_a_warning"],
    ),
    (
        "timetable::deliberation_follows_final_interviews",
        &["deliberation_before_the_last_final_interview_is_an_error"],
    ),
    (
        "timetable::each_candidate_has_a_final_interview",
        &[
            "missing_final_interview_in_a_titre_session_is_a_warning",
            "a_ccp_session_needs_no_final_interview",
        ],
    ),
    (
        "amenagement::extra_time_fits",
        &[
            "extra_time_running_into_the_room_s_next_slot_is_an_error",
            "extra_time_that_fits_before_the_next_slot_is_fine",
        ],
    ),
    (
        "amenagement::extra_time_is_structured",
        &["extra_time_written_as_plain_text_is_a_warning"],
    ),
    (
        "deadlines::convocations_leave_a_month",
        &[
            "convocation_less_than_a_month_before_is_a_warning",
            "convocation_exactly_a_month_before_is_fine",
        ],
    ),
    (
        "results::decisions_match_their_ccp",
        &[
            "success_without_every_ccp_is_an_error",
            "partial_success_without_any_ccp_is_an_error",
            "partial_success_with_every_ccp_is_an_error",
            "failure_awarding_a_ccp_is_an_error",
            "absent_candidate_awarded_a_ccp_is_an_error",
        ],
    ),
    (
        "results::awarded_ccp_are_covered",
        &["ccp_awarded_that_the_session_does_not_cover_is_an_error"],
    ),
    (
        "results::partial_results_have_recommendations",
        &[
            "partial_result_without_observations_is_a_warning",
            "failure_with_blank_observations_is_a_warning",
        ],
    ),
    (
        "results::fraud_reports_match_a_slot",
        &[
            "fraud_outside_every_slot_of_the_candidate_is_a_warning",
            "fraud_on_another_day_is_a_warning_and_at_the_end_of_a_slot_is_fine",
        ],
    ),
    (
        "results::results_are_all_in",
        &["some_results_in_and_not_all_is_a_warning_naming_the_missing"],
    ),
    (
        "results::validation_follows_the_session",
        &["a_ddets_validation_before_the_end_of_the_session_is_an_error"],
    ),
    (
        "timetable::lunch_holds_no_jury_slot",
        &["a_jury_slot_under_the_lunch_break_is_an_error"],
    ),
    (
        "structure::centre_article_is_known",
        &["an_unknown_article_of_the_centre_is_an_error"],
    ),
    (
        "people::courriel_needs_an_address",
        &["sending_by_courriel_without_an_email_is_a_warning"],
    ),
];

#[test]
fn every_rule_has_a_test() {
    let module = include_str!("../src/check/mod.rs");
    let start = module
        .find("const RULES")
        .expect("RULES in src/check/mod.rs");
    let body = &module[start..];
    let body =
        &body[body.find("= &[").expect("RULES list") + 4..body.find("];").expect("end of RULES")];
    let rules: Vec<&str> = body
        .split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty() && !r.starts_with("//"))
        .collect();
    assert!(rules.len() >= 20, "RULES not read: {rules:?}");
    let this_file = include_str!("rules.rs");
    for rule in &rules {
        let tests = TESTED
            .iter()
            .find(|(r, _)| r == rule)
            .unwrap_or_else(|| panic!("the rule {rule} has no test in tests/rules.rs"))
            .1;
        assert!(!tests.is_empty(), "{rule}");
        for test in tests {
            assert!(
                this_file.contains(&format!("#[test]\nfn {test}()")),
                "{test} (for {rule}) is not a test of this file"
            );
        }
    }
    for (rule, _) in TESTED {
        assert!(rules.contains(rule), "{rule} is no longer in RULES");
    }
}

#[test]
fn a_jury_slot_under_the_lunch_break_is_an_error() {
    // The lunch moved over the first technical interview.
    let context = "    debut: \"13:00\"\n    fin: \"14:00\"\n    nature: pause";
    let text = fixture_broken(
        CCP,
        "    debut: \"12:30\"\n    fin: \"13:30\"\n    nature: pause",
        context,
    );
    let diags = diagnostics(&text);
    let d = expect(
        &text,
        &diags,
        Severity::Error,
        "planning[3].debut",
        "la pause « Pause déjeuner » (mercredi 3 février 2027 de 13\u{a0}h\u{a0}00 à 14\u{a0}h\u{a0}00) recouvre « Entretien technique » (mercredi 3 février 2027 de 13\u{a0}h\u{a0}30 à 14\u{a0}h\u{a0}00)",
        (context, "\"13:00\""),
    );
    assert!(d.help.is_some());
    assert_eq!(count(&diags, Severity::Error), 1, "{diags:#?}");
}

#[test]
fn a_study_of_the_files_over_an_interview_of_its_jury_is_an_error() {
    // The pair studies the files while it holds an interview.
    let text = fixture(CCP).replacen(
        "planning:\n",
        "planning:\n  - date: 2027-02-03\n    debut: \"13:30\"\n    fin: \"14:00\"\n    nature: correction\n    intitule: Étude des dossiers\n    salle: s2\n    jures: tous\n",
        1,
    );
    let diags = diagnostics(&text);
    assert!(
        diags.iter().any(|d| d.severity == Severity::Error
            && d.path.starts_with("planning[")
            && d.message.contains("Étude des dossiers")),
        "{diags:#?}"
    );
}

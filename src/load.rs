//! Reads a session file into the typed model, keeping where each value was
//! written. Every failure becomes a French [`Diagnostic`].

use std::path::{Path, PathBuf};

use serde_saphyr::{DuplicateKeyPolicy, Error as YamlError, Options};

use crate::diag::{Diagnostic, Place};
use crate::model::Session;

/// Larger than any real session file (10 000 candidates take about 4 MiB).
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The text of a session file, as read from disk.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    /// The name shown in messages (the path as given).
    pub name: String,
    /// The text, without a leading byte-order mark.
    pub text: String,
    /// The sha256 of the file's bytes.
    pub sha256: String,
}

impl Source {
    /// A source from text already in memory (tests, generated sessions).
    pub fn from_text(name: &str, text: &str) -> Source {
        Source {
            path: PathBuf::from(name),
            name: name.to_owned(),
            text: text.strip_prefix('\u{FEFF}').unwrap_or(text).to_owned(),
            sha256: crate::digest::sha256_hex(text.as_bytes()),
        }
    }
}

/// Reads the file at `path`: it must exist, be a file, and be UTF-8.
pub fn read(path: &Path) -> Result<Source, Diagnostic> {
    let name = path.display().to_string();
    let fail = |msg: String, help: &str| Err(Diagnostic::error("", None, msg).help(help));
    let unreadable = |e: std::io::Error| {
        fail(
            format!(
                "impossible de lire « {name} »\u{a0}: {}",
                crate::error::io_fr(&e)
            ),
            "vérifiez les droits d'accès au fichier",
        )
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return fail(
                format!("le fichier « {name} » est introuvable"),
                "vérifiez le chemin et le nom du fichier (sessiondoc init crée un exemple)",
            );
        }
        Err(e) => return unreadable(e),
    };
    if meta.is_dir() {
        return fail(
            format!("« {name} » est un dossier, pas un fichier de session"),
            "donnez le chemin du fichier .yaml de la session",
        );
    }
    if meta.len() > MAX_FILE_BYTES {
        return fail(
            format!(
                "« {name} » fait {} Mo\u{a0}: c'est trop grand pour un fichier de session",
                meta.len() / 1_048_576
            ),
            "vérifiez qu'il s'agit bien du fichier de la session",
        );
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return unreadable(e),
    };
    let sha256 = crate::digest::sha256_hex(&bytes);
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let before = &e.as_bytes()[..valid];
            let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            // `before` is valid UTF-8: count the characters of its last line.
            let last_line = before.rsplit(|&b| b == b'\n').next().unwrap_or_default();
            let column = std::str::from_utf8(last_line).map_or(0, |l| l.chars().count()) as u64 + 1;
            // No place: there is no text to show an excerpt of, and the line
            // and column are in the message.
            return Err(Diagnostic::error(
                "",
                None,
                format!("le fichier « {name} » n'est pas encodé en UTF-8 (octet invalide ligne {line}, colonne {column})"),
            )
            .help("enregistrez le fichier en UTF-8 (dans le Bloc-notes ou LibreOffice\u{a0}: « Enregistrer sous », codage UTF-8) ; un export Excel « CSV » est souvent en Latin-1"));
        }
    };
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Ok(Source {
        path: path.to_path_buf(),
        name,
        text,
        sha256,
    })
}

fn options() -> Options {
    serde_saphyr::options! {
        duplicate_keys: DuplicateKeyPolicy::Error,
        strict_booleans: true,
        with_snippet: false,
        // The replay limits below bound what aliases expand to; the library's
        // alias/anchor ratio heuristic would reject a plain `*binome` reused
        // by 100 candidates, so it is off.
        budget: serde_saphyr::budget! { max_depth: 24, max_nodes: 2_000_000, max_events: 4_000_000, max_aliases: 1_000, enforce_alias_anchor_ratio: false },
        alias_limits: serde_saphyr::alias_limits! { max_total_replayed_events: 100_000 },
    }
}

/// Parses the session; a failure points at its line and column.
pub fn parse(source: &Source) -> Result<Session, Diagnostic> {
    let blank_or_comment = |l: &str| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    };
    if source.text.lines().all(blank_or_comment) {
        return Err(Diagnostic::error(
            "",
            None,
            format!("le fichier « {} » est vide", source.name),
        )
        .help("partez d'un exemple complet\u{a0}: sessiondoc init session.yaml"));
    }
    serde_saphyr::from_str_with_options::<Session>(&source.text, options()).map_err(|e| {
        let diagnostic = translate(&e, &source.text);
        let is_syntax = matches!(
            e.without_snippet(),
            YamlError::ExternalMessage { .. } | YamlError::Eof { .. }
        );
        let upto = diagnostic.place.map_or(u64::MAX, |p| p.line);
        match is_syntax.then(|| syntax_hint(&source.text, upto)).flatten() {
            Some(hint) => hint,
            None => diagnostic,
        }
    })
}

/// Where a person would look for the syntax mistake the parser stopped
/// at, up to its line `upto`: an indentation with a tab (the parser may
/// stop a line earlier), or quotes opened and not closed on their line
/// (the parser stops lines later, where the text it took for quoted
/// ends).
fn syntax_hint(text: &str, upto: u64) -> Option<Diagnostic> {
    let place = |line: usize, column: usize| {
        let start: usize = text
            .split_inclusive('\n')
            .take(line)
            .map(str::len)
            .sum::<usize>()
            + column;
        Place {
            line: line as u64 + 1,
            column: text
                .lines()
                .nth(line)
                .map_or(0, |l| l[..column].chars().count()) as u64
                + 1,
            bytes: Some((start, start + 1)),
        }
    };
    for (i, line) in text
        .lines()
        .enumerate()
        .take(upto.saturating_add(1) as usize)
    {
        let indent = &line[..line.len() - line.trim_start().len()];
        if let Some(column) = indent.find('\t') {
            return Some(
                Diagnostic::error("", Some(place(i, column)), "une tabulation sert d'indentation\u{a0}: le YAML n'accepte que des espaces".to_owned())
                    .help("remplacez la tabulation par des espaces, autant que les lignes voisines du même bloc (jamais de tabulations)"),
            );
        }
        if (i as u64) < upto
            && let Some(column) = unclosed_quote(line)
        {
            return Some(
                Diagnostic::error("", Some(place(i, column)), "des guillemets ouverts ne sont pas refermés sur cette ligne".to_owned())
                    .help("ajoutez le guillemet fermant à la fin de la valeur, ou retirez le guillemet ouvrant\u{a0}; un guillemet dans un texte entre guillemets s'écrit \\\""),
            );
        }
    }
    None
}

/// The byte column of a quoted value (after `key: ` or `- `) whose
/// quotes do not close on its line.
fn unclosed_quote(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        return None;
    }
    let value_at = match trimmed.strip_prefix("- ") {
        Some(rest) if rest.trim_start().starts_with(['"', '\'']) => {
            line.len() - rest.trim_start().len()
        }
        _ => {
            let colon = line.find(": ")?;
            let rest = &line[colon + 2..];
            line.len() - rest.trim_start().len()
        }
    };
    let value = &line[value_at..];
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let mut chars = value[1..].chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => return None,
            _ => {}
        }
    }
    Some(value_at)
}

/// Warnings about how values are written: a time without quotes
/// (`debut: 7:30`) is read here as a time, but as the number 450 by a YAML
/// 1.1 reader (many editors and tools), so it is said, with its place.
pub fn warnings(source: &Source) -> Vec<Diagnostic> {
    use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};
    Parser::new_from_str(&source.text)
        .map_while(Result::ok)
        .filter_map(|(event, span)| match event {
            Event::Scalar(value, ScalarStyle::Plain, ..) => {
                let minutes = sexagesimal(&value)?;
                let start = span.start;
                let bytes = start.byte_offset().map(|b| (b, b + value.len()));
                let place = Place {
                    line: start.line() as u64,
                    column: start.col() as u64 + 1,
                    bytes,
                };
                let (h, m) = value.split_once(':')?;
                Some(
                    Diagnostic::warning(
                        "",
                        Some(place),
                        format!(
                            "l'heure {value} est écrite sans guillemets\u{a0}: un lecteur YAML 1.1 (éditeurs, autres outils) la lit comme le nombre {minutes}"
                        ),
                    )
                    .help(format!("écrivez-la entre guillemets\u{a0}: \"{h:0>2}:{m}\"")),
                )
            }
            _ => None,
        })
        .collect()
}

/// The number YAML 1.1 reads in `7:30` (base 60), when the text is an
/// hour written so.
fn sexagesimal(text: &str) -> Option<u32> {
    let (h, m) = text.split_once(':')?;
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 2) || !digits(m, 2) || m.len() != 2 {
        return None;
    }
    Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
}

/// Reads and parses in one step.
/// On failure, the diagnostic comes with the text it points into (empty
/// when the file could not be read).
pub fn load(path: &Path) -> Result<(Source, Session), Box<(String, Diagnostic)>> {
    let source = read(path).map_err(|d| Box::new((String::new(), d)))?;
    match parse(&source) {
        Ok(session) => Ok((source, session)),
        Err(d) => Err(Box::new((source.text, d))),
    }
}

/// The place of a YAML error, with a byte range when it can be found.
fn place_of(err: &YamlError, text: &str) -> Option<Place> {
    let loc = err.location()?;
    let mut place = Place::of(&loc)?;
    if place.bytes.is_none()
        && let YamlError::ExternalMessage { source, .. } = err.without_snippet()
        && let serde_saphyr::ExternalMessageSource::Parser(scan) = source.as_ref()
        && let Some(start) = scan.marker().byte_offset()
    {
        let start = start.min(text.len());
        let end = text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
        place.bytes = Some((start, end));
    }
    Some(place)
}

fn quote_list(items: &[&str]) -> String {
    items.join(", ")
}

/// Turns a YAML or typing error into a French diagnostic.
fn translate(err: &YamlError, text: &str) -> Diagnostic {
    let place = place_of(err, text);
    let inner = err.without_snippet();
    let (message, help): (String, Option<String>) = match inner {
        YamlError::AliasError { error, .. } => return translate(error, text),
        YamlError::SerdeUnknownField { field, expected, .. } => (
            format!("la clé « {field} » n'est pas connue à cet endroit"),
            Some(format!("clés permises ici\u{a0}: {} (vérifiez l'orthographe et l'indentation)", quote_list(expected))),
        ),
        YamlError::SerdeMissingField { field, .. } => (
            format!("la clé obligatoire « {field} » manque"),
            Some(format!("ajoutez « {field}: » dans ce bloc (voir docs/format.md)")),
        ),
        YamlError::SerdeUnknownVariant { variant, expected, .. } => (
            format!("la valeur « {variant} » n'est pas permise ici"),
            Some(format!("valeurs permises\u{a0}: {}", quote_list(expected))),
        ),
        YamlError::DuplicateMappingKey { key, .. } => (
            match key {
                Some(k) => format!("la clé « {k} » est écrite deux fois dans le même bloc"),
                None => "une clé est écrite deux fois dans le même bloc".to_owned(),
            },
            Some("gardez une seule fois chaque clé".to_owned()),
        ),
        YamlError::Message { msg, .. } => (msg.clone(), None),
        YamlError::SerdeInvalidType { unexpected, expected, .. }
        | YamlError::SerdeInvalidValue { unexpected, expected, .. } => (
            format!("valeur inattendue ({unexpected})\u{a0}: on attend {}", expected_fr(expected)),
            None,
        ),
        YamlError::Unexpected { expected, .. } => (
            format!("valeur inattendue\u{a0}: on attend {}", expected_fr(expected)),
            Some("vérifiez l'indentation\u{a0}: une liste s'écrit avec des tirets « - » ou entre crochets [a, b], un bloc avec des clés « nom: valeur »".to_owned()),
        ),
        YamlError::InvalidScalar { .. } => ("valeur mal écrite pour ce champ".to_owned(), None),
        YamlError::NullIntoString { .. } => (
            "une valeur est attendue ici, mais le champ est vide".to_owned(),
            Some("écrivez la valeur après les deux-points, ou retirez la clé si elle est facultative".to_owned()),
        ),
        YamlError::InvalidBooleanStrict { .. } => ("oui/non doit s'écrire true ou false".to_owned(), None),
        YamlError::Eof { .. } => (
            "le fichier s'arrête au milieu d'une valeur".to_owned(),
            Some("le fichier est peut-être tronqué\u{a0}: vérifiez sa fin".to_owned()),
        ),
        YamlError::MultipleDocuments { .. } => (
            "le fichier contient plusieurs documents YAML (séparés par « --- »)".to_owned(),
            Some("une session par fichier\u{a0}: retirez les lignes « --- »".to_owned()),
        ),
        YamlError::Budget { .. }
        | YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => (
            "le fichier est trop profond ou ses alias (&, *) se développent trop".to_owned(),
            Some("un fichier de session n'a besoin ni d'alias en cascade ni de plus de quelques niveaux d'imbrication".to_owned()),
        ),
        YamlError::UnknownAnchor { .. } => (
            "l'alias « * » renvoie à une ancre « & » qui n'existe pas".to_owned(),
            None,
        ),
        YamlError::InvalidUtf8Input => ("le fichier n'est pas encodé en UTF-8".to_owned(), None),
        YamlError::ExternalMessage { msg, .. } if msg.contains("recursion limit") => (
            "le fichier est trop profond (trop de crochets ou d'accolades imbriqués)".to_owned(),
            Some("un fichier de session n'a besoin que de quelques niveaux d'imbrication\u{a0}: vérifiez les crochets [ ] et les accolades { }".to_owned()),
        ),
        YamlError::ExternalMessage { msg, .. } => (
            format!("le fichier n'est pas un YAML valide\u{a0}: {}", parser_message_fr(msg)),
            Some("vérifiez l'indentation (des espaces, jamais de tabulations), les deux-points et les guillemets autour de cette ligne".to_owned()),
        ),
        other => {
            let msg = serde_saphyr::DefaultMessageFormatter.format_message(other).into_owned();
            (format!("le fichier n'est pas un YAML valide\u{a0}: {}", parser_message_fr(&msg)), None)
        }
    };
    let diagnostic = Diagnostic::error("", place, message);
    match help {
        Some(h) => diagnostic.help(h),
        None => diagnostic,
    }
}

/// What the YAML parser says (in English), said in French.
fn parser_message_fr(msg: &str) -> &'static str {
    const SAID: [(&str, &str); 9] = [
        (
            "tab",
            "une tabulation sert d'indentation ou commence une valeur (le YAML n'accepte que des espaces)",
        ),
        (
            "unclosed quote",
            "des guillemets ouverts ne sont pas refermés",
        ),
        (
            "after double-quoted",
            "du texte suit les guillemets fermants",
        ),
        (
            "after single-quoted",
            "du texte suit les guillemets fermants",
        ),
        (
            "unexpected character",
            "caractère inattendu (un texte qui commence par @, ` ou % s'écrit entre guillemets)",
        ),
        (
            "mapping values are not allowed",
            "deux-points inattendus (un texte qui contient « : » s'écrit entre guillemets)",
        ),
        (
            "expected",
            "une clé, un tiret ou un crochet fermant manque à cet endroit",
        ),
        ("indent", "l'indentation n'est pas celle du bloc"),
        (
            "end of stream",
            "le fichier s'arrête au milieu d'une valeur",
        ),
    ];
    let lower = msg.to_lowercase();
    SAID.iter()
        .find(|(english, _)| lower.contains(english))
        .map_or(
            "la syntaxe n'est pas correcte à cet endroit",
            |(_, french)| french,
        )
}

fn expected_fr(expected: &str) -> String {
    match expected {
        "string scalar" | "a string" => "un texte".to_owned(),
        "sequence start" | "a sequence" => "une liste".to_owned(),
        "mapping start" | "a map" => "un bloc de clés (« clé: valeur »)".to_owned(),
        other => other.to_owned(),
    }
}

use serde_saphyr::MessageFormatter as _;

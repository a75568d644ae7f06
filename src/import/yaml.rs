//! Writes the new candidates into the session file's text: their entries
//! go at the end of the `candidats:` list, in the file's own style; every
//! other line, comments included, stays as it is.

use super::rows::NewCandidate;

/// A value as a YAML double-quoted string: user text is data.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// The YAML entry of one candidate, indented as the fixtures are.
pub fn entry(c: &NewCandidate) -> String {
    let mut y = format!("  - id: {}\n    civilite: {}\n", c.id, c.civilite);
    y.push_str(&format!("    nom: {}\n", quoted(&c.nom)));
    if let Some(usage) = &c.nom_usage {
        y.push_str(&format!("    nom_usage: {}\n", quoted(usage)));
    }
    y.push_str(&format!("    prenom: {}\n", quoted(&c.prenom)));
    y.push_str(&format!("    identifiant: {}\n", quoted(&c.identifiant)));
    if let Some(d) = &c.date_naissance {
        y.push_str(&format!("    date_naissance: {d}\n"));
    }
    y.push_str(&format!("    voie: {}\n", c.voie));
    if let Some(f) = &c.formateur {
        y.push_str(&format!("    formateur: {}\n", quoted(f)));
    }
    if let Some(a) = &c.amenagement {
        y.push_str(&format!("    amenagement: {}\n", quoted(a)));
    }
    y.push_str("    adresse:\n");
    for line in &c.adresse {
        y.push_str(&format!("      - {}\n", quoted(line)));
    }
    let jury: Vec<String> = c.jury.iter().map(|j| quoted(j)).collect();
    y.push_str(&format!("    jury: [{}]\n", jury.join(", ")));
    y
}

/// The session text with `entries` added to its `candidats:` list, or
/// `None` when the file has no such top-level key.
pub fn insert(text: &str, entries: &str) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // `candidats:` or `candidats: []`, a comment after it allowed.
    let key = |l: &str| {
        l.split(" #")
            .next()
            .unwrap_or_default()
            .trim_end()
            .to_owned()
    };
    let start = lines
        .iter()
        .position(|l| key(l) == "candidats:" || key(l) == "candidats: []")?;
    // The list ends at the next top-level key (comments and blank lines
    // just before it belong to what follows).
    let mut end = lines[start + 1..]
        .iter()
        .position(|l| !l.starts_with([' ', '#', '\n', '\r']) && !l.trim().is_empty())
        .map_or(lines.len(), |i| start + 1 + i);
    while end > start + 1 && (lines[end - 1].trim().is_empty() || lines[end - 1].starts_with('#')) {
        end -= 1;
    }
    let mut out: String = lines[..start].concat();
    out.push_str(&lines[start].replacen("candidats: []", "candidats:", 1));
    if !lines[start].ends_with('\n') {
        out.push('\n');
    }
    let existing = lines[start + 1..end].concat();
    out.push_str(&existing);
    if !existing.is_empty() && !existing.ends_with('\n') {
        out.push('\n');
    }
    if !existing.trim().is_empty() {
        out.push('\n');
    }
    out.push_str(entries);
    let rest = lines[end..].concat();
    if !rest.is_empty() && !rest.starts_with('\n') {
        out.push('\n');
    }
    out.push_str(&rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_go_at_the_end_of_the_list_and_the_rest_stays() {
        let text = "# tête\ncandidats:\n  - id: a\n    nom: A\n\n# le planning\nplanning:\n  - x\n";
        let out = insert(text, "  - id: b\n").unwrap();
        assert_eq!(
            out,
            "# tête\ncandidats:\n  - id: a\n    nom: A\n\n  - id: b\n\n# le planning\nplanning:\n  - x\n"
        );
    }

    #[test]
    fn a_comment_on_the_key_line_stays() {
        let out = insert("candidats: []  # à remplir\nplanning:\n", "  - id: b\n").unwrap();
        assert_eq!(out, "candidats:  # à remplir\n  - id: b\n\nplanning:\n");
    }

    #[test]
    fn user_text_is_quoted() {
        assert_eq!(quoted("a: b # c"), "\"a: b # c\"");
    }
}

//! Writes the new candidates into the session file's text: their entries
//! go at the end of the `candidats:` list, in the file's own style; every
//! other line, comments included, stays as it is.

use super::rows::NewCandidate;
use crate::model::written;
use crate::session_text::{append_to_block_list, flow, key_line, quoted};

/// An id as written in the file: plain when no YAML reader can take it
/// for something else than a text (`martin`), else quoted (`"yes"`,
/// `"null"`, `"1900"`).
fn id(id: &str) -> String {
    const WORDS: [&str; 9] = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"];
    let plain = id.starts_with(|c: char| c.is_ascii_lowercase()) && !WORDS.contains(&id);
    if plain { id.to_owned() } else { quoted(id) }
}

/// The fields of one candidate as YAML values, every text quoted (a name
/// such as NULL or YES stays a text).
fn fields(c: &NewCandidate) -> Vec<(&'static str, String)> {
    let mut f = vec![
        ("id", id(&c.id)),
        ("civilite", written(c.civilite)),
        ("nom", quoted(&c.nom)),
    ];
    if let Some(usage) = &c.nom_usage {
        f.push(("nom_usage", quoted(usage)));
    }
    f.push(("prenom", quoted(&c.prenom)));
    f.push(("identifiant", quoted(&c.identifiant)));
    if let Some(d) = &c.date_naissance {
        f.push(("date_naissance", d.clone()));
    }
    f.push(("voie", written(c.voie)));
    if let Some(trainer) = &c.formateur {
        f.push(("formateur", quoted(trainer)));
    }
    if let Some(a) = &c.amenagement {
        f.push(("amenagement", quoted(a)));
    }
    f.push(("adresse", flow(&c.adresse)));
    f.push(("jury", flow(&c.jury)));
    f
}

/// The YAML entry of one candidate in a block list whose dashes are
/// `indent` spaces in.
pub fn entry(c: &NewCandidate, indent: usize) -> String {
    let pad = " ".repeat(indent);
    fields(c)
        .iter()
        .enumerate()
        .map(|(i, (key, value))| {
            let lead = if i == 0 { "- " } else { "  " };
            format!("{pad}{lead}{key}: {value}\n")
        })
        .collect()
}

/// The entry of one candidate in a flow list: `{id: "a", …}`.
pub fn flow_entry(c: &NewCandidate) -> String {
    let pairs: Vec<String> = fields(c)
        .iter()
        .map(|(key, value)| format!("{key}: {value}"))
        .collect();
    format!("{{{}}}", pairs.join(", "))
}

/// The session text with the candidates `new` added to its `candidats:`
/// list, or `None` when the file has no such top-level key. A block list
/// keeps its own indentation; a list written `[…]` on one line gets its
/// new items there.
pub fn insert(text: &str, new: &[NewCandidate]) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let (start, on_one_line) = key_line(&lines, "candidats")?;
    if on_one_line {
        return Some(insert_flow(&lines, start, new));
    }
    Some(append_to_block_list(&lines, start, true, |indent| {
        new.iter().map(|c| entry(c, indent)).collect()
    }))
}

/// Adds the new items before the `]` that closes the list on line `start`.
fn insert_flow(lines: &[&str], start: usize, new: &[NewCandidate]) -> String {
    let line = lines[start];
    let close = line
        .split(" #")
        .next()
        .unwrap_or_default()
        .rfind(']')
        .unwrap_or(line.len());
    let items: Vec<String> = new.iter().map(flow_entry).collect();
    let before = line[..close].trim_end();
    let comma = if before.ends_with('[') { "" } else { ", " };
    let mut out: String = lines[..start].concat();
    out.push_str(&format!(
        "{before}{comma}{}{}",
        items.join(", "),
        &line[close..]
    ));
    out.push_str(&lines[start + 1..].concat());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: &str) -> NewCandidate {
        NewCandidate {
            id: id.to_owned(),
            civilite: crate::model::Civilite::Mme,
            nom: "NULL".to_owned(),
            nom_usage: None,
            prenom: "Yes".to_owned(),
            identifiant: "1".to_owned(),
            date_naissance: None,
            voie: crate::model::Voie::Formation,
            adresse: vec!["1 rue A".to_owned()],
            formateur: None,
            amenagement: None,
            jury: vec![],
        }
    }

    const B: &str = "  - id: b\n    civilite: Mme\n    nom: \"NULL\"\n    prenom: \"Yes\"\n    identifiant: \"1\"\n    voie: formation\n    adresse: [\"1 rue A\"]\n    jury: []\n";

    #[test]
    fn entries_go_at_the_end_of_the_list_and_the_rest_stays() {
        let text = "# tête\ncandidats:\n  - id: a\n    nom: A\n\n# le planning\nplanning:\n  - x\n";
        let out = insert(text, &[candidate("b")]).unwrap();
        assert_eq!(
            out,
            format!(
                "# tête\ncandidats:\n  - id: a\n    nom: A\n\n{B}\n# le planning\nplanning:\n  - x\n"
            )
        );
    }

    #[test]
    fn a_comment_on_the_key_line_stays() {
        let out = insert("candidats: []  # à remplir\nplanning:\n", &[candidate("b")]).unwrap();
        assert_eq!(out, format!("candidats:  # à remplir\n{B}\nplanning:\n"));
    }

    #[test]
    fn items_at_column_0_get_their_new_ones_at_column_0() {
        let out = insert(
            "candidats:\n- id: a\n  nom: A\nplanning:\n",
            &[candidate("b")],
        )
        .unwrap();
        let b: String = B.lines().map(|l| format!("{}\n", &l[2..])).collect();
        assert_eq!(
            out,
            format!("candidats:\n- id: a\n  nom: A\n\n{b}\nplanning:\n")
        );
    }

    #[test]
    fn a_list_on_one_line_gets_its_new_items_there() {
        let out = insert(
            "candidats: [{id: a}]  # x\nplanning:\n",
            &[candidate("yes")],
        )
        .unwrap();
        assert!(
            out.starts_with("candidats: [{id: a}, {id: \"yes\", civilite: Mme, nom: \"NULL\", ")
                && out.ends_with("jury: []}]  # x\nplanning:\n"),
            "{out}"
        );
    }
}

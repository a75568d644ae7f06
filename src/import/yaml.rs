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
    match &c.amenagement {
        Some(a) if c.tiers_temps => f.push((
            "amenagement",
            format!(
                "{{description: {}, temps_supplementaire: tiers_temps}}",
                quoted(a)
            ),
        )),
        Some(a) => f.push(("amenagement", quoted(a))),
        None => {}
    }
    f.push(("adresse", flow(&c.adresse)));
    if let Some(phone) = &c.telephone {
        f.push(("telephone", quoted(phone)));
    }
    if let Some(email) = &c.email {
        f.push(("email", quoted(email)));
    }
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

/// The session text with the `fields` of the candidate `id` written anew
/// (a key missing from their entry added at its end), every other line
/// kept; `None` when the entry is not found as a block of `key: value`
/// lines (a candidate written `{…}` on one line).
pub fn update(text: &str, id: &str, fields: &[(&str, String)]) -> Option<String> {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    for (key, value) in fields {
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let (start, end, indent) = entry_of(&refs, id)?;
        let found = (start..end).find(|&i| key_value(refs[i], i == start, indent, key).is_some());
        let pad = " ".repeat(indent);
        match found {
            Some(i) => {
                let continued = (i + 1..end)
                    .take_while(|&j| {
                        let l = refs[j];
                        !l.trim().is_empty() && l.len() - l.trim_start().len() > indent
                    })
                    .count();
                let lead = if i == start {
                    format!("{}- ", &pad[2..])
                } else {
                    pad
                };
                lines.splice(i..=i + continued, [format!("{lead}{key}: {value}\n")]);
            }
            None => {
                if !lines[end - 1].ends_with('\n') {
                    lines[end - 1].push('\n');
                }
                lines.insert(end, format!("{pad}{key}: {value}\n"));
            }
        }
    }
    Some(lines.concat())
}

/// The lines of the candidate entry whose `id` is `id`: its first line,
/// the line after its last, and the indentation of its keys.
fn entry_of(lines: &[&str], id: &str) -> Option<(usize, usize, usize)> {
    let (start, on_one_line) = key_line(lines, "candidats")?;
    if on_one_line {
        return None;
    }
    let end = lines[start + 1..]
        .iter()
        .position(|l| {
            !(l.starts_with([' ', '#', '-']) || l.trim().is_empty()) || l.starts_with("---")
        })
        .map_or(lines.len(), |i| start + 1 + i);
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let dash = lines[start + 1..end]
        .iter()
        .find(|l| l.trim_start().starts_with('-'))
        .map(|l| indent_of(l))?;
    let items: Vec<usize> = (start + 1..end)
        .filter(|&i| indent_of(lines[i]) == dash && lines[i].trim_start().starts_with('-'))
        .collect();
    items.iter().enumerate().find_map(|(n, &a)| {
        let mut b = items.get(n + 1).copied().unwrap_or(end);
        let is_it = (a..b).any(|i| key_value(lines[i], i == a, dash + 2, "id") == Some(id));
        while b > a + 1
            && (lines[b - 1].trim().is_empty() || lines[b - 1].trim_start().starts_with('#'))
        {
            b -= 1;
        }
        is_it.then_some((a, b, dash + 2))
    })
}

/// The value of `key` on a line of an entry whose keys are `indent` in
/// (the first line of the entry starts with `- `), unquoted.
fn key_value<'a>(line: &'a str, first: bool, indent: usize, key: &str) -> Option<&'a str> {
    let rest = if first {
        line.get(indent - 2..)?.strip_prefix("- ")?
    } else {
        let rest = line.get(indent..)?;
        if line.len() - line.trim_start().len() != indent {
            return None;
        }
        rest
    };
    let value = rest.strip_prefix(key)?.strip_prefix(':')?;
    let value = value.split(" #").next().unwrap_or_default().trim();
    Some(value.trim_matches(|c| c == '"' || c == '\''))
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
            telephone: None,
            email: None,
            tiers_temps: false,
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
    fn an_update_rewrites_the_keys_given_and_keeps_the_rest() {
        let text = "candidats:\n  - id: a\n    prenom: \"Léa\"\n    adresse:\n      - 1 rue A\n      - 50100 Cherbourg\n    jury: [x, y]\n\n  - id: b\n    prenom: B\nplanning:\n";
        let out = update(
            text,
            "a",
            &[
                ("prenom", "\"Lea\"".to_owned()),
                ("adresse", "[\"2 rue B\"]".to_owned()),
                ("email", "\"a@b.fr\"".to_owned()),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "candidats:\n  - id: a\n    prenom: \"Lea\"\n    adresse: [\"2 rue B\"]\n    jury: [x, y]\n    email: \"a@b.fr\"\n\n  - id: b\n    prenom: B\nplanning:\n"
        );
        assert!(update("candidats: [{id: a}]\n", "a", &[("nom", "X".into())]).is_none());
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

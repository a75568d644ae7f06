//! Writes results into the session file's text: a candidate's
//! `resultat:` entry is replaced where it is, or added at the end of the
//! candidate's entry, in the file's indentation; every other line,
//! comments included, stays as it is.

use super::NewResult;
use crate::diag::Place;
use crate::error::Error;
use crate::model::{At, Resultat, Session, written};
use crate::session_text::{flow, quoted};

/// Whether the file's result already says what `new` says (the CCPs in
/// any order, the observations however their lines are folded).
pub fn same(old: Option<&At<Resultat>>, new: &NewResult) -> bool {
    let Some(old) = old.map(|r| &r.value) else {
        return false;
    };
    let words = |t: Option<&str>| {
        t.unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut old_ccp: Vec<&str> = old.ccp.iter().map(|c| c.value.as_str()).collect();
    let mut new_ccp: Vec<&str> = new.ccp.iter().map(String::as_str).collect();
    old_ccp.sort_unstable();
    new_ccp.sort_unstable();
    old.decision.value == new.decision
        && old_ccp == new_ccp
        && words(old.observations.as_deref()) == words(new.observations.as_deref())
}

/// The `resultat:` entry of a candidate whose keys are `indent` spaces in.
fn entry(r: &NewResult, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = format!("{pad}resultat:\n{pad}  decision: {}\n", written(r.decision));
    if r.decision != crate::model::Decision::Absent {
        out.push_str(&format!("{pad}  ccp: {}\n", flow(&r.ccp)));
    }
    if let Some(o) = &r.observations {
        out.push_str(&format!("{pad}  observations: {}\n", quoted(o)));
    }
    out
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// The lines of a block that starts on `start` and whose content is
/// indented more than `indent`: up to the next line at `indent` or less,
/// blank lines and comments at its end left out.
fn block_end(lines: &[String], start: usize, indent: usize) -> usize {
    let mut end = lines[start + 1..]
        .iter()
        .position(|l| !is_blank_or_comment(l) && indent_of(l) <= indent)
        .map_or(lines.len(), |i| start + 1 + i);
    while end > start + 1 && is_blank_or_comment(&lines[end - 1]) {
        end -= 1;
    }
    end
}

/// The text with each candidate's result (`results`, by candidate index)
/// written in.
pub fn write(text: &str, s: &Session, results: &[&(usize, NewResult)]) -> Result<String, Error> {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    if let Some(last) = lines.last_mut().filter(|l| !l.ends_with('\n')) {
        last.push('\n');
    }
    // From the end of the file up, so that the lines above keep their number.
    let mut placed: Vec<(usize, &NewResult, &str)> = Vec::new();
    for (i, r) in results {
        let c = &s.candidats.value[*i];
        let line = Place::of(&c.id.referenced).map(|p| p.line as usize);
        let Some(line) = line.filter(|l| *l >= 1 && *l <= lines.len()) else {
            return Err(not_in_blocks(&c.id.value));
        };
        placed.push((line - 1, r, c.id.value.as_str()));
    }
    placed.sort_by_key(|(line, ..)| std::cmp::Reverse(*line));
    for (id_line, r, id) in placed {
        write_one(&mut lines, id_line, r).ok_or_else(|| not_in_blocks(id))?;
    }
    let mut out = lines.concat();
    if !text.ends_with('\n') {
        out.pop();
    }
    Ok(out)
}

/// Writes one candidate's result; `None` when its entry is not written
/// one key a line (`- {id: a, …}`).
fn write_one(lines: &mut Vec<String>, id_line: usize, r: &NewResult) -> Option<()> {
    let line = &lines[id_line];
    let key_col = line.find("id:")?;
    if line[..key_col].contains(['{', '[']) {
        return None;
    }
    // The entry starts at its dash: on the id's line, or above it.
    let dash = format!("{}- ", " ".repeat(key_col.checked_sub(2)?));
    let start = (0..=id_line).rev().find(|&k| lines[k].starts_with(&dash))?;
    let end = block_end(lines, start, key_col - 1);
    let key_at = |l: &str| {
        l.get(key_col..)
            .is_some_and(|rest| rest.starts_with("resultat:"))
            && matches!(l[..key_col].trim(), "" | "-")
    };
    let new = entry(r, key_col);
    match (start..end).find(|&k| key_at(&lines[k])) {
        Some(k) if lines[k].trim_start().starts_with("- ") => {
            // `- resultat:` as the entry's first key: the dash stays.
            let block = block_end(lines, k, key_col);
            let mut text = new;
            text.replace_range(key_col - 2..key_col - 1, "-");
            lines.splice(k..block, [text]);
        }
        Some(k) => {
            let block = block_end(lines, k, key_col);
            lines.splice(k..block, [new]);
        }
        None => lines.insert(end, new),
    }
    Some(())
}

fn not_in_blocks(id: &str) -> Error {
    Error::Refused(format!(
        "le candidat « {id} » n'est pas écrit une clé par ligne dans le fichier de session\u{a0}: écrivez son entrée en liste (« - id: {id} », puis une clé par ligne) pour que ses résultats y soient ajoutés"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Decision;

    fn result() -> NewResult {
        NewResult {
            decision: Decision::ReussitePartielle,
            ccp: vec!["CP-1".to_owned()],
            observations: Some("à revoir".to_owned()),
        }
    }

    fn lines(text: &str) -> Vec<String> {
        text.split_inclusive('\n').map(str::to_owned).collect()
    }

    #[test]
    fn a_result_goes_at_the_end_of_its_candidate_and_the_rest_stays() {
        let mut l =
            lines("candidats:\n  - id: a\n    jury: [x]\n    # note\n\n  - id: b\nplanning:\n");
        write_one(&mut l, 1, &result()).unwrap();
        assert_eq!(
            l.concat(),
            "candidats:\n  - id: a\n    jury: [x]\n    resultat:\n      decision: reussite_partielle\n      ccp: [\"CP-1\"]\n      observations: \"à revoir\"\n    # note\n\n  - id: b\nplanning:\n"
        );
    }

    #[test]
    fn a_result_already_there_is_replaced_where_it_is() {
        let mut l = lines(
            "candidats:\n  - id: a\n    resultat:\n      decision: echec\n      observations: >-\n        long\n        texte\n    jury: [x]\n  - id: b\n",
        );
        write_one(&mut l, 1, &result()).unwrap();
        assert_eq!(
            l.concat(),
            "candidats:\n  - id: a\n    resultat:\n      decision: reussite_partielle\n      ccp: [\"CP-1\"]\n      observations: \"à revoir\"\n    jury: [x]\n  - id: b\n"
        );
    }

    #[test]
    fn a_candidate_written_on_one_line_is_refused() {
        let mut l = lines("candidats: [{id: a, jury: []}]\n");
        assert!(write_one(&mut l, 0, &result()).is_none());
    }
}

//! Writes the proposal into the session file's text, the way `importer`
//! does: the new slots at the end of `planning:`, each new pair in its
//! candidate's empty `jury: []`; every other line, comments included,
//! stays as it is. The file is replaced in one step, and only when the
//! result loads and `check` finds no error in it.

use std::path::Path;

use super::{NewSlot, Proposal, Who, hm};
use crate::diag::Place;
use crate::error::Error;
use crate::load::{self, Source};
use crate::model::Session;
use crate::session_text::{self, append_to_block_list, flow, key_line, quoted};

/// The YAML entry of one slot, items indented by `indent`.
pub fn entry(slot: &NewSlot, indent: usize) -> String {
    let indent = " ".repeat(indent);
    let nature = serde_json::to_value(slot.nature)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let mut y = format!("{indent}- date: {}\n", slot.date);
    let pad = format!("{indent}  ");
    y.push_str(&format!("{pad}debut: \"{}\"\n", hm(slot.debut)));
    y.push_str(&format!("{pad}fin: \"{}\"\n", hm(slot.fin)));
    y.push_str(&format!("{pad}nature: {nature}\n"));
    y.push_str(&format!("{pad}intitule: {}\n", quoted(&slot.intitule)));
    if let Some(room) = &slot.salle {
        y.push_str(&format!("{pad}salle: {}\n", quoted(room)));
    }
    for (key, who) in [
        ("candidats", &slot.candidats),
        ("jures", &slot.jures),
        ("surveillants", &slot.surveillants),
    ] {
        match who {
            Who::Tous => y.push_str(&format!("{pad}{key}: tous\n")),
            Who::Ids(ids) if !ids.is_empty() => y.push_str(&format!("{pad}{key}: {}\n", flow(ids))),
            Who::Ids(_) => {}
        }
    }
    y
}

/// The text with `slots` added at the end of its `planning:` list, or
/// `None` when the file has no such list written as a block.
pub fn insert_slots(text: &str, slots: &[NewSlot]) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    match key_line(&lines, "planning")? {
        (start, false) => Some(append_to_block_list(&lines, start, false, |indent| {
            slots.iter().map(|s| entry(s, indent)).collect()
        })),
        (_, true) => None,
    }
}

/// The text with each formed pair written in its candidate's `jury: []`,
/// or `None` when one of them is not written that way.
pub fn fill_juries(text: &str, s: &Session, proposal: &Proposal) -> Option<String> {
    let pairs = &proposal.pairs;
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for &c in &pairs.formed {
        let jury = &s.candidats.value[c].jury;
        let place = Place::of(&jury.referenced)?;
        let from = match place.bytes {
            Some((start, _)) => start,
            None => return None,
        };
        let open = from + text[from..].find('[')?;
        let close = open + text[open..].find(']')?;
        if !text[open + 1..close].trim().is_empty() || text[from..open].contains('\n') {
            return None;
        }
        let [a, b] = pairs.jurors[pairs.of_candidate[c]];
        let ids = [
            s.jures.value[a].id.value.clone(),
            s.jures.value[b].id.value.clone(),
        ];
        edits.push((open, close + 1, flow(&ids)));
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (start, end, with) in edits {
        out.replace_range(start..end, &with);
    }
    Some(out)
}

/// Writes the proposal into the file at `path`, whose text is `text`.
pub fn into_file(path: &Path, text: &str, s: &Session, proposal: &Proposal) -> Result<(), Error> {
    let name = path.display().to_string();
    let refuse =
        |why: String| Error::Refused(format!("{why}\u{a0}; « {name} » n'a pas été modifié"));
    let with_juries = fill_juries(text, s, proposal).ok_or_else(|| {
        refuse("un candidat sans binôme n'a pas « jury: [] » écrit sur sa ligne\u{a0}: écrivez « jury: [] » pour que planifier le complète".to_owned())
    })?;
    let updated = insert_slots(&with_juries, &proposal.slots).ok_or_else(|| {
        refuse(
            "le fichier n'a pas de liste « planning: »\u{a0}: ajoutez la ligne « planning: [] »"
                .to_owned(),
        )
    })?;
    let updated = session_text::with_line_endings_of(text, updated);
    let session = load::parse(&Source::from_text(&name, &updated)).map_err(|d| {
        refuse(format!(
            "le planning rendrait le fichier illisible ({})",
            d.message
        ))
    })?;
    let findings = crate::check::check(&session);
    if let Some(d) = findings
        .iter()
        .find(|d| d.severity == crate::diag::Severity::Error)
    {
        return Err(refuse(format!(
            "le planning proposé ne passe pas la vérification ({}\u{a0}: {})",
            d.path, d.message
        )));
    }
    session_text::replace(path, &updated)
}

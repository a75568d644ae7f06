//! Changes the values of a form in the session file's text, the way a
//! person would: the line of each value rewritten (its comment kept), a
//! missing optional value added at the end of its mapping, an emptied one
//! taken away; an item of a list added at its end or taken away whole;
//! every other line, comment and line ending as written.

use crate::session_text;

/// A change to one `key: value` line of a mapping.
pub struct Change<'a> {
    pub key: &'a str,
    /// The new value, as YAML (already quoted when it is text); `None`
    /// takes the line away (an optional value left empty).
    pub value: Option<String>,
}

/// Why the text could not be changed.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The file has no part `block:` written as a mapping.
    NoPart,
    /// The value of `key` spans several lines: it is left to an editor.
    MultiLine(String),
    /// The list is written on one line (`key: [...]`), or the item asked
    /// for is not in it.
    NoItem,
    /// `key` opens its item (`- key: …`): it cannot be taken away here.
    FirstKey(String),
}

/// The lines of one mapping: the part's, or an item's.
struct Span {
    /// Its first line (an item's `- ` line).
    start: usize,
    /// One past its last written line.
    end: usize,
    /// The indentation of its keys.
    indent: usize,
    /// Whether its first line opens a list item.
    dash: bool,
}

/// The text with the values of the top-level part `block` changed; a part
/// the file lacks is added at its end.
pub fn set_values(text: &str, block: &str, changes: &[Change]) -> Result<String, Refusal> {
    let mut lines = lines_of(text);
    ensure_mapping(&mut lines, block)?;
    for change in changes {
        let span = mapping_span(&lines, block).ok_or(Refusal::NoPart)?;
        set_value(&mut lines, &span, change)?;
    }
    Ok(joined(text, &lines))
}

/// The mapping at `path` added when the file lacks it: a top-level part
/// at the end of the file, a nested one (`session.convocation`) at the end
/// of its parent.
fn ensure_mapping(lines: &mut Vec<String>, path: &str) -> Result<(), Refusal> {
    if mapping_span(lines, path).is_some() {
        return Ok(());
    }
    match path.rsplit_once('.') {
        None => {
            if lines.last().is_some_and(|l| !l.trim().is_empty()) {
                lines.push(String::new());
            }
            lines.push(format!("{path}:"));
        }
        Some((parent, key)) => {
            ensure_mapping(lines, parent)?;
            let span = mapping_span(lines, parent).ok_or(Refusal::NoPart)?;
            // Written otherwise (`key: {…}`): left to a text editor.
            if key_in(lines, &span, key).is_some() {
                return Err(Refusal::NoPart);
            }
            lines.insert(span.end, format!("{}{key}:", " ".repeat(span.indent)));
        }
    }
    Ok(())
}

/// The text with the values of item `index` (0 for the first) of the
/// top-level list `block` changed.
pub fn set_item_values(
    text: &str,
    block: &str,
    index: usize,
    changes: &[Change],
) -> Result<String, Refusal> {
    let mut lines = lines_of(text);
    for change in changes {
        let span = item_span(&lines, block, index)?;
        set_value(&mut lines, &span, change)?;
    }
    Ok(joined(text, &lines))
}

/// The text with item `index` of the list `block` taken away, its lines
/// and the comments inside it; the list left empty is written `[]`.
pub fn remove_item(text: &str, block: &str, index: usize) -> Result<String, Refusal> {
    let mut lines = lines_of(text);
    let span = item_span(&lines, block, index)?;
    lines.drain(span.start..span.end);
    let (key, items, _) = list_lines(&lines, block)?;
    if items.is_empty() {
        let (head, rest) = key_and_rest(&lines[key]);
        let comment = comment_after_key(rest);
        lines[key] = format!("{head}: []{comment}");
    }
    Ok(joined(text, &lines))
}

/// A key's line cut at its colon: what comes before, what comes after.
fn key_and_rest(line: &str) -> (&str, &str) {
    line.split_once(':').unwrap_or((line, ""))
}

/// The text with a new item at the end of the list `block` (the list
/// added at the end of the file when it has none), from its `(key, YAML
/// value)` pairs.
pub fn append_item(text: &str, block: &str, values: &[(&str, String)]) -> Result<String, Refusal> {
    if block.contains('.') {
        return append_nested_item(text, block, values);
    }
    let entry = |indent: usize| {
        let lead = " ".repeat(indent);
        values
            .iter()
            .enumerate()
            .map(|(i, (key, value))| {
                let head = if i == 0 { "- " } else { "  " };
                format!("{lead}{head}{key}: {value}\n")
            })
            .collect::<String>()
    };
    let physical: Vec<&str> = text.split_inclusive('\n').collect();
    let out = match session_text::key_line(&physical, block) {
        Some((_, true)) => return Err(Refusal::NoItem),
        Some((start, false)) => {
            session_text::append_to_block_list(&physical, start, false, |i| vec![entry(i)])
        }
        None => {
            let mut out = text.to_owned();
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(&format!("{block}:\n{}", entry(2)));
            out
        }
    };
    Ok(session_text::with_line_endings_of(text, out))
}

/// [`append_item`] for a list inside a part (`titre.ccp`): the list
/// added at the end of its part when the part has none.
fn append_nested_item(
    text: &str,
    path: &str,
    values: &[(&str, String)],
) -> Result<String, Refusal> {
    let mut lines = lines_of(text);
    let (parent, name) = path.rsplit_once('.').ok_or(Refusal::NoPart)?;
    ensure_mapping(&mut lines, parent)?;
    let span = mapping_span(&lines, parent).ok_or(Refusal::NoPart)?;
    if key_in(&lines, &span, name).is_none() {
        lines.insert(span.end, format!("{}{name}:", " ".repeat(span.indent)));
    }
    let (key, items, end) = list_lines(&lines, path)?;
    let indent = items
        .first()
        .map_or(span.indent + 2, |&i| indent_of(&lines[i]));
    let (head, rest) = key_and_rest(&lines[key]);
    if comment_free(rest) == "[]" {
        lines[key] = format!("{head}:{}", comment_after_key(rest));
    }
    let lead = " ".repeat(indent);
    let entry = values.iter().enumerate().map(|(i, (key, value))| {
        let dash = if i == 0 { "- " } else { "  " };
        format!("{lead}{dash}{key}: {value}")
    });
    lines.splice(end..end, entry);
    Ok(joined(text, &lines))
}

fn lines_of(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

fn joined(text: &str, lines: &[String]) -> String {
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    session_text::with_line_endings_of(text, out)
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// The line of `block:` at the top of the file, its value below it.
fn part_line(lines: &[String], block: &str) -> Option<usize> {
    lines.iter().position(|l| {
        l.strip_prefix(block)
            .and_then(|r| r.strip_prefix(':'))
            .is_some_and(|r| r.trim().is_empty() || r.trim_start().starts_with('#'))
    })
}

/// The lines of the mapping at `path`: a top-level part (`centre`) or a
/// mapping inside one (`session.convocation`).
fn mapping_span(lines: &[String], path: &str) -> Option<Span> {
    let Some((parent, key)) = path.rsplit_once('.') else {
        return part_span(lines, path);
    };
    let parent = mapping_span(lines, parent)?;
    let at = key_in(lines, &parent, key)?;
    if !comment_free(key_and_rest(&lines[at]).1).is_empty() {
        return None;
    }
    let end = (at + 1..parent.end)
        .take_while(|&i| !is_content(&lines[i]) || indent_of(&lines[i]) > parent.indent)
        .filter(|&i| is_content(&lines[i]))
        .last()
        .map_or(at + 1, |i| i + 1);
    let indent = (at + 1..end)
        .find(|&i| is_content(&lines[i]))
        .map_or(parent.indent + 2, |i| indent_of(&lines[i]));
    Some(Span {
        start: at + 1,
        end,
        indent,
        dash: false,
    })
}

/// The line of `key:` among the keys of `span`.
fn key_in(lines: &[String], span: &Span, key: &str) -> Option<usize> {
    (span.start..span.end).find(|&i| has_key(&lines[i], span.indent, key))
}

fn part_span(lines: &[String], block: &str) -> Option<Span> {
    let start = part_line(lines, block)?;
    // The part ends with its last indented line.
    let end = (start + 1..lines.len())
        .take_while(|&i| !is_content(&lines[i]) || indent_of(&lines[i]) > 0)
        .filter(|&i| is_content(&lines[i]))
        .last()
        .map_or(start + 1, |i| i + 1);
    let indent = (start + 1..end)
        .find(|&i| is_content(&lines[i]))
        .map_or(2, |i| indent_of(&lines[i]));
    Some(Span {
        start: start + 1,
        end,
        indent,
        dash: false,
    })
}

/// The list `block` (`jures`, or `titre.ccp` inside a part): the line of
/// its key, the `- ` line of each item, and one past its last written
/// line.
fn list_lines(lines: &[String], block: &str) -> Result<(usize, Vec<usize>, usize), Refusal> {
    // The key's line, and its indentation: items may be written there.
    let (key, base) = match block.rsplit_once('.') {
        None => {
            let key = lines
                .iter()
                .position(|l| l.strip_prefix(block).is_some_and(|r| r.starts_with(':')))
                .ok_or(Refusal::NoPart)?;
            (key, 0)
        }
        Some((parent, name)) => {
            let span = mapping_span(lines, parent).ok_or(Refusal::NoPart)?;
            let key = key_in(lines, &span, name).ok_or(Refusal::NoPart)?;
            (key, span.indent)
        }
    };
    let value = comment_free(key_and_rest(&lines[key]).1);
    if !value.is_empty() {
        return match value {
            "[]" => Ok((key, Vec::new(), key + 1)),
            _ => Err(Refusal::NoItem),
        };
    }
    let in_list = |l: &String| {
        let t = l.trim_start();
        !is_content(l)
            || indent_of(l) > base
            || (indent_of(l) == base && t.starts_with('-') && !t.starts_with("---"))
    };
    let end = (key + 1..lines.len())
        .take_while(|&i| in_list(&lines[i]))
        .filter(|&i| is_content(&lines[i]))
        .last()
        .map_or(key + 1, |i| i + 1);
    let dash_indent = (key + 1..end)
        .find(|&i| is_content(&lines[i]))
        .map(|i| indent_of(&lines[i]));
    let items = (key + 1..end)
        .filter(|&i| {
            is_content(&lines[i])
                && Some(indent_of(&lines[i])) == dash_indent
                && lines[i].trim_start().starts_with('-')
        })
        .collect();
    Ok((key, items, end))
}

/// The value on a key's line, its comment left out.
fn comment_free(rest: &str) -> &str {
    let value = rest.trim();
    match value.find(" #") {
        _ if value.starts_with('#') => "",
        Some(i) => value[..i].trim(),
        None => value,
    }
}

/// The comment after `key:` when the value is empty or `[]`.
fn comment_after_key(rest: &str) -> String {
    rest.find('#')
        .map(|i| format!(" {}", &rest[i..]))
        .unwrap_or_default()
}

fn item_span(lines: &[String], block: &str, index: usize) -> Result<Span, Refusal> {
    let (_, items, end) = list_lines(lines, block)?;
    let start = *items.get(index).ok_or(Refusal::NoItem)?;
    let next = items.get(index + 1).copied().unwrap_or(end);
    let end = (start..next)
        .rev()
        .find(|&i| is_content(&lines[i]))
        .map_or(start + 1, |i| i + 1);
    let dash = indent_of(&lines[start]);
    let after = &lines[start][dash + 1..];
    let indent = dash + 1 + (after.len() - after.trim_start_matches(' ').len());
    Ok(Span {
        start,
        end,
        indent,
        dash: true,
    })
}

/// Whether `line` holds `key:` at `indent` (after `- ` on an item's first
/// line).
fn has_key(line: &str, indent: usize, key: &str) -> bool {
    let Some((lead, rest)) = line.get(..indent).zip(line.get(indent..)) else {
        return false;
    };
    matches!(lead.trim(), "" | "-") && rest.strip_prefix(key).is_some_and(|r| r.starts_with(':'))
}

fn set_value(lines: &mut Vec<String>, span: &Span, change: &Change) -> Result<(), Refusal> {
    let indent = span.indent;
    let found = (span.start..span.end).find(|&i| has_key(&lines[i], indent, change.key));
    let Some(i) = found else {
        if let Some(value) = &change.value {
            let line = format!("{}{}: {value}", " ".repeat(indent), change.key);
            lines.insert(span.end, line);
        }
        return Ok(());
    };
    let rest = lines[i][indent + change.key.len() + 1..].to_owned();
    let continued = lines
        .get(i + 1)
        .is_some_and(|next| i + 1 < span.end && is_content(next) && indent_of(next) > indent);
    if continued && let Some(items) = block_sequence(lines, span, i, indent) {
        return set_sequence(lines, i, items, change);
    }
    let comment = comment_of(&rest)
        .filter(|_| !continued)
        .ok_or_else(|| Refusal::MultiLine(change.key.to_owned()))?;
    match &change.value {
        Some(value) => {
            lines[i] = format!("{}{}: {value}{comment}", &lines[i][..indent], change.key);
        }
        None if span.dash && i == span.start => {
            return Err(Refusal::FirstKey(change.key.to_owned()));
        }
        None => {
            lines.remove(i);
        }
    }
    Ok(())
}

/// The lines of a list written one item a line below its key (`- 8 allée
/// des Tilleuls`), each a plain one-line value without a comment: the
/// range of those lines; `None` for any other value below a key.
fn block_sequence(
    lines: &[String],
    span: &Span,
    key_line: usize,
    indent: usize,
) -> Option<std::ops::Range<usize>> {
    let rest = &lines[key_line][indent..];
    let after_key = rest.split_once(':')?.1;
    if !after_key.trim().is_empty() {
        return None;
    }
    let start = key_line + 1;
    let below = (start..span.end)
        .find(|&j| is_content(&lines[j]) && indent_of(&lines[j]) <= indent)
        .unwrap_or(span.end);
    // Up to its last item: the blank lines after it stay.
    let end = (start..below).rev().find(|&j| is_content(&lines[j]))? + 1;
    let items = &lines[start..end];
    let simple = |l: &String| {
        let item = l.trim_start().strip_prefix("- ");
        item.is_some_and(|v| {
            let v = v.trim();
            let nested_or_special = v.is_empty()
                || v.starts_with(['[', '{', '|', '>', '&', '*', '!'])
                || v.contains(" #")
                || v.contains(": ")
                || v.ends_with(':');
            !nested_or_special && comment_of(v).is_some()
        })
    };
    // A comment or a blank line among the items is left to an editor.
    items.iter().all(simple).then_some(start..end)
}

/// Writes `change` over a list written one item a line, in the same
/// shape: the items at the same indentation, each quoted; an empty value
/// takes the key and its items away.
fn set_sequence(
    lines: &mut Vec<String>,
    key_line: usize,
    items: std::ops::Range<usize>,
    change: &Change,
) -> Result<(), Refusal> {
    let Some(value) = &change.value else {
        lines.drain(key_line..items.end);
        return Ok(());
    };
    let refused = || Refusal::MultiLine(change.key.to_owned());
    let values: Vec<String> = serde_saphyr::from_str(value).map_err(|_| refused())?;
    let dash = lines[items.clone()]
        .iter()
        .find(|l| is_content(l))
        .map(|l| indent_of(l))
        .ok_or_else(refused)?;
    let written: Vec<String> = values
        .iter()
        .map(|v| format!("{}- {}", " ".repeat(dash), crate::session_text::quoted(v)))
        .collect();
    lines.splice(items, written);
    Ok(())
}

/// The comment after a one-line value (`  # …`, or nothing); `None` when
/// the value goes on below (`|`, `>`, nothing on the line, an open quote).
pub(crate) fn comment_of(rest: &str) -> Option<String> {
    let value = rest.trim_start();
    let end = match value.chars().next() {
        None | Some('|' | '>') => return None,
        Some('"') => closing_double_quote(value)?,
        Some('\'') => value[1..].find('\'').map(|i| i + 2)?,
        Some('[') => value.find(']').map(|i| i + 1)?,
        Some(_) => value.find(" #").unwrap_or(value.len()),
    };
    let after = &value[end..];
    match after.trim_start() {
        "" => Some(String::new()),
        c if c.starts_with('#') => Some(format!(
            "{}{}",
            &after[..after.len() - after.trim_start().len()],
            c
        )),
        _ => Some(String::new()),
    }
}

fn closing_double_quote(value: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in value.char_indices().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(i + 1),
            _ => escaped = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# tête\r\ncentre:\r\n  nom: Ancien # le nom\r\n  site: \"S\"\r\n  telephone: \"01\"\r\n\r\n# suite\r\nautorite:\r\n  nom: A\r\n";

    fn change<'a>(key: &'a str, value: Option<&str>) -> Change<'a> {
        Change {
            key,
            value: value.map(str::to_owned),
        }
    }

    #[test]
    fn values_change_and_comments_stay() {
        let out = set_values(
            TEXT,
            "centre",
            &[
                change("nom", Some("\"Nouveau: « x » # y\"")),
                change("telephone", None),
                change("email", Some("\"a@b.fr\"")),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "# tête\r\ncentre:\r\n  nom: \"Nouveau: « x » # y\" # le nom\r\n  site: \"S\"\r\n  email: \"a@b.fr\"\r\n\r\n# suite\r\nautorite:\r\n  nom: A\r\n"
        );
    }

    #[test]
    fn a_value_on_several_lines_is_refused() {
        let text = "centre:\n  nom: >\n    long\n";
        assert_eq!(
            set_values(text, "centre", &[change("nom", Some("x"))]),
            Err(Refusal::MultiLine("nom".to_owned()))
        );
    }

    #[test]
    fn a_list_written_one_item_a_line_is_rewritten_in_its_shape() {
        let text = "candidats:\n  - id: a\n    adresse:\n      - 8 rue Haute\n      - 50100 Cherbourg\n\n  - id: b # le second\n";
        let out = set_item_values(
            text,
            "candidats",
            0,
            &[change(
                "adresse",
                Some("[\"9 rue Haute\", \"50100 Cherbourg\"]"),
            )],
        );
        assert_eq!(
            out.unwrap(),
            "candidats:\n  - id: a\n    adresse:\n      - \"9 rue Haute\"\n      - \"50100 Cherbourg\"\n\n  - id: b # le second\n"
        );
        // A comment among the items is left to an editor.
        let commented = text.replace("      - 50100", "      # code postal\n      - 50100");
        assert_eq!(
            set_item_values(
                &commented,
                "candidats",
                0,
                &[change("adresse", Some("[\"x\"]"))]
            ),
            Err(Refusal::MultiLine("adresse".to_owned()))
        );
    }

    #[test]
    fn a_missing_part_is_added_at_the_end() {
        let out = set_values(
            "a: 1\n",
            "organisation",
            &[change("battement", Some("\"00:05\""))],
        );
        assert_eq!(
            out.unwrap(),
            "a: 1\n\norganisation:\n  battement: \"00:05\"\n"
        );
    }

    const LIST: &str = "salles:\n  # la première\n  - id: a # hall\n    nom: A\n  # la deuxième\n  - id: b\n    nom: B\n    places: [1]\n\ncandidats: []\n";

    #[test]
    fn an_item_changes_in_place() {
        let out = set_item_values(
            LIST,
            "salles",
            1,
            &[
                change("id", Some("c")),
                change("places", None),
                change("nom", Some("\"C\"")),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "salles:\n  # la première\n  - id: a # hall\n    nom: A\n  # la deuxième\n  - id: c\n    nom: \"C\"\n\ncandidats: []\n"
        );
        let first = set_item_values(LIST, "salles", 0, &[change("places", Some("3"))]).unwrap();
        assert!(first.contains("  - id: a # hall\n    nom: A\n    places: 3\n  # la deuxième\n"));
        assert_eq!(
            set_item_values(LIST, "salles", 0, &[change("id", None)]),
            Err(Refusal::FirstKey("id".to_owned()))
        );
        assert_eq!(
            set_item_values(LIST, "salles", 2, &[change("id", Some("x"))]).err(),
            Some(Refusal::NoItem)
        );
    }

    #[test]
    fn items_are_added_and_removed() {
        let added = append_item(
            LIST,
            "salles",
            &[("id", "z".to_owned()), ("nom", "\"Z\"".to_owned())],
        )
        .unwrap();
        assert!(
            added.contains("    places: [1]\n  - id: z\n    nom: \"Z\"\n\ncandidats: []\n"),
            "{added}"
        );
        let into_empty = append_item(LIST, "candidats", &[("id", "k".to_owned())]).unwrap();
        assert!(
            into_empty.ends_with("candidats:\n  - id: k\n"),
            "{into_empty}"
        );
        let new_list = append_item("a: 1\n", "formateurs", &[("id", "f".to_owned())]).unwrap();
        assert_eq!(new_list, "a: 1\n\nformateurs:\n  - id: f\n");
        let removed = remove_item(LIST, "salles", 0).unwrap();
        assert_eq!(
            removed,
            "salles:\n  # la première\n  # la deuxième\n  - id: b\n    nom: B\n    places: [1]\n\ncandidats: []\n"
        );
        let none_left = remove_item(&removed, "salles", 0).unwrap();
        assert_eq!(
            none_left,
            "salles: []\n  # la première\n  # la deuxième\n\ncandidats: []\n"
        );
    }

    const NESTED: &str = "titre:\n  code: TP-1 # le code\n  ccp:\n    # le premier\n    - code: CP-1\n      intitule: Un\n    - code: CP-2 # deux\n      intitule: Deux\n\nsession:\n  numero: \"1\"\n  convocation: # envoi\n    date: 2026-12-04 # un mois avant\n    mode: recommande\n  debut: 2027-01-11\n";

    #[test]
    fn a_mapping_inside_a_part_changes_in_place() {
        let out = set_values(
            NESTED,
            "session.convocation",
            &[
                change("date", Some("\"2026-12-01\"")),
                change("mode", Some("main_propre")),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            NESTED
                .replace("date: 2026-12-04 #", "date: \"2026-12-01\" #")
                .replace("mode: recommande", "mode: main_propre")
        );
        let without = NESTED.replace(
            "  convocation: # envoi\n    date: 2026-12-04 # un mois avant\n    mode: recommande\n",
            "",
        );
        let added = set_values(
            &without,
            "session.convocation",
            &[change("mode", Some("recommande"))],
        )
        .unwrap();
        assert!(
            added.ends_with("  debut: 2027-01-11\n  convocation:\n    mode: recommande\n"),
            "{added}"
        );
        let flow = NESTED.replace(
            "  convocation: # envoi",
            "  convocation: {date: 2026-12-04}\n  x:",
        );
        assert_eq!(
            set_values(
                &flow,
                "session.convocation",
                &[change("mode", Some("recommande"))]
            ),
            Err(Refusal::NoPart)
        );
    }

    #[test]
    fn a_list_inside_a_part_changes_in_place() {
        let out = set_item_values(
            NESTED,
            "titre.ccp",
            1,
            &[change("intitule", Some("\"Deux bis\""))],
        )
        .unwrap();
        assert_eq!(
            out,
            NESTED.replace("intitule: Deux", "intitule: \"Deux bis\"")
        );
        let added = append_item(
            NESTED,
            "titre.ccp",
            &[
                ("code", "\"CP-3\"".to_owned()),
                ("intitule", "\"Trois\"".to_owned()),
            ],
        )
        .unwrap();
        assert!(
            added.contains(
                "      intitule: Deux\n    - code: \"CP-3\"\n      intitule: \"Trois\"\n\nsession:"
            ),
            "{added}"
        );
        let removed = remove_item(NESTED, "titre.ccp", 0).unwrap();
        assert!(
            removed.starts_with("titre:\n  code: TP-1 # le code\n  ccp:\n    # le premier\n    - code: CP-2 # deux\n      intitule: Deux\n\nsession:"),
            "{removed}"
        );
        let none_left = remove_item(&removed, "titre.ccp", 0).unwrap();
        assert!(none_left.contains("  ccp: []\n"), "{none_left}");
        let again =
            append_item(&none_left, "titre.ccp", &[("code", "\"CP-9\"".to_owned())]).unwrap();
        assert!(again.contains("  ccp:\n    - code: \"CP-9\"\n"), "{again}");
        // Items written at the key's own indentation.
        let flush = "titre:\n  ccp:\n  - code: A\n  sigle: S\n";
        let flush_added = append_item(flush, "titre.ccp", &[("code", "B".to_owned())]).unwrap();
        assert_eq!(
            flush_added,
            "titre:\n  ccp:\n  - code: A\n  - code: B\n  sigle: S\n"
        );
        let no_list = append_item(
            "titre:\n  code: X\n",
            "titre.ccp",
            &[("code", "B".to_owned())],
        )
        .unwrap();
        assert_eq!(no_list, "titre:\n  code: X\n  ccp:\n    - code: B\n");
    }
}

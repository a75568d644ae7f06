//! Changes the values of a form in the session file's text, the way a
//! person would: the line of each value rewritten (its comment kept), a
//! missing optional value added at the end of its part, an emptied one
//! taken away; every other line, comment and line ending as written.

use crate::session_text;

/// A change to one `key: value` line of a top-level part.
pub struct Change<'a> {
    pub key: &'a str,
    /// The new value; `None` takes the line away (an optional value left
    /// empty).
    pub value: Option<&'a str>,
}

/// Why the text could not be changed.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The file has no part `block:` written as a mapping.
    NoPart,
    /// The value of `key` spans several lines: it is left to an editor.
    MultiLine(String),
}

/// The text with the values of part `block` changed.
pub fn set_values(text: &str, block: &str, changes: &[Change]) -> Result<String, Refusal> {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for change in changes {
        set_value(&mut lines, block, change)?;
    }
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    Ok(session_text::with_line_endings_of(text, out))
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

fn set_value(lines: &mut Vec<String>, block: &str, change: &Change) -> Result<(), Refusal> {
    let start = lines
        .iter()
        .position(|l| {
            l.strip_prefix(block)
                .and_then(|r| r.strip_prefix(':'))
                .is_some_and(|r| r.trim().is_empty() || r.trim_start().starts_with('#'))
        })
        .ok_or(Refusal::NoPart)?;
    // The part ends with its last indented line.
    let end = (start + 1..lines.len())
        .take_while(|&i| !is_content(&lines[i]) || indent_of(&lines[i]) > 0)
        .filter(|&i| is_content(&lines[i]))
        .last()
        .map_or(start + 1, |i| i + 1);
    let indent = (start + 1..end)
        .find(|&i| is_content(&lines[i]))
        .map_or(2, |i| indent_of(&lines[i]));
    let found = (start + 1..end).find(|&i| {
        indent_of(&lines[i]) == indent
            && lines[i][indent..]
                .strip_prefix(change.key)
                .is_some_and(|r| r.starts_with(':'))
    });
    let new_line = |comment: &str| {
        change.value.map(|v| {
            format!(
                "{}{}: {}{comment}",
                " ".repeat(indent),
                change.key,
                session_text::quoted(v)
            )
        })
    };
    match found {
        Some(i) => {
            let rest = lines[i][indent + change.key.len() + 1..].to_owned();
            let continued = lines
                .get(i + 1)
                .is_some_and(|next| i + 1 < end && is_content(next) && indent_of(next) > indent);
            let comment = comment_of(&rest)
                .filter(|_| !continued)
                .ok_or_else(|| Refusal::MultiLine(change.key.to_owned()))?;
            match new_line(&comment) {
                Some(line) => lines[i] = line,
                None => {
                    lines.remove(i);
                }
            }
        }
        None => {
            if let Some(line) = new_line("") {
                lines.insert(end, line);
            }
        }
    }
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

    #[test]
    fn values_change_and_comments_stay() {
        let out = set_values(
            TEXT,
            "centre",
            &[
                Change {
                    key: "nom",
                    value: Some("Nouveau: « x » # y"),
                },
                Change {
                    key: "telephone",
                    value: None,
                },
                Change {
                    key: "email",
                    value: Some("a@b.fr"),
                },
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
        let change = Change {
            key: "nom",
            value: Some("x"),
        };
        assert_eq!(
            set_values(text, "centre", &[change]),
            Err(Refusal::MultiLine("nom".to_owned()))
        );
    }
}

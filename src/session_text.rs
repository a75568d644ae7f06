//! Edits a session file as text, the way a person would: new entries at
//! the end of one of its top-level lists, every other line, comment and
//! line ending kept as written; the file replaced in one step. `importer`
//! and `planifier` both write through here.

use std::io::Write;
use std::path::Path;

use crate::error::Error;

/// A value as a YAML double-quoted string: user text is data.
pub fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// `["a", "b"]`.
pub fn flow(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| quoted(i)).collect();
    format!("[{}]", items.join(", "))
}

/// Where the top-level list `key` is: the line of its key, and whether its
/// items are written on that same line between brackets (`key: [a, b]`).
/// An empty `key: []` is a block list to be.
pub fn key_line(lines: &[&str], key: &str) -> Option<(usize, bool)> {
    lines.iter().enumerate().find_map(|(i, l)| {
        let rest = l.strip_prefix(key)?.trim_start().strip_prefix(':')?;
        let value = rest.split(" #").next().unwrap_or_default().trim();
        match value {
            "" | "[]" => Some((i, false)),
            v if v.starts_with('[') && v.ends_with(']') => Some((i, true)),
            _ => None,
        }
    })
}

/// The text with entries appended to the block list whose key is on line
/// `start` (an empty `[]` there is taken away, a comment kept). `entries`
/// gets the items' indentation as the file has it (2 when it has none);
/// with `blank_lines`, entries are set apart by a blank line, as people
/// write candidates.
pub fn append_to_block_list(
    lines: &[&str],
    start: usize,
    blank_lines: bool,
    entries: impl FnOnce(usize) -> Vec<String>,
) -> String {
    // The list ends at the next top-level key (comments and blank lines
    // just before it belong to what follows); its items may be written at
    // column 0.
    let in_list = |l: &&str| {
        l.starts_with([' ', '#', '\n', '\r'])
            || l.trim().is_empty()
            || (l.starts_with('-') && !l.starts_with("---"))
    };
    let mut end = lines[start + 1..]
        .iter()
        .position(|l| !in_list(l))
        .map_or(lines.len(), |i| start + 1 + i);
    while end > start + 1 && (lines[end - 1].trim().is_empty() || lines[end - 1].starts_with('#')) {
        end -= 1;
    }
    let indent = lines[start + 1..end]
        .iter()
        .find(|l| {
            let t = l.trim_start();
            t.starts_with("- ") || t.trim_end() == "-"
        })
        .map_or(2, |l| l.len() - l.trim_start().len());
    let separator = if blank_lines { "\n" } else { "" };
    let entries = entries(indent).join(separator);
    let mut out: String = lines[..start].concat();
    out.push_str(&match lines[start].find("[]") {
        Some(i) => format!("{}{}", lines[start][..i].trim_end(), &lines[start][i + 2..]),
        None => lines[start].to_owned(),
    });
    if !lines[start].ends_with('\n') {
        out.push('\n');
    }
    let existing = lines[start + 1..end].concat();
    out.push_str(&existing);
    if !existing.is_empty() && !existing.ends_with('\n') {
        out.push('\n');
    }
    if blank_lines && !existing.trim().is_empty() {
        out.push('\n');
    }
    out.push_str(&entries);
    let rest = lines[end..].concat();
    if !rest.is_empty() && !rest.starts_with('\n') {
        out.push('\n');
    }
    out.push_str(&rest);
    out
}

/// `text` with the line endings of `original`: every line ending CR LF
/// when the file had them.
pub fn with_line_endings_of(original: &str, text: String) -> String {
    if original.contains("\r\n") {
        text.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        text
    }
}

/// Replaces the file in one step: a new file beside it, with its
/// permissions, renamed over it. A symbolic link is followed: the file it
/// points to is the one replaced.
pub fn replace(path: &Path, text: &str) -> Result<(), Error> {
    let error = |e: &std::io::Error| {
        Error::Io(format!(
            "impossible d'écrire « {} »\u{a0}: {}",
            path.display(),
            crate::error::io_fr(e)
        ))
    };
    let target = std::fs::canonicalize(path).map_err(|e| error(&e))?;
    let permissions = std::fs::metadata(&target)
        .map_err(|e| error(&e))?
        .permissions();
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(|e| error(&e))?;
    file.write_all(text.as_bytes()).map_err(|e| error(&e))?;
    file.as_file()
        .set_permissions(permissions)
        .map_err(|e| error(&e))?;
    file.as_file().sync_all().map_err(|e| error(&e))?;
    file.persist(&target).map_err(|e| error(&e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_quoted() {
        assert_eq!(quoted("a: b # c"), "\"a: b # c\"");
    }

    #[test]
    fn cr_lf_files_keep_cr_lf() {
        assert_eq!(
            with_line_endings_of("a\r\nb\r\n", "a\r\nb\nc\n".to_owned()),
            "a\r\nb\r\nc\r\n"
        );
        assert_eq!(with_line_endings_of("a\n", "a\nb\n".to_owned()), "a\nb\n");
    }
}

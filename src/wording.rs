//! The wording of every document: minijinja templates in `templates/`,
//! embedded in the binary and overridable by a centre's own copies.
//!
//! A template holds one `{% block %}` per piece of text a composer asks
//! for. Its output is plain text that the composer puts in document blocks:
//! it is never read as markup, so a value such as `{{ 7*7 }}` typed in the
//! session file prints as typed.

use crate::error::Error;
use std::path::{Path, PathBuf};

use minijinja::{Environment, State, UndefinedBehavior, Value};
use serde::de::DeserializeOwned;
use serde::de::value::MapDeserializer;
use serde_aux::serde_introspection::serde_introspect;
use std::collections::HashMap;

use crate::fr;
use crate::kind::{KINDS, Kind};

/// The embedded templates that belong to no one kind (each kind's own
/// template is embedded by its row in `crate::kind`), by file name.
const SHARED: &[(&str, &str)] = &[
    ("commun.j2", include_str!("../templates/commun.j2")),
    ("macros.j2", include_str!("../templates/macros.j2")),
    ("reglement.j2", include_str!("../templates/reglement.j2")),
    (
        "changements.j2",
        include_str!("../templates/changements.j2"),
    ),
    ("planifier.j2", include_str!("../templates/planifier.j2")),
    ("resultats.j2", include_str!("../templates/resultats.j2")),
    ("sommaire.j2", include_str!("../templates/sommaire.j2")),
    ("envoi.j2", include_str!("../templates/envoi.j2")),
];

/// Every embedded template, by file name, each once.
fn embedded() -> Vec<(String, &'static str)> {
    let mut all: Vec<(String, &'static str)> = SHARED
        .iter()
        .map(|(name, text)| ((*name).to_owned(), *text))
        .collect();
    for spec in KINDS {
        let name = format!("{}.j2", spec.template);
        if !all.iter().any(|(n, _)| *n == name) {
            all.push((name, spec.embedded));
        }
    }
    all
}

fn template_error(name: &str, err: &minijinja::Error) -> Error {
    let line = err
        .line()
        .map(|l| format!(", ligne {l}"))
        .unwrap_or_default();
    Error::Wording(format!("modèle « {name} »{line}\u{a0}: {err}"))
}

/// Every template, each compiled once per run, when first used.
pub struct Wording {
    env: Environment<'static>,
}

impl Wording {
    /// The embedded templates, with the files of `overrides` (if given)
    /// taking the place of those of the same name.
    pub fn new(overrides: Option<&Path>) -> Result<Wording, Error> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        // A family name in capitals as written (« de SAINT-EXUPÉRY »).
        env.add_filter("capitales", |nom: String| fr::capitals(&nom));
        if let Some(dir) = overrides {
            no_stray_template(dir)?;
        }
        let mut unread = Vec::new();
        for (name, embedded) in embedded() {
            match overrides.map(|dir| dir.join(&name)).filter(|p| p.is_file()) {
                // A centre's copy is compiled at once: its mistakes are
                // told before anything is produced.
                Some(path) => {
                    let source = read_override(&path)?;
                    env.add_template_owned(name.clone(), french_spacing(&source))
                        .map_err(|e| template_error(&name, &e))?;
                }
                None => unread.push((name, embedded)),
            }
        }
        // The embedded ones are compiled when first used: a run that asks
        // for one document compiles only the templates it reads.
        env.set_loader(move |name| {
            Ok(unread
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, text)| french_spacing(text)))
        });
        Ok(Wording { env })
    }

    /// Renders blocks of the template `name` with `context`, inside `f`.
    pub fn with<R>(
        &self,
        name: &str,
        context: Value,
        f: impl FnOnce(&mut Texts) -> Result<R, Error>,
    ) -> Result<R, Error> {
        let file = format!("{name}.j2");
        let template = self
            .env
            .get_template(&file)
            .map_err(|e| template_error(&file, &e))?;
        // `eval_to_state` is the one call that yields a `State` whose blocks
        // can be rendered one by one (`render_captured` gives it read-only).
        #[allow(deprecated)]
        let state = template
            .eval_to_state(context)
            .map_err(|e| template_error(&file, &e))?;
        let mut texts = Texts { state, file };
        f(&mut texts)
    }
}

/// Refuses a centre's template folder that cannot be read, or that holds
/// a `.j2` file no template has the name of (a misspelt copy would be
/// silently left unused): each such file is named with the closest
/// template name.
fn no_stray_template(dir: &Path) -> Result<(), Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Error::Usage(format!(
            "--templates\u{a0}: impossible de lire le dossier « {} »\u{a0}: {}",
            dir.display(),
            crate::error::io_fr(&e)
        ))
    })?;
    let names: Vec<String> = embedded().into_iter().map(|(n, _)| n).collect();
    let mut stray: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".j2") && !names.contains(n))
        .collect();
    if stray.is_empty() {
        return Ok(());
    }
    stray.sort();
    let lines: Vec<String> = stray
        .iter()
        .map(|n| {
            let closest = names
                .iter()
                .min_by_key(|known| edit_distance(n, known))
                .map(String::as_str)
                .unwrap_or_default();
            format!("  « {n} »\u{a0}: vouliez-vous dire « {closest} »\u{a0}?")
        })
        .collect();
    Err(Error::Refused(format!(
        "--templates\u{a0}: {} fichier(s) de « {} » ne porte(nt) le nom d'aucun modèle et ne seraient pas utilisés\u{a0}:\n{}\nRenommez-les du nom du modèle qu'ils remplacent (la liste\u{a0}: dossier templates/ des sources), ou retirez-les du dossier.",
        stray.len(),
        dir.display(),
        lines.join("\n")
    )))
}

/// The number of one-character edits from `a` to `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let replaced = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = replaced.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

fn read_override(path: &PathBuf) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| {
        Error::Wording(format!(
            "impossible de lire le modèle « {} »\u{a0}: {}",
            path.display(),
            crate::error::io_fr(&e)
        ))
    })
}

/// The blocks of one template, evaluated with one context.
pub struct Texts<'a> {
    state: State<'a, 'a>,
    file: String,
}

impl Texts<'_> {
    /// The block's raw output.
    pub fn raw(&mut self, block: &str) -> Result<String, Error> {
        self.state
            .render_block(block)
            .map_err(|e| template_error(&self.file, &e))
    }

    /// The block as one line of text (line breaks of the template folded).
    pub fn text(&mut self, block: &str) -> Result<String, Error> {
        Ok(fold(&self.raw(block)?))
    }

    /// The block as paragraphs: separated by blank lines, each folded.
    pub fn paragraphs(&mut self, block: &str) -> Result<Vec<String>, Error> {
        Ok(self
            .raw(block)?
            .split("\n\n")
            .map(fold)
            .filter(|p| !p.is_empty())
            .collect())
    }

    /// The block as lines: one per non-empty line, trimmed.
    pub fn lines(&mut self, block: &str) -> Result<Vec<String>, Error> {
        Ok(self
            .raw(block)?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect())
    }

    /// The output of the template's macro `name` called with `args`: a
    /// sentence around values the composer has one by one (a row, a name).
    pub fn call(&self, name: &str, args: &[Value]) -> Result<String, Error> {
        if self.state.lookup(name).is_none() {
            return Err(Error::Wording(format!(
                "modèle « {} »\u{a0}: la macro « {name} » manque",
                self.file
            )));
        }
        self.state
            .call_macro(name, args)
            .map_err(|e| template_error(&self.file, &e))
    }
}

/// A block of `key = text` lines that a composer reads as the struct of
/// its labels: the struct's fields are the keys the block must give.
#[derive(Clone, Copy)]
pub struct LabelBlock {
    /// The template's name, without `.j2`.
    pub template: &'static str,
    pub block: &'static str,
    keys: fn() -> &'static [&'static str],
}

impl LabelBlock {
    /// The block `block` of `template`, read as `T`.
    pub const fn of<T: DeserializeOwned>(template: &'static str, block: &'static str) -> Self {
        LabelBlock {
            template,
            block,
            keys: serde_introspect::<T>,
        }
    }
}

/// The `key = text` lines of a block.
pub fn label_entries(raw: &str) -> HashMap<String, String> {
    raw.lines()
        .filter_map(|l| {
            l.split_once('=')
                .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        })
        .collect()
}

/// Refuses a block that lacks some of `keys`, naming each one.
fn require_keys(
    file: &str,
    block: &str,
    keys: &[&str],
    entries: &HashMap<String, String>,
) -> Result<(), Error> {
    let missing: Vec<String> = keys
        .iter()
        .filter(|k| !entries.contains_key(**k))
        .map(|k| format!("« {k} »"))
        .collect();
    match missing.len() {
        0 => Ok(()),
        1 => Err(Error::Wording(format!(
            "modèle « {file} »\u{a0}: le libellé {} manque dans le bloc « {block} »",
            missing[0]
        ))),
        _ => Err(Error::Wording(format!(
            "modèle « {file} »\u{a0}: les libellés {} manquent dans le bloc « {block} »",
            missing.join(", ")
        ))),
    }
}

impl Texts<'_> {
    /// The block of `key = text` lines read as the labels struct `T`; a
    /// missing key is an error naming the template, the block and the key.
    pub fn labels_as<T: DeserializeOwned>(&mut self, block: &str) -> Result<T, Error> {
        let entries = label_entries(&self.raw(block)?);
        require_keys(&self.file, block, serde_introspect::<T>(), &entries)?;
        T::deserialize(MapDeserializer::<_, serde::de::value::Error>::new(
            entries.into_iter(),
        ))
        .map_err(|e| Error::Wording(format!("modèle « {} »\u{a0}: {e}", self.file)))
    }
}

impl Wording {
    /// Refuses, before anything is produced, a template whose label blocks
    /// lack a key a composer reads. The blocks are rendered without the
    /// session's values (labels are plain text); a template whose top level
    /// needs them is checked when its document is composed.
    pub fn check_labels(&self, blocks: &[LabelBlock]) -> Result<(), Error> {
        for b in blocks {
            let file = format!("{}.j2", b.template);
            let template = self
                .env
                .get_template(&file)
                .map_err(|e| template_error(&file, &e))?;
            #[allow(deprecated)]
            let Ok(mut state) = template.eval_to_state(Value::UNDEFINED) else {
                continue;
            };
            let raw = state
                .render_block(b.block)
                .map_err(|e| template_error(&file, &e))?;
            require_keys(&file, b.block, (b.keys)(), &label_entries(&raw))?;
        }
        Ok(())
    }
}

impl Wording {
    /// How each of `kinds` is named in the label block `block` of its own
    /// template (`nom_sommaire`, `nom_changements`: one `sorte = nom` line
    /// per kind), by kind name. A template that does not name one of its
    /// kinds is an error naming the template, the block and the kind.
    pub fn kind_names(
        &self,
        block: &str,
        kinds: impl IntoIterator<Item = Kind>,
    ) -> Result<std::collections::BTreeMap<&'static str, String>, Error> {
        kinds
            .into_iter()
            .map(|kind| {
                self.with(kind.template(), Value::UNDEFINED, |t| {
                    let mut entries = label_entries(&t.raw(block)?);
                    require_keys(&t.file, block, &[kind.name()], &entries)?;
                    Ok((kind.name(), entries.remove(kind.name()).unwrap_or_default()))
                })
            })
            .collect()
    }
}

/// Joins the lines of a paragraph with single spaces.
fn fold(text: &str) -> String {
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Applies French spacing to the wording of a template, outside its tags:
/// the values inserted later are never touched.
fn french_spacing(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 64);
    let mut rest = source;
    while let Some(start) = rest.find(['{']) {
        let (text, tail) = rest.split_at(start);
        let close = match tail.as_bytes().get(1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => {
                out.push_str(&fr::typography(text));
                out.push('{');
                rest = &tail[1..];
                continue;
            }
        };
        out.push_str(&fr::typography(text));
        let end = tail.find(close).map_or(tail.len(), |i| i + 2);
        out.push_str(&tail[..end]);
        rest = &tail[end..];
    }
    out.push_str(&fr::typography(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_label_block_is_checked_before_composing() {
        // `check_labels` skips a template whose top level needs the
        // session's values: none of the embedded ones may.
        let wording = Wording::new(None).unwrap();
        for spec in KINDS {
            for b in crate::compose::label_blocks(spec.kind) {
                let file = format!("{}.j2", b.template);
                let template = wording.env.get_template(&file).unwrap();
                #[allow(deprecated)]
                let top_level = template.eval_to_state(Value::UNDEFINED);
                assert!(top_level.is_ok(), "{file}: {top_level:?}");
            }
        }
    }

    #[test]
    fn french_spacing_leaves_tags_alone() {
        let s = french_spacing("Objet : {{ a ~ ' : ' }} !{% if x %}oui ?{% endif %}");
        assert_eq!(
            s,
            "Objet\u{a0}: {{ a ~ ' : ' }}\u{202f}!{% if x %}oui\u{202f}?{% endif %}"
        );
    }

    #[test]
    fn every_embedded_template_compiles() {
        let wording = Wording::new(None).unwrap();
        for (name, _) in embedded() {
            if let Err(e) = wording.env.get_template(&name) {
                panic!("{}", template_error(&name, &e));
            }
        }
    }
}

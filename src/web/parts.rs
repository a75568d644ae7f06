//! The forms of the parts of the file written as one mapping of plain
//! values (`centre:`, `session:`'s dates, `responsable:`,
//! `organisation:`), from one table: each field's key, label, whether it
//! is required, the format said before it and what it holds. Shown from
//! the file as written, saved in place (only if the file did not change
//! meanwhile and still reads as a session), `check`'s messages beside
//! their fields. The fields, their check and how a value is written are
//! shared with the lists' forms ([`crate::web::lists`]).

use std::collections::HashMap;

use serde::Serialize;

use crate::error::Error;
use crate::load::{self, Source};
use crate::web::app::App;
use crate::web::edit::{self, Change};
use crate::web::http::{Reply, Request, first};
use crate::web::message::{input_problem, not_written, refusal_words};
use crate::web::view::Views;

/// What a field holds, for the form's own check before writing and for
/// the way it is written in the file.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A day written `AAAA-MM-JJ`.
    Date,
    /// An hour or a length written `HH:MM`.
    Time,
    /// A whole number.
    Number,
    /// One of these values, as written in the file (each said as the
    /// form's wording says).
    Choice(&'static [&'static str]),
    /// Words separated by commas, written `["a", "b"]`.
    Texts,
    /// Days separated by commas, written `[2027-01-11, 2027-01-12]`.
    Dates,
    /// Two `HH:MM` separated by a comma, written `["08:00", "18:00"]`.
    Times,
}

/// Madame or Monsieur, as the file writes them.
pub const CIVILITE: Kind = Kind::Choice(&["Mme", "M."]);

/// One field of a form: its key in the file, whether it is required, what
/// it holds. Its label and the format said before it are the form's
/// wording ([`FormWording`]).
pub type FieldSpec = (&'static str, bool, Kind);

/// The template of the forms' wording: a block per form, named by its key
/// in the file, and the block `personne` for the fields that forms share.
const WORDING: &str = "formulaires.html";

/// What a form says: its title, its text before the fields, each field's
/// label and format, each value's name in a list of values.
pub struct FormWording {
    block: String,
    labels: HashMap<String, String>,
}

impl FormWording {
    /// The wording of the form of the file's key `block`.
    pub fn of(views: &Views, block: &str) -> Result<FormWording, Error> {
        Ok(FormWording {
            block: block.to_owned(),
            // A block's name has no dot: `titre.ccp` is worded in `titre_ccp`.
            labels: views.labels(WORDING, &["pages", "personne", &block.replace('.', "_")])?,
        })
    }

    /// The titles of the pages of the file's parts, by key.
    pub fn page_titles(views: &Views) -> Result<HashMap<String, String>, Error> {
        let labels = views.labels(WORDING, &["pages"])?;
        Ok(labels
            .into_iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("page.")?.to_owned(), v)))
            .collect())
    }

    /// The title of the form's page.
    pub fn title(&self) -> String {
        self.get(&format!("page.{}", self.block))
    }

    /// The text of `key` (`titre`, `intro`, `nom`, `nom.format`,
    /// `envoi.courriel`); the key itself where the template lacks it (a
    /// test checks that no form's wording lacks one).
    pub fn get(&self, key: &str) -> String {
        self.labels
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    }

    /// Whether the template words `key`.
    pub fn has(&self, key: &str) -> bool {
        self.labels.contains_key(key)
    }
}

/// A part of the file with a form of its own.
pub struct Part {
    /// Its key at the top of the file.
    pub block: &'static str,
    /// Its page.
    pub url: &'static str,
    pub fields: &'static [FieldSpec],
}

/// The approved centre (`centre:`).
pub const CENTRE: Part = Part {
    block: "centre",
    url: "/centre",
    fields: &[
        ("nom", true, Kind::Text),
        ("site", true, Kind::Text),
        ("ville", true, Kind::Text),
        ("telephone", false, Kind::Text),
        ("email", false, Kind::Text),
    ],
};

/// The session's number and dates (`session:`).
pub const DATES: Part = Part {
    block: "session",
    url: "/dates",
    fields: &[
        ("numero", true, Kind::Text),
        ("nature", true, Kind::Choice(&["titre", "ccp", "ccs"])),
        ("ccp", false, Kind::Texts),
        ("debut", true, Kind::Date),
        ("fin", true, Kind::Date),
        ("tenue", false, Kind::Text),
        ("millesime", false, Kind::Text),
        ("validation_ddets", false, Kind::Date),
        ("reglement_general", false, Kind::Text),
    ],
};

/// How the convocations are sent (`session.convocation:`).
pub const CONVOCATION: Part = Part {
    block: "session.convocation",
    url: "/convocation",
    fields: &[
        ("date", true, Kind::Date),
        ("mode", true, Kind::Choice(&["recommande", "main_propre"])),
    ],
};

/// The titre professionnel (`titre:`); its CCPs are a list of their own
/// ([`crate::web::lists::CCP`]).
pub const TITRE: Part = Part {
    block: "titre",
    url: "/titre",
    fields: &[
        ("code", true, Kind::Text),
        ("intitule", true, Kind::Text),
        ("sigle", false, Kind::Text),
    ],
};

/// The responsable of the session (`responsable:`).
pub const RESPONSABLE: Part = Part {
    block: "responsable",
    url: "/responsable",
    fields: &[
        ("civilite", true, CIVILITE),
        ("nom", true, Kind::Text),
        ("prenom", true, Kind::Text),
        ("telephone", false, Kind::Text),
        ("email", false, Kind::Text),
    ],
};

/// How the days are organised, for the planner (`organisation:`).
pub const ORGANISATION: Part = Part {
    block: "organisation",
    url: "/organisation",
    fields: &[
        ("horaires", false, Kind::Times),
        ("accueil", false, Kind::Time),
        ("briefing", false, Kind::Time),
        ("dejeuner", false, Kind::Times),
        ("etude_dossiers", false, Kind::Time),
        ("deliberation", false, Kind::Time),
        ("battement", false, Kind::Time),
        ("pause_jury", false, Kind::Times),
    ],
};

/// One choice of a list of values.
#[derive(Serialize)]
pub struct Choice {
    pub value: &'static str,
    pub label: String,
}

/// One field, as the templates show it.
#[derive(Serialize)]
pub struct Field {
    pub key: &'static str,
    /// Its id on the page (its key, or `l2-nom` in a list).
    pub id: String,
    pub label: String,
    pub required: bool,
    pub format: String,
    pub value: String,
    /// The values to choose from, for a list of values.
    pub choices: Vec<Choice>,
    /// What is wrong with it: the form's own check, then `check`'s.
    pub errors: Vec<String>,
}

/// The fields of `specs` as `wording` says them, their ids made with
/// `id`, their values given by `value`.
pub fn fields_with(
    specs: &[FieldSpec],
    wording: &FormWording,
    id: impl Fn(&str) -> String,
    value: impl Fn(&str) -> String,
) -> Vec<Field> {
    specs
        .iter()
        .map(|&(key, required, kind)| Field {
            key,
            id: id(key),
            label: wording.get(key),
            required,
            format: wording.get(&format!("{key}.format")),
            value: value(key),
            choices: match kind {
                Kind::Choice(list) => list
                    .iter()
                    .map(|&value| Choice {
                        value,
                        label: wording.get(&format!("{key}.{value}")),
                    })
                    .collect(),
                _ => Vec::new(),
            },
            errors: Vec::new(),
        })
        .collect()
}

/// A value of the file's tree as a form shows it (a list as its items
/// separated by commas); `None` when there is none.
pub fn shown(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        serde_json::Value::Array(items) => Some(
            items
                .iter()
                .filter_map(shown)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}

/// The value at `path` (`session.convocation`) in the file's tree.
pub fn at_path<'a>(tree: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    path.split('.').fold(tree, |value, key| &value[key])
}

/// The file's text as a tree of values (empty when it does not read).
pub fn tree_of(source: &Source) -> serde_json::Value {
    serde_saphyr::from_str(&source.text).unwrap_or_default()
}

/// `HH:MM` (or `H:MM`), from 00:00 to 23:59.
fn is_hm(text: &str) -> bool {
    text.split_once(':').is_some_and(|(h, m)| {
        let (h, m) = (h.parse::<u16>(), m.parse::<u16>());
        matches!((h, m), (Ok(h), Ok(m)) if h < 24 && m < 60) && text.len() <= 5
    })
}

fn is_date(text: &str) -> bool {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok() && text.len() == 10
}

/// The items of a value written with commas.
fn items(value: &str) -> Vec<&str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect()
}

/// What the form itself finds wrong with a field's value.
/// What the form itself finds wrong with a field's value, worded by the
/// block `saisie` of `templates/web/textes.txt`.
pub fn problem(views: &Views, spec: &FieldSpec, field: &Field) -> Option<String> {
    let (_, required, kind) = *spec;
    let (label, value) = (&field.label, field.value.as_str());
    let said = |key: &str, value: &str| input_problem(views, key, label, value);
    if value.is_empty() {
        return required.then(|| said("vide", value));
    }
    match kind {
        Kind::Text | Kind::Texts => None,
        Kind::Date => (!is_date(value)).then(|| said("date", value)),
        Kind::Time => (!is_hm(value)).then(|| said("heure", value)),
        Kind::Number => (!value.chars().all(|c| c.is_ascii_digit()) || value.len() > 6)
            .then(|| said("nombre", value)),
        Kind::Choice(list) => (!list.contains(&value)).then(|| said("choix", value)),
        Kind::Dates => items(value)
            .into_iter()
            .find(|d| !is_date(d))
            .map(|d| said("dates", d)),
        Kind::Times => {
            let times = items(value);
            (times.len() != 2 || !times.iter().all(|t| is_hm(t))).then(|| said("heures", value))
        }
    }
}

/// A value checked by [`problem`] as the file writes it: text quoted (user
/// text is data), a number or a choice as it is, a list between brackets.
pub fn yaml_value(kind: Kind, value: &str) -> String {
    use crate::session_text::quoted;
    match kind {
        Kind::Number | Kind::Choice(_) => value.to_owned(),
        Kind::Text | Kind::Date | Kind::Time => quoted(value),
        Kind::Dates => format!("[{}]", items(value).join(", ")),
        Kind::Texts | Kind::Times => {
            let items: Vec<String> = items(value).into_iter().map(str::to_owned).collect();
            crate::session_text::flow(&items)
        }
    }
}

/// The changes a form makes: each field's value, an optional one left
/// empty taken away.
pub fn changes<'a>(specs: &[FieldSpec], fields: &'a [Field]) -> Vec<Change<'a>> {
    fields
        .iter()
        .zip(specs)
        .map(|(f, spec)| Change {
            key: f.key,
            value: (f.required || !f.value.is_empty()).then(|| yaml_value(spec.2, &f.value)),
        })
        .collect()
}

impl App {
    /// The form of `part`, filled from the file.
    pub fn part_page(&self, part: &Part, request: &Request) -> Result<Reply, Error> {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(reply) => return Ok(reply),
        };
        let tree = tree_of(&loaded.source);
        let wording = FormWording::of(&self.views, part.block)?;
        let mut fields = fields_with(part.fields, &wording, str::to_owned, |key| {
            shown(&at_path(&tree, part.block)[key]).unwrap_or_default()
        });
        for finding in &loaded.findings {
            if let Some(field) = fields
                .iter_mut()
                .find(|f| finding.link.as_deref() == Some(&format!("{}#{}", part.url, f.id)))
            {
                field.errors.push(finding.message.clone());
            }
        }
        let saved = request.query("enregistre").is_some();
        let hash = &loaded.source.sha256;
        self.part_form(part, 200, &fields, hash, saved, None)
    }

    /// Saves the form of `part` in the file.
    pub fn part_save(&self, part: &Part, request: &Request) -> Result<Reply, Error> {
        let path = match self.session_path() {
            Ok(p) => p.to_path_buf(),
            Err(reply) => return Ok(reply),
        };
        let form = request.form();
        let given = |key: &str| first(&form, key).unwrap_or_default().trim().to_owned();
        let wording = FormWording::of(&self.views, part.block)?;
        let mut fields = fields_with(part.fields, &wording, str::to_owned, given);
        for (field, spec) in fields.iter_mut().zip(part.fields) {
            let problem = problem(&self.views, spec, field);
            field.errors.extend(problem);
        }
        let seen = first(&form, "empreinte").unwrap_or_default().to_owned();
        if fields.iter().any(|f| !f.errors.is_empty()) {
            return self.part_form(part, 422, &fields, &seen, false, None);
        }
        let source = match load::read(&path) {
            Ok(s) => s,
            Err(d) => return Ok(self.unreadable(&d.message)),
        };
        if source.sha256 != seen {
            return Ok(self.changed_on_disk(part.url));
        }
        let text = match edit::set_values(&source.text, part.block, &changes(part.fields, &fields))
        {
            Ok(t) => t,
            Err(refusal) => {
                let why = refusal_words(&self.views, &refusal, part.block);
                return self.part_form(part, 409, &fields, &seen, false, Some(why));
            }
        };
        if let Err(d) = load::parse(&Source::from_text(&source.name, &text)) {
            let why = not_written(&self.views, "illisible", &d.message);
            return self.part_form(part, 422, &fields, &seen, false, Some(why));
        }
        crate::session_text::replace(&path, &text)?;
        Ok(Reply::redirect(&format!("{}?enregistre=1", part.url)))
    }

    fn part_form(
        &self,
        part: &Part,
        status: u16,
        fields: &[Field],
        hash: &str,
        saved: bool,
        refused: Option<String>,
    ) -> Result<Reply, Error> {
        let wording = FormWording::of(&self.views, part.block)?;
        let context = minijinja::context! {
            session => self.session_name(), fields, empreinte => hash, saved, refused,
            errors => fields.iter().filter(|f| !f.errors.is_empty()).count(),
            url => part.url, title => wording.title(), legend => wording.get("legende"),
            intro => wording.get("intro"), required => part.fields.iter().any(|f| f.1),
            page => part.url.trim_start_matches('/'),
        };
        Ok(Reply::html(
            status,
            self.views.render("partie.html", context)?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::lists::LISTS;
    use crate::web::pages::PARTS;

    /// What `wording` lacks for the fields of `fields`: a label, a format,
    /// a value's name.
    fn missing(wording: &FormWording, fields: &[FieldSpec]) -> Vec<String> {
        let mut keys = Vec::new();
        for &(key, _, kind) in fields {
            keys.push(key.to_owned());
            keys.push(format!("{key}.format"));
            if let Kind::Choice(values) = kind {
                keys.extend(values.iter().map(|v| format!("{key}.{v}")));
            }
        }
        keys.into_iter().filter(|k| !wording.has(k)).collect()
    }

    #[test]
    fn every_form_is_worded_whole_in_its_template() {
        let views = Views::new().unwrap();
        for part in [
            &CENTRE,
            &DATES,
            &RESPONSABLE,
            &ORGANISATION,
            &TITRE,
            &CONVOCATION,
        ] {
            let wording = FormWording::of(&views, part.block).unwrap();
            let mut lacks = missing(&wording, part.fields);
            lacks.extend(
                ["legende", "intro"]
                    .iter()
                    .filter(|k| !wording.has(k))
                    .map(|k| k.to_string()),
            );
            assert_eq!(lacks, Vec::<String>::new(), "{}", part.block);
        }
        for list in LISTS {
            let wording = FormWording::of(&views, list.block).unwrap();
            let mut lacks = missing(&wording, list.fields);
            lacks.extend(
                ["element", "intro"]
                    .iter()
                    .filter(|k| !wording.has(k))
                    .map(|k| k.to_string()),
            );
            assert_eq!(lacks, Vec::<String>::new(), "{}", list.block);
        }
        let titles = FormWording::page_titles(&views).unwrap();
        for (key, _) in PARTS {
            assert!(titles.contains_key(*key), "page.{key}");
        }
    }
}

//! The forms of the parts of the file written as one mapping of plain
//! values (`session:`'s dates, `responsable:`), from one table: each
//! field's key, label, whether it is required and the format said before
//! it. Shown from the file as written, saved in place like the centre's
//! form (only if the file did not change meanwhile and still reads as a
//! session), `check`'s messages beside their fields.

use serde::Serialize;

use crate::error::Error;
use crate::load::{self, Source};
use crate::web::app::App;
use crate::web::edit::{self, Change, Refusal};
use crate::web::http::{Reply, Request, first};

/// What a field holds, for the form's own check before writing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A day written `AAAA-MM-JJ`.
    Date,
}

/// One field of a part: key in the file, label, required, format said
/// before the field, what it holds.
pub type FieldSpec = (&'static str, &'static str, bool, &'static str, Kind);

/// A part of the file with a form of its own.
pub struct Part {
    /// Its key at the top of the file.
    pub block: &'static str,
    /// Its page.
    pub url: &'static str,
    pub title: &'static str,
    pub legend: &'static str,
    /// What the page says before the fields.
    pub intro: &'static str,
    pub fields: &'static [FieldSpec],
}

/// The session's number and dates (`session:`).
pub const DATES: Part = Part {
    block: "session",
    url: "/dates",
    title: "Les dates",
    legend: "La session",
    intro: "Le numéro et les dates de la session figurent sur tous les documents. La nature de la session et la convocation se modifient dans le fichier.",
    fields: &[
        (
            "numero",
            "Numéro de session",
            true,
            "celui donné par la DDETS, par exemple 375846",
            Kind::Text,
        ),
        (
            "debut",
            "Premier jour",
            true,
            "AAAA-MM-JJ, par exemple 2027-01-11",
            Kind::Date,
        ),
        (
            "fin",
            "Dernier jour",
            true,
            "AAAA-MM-JJ, par exemple 2027-01-12",
            Kind::Date,
        ),
        (
            "tenue",
            "Tenue demandée aux candidats",
            false,
            "une phrase, par exemple « Tenue de ville correcte »",
            Kind::Text,
        ),
    ],
};

/// The responsable of the session (`responsable:`).
pub const RESPONSABLE: Part = Part {
    block: "responsable",
    url: "/responsable",
    title: "Le responsable",
    legend: "Le responsable de session",
    intro: "Il signe les documents de la session. Le suppléant se modifie dans le fichier.",
    fields: &[
        ("civilite", "Civilité", true, "Mme ou M.", Kind::Text),
        (
            "nom",
            "Nom",
            true,
            "en capitales, par exemple GARNIER",
            Kind::Text,
        ),
        ("prenom", "Prénom", true, "par exemple Sophie", Kind::Text),
        (
            "telephone",
            "Téléphone",
            false,
            "par exemple 02 33 00 12 40",
            Kind::Text,
        ),
        (
            "email",
            "Courriel",
            false,
            "par exemple s.garnier@centre.fr",
            Kind::Text,
        ),
    ],
};

/// One field, as the template shows it.
#[derive(Serialize)]
struct Field {
    key: &'static str,
    label: &'static str,
    required: bool,
    format: &'static str,
    value: String,
    errors: Vec<String>,
}

fn fields_with(part: &Part, value: impl Fn(&str) -> String) -> Vec<Field> {
    part.fields
        .iter()
        .map(|&(key, label, required, format, _)| Field {
            key,
            label,
            required,
            format,
            value: value(key),
            errors: Vec::new(),
        })
        .collect()
}

/// The part's values as the file writes them.
fn written_values(source: &Source, part: &Part) -> std::collections::BTreeMap<String, String> {
    let tree: serde_json::Value = serde_saphyr::from_str(&source.text).unwrap_or_default();
    part.fields
        .iter()
        .filter_map(|(key, ..)| {
            let value = match &tree[part.block][key] {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => return None,
            };
            Some(((*key).to_owned(), value))
        })
        .collect()
}

/// What the form itself finds wrong with a value.
fn problem(spec: &FieldSpec, value: &str) -> Option<String> {
    let (_, label, required, _, kind) = *spec;
    if value.is_empty() {
        return required.then(|| format!("{label} est à remplir."));
    }
    let is_date = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok() && value.len() == 10;
    (kind == Kind::Date && !is_date).then(|| {
        format!("« {value} » n'est pas une date au format AAAA-MM-JJ (par exemple 2027-01-11).")
    })
}

impl App {
    /// The form of `part`, filled from the file.
    pub fn part_page(&self, part: &Part, request: &Request) -> Result<Reply, Error> {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(reply) => return Ok(reply),
        };
        let values = written_values(&loaded.source, part);
        let mut fields = fields_with(part, |key| values.get(key).cloned().unwrap_or_default());
        for finding in &loaded.findings {
            if let Some(field) = fields
                .iter_mut()
                .find(|f| finding.link.as_deref() == Some(&format!("{}#{}", part.url, f.key)))
            {
                field.errors.push(finding.message.clone());
            }
        }
        let saved = request.query("enregistre").is_some();
        self.part_form(part, 200, &fields, &loaded.source.sha256, saved, None)
    }

    /// Saves the form of `part` in the file.
    pub fn part_save(&self, part: &Part, request: &Request) -> Result<Reply, Error> {
        let path = match self.session_path() {
            Ok(p) => p.to_path_buf(),
            Err(reply) => return Ok(reply),
        };
        let form = request.form();
        let given = |key: &str| first(&form, key).unwrap_or_default().trim().to_owned();
        let mut fields = fields_with(part, given);
        for (field, spec) in fields.iter_mut().zip(part.fields) {
            field.errors.extend(problem(spec, &field.value));
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
        let changes: Vec<Change> = fields
            .iter()
            .map(|f| Change {
                key: f.key,
                value: (f.required || !f.value.is_empty()).then_some(f.value.as_str()),
            })
            .collect();
        let text = match edit::set_values(&source.text, part.block, &changes) {
            Ok(t) => t,
            Err(refusal) => {
                let why = match refusal {
                    Refusal::NoPart => format!(
                        "le fichier n'a pas de partie « {}: »\u{a0}; ajoutez-la avec un éditeur de texte",
                        part.block
                    ),
                    Refusal::MultiLine(key) => format!(
                        "la valeur de « {key} » est écrite sur plusieurs lignes\u{a0}; modifiez-la avec un éditeur de texte"
                    ),
                };
                return self.part_form(part, 409, &fields, &seen, false, Some(why));
            }
        };
        if let Err(d) = load::parse(&Source::from_text(&source.name, &text)) {
            let why = format!(
                "ces valeurs rendraient le fichier illisible ({})\u{a0}; rien n'a été écrit",
                d.message
            );
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
        let context = minijinja::context! {
            session => self.session_name(), fields, empreinte => hash, saved, refused,
            errors => fields.iter().filter(|f| !f.errors.is_empty()).count(),
            url => part.url, title => part.title, legend => part.legend, intro => part.intro,
            page => part.url.trim_start_matches('/'),
        };
        Ok(Reply::html(
            status,
            self.views.render("partie.html", context)?,
        ))
    }
}

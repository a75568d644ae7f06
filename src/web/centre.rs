//! The form of the centre (`centre:` in the file): its values shown, and
//! saved in place — only if the file did not change on disk since the
//! page was loaded, and only if it still reads as a session.

use serde::Serialize;

use crate::error::Error;
use crate::load::{self, Source};
use crate::web::app::App;
use crate::web::edit::{self, Change, Refusal};
use crate::web::http::{Reply, Request, first};

/// The fields of the form: key in the file, label, required, format said
/// before the field.
const FIELDS: &[(&str, &str, bool, &str)] = &[
    (
        "nom",
        "Nom du centre",
        true,
        "tel qu'il figure sur l'agrément",
    ),
    (
        "site",
        "Site",
        true,
        "le lieu où se tient la session, par exemple « Site de Caen »",
    ),
    (
        "ville",
        "Ville",
        true,
        "celle du « Fait à … » des documents",
    ),
    (
        "telephone",
        "Téléphone",
        false,
        "par exemple 02 33 00 12 34",
    ),
    ("email", "Courriel", false, "par exemple examens@centre.fr"),
];

/// One field, as the template shows it.
#[derive(Serialize)]
struct Field {
    key: &'static str,
    label: &'static str,
    required: bool,
    format: &'static str,
    value: String,
    /// What is wrong with it: the form's own check, then `check`'s.
    errors: Vec<String>,
}

impl App {
    /// The form, filled from the file.
    pub fn centre_page(&self, request: &Request) -> Result<Reply, Error> {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(reply) => return Ok(reply),
        };
        let values = match &loaded.session {
            Some(session) => session_values(&session.centre),
            None => current_values(&loaded.source),
        };
        let mut fields = fields_with(|key| values.get(key).cloned().unwrap_or_default());
        for finding in &loaded.findings {
            if let Some(field) = fields
                .iter_mut()
                .find(|f| finding.link.as_deref() == Some(&format!("/centre#{}", f.key)))
            {
                field.errors.push(finding.message.clone());
            }
        }
        let saved = request.query("enregistre").is_some();
        self.centre_form(200, &fields, &loaded.source.sha256, saved, None)
    }

    /// Saves the form in the file.
    pub fn centre_save(&self, request: &Request) -> Result<Reply, Error> {
        let path = match self.session_path() {
            Ok(p) => p.to_path_buf(),
            Err(reply) => return Ok(reply),
        };
        let form = request.form();
        let given = |key: &str| first(&form, key).unwrap_or_default().trim().to_owned();
        let mut fields = fields_with(given);
        for field in fields
            .iter_mut()
            .filter(|f| f.required && f.value.is_empty())
        {
            field.errors.push(format!("{} est à remplir.", field.label));
        }
        let seen = first(&form, "empreinte").unwrap_or_default().to_owned();
        if fields.iter().any(|f| !f.errors.is_empty()) {
            return self.centre_form(422, &fields, &seen, false, None);
        }
        let source = match load::read(&path) {
            Ok(s) => s,
            Err(d) => return Ok(self.unreadable(&d.message)),
        };
        if source.sha256 != seen {
            return Ok(self.changed_on_disk("/centre"));
        }
        let changes: Vec<Change> = fields
            .iter()
            .map(|f| Change {
                key: f.key,
                value: (f.required || !f.value.is_empty()).then_some(f.value.as_str()),
            })
            .collect();
        let text = match edit::set_values(&source.text, "centre", &changes) {
            Ok(t) => t,
            Err(refusal) => {
                let why = match refusal {
                    Refusal::NoPart => "le fichier n'a pas de partie « centre: »\u{a0}; ajoutez-la avec un éditeur de texte".to_owned(),
                    Refusal::MultiLine(key) => format!("la valeur de « {key} » est écrite sur plusieurs lignes\u{a0}; modifiez-la avec un éditeur de texte"),
                };
                return self.centre_form(409, &fields, &seen, false, Some(why));
            }
        };
        if let Err(d) = load::parse(&Source::from_text(&source.name, &text)) {
            let why = format!(
                "ces valeurs rendraient le fichier illisible ({})\u{a0}; rien n'a été écrit",
                d.message
            );
            return self.centre_form(422, &fields, &seen, false, Some(why));
        }
        crate::session_text::replace(&path, &text)?;
        Ok(Reply::redirect("/centre?enregistre=1"))
    }

    fn centre_form(
        &self,
        status: u16,
        fields: &[Field],
        hash: &str,
        saved: bool,
        refused: Option<String>,
    ) -> Result<Reply, Error> {
        let context = minijinja::context! {
            session => self.session_name(), fields, empreinte => hash, saved, refused,
            errors => fields.iter().filter(|f| !f.errors.is_empty()).count(),
        };
        Ok(Reply::html(
            status,
            self.views.render("centre.html", context)?,
        ))
    }

    /// The page that says the file changed since the form was shown.
    pub fn changed_on_disk(&self, reload: &str) -> Reply {
        let context = minijinja::context! {
            session => self.session_name(),
            title => "Le fichier a changé entre-temps",
            lines => [
                "Le fichier de session a été modifié par un autre programme depuis l'affichage de cette page.",
                "Rien n'a été écrit, pour ne pas effacer ces modifications. Rechargez la page pour partir du fichier tel qu'il est, puis refaites votre saisie.",
            ],
            action => reload, action_label => "Recharger la page",
        };
        match self.views.render("message.html", context) {
            Ok(html) => Reply::html(409, html),
            Err(e) => Reply::text(500, &e.to_string()),
        }
    }
}

fn fields_with(value: impl Fn(&str) -> String) -> Vec<Field> {
    FIELDS
        .iter()
        .map(|&(key, label, required, format)| Field {
            key,
            label,
            required,
            format,
            value: value(key),
            errors: Vec::new(),
        })
        .collect()
}

/// The centre's values, read with the session.
fn session_values(centre: &crate::model::Centre) -> std::collections::BTreeMap<String, String> {
    [
        ("nom", Some(&centre.nom)),
        ("site", Some(&centre.site)),
        ("ville", Some(&centre.ville)),
        ("telephone", centre.telephone.as_ref()),
        ("email", centre.email.as_ref()),
    ]
    .into_iter()
    .filter_map(|(key, value)| Some((key.to_owned(), value?.clone())))
    .collect()
}

/// The centre's values as written, when the session does not load.
fn current_values(source: &Source) -> std::collections::BTreeMap<String, String> {
    let tree: serde_json::Value = serde_saphyr::from_str(&source.text).unwrap_or_default();
    FIELDS
        .iter()
        .filter_map(|(key, ..)| {
            let value = match &tree["centre"][key] {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => return None,
            };
            Some(((*key).to_owned(), value))
        })
        .collect()
}

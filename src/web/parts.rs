//! The forms of the parts of the file written as one mapping of plain
//! values (`centre:`, `session:`'s dates, `responsable:`,
//! `organisation:`), from one table: each field's key, label, whether it
//! is required, the format said before it and what it holds. Shown from
//! the file as written, saved in place (only if the file did not change
//! meanwhile and still reads as a session), `check`'s messages beside
//! their fields. The fields, their check and how a value is written are
//! shared with the lists' forms ([`crate::web::lists`]).

use serde::Serialize;

use crate::error::Error;
use crate::load::{self, Source};
use crate::web::app::App;
use crate::web::edit::{self, Change};
use crate::web::http::{Reply, Request, first};

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
    /// One of these values (as written in the file, as said in the list).
    Choice(&'static [(&'static str, &'static str)]),
    /// Words separated by commas, written `["a", "b"]`.
    Texts,
    /// Days separated by commas, written `[2027-01-11, 2027-01-12]`.
    Dates,
    /// Two `HH:MM` separated by a comma, written `["08:00", "18:00"]`.
    Times,
}

/// Madame or Monsieur, as the file writes them.
pub const CIVILITE: Kind = Kind::Choice(&[("Mme", "Mme"), ("M.", "M.")]);

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

/// The approved centre (`centre:`).
pub const CENTRE: Part = Part {
    block: "centre",
    url: "/centre",
    title: "Le centre",
    legend: "Le centre agréé",
    intro: "Ces informations figurent en tête des documents. L'adresse et le logo se modifient dans le fichier.",
    fields: &[
        (
            "nom",
            "Nom du centre",
            true,
            "tel qu'il figure sur l'agrément",
            Kind::Text,
        ),
        (
            "site",
            "Site",
            true,
            "le lieu où se tient la session, par exemple « Site de Caen »",
            Kind::Text,
        ),
        (
            "ville",
            "Ville",
            true,
            "celle du « Fait à … » des documents",
            Kind::Text,
        ),
        (
            "telephone",
            "Téléphone",
            false,
            "par exemple 02 33 00 12 34",
            Kind::Text,
        ),
        (
            "email",
            "Courriel",
            false,
            "par exemple examens@centre.fr",
            Kind::Text,
        ),
    ],
};

/// The session's number and dates (`session:`).
pub const DATES: Part = Part {
    block: "session",
    url: "/dates",
    title: "Les dates",
    legend: "La session",
    intro: "Le numéro et les dates de la session figurent sur tous les documents. L'envoi des convocations a sa propre page.",
    fields: &[
        (
            "numero",
            "Numéro de session",
            true,
            "celui donné par la DDETS, par exemple 375846",
            Kind::Text,
        ),
        (
            "nature",
            "Nature de la session",
            true,
            "le titre complet, des CCP seuls ou des certificats complémentaires, à choisir dans la liste",
            Kind::Choice(&[
                ("titre", "le titre complet"),
                ("ccp", "des CCP seuls"),
                ("ccs", "des certificats complémentaires (CCS)"),
            ]),
        ),
        (
            "ccp",
            "CCP présentés",
            false,
            "pour une session de CCP seuls, leurs codes séparés par des virgules, par exemple CP-002501 (vide pour le titre complet)",
            Kind::Texts,
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
        (
            "millesime",
            "Millésime du titre",
            false,
            "l'année de la version du titre visée, par exemple 2024, imprimée en tête du guide de préparation",
            Kind::Text,
        ),
        (
            "validation_ddets",
            "Validation par la DDETS",
            false,
            "AAAA-MM-JJ, le jour où la DDETS a validé la session, par exemple 2027-01-20 (vide\u{a0}: la liste des admis reste un projet à ne pas afficher)",
            Kind::Date,
        ),
        (
            "reglement_general",
            "Règlement général des sessions",
            false,
            "le nom du fichier PDF du texte officiel, placé à côté du fichier de session, par exemple reglement.pdf (vide\u{a0}: les documents en donnent un résumé)",
            Kind::Text,
        ),
    ],
};

/// How the convocations are sent (`session.convocation:`).
pub const CONVOCATION: Part = Part {
    block: "session.convocation",
    url: "/convocation",
    title: "L'envoi des convocations",
    legend: "L'envoi des convocations",
    intro: "La date et le mode d'envoi figurent sur les convocations, les récépissés et la liste des recommandés.",
    fields: &[
        (
            "date",
            "Date d'envoi",
            true,
            "AAAA-MM-JJ, au moins un mois avant le premier jour, par exemple 2026-12-04",
            Kind::Date,
        ),
        (
            "mode",
            "Mode d'envoi",
            true,
            "par lettre recommandée avec accusé de réception ou remise en main propre contre décharge, à choisir dans la liste",
            Kind::Choice(&[
                ("recommande", "lettre recommandée avec accusé de réception"),
                ("main_propre", "remise en main propre contre décharge"),
            ]),
        ),
    ],
};

/// The titre professionnel (`titre:`); its CCPs are a list of their own
/// ([`crate::web::lists::CCP`]).
pub const TITRE: Part = Part {
    block: "titre",
    url: "/titre",
    title: "Le titre",
    legend: "Le titre professionnel",
    intro: "Tels qu'ils figurent sur la fiche du titre. Ses CCP ont leur propre page.",
    fields: &[
        (
            "code",
            "Code du titre",
            true,
            "TP- suivi de 5 chiffres, par exemple TP-00402",
            Kind::Text,
        ),
        (
            "intitule",
            "Intitulé du titre",
            true,
            "par exemple Secrétaire comptable",
            Kind::Text,
        ),
        ("sigle", "Sigle", false, "par exemple SC", Kind::Text),
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
        (
            "civilite",
            "Civilité",
            true,
            "Mme ou M., à choisir dans la liste",
            CIVILITE,
        ),
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

/// How the days are organised, for the planner (`organisation:`).
pub const ORGANISATION: Part = Part {
    block: "organisation",
    url: "/organisation",
    title: "L'organisation des journées",
    legend: "L'organisation des journées",
    intro: "Le planificateur s'en sert pour proposer le planning. Un champ laissé vide prend la valeur par défaut indiquée.",
    fields: &[
        (
            "horaires",
            "Horaires d'une journée",
            false,
            "début au plus tôt et fin au plus tard, HH:MM, HH:MM, par exemple 08:00, 18:00 (par défaut)",
            Kind::Times,
        ),
        (
            "accueil",
            "Accueil des candidats",
            false,
            "durée HH:MM, le premier jour avant toute épreuve, par exemple 00:30 (par défaut)",
            Kind::Time,
        ),
        (
            "briefing",
            "Briefing du jury",
            false,
            "durée HH:MM avant sa première évaluation, par exemple 00:30 (par défaut)",
            Kind::Time,
        ),
        (
            "dejeuner",
            "Pause déjeuner",
            false,
            "début et fin, HH:MM, HH:MM, par exemple 12:00, 13:00 (par défaut)",
            Kind::Times,
        ),
        (
            "etude_dossiers",
            "Étude du dossier, par candidat",
            false,
            "durée HH:MM avant le premier entretien final, par exemple 00:15 (par défaut)",
            Kind::Time,
        ),
        (
            "deliberation",
            "Délibération, par candidat",
            false,
            "durée HH:MM après le dernier entretien final, par exemple 00:10 (par défaut)",
            Kind::Time,
        ),
        (
            "battement",
            "Battement entre deux passages",
            false,
            "durée HH:MM dans une même salle, par exemple 00:05 (par défaut)",
            Kind::Time,
        ),
        (
            "pause_jury",
            "Pause du jury",
            false,
            "évaluations d'affilée au plus, puis durée de la pause, HH:MM, HH:MM, par exemple 03:00, 00:15 (par défaut)",
            Kind::Times,
        ),
    ],
};

/// One choice of a list of values.
#[derive(Serialize)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

/// One field, as the templates show it.
#[derive(Serialize)]
pub struct Field {
    pub key: &'static str,
    /// Its id on the page (its key, or `l2-nom` in a list).
    pub id: String,
    pub label: &'static str,
    pub required: bool,
    pub format: &'static str,
    pub value: String,
    /// The values to choose from, for a list of values.
    pub choices: Vec<Choice>,
    /// What is wrong with it: the form's own check, then `check`'s.
    pub errors: Vec<String>,
}

/// The fields of `specs`, their ids made with `id`, their values given by
/// `value`.
pub fn fields_with(
    specs: &[FieldSpec],
    id: impl Fn(&str) -> String,
    value: impl Fn(&str) -> String,
) -> Vec<Field> {
    specs
        .iter()
        .map(|&(key, label, required, format, kind)| Field {
            key,
            id: id(key),
            label,
            required,
            format,
            value: value(key),
            choices: match kind {
                Kind::Choice(list) => list
                    .iter()
                    .map(|&(value, label)| Choice { value, label })
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

/// What the form itself finds wrong with a value.
pub fn problem(spec: &FieldSpec, value: &str) -> Option<String> {
    let (_, label, required, _, kind) = *spec;
    if value.is_empty() {
        return required.then(|| format!("{label} est à remplir."));
    }
    match kind {
        Kind::Text => None,
        Kind::Date => (!is_date(value)).then(|| {
            format!("« {value} » n'est pas une date au format AAAA-MM-JJ (par exemple 2027-01-11).")
        }),
        Kind::Time => (!is_hm(value)).then(|| {
            format!("« {value} » n'est pas au format HH:MM (par exemple 00:45).")
        }),
        Kind::Number => (!value.chars().all(|c| c.is_ascii_digit()) || value.len() > 6)
            .then(|| format!("« {value} » n'est pas un nombre entier (par exemple 12).")),
        Kind::Choice(list) => (!list.iter().any(|(v, _)| *v == value))
            .then(|| format!("« {value} » n'est pas proposé\u{a0}: choisissez dans la liste.")),
        Kind::Texts => None,
        Kind::Dates => items(value).into_iter().find(|d| !is_date(d)).map(|d| {
            format!("« {d} » n'est pas une date au format AAAA-MM-JJ (par exemple 2027-01-11)\u{a0}; séparez les dates par des virgules.")
        }),
        Kind::Times => {
            let times = items(value);
            (times.len() != 2 || !times.iter().all(|t| is_hm(t))).then(|| {
                format!("« {value} » n'est pas deux heures HH:MM séparées par une virgule (par exemple 08:00, 18:00).")
            })
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
            value: (f.required || !f.value.is_empty()).then(|| yaml_value(spec.4, &f.value)),
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
        let mut fields = fields_with(part.fields, str::to_owned, |key| {
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
        let mut fields = fields_with(part.fields, str::to_owned, given);
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
        let text = match edit::set_values(&source.text, part.block, &changes(part.fields, &fields))
        {
            Ok(t) => t,
            Err(refusal) => {
                let why = refusal.explained(part.block);
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
            required => part.fields.iter().any(|f| f.2),
            page => part.url.trim_start_matches('/'),
        };
        Ok(Reply::html(
            status,
            self.views.render("partie.html", context)?,
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

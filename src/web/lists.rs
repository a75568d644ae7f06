//! The forms of the file's lists (jurors, surveillants, trainers, rooms,
//! tests), from one table per list: each item a form of its own, saved in
//! place; an item added at the end of the list; an item taken away. The
//! fields are those of the parts' forms ([`crate::web::parts`]): the
//! format said before each, the form's own check, then `check`'s
//! messages beside the field their path names (`jures[1].nom` is the
//! field `l2-nom`). A save is refused, and said, if the file changed
//! since the page was shown or would no longer read as a session.

use serde::Serialize;

use crate::error::Error;
use crate::load::{self, Source};
use crate::web::app::App;
use crate::web::edit::{self, Refusal};
use crate::web::http::{Reply, Request, first};
use crate::web::message::{Message, not_written, refusal_words};
use crate::web::parts::{
    CIVILITE, Field, FieldSpec, FormWording, Kind, at_path, changes, fields_with, problem, shown,
    tree_of, yaml_value,
};
use crate::web::view::Views;

/// A list of the file with a page of its own.
pub struct List {
    /// Its key at the top of the file.
    pub block: &'static str,
    /// Its page.
    pub url: &'static str,
    /// The keys whose values name an item in its legend.
    pub heading: &'static [&'static str],
    pub fields: &'static [FieldSpec],
}

const ID: FieldSpec = ("id", true, Kind::Text);
const CIVILITE_FIELD: FieldSpec = ("civilite", true, CIVILITE);
const NOM: FieldSpec = ("nom", true, Kind::Text);
const PRENOM: FieldSpec = ("prenom", true, Kind::Text);
const TELEPHONE: FieldSpec = ("telephone", false, Kind::Text);
const EMAIL: FieldSpec = ("email", false, Kind::Text);
const ENVOI: FieldSpec = (
    "envoi",
    false,
    Kind::Choice(&["courriel", "courrier", "main_propre"]),
);

/// The accredited jurors (`jures:`).
pub const JURES: List = List {
    block: "jures",
    url: "/jures",
    heading: &["nom", "prenom"],
    fields: &[
        ID,
        CIVILITE_FIELD,
        NOM,
        PRENOM,
        TELEPHONE,
        EMAIL,
        ("habilitation_fin", true, Kind::Date),
        ("ccp", false, Kind::Texts),
        ("disponibilites", false, Kind::Dates),
        ENVOI,
    ],
};

/// The surveillants (`surveillants:`).
pub const SURVEILLANTS: List = List {
    block: "surveillants",
    url: "/surveillants",
    heading: &["nom", "prenom"],
    fields: &[ID, CIVILITE_FIELD, NOM, PRENOM, TELEPHONE, EMAIL, ENVOI],
};

/// The candidates' trainers (`formateurs:`).
pub const FORMATEURS: List = List {
    block: "formateurs",
    url: "/formateurs",
    heading: &["nom", "prenom"],
    fields: &[ID, CIVILITE_FIELD, NOM, PRENOM, TELEPHONE, EMAIL, ENVOI],
};

/// The rooms (`salles:`).
pub const SALLES: List = List {
    block: "salles",
    url: "/salles",
    heading: &["nom"],
    fields: &[
        ("id", true, Kind::Text),
        ("nom", true, Kind::Text),
        ("places", false, Kind::Number),
    ],
};

/// The référentiel's tests, for the planner (`epreuves:`).
pub const EPREUVES: List = List {
    block: "epreuves",
    url: "/epreuves",
    heading: &["intitule"],
    fields: &[
        ("intitule", true, Kind::Text),
        (
            "nature",
            true,
            Kind::Choice(&["epreuve", "entretien", "entretien_final"]),
        ),
        ("duree", true, Kind::Time),
        ("passage", true, Kind::Text),
        ("salles", true, Kind::Texts),
        ("encadrement", true, Kind::Choice(&["jury", "surveillant"])),
    ],
};

/// The titre's CCPs (`titre.ccp:`).
pub const CCP: List = List {
    block: "titre.ccp",
    url: "/ccp",
    heading: &["code"],
    fields: &[("code", true, Kind::Text), ("intitule", true, Kind::Text)],
};

/// The candidates (`candidats:`), one form each: the list itself is
/// imported on the candidates' page, their results have a page of their
/// own, an aménagement is written in the file.
pub const CANDIDATS: List = List {
    block: "candidats",
    url: "/candidats/fiches",
    heading: &["nom", "prenom"],
    fields: &[
        ID,
        CIVILITE_FIELD,
        NOM,
        ("nom_usage", false, Kind::Text),
        PRENOM,
        ("identifiant", true, Kind::Text),
        ("date_naissance", false, Kind::Date),
        (
            "voie",
            true,
            Kind::Choice(&["formation", "vae", "equivalence"]),
        ),
        ("adresse", true, Kind::Texts),
        TELEPHONE,
        EMAIL,
        ("formateur", false, Kind::Text),
        ("jury", false, Kind::Texts),
        ("desistement", false, Kind::Date),
        ENVOI,
    ],
};

/// Every list with a page.
pub const LISTS: &[&List] = &[
    &JURES,
    &SURVEILLANTS,
    &FORMATEURS,
    &SALLES,
    &EPREUVES,
    &CCP,
    &CANDIDATS,
];

/// One item of a list, as the template shows it.
#[derive(Serialize)]
struct Row {
    /// 1 for the first; its fields' ids start with `l1-`.
    numero: usize,
    legend: String,
    fields: Vec<Field>,
    /// Messages of `check` about the item as a whole.
    errors: Vec<String>,
}

/// A form sent back with its problems: which item (`None` for the new
/// one), its fields as given.
struct Given {
    index: Option<usize>,
    fields: Vec<Field>,
}

/// What the page says at its top after an action.
#[derive(Serialize, Default)]
struct Notice {
    saved: Option<usize>,
    added: bool,
    removed: bool,
    refused: Option<String>,
}

fn row_id(index: usize) -> String {
    format!("l{}", index + 1)
}

impl List {
    /// An item's legend: what one item is called (the wording's
    /// `element`, « un juré »), its number and its heading's values.
    fn legend(&self, wording: &FormWording, index: usize, fields: &[Field]) -> String {
        let named: Vec<&str> = self
            .heading
            .iter()
            .filter_map(|k| fields.iter().find(|f| f.key == *k))
            .map(|f| f.value.as_str())
            .filter(|v| !v.is_empty())
            .collect();
        let item = wording.get("element");
        let item = item.split_once(' ').map_or(item.as_str(), |(_, n)| n);
        let mut letters = item.chars();
        let item: String = letters
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(letters)
            .collect();
        match named.is_empty() {
            true => format!("{item} n°\u{a0}{}", index + 1),
            false => format!("{item} n°\u{a0}{}\u{a0}: {}", index + 1, named.join(" ")),
        }
    }

    /// The form's values as given, checked.
    fn read(
        &self,
        views: &Views,
        wording: &FormWording,
        form: &[(String, String)],
        id: impl Fn(&str) -> String,
    ) -> Vec<Field> {
        let given = |key: &str| first(form, key).unwrap_or_default().trim().to_owned();
        let mut fields = fields_with(self.fields, wording, id, given);
        for (field, spec) in fields.iter_mut().zip(self.fields) {
            let problem = problem(views, spec, field);
            field.errors.extend(problem);
        }
        fields
    }
}

impl App {
    /// The answer when `request` is for one of the lists' pages.
    pub fn list_route(&self, request: &Request) -> Option<Result<Reply, Error>> {
        let (list, action) = LISTS.iter().find_map(|l| {
            let rest = request.path.strip_prefix(l.url)?;
            Some((*l, rest))
        })?;
        Some(match (request.method.as_str(), action) {
            ("GET", "") => self.list_page(list, request),
            ("POST", "") => self.list_save(list, request),
            ("POST", "/ajouter") => self.list_add(list, request),
            ("POST", "/retirer") => self.list_remove(list, request),
            _ => return None,
        })
    }

    fn list_page(&self, list: &List, request: &Request) -> Result<Reply, Error> {
        let notice = Notice {
            saved: request.query("enregistre").and_then(|n| n.parse().ok()),
            added: request.query("ajoute").is_some(),
            removed: request.query("retire").is_some(),
            refused: None,
        };
        self.list_view(list, 200, None, None, notice)
    }

    /// The page: the file's items (one of them, or the new one, as given
    /// when `given` says so), `check`'s messages beside their fields.
    fn list_view(
        &self,
        list: &List,
        status: u16,
        given: Option<Given>,
        hash: Option<&str>,
        notice: Notice,
    ) -> Result<Reply, Error> {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(reply) => return Ok(reply),
        };
        let tree = tree_of(&loaded.source);
        let wording = FormWording::of(&self.views, list.block)?;
        let items = at_path(&tree, list.block)
            .as_array()
            .cloned()
            .unwrap_or_default();
        let (given_index, mut given_fields) = match given {
            Some(g) => (g.index, Some(g.fields)),
            None => (None, None),
        };
        let mut rows: Vec<Row> = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let fields = match given_fields.take_if(|_| given_index == Some(index)) {
                Some(fields) => fields,
                None => {
                    let id = row_id(index);
                    let mut fields = fields_with(
                        list.fields,
                        &wording,
                        |k| format!("{id}-{k}"),
                        |k| shown(&item[k]).unwrap_or_default(),
                    );
                    for finding in &loaded.findings {
                        if let Some(field) = fields.iter_mut().find(|f| {
                            finding.link.as_deref() == Some(&format!("{}#{}", list.url, f.id))
                        }) {
                            field.errors.push(finding.message.clone());
                        }
                    }
                    fields
                }
            };
            let anchor = format!("{}#{}", list.url, row_id(index));
            rows.push(Row {
                numero: index + 1,
                legend: list.legend(&wording, index, &fields),
                errors: loaded
                    .findings
                    .iter()
                    .filter(|f| f.link.as_deref() == Some(&anchor))
                    .map(|f| f.message.clone())
                    .collect(),
                fields,
            });
        }
        let new = given_fields.unwrap_or_else(|| {
            fields_with(
                list.fields,
                &wording,
                |k| format!("nouveau-{k}"),
                |_| String::new(),
            )
        });
        let summary: Vec<_> = rows
            .iter()
            .flat_map(|r| {
                let whole = r.errors.iter().map(move |e| {
                    minijinja::context! { href => format!("#l{}", r.numero), label => r.legend, message => e }
                });
                let fields = r.fields.iter().filter(|f| !f.errors.is_empty()).map(move |f| {
                    minijinja::context! { href => format!("#{}", f.id), label => format!("{}, {}", r.legend, f.label), message => f.errors.join(" ") }
                });
                whole.chain(fields).collect::<Vec<_>>()
            })
            .chain(new.iter().filter(|f| !f.errors.is_empty()).map(|f| {
                minijinja::context! { href => format!("#{}", f.id), label => format!("{}, {}", wording.get("nouveau"), f.label), message => f.errors.join(" ") }
            }))
            .collect();
        let context = minijinja::context! {
            session => self.session_name(), rows, new, summary, notice,
            empreinte => hash.unwrap_or(&loaded.source.sha256),
            url => list.url, title => wording.title(), item => wording.get("element"),
            intro => wording.get("intro"), required => list.fields.iter().any(|f| f.1),
            page => list.url.trim_start_matches('/').split('/').next(),
        };
        Ok(Reply::html(
            status,
            self.views.render("liste.html", context)?,
        ))
    }

    /// The file read again, if it did not change since the page was shown.
    fn unchanged_source(
        &self,
        list: &List,
        seen: &str,
    ) -> Result<(std::path::PathBuf, Source), Reply> {
        let path = self.session_path()?.to_path_buf();
        let source = load::read(&path).map_err(|d| self.unreadable(&d.message))?;
        if source.sha256 != seen {
            return Err(self.changed_on_disk(list.url));
        }
        Ok((path, source))
    }

    /// Writes `text` if it still reads as a session, then goes to `then`.
    fn list_write(
        &self,
        list: &List,
        path: &std::path::Path,
        source: &Source,
        edited: Result<String, Refusal>,
        then: &str,
        given: Option<Given>,
    ) -> Result<Reply, Error> {
        let refused = |why: String, status: u16, given: Option<Given>| {
            let notice = Notice {
                refused: Some(why),
                ..Notice::default()
            };
            self.list_view(list, status, given, Some(&source.sha256), notice)
        };
        let text = match edited {
            Ok(t) => t,
            Err(refusal) => {
                return refused(refusal_words(&self.views, &refusal, list.block), 409, given);
            }
        };
        if let Err(d) = load::parse(&Source::from_text(&source.name, &text)) {
            let why = not_written(&self.views, "illisible", &d.message);
            return refused(why, 422, given);
        }
        crate::session_text::replace(path, &text)?;
        Ok(Reply::redirect(&format!("{}?{then}", list.url)))
    }

    /// The answer to a form that names no item of the list.
    fn unknown_item(&self) -> Reply {
        self.message(400, Message::UnknownItem)
    }

    fn list_save(&self, list: &List, request: &Request) -> Result<Reply, Error> {
        let form = request.form();
        let seen = first(&form, "empreinte").unwrap_or_default().to_owned();
        let Some(index) = row_index(&form) else {
            return Ok(self.unknown_item());
        };
        let id = row_id(index);
        let wording = FormWording::of(&self.views, list.block)?;
        let fields = list.read(&self.views, &wording, &form, |k| format!("{id}-{k}"));
        if fields.iter().any(|f| !f.errors.is_empty()) {
            let given = Some(Given {
                index: Some(index),
                fields,
            });
            return self.list_view(list, 422, given, Some(&seen), Notice::default());
        }
        let (path, source) = match self.unchanged_source(list, &seen) {
            Ok(found) => found,
            Err(reply) => return Ok(reply),
        };
        let edited = edit::set_item_values(
            &source.text,
            list.block,
            index,
            &changes(list.fields, &fields),
        );
        let then = format!("enregistre={}#{id}", index + 1);
        let given = Some(Given {
            index: Some(index),
            fields,
        });
        self.list_write(list, &path, &source, edited, &then, given)
    }

    fn list_add(&self, list: &List, request: &Request) -> Result<Reply, Error> {
        let form = request.form();
        let seen = first(&form, "empreinte").unwrap_or_default().to_owned();
        let wording = FormWording::of(&self.views, list.block)?;
        let fields = list.read(&self.views, &wording, &form, |k| format!("nouveau-{k}"));
        if fields.iter().any(|f| !f.errors.is_empty()) {
            let given = Some(Given {
                index: None,
                fields,
            });
            return self.list_view(list, 422, given, Some(&seen), Notice::default());
        }
        let (path, source) = match self.unchanged_source(list, &seen) {
            Ok(found) => found,
            Err(reply) => return Ok(reply),
        };
        let values: Vec<(&str, String)> = fields
            .iter()
            .zip(list.fields)
            .filter(|(f, _)| !f.value.is_empty())
            .map(|(f, spec)| (f.key, yaml_value(spec.2, &f.value)))
            .collect();
        let edited = edit::append_item(&source.text, list.block, &values);
        let given = Some(Given {
            index: None,
            fields,
        });
        self.list_write(list, &path, &source, edited, "ajoute=1", given)
    }

    fn list_remove(&self, list: &List, request: &Request) -> Result<Reply, Error> {
        let form = request.form();
        let seen = first(&form, "empreinte").unwrap_or_default().to_owned();
        let Some(index) = row_index(&form) else {
            return Ok(self.unknown_item());
        };
        let (path, source) = match self.unchanged_source(list, &seen) {
            Ok(found) => found,
            Err(reply) => return Ok(reply),
        };
        let edited = edit::remove_item(&source.text, list.block, index);
        self.list_write(list, &path, &source, edited, "retire=1", None)
    }
}

/// The index of the item a form names (`ligne`, counted from 1).
fn row_index(form: &[(String, String)]) -> Option<usize> {
    first(form, "ligne")
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| n.checked_sub(1))
}

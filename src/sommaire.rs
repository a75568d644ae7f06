//! The table of contents of an output folder (`index.html`), for the
//! person the folder is handed to: each kind of document produced, for
//! whom, when it is used (before, on the day, after the session) and where
//! its files are. Its words are those of `templates/sommaire.j2`, which
//! escapes every value.

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::context;
use serde::Serialize;

use crate::error::Error;
use crate::kind::{Audience, Kind, Moment};
use crate::model::Session;
use crate::output::{Entry, Format};
use crate::wording::Wording;

/// The file's name, at the top of the output folder.
pub const INDEX: &str = "index.html";

/// One kind of document as the page lists it.
#[derive(Serialize)]
struct Sorte {
    /// The kind's name (`convocation`): the template words it.
    sorte: &'static str,
    /// For whom, as a key the template words (`candidat`).
    pour: &'static str,
    /// How many documents of this kind.
    nombre: usize,
    /// The folder of its files, relative to the output folder.
    dossier: String,
    /// Its files (PDF first), relative to the output folder.
    fichiers: Vec<String>,
    /// How it is named, from the block `nom_sommaire` of its template.
    nom: String,
    /// When it is used, as a key the template words (`avant`).
    moment: Moment,
}

/// The block of each kind's template that names it in this page.
pub const NAMES: &str = "nom_sommaire";

/// The page for the files listed in `entries`.
pub fn page(
    session: &Session,
    entries: &[&Entry],
    templates: Option<&Path>,
) -> Result<String, Error> {
    let mut by_kind: BTreeMap<Kind, Vec<&Entry>> = BTreeMap::new();
    for e in entries {
        by_kind.entry(e.kind).or_default().push(e);
    }
    let wording = Wording::new(templates)?;
    let mut names = wording.kind_names(NAMES, by_kind.keys().copied())?;
    let sortes: Vec<Sorte> = by_kind
        .into_iter()
        .map(|(kind, mut files)| {
            files.sort_by_key(|e| (e.format != Format::Pdf, e.path.clone()));
            let count = |f: Format| files.iter().filter(|e| e.format == f).count();
            let dossier = files[0]
                .path
                .rsplit_once('/')
                .map_or(".", |(dir, _)| dir)
                .to_owned();
            Sorte {
                sorte: kind.name(),
                pour: audience_key(kind.spec().audience),
                nombre: count(Format::Pdf).max(count(Format::Docx)),
                dossier,
                fichiers: files.iter().map(|e| e.path.clone()).collect(),
                nom: names.remove(kind.name()).unwrap_or_default(),
                moment: kind.spec().moment,
            }
        })
        .collect();
    let context = context! {
        session => context! {
            numero => session.session.numero,
            titre => session.titre.intitule,
            debut => crate::fr::day_month_year(session.session.debut.value),
            fin => crate::fr::day_month_year(session.session.fin.value),
        },
        sortes => sortes,
    };
    wording.with("sommaire", context, |t| t.raw("page"))
}

/// The key of an audience in the template.
fn audience_key(audience: Audience) -> &'static str {
    match audience {
        Audience::Candidat => "candidat",
        Audience::Jure => "jure",
        Audience::Surveillant => "surveillant",
        Audience::Jury => "jury",
        Audience::Public => "public",
        Audience::Responsable => "responsable",
        Audience::Autorite => "autorite",
    }
}

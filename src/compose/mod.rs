//! The composers: one per artefact, each turning the plan into
//! layout-neutral [`Document`]s with the wording of its template.

mod affichage;
mod attestation;
mod convocation;
mod echeancier;
mod emargement;
mod formulaires;
mod fraude;
mod liste_admis;
mod livret_jure;
mod livret_surveillant;
mod pack;
mod panneau;
mod parts;
mod pv_individuel;
mod pv_session;

use minijinja::Value;
use serde::Serialize;

use crate::changes::Correction;
use crate::doc::{Block, Document, Logo, Section};
use crate::error::Error;
use crate::plan::Plan;
use crate::wording::Wording;

/// The kinds of document (`--only` names and manifest `kind` values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum Kind {
    Convocation,
    ConvocationsLot,
    Affichage,
    PanneauSalle,
    LivretJure,
    LivretSurveillant,
    PvIndividuel,
    PvSession,
    AttestationPresence,
    RapportFraude,
    ListeAdmis,
    Emargement,
    Echeancier,
    FormulairesVierges,
}

impl Kind {
    /// Every kind, in the order they are produced.
    pub const ALL: [Kind; 14] = [
        Kind::Convocation,
        Kind::ConvocationsLot,
        Kind::Affichage,
        Kind::PanneauSalle,
        Kind::LivretJure,
        Kind::LivretSurveillant,
        Kind::PvIndividuel,
        Kind::PvSession,
        Kind::AttestationPresence,
        Kind::RapportFraude,
        Kind::ListeAdmis,
        Kind::Emargement,
        Kind::Echeancier,
        Kind::FormulairesVierges,
    ];

    /// The name used on the command line and in the manifest.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Convocation => "convocation",
            Kind::ConvocationsLot => "convocations-lot",
            Kind::Affichage => "affichage",
            Kind::PanneauSalle => "panneau-salle",
            Kind::LivretJure => "livret-jure",
            Kind::LivretSurveillant => "livret-surveillant",
            Kind::PvIndividuel => "pv-individuel",
            Kind::PvSession => "pv-session",
            Kind::AttestationPresence => "attestation-presence",
            Kind::RapportFraude => "rapport-fraude",
            Kind::ListeAdmis => "liste-admis",
            Kind::Emargement => "emargement",
            Kind::Echeancier => "echeancier",
            Kind::FormulairesVierges => "formulaires-vierges",
        }
    }
}

/// Who or what a document is about, for its file name and the manifest.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Subject {
    pub candidat: Option<String>,
    pub jure: Option<String>,
    pub surveillant: Option<String>,
    pub salle: Option<String>,
    pub date: Option<String>,
    pub fraude: Option<usize>,
}

impl Subject {
    /// About one candidate.
    pub fn candidat(id: impl Into<String>) -> Subject {
        Subject {
            candidat: Some(id.into()),
            ..Subject::default()
        }
    }
    /// About one juror.
    pub fn jure(id: impl Into<String>) -> Subject {
        Subject {
            jure: Some(id.into()),
            ..Subject::default()
        }
    }
    /// About one surveillant.
    pub fn surveillant(id: impl Into<String>) -> Subject {
        Subject {
            surveillant: Some(id.into()),
            ..Subject::default()
        }
    }
    /// About one room.
    pub fn salle(id: impl Into<String>) -> Subject {
        Subject {
            salle: Some(id.into()),
            ..Subject::default()
        }
    }
}

/// What a composer writes for one document: its title, the text of its
/// footer, and its blocks (one run of pages).
pub struct Pages {
    pub title: String,
    pub footer: String,
    pub blocks: Vec<Block>,
}

/// A composed document and where it goes.
pub struct Composed {
    pub kind: Kind,
    /// Path relative to the output folder, without extension.
    pub stem: String,
    pub subject: Subject,
    pub document: Document,
}

impl Composed {
    /// The file's path in the output folder, for a format's extension.
    pub fn path(&self, extension: &str) -> String {
        format!("{}.{extension}", self.stem)
    }
}

/// Which documents to compose.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only these kinds (all when empty).
    pub only: Vec<Kind>,
    /// Per-candidate documents only for these ids (all when empty).
    pub candidats: Vec<String>,
}

impl Filter {
    fn wants(&self, kind: Kind) -> bool {
        self.only.is_empty() || self.only.contains(&kind)
    }
    fn wants_candidate(&self, id: &str) -> bool {
        self.candidats.is_empty() || self.candidats.iter().any(|c| c == id)
    }
}

/// What every composer receives.
pub struct Ctx<'a> {
    pub plan: &'a Plan<'a>,
    pub wording: &'a Wording,
    pub logo: Option<Logo>,
    /// Set by `generate --depuis`: whose documents are corrected.
    pub correction: Option<&'a Correction>,
}

impl Ctx<'_> {
    /// The template context: the session facts as `s`, the date of the
    /// documents a correction replaces as `precedente`, plus `extra`.
    pub fn context(&self, extra: Value) -> Value {
        let facts = Value::from_serialize(&self.plan.facts);
        let precedente = self.correction.map(|c| c.precedente.clone());
        minijinja::context! { s => facts, precedente => precedente, ..extra }
    }

    /// A document with the common header and footer, titled by the
    /// template block `titre`.
    pub fn document(
        &self,
        title: String,
        footer: String,
        sections: Vec<Section>,
    ) -> Result<Document, Error> {
        let mut sections = sections;
        crate::fit::fit_tables(&mut sections);
        let (header, page_label) =
            self.wording
                .with("commun", self.context(Value::UNDEFINED), |t| {
                    Ok((t.lines("entete")?, t.text("page")?))
                })?;
        Ok(Document {
            title,
            date: self.plan.first_day(),
            header,
            footer,
            page_label,
            logo: self.logo.clone(),
            sections,
        })
    }

    /// A composed document: `sections` under the common header, with
    /// `footer` beside the page numbers.
    pub fn composed(
        &self,
        kind: Kind,
        stem: String,
        subject: Subject,
        title: String,
        footer: String,
        sections: Vec<Section>,
    ) -> Result<Composed, Error> {
        Ok(Composed {
            kind,
            stem,
            subject,
            document: self.document(title, footer, sections)?,
        })
    }

    /// A document about the whole session (no one person).
    pub fn for_session(
        &self,
        kind: Kind,
        stem: &str,
        title: String,
        footer: String,
        sections: Vec<Section>,
    ) -> Result<Composed, Error> {
        self.composed(
            kind,
            stem.to_owned(),
            Subject::default(),
            title,
            footer,
            sections,
        )
    }

    /// One portrait document for each of `people` (candidates, jurors…):
    /// named `<prefix>-<id>`, about `subject(id)`, written by `pages`.
    pub fn one_per<P>(
        &self,
        kind: Kind,
        people: impl IntoIterator<Item = P>,
        prefix: &str,
        id: impl Fn(&P) -> String,
        subject: impl Fn(String) -> Subject,
        pages: impl Fn(&P) -> Result<Pages, Error>,
    ) -> Result<Vec<Composed>, Error> {
        people
            .into_iter()
            .map(|person| {
                let id = id(&person);
                let Pages {
                    title,
                    footer,
                    blocks,
                } = pages(&person)?;
                self.composed(
                    kind,
                    format!("{prefix}-{}", file_part(&id)),
                    subject(id),
                    title,
                    footer,
                    vec![Section::portrait(blocks)],
                )
            })
            .collect()
    }

    /// The common footer text ("Session n° … — <what>").
    pub fn footer(&self, what: &str) -> Result<String, Error> {
        self.wording.with(
            "commun",
            self.context(minijinja::context! { quoi => what }),
            |t| t.text("pied"),
        )
    }
}

/// The key of an access route, as the templates' `voies` labels name it.
pub fn voie_key(v: crate::model::Voie) -> &'static str {
    match v {
        crate::model::Voie::Formation => "formation",
        crate::model::Voie::Vae => "vae",
        crate::model::Voie::Equivalence => "equivalence",
    }
}

/// A file-name-safe form of an id (ids are slugs already; this guards the rest).
pub fn file_part(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Composes every document the filter asks for, in a stable order.
pub fn compose_all(ctx: &Ctx, filter: &Filter) -> Result<Vec<Composed>, Error> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        if !filter.wants(kind) {
            continue;
        }
        match kind {
            Kind::Convocation => out.extend(convocation::each(ctx, filter)?),
            Kind::ConvocationsLot => out.extend(convocation::lot(ctx, filter)?),
            Kind::Affichage => out.extend(affichage::affichage(ctx)?),
            Kind::PanneauSalle => out.extend(panneau::door_signs(ctx)?),
            Kind::LivretJure => out.extend(livret_jure::each(ctx)?),
            Kind::LivretSurveillant => out.extend(livret_surveillant::each(ctx)?),
            Kind::PvIndividuel => out.extend(pv_individuel::each(ctx, filter)?),
            Kind::PvSession => out.push(pv_session::compose(ctx)?),
            Kind::AttestationPresence => out.extend(attestation::each(ctx, filter)?),
            Kind::RapportFraude => out.extend(fraude::each(ctx)?),
            Kind::ListeAdmis => out.extend(liste_admis::compose(ctx)?),
            Kind::Emargement => out.push(emargement::compose(ctx)?),
            Kind::Echeancier => out.push(echeancier::compose(ctx)?),
            Kind::FormulairesVierges => out.push(formulaires::compose(ctx)?),
        }
    }
    Ok(out)
}

//! The composers: one per artefact, each turning the plan into
//! layout-neutral [`Document`]s with the wording of its template.

mod affichage;
mod annulation;
mod attestation;
mod attestation_jure;
mod calendar;
mod convocation;
mod convocation_equipe;
mod echeancier;
mod emargement;
mod fiche;
mod formulaires;
mod fraude;
mod jour_j;
mod lettre_validation;
mod lettres;
mod liste_admis;
mod livret_jure;
mod livret_surveillant;
mod pack;
mod panneau;
mod paperwork;
mod preparation;
mod pv_individuel;
mod pv_session;
mod shared;
mod sheet_fit;

use minijinja::Value;

use crate::doc::{Block, Document, Logo, Section};
use crate::error::Error;
use crate::plan::Correction;
use crate::plan::{CandidateView, PersonView, Plan, SlotView};
use crate::render::pdf::appendix::Appendix;
use crate::wording::{LabelBlock, Wording};

pub use crate::kind::{Kind, Subject, file_part};
/// The deadline steps' labels, which the `echeancier` command reads too.
pub(crate) use echeancier::Labels as EcheancierLabels;
pub(crate) use echeancier::{moved_context, moved_notes};

/// What a composer writes for one document: its title, the text of its
/// footer, and its blocks (one run of pages).
pub struct Content {
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
    /// An iCalendar file to write beside the document (`<stem>.ics`).
    pub calendar: Option<String>,
    /// A PDF file whose pages follow the document's own in its PDF (the
    /// official règlement général).
    pub appendix: Option<Appendix>,
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
    pub fn wants_candidate(&self, id: &str) -> bool {
        self.candidats.is_empty() || self.candidats.iter().any(|c| c == id)
    }
    /// The plan's candidates it keeps.
    pub fn candidates<'p>(&self, plan: &'p Plan) -> impl Iterator<Item = &'p CandidateView> {
        plan.candidates
            .iter()
            .filter(|c| self.wants_candidate(&c.id))
    }
    /// The plan's candidates it keeps who are still convened (not withdrawn).
    pub fn convened<'p>(&self, plan: &'p Plan) -> impl Iterator<Item = &'p CandidateView> {
        self.candidates(plan).filter(|c| c.desistement.is_none())
    }
}

/// Whom a document of the session's staff is for.
#[derive(Clone, Copy)]
pub enum Staff {
    Jure,
    Surveillant,
}

impl Staff {
    /// Everyone of this role taking part, in alphabetical order.
    pub fn people(self, plan: &Plan) -> Vec<PersonView> {
        match self {
            Staff::Jure => plan.jurors_taking_part(),
            Staff::Surveillant => plan.surveillants(),
        }
    }
    /// The slots of the person `id`.
    pub fn slots<'p>(self, plan: &'p Plan, id: &str) -> Vec<&'p SlotView> {
        match self {
            Staff::Jure => plan.juror_slots(id),
            Staff::Surveillant => plan.surveillant_slots(id),
        }
    }
    /// What a document for the person `id` is about.
    pub fn subject(self, id: String) -> Subject {
        match self {
            Staff::Jure => Subject::jure(id),
            Staff::Surveillant => Subject::surveillant(id),
        }
    }
    /// Whether the correction being made concerns the person `id`.
    pub fn corrected(self, ctx: &Ctx, id: &str) -> bool {
        ctx.correction.is_some_and(|c| match self {
            Staff::Jure => c.jures.contains_key(id),
            Staff::Surveillant => c.surveillants.contains_key(id),
        })
    }
    /// The role's name in calendar UIDs.
    pub fn name(self) -> &'static str {
        match self {
            Staff::Jure => "jure",
            Staff::Surveillant => "surveillant",
        }
    }
}

/// What every composer receives.
pub struct Ctx<'a> {
    pub plan: &'a Plan<'a>,
    pub wording: &'a Wording,
    pub logo: Option<Logo>,
    /// Set by `generate --depuis`: whose documents are corrected.
    pub correction: Option<&'a Correction>,
    /// The calendars each person last received, by the stem of their
    /// convocation: what a new calendar updates or cancels.
    pub sent_calendars: &'a std::collections::HashMap<String, String>,
    /// The day the documents are sent, at its start: the calendars' DTSTAMP.
    pub stamp: chrono::DateTime<chrono::Utc>,
    /// The official règlement général, when the session file names it.
    pub reglement: Option<Appendix>,
}

impl Ctx<'_> {
    /// The template context: the session facts as `s`, the date of the
    /// documents a correction replaces as `precedente`, the days before
    /// and after a postponement as `report`, plus `extra`.
    pub fn context(&self, extra: Value) -> Value {
        let facts = Value::from_serialize(&self.plan.facts);
        let precedente = self.correction.map(|c| c.precedente.clone());
        let report = self
            .correction
            .and_then(|c| c.report.as_ref())
            .map(Value::from_serialize);
        minijinja::context! { s => facts, precedente => precedente, report => report, ..extra }
    }

    /// The template context of the documents of `stem`, as
    /// [`Ctx::context`], whose `precedente` is the day the person's last
    /// letter was sent when the record knows it.
    pub fn context_for(&self, stem: &str, extra: Value) -> Value {
        let Some(letter) = self.correction.and_then(|c| c.letter(stem)) else {
            let precedente = self
                .correction
                .map(|c| c.precedentes.get(stem).unwrap_or(&c.precedente).clone());
            return minijinja::context! { precedente => precedente, ..self.context(extra) };
        };
        // What the record says this person's letter replaces.
        let report = letter.report.as_ref().map(Value::from_serialize);
        minijinja::context! {
            precedente => letter.precedente.clone(),
            report => report,
            ..self.context(extra)
        }
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
        for section in &mut sections {
            crate::doc::keep_signatures_with_what_they_sign(&mut section.blocks);
        }
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

    /// The common footer text ("Session n° … — <what>").
    pub fn footer(&self, what: &str) -> Result<String, Error> {
        self.wording.with(
            "commun",
            self.context(minijinja::context! { quoi => what }),
            |t| t.text("pied"),
        )
    }
}

/// What the composer of one kind receives: the session's [`Ctx`] and the
/// kind, whose row in the table of kinds gives its template and its file.
/// The composer never names them: they come from the table.
pub struct Composer<'a> {
    ctx: &'a Ctx<'a>,
    pub kind: Kind,
}

impl<'a> std::ops::Deref for Composer<'a> {
    type Target = Ctx<'a>;
    fn deref(&self) -> &Ctx<'a> {
        self.ctx
    }
}

impl<'a> Composer<'a> {
    /// The composer of `kind` over `ctx`.
    pub fn new(ctx: &'a Ctx<'a>, kind: Kind) -> Composer<'a> {
        Composer { ctx, kind }
    }

    /// The composer of another kind over the same session, for a document
    /// that holds another kind's content (the blank forms).
    pub fn of(&self, kind: Kind) -> Composer<'a> {
        Composer::new(self.ctx, kind)
    }

    /// The kind's template.
    pub fn template(&self) -> &'static str {
        self.kind.template()
    }

    /// A composed document: `sections` under the common header, with
    /// `footer` beside the page numbers.
    pub fn composed(
        &self,
        stem: String,
        subject: Subject,
        title: String,
        footer: String,
        sections: Vec<Section>,
    ) -> Result<Composed, Error> {
        Ok(Composed {
            kind: self.kind,
            stem,
            subject,
            document: self.document(title, footer, sections)?,
            calendar: None,
            appendix: None,
        })
    }

    /// The kind's document about the whole session (no one person), in
    /// the kind's file.
    pub fn for_session(
        &self,
        title: String,
        footer: String,
        sections: Vec<Section>,
    ) -> Result<Composed, Error> {
        self.composed(
            self.kind.spec().file.to_owned(),
            Subject::default(),
            title,
            footer,
            sections,
        )
    }

    /// One portrait document for each of `people` (candidates, jurors…):
    /// in the kind's file for their id, about `subject(id)`, written by
    /// `content`.
    pub fn one_per<P>(
        &self,
        people: impl IntoIterator<Item = P>,
        id: impl Fn(&P) -> String,
        subject: impl Fn(String) -> Subject,
        content: impl Fn(&P) -> Result<Content, Error>,
    ) -> Result<Vec<Composed>, Error> {
        people
            .into_iter()
            .map(|person| {
                let id = id(&person);
                let Content {
                    title,
                    footer,
                    blocks,
                } = content(&person)?;
                self.composed(
                    self.kind.file_for(&id),
                    subject(id),
                    title,
                    footer,
                    vec![Section::portrait(blocks)],
                )
            })
            .collect()
    }

    /// One portrait document for each of `candidates`, about them: see
    /// [`Composer::one_per`].
    pub fn one_per_candidate<'c>(
        &self,
        candidates: impl IntoIterator<Item = &'c CandidateView>,
        content: impl Fn(&CandidateView) -> Result<Content, Error>,
    ) -> Result<Vec<Composed>, Error> {
        self.one_per(
            candidates,
            |c| c.id.clone(),
            Subject::candidat,
            |c| content(c),
        )
    }

    /// One portrait document for each of the staff in `role`, about them:
    /// see [`Composer::one_per`].
    pub fn one_per_staff(
        &self,
        role: Staff,
        content: impl Fn(&PersonView) -> Result<Content, Error>,
    ) -> Result<Vec<Composed>, Error> {
        self.one_per(
            role.people(self.plan),
            |p| p.id.clone(),
            |id| role.subject(id),
            content,
        )
    }
}

/// The function that composes the documents of a kind, by their shape.
#[derive(Clone, Copy)]
enum Shape {
    /// Those the filter asks for (`--candidats`: per candidate).
    Filtered(fn(&Composer, &Filter) -> Result<Vec<Composed>, Error>),
    /// Several documents (per person, room or report).
    Many(fn(&Composer) -> Result<Vec<Composed>, Error>),
    /// One document for the session.
    One(fn(&Composer) -> Result<Composed, Error>),
}

/// Binds each kind to its composer and the label blocks it reads as
/// typed labels (checked before anything is composed), from the kind's row
/// in the table of kinds (`crate::kind`), in the table's order.
macro_rules! bind_composers {
    ($($variant:ident = $name:literal, $template:literal, $file:literal, $audience:ident,
        $moment:ident, sent: $sent:literal, $shape:ident($composer:path), $labels:expr,
        $about:literal;)*) => {
        /// The composer of each kind and its label blocks, by [`Kind`] order.
        const COMPOSERS: &[(Shape, &[LabelBlock])] = &[$((Shape::$shape($composer), $labels),)*];
    };
}
crate::kind::kind_table!(bind_composers);

/// The composer of a kind and the label blocks it reads.
fn composer_of(kind: Kind) -> (Shape, &'static [LabelBlock]) {
    COMPOSERS[kind as usize]
}

/// The label blocks the composer of a kind reads as typed labels.
pub fn label_blocks(kind: Kind) -> &'static [LabelBlock] {
    composer_of(kind).1
}

/// Composes every document the filter asks for, in a stable order. The
/// templates' labels are checked first, for every kind asked for.
pub fn compose_all(ctx: &Ctx, filter: &Filter) -> Result<Vec<Composed>, Error> {
    let wanted = Kind::ALL.iter().filter(|k| filter.wants(**k));
    let blocks: Vec<LabelBlock> = wanted.flat_map(|k| label_blocks(*k)).copied().collect();
    ctx.wording.check_labels(&blocks)?;
    let mut out = Vec::new();
    for &kind in Kind::ALL {
        if filter.wants(kind) {
            let composer = Composer::new(ctx, kind);
            match composer_of(kind).0 {
                Shape::Filtered(compose) => out.extend(compose(&composer, filter)?),
                Shape::Many(compose) => out.extend(compose(&composer)?),
                Shape::One(compose) => out.push(compose(&composer)?),
            }
        }
    }
    Ok(out)
}

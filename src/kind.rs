//! The kinds of document, declared once: each row of [`kind_table!`] gives
//! a kind's name (`--only`, manifest), its template, its file in the output
//! folder, whom it is for, when it is used, whether it is sent to people,
//! its composer and what it is. The enum [`Kind`], the list of every kind,
//! the embedded templates, the `--only` help and, in `compose`, the binding
//! of each kind to its composer all come from that table, so a kind without
//! its composer or its template does not compile.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Whom a kind of document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Each candidate.
    Candidat,
    /// Each juror.
    Jure,
    /// Each surveillant.
    Surveillant,
    /// The jury at work (PVs, sheets, reports).
    Jury,
    /// Everyone in the hall (posted or published).
    Public,
    /// The responsable de session.
    Responsable,
    /// The DDETS (the `autorite`).
    Autorite,
}

/// One row of the table of kinds.
#[derive(Debug)]
pub struct KindSpec {
    pub kind: Kind,
    /// The name on the command line and in the manifest.
    pub name: &'static str,
    /// The template that holds its wording (`templates/<template>.j2`).
    pub template: &'static str,
    /// The embedded text of that template.
    pub embedded: &'static str,
    /// Where its file goes in the output folder, without extension: the
    /// whole path for a document of the session, the start of the name
    /// (completed by `-<id>`) for one per person, room or report.
    pub file: &'static str,
    pub audience: Audience,
    /// Sent to people: after a change, reported per person to write to
    /// again rather than as a document to print again.
    pub sent: bool,
    /// What it is, for the `--only` help.
    pub about: &'static str,
    /// When it is used, for the folder's table of contents.
    pub moment: Moment,
}

/// When a kind of document is used; the folder's table of contents
/// (`templates/sommaire.j2`) words each moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Moment {
    /// Before the session (convocations, letters, preparation).
    Avant,
    /// On the days of the session (sheets, PVs, posted timetable).
    Jour,
    /// After the session (list of the admitted, transmission).
    Apres,
}

/// Declares the enum [`Kind`] and the rows of [`KINDS`] from the table of
/// kinds (its composers are bound in `compose`).
macro_rules! declare_kinds {
    ($($variant:ident = $name:literal, $template:literal, $file:literal, $audience:ident,
        $moment:ident, sent: $sent:literal, $shape:ident($composer:path), $labels:expr,
        $about:literal;)*) => {
        /// A kind of document.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $($variant,)*
        }

        /// Every kind, in the order they are produced.
        pub const KINDS: &[KindSpec] = &[
            $(KindSpec {
                kind: Kind::$variant,
                name: $name,
                template: $template,
                embedded: include_str!(concat!("../templates/", $template, ".j2")),
                file: $file,
                audience: Audience::$audience,
                sent: $sent,
                about: $about,
                moment: Moment::$moment,
            },)*
        ];

        impl Kind {
            /// Every kind, in the order they are produced.
            pub const ALL: &[Kind] = &[$(Kind::$variant,)*];
        }
    };
}

/// The table of kinds, one row per kind: its variant, its name, its
/// template, its file, whom it is for, when it is used, whether it is sent
/// to people, its composer (by shape, a path inside `compose`), the label
/// blocks that composer reads, and what it is. The table is handed to the
/// macro `$then`, which takes from it what its module needs: here the enum
/// and [`KINDS`], in `compose` the composer of each kind. Adding a kind is
/// adding its row (and its composer, its template and its test).
macro_rules! kind_table {
    ($then:ident) => {
        $then! {
        Convocation = "convocation", "convocation", "convocations/convocation", Candidat, Avant, sent: true,
            Filtered(convocation::each), convocation::LABELS,
            "la convocation de chaque candidat";
        ConvocationsLot = "convocations-lot", "convocation", "convocations-lot", Candidat, Avant, sent: true,
            Filtered(convocation::lot), convocation::LABELS,
            "toutes les convocations en un lot d'impression";
        Affichage = "affichage", "affichage", "affichage", Public, Jour, sent: false,
            Many(affichage::affichage), affichage::LABELS,
            "l'affichage du déroulement";
        PanneauSalle = "panneau-salle", "affichage", "panneaux/panneau", Public, Jour, sent: false,
            Many(panneau::door_signs), &[],
            "le panneau de chaque salle";
        LivretJure = "livret-jure", "livret-jure", "livrets-jures/livret-jure", Jure, Avant, sent: true,
            Many(livret_jure::each), livret_jure::LABELS,
            "le livret de chaque juré";
        LivretSurveillant = "livret-surveillant", "livret-surveillant", "livrets-surveillants/livret-surveillant", Surveillant, Avant, sent: true,
            Many(livret_surveillant::each), livret_surveillant::LABELS,
            "le livret de chaque surveillant";
        PvIndividuel = "pv-individuel", "pv-individuel", "pv-individuels/pv-individuel", Jury, Jour, sent: false,
            Filtered(pv_individuel::each), pv_individuel::LABELS,
            "le procès-verbal individuel de chaque candidat";
        PvSession = "pv-session", "pv-session", "pv-session", Jury, Jour, sent: false,
            One(pv_session::compose), pv_session::LABELS,
            "le procès-verbal de la session";
        AttestationPresence = "attestation-presence", "attestation-presence", "attestations/attestation-presence", Candidat, Jour, sent: false,
            Filtered(attestation::each), &[],
            "l'attestation de présence de chaque candidat";
        RapportFraude = "rapport-fraude", "rapport-fraude", "rapports-fraude/rapport-fraude", Jury, Jour, sent: false,
            Many(fraude::each), fraude::LABELS,
            "le rapport de chaque suspicion de fraude";
        ListeAdmis = "liste-admis", "liste-admis", "liste-admis", Public, Apres, sent: false,
            Many(liste_admis::compose), &[],
            "la liste publique des admis";
        Emargement = "emargement", "emargement", "emargement", Jury, Jour, sent: false,
            One(emargement::compose), emargement::LABELS,
            "les feuilles d'émargement";
        Echeancier = "echeancier", "echeancier", "echeancier", Responsable, Avant, sent: false,
            One(echeancier::compose), echeancier::LABELS,
            "l'échéancier réglementaire";
        FormulairesVierges = "formulaires-vierges", "commun", "formulaires-vierges", Jury, Jour, sent: false,
            One(formulaires::compose), formulaires::LABELS,
            "les PV et le rapport de fraude vierges";
        Preparation = "preparation", "preparation", "responsable/preparation", Responsable, Avant, sent: false,
            One(preparation::compose), preparation::LABELS,
            "le guide de préparation de la session, rempli";
        JourJ = "jour-j", "jour-j", "responsable/jour-j", Responsable, Jour, sent: false,
            One(jour_j::compose), jour_j::LABELS,
            "la liste de contrôle de chaque jour de session";
        DeclarationSession = "declaration-session", "declaration-session", "responsable/declaration-session", Autorite, Avant, sent: false,
            One(lettres::declaration), lettres::DECLARATION_LABELS,
            "la déclaration de la session à la DDETS";
        TransmissionPv = "transmission-pv", "transmission-pv", "responsable/transmission-pv", Autorite, Apres, sent: false,
            One(lettres::transmission), &[],
            "la lettre de transmission des PV à la DDETS";
        PvCarence = "pv-carence", "pv-carence", "responsable/pv-carence", Autorite, Jour, sent: false,
            One(lettres::carence), lettres::CARENCE_LABELS,
            "le procès-verbal de carence de jury";
        ConvocationJure = "convocation-jure", "convocation-jure", "convocations-jures/convocation-jure", Jure, Avant, sent: true,
            Many(convocation_equipe::jurors), convocation_equipe::LABELS_JURE,
            "la convocation de chaque juré, avec son calendrier .ics";
        ConvocationSurveillant = "convocation-surveillant", "convocation-surveillant", "convocations-surveillants/convocation-surveillant", Surveillant, Avant, sent: true,
            Many(convocation_equipe::surveillants), convocation_equipe::LABELS_SURVEILLANT,
            "la convocation de chaque surveillant, avec son calendrier .ics";
        FicheRenseignements = "fiche-renseignements", "fiche-renseignements", "fiches-renseignements/fiche-renseignements", Candidat, Jour, sent: false,
            Filtered(fiche::each), fiche::LABELS,
            "la fiche de renseignements de chaque candidat";
        Annulation = "annulation", "annulation", "annulations/annulation", Responsable, Avant, sent: true,
            Many(annulation::each), &[],
            "la lettre d'annulation de la convocation d'un juré ou d'un surveillant qui n'est plus attendu, ou d'un candidat qui s'est désisté";
        AttestationJure = "attestation-jure", "attestation-jure", "attestations-jures/attestation-jure", Jure, Apres, sent: false,
            Many(attestation_jure::each), &[],
            "l'attestation de présence de chaque juré, pour son employeur";
        LettreValidation = "lettre-validation", "lettre-validation", "lettres-validation/lettre-validation", Candidat, Apres, sent: false,
            Filtered(lettre_validation::each), &[],
            "la lettre de résultat de chaque candidat qui a obtenu le titre ou des CCP : le parchemin, le livret de certification, les CCP acquis et ceux qui restent";
        }
    };
}
pub(crate) use kind_table;

kind_table!(declare_kinds);

impl Kind {
    /// The row of this kind in the table.
    pub fn spec(self) -> &'static KindSpec {
        &KINDS[self as usize]
    }

    /// The name used on the command line and in the manifest.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// Its template's name (`templates/<template>.j2`).
    pub fn template(self) -> &'static str {
        self.spec().template
    }

    /// The file of its document about `id` (a person, a room, a report),
    /// without extension: `<file>-<id>`, the id made file-name safe.
    pub fn file_for(self, id: &str) -> String {
        format!("{}-{}", self.spec().file, file_part(id))
    }

    /// The kind of this name.
    pub fn from_name(name: &str) -> Option<Kind> {
        KINDS.iter().find(|s| s.name == name).map(|s| s.kind)
    }

    /// The `--only` help: every name with what it is.
    pub fn help() -> String {
        let names: Vec<String> = KINDS
            .iter()
            .map(|s| format!("{} ({})", s.name, s.about))
            .collect();
        format!(
            "Ne produire que ces sortes de documents, séparées par des virgules\u{a0}: {}.",
            names.join(", ")
        )
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Kind, D::Error> {
        let name = String::deserialize(deserializer)?;
        Kind::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("sorte inconnue « {name} »")))
    }
}

impl clap::ValueEnum for Kind {
    fn value_variants<'a>() -> &'a [Kind] {
        Kind::ALL
    }
    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()).help(self.spec().about))
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

/// Who or what a document is about, for its file name and the manifest;
/// nobody in particular (the default) for a document of the whole session.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_its_own_kind_with_a_unique_name() {
        for (i, spec) in KINDS.iter().enumerate() {
            assert_eq!(spec.kind as usize, i, "{}", spec.name);
            assert_eq!(Kind::ALL[i], spec.kind);
            assert_eq!(Kind::from_name(spec.name), Some(spec.kind));
            assert!(!spec.embedded.trim().is_empty(), "{}", spec.template);
        }
        let mut names: Vec<&str> = KINDS.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), KINDS.len(), "two kinds share a name");
    }
}

//! The commands and their options, as clap reads them: each variant of
//! `Command` is one command, its doc comment the help `sessiondoc --help`
//! prints.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::generate::Format;
use crate::kind::Kind;

/// Produit tous les documents d'une session d'examen de titre professionnel
/// (convocations, procès-verbaux, affichage, livrets…), en PDF et en DOCX,
/// à partir d'un seul fichier YAML.
#[derive(Debug, Parser)]
#[command(
    name = "sessiondoc",
    version,
    disable_help_subcommand = true,
    disable_version_flag = true
)]
pub struct Cli {
    /// Affiche la version.
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Vérifie le fichier de session et signale chaque erreur avec sa ligne.
    #[command(visible_alias = "verifier")]
    Check {
        /// Le fichier de session (.yaml).
        session: PathBuf,
    },
    /// Vérifie le fichier puis produit les documents de la session.
    #[command(visible_alias = "generer")]
    Generate {
        /// Le fichier de session (.yaml).
        session: PathBuf,
        /// Dossier de sortie (par défaut : session-<numéro> à côté du fichier).
        #[arg(short = 'o', long = "output", value_name = "DOSSIER")]
        output: Option<PathBuf>,
        /// Formats à produire, séparés par des virgules : pdf, docx (par
        /// défaut les deux).
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "pdf,docx",
            value_name = "FORMATS"
        )]
        format: Vec<Format>,
        #[arg(long, value_delimiter = ',', value_name = "SORTES", help = Kind::help())]
        only: Vec<Kind>,
        /// Ne produire les documents individuels que pour ces candidats (identifiants).
        #[arg(long, value_delimiter = ',', value_name = "ID")]
        candidat: Vec<String>,
        /// Remplacer aussi les fichiers modifiés à la main depuis la dernière production.
        #[arg(long)]
        force: bool,
        /// Dossier de modèles de textes propres au centre (remplacent ceux fournis).
        #[arg(long, value_name = "DOSSIER")]
        templates: Option<PathBuf>,
        /// Le fichier tel qu'il était à l'envoi des convocations : les
        /// convocations et livrets des personnes concernées par un
        /// changement sont rectificatifs.
        #[arg(long, value_name = "AVANT.yaml")]
        depuis: Option<PathBuf>,
        /// Avec --depuis : le jour d'envoi des documents rectificatifs
        /// (AAAA-MM-JJ, par défaut aujourd'hui), la date qu'ils portent.
        #[arg(long, value_name = "DATE", requires = "depuis")]
        date: Option<String>,
        /// Écrire aussi une archive zip du dossier de sortie, à côté de
        /// lui (DOSSIER.zip), à transmettre telle quelle.
        #[arg(long)]
        zip: bool,
    },
    /// Ajoute au fichier de session les candidats d'une liste (CSV, XLSX ou
    /// ODS), sans rien changer d'autre au fichier.
    #[command(visible_alias = "import")]
    Importer {
        /// La liste des candidats : fichier CSV (séparateur ; ou ,), XLSX ou ODS.
        liste: PathBuf,
        /// Le fichier de session à compléter.
        #[arg(long, value_name = "SESSION.yaml")]
        session: PathBuf,
        /// Colonnes aux noms inhabituels, séparées par des virgules :
        /// En-tête=champ (champs : id, civilite, nom, nom_usage, prenom,
        /// nom_prenom, date_naissance, identifiant, adresse, code_postal,
        /// ville, voie, formateur, amenagement, jury, telephone, email).
        #[arg(long, value_delimiter = ',', value_name = "EN-TÊTE=CHAMP")]
        colonnes: Vec<String>,
        /// La feuille du classeur à lire (par défaut : la première qui a
        /// une ligne d'en-têtes).
        #[arg(long, value_name = "FEUILLE")]
        feuille: Option<String>,
        /// Reprendre les valeurs de la liste (adresse, prénom…) pour les
        /// candidats déjà dans la session dont la liste diffère.
        #[arg(long = "mettre-a-jour")]
        mettre_a_jour: bool,
    },
    /// Propose le planning de la session d'après ses épreuves (epreuves),
    /// son organisation, ses jurés et ses candidats ; l'écrit dans le
    /// fichier avec --ecrire.
    Planifier {
        /// Le fichier de session (.yaml).
        session: PathBuf,
        /// Écrire le planning proposé dans le fichier (commentaires et
        /// ordre gardés), seulement s'il passe la vérification.
        #[arg(long)]
        ecrire: bool,
        /// Replanifier depuis le fichier tel qu'il était quand les
        /// convocations sont parties : ses créneaux encore valables sont
        /// gardés.
        #[arg(long, value_name = "AVANT")]
        depuis: Option<PathBuf>,
    },
    /// Affiche le schéma JSON du fichier de session (pour un éditeur qui
    /// complète et vérifie le fichier pendant la saisie).
    Schema,
    /// Dit ce qui a changé entre deux versions du fichier de session, par
    /// personne à prévenir de nouveau (candidats, jurés, surveillants).
    #[command(visible_alias = "changes")]
    Changements {
        /// Le fichier tel qu'il était quand les convocations sont parties.
        avant: PathBuf,
        /// Le fichier tel qu'il est maintenant.
        apres: PathBuf,
    },
    /// Écrit un fichier de session d'exemple, complet et commenté.
    Init {
        /// Le fichier à créer (par défaut : session.yaml). Jamais écrasé.
        #[arg(default_value = "session.yaml", value_name = "FICHIER")]
        file: PathBuf,
    },
    /// Affiche les échéances réglementaires de la session.
    Echeancier {
        /// Le fichier de session (.yaml).
        session: PathBuf,
        /// La date du jour (AAAA-MM-JJ), pour marquer les échéances passées.
        #[arg(long = "aujourdhui", value_name = "DATE")]
        today: Option<String>,
    },
    /// Mesure le temps de production sur des sessions de 6 à 1 000 candidats.
    #[command(hide = true)]
    Bench {
        /// Tailles des sessions (nombre de candidats).
        #[arg(long, value_delimiter = ',', default_value = "6,60,240,1000")]
        tailles: Vec<usize>,
        /// Compare aussi avec LibreOffice (soffice) sur les mêmes DOCX.
        #[arg(long)]
        soffice: bool,
        /// Mesure aussi, tour à tour sur les mêmes sessions, une autre
        /// version du programme (son exécutable).
        #[arg(long, value_name = "PROGRAMME")]
        avant: Option<PathBuf>,
    },
    /// Écrit une session fictive de N candidats (essais, mesures).
    #[command(hide = true)]
    Exemple {
        /// Nombre de candidats.
        #[arg(long, default_value_t = 60)]
        candidats: usize,
        /// Le fichier à créer.
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        /// Sans planning ni binômes, à compléter par « planifier »
        /// (6 jurés et 5 jours jusqu'à 60 candidats, 12 jurés jusqu'à 120,
        /// 16 jurés et 10 jours au-delà).
        #[arg(long = "a-planifier")]
        a_planifier: bool,
    },
    /// Les résultats de la délibération : écrit la grille que le jury
    /// remplit (--grille), relit une grille remplie (ou une liste CSV, XLSX,
    /// ODS) dans le fichier de session, écrit le récapitulatif pour CERES
    /// (--ceres).
    #[command(visible_alias = "results")]
    Resultats {
        /// Le fichier de session (.yaml).
        session: PathBuf,
        /// La grille remplie à relire : XLSX, ODS ou CSV.
        #[arg(value_name = "GRILLE")]
        remplie: Option<PathBuf>,
        /// Écrire la grille à remplir dans ce fichier (.xlsx).
        #[arg(long, value_name = "GRILLE.xlsx")]
        grille: Option<PathBuf>,
        /// Écrire le récapitulatif pour CERES dans ce fichier (.csv).
        #[arg(long, value_name = "RECAP.csv")]
        ceres: Option<PathBuf>,
        /// Dire seulement ce qui changerait, sans écrire le fichier de session.
        #[arg(long)]
        essai: bool,
        /// Remplacer la grille ou le récapitulatif s'ils existent déjà.
        #[arg(long)]
        force: bool,
        /// La feuille du classeur à lire (par défaut : la première qui a
        /// une ligne d'en-têtes).
        #[arg(long, value_name = "FEUILLE")]
        feuille: Option<String>,
    },
    /// Produit les documents, puis enregistre l'envoi : les lettres de
    /// chaque personne dont les documents sont nouveaux ou ont changé
    /// depuis sa dernière lettre, dans un dossier daté (envois/AAAA-MM-JJ)
    /// jamais réécrit, avec le fichier de session et la liste de l'envoi.
    Envoyer {
        /// Le fichier de session (.yaml).
        session: PathBuf,
        /// Dossier de sortie (par défaut : session-<numéro> à côté du fichier).
        #[arg(short = 'o', long = "output", value_name = "DOSSIER")]
        output: Option<PathBuf>,
        /// Le jour de l'envoi (AAAA-MM-JJ, par défaut aujourd'hui), la date
        /// que portent les lettres rectificatives.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Le fichier tel qu'il était à un envoi fait avant que l'envoi
        /// soit enregistré (pour la première fois seulement).
        #[arg(long, value_name = "AVANT.yaml")]
        depuis: Option<PathBuf>,
    },
    /// Ouvre la session dans le navigateur : une page locale, sur cet
    /// ordinateur seulement, pour tout faire sans éditeur de texte.
    Ouvrir {
        /// Le fichier de session à ouvrir (sinon, il se choisit dans la page).
        #[arg(value_name = "SESSION.yaml")]
        session: Option<PathBuf>,
        /// Ne pas ouvrir le navigateur (l'adresse est affichée).
        #[arg(long = "sans-navigateur")]
        no_browser: bool,
        /// Le port (par défaut : un port libre).
        #[arg(long, value_name = "N")]
        port: Option<u16>,
    },
}

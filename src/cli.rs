//! The command line: each variant of `Command` is one command, its help
//! text the one `sessiondoc --help` prints.
//!
//! Exit status: 0 done, 1 the session file is invalid or a document could
//! not be produced, 2 wrong usage (clap's own).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::diag::{Diagnostic, Report};
use crate::error::Error;
use crate::generate::{self, Format, GenerateOptions};
use crate::kind::Kind;
use crate::load::{self, Source};
use crate::model::Session;

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
struct Cli {
    /// Affiche la version.
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
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
        /// date_naissance, identifiant, adresse, code_postal, ville, voie,
        /// formateur, amenagement, jury).
        #[arg(long, value_delimiter = ',', value_name = "EN-TÊTE=CHAMP")]
        colonnes: Vec<String>,
        /// La feuille du classeur à lire (par défaut : la première qui a
        /// une ligne d'en-têtes).
        #[arg(long, value_name = "FEUILLE")]
        feuille: Option<String>,
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
    },
}

/// Runs the command line and returns the exit status; an error is
/// printed here, once.
pub fn main() -> ExitCode {
    let parsed = french_usage(french(Cli::command()))
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help, --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("{}", usage_error(&e));
            return ExitCode::from(2);
        }
    };
    match try_main(cli) {
        Ok(code) => code,
        Err(e) => {
            print_error(&e.to_string());
            ExitCode::from(e.exit_code())
        }
    }
}

/// The help of every command, in French: headings, the help and version
/// flags, default and possible values said in the arguments' own help.
fn french(command: clap::Command) -> clap::Command {
    command
        .help_template("{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("Commandes")
        .subcommand_value_name("COMMANDE")
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("aide")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("Affiche cette aide"),
        )
        .mut_args(|a| a.hide_default_value(true).hide_possible_values(true))
        .mut_subcommands(french)
}

/// The usage lines in French: `[options]` for clap's `[OPTIONS]`.
fn french_usage(mut command: clap::Command) -> clap::Command {
    command.build();
    fn set(command: &mut clap::Command) {
        let usage = command.render_usage().to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        let usage = usage.replace("[OPTIONS]", "[options]");
        *command = command.clone().override_usage(usage);
        for sub in command.get_subcommands_mut() {
            set(sub);
        }
    }
    set(&mut command);
    command
}

/// The commands a user can call, as « check, generate… ou init ».
fn command_names() -> String {
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_owned())
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} ou {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// A misused command line, said in French, with the way to the help.
fn usage_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ErrorKind};
    let context = |kind| e.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            format!(
                "commande inconnue « {} »",
                context(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument => {
            let arg = context(ContextKind::InvalidArg);
            if arg.starts_with('-') {
                format!("option inconnue « {arg} »")
            } else {
                format!("argument en trop « {arg} »")
            }
        }
        ErrorKind::InvalidValue => {
            let (value, arg) = (
                context(ContextKind::InvalidValue),
                context(ContextKind::InvalidArg),
            );
            let possible = context(ContextKind::ValidValue);
            let possible = if possible.is_empty() {
                String::new()
            } else {
                format!(" (valeurs possibles\u{a0}: {possible})")
            };
            if value.is_empty() {
                format!("il manque la valeur de {arg}{possible}")
            } else {
                format!("valeur « {value} » refusée pour {arg}{possible}")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            format!("il manque {}", context(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            format!("indiquez une commande\u{a0}: {}", command_names())
        }
        ErrorKind::TooManyValues | ErrorKind::ArgumentConflict => {
            format!("argument en trop « {} »", context(ContextKind::InvalidArg))
        }
        _ => "ligne de commande incorrecte".to_owned(),
    };
    format!("erreur\u{a0}: {what}\nPour l'aide\u{a0}: sessiondoc --help")
}

/// Runs one command. A session file with errors is not an `Error`: its
/// findings are printed as a report, and the status says it failed.
fn try_main(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Check { session } => Ok(match load_and_check(&session, true) {
            Some(_) => ExitCode::SUCCESS,
            None => ExitCode::FAILURE,
        }),
        Command::Generate {
            session,
            output,
            format,
            only,
            candidat,
            force,
            templates,
            depuis,
            date,
        } => {
            let date = date.as_deref().map(parse_date).transpose()?;
            let options = GenerateOptions {
                output,
                formats: format,
                only,
                candidats: candidat,
                force,
                templates,
                progress: std::io::stderr().is_terminal(),
                depuis,
                date,
            };
            generate_cmd(&session, &options)
        }
        Command::Init { file } => crate::example::init(&file).map(|()| ExitCode::SUCCESS),
        Command::Echeancier { session, today } => echeancier(&session, today.as_deref()),
        Command::Changements { avant, apres } => changements(&avant, &apres),
        Command::Importer {
            liste,
            session,
            colonnes,
            feuille,
        } => {
            let done = crate::import::import(&liste, &session, &colonnes, feuille.as_deref())?;
            for note in &done.notes {
                eprintln!("{note}");
            }
            eprintln!(
                "{} candidat(s) ajouté(s) à « {} ».",
                done.added,
                session.display()
            );
            if done.to_complete > 0 {
                eprintln!(
                    "Il reste {} point(s) à compléter (jury, créneaux…)\u{a0}: voyez « sessiondoc check {} ».",
                    done.to_complete,
                    session.display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Planifier { session, ecrire } => crate::planner::run(&session, ecrire),
        Command::Schema => {
            print!("{}", crate::schema::SCHEMA);
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { tailles, soffice } => {
            crate::bench::bench(&tailles, soffice).map(|()| ExitCode::SUCCESS)
        }
        Command::Exemple { candidats, file } => {
            crate::example::write_example(&file, candidats).map(|()| ExitCode::SUCCESS)
        }
    }
}

/// Prints a report on standard error.
fn print_report(name: &str, text: &str, report: &Report) {
    let color = std::io::stderr().is_terminal();
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(report.render(name, text, color).as_bytes());
}

/// Loads and checks a file; prints the findings. `None` when it has errors.
pub fn load_and_check(path: &Path, print_clean: bool) -> Option<(Source, Session)> {
    let (source, session) = match load::load(path) {
        Ok(loaded) => loaded,
        Err(failure) => {
            let (text, diagnostic) = *failure;
            let name = path.display().to_string();
            print_report(
                &name,
                &text,
                &Report {
                    diagnostics: vec![diagnostic],
                },
            );
            return None;
        }
    };
    let mut diagnostics = crate::check::check(&session);
    diagnostics.extend(load::warnings(&source));
    diagnostics.sort_by_key(|d| (d.place.map_or((0, 0), |p| (p.line, p.column)), d.severity));
    let report = Report { diagnostics };
    if !report.diagnostics.is_empty() || print_clean {
        print_report(&source.name, &source.text, &report);
    }
    (report.errors() == 0).then_some((source, session))
}

fn generate_cmd(path: &Path, options: &GenerateOptions) -> Result<ExitCode, Error> {
    let earlier_is_valid = options
        .depuis
        .as_deref()
        .is_none_or(|before| load_and_check(before, false).is_some());
    let Some((source, session)) = load_and_check(path, false).filter(|_| earlier_is_valid) else {
        eprintln!("Aucun document n'a été produit.");
        return Ok(ExitCode::FAILURE);
    };
    if options.depuis.is_some() {
        warn_if_sent_late(&session, options.date);
    }
    generate::stop_cleanly_on_interrupt();
    let summary = generate::run(&source, &session, options).map_err(|e| {
        // Whatever stopped the run, the folder is as it was.
        Error::Refused(format!(
            "{e}\nAucun fichier du dossier de sortie n'a été modifié."
        ))
    })?;
    eprintln!("{}", summary.line());
    if std::env::var_os("SESSIONDOC_STATS").is_some() {
        eprintln!(
            "stats: documents={} files={} pages={} peak_kib={}",
            summary.documents,
            summary.files,
            summary.pages,
            crate::bench::peak_memory_kib().unwrap_or(0)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Warns when corrected documents go out less than a month before the
/// session (`sent`: the day given with `--date`, or today).
fn warn_if_sent_late(session: &Session, sent: Option<crate::model::Date>) {
    let sent = sent.unwrap_or_else(crate::model::Date::today);
    let start = session.session.debut.value;
    if sent <= crate::deadlines::convocations_by(start) {
        return;
    }
    let warning = Diagnostic::warning(
        "--date",
        None,
        format!(
            "les documents rectificatifs partent le {}, moins d'un mois avant le début de la session ({})",
            crate::fr::long_date(sent),
            crate::fr::long_date(start)
        ),
    )
    .help("règle : la convocation part au moins un mois avant le début de la session (règlement général des sessions d'examen, arrêté du 21 juillet 2016) ; prévenez aussi chaque personne concernée par un autre moyen".to_owned());
    let report = Report {
        diagnostics: vec![warning],
    };
    let color = std::io::stderr().is_terminal();
    eprintln!("{}", report.render_findings("", "", color).trim_end());
}

/// Prints a message that concerns no line of the session file.
fn print_error(message: &str) {
    let report = Report {
        diagnostics: vec![Diagnostic::error("", None, message.to_owned())],
    };
    let color = std::io::stderr().is_terminal();
    eprintln!("{}", report.render_findings("", "", color).trim_end());
}

fn echeancier(path: &Path, today: Option<&str>) -> Result<ExitCode, Error> {
    let Some((_, session)) = load_and_check(path, false) else {
        return Ok(ExitCode::FAILURE);
    };
    let today = match today {
        Some(t) => parse_date(t)?,
        None => crate::model::Date::today(),
    };
    print!("{}", crate::deadline_table::table_text(&session, today)?);
    Ok(ExitCode::SUCCESS)
}

/// A date given on the command line, AAAA-MM-JJ.
fn parse_date(text: &str) -> Result<crate::model::Date, Error> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(crate::model::Date)
        .map_err(|_| Error::Usage(format!("« {text} » n'est pas une date AAAA-MM-JJ")))
}

fn changements(before: &Path, after: &Path) -> Result<ExitCode, Error> {
    let (Some((old_source, old)), Some((new_source, new))) =
        (load_and_check(before, false), load_and_check(after, false))
    else {
        return Ok(ExitCode::FAILURE);
    };
    let mut changes =
        crate::changes::compare(&crate::plan::Plan::new(&old), &crate::plan::Plan::new(&new));
    // Internal documents are compared on what they say, every kind of them.
    let everything = GenerateOptions::all_into(Path::new(""));
    changes.internes = crate::changes::internal_documents(
        &generate::compose(&old_source, &old, &everything)?.documents,
        &generate::compose(&new_source, &new, &everything)?.documents,
    );
    print!(
        "{}",
        crate::changes::report(&changes, &old_source.name, &new_source.name)?
    );
    Ok(ExitCode::SUCCESS)
}

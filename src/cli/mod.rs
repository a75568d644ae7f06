//! The command line: reads the arguments (`args`, their help in French
//! through `usage`), runs the command asked and prints what it found.
//!
//! Exit status: 0 done, 1 the session file is invalid or a document could
//! not be produced, 2 wrong usage (clap's own).

mod args;
mod usage;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::diag::{Diagnostic, Report};
use crate::error::Error;
use crate::generate::{self, GenerateOptions};
use crate::load::{self, Source};
use crate::model::Session;
use args::{Cli, Command};

/// Runs the command line and returns the exit status; an error is
/// printed here, once.
pub fn main() -> ExitCode {
    let cli = match usage::parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help, --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("{}", usage::usage_error(&e));
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
            zip,
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
                zip,
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
            mettre_a_jour,
        } => importer(
            &liste,
            &session,
            &colonnes,
            feuille.as_deref(),
            mettre_a_jour,
        ),
        planifier @ Command::Planifier { .. } => plan(planifier),
        Command::Schema => {
            crate::stdout::print(crate::schema::SCHEMA);
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench {
            tailles,
            soffice,
            avant,
        } => crate::bench::bench(&tailles, soffice, avant.as_deref()).map(|()| ExitCode::SUCCESS),
        Command::Exemple {
            candidats,
            file,
            a_planifier,
        } => {
            crate::example::write_example(&file, candidats, a_planifier).map(|()| ExitCode::SUCCESS)
        }
        Command::Resultats {
            session,
            remplie,
            grille,
            ceres,
            essai,
            force,
            feuille,
        } => resultats(
            &session,
            &Results {
                filled: remplie,
                grid: grille,
                recap: ceres,
                dry_run: essai,
                force,
                sheet: feuille,
            },
        ),
        Command::Envoyer {
            session,
            output,
            date,
            depuis,
        } => {
            let date = date.as_deref().map(parse_date).transpose()?;
            envoyer(&session, output, date, depuis)
        }
        Command::Ouvrir {
            session,
            no_browser,
            port,
        } => crate::web::ouvrir(session, port, !no_browser),
    }
}

/// What `resultats` is asked to do.
struct Results {
    filled: Option<std::path::PathBuf>,
    grid: Option<std::path::PathBuf>,
    recap: Option<std::path::PathBuf>,
    dry_run: bool,
    force: bool,
    sheet: Option<String>,
}

/// Reads a filled grid into the session file, then writes the grid and
/// the recap asked for (from the results just read).
fn resultats(session: &Path, asked: &Results) -> Result<ExitCode, Error> {
    if asked.filled.is_none() && asked.grid.is_none() && asked.recap.is_none() {
        return Err(Error::Usage(
            "dites ce qu'il faut faire\u{a0}: --grille GRILLE.xlsx pour écrire la grille du jury, une grille remplie à relire, ou --ceres RECAP.csv".to_owned(),
        ));
    }
    if let Some(filled) = &asked.filled {
        let read =
            crate::results::read_grid(session, filled, asked.sheet.as_deref(), asked.dry_run)?;
        for note in &read.notes {
            eprintln!("{note}");
        }
        if read.changes.is_empty() {
            eprintln!(
                "Aucun résultat nouveau ni changé\u{a0}: « {} » n'a pas été modifié.",
                session.display()
            );
        } else {
            let verb = if read.written {
                "écrit(s)"
            } else {
                "à écrire (--essai\u{a0}: rien n'a été écrit)"
            };
            eprintln!(
                "{} résultat(s) {verb} dans « {} »\u{a0}:",
                read.changes.len(),
                session.display()
            );
            for line in &read.changes {
                eprintln!("{line}");
            }
        }
    }
    if let Some(grid) = &asked.grid {
        crate::results::write_grid(session, grid, asked.force)?;
        eprintln!("Grille des résultats écrite dans « {} ».", grid.display());
    }
    if let Some(recap) = &asked.recap {
        crate::results::write_recap(session, recap, asked.force)?;
        eprintln!(
            "Récapitulatif pour CERES écrit dans « {} ».",
            recap.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Adds the candidates of a list to the session file and says how many.
fn importer(
    list: &Path,
    session: &Path,
    columns: &[String],
    sheet: Option<&str>,
    update: bool,
) -> Result<ExitCode, Error> {
    let done = crate::import::import(list, session, columns, sheet, update)?;
    for note in &done.notes {
        eprintln!("{note}");
    }
    if done.added > 0 || done.updated == 0 {
        eprintln!(
            "{} candidat(s) ajouté(s) à « {} ».",
            done.added,
            session.display()
        );
    }
    if done.updated > 0 {
        eprintln!(
            "{} candidat(s) mis à jour dans « {} ».",
            done.updated,
            session.display()
        );
    }
    if done.to_complete > 0 {
        eprintln!(
            "Il reste {} point(s) à compléter (jury, créneaux…)\u{a0}: voyez « sessiondoc check {} ».",
            done.to_complete,
            session.display()
        );
    }
    Ok(ExitCode::SUCCESS)
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
    diagnostics.extend(crate::check::files(&source, &session));
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
        if let Some(date) = options.date {
            sending_date_is_possible(&session, date)?;
        }
        warn_if_sent_late(&session, options.date);
    }
    generate::stop_cleanly_on_interrupt();
    // Whatever stopped the run, the folder is as it was.
    let summary = generate::run(&source, &session, options)
        .map_err(|e| e.with_note("Aucun fichier du dossier de sortie n'a été modifié."))?;
    eprintln!("{}", summary.line());
    if options.zip {
        let archive = crate::output::zip_folder(&summary.folder)?;
        eprintln!("Archive du dossier\u{a0}: {}", archive.display());
    }
    warn_if_list_is_a_draft(&session, options);
    if std::env::var_os(crate::bench::STATS_ENV).is_some() {
        eprintln!(
            "{}",
            crate::bench::stats_line(summary.documents, summary.files, summary.pages)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Refuses a sending day (`--date`) that cannot be: after the session
/// began, or before the convocations it corrects went out.
fn sending_date_is_possible(session: &Session, date: crate::model::Date) -> Result<(), Error> {
    let start = session.session.debut.value;
    let first_sending = session.session.convocation.date.value;
    let why = if date > start {
        format!(
            "c'est après le début de la session ({})\u{a0}: des documents rectificatifs partent avant",
            crate::fr::long_date(start)
        )
    } else if date < first_sending {
        format!(
            "c'est avant l'envoi des convocations qu'ils rectifient ({}, session.convocation.date)",
            crate::fr::long_date(first_sending)
        )
    } else {
        return Ok(());
    };
    Err(Error::Usage(format!(
        "--date {}\u{a0}: {why}\u{a0}; donnez le jour où les documents rectificatifs partent réellement, entre le {} et le {}",
        crate::fr::long_date(date),
        crate::fr::day_month_year(first_sending),
        crate::fr::day_month_year(start)
    )))
}

/// Says once that the public list produced is a draft: the DDETS has not
/// validated the session yet.
fn warn_if_list_is_a_draft(session: &Session, options: &GenerateOptions) {
    let asked = options.only.is_empty() || options.only.contains(&crate::kind::Kind::ListeAdmis);
    if asked && session.has_results() && session.session.validation_ddets.is_none() {
        eprintln!(
            "La liste des admis est un projet\u{a0}: ne l'affichez pas avant que la DDETS ait validé la session\u{a0}; écrivez alors la date de validation (session.validation_ddets) et produisez-la de nouveau."
        );
    }
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
    .help(format!(
        "règle\u{a0}: {} ; prévenez aussi chaque personne concernée par un autre moyen",
        crate::check::ONE_MONTH_RULE
    ));
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

/// The deadlines need only the session's dates: a file still being filled
/// in (no jury, no candidate yet) gets them, and a note on what `check`
/// will ask for.
fn echeancier(path: &Path, today: Option<&str>) -> Result<ExitCode, Error> {
    let today = match today {
        Some(t) => parse_date(t)?,
        None => crate::model::Date::today(),
    };
    let session = match load::load(path) {
        Ok((_, session)) => session,
        Err(failure) => {
            let (text, diagnostic) = *failure;
            let report = Report {
                diagnostics: vec![diagnostic],
            };
            print_report(&path.display().to_string(), &text, &report);
            return Ok(ExitCode::FAILURE);
        }
    };
    crate::stdout::print(&crate::deadline_table::table_text(&session, today)?);
    let errors = crate::check::check(&session)
        .iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .count();
    if errors > 0 {
        eprintln!(
            "Note\u{a0}: ces échéances ne dépendent que des dates de la session\u{a0}; le fichier a encore {errors} erreur(s) (jury, candidats, planning…)\u{a0}: voyez « sessiondoc check {} » avant de produire les documents.",
            path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A date given on the command line, AAAA-MM-JJ.
/// Produces the documents against the last sending (or `depuis`), then
/// records the sending of those that are new or changed.
fn envoyer(
    path: &Path,
    output: Option<std::path::PathBuf>,
    date: Option<crate::model::Date>,
    depuis: Option<std::path::PathBuf>,
) -> Result<ExitCode, Error> {
    let Some((source, session)) = load_and_check(path, false) else {
        eprintln!("Rien n'a été envoyé.");
        return Ok(ExitCode::FAILURE);
    };
    let day = date.unwrap_or_else(crate::model::Date::today);
    let folder = output.unwrap_or_else(|| generate::default_folder(&source, &session));
    let mut options = GenerateOptions::all_into(&folder);
    options.progress = std::io::stderr().is_terminal();
    options.date = Some(day);
    let recorded = crate::record::last_session(&folder);
    // The file given once, before the record existed, is kept with it.
    let seed = depuis.filter(|_| recorded.is_none());
    options.depuis = recorded.or_else(|| seed.clone());
    if options.depuis.is_some() {
        warn_if_sent_late(&session, options.date);
    }
    generate::stop_cleanly_on_interrupt();
    let summary = generate::run(&source, &session, &options)
        .map_err(|e| e.with_note("Rien n'a été envoyé ni modifié."))?;
    eprintln!("{}", summary.line());
    match crate::record::record(&folder, &source.text, &session, (day, seed.as_deref()))? {
        None => {
            eprintln!("Rien à envoyer\u{a0}: chacun a déjà reçu ses documents tels qu'ils sont.")
        }
        Some(sending) => {
            eprintln!(
                "{} enregistré(s) dans {}\u{a0}:",
                crate::fr::count(sending.lines.len(), "document", "documents"),
                sending.folder.display()
            );
            for line in &sending.lines {
                eprintln!(
                    "  {} {} — {} — {}",
                    line.role, line.id, line.document, line.moyen
                );
            }
            for file in &sending.kit {
                eprintln!("  à envoyer\u{a0}: {}", sending.folder.join(file).display());
            }
            for who in &sending.sans_adresse {
                eprintln!(
                    "  sans adresse postale\u{a0}: {who}\u{a0}; son adresse est vide dans recommandes.csv\u{a0}: écrivez-la sur l'enveloppe et dans la liste, et ajoutez-la au fichier de session (adresse:) pour les envois suivants, ou choisissez envoi: courriel ou envoi: main_propre"
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

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
    crate::stdout::print(&crate::changes::report(
        &changes,
        &old_source.name,
        &new_source.name,
    )?);
    Ok(ExitCode::SUCCESS)
}

/// `planifier`, from the file as announced when `depuis` is given.
fn plan(command: Command) -> Result<ExitCode, Error> {
    match command {
        Command::Planifier {
            session,
            ecrire,
            depuis,
        } => crate::planner::run(&session, ecrire, depuis.as_deref()),
        _ => Ok(ExitCode::FAILURE),
    }
}

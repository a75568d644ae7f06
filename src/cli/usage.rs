//! The help and the usage errors in French: clap's headings, usage lines
//! and messages said the way the rest of the program speaks.

use clap::{CommandFactory, FromArgMatches};

use super::args::Cli;

/// The command line of this run, read with the French help.
pub fn parse() -> Result<Cli, clap::Error> {
    french_usage(french(Cli::command()))
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
}

/// The help of every command, in French: headings (with the no-break
/// space French puts before the colon clap adds), the help and version
/// flags, default and possible values said in the arguments' own help.
fn french(command: clap::Command) -> clap::Command {
    command
        .help_template("{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("Commandes\u{a0}")
        .subcommand_value_name("COMMANDE")
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("aide")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("Affiche cette aide"),
        )
        .mut_args(|a| {
            let heading = if a.is_positional() {
                "Arguments\u{a0}"
            } else {
                "Options\u{a0}"
            };
            a.hide_default_value(true)
                .hide_possible_values(true)
                .help_heading(heading)
        })
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

/// `sessiondoc COMMAND` for the command named on this run's command
/// line (by its name or an alias), when the error does not say it.
fn command_asked() -> Option<String> {
    let cli = Cli::command();
    std::env::args().skip(1).find_map(|arg| {
        cli.get_subcommands()
            .find(|c| c.get_name() == arg || c.get_all_aliases().any(|a| a == arg))
            .map(|c| format!("sessiondoc {}", c.get_name()))
    })
}

/// A misused command line, said in French, with the way to the help.
pub fn usage_error(e: &clap::Error) -> String {
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
            let suggested = context(ContextKind::SuggestedValue);
            let possible = match (possible.is_empty(), suggested.is_empty()) {
                (true, _) => String::new(),
                (false, true) => format!(" (valeurs possibles\u{a0}: {possible})"),
                (false, false) => format!(
                    "\u{a0}; vouliez-vous dire « {suggested} »\u{a0}? (valeurs possibles\u{a0}: {possible})"
                ),
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
    // The usage line of the command misused, and that command's own help.
    let usage = context(ContextKind::Usage);
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(usage);
    let command: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    let command = if command.is_empty() {
        command_asked().unwrap_or_else(|| "sessiondoc".to_owned())
    } else {
        command.join(" ")
    };
    let usage = if command.contains(' ') {
        format!("\nUtilisation\u{a0}: {usage}")
    } else {
        String::new()
    };
    format!("erreur\u{a0}: {what}{usage}\nPour l'aide\u{a0}: {command} --help")
}

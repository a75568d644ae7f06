//! The `sessiondoc` command.

fn main() -> std::process::ExitCode {
    sessiondoc::cli::main()
}

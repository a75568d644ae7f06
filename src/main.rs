//! The `sessiondoc` command.

fn main() -> std::process::ExitCode {
    // A file size limit (`ulimit -f`) then makes a write fail with a clear
    // error instead of killing the program in the middle of a run.
    // SAFETY: setting a signal's disposition to "ignore" at start-up, before
    // any thread exists, has no other effect.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    sessiondoc::cli::main()
}

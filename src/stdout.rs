//! Writing a command's result to standard output: when the reader stops
//! reading (`sessiondoc planifier … | head`), the output ends there, quietly,
//! instead of the program failing.

use std::io::Write;

/// Writes `text` to standard output; a closed pipe is not an error.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

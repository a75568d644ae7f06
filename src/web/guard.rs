//! What keeps the local server to its one user: a random token (in the
//! address printed, then in a cookie), the Host header (against DNS
//! rebinding), the Origin of every POST, the headers every answer carries,
//! and the confinement of served files to the session's output folder.

use std::path::{Component, Path, PathBuf};

use crate::web::http::Request;

/// The name of the cookie that keeps the token after the first visit.
pub const COOKIE: &str = "sessiondoc_jeton";
/// The query parameter of the address printed.
pub const TOKEN_PARAMETER: &str = "jeton";

/// A secret of 32 random bytes, in hexadecimal.
pub fn new_token() -> Result<String, crate::error::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| {
        crate::error::Error::Io(format!("impossible de tirer un jeton au hasard\u{a0}: {e}"))
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// What to do with a request.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Serve it.
    Pass,
    /// The token is in the address: keep it as a cookie, and ask again
    /// without it (the address bar then shows no secret).
    KeepToken,
    /// Refuse it with 403, saying why: the key of the reason in the block
    /// `refus` of `templates/web/textes.txt`.
    Refuse(&'static str),
}

/// The server's expectations: its port and its token.
pub struct Guard {
    pub port: u16,
    pub token: String,
}

impl Guard {
    /// Judges a request: Host first, then the token, then a POST's Origin.
    pub fn judge(&self, request: &Request) -> Verdict {
        let host = request.header("host").unwrap_or_default();
        if !self.is_own(host) {
            return Verdict::Refuse("hote");
        }
        let by_cookie = request
            .cookie(COOKIE)
            .is_some_and(|t| same_secret(t, &self.token));
        let by_query = request
            .query(TOKEN_PARAMETER)
            .is_some_and(|t| same_secret(t, &self.token));
        if !by_cookie && !by_query {
            return Verdict::Refuse("jeton");
        }
        if request.method != "GET" && request.method != "HEAD" {
            let origin = request.header("origin").unwrap_or_default();
            let own = origin
                .strip_prefix("http://")
                .is_some_and(|host| self.is_own(host));
            if !own {
                return Verdict::Refuse("origine");
            }
        }
        if by_query && request.method == "GET" {
            return Verdict::KeepToken;
        }
        Verdict::Pass
    }

    /// `127.0.0.1:PORT` or `localhost:PORT`, nothing else.
    fn is_own(&self, host: &str) -> bool {
        host == format!("127.0.0.1:{}", self.port) || host == format!("localhost:{}", self.port)
    }

    /// The cookie that keeps the token: not readable by scripts, never
    /// sent by another site's page.
    pub fn cookie(&self) -> String {
        format!("{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/", self.token)
    }
}

/// Compares two secrets in a time that does not depend on where they
/// differ.
fn same_secret(given: &str, expected: &str) -> bool {
    given.len() == expected.len()
        && given
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// The file `relative` of `folder`, if it is one and stays inside it: no
/// `..`, no absolute path, no symbolic link that leads out.
pub fn confined(folder: &Path, relative: &str) -> Option<PathBuf> {
    let relative = Path::new(relative);
    if relative.as_os_str().is_empty()
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let root = std::fs::canonicalize(folder).ok()?;
    let file = std::fs::canonicalize(root.join(relative)).ok()?;
    (file.starts_with(&root) && file.is_file()).then_some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_leaving_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let inside = dir.path().join("sortie");
        std::fs::create_dir(&inside).unwrap();
        std::fs::write(inside.join("a.pdf"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
        assert!(confined(&inside, "a.pdf").is_some());
        assert!(confined(&inside, "../secret.txt").is_none());
        assert!(confined(&inside, "/etc/passwd").is_none());
        assert!(confined(&inside, "").is_none());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), inside.join("lien.pdf"))
                .unwrap();
            assert!(confined(&inside, "lien.pdf").is_none());
        }
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abcd", "abcd"));
        assert!(!same_secret("abce", "abcd"));
        assert!(!same_secret("abc", "abcd"));
    }
}

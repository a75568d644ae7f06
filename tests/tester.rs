//! `scripts/tester`, the README's test command: installs only what the
//! tests need and is missing (apt as root, or through sudo; openxml-audit
//! in sessiondoc's own Python environment), then runs `cargo test`. Tried
//! here on a machine made of stand-ins that log what they are asked.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A folder of stand-in commands, with the real ones the script needs.
struct Machine {
    dir: tempfile::TempDir,
}

impl Machine {
    /// A machine where nothing the tests need is installed; `uid` is what
    /// `id -u` says; `sudo` whether sudo exists.
    fn fresh(uid: u32, sudo: bool) -> Machine {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        for real in ["bash", "dirname", "mkdir", "env", "grep", "cp"] {
            std::os::unix::fs::symlink(which(real), bin.join(real)).unwrap();
        }
        let log = dir.path().join("log");
        let logged = |name: &str, then: &str| {
            let script = format!(
                "#!/bin/bash\necho \"{name} $*\" >> '{}'\n{then}\n",
                log.display()
            );
            let path = bin.join(name);
            std::fs::write(&path, script).unwrap();
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        };
        logged("id", &format!("echo {uid}"));
        logged("apt-get", "");
        logged(
            "cargo",
            "echo \"PATH=$PATH\" >> \"$(dirname \"$0\")/../log\"",
        );
        if sudo {
            logged("sudo", "\"$@\"");
        }
        // A Python without openxml-audit nor ensurepip; its venv is a copy.
        logged(
            "python3",
            "if [ \"$1 $2\" = \"-m venv\" ]; then mkdir -p \"$3/bin\"; cp \"$0\" \"$3/bin/python3\"; fi\ncase \"$*\" in *import*) exit 1;; esac",
        );
        Machine { dir }
    }

    /// Runs the script; its status, what it said, and the log of commands.
    fn run(&self) -> (Option<i32>, String, String) {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/tester");
        let out = Command::new(which("bash"))
            .arg(script)
            .args(["--test", "convocation"])
            .env_clear()
            .env("PATH", self.dir.path().join("bin"))
            .env("HOME", self.dir.path().join("home"))
            .output()
            .unwrap();
        let log = std::fs::read_to_string(self.dir.path().join("log")).unwrap_or_default();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            log,
        )
    }
}

fn which(name: &str) -> PathBuf {
    std::env::split_paths(&std::env::var_os("PATH").unwrap())
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("{name} not found"))
}

const PACKAGES: &str = "install -y -qq --no-install-recommends poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2 chromium chromium-driver python3-venv";

#[test]
fn as_root_it_installs_what_is_missing_then_runs_the_tests() {
    let machine = Machine::fresh(0, false);
    let (code, said, log) = machine.run();
    assert_eq!(code, Some(0), "{said}\n{log}");
    assert!(log.contains(&format!("apt-get {PACKAGES}")), "{log}");
    assert!(!log.contains("sudo"), "{log}");
    assert!(
        log.contains("python3 -m pip install -q --disable-pip-version-check openxml-audit"),
        "{log}"
    );
    // The tests run last, with sessiondoc's Python environment first.
    let last = log.lines().rfind(|l| !l.starts_with("PATH=")).unwrap();
    assert_eq!(last, "cargo test --release --locked --test convocation");
    assert!(
        log.contains("PATH=") && log.contains("/.cache/sessiondoc/python/bin:"),
        "{log}"
    );
    assert!(
        said.contains("installation par apt : poppler-utils"),
        "{said}"
    );
}

#[test]
fn as_a_user_it_installs_through_sudo() {
    let machine = Machine::fresh(1000, true);
    let (code, said, log) = machine.run();
    assert_eq!(code, Some(0), "{said}\n{log}");
    assert!(
        log.contains("sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq"),
        "{log}"
    );
    assert!(
        log.contains(&format!(
            "sudo env DEBIAN_FRONTEND=noninteractive apt-get {PACKAGES}"
        )),
        "{log}"
    );
}

#[test]
fn without_sudo_it_says_what_to_install_and_stops() {
    let machine = Machine::fresh(1000, false);
    let (code, said, log) = machine.run();
    assert_eq!(code, Some(1), "{said}\n{log}");
    assert!(
        said.contains(
            "sudo est introuvable : installez-les en root (apt-get install poppler-utils"
        ),
        "{said}"
    );
    assert!(!log.contains("apt-get"), "{log}");
    assert!(!log.contains("cargo"), "{log}");
}

#[test]
fn what_is_there_is_not_installed_again() {
    let machine = Machine::fresh(0, false);
    let bin = machine.dir.path().join("bin");
    // The tools are there, openxml-audit in sessiondoc's environment too.
    for tool in ["pdftotext", "soffice", "chromium", "chromedriver"] {
        std::os::unix::fs::symlink(which("bash"), bin.join(tool)).unwrap();
    }
    std::fs::write(bin.join("fc-list"), "#!/bin/bash\necho 'Liberation Sans'\n").unwrap();
    let venv = machine.dir.path().join("home/.cache/sessiondoc/python/bin");
    std::fs::create_dir_all(&venv).unwrap();
    std::fs::write(venv.join("python3"), "#!/bin/bash\nexit 0\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    for f in [bin.join("fc-list"), venv.join("python3")] {
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let (code, said, log) = machine.run();
    assert_eq!(code, Some(0), "{said}\n{log}");
    assert!(!log.contains("apt-get"), "{log}");
    assert!(!log.contains("pip"), "{log}");
    assert!(log.contains("cargo test --release --locked"), "{log}");
}

#[test]
fn the_readme_and_ci_use_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let commands: Vec<&str> = readme
        .split("```sh\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| !l.starts_with("```"))
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    assert_eq!(commands.get(1), Some(&"scripts/tester"), "{commands:?}");
    for package in [
        "poppler-utils",
        "libreoffice-writer-nogui",
        "libreoffice-calc-nogui",
        "fonts-liberation2",
        "chromium-driver",
        "openxml-audit",
    ] {
        assert!(
            readme.contains(package),
            "the README does not say it installs {package}"
        );
    }
    let ci = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    assert!(ci.lines().any(|l| l.trim() == "scripts/tester"), "{ci}");
}

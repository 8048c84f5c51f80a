//! A small builder for CLI cases: arguments in, exact stdout, stderr and exit code out.
//!
//! A run checks every stream by default: a test that says nothing about stdout or stderr expects
//! it empty, so a new warning or a stray line fails the tests that did not ask for it. A test that
//! cares about part of a stream says so (`stdout_contains`, `stderr_contains`), and one that reads
//! the returned text itself says that too (`any_stdout`, `any_stderr`).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::OnceLock;

use assert_cmd::Command;

/// The repository root (tests run there).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `tests/data`.
pub fn data(path: &str) -> PathBuf {
    root().join("tests/data").join(path)
}

/// Copies the directory `from` into `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The load cache of this test run, away from the user's own; removed when the run ends.
pub fn cache_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("claimgraph-tests-{}", std::process::id()));
        remove_when_done(&dir);
        dir
    })
    .clone()
}

/// Starts a shell that waits for this test process to end, then removes `dir`. A test harness
/// has no hook at its end, and the crate forbids the `unsafe` an `atexit` handler needs.
fn remove_when_done(dir: &Path) {
    let wait_then_remove = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; rm -rf \"$2\"";
    let started = std::process::Command::new("sh")
        .args(["-c", wait_then_remove, "remove-test-cache"])
        .arg(std::process::id().to_string())
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    if started.is_err() {
        crate::tools::skipped(&format!(
            "removing the test cache: no `sh` to remove `{}` after the run",
            dir.display()
        ));
    }
}

/// What a test expects on one stream.
enum Expect {
    /// Exactly this text (the default: empty).
    Exact(String),
    /// Each of these pieces, somewhere.
    Contains(Vec<String>),
    /// Anything: the test checks the returned text itself.
    Any,
}

impl Expect {
    /// Adds a piece the stream must contain (turning an exact expectation into pieces).
    fn contains(self, piece: &str) -> Expect {
        match self {
            Expect::Contains(mut pieces) => {
                pieces.push(piece.to_string());
                Expect::Contains(pieces)
            }
            _ => Expect::Contains(vec![piece.to_string()]),
        }
    }

    /// What is wrong with `got` on `stream`, if anything.
    fn mismatch(&self, stream: &str, got: &str) -> Option<String> {
        match self {
            Expect::Exact(expected) if got != expected => Some(format!(
                "{stream} differs\n--- expected:\n{expected}\n--- got:\n{got}"
            )),
            Expect::Contains(pieces) => pieces
                .iter()
                .find(|piece| !got.contains(piece.as_str()))
                .map(|piece| format!("{stream} lacks {piece:?}\n--- got:\n{got}")),
            _ => None,
        }
    }
}

/// One run of the binary.
pub struct Test {
    cmd: Command,
    stdout: Expect,
    stderr: Expect,
    status: i32,
}

impl Test {
    /// A run in the repository root with colours off.
    pub fn new() -> Test {
        let mut cmd = Command::cargo_bin("claimgraph").expect("the binary is built for tests");
        cmd.current_dir(root())
            .env_remove("NO_COLOR")
            .env("CLAIMGRAPH_CACHE_DIR", cache_dir())
            .arg("--color=never");
        Test {
            cmd,
            stdout: Expect::Exact(String::new()),
            stderr: Expect::Exact(String::new()),
            status: 0,
        }
    }

    /// Adds arguments.
    pub fn args(mut self, args: &[&str]) -> Test {
        self.cmd.args(args);
        self
    }

    /// Adds a path argument.
    pub fn path(mut self, path: &Path) -> Test {
        self.cmd.arg(path);
        self
    }

    /// Runs in `dir`.
    pub fn current_dir(mut self, dir: &Path) -> Test {
        self.cmd.current_dir(dir);
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.cmd.env(key, value);
        self
    }

    /// Fails the test when the run takes longer than `seconds` (for inputs that once hung).
    pub fn timeout(mut self, seconds: u64) -> Test {
        self.cmd.timeout(std::time::Duration::from_secs(seconds));
        self
    }

    /// Expects exactly this on stdout (default: nothing).
    pub fn stdout(mut self, text: &str) -> Test {
        self.stdout = Expect::Exact(text.to_string());
        self
    }

    /// Expects exactly this on stderr (default: nothing).
    pub fn stderr(mut self, text: &str) -> Test {
        self.stderr = Expect::Exact(text.to_string());
        self
    }

    /// Expects stdout to contain `piece` (call again for more pieces).
    pub fn stdout_contains(mut self, piece: &str) -> Test {
        self.stdout = self.stdout.contains(piece);
        self
    }

    /// Expects stderr to contain `piece` (call again for more pieces).
    pub fn stderr_contains(mut self, piece: &str) -> Test {
        self.stderr = self.stderr.contains(piece);
        self
    }

    /// Accepts any stdout: the test checks what `run` returns.
    pub fn any_stdout(mut self) -> Test {
        self.stdout = Expect::Any;
        self
    }

    /// Accepts any stderr: the test checks what `run` returns.
    pub fn any_stderr(mut self) -> Test {
        self.stderr = Expect::Any;
        self
    }

    /// Expects this exit code (default 0).
    pub fn status(mut self, code: i32) -> Test {
        self.status = code;
        self
    }

    /// Runs and checks; returns (stdout, stderr) for further checks.
    #[track_caller]
    pub fn run(mut self) -> (String, String) {
        let out = self.cmd.output().expect("the binary runs");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(self.status),
            "exit code\nstdout:\n{stdout}\nstderr:\n{stderr}"
        );
        let problems: Vec<String> = [
            self.stdout.mismatch("stdout", &stdout),
            self.stderr.mismatch("stderr", &stderr),
        ]
        .into_iter()
        .flatten()
        .collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        (stdout, stderr)
    }
}

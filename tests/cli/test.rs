//! A small builder for CLI cases: arguments in, exact stdout, stderr and exit code out.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root (tests run there).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `tests/data`.
pub fn data(path: &str) -> PathBuf {
    root().join("tests/data").join(path)
}

/// The load cache of this test run, away from the user's own.
pub fn cache_dir() -> PathBuf {
    std::env::temp_dir().join(format!("claimgraph-tests-{}", std::process::id()))
}

/// One run of the binary.
pub struct Test {
    cmd: Command,
    stdout: Option<String>,
    stderr: Option<String>,
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
            stdout: None,
            stderr: None,
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

    /// Expects exactly this on stdout.
    pub fn stdout(mut self, text: &str) -> Test {
        self.stdout = Some(text.to_string());
        self
    }

    /// Expects exactly this on stderr.
    pub fn stderr(mut self, text: &str) -> Test {
        self.stderr = Some(text.to_string());
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
        if let Some(expected) = &self.stdout {
            assert_eq!(&stdout, expected, "stdout");
        }
        if let Some(expected) = &self.stderr {
            assert_eq!(&stderr, expected, "stderr");
        }
        (stdout, stderr)
    }
}

//! Outside programs some tests need (Graphviz, crustabri, bash, groff, Node and Chromium,
//! Neovim), and the one way a test says it did not run for want of one: a `skipped: ...` line
//! that a plain `cargo test` shows (`cargo test -- --nocapture 2>&1 | grep skipped` lists
//! them), where an `eprintln!` would be swallowed by the harness and the test would pass in
//! silence.

use std::path::PathBuf;
use std::process::Command;

/// Prints `skipped: <why>` on stderr, past the test harness's capture (which would show it
/// only for a failing test), so a plain `cargo test` says what it did not run.
pub fn skipped(why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "skipped: {why}");
}

/// Where `program` is on PATH, if it is.
pub fn find(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// Where `program` is on PATH; `None`, after saying that `test` skipped and how to run it
/// (`install`), when it is not there.
pub fn need(program: &str, test: &str, install: &str) -> Option<PathBuf> {
    let found = find(program);
    if found.is_none() {
        skipped(&format!(
            "{test}: `{program}` is not on PATH ({install} to run this test)"
        ));
    }
    found
}

/// Whether Graphviz's `dot` runs; says that `test` skipped when it does not.
pub fn graphviz(test: &str) -> bool {
    let ok = Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        skipped(&format!(
            "{test}: Graphviz `dot` does not run (install Graphviz to run this test)"
        ));
    }
    ok
}

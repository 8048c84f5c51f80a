//! The report page in a real browser: `tests/browser/report.mjs` drives headless Chromium
//! through it (search, filters, clicking nodes and links), with no console error and no
//! request but the page itself.
//!
//! It needs Node.js, Chromium (`/usr/bin/chromium`, or `$CHROMIUM`) and `npm ci` run in
//! `tests/browser`. Without them the test is skipped with a message, so `cargo test` passes on
//! a machine with only Rust; with `CLAIMGRAPH_REQUIRE_BROWSER=1` (as in CI) it fails instead.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::test::{Test, data, root};

/// What is missing to run the browser test, if anything.
fn missing() -> Option<String> {
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        return Some("`node` is not on PATH".into());
    }
    if !chromium().is_file() {
        return Some(format!("Chromium is not at `{}`", chromium().display()));
    }
    let playwright = root().join("tests/browser/node_modules/playwright-core");
    if !playwright.is_dir() {
        return Some("playwright-core is not installed: run `npm ci` in tests/browser".into());
    }
    None
}

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// `build --renderer embedded` of `claims` into `out`.
fn build(claims: &Path, out: &Path) {
    build_with(claims, out, "embedded");
}

/// `build --renderer RENDERER` of `claims` into `out`.
fn build_with(claims: &Path, out: &Path, renderer: &str) {
    Test::new()
        .args(&["--claims"])
        .path(claims)
        .args(&["build", "--renderer", renderer, "--out"])
        .path(out)
        .stderr_contains(" files written, 0 unchanged in ")
        .run();
}

/// Runs `tests/browser/report.mjs` with `args` in Chromium; fails the test with its output unless
/// it succeeds, and returns its standard output.
fn run_script(args: &[PathBuf]) -> String {
    let out = Command::new("node")
        .arg(root().join("tests/browser/report.mjs"))
        .args(args)
        .env("CHROMIUM", chromium())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stdout:\n{stdout}\nstderr:\n{stderr}");
    stdout.into_owned()
}

/// Whether the browser test can run; says why not (or fails, when CI requires it).
fn can_run() -> bool {
    let Some(why) = missing() else {
        return true;
    };
    assert!(
        std::env::var("CLAIMGRAPH_REQUIRE_BROWSER").as_deref() != Ok("1"),
        "CLAIMGRAPH_REQUIRE_BROWSER=1 but {why}"
    );
    crate::tools::skipped(&format!("the browser tests: {why}"));
    false
}

/// The report of `tests/data/hostile`, drawn by the embedded renderer and by Graphviz (when
/// it is installed), runs no injected script in Chromium and still works.
#[test]
fn hostile_report_runs_no_injected_script() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut pages = Vec::new();
    let graphviz = crate::tools::graphviz("the Graphviz half of the hostile report");
    for renderer in ["embedded", "graphviz"]
        .into_iter()
        .take(1 + usize::from(graphviz))
    {
        let out = dir.path().join(renderer);
        build_with(&data("hostile"), &out, renderer);
        pages.push(out.join("index.html"));
    }
    let mut args = vec![PathBuf::from("--hostile")];
    args.extend(pages.iter().cloned());
    let stdout = run_script(&args);
    assert_eq!(stdout.lines().count(), pages.len(), "{stdout}");
}

#[test]
fn report_works_in_chromium() {
    if !can_run() {
        return;
    }
    let fixture = tempfile::tempdir().unwrap();
    let article = tempfile::tempdir().unwrap();
    build(&data("report"), fixture.path());
    build(Path::new("claims"), article.path());
    // Beside the other build products: `target/report-screenshot.png`.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap();
    let screenshot = target.join("report-screenshot.png");
    let _ = std::fs::remove_file(&screenshot);
    let stdout = run_script(&[
        fixture.path().join("index.html"),
        screenshot.clone(),
        article.path().join("index.html"),
    ]);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(
        screenshot.is_file(),
        "no screenshot at {}",
        screenshot.display()
    );
    eprintln!("screenshot: {}", screenshot.display());
}

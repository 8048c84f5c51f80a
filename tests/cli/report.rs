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
    Test::new()
        .args(&["--claims"])
        .path(claims)
        .args(&["build", "--renderer", "embedded", "--out"])
        .path(out)
        .run();
}

#[test]
fn report_works_in_chromium() {
    if let Some(why) = missing() {
        assert!(
            std::env::var("CLAIMGRAPH_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "CLAIMGRAPH_REQUIRE_BROWSER=1 but {why}"
        );
        eprintln!("skipping the browser test: {why}");
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
    let out = Command::new("node")
        .arg(root().join("tests/browser/report.mjs"))
        .arg(fixture.path().join("index.html"))
        .arg(&screenshot)
        .arg(article.path().join("index.html"))
        .env("CHROMIUM", chromium())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(
        screenshot.is_file(),
        "no screenshot at {}",
        screenshot.display()
    );
    eprintln!("screenshot: {}", screenshot.display());
}

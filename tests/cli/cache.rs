//! The load cache: used when nothing changed, never stale, rebuilt when broken, and off with
//! `--no-cache`.

use std::path::{Path, PathBuf};

use crate::test::Test;

const CLAIMS: &str =
    "sources:\n  - id: s\n    name: S\nclaims:\n  - id: a\n    text: Apples.\n    by: s\n";

/// A corpus and a cache directory of its own.
struct Case {
    dir: tempfile::TempDir,
    cache: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), CLAIMS).unwrap();
        Case {
            dir,
            cache: tempfile::tempdir().unwrap(),
        }
    }

    fn file(&self) -> PathBuf {
        self.dir.path().join("a.yaml")
    }

    fn run(&self, args: &[&str]) -> (String, String) {
        Test::new()
            .env("CLAIMGRAPH_CACHE_DIR", self.cache.path().to_str().unwrap())
            .args(&["--claims", self.dir.path().to_str().unwrap(), "--timings"])
            .args(args)
            .run()
    }

    fn cache_files(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.cache.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect()
    }
}

fn cache_note(stderr: &str) -> &str {
    let line = stderr.lines().find(|l| l.contains("read+parse")).unwrap();
    &line[line.find("cache:").unwrap()..]
}

#[test]
fn the_second_run_takes_the_file_from_the_cache() {
    let case = Case::new();
    let (_, stderr) = case.run(&["check"]);
    assert_eq!(cache_note(&stderr), "cache: 0 hit, 1 miss");
    let (stdout, stderr) = case.run(&["show", "a"]);
    assert_eq!(cache_note(&stderr), "cache: 1 hit, 0 miss");
    assert!(stdout.contains("Apples."), "{stdout}");
}

/// Rewrites `path` with `text` (same length) and puts its modification time back.
fn edit_keeping_size_and_mtime(path: &Path, text: &str) {
    let before = std::fs::metadata(path).unwrap();
    assert_eq!(before.len(), text.len() as u64);
    std::fs::write(path, text).unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(before.modified().unwrap()).unwrap();
    let after = std::fs::metadata(path).unwrap();
    assert_eq!(
        (after.len(), after.modified().unwrap()),
        (before.len(), before.modified().unwrap())
    );
}

#[test]
fn an_edit_with_the_same_size_and_mtime_is_seen() {
    let case = Case::new();
    case.run(&["check"]);
    edit_keeping_size_and_mtime(&case.file(), &CLAIMS.replace("Apples.", "Lemons."));
    let (stdout, stderr) = case.run(&["show", "a"]);
    assert_eq!(cache_note(&stderr), "cache: 0 hit, 1 miss");
    assert!(stdout.contains("Lemons."), "{stdout}");
}

#[test]
fn an_edit_that_breaks_the_file_is_reported_every_time() {
    let case = Case::new();
    case.run(&["check"]);
    edit_keeping_size_and_mtime(&case.file(), &CLAIMS.replace("by: s\n", "by: t\n"));
    for _ in 0..2 {
        let (stdout, _) = Test::new()
            .env("CLAIMGRAPH_CACHE_DIR", case.cache.path().to_str().unwrap())
            .args(&["--claims", case.dir.path().to_str().unwrap(), "check"])
            .status(1)
            .run();
        assert!(stdout.contains("unknown source `t` in `by`"), "{stdout}");
    }
}

#[test]
fn a_corrupt_cache_is_ignored_and_rebuilt() {
    let case = Case::new();
    case.run(&["check"]);
    let [file] = case.cache_files().try_into().unwrap();
    let mut bytes = std::fs::read(&file).unwrap();
    let half = bytes.len() / 2;
    bytes.truncate(half);
    bytes.extend_from_slice(b"\xff\xff\xff garbage");
    std::fs::write(&file, bytes).unwrap();
    let (stdout, stderr) = case.run(&["show", "a"]);
    assert_eq!(cache_note(&stderr), "cache: 0 hit, 1 miss");
    assert!(stdout.contains("Apples."), "{stdout}");
    let (_, stderr) = case.run(&["show", "a"]);
    assert_eq!(cache_note(&stderr), "cache: 1 hit, 0 miss");
}

#[test]
fn a_cache_from_another_version_is_ignored() {
    let case = Case::new();
    case.run(&["check"]);
    let [file] = case.cache_files().try_into().unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let at = bytes
        .windows(version.len())
        .position(|w| w == version)
        .unwrap();
    let mut other = bytes.clone();
    other[at] = b'9';
    std::fs::write(&file, other).unwrap();
    let (_, stderr) = case.run(&["check"]);
    assert_eq!(cache_note(&stderr), "cache: 0 hit, 1 miss");
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let case = Case::new();
    let (_, stderr) = case.run(&["--no-cache", "check"]);
    assert_eq!(cache_note(&stderr), "cache: off");
    assert!(case.cache_files().is_empty());
    case.run(&["check"]);
    let [file] = case.cache_files().try_into().unwrap();
    std::fs::write(&file, b"not a cache").unwrap();
    case.run(&["--no-cache", "show", "a"]);
    assert_eq!(std::fs::read(&file).unwrap(), b"not a cache");
}

#[test]
fn timings_name_every_phase() {
    let case = Case::new();
    let (_, stderr) = case.run(&["check"]);
    let names: Vec<&str> = stderr
        .lines()
        .skip_while(|l| *l != "timings:")
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        names,
        [
            "discover",
            "read+parse",
            "resolve",
            "graph build",
            "lints",
            "command",
            "total"
        ]
        .iter()
        .map(|n| n.split(' ').next().unwrap())
        .collect::<Vec<_>>()
    );
}

//! The load cache: used when nothing changed, never stale, rebuilt when broken, and off with
//! `--no-cache`. Two files per corpus: the parsed files (`*.bin`), used for the files that did
//! not change, and the whole resolved corpus (`*.corpus.bin`), used when none did (`show ID`
//! then reads only the item's neighbourhood from it).

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

    /// A run over this corpus and cache, with `--timings` (which the tests read).
    fn test(&self, args: &[&str]) -> Test {
        Test::new()
            .env("CLAIMGRAPH_CACHE_DIR", self.cache.path().to_str().unwrap())
            .args(&["--claims", self.dir.path().to_str().unwrap(), "--timings"])
            .args(args)
            .stderr_contains("timings:\n")
    }

    /// `check` (with `args` before it) on the clean corpus.
    fn check(&self, args: &[&str]) -> (String, String) {
        self.test(args)
            .args(&["check"])
            .stdout_contains("0 errors, 0 warnings in ")
            .run()
    }

    fn cache_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.cache.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
    }

    /// The two cache files: parsed files, then the whole corpus.
    fn both_cache_files(&self) -> [PathBuf; 2] {
        let files = self.cache_files();
        let [a, b] = files.try_into().unwrap();
        let (files, corpus) = if b.to_str().unwrap().ends_with(".corpus.bin") {
            (a, b)
        } else {
            (b, a)
        };
        assert!(
            corpus.to_str().unwrap().ends_with(".corpus.bin"),
            "{corpus:?}"
        );
        assert!(
            !files.to_str().unwrap().ends_with(".corpus.bin"),
            "{files:?}"
        );
        [files, corpus]
    }

    /// `show a`; its text is what the file says at the time, which the tests check.
    fn show_a(&self) -> (String, String) {
        self.test(&["show", "a"]).stdout_contains("claim a\n").run()
    }
}

/// Overwrites the second half of `file` with garbage.
fn corrupt(file: &Path) {
    let mut bytes = std::fs::read(file).unwrap();
    let half = bytes.len() / 2;
    bytes.truncate(half);
    bytes.extend_from_slice(b"\xff\xff\xff garbage");
    std::fs::write(file, bytes).unwrap();
}

/// Changes the first byte of the crate version recorded in `file`.
fn change_version(file: &Path) {
    let mut bytes = std::fs::read(file).unwrap();
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let at = bytes
        .windows(version.len())
        .position(|w| w == version)
        .unwrap();
    bytes[at] = b'9';
    std::fs::write(file, bytes).unwrap();
}

const UNCHANGED: &str = "cache: corpus unchanged";

/// What `show a` reads of the unchanged corpus: the claim and its speaker.
const AROUND_A: &str = "cache: corpus unchanged; 2 of 2 items read";

fn cache_note(stderr: &str) -> &str {
    let line = stderr.lines().find(|l| l.contains("read+parse")).unwrap();
    &line[line.find("cache:").unwrap()..]
}

#[test]
fn the_second_run_takes_the_whole_corpus_from_the_cache() {
    let case = Case::new();
    let (_, stderr) = case.check(&[]);
    assert_eq!(cache_note(&stderr), "cache: 0 hit, 1 miss");
    let (stdout, stderr) = case.show_a();
    assert_eq!(cache_note(&stderr), AROUND_A);
    assert!(stdout.contains("Apples."), "{stdout}");
    let resolve = stderr
        .lines()
        .find(|l| l.trim_start().starts_with("resolve"));
    assert_eq!(
        resolve.map(|l| l.split_whitespace().collect::<Vec<_>>()),
        Some(vec!["resolve", "0.0", "ms"]),
        "{stderr}"
    );
}

#[test]
fn an_added_file_is_seen_and_the_others_come_from_the_cache() {
    let case = Case::new();
    case.check(&[]);
    let b = "claims:\n  - id: b\n    text: Bananas.\n    by: s\n    supports: [a]\n";
    std::fs::write(case.dir.path().join("b.yaml"), b).unwrap();
    let (stdout, stderr) = case.show_a();
    assert_eq!(cache_note(&stderr), "cache: 1 hit, 1 miss");
    assert!(
        stdout.contains("supported by:\n  - b: Bananas.\n"),
        "{stdout}"
    );
    let (_, stderr) = case.show_a();
    assert_eq!(
        cache_note(&stderr),
        "cache: corpus unchanged; 3 of 3 items read"
    );
}

#[test]
fn a_removed_file_is_seen() {
    let case = Case::new();
    let b = "claims:\n  - id: b\n    text: Bananas.\n    by: s\n    supports: [a]\n";
    std::fs::write(case.dir.path().join("b.yaml"), b).unwrap();
    case.check(&[]);
    case.show_a();
    std::fs::remove_file(case.dir.path().join("b.yaml")).unwrap();
    let (stdout, stderr) = case.show_a();
    assert_eq!(cache_note(&stderr), "cache: 1 hit, 0 miss");
    assert!(!stdout.contains("Bananas."), "{stdout}");
    Test::new()
        .env("CLAIMGRAPH_CACHE_DIR", case.cache.path().to_str().unwrap())
        .args(&["--claims", case.dir.path().to_str().unwrap(), "show", "b"])
        .status(2)
        .stderr_contains("`b`")
        .run();
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
    case.check(&[]);
    case.show_a();
    edit_keeping_size_and_mtime(&case.file(), &CLAIMS.replace("Apples.", "Lemons."));
    let (stdout, stderr) = case.show_a();
    assert_eq!(cache_note(&stderr), "cache: 0 hit, 1 miss");
    assert!(stdout.contains("Lemons."), "{stdout}");
    let (stdout, stderr) = case.show_a();
    assert_eq!(cache_note(&stderr), AROUND_A);
    assert!(stdout.contains("Lemons."), "{stdout}");
}

#[test]
fn an_edit_that_breaks_the_file_is_reported_every_time() {
    let case = Case::new();
    case.check(&[]);
    edit_keeping_size_and_mtime(&case.file(), &CLAIMS.replace("by: s\n", "by: t\n"));
    let mut notes = Vec::new();
    for _ in 0..2 {
        let (_, stderr) = case
            .test(&["check"])
            .status(1)
            .stdout_contains("unknown source `t` in `by`")
            .run();
        notes.push(cache_note(&stderr).to_string());
    }
    assert_eq!(notes, ["cache: 0 hit, 1 miss", UNCHANGED]);
}

#[test]
fn a_corrupt_corpus_cache_is_ignored_and_rebuilt() {
    let case = Case::new();
    case.check(&[]);
    let [_, corpus] = case.both_cache_files();
    corrupt(&corpus);
    let (stdout, stderr) = case.show_a();
    assert_eq!(cache_note(&stderr), "cache: 1 hit, 0 miss");
    assert!(stdout.contains("Apples."), "{stdout}");
    let (_, stderr) = case.show_a();
    assert_eq!(cache_note(&stderr), AROUND_A);
}

#[test]
fn a_corrupt_cache_is_ignored_and_rebuilt() {
    let case = Case::new();
    case.check(&[]);
    for file in case.both_cache_files() {
        corrupt(&file);
    }
    let (stdout, stderr) = case.show_a();
    assert_eq!(cache_note(&stderr), "cache: 0 hit, 1 miss");
    assert!(stdout.contains("Apples."), "{stdout}");
    let (_, stderr) = case.show_a();
    assert_eq!(cache_note(&stderr), AROUND_A);
}

#[test]
fn a_cache_from_another_version_is_ignored() {
    let case = Case::new();
    case.check(&[]);
    let [files, corpus] = case.both_cache_files();
    change_version(&corpus);
    let (_, stderr) = case.check(&[]);
    assert_eq!(cache_note(&stderr), "cache: 1 hit, 0 miss");
    for file in [files, corpus] {
        change_version(&file);
    }
    let (_, stderr) = case.check(&[]);
    assert_eq!(cache_note(&stderr), "cache: 0 hit, 1 miss");
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let case = Case::new();
    let (_, stderr) = case.check(&["--no-cache"]);
    assert_eq!(cache_note(&stderr), "cache: off");
    assert!(case.cache_files().is_empty());
    case.check(&[]);
    for file in case.both_cache_files() {
        std::fs::write(&file, b"not a cache").unwrap();
    }
    case.test(&["--no-cache", "show", "a"])
        .stdout_contains("claim a\n  Apples.\n")
        .run();
    for file in case.both_cache_files() {
        assert_eq!(std::fs::read(&file).unwrap(), b"not a cache");
    }
}

#[test]
fn timings_name_every_phase() {
    let case = Case::new();
    let (_, stderr) = case.check(&[]);
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
            "cache write",
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

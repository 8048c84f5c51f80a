//! `show ID` from a warm cache reads only the item's neighbourhood from the corpus snapshot
//! (`load::Options::focus`); it must print, byte for byte and with the same exit code, what
//! `--no-cache` prints. Each warm run says in `--timings` that it read a neighbourhood, so
//! these tests fail if the fast path is not taken as well as if it prints something else.
//! (Every id of `claims/` is compared through the library in `src/cli/show.rs`; here a
//! sample, as each `--no-cache` run parses the whole directory.)

use std::path::{Path, PathBuf};

use crate::corpus::Corpus;
use crate::test::{Test, data, root};

/// A corpus directory and a cache of its own.
struct Warm {
    dir: PathBuf,
    cache: tempfile::TempDir,
}

impl Warm {
    /// A cache for the claims in `dir`, filled by a first load (which exits with `status`).
    fn new(dir: &Path, status: i32) -> Warm {
        let warm = Warm {
            dir: dir.to_path_buf(),
            cache: tempfile::tempdir().unwrap(),
        };
        warm.run(&["list", "claims"])
            .status(status)
            .any_stdout()
            .any_stderr()
            .run();
        warm
    }

    fn run(&self, args: &[&str]) -> Test {
        Test::new()
            .env("CLAIMGRAPH_CACHE_DIR", self.cache.path().to_str().unwrap())
            .args(&["--claims", self.dir.to_str().unwrap()])
            .args(args)
    }

    /// Every id: claims, then sources.
    fn ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        for what in ["claims", "sources"] {
            let (stdout, _) = self.run(&["list", what]).any_stdout().run();
            let first = |l: &str| l.split_whitespace().next().map(str::to_string);
            ids.extend(stdout.lines().filter_map(first));
        }
        ids
    }

    /// `show` with `args`, warm (through the neighbourhood) and with `--no-cache`: the same
    /// stdout.
    fn same_output(&self, args: &[&str]) {
        let mut warm = vec!["--timings", "show"];
        warm.extend(args);
        let (stdout, stderr) = self.run(&warm).any_stdout().any_stderr().run();
        assert!(
            stderr.contains("cache: corpus unchanged; ") && stderr.contains(" items read\n"),
            "show {args:?} did not read a neighbourhood:\n{stderr}"
        );
        let mut cold = vec!["--no-cache", "show"];
        cold.extend(args);
        let (expected, _) = self.run(&cold).any_stdout().run();
        assert_eq!(stdout, expected, "show {args:?}");
    }

    /// Every `step`th id, as text and as JSON; the number of ids.
    fn ids_print_the_same(&self, step: usize) -> usize {
        let ids = self.ids();
        for id in ids.iter().step_by(step) {
            self.same_output(&[id]);
            self.same_output(&[id, "--format", "json"]);
        }
        ids.len()
    }
}

#[test]
fn ids_of_the_article_print_what_a_full_load_prints() {
    let shown = Warm::new(&root().join("claims"), 0).ids_print_the_same(10);
    assert!(shown > 100, "{shown} ids");
}

#[test]
fn every_id_of_a_generated_corpus_prints_what_a_full_load_prints() {
    let dir = tempfile::tempdir().unwrap();
    Corpus::generate(20, 3).write_yaml(dir.path()).unwrap();
    let shown = Warm::new(dir.path(), 0).ids_print_the_same(1);
    assert_eq!(shown, 21);
}

#[test]
fn every_kind_of_edge_prints_what_a_full_load_prints() {
    let warm = Warm::new(&data("neighbourhood"), 0);
    assert_eq!(warm.ids_print_the_same(1), 6);
    let (stdout, _) = warm.run(&["show", "a"]).any_stdout().run();
    assert!(stdout.contains("post.txt:3"), "{stdout}");
}

/// Runs `args` warm and with `--no-cache`: the same stdout, stderr and `status`. Returns the
/// cache note of the warm run.
fn whole_load(warm: &Warm, args: &[&str], status: i32) -> String {
    let run = |first: &[&str]| {
        let all: Vec<&str> = first.iter().chain(args).copied().collect();
        let test = warm.run(&all).status(status);
        test.any_stdout().any_stderr().run()
    };
    assert_eq!(run(&[]), run(&["--no-cache"]), "{args:?}");
    let (_, stderr) = run(&["--timings"]);
    let note = stderr.lines().find(|l| l.contains("read+parse")).unwrap();
    note[note.find("cache:").unwrap()..].to_string()
}

#[test]
fn an_unknown_id_is_refused_as_by_a_full_load() {
    let warm = Warm::new(&root().join("claims"), 0);
    let note = whole_load(&warm, &["show", "compute-gapp"], 2);
    assert_eq!(note, "cache: corpus unchanged");
}

#[test]
fn as_of_reads_the_whole_corpus() {
    let warm = Warm::new(&root().join("claims"), 0);
    let note = whole_load(&warm, &["--as-of", "2025-01", "show", "compute-gap"], 0);
    assert_eq!(note, "cache: corpus unchanged");
}

#[test]
fn a_corpus_with_errors_still_prints_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let claims = std::fs::read_to_string(data("neighbourhood/claims.yaml")).unwrap();
    let broken = claims.replace("by: desk\n", "by: nobody\n");
    std::fs::write(dir.path().join("a.yaml"), broken).unwrap();
    let warm = Warm::new(dir.path(), 1);
    let note = whole_load(&warm, &["show", "a"], 1);
    assert_eq!(note, "cache: corpus unchanged");
}

//! `claimgraph review`: the fact-checker's queue, one reason at a time, in every format.

use crate::test::Test;

/// One claim (or source) per reason of the queue, and a claim dated later than the verdicts.
const CLAIMS: &str = "sources:
  - id: doc
    name: Doc
    url: https://example.org/doc
    archive: archive.txt
    sha256: 0000000000000000000000000000000000000000000000000000000000000000
  - id: desk
    name: Desk
  - id: memo
    name: Memo
    date: 2025-02-01
claims:
  - id: quoted
    text: Quoted.
    sources:
      - source: doc
        quote: \"the archive says something else\"
  - id: rated-true
    text: Rated true.
    verdict:
      rating: true
      by: desk
      date: 2025-01-10
      evidence: [memo]
  - id: attacker
    text: Attacker.
    contradicts: [rated-true]
  - id: rated-false
    text: Rated false.
    verdict:
      rating: false
      by: desk
      date: 2025-01-10
  - id: open
    text: Open.
  - id: later
    text: Later.
    date: 2025-03-01
    supports: [rated-false]
    contradicts: [open]
relations:
  - from: attacker
    to: rated-false
    kind: supports
    date: 2025-02
";

fn corpus(claims: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("claims.yaml"), claims).unwrap();
    std::fs::write(
        dir.path().join("archive.txt"),
        "The archive says what it says.\n",
    )
    .unwrap();
    dir
}

fn review(dir: &tempfile::TempDir, args: &[&str], status: i32) -> String {
    let (stdout, _) = Test::new()
        .current_dir(dir.path())
        .args(&["--claims", ".", "review"])
        .args(args)
        .status(status)
        .any_stdout()
        .run();
    stdout
}

#[test]
fn every_reason_most_pressing_first_with_the_line_to_edit() {
    let dir = corpus(CLAIMS);
    assert_eq!(
        review(&dir, &[], 0),
        "quote-not-found        quoted       ./claims.yaml:17  quote not found in the archive of `doc`; the closest passage is at ./archive.txt:1
archive-changed        doc          ./claims.yaml:6   archive `./archive.txt` of `doc` has changed: its sha256 is 21db5dceb929c5656b95c23a8c9a566bc2f71885ccb685ad6026fde68bd8f22c
verdict-vs-eval        rated-true   ./claims.yaml:18  rated true, but it falls: `attacker`, which stands, contradicts it
verdict-vs-eval        rated-false  ./claims.yaml:28  rated false, but it stands: nothing that stands contradicts it
stale-verdict          rated-true   ./claims.yaml:18  its verdict of 2025-01-10 cites evidence `memo`, dated later (2025-02-01)
stale-verdict          rated-false  ./claims.yaml:28  `later`, dated 2025-03-01, supports it, after its verdict of 2025-01-10
stale-verdict          rated-false  ./claims.yaml:28  `attacker` supports it from 2025-02, after its verdict of 2025-01-10
unruled-contradiction  open         ./claims.yaml:34  unrated, but `later` contradicts it
evidence-without-url   rated-true   ./claims.yaml:9   evidence `memo` has neither `url` nor `archive`
9 items to review
"
    );
}

#[test]
fn json_and_tsv_carry_the_same_five_fields() {
    let dir = corpus(CLAIMS);
    let json: serde_json::Value =
        serde_json::from_str(&review(&dir, &["--format", "json"], 0)).unwrap();
    assert_eq!(
        json[7],
        serde_json::json!({"reason": "unruled-contradiction", "id": "open",
            "detail": "unrated, but `later` contradicts it", "file": "./claims.yaml", "line": 34})
    );
    assert_eq!(json.as_array().unwrap().len(), 9);
    let tsv = review(&dir, &["--format", "tsv"], 0);
    assert_eq!(
        tsv.lines().nth(7),
        Some("unruled-contradiction\topen\tunrated, but `later` contradicts it\t./claims.yaml\t34")
    );
}

#[test]
fn selection_flags_and_as_of_narrow_the_queue() {
    let dir = corpus(CLAIMS);
    assert_eq!(
        review(&dir, &["--where", "id = open", "--format", "tsv"], 0),
        "unruled-contradiction\topen\tunrated, but `later` contradicts it\t./claims.yaml\t34\n"
    );
    // Before `later` and the memo existed, nothing had come after the verdicts.
    let (before, _) = Test::new()
        .current_dir(dir.path())
        .args(&[
            "--claims",
            ".",
            "--as-of",
            "2025-01-31",
            "review",
            "--format",
            "tsv",
        ])
        .any_stdout()
        .run();
    let reasons: Vec<&str> = before
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            "quote-not-found",
            "archive-changed",
            "verdict-vs-eval",
            "verdict-vs-eval"
        ]
    );
}

#[test]
fn deny_fails_only_when_the_queue_is_not_empty() {
    let dir = corpus(CLAIMS);
    review(&dir, &["--deny"], 1);
    let calm = corpus("claims:\n  - id: a\n    text: A.\n");
    assert_eq!(review(&calm, &["--deny"], 0), "nothing to review\n");
    assert_eq!(review(&calm, &["--format", "json"], 0), "[]\n");
}

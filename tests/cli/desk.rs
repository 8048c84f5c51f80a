//! The fact-checker's desk: quotes verified against archived sources, and verdict histories.

use std::path::Path;

use crate::test::Test;

const ARCHIVE: &str = "Lead paragraph before any heading, long enough to read as a paragraph of text.\nEfficiency Under Constraints\nChinese firms often consume twice the computing power \u{2014} the \u{201C}same results\u{201D} as US models.\nOpen\u{2013}Source Leadership:\nIt\u{2019}s open.\n";

/// A directory with `claims.yaml` (a source `doc` archived as `archive.txt`, plus `extra`
/// YAML for the source and the claims) and the archive.
fn corpus(source_extra: &str, claims: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let yaml = format!(
        "sources:\n  - id: doc\n    name: Doc\n    archive: archive.txt\n{source_extra}claims:\n{claims}"
    );
    std::fs::write(dir.path().join("claims.yaml"), yaml).unwrap();
    std::fs::write(dir.path().join("archive.txt"), ARCHIVE).unwrap();
    dir
}

fn quoting(quote: &str, locator: &str) -> String {
    format!(
        "  - id: c\n    text: C.\n    sources:\n      - source: doc\n        quote: \"{quote}\"\n        locator: \"{locator}\"\n"
    )
}

/// What `check` prints (on stdout: stderr must stay empty), for the test to compare.
fn check(dir: &Path, status: i32) -> String {
    let (stdout, _) = Test::new()
        .current_dir(dir)
        .args(&["check", "."])
        .status(status)
        .any_stdout()
        .run();
    stdout
}

#[test]
fn straight_quotes_and_dashes_match_curly_ones() {
    let dir = corpus(
        "",
        &quoting(
            "power - the \\\"same results\\\" as",
            "Efficiency Under Constraints",
        ),
    );
    assert_eq!(check(dir.path(), 0), "0 errors, 0 warnings in 1 file\n");
    Test::new()
        .current_dir(dir.path())
        .args(&["show", "c", "--claims", "."])
        .stdout("claim c\n  C.\nsources:\n  - doc: \"power - the \"same results\" as\" (Efficiency Under Constraints)\n      in ./archive.txt:3\ndefined at: ./claims.yaml:6:9\n")
        .run();
}

#[test]
fn a_changed_word_is_a_located_miss_with_a_word_diff() {
    let dir = corpus(
        "",
        &quoting(
            "Chinese firms often use twice the computing power",
            "Efficiency Under Constraints",
        ),
    );
    assert_eq!(
        check(dir.path(), 1),
        "error[quote-not-found]: quote not found in the archive of `doc`; the closest passage is at ./archive.txt:3
  --> ./claims.yaml:10:16
   |
10 |         quote: \"Chinese firms often use twice the computing power\"
   |                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
   = help: quote the archive word for word; [-in the quote-]{+in the archive+}: Chinese firms often [-use-] {+consume+} twice the computing power

1 error, 0 warnings in 1 file
"
    );
    let (stdout, _) = Test::new()
        .current_dir(dir.path())
        .args(&["show", "c", "--claims", ".", "--format", "json"])
        .any_stdout()
        .run();
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        json["quotes"],
        serde_json::json!([{"source": "doc", "archive": "./archive.txt", "found": false, "line": 3}])
    );
}

#[test]
fn a_locator_that_names_no_heading_is_a_warning_naming_the_nearest() {
    let dir = corpus("", &quoting("It's open.", "Open Source Leadership"));
    let out = check(dir.path(), 0);
    assert!(
        out.starts_with("warning[locator-not-found]: locator `Open Source Leadership` names no heading of the archive of `doc`; the nearest is `Open\u{2013}Source Leadership:` (./archive.txt:4)\n  --> ./claims.yaml:11:18\n"),
        "{out}"
    );
    // The final colon, case and the dash do not matter; the text before the first heading
    // is the introduction.
    for locator in ["open-source leadership", "Introduction"] {
        let quote = if locator == "Introduction" {
            "Lead paragraph"
        } else {
            "It's open."
        };
        let dir = corpus("", &quoting(quote, locator));
        assert_eq!(
            check(dir.path(), 0),
            "0 errors, 0 warnings in 1 file\n",
            "{locator}"
        );
    }
}

const SHA256: &str = "4d6e4eb6cd2c2c9f8bd0b5d5f2f29ed0f4bdf8fc1b84d2bc8b5c9d6fc3a8f0b1";

#[test]
fn an_archive_whose_hash_changed_is_an_error() {
    let dir = corpus(
        &format!("    sha256: {SHA256}\n"),
        &quoting("It's open.", "Open-Source Leadership"),
    );
    let out = check(dir.path(), 1);
    assert!(
        out.starts_with(
            "error[archive-changed]: archive `./archive.txt` of `doc` has changed: its sha256 is "
        ),
        "{out}"
    );
    assert!(out.contains(" --> ./claims.yaml:5:13\n"), "{out}");
    // The right hash passes.
    let actual = out
        .split("its sha256 is ")
        .nth(1)
        .unwrap()
        .split('\n')
        .next()
        .unwrap();
    let dir = corpus(
        &format!("    sha256: {actual}\n"),
        &quoting("It's open.", "Open-Source Leadership"),
    );
    assert_eq!(check(dir.path(), 0), "0 errors, 0 warnings in 1 file\n");
}

#[test]
fn a_missing_or_non_utf8_archive_is_located_at_the_archive_value() {
    let dir = corpus("", &quoting("It's open.", "Open-Source Leadership"));
    std::fs::remove_file(dir.path().join("archive.txt")).unwrap();
    let out = check(dir.path(), 1);
    assert!(out.starts_with("error[archive-unreadable]: archive `./archive.txt` does not exist (the archive of `doc`)\n --> ./claims.yaml:4:14\n"), "{out}");
    std::fs::write(dir.path().join("archive.txt"), b"line one\nbad \xff byte\n").unwrap();
    let out = check(dir.path(), 1);
    assert!(out.starts_with("error[archive-unreadable]: archive `./archive.txt` is not UTF-8 text (first invalid byte on line 2) (the archive of `doc`)\n --> ./claims.yaml:4:14\n"), "{out}");
    assert!(
        out.contains("help: save the archive as UTF-8 text"),
        "{out}"
    );
}

const HISTORY: &str = "  - id: c
    text: C.
    by: doc
    verdict:
      - rating: true
        by: doc
        date: 2025-01-13
        note: Accurate when written.
        evidence: [e]
      - rating: outdated
        by: doc
        date: 2025-05-13
        note: The rule was rescinded.
  - id: e
    text: E.
    by: doc
";

#[test]
fn show_prints_a_verdict_history_and_the_latest_is_current() {
    let dir = corpus("", HISTORY);
    Test::new()
        .current_dir(dir.path())
        .args(&["show", "c", "--claims", "."])
        .stdout(
            "claim c
  C.
by:          Doc (doc)
verdict:     outdated (by doc, 2025-05-13)
  note:      The rule was rescinded.
history:     oldest first; the last is the current verdict
  - 2025-01-13: true (by doc)
      note: Accurate when written.
      evidence: e
  - 2025-05-13: outdated (by doc)
      note: The rule was rescinded.
defined at: ./claims.yaml:6:9
",
        )
        .run();
    let (json, _) = Test::new()
        .current_dir(dir.path())
        .args(&["export", "json", "--claims", "."])
        .any_stdout()
        .run();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ratings: Vec<&str> = json["claims"][0]["verdict"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["rating"].as_str().unwrap())
        .collect();
    assert_eq!(ratings, ["true", "outdated"]);
}

#[test]
fn an_undated_or_out_of_order_verdict_is_a_located_error() {
    let undated = HISTORY.replace("        date: 2025-01-13\n", "");
    let dir = corpus("", &undated);
    let out = check(dir.path(), 1);
    assert!(out.starts_with("error[missing-field]: verdict 1 in the history of `c` has no `date`\n  --> ./claims.yaml:10:9\n"), "{out}");
    let swapped = HISTORY.replace("2025-01-13", "2025-06-01");
    let dir = corpus("", &swapped);
    let out = check(dir.path(), 1);
    assert!(out.starts_with("error[verdict-order]: the verdicts of `c` are out of order: 2025-05-13 comes after 2025-06-01\n  --> ./claims.yaml:17:15\n"), "{out}");
}

#[test]
fn every_quote_of_the_data_set_verifies_against_the_article() {
    Test::new()
        .args(&["check", "claims", "--format", "json"])
        .stdout("[]\n")
        .run();
    Test::new()
        .args(&["show", "compute-gap"])
        .stdout_contains("      in claims/archive/article.txt:24\n")
        .run();
}

/// `HISTORY` plus a claim dated after the rescission that contradicts `e`, by a dated relation.
fn dated_corpus() -> tempfile::TempDir {
    let later = "  - id: later
    text: Later.
    date: 2025-06-02
relations:
  - from: e
    to: c
    kind: supports
    date: 2025-05
  - from: later
    to: e
    kind: contradicts
";
    corpus("", &format!("{HISTORY}{later}"))
}

fn list_as_of(dir: &Path, date: &str) -> String {
    let (stdout, _) = Test::new()
        .current_dir(dir)
        .args(&["list", "--claims", ".", "--format", "tsv", "--as-of", date])
        .any_stdout()
        .run();
    stdout
}

#[test]
fn as_of_gives_the_verdict_that_held_on_the_date_across_a_rescission() {
    let dir = dated_corpus();
    assert_eq!(list_as_of(dir.path(), "2025-01-12"), "c\t\tC.\ne\t\tE.\n");
    assert_eq!(
        list_as_of(dir.path(), "2025-05-12"),
        "c\ttrue\tC.\ne\t\tE.\n"
    );
    assert_eq!(
        list_as_of(dir.path(), "2025-05-13"),
        "c\toutdated\tC.\ne\t\tE.\n"
    );
    assert_eq!(
        list_as_of(dir.path(), "2025-06-02"),
        "c\toutdated\tC.\ne\t\tE.\nlater\t\tLater.\n"
    );
    // A partial cutoff runs to the end of its period: all of May, not June.
    assert_eq!(
        list_as_of(dir.path(), "2025-05"),
        "c\toutdated\tC.\ne\t\tE.\n"
    );
    Test::new()
        .current_dir(dir.path())
        .args(&["show", "c", "--claims", ".", "--as-of", "2025-03"])
        .stdout("claim c\n  C.\nby:          Doc (doc)\nverdict:     true (by doc, 2025-01-13)\n  note:      Accurate when written.\n  evidence:  e\ndefined at: ./claims.yaml:6:9\n")
        .run();
}

#[test]
fn as_of_leaves_out_relations_dated_later_and_those_that_lose_an_endpoint() {
    let dir = dated_corpus();
    let relations = |date: &str| {
        let (stdout, _) = Test::new()
            .current_dir(dir.path())
            .args(&["export", "json", "--claims", ".", "--as-of", date])
            .any_stdout()
            .run();
        let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        json["relations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| format!("{} {} {}", r["from"], r["kind"], r["to"]).replace('"', ""))
            .collect::<Vec<_>>()
    };
    assert_eq!(relations("2025-04-30"), Vec::<String>::new());
    assert_eq!(relations("2025-05-01"), ["e supports c"]);
    assert_eq!(
        relations("2025-06-02"),
        ["e supports c", "later contradicts e"]
    );
}

#[test]
fn as_of_that_is_not_a_date_is_a_usage_error() {
    let dir = dated_corpus();
    Test::new()
        .current_dir(dir.path())
        .args(&["check", ".", "--as-of", "May 2025"])
        .status(2)
        .stderr("error: invalid value 'May 2025' for '--as-of <DATE>': expected a date as YYYY, YYYY-MM or YYYY-MM-DD\n\nFor more information, try '--help'.\n")
        .run();
}

/// Two rated claims: `c`, whose reviewer has a URL, and `d`, whose reviewer has none.
const PUBLISHED: &str = "  - id: c
    text: C.
    sources: [doc, early]
    verdict: {rating: true, by: desk, date: 2025-06-01}
  - id: d
    text: D.
    verdict: {rating: false, by: anon, date: 2025-06-01}
";

fn publishing() -> tempfile::TempDir {
    let sources = "    url: https://example.org/doc
    date: 2025-03
  - id: early
    name: Early
    url: https://example.org/early
    date: 2025-01-20
  - id: desk
    name: Desk
    url: https://desk.example/reviews
  - id: anon
    name: Anon
";
    corpus(sources, PUBLISHED)
}

fn claimreview(dir: &Path, args: &[&str], status: i32) -> (serde_json::Value, String) {
    let (stdout, stderr) = Test::new()
        .current_dir(dir)
        .args(&["--claims", ".", "export", "claimreview"])
        .args(args)
        .status(status)
        .any_stdout()
        .any_stderr()
        .run();
    (serde_json::from_str(&stdout).unwrap_or_default(), stderr)
}

#[test]
fn claimreview_urls_come_from_the_base_url_and_the_first_appearance_is_the_earliest() {
    let dir = publishing();
    let (doc, stderr) = claimreview(
        dir.path(),
        &["--base-url", "https://checks.example/2025"],
        0,
    );
    assert!(!stderr.contains("left out"), "{stderr}");
    let urls: Vec<&str> = doc["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["url"].as_str().unwrap())
        .collect();
    assert_eq!(
        urls,
        [
            "https://checks.example/2025#c",
            "https://checks.example/2025#d"
        ]
    );
    let item = &doc["@graph"][0]["itemReviewed"];
    assert_eq!(item["firstAppearance"]["url"], "https://example.org/early");
    assert_eq!(item["firstAppearance"]["datePublished"], "2025-01-20");
    assert_eq!(item["appearance"][0]["url"], "https://example.org/doc");
}

#[test]
fn a_claimreview_without_a_url_is_reported_and_left_out_and_strict_refuses() {
    let dir = publishing();
    let (doc, stderr) = claimreview(dir.path(), &[], 0);
    assert_eq!(doc["@graph"][0]["url"], "https://desk.example/reviews#c");
    assert_eq!(doc["@graph"].as_array().unwrap().len(), 1);
    assert!(stderr.starts_with("left out: ./claims.yaml:21: claim `d` has no ClaimReview `url`, which Google requires; pass `--base-url URL` (the page that publishes the reviews), or give the reviewer (`verdict.by`) a `url`\n"), "{stderr}");
    let out = dir.path().join("reviews.jsonld");
    let (_, stderr) = Test::new()
        .current_dir(dir.path())
        .args(&["--claims", ".", "export", "claimreview", "--strict", "-o"])
        .path(&out)
        .status(1)
        .any_stderr()
        .run();
    assert!(
        stderr.starts_with("error: ./claims.yaml:21: claim `d` has no ClaimReview `url`"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "error: 1 rated claims lack a field Google's ClaimReview requires; nothing written\n"
        ),
        "{stderr}"
    );
    assert!(!out.exists(), "--strict writes nothing");
}

#[test]
fn a_base_url_that_is_not_absolute_is_a_usage_error() {
    let dir = publishing();
    let (_, stderr) = claimreview(dir.path(), &["--base-url", "checks/2025"], 2);
    assert_eq!(
        stderr,
        "error: `--base-url` must be an absolute `http` or `https` URL, not `checks/2025`\n  = help: for example `--base-url https://example.org/fact-checks`\n"
    );
}

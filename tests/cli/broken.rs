//! Every broken input under `tests/data/broken/` and the exact diagnostics it must produce.

use serde_json::Value;

use crate::test::{Test, data};

/// What `check --format json PATH` prints, expecting exit code `status`.
fn check_json(path: &std::path::Path, status: i32) -> Value {
    let (stdout, _) = Test::new()
        .args(&["check", "--format", "json"])
        .path(path)
        .status(status)
        .any_stdout()
        .run();
    serde_json::from_str(&stdout).expect("check prints JSON")
}

/// `line:column severity[code] message (hint)` for each diagnostic of `check --format json`.
fn diagnostics(path: &std::path::Path, status: i32) -> Vec<String> {
    let json = check_json(path, status);
    let items = json.as_array().expect("a JSON array");
    items
        .iter()
        .map(|d| {
            let hint = d["hint"]
                .as_str()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            format!(
                "{}:{} {}[{}] {}{hint}",
                d["line"],
                d["column"],
                d["severity"].as_str().unwrap_or("?"),
                d["code"].as_str().unwrap_or("?"),
                d["message"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

#[track_caller]
fn case(name: &str, status: i32, expected: &[&str]) {
    assert_eq!(
        diagnostics(&data(&format!("broken/{name}")), status),
        expected,
        "{name}"
    );
}

const UNATTRIBUTED: &str = "has no `by` and no `sources` (say who made the claim (`by: SOURCE`) or where it appears (`sources: [SOURCE]`))";

fn unattributed(at: &str, id: &str) -> String {
    format!("{at} warning[unattributed] claim `{id}` {UNATTRIBUTED}")
}

#[test]
fn syntax_error() {
    case("syntax.yaml", 1, &["4:11 error[syntax] unclosed quote"]);
}

#[test]
fn wrong_type() {
    case(
        "wrong-type.yaml",
        1,
        &["3:11 error[wrong-type] wrong type: expected a string here"],
    );
}

#[test]
fn missing_field() {
    case(
        "missing-field.yaml",
        1,
        &["2:5 error[missing-field] missing required key `text` (add `text: ...` to this entry)"],
    );
}

#[test]
fn unknown_key_with_did_you_mean() {
    case(
        "unknown-key.yaml",
        1,
        &["3:5 error[unknown-key] unknown key `txt` (did you mean `text`?)"],
    );
    case(
        "unknown-top-key.yaml",
        1,
        &["1:1 error[unknown-key] unknown key `claim` (did you mean `claims`?)"],
    );
}

#[test]
fn invalid_id() {
    case(
        "invalid-id.yaml",
        1,
        &[
            "2:9 error[invalid-id] invalid id `Compute Gap`: `C` is not allowed in an id (use lowercase letters, digits, `-`, `_` or `.`) (write it as `compute-gap`)",
        ],
    );
}

#[test]
fn duplicate_id_across_files_points_at_both() {
    case(
        "duplicate-id",
        1,
        &[
            &unattributed("2:9", "lee"),
            "2:9 error[duplicate-id] duplicate id `lee` (ids must be unique across all files (claims and sources share one id space))",
        ],
    );
    Test::new()
        .args(&["check"])
        .path(&data("broken/duplicate-id"))
        .status(1)
        .stdout_contains("tests/data/broken/duplicate-id/b.yaml:2:9")
        .stdout_contains("tests/data/broken/duplicate-id/a.yaml:2:9")
        .stdout_contains("- first defined here")
        .run();
}

#[test]
fn unknown_id_with_did_you_mean() {
    case(
        "unknown-id.yaml",
        1,
        &[
            "11:19 error[unknown-id] unknown claim `compute-gapp` in `contradicts` (did you mean `compute-gap`?)",
        ],
    );
}

#[test]
fn wrong_kind_of_reference() {
    let hint = "(speakers, citations and reviewers are sources: define it under `sources:`)";
    case(
        "wrong-kind.yaml",
        1,
        &[
            &format!("4:9 error[wrong-kind] `b` is a claim, but `by` must name a source {hint}"),
            &format!(
                "7:15 error[wrong-kind] `a` is a claim, but `sources` must name a source {hint}"
            ),
        ],
    );
}

#[test]
fn out_of_range_numbers() {
    let hint = "(write a number from 0 to 1, e.g. 0.7)";
    case(
        "out-of-range.yaml",
        1,
        &[
            &format!(
                "4:18 error[out-of-range] `reliability` must be between 0 and 1, found -0.1 {hint}"
            ),
            &format!(
                "9:17 error[out-of-range] `confidence` must be between 0 and 1, found 1.5 {hint}"
            ),
            &format!(
                "17:15 error[out-of-range] `strength` must be between 0 and 1, found 2 {hint}"
            ),
        ],
    );
}

#[test]
fn invalid_dates() {
    let hint = "(for example 2025, 2025-01 or 2025-01-20)";
    case(
        "invalid-date.yaml",
        1,
        &[
            &unattributed("2:9", "a"),
            &format!(
                "4:11 error[invalid-date] invalid date `2025-02-30` in `date`: day 30 does not exist in 2025-02 {hint}"
            ),
            &unattributed("5:9", "b"),
            &format!(
                "7:11 error[invalid-date] invalid date `January 2025` in `date`: expected a date as YYYY, YYYY-MM or YYYY-MM-DD {hint}"
            ),
        ],
    );
}

#[test]
fn unknown_keywords() {
    case(
        "unknown-relation-kind.yaml",
        1,
        &[
            &unattributed("2:9", "a"),
            &unattributed("4:9", "b"),
            "9:11 error[unknown-keyword] unknown relation kind `attacks` (use one of `supports` or `contradicts`)",
        ],
    );
    case(
        "unknown-rating.yaml",
        1,
        &[
            &unattributed("2:9", "a"),
            "5:15 error[unknown-keyword] unknown rating `mostly_true` (did you mean `mostly-true`?)",
        ],
    );
}

#[test]
fn self_relation() {
    case(
        "self-relation.yaml",
        1,
        &[
            &unattributed("2:9", "a"),
            "4:16 error[self-relation] `a` cannot support itself",
        ],
    );
}

#[test]
fn every_problem_in_a_file_is_reported() {
    case(
        "several.yaml",
        1,
        &[
            "4:5 error[unknown-key] unknown key `kidn` (did you mean `kind`?)",
            "7:5 error[unknown-key] unknown key `txt` (did you mean `text`?)",
            "10:11 error[wrong-type] wrong type: expected a string here",
            "13:9 error[unknown-id] unknown source `leee` in `by`",
        ],
    );
}

#[test]
fn warnings_pass_unless_denied() {
    let cycle = "2:9 warning[support-cycle] support cycle (circular reasoning) among `a`, `b` (each of these claims is supported, in the end, only by itself; break the circle at the weakest link)";
    case(
        "support-cycle.yaml",
        0,
        &[&unattributed("2:9", "a"), cycle, &unattributed("5:9", "b")],
    );
    case(
        "mixed-relation.yaml",
        0,
        &[
            &unattributed("2:9", "a"),
            "5:19 warning[supports-and-contradicts] `a` both supports and contradicts `b` (keep the one you mean, or split the claim into the part that supports and the part that contradicts)",
            &unattributed("6:9", "b"),
        ],
    );
    case(
        "empty.yaml",
        0,
        &[
            "0:0 warning[empty-file] the file is empty (add `claims:` or `sources:`, or delete the file)",
        ],
    );
    Test::new()
        .args(&["check", "--deny-warnings", "tests/data/broken/empty.yaml"])
        .status(1)
        .stdout_contains("warning[empty-file]: the file is empty\n")
        .stdout_contains("0 errors, 1 warning in 1 file\n")
        .run();
}

#[test]
fn alias_bomb_is_rejected() {
    case(
        "alias-bomb.yaml",
        1,
        &["2:8 error[wrong-type] wrong type: expected a mapping (`key: value` lines) here"],
    );
}

#[test]
fn not_utf8() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("latin1.yaml");
    std::fs::write(&file, b"claims:\n  - id: a\n    text: caf\xe9\n").expect("write");
    let json = check_json(&file, 1);
    assert_eq!(json[0]["code"], "not-utf8");
    assert_eq!(
        (json[0]["line"].as_u64(), json[0]["column"].as_u64()),
        (Some(3), Some(14))
    );
}

#[test]
fn text_output_shows_the_line_and_a_caret() {
    Test::new()
        .args(&["check", "tests/data/broken/unknown-id.yaml"])
        .status(1)
        .stdout(
            "error[unknown-id]: unknown claim `compute-gapp` in `contradicts`
  --> tests/data/broken/unknown-id.yaml:11:19
   |
11 |     contradicts: [compute-gapp]
   |                   ^^^^^^^^^^^^
   = help: did you mean `compute-gap`?

1 error, 0 warnings in 1 file
",
        )
        .run();
}

#[test]
fn missing_path_is_an_input_error() {
    Test::new()
        .args(&["check", "no/such/dir"])
        .status(1)
        .stdout_contains("error[io]: cannot read `no/such/dir`: entity not found")
        .run();
}

#[test]
fn scalar_alias_bomb_is_rejected_as_too_complex() {
    // One 32 KiB string aliased 2,048 times would expand to 64 MiB of text.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("bomb.yaml");
    let mut text = format!(
        "claims:\n  - id: a0\n    text: &big {}\n",
        "x".repeat(32 * 1024)
    );
    for i in 1..2048 {
        text.push_str(&format!("  - id: a{i}\n    text: *big\n"));
    }
    std::fs::write(&file, text).expect("write");
    let json = check_json(&file, 1);
    assert_eq!(json[0]["code"], "too-complex", "{json}");
    assert_eq!(json.as_array().map(Vec::len), Some(1), "{json}");
}

#[test]
fn views_point_at_each_mistake() {
    case(
        "views.yaml",
        1,
        &[
            "9:11 error[invalid-id] invalid view name `Compute View`: `C` is not allowed in an id (use lowercase letters, digits, `-`, `_` or `.`) (write it as `compute-view` (a view's name is its file name))",
            "10:11 error[duplicate-id] the view name `all` is reserved (`all` is the whole graph and `index` the HTML report; choose another name)",
            "13:16 error[unknown-id] unknown claim `gpa` in `around`",
            "14:11 error[wrong-kind] `gap` is a claim, but `by` must name a source (speakers, citations and reviewers are sources: define it under `sources:`)",
            "15:18 error[unknown-keyword] unknown direction `sideways` (use one of `up`, `down` or `both`)",
            // The expression starts at column 15, after its quote: column 18 of it is 32, but
            // the quote is not seen by the parser, so the caret lands one to the left.
            "16:31 error[invalid-where] invalid `where` in view `fine`: expected a field name (tag, by, rating, kind, id, text, relation, file) at column 18, found the end of the expression (fields: tag, by, rating, kind, id, text, relation, file; operators `=`, `!=`, `~`; `and`, `or`, `not`, parentheses)",
            "18:17 error[unknown-keyword] unknown color_by `colour` (use one of `rating`, `eval`, `tag` or `speaker`)",
            "19:14 error[unknown-id] unknown claim or source `nowhere` in `focus`",
            "20:11 error[duplicate-id] duplicate view name `fine` (view names must be unique across all files)",
        ],
    );
}

/// Once, `confidence: 1e400` hid every other error in its file and made the file's good ids
/// unknown to `b.yaml`; `confidence: high` said "invalid floating point" without naming the
/// key; a missing `text` was reported at the entry's last key.
#[test]
fn one_broken_value_does_not_take_its_file_down() {
    case(
        "misleading",
        1,
        &[
            "11:17 error[wrong-type] `confidence` must be a finite number; `1e400` is too large",
            "15:17 error[wrong-type] `confidence` must be a number, not `high`",
            "16:5 error[missing-field] missing required key `text` (add `text: ...` to this entry)",
            "21:9 error[unknown-id] unknown source `xx` in `by` (did you mean `x`?)",
        ],
    );
}

/// Once, the YAML library's advice to its programmers (`DuplicateKeyPolicy`,
/// `from_str_multiple`, `Option<String>`) reached the user; a duplicate key also hid the rest
/// of the file.
#[test]
fn yaml_errors_speak_of_the_file_not_the_library() {
    case(
        "yaml-advice.yaml",
        1,
        &[
            "4:5 error[syntax] the key `name` appears twice in this entry (keep one of them)",
            "7:9 error[wrong-type] `text` has no value (write a value after the colon, or remove the key)",
        ],
    );
    case(
        "two-documents.yaml",
        1,
        &[
            "5:1 error[syntax] the file holds more than one YAML document (a `---` line starts another) (put everything in one document: remove the `---` line, or split the file)",
        ],
    );
}

//! JSON Lines (`*.jsonl`) and JSON (`*.json`) claim files: read beside YAML with located
//! diagnostics, written by `export jsonl` and `import -o`, and covered by the load cache.

use std::path::Path;

use serde_json::Value;

use crate::test::{Test, data};

/// `line:column code message` of each diagnostic `check --format json` prints for `dir`.
fn diagnostics(dir: &Path, status: i32) -> Vec<String> {
    let (stdout, _) = Test::new()
        .args(&["--no-cache", "--claims", dir.to_str().unwrap()])
        .args(&["check", "--format", "json"])
        .status(status)
        .any_stdout()
        .run();
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let name = |d: &Value| {
        let file = d["file"].as_str().unwrap_or_default();
        Path::new(file)
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string()
    };
    json.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let hint = d["hint"]
                .as_str()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            format!(
                "{}:{}:{} {} {}{hint}",
                name(d),
                d["line"],
                d["column"],
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect()
}

/// A directory holding `files` (name, content).
fn corpus(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// What `args` print on stdout for the claims in `dir`.
fn stdout_of(dir: &Path, args: &[&str]) -> String {
    Test::new()
        .args(&["--no-cache", "--claims", dir.to_str().unwrap()])
        .args(args)
        .any_stdout()
        .run()
        .0
}

const SOURCES_YAML: &str = "sources:\n  - id: ana\n    name: Ana\n";

#[test]
fn export_jsonl_writes_the_small_fixture_one_entry_a_line() {
    let jsonl = stdout_of(&data("small"), &["export", "jsonl"]);
    insta::assert_snapshot!("export_jsonl_small", jsonl);
}

#[test]
fn yaml_to_jsonl_and_back_gives_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("all.jsonl");
    Test::new()
        .args(&["--no-cache", "--claims", data("small").to_str().unwrap()])
        .args(&["export", "jsonl", "-o", file.to_str().unwrap()])
        .run();
    let before = stdout_of(&data("small"), &["export", "json"]);
    let after = stdout_of(dir.path(), &["export", "json"]);
    assert_eq!(after, before);
    let check = stdout_of(dir.path(), &["check"]);
    assert_eq!(check, "0 errors, 0 warnings in 1 file\n");
}

#[test]
fn jsonl_json_and_yaml_files_mix_in_one_directory() {
    let dir = corpus(&[
        ("a.yaml", SOURCES_YAML),
        (
            "b.jsonl",
            "{\"type\": \"claim\", \"id\": \"b\", \"text\": \"B.\", \"by\": \"ana\", \"supports\": [\"c\"]}\n",
        ),
        (
            "c.json",
            "{\"claims\": [{\"id\": \"c\", \"text\": \"C.\", \"by\": \"ana\"}]}\n",
        ),
    ]);
    assert_eq!(diagnostics(dir.path(), 0), Vec::<String>::new());
    let shown = stdout_of(dir.path(), &["show", "c"]);
    assert!(shown.contains("supported by:\n  - b: B.\n"), "{shown}");
}

#[test]
fn each_broken_line_is_reported_at_its_place_and_the_rest_loaded() {
    let lines = [
        r#"{"type": "claim", "id": "a", "text": "A.", "by": "ana", "supports": ["nope"]}"#,
        r#"{"type": "claim", "id": "b", "text": "B.", "by": "ana""#,
        r#"["not", "an", "object"]"#,
        r#"{"type": "clam", "id": "c", "text": "C."}"#,
        r#"{"id": "d", "text": "D.", "by": "ana"}"#,
        r#"{"type": "claim", "id": "e", "text": "E.", "by": "ana", "tagz": []}"#,
        r#"{"text": "F.", "type": "claim", "id": "f", "by": "bob"}"#,
        r#"{"type": "claim", "id": "g", "text": "G.", "by": "ana", "contradicts": ["a"]}"#,
    ];
    let dir = corpus(&[("a.yaml", SOURCES_YAML), ("b.jsonl", &lines.join("\n"))]);
    assert_eq!(
        diagnostics(dir.path(), 1),
        [
            "b.jsonl:1:71 unknown-id unknown claim `nope` in `supports`",
            "b.jsonl:2:55 syntax invalid JSON: EOF while parsing an object",
            "b.jsonl:3:1 wrong-type wrong type: expected a JSON object here; a `.jsonl` file holds one JSON object per line, each with a `type`",
            "b.jsonl:4:11 unknown-keyword unknown type `clam` (did you mean `claim`?)",
            "b.jsonl:5:1 missing-field missing required key `type` (add `\"type\": ...` to this object)",
            "b.jsonl:6:58 unknown-key unknown key `tagz` (did you mean `tags`?)",
            "b.jsonl:7:51 unknown-id unknown source `bob` in `by`",
        ]
    );
    // Lines 1 and 7 were loaded: their references were resolved (and reported).
}

#[test]
fn a_diagnostic_in_a_jsonl_file_underlines_the_value_in_its_line() {
    let dir = corpus(&[
        ("a.yaml", SOURCES_YAML),
        (
            "b.jsonl",
            "{\"type\": \"claim\", \"id\": \"b\", \"text\": \"B.\", \"by\": \"bob\"}\n",
        ),
    ]);
    let b = dir.path().join("b.jsonl");
    Test::new()
        .args(&["--no-cache", "--claims", dir.path().to_str().unwrap(), "check"])
        .status(1)
        .stdout(&format!(
            "error[unknown-id]: unknown source `bob` in `by`\n --> {}:1:51\n  |\n1 | {{\"type\": \"claim\", \"id\": \"b\", \"text\": \"B.\", \"by\": \"bob\"}}\n  |                                                   ^^^\n\n1 error, 0 warnings in 2 files\n",
            b.display()
        ))
        .run();
}

#[test]
fn yaml_in_a_jsonl_or_json_file_is_one_located_error() {
    let yaml = "# claims\nclaims:\n  - id: a\n    text: A.\n";
    let dir = corpus(&[("a.jsonl", yaml), ("b.json", yaml)]);
    let hint = "rename the file to end in `.yaml` (`claimgraph --claims FILE.yaml export jsonl` then writes it as JSON Lines)";
    assert_eq!(
        diagnostics(dir.path(), 1),
        [
            format!(
                "a.jsonl:1:1 syntax this is YAML, not JSON: a `.jsonl` file holds one JSON object per line, each with a `type` ({hint})"
            ),
            format!(
                "b.json:1:1 syntax this is YAML, not JSON: a `.json` file holds one JSON object with `sources`, `claims`, `relations` or `views` ({hint})"
            ),
        ]
    );
}

#[test]
fn a_broken_json_file_reports_each_broken_entry_and_keeps_the_rest() {
    let json = "{\n  \"claims\": [\n    {\"id\": \"a\", \"text\": \"A.\", \"by\": \"ana\"},\n    {\"id\": \"b\", \"text\": 5, \"by\": \"ana\"},\n    {\"id\": \"c\", \"by\": \"ana\"},\n    {\"id\": \"d\", \"text\": \"D.\", \"by\": \"ana\", \"supports\": [\"b\", \"zz\"]}\n  ],\n  \"claim\": []\n}\n";
    let dir = corpus(&[("a.yaml", SOURCES_YAML), ("b.json", json)]);
    assert_eq!(
        diagnostics(dir.path(), 1),
        [
            "b.json:4:25 wrong-type invalid type: integer `5`, expected a string",
            "b.json:5:5 missing-field missing required key `text` (add `\"text\": ...` to this object)",
            "b.json:6:63 unknown-id unknown claim `zz` in `supports`",
            "b.json:8:4 unknown-key unknown key `claim` (did you mean `claims`?)",
        ]
    );
}

#[test]
fn import_writes_json_lines_or_json_by_the_output_name() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("in.json");
    std::fs::write(&json, stdout_of(&data("small"), &["export", "json"])).unwrap();
    let expected = stdout_of(&data("small"), &["export", "json"]);
    for name in ["out.jsonl", "out.json"] {
        let out = dir.path().join("claims").join(name);
        Test::new()
            .args(&["import", "json", json.to_str().unwrap(), "-o"])
            .path(&out)
            .stderr("imported 3 claims, 3 sources, 2 relations\n")
            .run();
        let back = stdout_of(&out, &["export", "json"]);
        assert_eq!(back, expected, "{name}");
    }
    let jsonl = std::fs::read_to_string(dir.path().join("claims/out.jsonl")).unwrap();
    assert!(jsonl.starts_with("{\"type\":\"source\",\"id\":"), "{jsonl}");
}

#[test]
fn the_load_cache_covers_jsonl_files() {
    let dir = corpus(&[
        ("a.yaml", SOURCES_YAML),
        (
            "b.jsonl",
            "{\"type\": \"claim\", \"id\": \"b\", \"text\": \"Bananas.\", \"by\": \"ana\"}\n",
        ),
    ]);
    let cache = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Test::new()
            .env("CLAIMGRAPH_CACHE_DIR", cache.path().to_str().unwrap())
            .args(&["--claims", dir.path().to_str().unwrap(), "--timings"])
            .args(args)
            .any_stdout()
            .any_stderr()
            .run()
    };
    let note = |stderr: &str| {
        let line = stderr.lines().find(|l| l.contains("read+parse")).unwrap();
        line[line.find("cache:").unwrap()..].to_string()
    };
    assert_eq!(note(&run(&["check"]).1), "cache: 0 hit, 2 miss");
    assert_eq!(note(&run(&["check"]).1), "cache: corpus unchanged");
    std::fs::write(
        dir.path().join("a.yaml"),
        format!("{SOURCES_YAML}    kind: person\n"),
    )
    .unwrap();
    let (stdout, stderr) = run(&["show", "b"]);
    assert_eq!(note(&stderr), "cache: 1 hit, 1 miss");
    assert!(stdout.contains("Bananas."), "{stdout}");
    std::fs::write(
        dir.path().join("b.jsonl"),
        "{\"type\": \"claim\", \"id\": \"b\", \"text\": \"Berries.\", \"by\": \"ana\"}\n",
    )
    .unwrap();
    let (stdout, stderr) = run(&["show", "b"]);
    assert_eq!(note(&stderr), "cache: 1 hit, 1 miss");
    assert!(stdout.contains("Berries."), "{stdout}");
}

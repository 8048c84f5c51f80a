//! The JSON Schema of claim files: the committed copy is current, every claim file names it,
//! every valid claim file passes it under a real JSON Schema validator, and the broken inputs
//! a schema can judge fail it, at the place that is wrong.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::test::{Test, data, root};

/// The line at the top of every claim file in `claims/`.
const SCHEMA_LINE: &str = "# yaml-language-server: $schema=../schema/claims-v1.json";

fn committed() -> String {
    std::fs::read_to_string(root().join("schema/claims-v1.json")).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&committed()).unwrap();
    jsonschema::draft7::new(&schema).unwrap()
}

/// A claim file as the JSON an editor's YAML language server validates.
fn as_json(yaml: &str) -> Value {
    serde_saphyr::from_str(yaml).unwrap()
}

/// Where `yaml` breaks the schema: the instance path of each error, sorted.
fn errors(validator: &jsonschema::Validator, yaml: &str) -> Vec<String> {
    let json = as_json(yaml);
    let mut paths: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.instance_path().to_string())
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

/// The `*.yaml` files under `dir`, recursively, sorted.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(yaml_files(&path));
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            found.push(path);
        }
    }
    found.sort();
    found
}

#[test]
fn committed_schema_is_current() {
    let (printed, _) = Test::new().args(&["schema"]).any_stdout().run();
    assert!(
        printed == committed(),
        "schema/claims-v1.json is stale: the claim file structs changed. Regenerate it with \
         `cargo run -- schema > schema/claims-v1.json` and commit it"
    );
}

#[test]
fn every_claim_file_names_the_schema() {
    assert!(root().join("claims/../schema/claims-v1.json").is_file());
    let files = yaml_files(&root().join("claims"));
    assert!(files.len() >= 5, "{} claim files", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.lines().next(),
            Some(SCHEMA_LINE),
            "{}: the first line names the schema for editors",
            path.display()
        );
    }
}

#[test]
fn every_valid_claim_file_passes_the_schema() {
    let validator = validator();
    let mut files = yaml_files(&root().join("claims"));
    let skip = [data("broken"), data("external")];
    files.extend(
        yaml_files(&data(""))
            .into_iter()
            .filter(|p| !skip.iter().any(|s| p.starts_with(s))),
    );
    assert!(files.len() >= 20, "{} files", files.len());
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let errors = errors(&validator, &text);
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}

#[track_caller]
fn fails_at(validator: &jsonschema::Validator, yaml: &str, expected: &[&str]) {
    assert_eq!(errors(validator, yaml), expected, "{yaml}");
}

#[track_caller]
fn file_fails_at(validator: &jsonschema::Validator, name: &str, expected: &[&str]) {
    let text = std::fs::read_to_string(data("broken").join(name)).unwrap();
    assert_eq!(errors(validator, &text), expected, "{name}");
}

#[test]
fn broken_inputs_the_schema_can_judge_fail_it_where_they_are_wrong() {
    let v = validator();
    // Unknown keys, at the top, in a claim, in a citation.
    file_fails_at(&v, "unknown-top-key.yaml", &[""]);
    file_fails_at(&v, "unknown-key.yaml", &["/claims/0"]);
    let citation = "claims:\n  - id: a\n    text: A.\n    sources: [{source: s, page: 3}]\n";
    fails_at(&v, citation, &["/claims/0/sources/0"]);
    // Keywords: rating, relation kind, source kind, view keywords.
    file_fails_at(&v, "unknown-rating.yaml", &["/claims/0/verdict/rating"]);
    file_fails_at(&v, "unknown-relation-kind.yaml", &["/relations/0/kind"]);
    // A verdict history: a bad rating in an entry, an entry without its date.
    let history = "claims:\n  - id: a\n    text: A.\n    verdict:\n      - {rating: true, date: 2025}\n      - {rating: truthy, date: 2026}\n";
    fails_at(&v, history, &["/claims/0/verdict/1/rating"]);
    let undated = "claims:\n  - id: a\n    text: A.\n    verdict:\n      - {rating: \"true\"}\n";
    fails_at(&v, undated, &["/claims/0/verdict/0"]);
    // Archive fields: a digest of the wrong shape.
    let digest = "sources:\n  - id: s\n    name: S\n    archive: s.txt\n    sha256: abc\n";
    fails_at(&v, digest, &["/sources/0/sha256"]);
    fails_at(
        &v,
        "sources:\n  - id: s\n    name: S\n    kind: persn\n",
        &["/sources/0/kind"],
    );
    file_fails_at(
        &v,
        "views.yaml",
        &[
            "/views/0/name",
            "/views/2/select/direction",
            "/views/2/style/color_by",
        ],
    );
    // Wrong types, missing keys, ids and dates of the wrong shape.
    file_fails_at(&v, "wrong-type.yaml", &["/claims/0/text"]);
    fails_at(
        &v,
        "claims:\n  - id: a\n    text: A.\n    confidence: high\n",
        &["/claims/0/confidence"],
    );
    file_fails_at(&v, "missing-field.yaml", &["/claims/0"]);
    file_fails_at(&v, "invalid-id.yaml", &["/claims/0/id"]);
    file_fails_at(&v, "invalid-date.yaml", &["/claims/1/date"]);
    // Out of 0..1.
    file_fails_at(
        &v,
        "out-of-range.yaml",
        &[
            "/claims/0/confidence",
            "/relations/0/strength",
            "/sources/0/reliability",
        ],
    );
    // Unquoted `true` is a YAML boolean; the loader reads it as the rating `true`.
    let boolean = "claims:\n  - id: a\n    text: A.\n    verdict: {rating: true}\n";
    fails_at(&v, boolean, &[]);
}

//! Readers, writers and semantics against other people's files.
//!
//! The files whose licences allow it (MIT, Apache-2.0) are in the repository under
//! `tests/data/external/`, each folder with a NOTICE, so a fresh clone tests them. The others
//! (CC BY-NC-SA, GPL, no licence) are read from the directory named by `CLAIMGRAPH_TESTDATA`;
//! the tests that need them skip with one line on stderr when it is unset. CI sets it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use claimgraph::format::{self, Format, Imported};
use claimgraph::graph::ClaimGraph;
use claimgraph::model::RelationKind;
use serde_json::Value;

use crate::tools::skipped;

/// The environment variable naming the directory of test data kept outside the repository.
const TESTDATA_VAR: &str = "CLAIMGRAPH_TESTDATA";

/// `tests/data/external/<path>`: test data from other projects, in the repository.
pub fn external(path: &str) -> PathBuf {
    crate::test::data("external").join(path)
}

/// `$CLAIMGRAPH_TESTDATA/<path>`: test data whose licence keeps it out of the repository.
/// `None`, after printing what `test` skips and why, when the variable is unset. A variable
/// naming no directory is a mistake, not a reason to skip: it panics.
pub fn outside(path: &str, test: &str, licence: &str) -> Option<PathBuf> {
    let Some(dir) = std::env::var_os(TESTDATA_VAR).filter(|d| !d.is_empty()) else {
        skipped(&format!(
            "{test}: `{path}` ({licence}) is not in the repository; set {TESTDATA_VAR} to the \
             directory that holds it to run this test"
        ));
        return None;
    };
    let dir = PathBuf::from(dir);
    assert!(
        dir.is_dir(),
        "{TESTDATA_VAR}={} is not a directory: point it at the outside test data, or unset it",
        dir.display()
    );
    Some(dir.join(path))
}

/// The files in `dir` ending with `ext`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.to_string_lossy().ends_with(ext))
        .collect();
    found.sort();
    found
}

fn read(format: Format, path: &Path) -> Imported {
    read_text(format, path, std::fs::read_to_string(path).unwrap())
}

fn read_text(format: Format, path: &Path, text: String) -> Imported {
    format::import(format, &[(path.to_path_buf(), text)])
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
}

/// What a round trip must keep: claim ids and texts, speakers, and relations.
fn essence(imported: &Imported) -> (Vec<String>, Vec<String>) {
    let c = &imported.corpus;
    let claims = c
        .claims
        .iter()
        .map(|c| format!("{} {:?} {:?}", c.id, c.text, c.by))
        .collect();
    let relations = c
        .relations
        .iter()
        .map(|r| format!("{} {} {}", r.from, r.kind, r.to))
        .collect();
    (claims, relations)
}

fn count(imported: &Imported, kind: RelationKind) -> usize {
    imported
        .corpus
        .relations
        .iter()
        .filter(|r| r.kind == kind)
        .count()
}

/// The claim file written for an import loads without errors and gives the same claims.
#[track_caller]
fn assert_loads_back(imported: &Imported, path: &Path) {
    let yaml = format::yaml::to_claim_file(&imported.corpus, &[]);
    let loaded = claimgraph::load::load_text(Path::new("imported.yaml"), &yaml);
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} {}", d.location, d.message))
        .collect();
    assert!(errors.is_empty(), "{}: {errors:?}\n{yaml}", path.display());
    assert_eq!(loaded.corpus.claims.len(), imported.corpus.claims.len());
    assert_eq!(
        loaded.corpus.relations.len(),
        imported.corpus.relations.len()
    );
}

/// Node counts by type and edge counts by (from type, to type), for I, RA and CA nodes.
fn aif_counts(text: &str) -> BTreeMap<String, usize> {
    let doc: Value = serde_json::from_str(text).unwrap();
    let mut types = BTreeMap::new();
    let mut counts = BTreeMap::new();
    for n in doc["nodes"].as_array().unwrap() {
        let id = n["nodeID"].to_string();
        let ty = n["type"].as_str().unwrap().to_string();
        if ["I", "RA", "CA"].contains(&ty.as_str()) {
            *counts.entry(ty.clone()).or_insert(0) += 1;
            types.insert(id, ty);
        }
    }
    for e in doc["edges"].as_array().unwrap() {
        let (Some(a), Some(b)) = (
            types.get(&e["fromID"].to_string()),
            types.get(&e["toID"].to_string()),
        ) else {
            continue;
        };
        *counts.entry(format!("{a}->{b}")).or_insert(0) += 1;
    }
    counts
}

/// Reads one AIF file, writes it back and reads that again; whether nothing was reported lost
/// (and then every I, RA and CA node and edge was kept).
fn aif_round_trip(path: &Path) -> bool {
    let original = std::fs::read_to_string(path).unwrap();
    let first = read(Format::Aif, path);
    let before = aif_counts(&original);
    assert_eq!(
        first.corpus.claims.len(),
        before["I"],
        "{}: every I-node is a claim",
        path.display()
    );
    let graph = ClaimGraph::build(first.corpus.clone()).unwrap();
    let written = format::export(&graph, Format::Aif, &Default::default())
        .unwrap()
        .document
        .into_text()
        .unwrap();
    let after = aif_counts(&written);
    assert_eq!(
        after.get("RA").copied().unwrap_or(0),
        count(&first, RelationKind::Supports)
    );
    assert_eq!(
        after.get("CA").copied().unwrap_or(0),
        count(&first, RelationKind::Contradicts)
    );
    assert_loads_back(&first, path);
    let second = read_text(Format::Aif, path, written.clone());
    assert_eq!(essence(&second), essence(&first), "{}", path.display());
    assert!(
        second.losses.is_empty(),
        "{}: {:?}",
        path.display(),
        second.losses
    );
    let graph = ClaimGraph::build(second.corpus).unwrap();
    let again = format::export(&graph, Format::Aif, &Default::default()).unwrap();
    let again = again.document.into_text().unwrap();
    assert_eq!(aif_counts(&again), after, "{}", path.display());
    if first.losses.is_empty() {
        assert_eq!(before, after, "{}: nothing reported lost", path.display());
    }
    first.losses.is_empty()
}

#[test]
fn aifdb_node_set_reads_and_round_trips() {
    let paths = files(&external("aif/aifdb"), ".json");
    assert_eq!(paths.len(), 1, "one AIFdb node set");
    let exact = aif_round_trip(&paths[0]);
    eprintln!("the AIFdb node set read with no loss: {exact}");
}

#[test]
fn aif_microtexts_read_and_round_trip() {
    let Some(dir) = outside(
        "aif/microtexts",
        "aif_microtexts_read_and_round_trip",
        "CC BY-NC-SA 4.0",
    ) else {
        return;
    };
    let paths = files(&dir, ".json");
    assert_eq!(paths.len(), 110, "110 microtexts");
    let exact = paths.iter().filter(|p| aif_round_trip(p)).count();
    eprintln!(
        "{exact} of {} AIF graphs read with no loss and keep every I/RA/CA node and edge",
        paths.len()
    );
    assert!(exact >= 40, "only {exact} graphs read without loss");
}

/// Reads ClaimReview files; the number of claims read, each of which has a verdict.
fn rated_claims(paths: &[PathBuf]) -> usize {
    let mut claims = 0;
    for path in paths {
        let imported = read(Format::Claimreview, path);
        assert!(!imported.corpus.claims.is_empty(), "{}", path.display());
        for c in &imported.corpus.claims {
            assert!(
                c.verdict.is_some(),
                "{}: `{}` has no verdict",
                path.display(),
                c.id
            );
            claims += 1;
        }
        assert_loads_back(&imported, path);
        ClaimGraph::build(imported.corpus).unwrap();
    }
    claims
}

#[test]
fn claimreview_examples_read_into_rated_claims() {
    let paths = files(&external("claimreview/schemaorg"), ".jsonld");
    assert_eq!(paths.len(), 3);
    assert_eq!(rated_claims(&paths), 2 + 1);
}

#[test]
fn fact_check_api_response_reads_into_rated_claims() {
    let Some(path) = outside(
        "claimreview/google-factcheck-api/factCheckApiResponse.json",
        "fact_check_api_response_reads_into_rated_claims",
        "no licence stated",
    ) else {
        return;
    };
    assert_eq!(rated_claims(&[path]), 10);
}

/// Google's required and recommended ClaimReview fields, with their JSON types.
#[track_caller]
fn assert_google_fields(review: &Value) {
    let has = |v: &Value, key: &str, check: fn(&Value) -> bool| {
        assert!(
            v.get(key).is_some_and(check),
            "`{key}` missing or mistyped in {v:#}"
        );
    };
    has(review, "@type", |v| v == "ClaimReview");
    has(review, "claimReviewed", Value::is_string);
    has(review, "url", Value::is_string);
    has(review, "datePublished", Value::is_string);
    has(review, "author", Value::is_object);
    has(&review["author"], "name", Value::is_string);
    has(review, "reviewRating", Value::is_object);
    let rating = &review["reviewRating"];
    has(rating, "ratingValue", Value::is_number);
    has(rating, "bestRating", Value::is_number);
    has(rating, "worstRating", Value::is_number);
    has(rating, "alternateName", Value::is_string);
    has(review, "itemReviewed", Value::is_object);
    let item = &review["itemReviewed"];
    has(item, "@type", |v| v == "Claim");
    has(item, "author", Value::is_object);
    has(item, "datePublished", Value::is_string);
    has(item, "appearance", Value::is_array);
}

#[test]
fn claimreview_export_of_the_data_set_has_googles_fields() {
    let (text, _) = crate::test::Test::new()
        .args(&[
            "export",
            "claimreview",
            "--base-url",
            "https://example.org/checks",
        ])
        .any_stdout()
        .stderr_contains("lost: ClaimReview describes only rated claims: ")
        .run();
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["@context"], "https://schema.org");
    let reviews = doc["@graph"].as_array().unwrap();
    assert!(reviews.len() >= 10, "{} reviews", reviews.len());
    for review in reviews {
        assert_google_fields(review);
    }
}

/// Argdown's own counts for one file: statements, and relations by kind.
fn argdown_reference(json: &Path) -> (usize, BTreeMap<String, usize>) {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    let mut relations = BTreeMap::new();
    for r in doc["relations"].as_array().unwrap() {
        *relations
            .entry(r["relationType"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    (doc["statements"].as_object().unwrap().len(), relations)
}

/// The inputs Argdown rejected, from its log.
fn argdown_rejected(log: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(log).unwrap();
    let mut names: Vec<String> = text
        .lines()
        .filter_map(|l| l.split("syntax errors in ").nth(1))
        .filter_map(|rest| rest.split(".argdown").next())
        .filter_map(|p| p.rsplit('/').next())
        .map(String::from)
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn argdown_files_read_like_argdown_reads_them() {
    let mut matched = 0;
    let mut rejected = 0;
    let mut failures = Vec::new();
    for folder in ["files", "doc-fences"] {
        let dir = external(&format!("argdown/{folder}"));
        let reference = external(&format!("argdown/reference-out/{folder}"));
        let refused = argdown_rejected(&reference.join("json.log"));
        for path in files(&dir, ".argdown") {
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let ours = format::argdown::summarize(&path, &text);
            let json = reference.join("json").join(format!("{stem}.json"));
            if refused.contains(&stem) {
                match ours {
                    Err(_) => rejected += 1,
                    Ok(_) => failures.push(format!("{stem}: Argdown rejects it, we read it")),
                }
            } else if json.exists() {
                let (statements, relations) = argdown_reference(&json);
                match ours {
                    Ok(s) => {
                        let ours: BTreeMap<String, usize> = s
                            .relations
                            .iter()
                            .map(|(k, v)| (k.to_string(), *v))
                            .collect();
                        if s.statements != statements || ours != relations {
                            failures.push(format!(
                                "{stem}: ours {} statements {ours:?}, Argdown's {statements} {relations:?}",
                                s.statements
                            ));
                        } else {
                            matched += 1;
                        }
                        let imported = read_text(Format::Argdown, &path, text.clone());
                        assert_loads_back(&imported, &path);
                    }
                    Err(e) => failures.push(format!("{stem}: {} {}", e.location, e.message)),
                }
            }
        }
    }
    eprintln!(
        "Argdown: {matched} files match Argdown's counts, {rejected} rejected as Argdown rejects them"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!((matched, rejected), (34 + 158, 6 + 45));
}

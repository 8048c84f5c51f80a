//! Readers and writers against other people's files: `../shared/testdata/` (see its README).
//! The files are read where they are, never copied into the repository.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use claimgraph::format::{self, Format, Imported};
use claimgraph::graph::ClaimGraph;
use claimgraph::model::RelationKind;
use serde_json::Value;

use crate::test::root;

/// `../shared/testdata/<path>`.
fn testdata(path: &str) -> PathBuf {
    root().join("../shared/testdata").join(path)
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

#[test]
fn aif_corpora_read_and_round_trip() {
    let mut paths = files(&testdata("aif/microtexts"), ".json");
    paths.extend(files(&testdata("aif/aifdb"), ".json"));
    assert_eq!(paths.len(), 111, "110 microtexts and one AIFdb node set");
    let mut exact = 0;
    for path in &paths {
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
            .text;
        let after = aif_counts(&written);
        assert_eq!(
            after.get("RA").copied().unwrap_or(0),
            count(&first, RelationKind::Supports)
        );
        assert_eq!(
            after.get("CA").copied().unwrap_or(0),
            count(&first, RelationKind::Contradicts)
        );
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
        assert_eq!(aif_counts(&again.text), after, "{}", path.display());
        if first.losses.is_empty() {
            assert_eq!(before, after, "{}: nothing reported lost", path.display());
            exact += 1;
        }
    }
    eprintln!(
        "{exact} of {} AIF graphs read with no loss and keep every I/RA/CA node and edge",
        paths.len()
    );
    assert!(exact >= 40, "only {exact} graphs read without loss");
}

#[test]
fn claimreview_examples_and_fact_check_api_read_into_rated_claims() {
    let mut paths = files(&testdata("claimreview/schemaorg"), ".jsonld");
    paths.push(testdata(
        "claimreview/google-factcheck-api/factCheckApiResponse.json",
    ));
    assert_eq!(paths.len(), 4);
    let mut claims = 0;
    for path in &paths {
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
        ClaimGraph::build(imported.corpus).unwrap();
    }
    assert_eq!(claims, 2 + 1 + 10);
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
        .args(&["export", "claimreview"])
        .run();
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["@context"], "https://schema.org");
    let reviews = doc["@graph"].as_array().unwrap();
    assert!(reviews.len() >= 10, "{} reviews", reviews.len());
    for review in reviews {
        assert_google_fields(review);
    }
}

use serde_json::{Value, json};

use super::rating::numeric_rating;
use super::*;
use crate::format::fixture;
use crate::format::{Format, ImportError, import};

#[test]
fn snapshot() {
    let (text, losses, _) = to_claimreview(&fixture::graph(), &ReviewUrls::default());
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!("claimreview", fixture::with_losses(&text, &losses));
    });
}

#[test]
fn reads_what_it_writes() {
    let (text, _, _) = to_claimreview(&fixture::graph(), &ReviewUrls::default());
    let imported = import(Format::Claimreview, &[("r.jsonld".into(), text)]).unwrap();
    assert!(imported.losses.is_empty(), "{:?}", imported.losses);
    let c = &imported.corpus.claims[0];
    assert_eq!(c.id.as_str(), "deepseek-efficient");
    let v = c.verdict.as_ref().unwrap();
    assert_eq!(v.rating, Rating::Misleading);
    assert_eq!(v.by.as_ref().map(Id::as_str), Some("fact-check-desk"));
    assert_eq!(c.sources.len(), 1);
}

#[track_caller]
fn case(text: &str, expected: Option<Rating>) {
    assert_eq!(rating_from_text(text), expected, "{text:?}");
}

#[test]
fn textual_ratings() {
    case("True", Some(Rating::True));
    case("FALSE", Some(Rating::False));
    case("Pants on Fire!", Some(Rating::False));
    case("Half True", Some(Rating::Mixed));
    case("Mostly true", Some(Rating::MostlyTrue));
    case("mostly-false", Some(Rating::MostlyFalse));
    case("False Context", Some(Rating::Misleading));
    case("False. The video is old.", Some(Rating::False));
    case("Falsehood", None);
    case("Satire", None);
}

#[test]
fn numeric_ratings_use_their_scale() {
    let r = |v: Value| numeric_rating(&v);
    assert_eq!(
        r(json!({"ratingValue": 1, "bestRating": 6})),
        Some(Rating::False)
    );
    assert_eq!(r(json!({"ratingValue": "5"})), Some(Rating::True));
    assert_eq!(
        r(json!({"ratingValue": 3, "bestRating": 5, "worstRating": 1})),
        Some(Rating::Mixed)
    );
    assert_eq!(r(json!({"ratingValue": 9})), None);
}

#[test]
fn bad_input_is_located() {
    let err = import(
        Format::Claimreview,
        &[(
            "r.json".into(),
            r#"{"@graph": [{"@type": "ClaimReview"}]}"#.into(),
        )],
    );
    let Err(ImportError::Invalid(d)) = err else {
        panic!("{err:?}")
    };
    let got = format!("{} {}", d[0].location, d[0].message);
    assert_eq!(
        got,
        "r.json at `$.@graph[0].claimReviewed`: missing: the claim's text"
    );
}

/// The fixture with a second, earlier citation of a dated source with a URL, and a claim text.
fn published(urls: &ReviewUrls) -> (Value, Vec<Incomplete>) {
    let mut corpus = fixture::graph().corpus().clone();
    let mut early = crate::model::Source::new(Id::new("early").unwrap(), "Early post");
    early.url = Some("https://example.org/early".into());
    early.date = Some("2024-12".parse().unwrap());
    corpus.sources.push(early);
    let rated = corpus
        .claims
        .iter_mut()
        .find(|c| c.verdict.is_some())
        .unwrap();
    let cite = Citation::new(Id::new("early").unwrap());
    rated.sources.push(cite);
    let graph = ClaimGraph::build(corpus).unwrap();
    let (text, _, incomplete) = to_claimreview(&graph, urls);
    (serde_json::from_str(&text).unwrap(), incomplete)
}

#[test]
fn a_base_url_makes_every_review_url_absolute_and_the_earliest_appearance_first() {
    let base = ReviewUrls::Absolute(Some("https://desk.example/checks#old".into()));
    let (doc, incomplete) = published(&base);
    assert!(incomplete.is_empty());
    let review = &doc["@graph"][0];
    assert_eq!(
        review["url"],
        "https://desk.example/checks#deepseek-efficient"
    );
    let item = &review["itemReviewed"];
    assert_eq!(item["firstAppearance"]["url"], "https://example.org/early");
    assert_eq!(item["firstAppearance"]["datePublished"], "2024-12");
    let rest: Vec<&Value> = item["appearance"].as_array().unwrap().iter().collect();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0]["url"], "https://example.org/ai?lang=en&page=2");
}

#[test]
fn without_a_base_or_reviewer_url_a_published_review_is_left_out_and_located() {
    let (doc, incomplete) = published(&ReviewUrls::Absolute(None));
    assert_eq!(doc["@graph"], json!([]));
    assert_eq!(incomplete.len(), 1);
    let i = &incomplete[0];
    assert_eq!((i.id.as_str(), i.field), ("deepseek-efficient", "url"));
    // Embedded markup (what `build` writes) keeps the page-relative fragment.
    let (doc, incomplete) = published(&ReviewUrls::Embedded);
    assert!(incomplete.is_empty());
    assert_eq!(doc["@graph"][0]["url"], "#deepseek-efficient");
}

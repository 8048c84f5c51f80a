use serde_json::{Value, json};

use super::rating::numeric_rating;
use super::*;
use crate::format::fixture;
use crate::format::{Format, ImportError, import};

#[test]
fn snapshot() {
    let (text, losses) = to_claimreview(&fixture::graph());
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!("claimreview", fixture::with_losses(&text, &losses));
    });
}

#[test]
fn reads_what_it_writes() {
    let (text, _) = to_claimreview(&fixture::graph());
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

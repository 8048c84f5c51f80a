//! schema.org ClaimReview as JSON-LD: what fact-checkers publish and search engines read.
//!
//! Writing: one ClaimReview per claim with a verdict, in a JSON-LD `@graph`, with the fields
//! Google's fact-check markup requires or recommends: `claimReviewed`, `reviewRating`
//! (`ratingValue`, `bestRating`, `worstRating`, `alternateName`), `url`, `author`,
//! `datePublished` and `itemReviewed` (a `Claim` with `author`, `datePublished`, `appearance`).
//! Ratings map onto a five-point scale ([`RATING_SCALE`]); the rating word is also written as
//! `alternateName`, which is what a reader should trust.
//!
//! Reading takes a single ClaimReview, a list, a `@graph`, a MediaReview (its
//! `mediaAuthenticityCategory` as the rating), or a response of the Google Fact Check Tools API
//! (`{"claims": [{"text", "claimant", "claimDate", "claimReview": [...]}]}`). A textual rating is
//! matched against the usual fact-checkers' words ("Pants on Fire", "Half True", "Missing
//! context"); failing that the numeric rating is placed on its own scale.

use std::path::Path;

use serde_json::{Map, Value, json};

use super::import::{Draft, error, json_error};
use super::loss::{Carried, Loss, Losses, not_carried};
use crate::graph::ClaimGraph;
use crate::load::Diagnostic;
use crate::model::{Citation, Claim, Corpus, Date, Id, Rating, SourceKind, Verdict};

/// Each rating's `ratingValue` (on a scale from 1, worst, to 5, best) and `alternateName`.
pub const RATING_SCALE: &[(Rating, u8, &str)] = &[
    (Rating::True, 5, "True"),
    (Rating::MostlyTrue, 4, "Mostly true"),
    (Rating::Mixed, 3, "Mixed"),
    (Rating::MostlyFalse, 2, "Mostly false"),
    (Rating::False, 1, "False"),
    (Rating::Misleading, 2, "Misleading"),
    (Rating::Unproven, 3, "Unproven"),
    (Rating::Outdated, 3, "Outdated"),
];

/// The best and worst `ratingValue` written.
pub const BEST: u8 = 5;
/// The worst `ratingValue` written.
pub const WORST: u8 = 1;

/// The JSON-LD of every rated claim of `graph`, and what ClaimReview cannot carry.
pub fn to_claimreview(graph: &ClaimGraph) -> (String, Vec<Loss>) {
    let corpus = graph.corpus();
    let reviews: Vec<Value> = corpus
        .claims
        .iter()
        .filter_map(|c| Some(review(corpus, c, c.verdict.as_ref()?)))
        .collect();
    let doc = json!({"@context": "https://schema.org", "@graph": reviews});
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    (text, losses(corpus))
}

fn review(corpus: &Corpus, claim: &Claim, verdict: &Verdict) -> Value {
    let (value, name) = scale(verdict.rating);
    let mut review = Map::new();
    review.insert("@type".into(), json!("ClaimReview"));
    review.insert("url".into(), json!(review_url(corpus, claim)));
    review.insert("claimReviewed".into(), json!(claim.text));
    if let Some(date) = verdict.date {
        review.insert("datePublished".into(), json!(date.to_string()));
    }
    if let Some(author) = verdict.by.as_ref().and_then(|by| party(corpus, by)) {
        review.insert("author".into(), author);
    }
    review.insert(
        "reviewRating".into(),
        json!({"@type": "Rating", "ratingValue": value, "bestRating": BEST,
               "worstRating": WORST, "alternateName": name}),
    );
    if let Some(note) = &verdict.note {
        review.insert("reviewBody".into(), json!(note));
    }
    review.insert("itemReviewed".into(), item(corpus, claim));
    Value::Object(review)
}

/// The claim as schema.org `Claim`: its id, speaker, date and where it appears.
fn item(corpus: &Corpus, claim: &Claim) -> Value {
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    item.insert("identifier".into(), json!(claim.id.as_str()));
    if let Some(author) = claim.by.as_ref().and_then(|by| party(corpus, by)) {
        item.insert("author".into(), author);
    }
    if let Some(date) = claim.date {
        item.insert("datePublished".into(), json!(date.to_string()));
    }
    let appearances: Vec<Value> = claim
        .sources
        .iter()
        .filter_map(|c| appearance(corpus, c))
        .collect();
    if !appearances.is_empty() {
        item.insert("appearance".into(), Value::Array(appearances));
    }
    Value::Object(item)
}

fn appearance(corpus: &Corpus, citation: &Citation) -> Option<Value> {
    let source = corpus.sources.iter().find(|s| s.id == citation.source)?;
    let mut work = Map::new();
    work.insert("@type".into(), json!("CreativeWork"));
    work.insert("name".into(), json!(source.name));
    if let Some(url) = &source.url {
        work.insert("url".into(), json!(url));
    }
    if let Some(quote) = &citation.quote {
        work.insert("text".into(), json!(quote));
    }
    if let Some(date) = source.date {
        work.insert("datePublished".into(), json!(date.to_string()));
    }
    Some(Value::Object(work))
}

/// A source as a schema.org `Person` or `Organization`.
fn party(corpus: &Corpus, id: &Id) -> Option<Value> {
    let source = corpus.sources.iter().find(|s| &s.id == id)?;
    let ty = match source.kind {
        Some(SourceKind::Person) => "Person",
        _ => "Organization",
    };
    let mut party = json!({"@type": ty, "name": source.name});
    if let (Some(url), Value::Object(map)) = (&source.url, &mut party) {
        map.insert("url".into(), json!(url));
    }
    Some(party)
}

/// The review's page: the reviewer's URL with the claim id as fragment, or just the fragment
/// (a URL relative to the page the markup is embedded in).
fn review_url(corpus: &Corpus, claim: &Claim) -> String {
    let base = claim
        .verdict
        .as_ref()
        .and_then(|v| v.by.as_ref())
        .and_then(|by| corpus.sources.iter().find(|s| &s.id == by))
        .and_then(|s| s.url.as_deref())
        .unwrap_or("");
    format!("{}#{}", base.split('#').next().unwrap_or(""), claim.id)
}

/// The `ratingValue` and `alternateName` of a rating.
pub fn scale(rating: Rating) -> (u8, &'static str) {
    RATING_SCALE
        .iter()
        .find(|(r, _, _)| *r == rating)
        .map_or((3, "Unproven"), |&(_, v, n)| (v, n))
}

fn losses(corpus: &Corpus) -> Vec<Loss> {
    let mut losses = Losses::default();
    for c in corpus.claims.iter().filter(|c| c.verdict.is_none()) {
        let reason = "ClaimReview describes only rated claims";
        losses.dropped(reason, "unrated claims", c.id.as_str());
    }
    for r in &corpus.relations {
        let reason = "ClaimReview has no relations between claims";
        losses.dropped(reason, "relations", r.from.as_str());
    }
    for c in corpus.claims.iter().filter(|c| c.verdict.is_some()) {
        if c.verdict.as_ref().is_some_and(|v| v.by.is_none()) {
            let reason = "Google requires a ClaimReview `author`";
            losses.record(
                reason,
                "reviews without a reviewer",
                "written without",
                c.id.as_str(),
            );
        }
    }
    let rated = Corpus {
        claims: corpus
            .claims
            .iter()
            .filter(|c| c.verdict.is_some())
            .cloned()
            .collect(),
        sources: corpus.sources.clone(),
        ..Corpus::default()
    };
    let carried = Carried {
        speakers: true,
        citations: true,
        quotes: true,
        dates: true,
        ratings: true,
        reviewers: true,
        verdict_dates: true,
        verdict_notes: true,
        ..Carried::default()
    };
    losses.extend(not_carried(&rated, "ClaimReview", carried));
    losses.into_vec()
}

type Problem = (String, String);

/// Reads ClaimReview JSON-LD, a MediaReview or a Fact Check Tools API response from `text`.
///
/// # Errors
/// Malformed JSON (at its line and column), or a review without the claim's text (at its JSON
/// path).
pub fn read(path: &Path, text: &str, draft: &mut Draft) -> Result<(), Vec<Diagnostic>> {
    let value: Value = serde_json::from_str(text).map_err(|e| vec![json_error(path, &e)])?;
    let located = |(at, msg): Problem| vec![error(path, 0, 0, format!("at `{at}`: {msg}"))];
    if let Some(claims) = value.get("claims") {
        return read_api(claims, draft).map_err(located);
    }
    let mut found = 0;
    for (at, item) in items(&value, "$".into()) {
        if matches!(type_of(item), Some("ClaimReview" | "MediaReview")) {
            read_review(item, &at, draft).map_err(located)?;
            found += 1;
        }
    }
    if found == 0 {
        return Err(located((
            "$".into(),
            "no ClaimReview or MediaReview found (nor a Fact Check Tools API `claims` list)".into(),
        )));
    }
    Ok(())
}

/// Every object of a document: the document itself, the items of a list, of `@graph`.
fn items(value: &Value, at: String) -> Vec<(String, &Value)> {
    match value {
        Value::Array(list) => list
            .iter()
            .enumerate()
            .flat_map(|(i, v)| items(v, format!("{at}[{i}]")))
            .collect(),
        Value::Object(map) => match map.get("@graph") {
            Some(graph) => items(graph, format!("{at}.@graph")),
            None => vec![(at, value)],
        },
        _ => Vec::new(),
    }
}

fn type_of(v: &Value) -> Option<&str> {
    match v.get("@type")? {
        Value::String(s) => Some(s),
        Value::Array(types) => types.iter().find_map(Value::as_str),
        _ => None,
    }
}

fn str_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn read_review(review: &Value, at: &str, draft: &mut Draft) -> Result<(), Problem> {
    let item = review.get("itemReviewed").unwrap_or(&Value::Null);
    let text = str_at(review, "claimReviewed")
        .or_else(|| {
            item.get("interpretedAsClaim")
                .and_then(|c| str_at(c, "description"))
        })
        .or_else(|| str_at(item, "text"))
        .ok_or_else(|| {
            (
                format!("{at}.claimReviewed"),
                "missing: the claim's text".into(),
            )
        })?;
    let wanted = str_at(item, "identifier").unwrap_or(text);
    let id = draft.add_claim(wanted, text);
    let author = item.get("author").or_else(|| item.get("creator"));
    let by = author.and_then(|a| party_source(a, draft));
    let date = str_at(item, "datePublished").and_then(|d| parse_date(d, &id, draft));
    let citations = appearances(item, draft);
    let rating = rating_of(review, &id, draft);
    let reviewer = review.get("author").and_then(|a| party_source(a, draft));
    let verdict = rating.map(|rating| Verdict {
        rating,
        by: reviewer,
        date: str_at(review, "datePublished").and_then(|d| parse_date(d, &id, draft)),
        note: str_at(review, "reviewBody").map(String::from),
        evidence: Vec::new(),
    });
    review_url_loss(review, &id, draft);
    if let Some(claim) = draft.claim_mut(&id) {
        claim.by = by;
        claim.date = date;
        claim.sources = citations;
        claim.verdict = verdict;
    }
    Ok(())
}

/// A review URL other than the one we write (`reviewer-url#claim-id`) has no place in claim files.
fn review_url_loss(review: &Value, id: &Id, draft: &mut Draft) {
    if let Some(url) = str_at(review, "url")
        && !url.ends_with(&format!("#{id}"))
    {
        let reason = "claim files keep no review page";
        draft.losses.dropped(reason, "review URLs", id.as_str());
    }
}

/// Where the claim appears: each `appearance` / `firstAppearance` as a cited source.
fn appearances(item: &Value, draft: &mut Draft) -> Vec<Citation> {
    let mut works: Vec<&Value> = Vec::new();
    for key in ["firstAppearance", "appearance"] {
        match item.get(key) {
            Some(Value::Array(list)) => works.extend(list),
            Some(v @ Value::Object(_)) => works.push(v),
            _ => {}
        }
    }
    let mut out: Vec<Citation> = Vec::new();
    for work in works {
        let name = str_at(work, "name")
            .or_else(|| str_at(work, "headline"))
            .or_else(|| str_at(work, "url"));
        let Some(name) = name else { continue };
        let source = draft.source_named(name, Some(SourceKind::Publication), str_at(work, "url"));
        if out.iter().any(|c| c.source == source) {
            continue;
        }
        let mut citation = Citation::new(source);
        citation.quote = str_at(work, "text").map(String::from);
        out.push(citation);
    }
    out
}

/// A schema.org Person or Organization (or a bare name) as a source.
fn party_source(party: &Value, draft: &mut Draft) -> Option<Id> {
    let party = match party {
        Value::Array(list) => list.first()?,
        other => other,
    };
    if let Value::String(name) = party {
        return Some(draft.source_named(name, None, None));
    }
    let name = str_at(party, "name").or_else(|| str_at(party, "url"))?;
    let kind = match type_of(party) {
        Some("Person") => SourceKind::Person,
        _ => SourceKind::Organization,
    };
    Some(draft.source_named(name, Some(kind), str_at(party, "url")))
}

/// A schema.org date or date-time, cut to the day.
fn parse_date(text: &str, id: &Id, draft: &mut Draft) -> Option<Date> {
    let day = text.get(..10).unwrap_or(text);
    match day.parse() {
        Ok(d) => Some(d),
        Err(_) => {
            let reason = "dates must be YYYY, YYYY-MM or YYYY-MM-DD";
            draft
                .losses
                .dropped(reason, "unreadable dates", id.as_str());
            None
        }
    }
}

/// The rating of a review: its words first, then its number, then a reviewBody that says
/// "This claim is X."; MediaReview's authenticity category.
fn rating_of(review: &Value, id: &Id, draft: &mut Draft) -> Option<Rating> {
    let rating = review.get("reviewRating").unwrap_or(&Value::Null);
    let words = ["alternateName", "name", "ratingExplanation"]
        .iter()
        .filter_map(|k| str_at(rating, k))
        .find_map(rating_from_text);
    let found = words
        .or_else(|| numeric_rating(rating))
        .or_else(|| str_at(review, "mediaAuthenticityCategory").and_then(media_rating))
        .or_else(|| {
            let body = str_at(review, "reviewBody")?;
            let first = body.split('.').next()?.to_lowercase();
            let rest = ["this claim is ", "the claim is ", "this is "]
                .iter()
                .find_map(|p| first.strip_prefix(p))?;
            let rating = rating_from_text(rest)?;
            let reason = "the review has no reviewRating";
            draft
                .losses
                .record(reason, "ratings", "read from the reviewBody", id.as_str());
            Some(rating)
        });
    if found.is_none() {
        let reason = "no rating claimgraph understands";
        draft.losses.dropped(reason, "verdicts", id.as_str());
    }
    found
}

/// Fact-checkers' rating words, most specific first.
const WORDS: &[(&str, Rating)] = &[
    ("pants on fire", Rating::False),
    ("mostly true", Rating::MostlyTrue),
    ("mostly correct", Rating::MostlyTrue),
    ("largely true", Rating::MostlyTrue),
    ("mostly false", Rating::MostlyFalse),
    ("largely false", Rating::MostlyFalse),
    ("half true", Rating::Mixed),
    ("half-true", Rating::Mixed),
    ("partly true", Rating::Mixed),
    ("partly false", Rating::Mixed),
    ("partially true", Rating::Mixed),
    ("partially false", Rating::Mixed),
    ("mixture", Rating::Mixed),
    ("mixed", Rating::Mixed),
    ("false context", Rating::Misleading),
    ("missing context", Rating::Misleading),
    ("out of context", Rating::Misleading),
    ("misleading", Rating::Misleading),
    ("distorted", Rating::Misleading),
    ("exaggerated", Rating::Misleading),
    ("not true", Rating::False),
    ("incorrect", Rating::False),
    ("inaccurate", Rating::False),
    ("fake", Rating::False),
    ("false", Rating::False),
    ("wrong", Rating::False),
    ("unproven", Rating::Unproven),
    ("unverified", Rating::Unproven),
    ("unsupported", Rating::Unproven),
    ("unsubstantiated", Rating::Unproven),
    ("no evidence", Rating::Unproven),
    ("outdated", Rating::Outdated),
    ("true", Rating::True),
    ("correct", Rating::True),
    ("accurate", Rating::True),
];

/// The rating a textual rating names: our own words, or a known phrase at its start.
pub fn rating_from_text(text: &str) -> Option<Rating> {
    let norm = text.trim().to_lowercase();
    let norm = norm.trim_matches(|c: char| !c.is_alphanumeric());
    if let Ok(r) = norm.replace(' ', "-").parse::<Rating>() {
        return Some(r);
    }
    WORDS.iter().find_map(|(phrase, rating)| {
        let rest = norm.strip_prefix(phrase)?;
        rest.chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
            .then_some(*rating)
    })
}

/// A numeric rating placed on its scale (default 1 to 5).
fn numeric_rating(rating: &Value) -> Option<Rating> {
    let num = |k: &str| match rating.get(k)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    let value = num("ratingValue")?;
    let (best, worst) = (
        num("bestRating").unwrap_or(5.0),
        num("worstRating").unwrap_or(1.0),
    );
    if best <= worst || value < worst || value > best {
        return None;
    }
    let x = (value - worst) / (best - worst);
    Some(match x {
        x if x >= 0.9 => Rating::True,
        x if x >= 0.65 => Rating::MostlyTrue,
        x if x >= 0.4 => Rating::Mixed,
        x if x >= 0.15 => Rating::MostlyFalse,
        _ => Rating::False,
    })
}

/// MediaReview's `mediaAuthenticityCategory` as a rating.
fn media_rating(category: &str) -> Option<Rating> {
    let category = category.rsplit('/').next().unwrap_or(category);
    Some(match category {
        "OriginalMediaContent" => Rating::True,
        "DecontextualizedContent" | "EditedOrCroppedContent" => Rating::Misleading,
        "TransformedContent" | "StagedContent" => Rating::False,
        _ => return None,
    })
}

/// A Fact Check Tools API response: each claim with its first review.
fn read_api(claims: &Value, draft: &mut Draft) -> Result<(), Problem> {
    let list = claims
        .as_array()
        .ok_or_else(|| ("claims".to_string(), "expected a list".to_string()))?;
    for (i, entry) in list.iter().enumerate() {
        let text = str_at(entry, "text").ok_or_else(|| {
            (
                format!("claims[{i}].text"),
                "missing: the claim's text".into(),
            )
        })?;
        let id = draft.add_claim(text, text);
        let by = str_at(entry, "claimant").map(|c| draft.source_named(c, None, None));
        let date = str_at(entry, "claimDate").and_then(|d| parse_date(d, &id, draft));
        let reviews = entry.get("claimReview").and_then(Value::as_array);
        let first = reviews.and_then(|r| r.first());
        let verdict = first.and_then(|r| api_verdict(r, &id, draft));
        for _ in reviews.map_or(&[][..], |r| r.get(1..).unwrap_or(&[])) {
            let reason = "a claim has one verdict";
            draft.losses.dropped(reason, "further reviews", id.as_str());
        }
        if let Some(claim) = draft.claim_mut(&id) {
            claim.by = by;
            claim.date = date;
            claim.verdict = verdict;
        }
    }
    Ok(())
}

fn api_verdict(review: &Value, id: &Id, draft: &mut Draft) -> Option<Verdict> {
    let rating = str_at(review, "textualRating").and_then(rating_from_text);
    if rating.is_none() {
        let reason = "no rating claimgraph understands";
        draft.losses.dropped(reason, "verdicts", id.as_str());
    }
    let publisher = review.get("publisher");
    let name = publisher.and_then(|p| str_at(p, "name").or_else(|| str_at(p, "site")));
    let site = publisher
        .and_then(|p| str_at(p, "site"))
        .map(|s| format!("https://{s}"));
    let by = name.map(|n| draft.source_named(n, Some(SourceKind::Organization), site.as_deref()));
    review_url_loss(review, id, draft);
    Some(Verdict {
        rating: rating?,
        by,
        date: str_at(review, "reviewDate").and_then(|d| parse_date(d, id, draft)),
        note: str_at(review, "title").map(String::from),
        evidence: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fixture;
    use crate::format::{Format, ImportError, import};

    #[test]
    fn snapshot() {
        let (text, losses) = to_claimreview(&fixture::graph());
        insta::with_settings!({ snapshot_path => "snapshots" }, {
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
}

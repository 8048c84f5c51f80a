//! schema.org ClaimReview as JSON-LD: what fact-checkers publish and search engines read.
//!
//! Writing: one ClaimReview per claim with a verdict, in a JSON-LD `@graph`, with the fields
//! Google's fact-check markup requires or recommends: `claimReviewed`, `reviewRating`
//! (`ratingValue`, `bestRating`, `worstRating`, `alternateName`), `url`, `author`,
//! `datePublished` and `itemReviewed` (a `Claim` with `author`, `datePublished`,
//! `firstAppearance` and `appearance`). Ratings map onto a five-point scale
//! ([`RATING_SCALE`]); the rating word is also written as `alternateName`, which is what a
//! reader should trust.
//!
//! Google requires three properties of a ClaimReview, `claimReviewed`, `reviewRating` (with
//! its `alternateName`) and `url`, the link to the page hosting the fact check, whose domain it
//! compares with the page's, so an absolute URL; the rest is recommended. See "Fact check
//! (ClaimReview) structured data", <https://developers.google.com/search/docs/appearance/structured-data/factcheck>.
//! A claim for which one of them cannot be written ([`Incomplete`]) is left out and reported.
//!
//! Reading takes a single ClaimReview, a list, a `@graph`, a MediaReview (its
//! `mediaAuthenticityCategory` as the rating), or a response of the Google Fact Check Tools API
//! (`{"claims": [{"text", "claimant", "claimDate", "claimReview": [...]}]}`). A textual rating is
//! matched against the usual fact-checkers' words ("Pants on Fire", "Half True", "Missing
//! context"); failing that the numeric rating is placed on its own scale.

mod publish;
mod rating;
mod read;

pub use publish::{Incomplete, ReviewUrls};
pub use rating::rating_from_text;
pub use read::read;

use serde_json::{Map, Value, json};

use super::loss::{Carried, Loss, Losses, not_carried};
use crate::graph::ClaimGraph;
use crate::model::{Citation, Claim, Corpus, Id, Rating, SourceKind, Verdict};

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

/// The JSON-LD of every rated claim of `graph` that has the fields Google requires, what
/// ClaimReview cannot carry, and the rated claims left out for a missing required field.
pub fn to_claimreview(
    graph: &ClaimGraph,
    urls: &ReviewUrls,
) -> (String, Vec<Loss>, Vec<Incomplete>) {
    let corpus = graph.corpus();
    let mut incomplete = Vec::new();
    let mut reviews = Vec::new();
    for claim in &corpus.claims {
        let Some(verdict) = &claim.verdict else {
            continue;
        };
        match publish::required(corpus, claim, urls) {
            Ok(url) => reviews.push(review(corpus, claim, verdict, url)),
            Err(missing) => incomplete.push(missing),
        }
    }
    let doc = json!({"@context": "https://schema.org", "@graph": reviews});
    let mut text = crate::format::json_text::to_string_pretty(&doc);
    text.push('\n');
    (text, losses(corpus), incomplete)
}

fn review(corpus: &Corpus, claim: &Claim, verdict: &Verdict, url: String) -> Value {
    let (value, name) = scale(verdict.rating);
    let mut review = Map::new();
    review.insert("@type".into(), json!("ClaimReview"));
    review.insert("url".into(), json!(url));
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
    let (first, rest) = publish::appearances(corpus, claim);
    if let Some(first) = first.and_then(|c| appearance(corpus, c)) {
        item.insert("firstAppearance".into(), first);
    }
    let rest: Vec<Value> = rest.filter_map(|c| appearance(corpus, c)).collect();
    if !rest.is_empty() {
        item.insert("appearance".into(), Value::Array(rest));
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

#[cfg(test)]
mod tests;

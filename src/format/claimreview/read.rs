//! Reading ClaimReview JSON-LD, MediaReview and Fact Check Tools API responses into claims.

use std::path::Path;

use serde_json::Value;

use super::rating::{media_rating, numeric_rating, rating_from_text};
use crate::format::import::{Draft, error, json_error};
use crate::load::Diagnostic;
use crate::model::{Citation, Date, Id, Rating, SourceKind, Verdict};

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

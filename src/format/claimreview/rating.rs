//! Fact-checkers' ratings, in words or numbers, as claimgraph's ratings.

use serde_json::Value;

use crate::model::Rating;

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
pub(super) fn numeric_rating(rating: &Value) -> Option<Rating> {
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
pub(super) fn media_rating(category: &str) -> Option<Rating> {
    let category = category.rsplit('/').next().unwrap_or(category);
    Some(match category {
        "OriginalMediaContent" => Rating::True,
        "DecontextualizedContent" | "EditedOrCroppedContent" => Rating::Misleading,
        "TransformedContent" | "StagedContent" => Rating::False,
        _ => return None,
    })
}

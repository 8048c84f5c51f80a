//! What publishing a ClaimReview takes beyond the format: a `url` for each review, the fields
//! Google requires, and which appearance of the claim came first.
//!
//! Google requires `claimReviewed`, `reviewRating` (with `alternateName`) and `url`; see
//! "Fact check (ClaimReview) structured data",
//! <https://developers.google.com/search/docs/appearance/structured-data/factcheck>. The rating
//! is always written; the claim's text and the review's URL may be missing.

use std::path::PathBuf;

use crate::model::{Citation, Claim, Corpus};

/// Where each review's `url` points.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ReviewUrls {
    /// The reviewer's `url` with the claim id as fragment, else the fragment alone (`#id`), a
    /// URL relative to the page the markup is embedded in. What `build` writes.
    #[default]
    Embedded,
    /// `BASE#id` with a base, else the reviewer's `url#id`; a claim with neither is left out
    /// ([`Incomplete`]). What `export claimreview` publishes.
    Absolute(Option<String>),
}

/// A rated claim left out because a field Google requires cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incomplete {
    /// The claim.
    pub id: String,
    /// The ClaimReview property that would be missing.
    pub field: &'static str,
    /// The claim file that defines it.
    pub file: PathBuf,
    /// The line of its `id`.
    pub line: u32,
    /// How to supply it.
    pub hint: &'static str,
}

impl std::fmt::Display for Incomplete {
    /// `FILE:LINE: claim `ID` has no `FIELD`, which Google requires (HINT)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: claim `{}` has no ClaimReview `{}`, which Google requires; {}",
            self.file.display(),
            self.line,
            self.id,
            self.field,
            self.hint
        )
    }
}

/// The review's `url`, or the required field the claim lacks.
pub(super) fn required(
    corpus: &Corpus,
    claim: &Claim,
    urls: &ReviewUrls,
) -> Result<String, Incomplete> {
    let missing = |field, hint| Incomplete {
        id: claim.id.to_string(),
        field,
        file: corpus
            .files
            .path(claim.origin.file)
            .map(PathBuf::from)
            .unwrap_or_default(),
        line: claim.origin.line,
        hint,
    };
    if claim.text.trim().is_empty() {
        return Err(missing("claimReviewed", "write the claim's `text`"));
    }
    let reviewer = reviewer_url(corpus, claim);
    let base = match urls {
        ReviewUrls::Absolute(Some(base)) => base.as_str(),
        ReviewUrls::Absolute(None) => reviewer.ok_or_else(|| {
            missing("url", "pass `--base-url URL` (the page that publishes the reviews), or give the reviewer (`verdict.by`) a `url`")
        })?,
        ReviewUrls::Embedded => reviewer.unwrap_or(""),
    };
    Ok(format!(
        "{}#{}",
        base.split('#').next().unwrap_or(""),
        claim.id
    ))
}

/// The `url` of the source that gave the claim's verdict.
fn reviewer_url<'a>(corpus: &'a Corpus, claim: &Claim) -> Option<&'a str> {
    let by = claim.verdict.as_ref()?.by.as_ref()?;
    corpus.sources.iter().find(|s| &s.id == by)?.url.as_deref()
}

/// The claim's first appearance, and the others in citation order. The first is the cited
/// source with a `url` and the earliest `date` (dated before undated; the first cited on a
/// tie): where a reader can see the claim made earliest.
pub(super) fn appearances<'a>(
    corpus: &Corpus,
    claim: &'a Claim,
) -> (Option<&'a Citation>, impl Iterator<Item = &'a Citation>) {
    let key = |c: &Citation| {
        let source = corpus.sources.iter().find(|s| s.id == c.source)?;
        source.url.as_ref()?;
        Some((source.date.is_none(), source.date))
    };
    let first = (claim.sources.iter().enumerate())
        .filter_map(|(i, c)| Some((key(c)?, i)))
        .min()
        .map(|(_, i)| i);
    let rest = (claim.sources.iter().enumerate())
        .filter(move |(i, _)| Some(*i) != first)
        .map(|(_, c)| c);
    (first.map(|i| &claim.sources[i]), rest)
}

//! Verdicts: a fact-checker's rating of a claim, with the reasons and evidence for it.

use super::keyword::keyword_enum;
use super::{Date, Id};

keyword_enum! {
    /// A fact-check rating, from best to worst supported.
    pub enum Rating {
        /// Accurate.
        True = "true",
        /// Accurate but needs clarification.
        MostlyTrue = "mostly-true",
        /// Partly accurate.
        Mixed = "mixed",
        /// Contains an element of truth but ignores facts that change the impression.
        MostlyFalse = "mostly-false",
        /// Not accurate.
        False = "false",
        /// Accurate elements arranged to mislead.
        Misleading = "misleading",
        /// Not enough evidence either way.
        Unproven = "unproven",
        /// Was accurate, no longer is.
        Outdated = "outdated",
    }
}

/// A fact-check verdict on one claim.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Verdict {
    /// The rating.
    pub rating: Rating,
    /// The reviewer (a source id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Id>,
    /// When the verdict was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Why the rating.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Claims or sources the verdict rests on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Id>,
}

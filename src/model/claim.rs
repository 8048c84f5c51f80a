//! Claims: statements someone made, with where they appear and how they were rated.

use super::{Date, Id, Origin, Verdict};

/// Where a claim appears, and with what wording.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Citation {
    /// The source it appears in.
    pub source: Id,
    /// The exact words, when quoted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Where in the source (a section, page or timestamp).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

impl Citation {
    /// A citation with no quote or locator.
    pub fn new(source: Id) -> Citation {
        Citation {
            source,
            quote: None,
            locator: None,
        }
    }
}

/// A claim: one statement, its speaker, citations, tags and verdict.
///
/// Relations to other claims live in [`Corpus::relations`](super::Corpus::relations), whether
/// they were written on the claim (`supports: [...]`) or in a `relations:` list.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Claim {
    /// Unique id (shared id space with sources).
    pub id: Id,
    /// The statement.
    pub text: String,
    /// Who asserts it (a source id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Id>,
    /// Where it appears.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
    /// When it was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Free-form tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Base score for gradual evaluation, in `0..=1`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// The fact-check result, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// Where it was defined.
    #[serde(skip)]
    pub origin: Origin,
}

impl Claim {
    /// The confidence used when none is given.
    pub const DEFAULT_CONFIDENCE: f64 = 0.5;

    /// A claim with only the required fields set.
    pub fn new(id: Id, text: impl Into<String>) -> Claim {
        Claim {
            id,
            text: text.into(),
            by: None,
            sources: Vec::new(),
            date: None,
            tags: Vec::new(),
            confidence: None,
            verdict: None,
            origin: Origin::default(),
        }
    }

    /// Whether the claim carries `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

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
    /// Where the quote was written (unknown when there is none).
    #[serde(skip)]
    pub quote_origin: Origin,
    /// Where the locator was written (unknown when there is none).
    #[serde(skip)]
    pub locator_origin: Origin,
}

impl Citation {
    /// A citation with no quote or locator.
    pub fn new(source: Id) -> Citation {
        Citation {
            source,
            quote: None,
            locator: None,
            quote_origin: Origin::default(),
            locator_origin: Origin::default(),
        }
    }
}

/// A claim: one statement, its speaker, citations, tags and verdict.
///
/// Relations to other claims live in [`Corpus::relations`](super::Corpus::relations), whether
/// they were written on the claim (`supports: [...]`) or in a `relations:` list.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Unique id (shared id space with sources).
    pub id: Id,
    /// The statement.
    pub text: String,
    /// Who asserts it (a source id).
    pub by: Option<Id>,
    /// Where it appears.
    pub sources: Vec<Citation>,
    /// When it was made.
    pub date: Option<Date>,
    /// Free-form tags.
    pub tags: Vec<String>,
    /// Base score for gradual evaluation, in `0..=1`.
    pub confidence: Option<f64>,
    /// The current fact-check result, when there is one: the latest of its history.
    pub verdict: Option<Verdict>,
    /// The earlier verdicts, oldest first, each dated; [`Claim::verdict`] is the latest.
    /// Written in a claim file as a list under `verdict:` (see [`Claim::verdicts`]).
    pub history: Vec<Verdict>,
    /// Where it was defined.
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
            history: Vec::new(),
            origin: Origin::default(),
        }
    }

    /// Every verdict, oldest first: the history, then the current one.
    pub fn verdicts(&self) -> impl Iterator<Item = &Verdict> {
        self.history.iter().chain(&self.verdict)
    }

    /// Whether the claim carries `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

/// A claim as written in a claim file: `verdict` is one mapping, or the whole history as a
/// list when there is one, so writers built on serde (our JSON) round-trip histories.
impl serde::Serialize for Claim {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ClaimOut {
            id: &self.id,
            text: &self.text,
            by: self.by.as_ref(),
            sources: &self.sources,
            date: self.date,
            tags: &self.tags,
            confidence: self.confidence,
            verdict: match (&self.verdict, self.history.is_empty()) {
                (None, _) => None,
                (Some(v), true) => Some(VerdictsOut::One(v)),
                (Some(_), false) => Some(VerdictsOut::Many(self.verdicts().collect())),
            },
        }
        .serialize(s)
    }
}

#[derive(serde::Serialize)]
struct ClaimOut<'a> {
    id: &'a Id,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a Id>,
    #[serde(skip_serializing_if = "<[Citation]>::is_empty")]
    sources: &'a [Citation],
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<VerdictsOut<'a>>,
}

#[derive(serde::Serialize)]
#[serde(untagged)]
enum VerdictsOut<'a> {
    One(&'a Verdict),
    Many(Vec<&'a Verdict>),
}

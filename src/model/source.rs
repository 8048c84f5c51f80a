//! Sources: the people, organisations, publications and documents that claims come from.

use super::keyword::keyword_enum;
use super::{Date, Id, Origin};

keyword_enum! {
    /// What kind of thing a source is.
    pub enum SourceKind {
        /// A named person.
        Person = "person",
        /// A company, agency or other organisation.
        Organization = "organization",
        /// A newspaper, magazine, site or article.
        Publication = "publication",
        /// A report, paper, rule or filing.
        Document = "document",
        /// A data set.
        Dataset = "dataset",
        /// Anything else.
        Other = "other",
    }
}

/// A source: who or what a claim comes from, or where it appears.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Source {
    /// Unique id (shared id space with claims).
    pub id: Id,
    /// Human-readable name.
    pub name: String,
    /// What kind of source this is, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// A short description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where to find it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Prior trust in the source, in `0..=1`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reliability: Option<f64>,
    /// The larger source this one is part of (a post on a site, a chapter in a book).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Id>,
    /// A local copy of the document, against which quotes are checked.
    #[serde(flatten)]
    pub archive: Option<Archive>,
    /// When the document (or its archive) was retrieved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<Date>,
    /// Where it was defined.
    #[serde(skip)]
    pub origin: Origin,
}

impl Source {
    /// A source with only the required fields set.
    pub fn new(id: Id, name: impl Into<String>) -> Source {
        Source {
            id,
            name: name.into(),
            kind: None,
            description: None,
            url: None,
            date: None,
            reliability: None,
            part_of: None,
            archive: None,
            retrieved: None,
            origin: Origin::default(),
        }
    }
}

/// A source's archived copy: a local file holding the document's text, so that quotes can be
/// checked against what the source said rather than against memory.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Archive {
    /// The path as written, relative to the directory of the file that defines the source.
    #[serde(rename = "archive")]
    pub path: String,
    /// The expected SHA-256 of the file, lowercase hex, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// Where the path was written.
    #[serde(skip)]
    pub origin: Origin,
    /// Where the `sha256` was written.
    #[serde(skip)]
    pub sha256_origin: Origin,
}

//! Relations between claims: `supports` (a reason for) and `contradicts` (a reason against).

use super::keyword::keyword_enum;
use super::{Date, Id, Origin};

keyword_enum! {
    /// How one claim bears on another.
    pub enum RelationKind {
        /// The source claim is a reason for the target.
        Supports = "supports",
        /// The source claim is a reason against the target (an attack).
        Contradicts = "contradicts",
    }
}

/// A directed relation `from --kind--> to` between two claims.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Relation {
    /// The claim that bears on the other.
    pub from: Id,
    /// The claim borne on.
    pub to: Id,
    /// Supports or contradicts.
    pub kind: RelationKind,
    /// Weight in `0..=1`, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<f64>,
    /// Why the relation holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources that state the relation.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
    /// From when the relation holds, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where it was written.
    #[serde(skip)]
    pub origin: Origin,
}

impl Relation {
    /// A relation with no attributes.
    pub fn new(from: Id, to: Id, kind: RelationKind) -> Relation {
        Relation {
            from,
            to,
            kind,
            strength: None,
            note: None,
            sources: Vec::new(),
            date: None,
            origin: Origin::default(),
        }
    }
}

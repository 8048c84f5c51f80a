//! The loaded, validated content of a set of claim files.

use super::{Claim, Files, Relation, Source, View};

/// Everything loaded from a set of claim files: the typed model the graph is built from.
///
/// Every reference in a corpus produced by [`crate::load`] resolves to an item of the right
/// kind; items with problems were reported as diagnostics and left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corpus {
    /// The files, for locating items (see [`Origin`](super::Origin)).
    pub files: Files,
    /// Sources, in file order.
    pub sources: Vec<Source>,
    /// Claims, in file order.
    pub claims: Vec<Claim>,
    /// Relations between claims, both the short forms written on claims and the `relations:`
    /// lists, in file order.
    pub relations: Vec<Relation>,
    /// Named views, in file order.
    pub views: Vec<View>,
}

//! `diff`: what changed between two versions of a set of claim files, and what that did to
//! the argument.
//!
//! A text diff of the YAML shows lines; a reviewer of a fact-check wants items: which claims
//! and sources came and went, which fields changed, which ratings moved, and, what no line diff
//! can show, which claims now stand or fall differently under `eval` and which new or removed
//! relation made them flip. [`compare`] pairs the items, [`flips`] evaluates both versions and
//! traces each flip to its cause, and [`revision`] reads a version from git.

pub mod compare;
mod fields;
pub mod flips;
pub mod revision;

pub use compare::{Changed, FieldChange, ItemChanges, RelationChanges, VerdictChange};
pub use flips::{Cause, Flip};
pub use revision::{Checkout, RevisionError, checkout};

use crate::graph::ClaimGraph;

/// Everything that changed between two versions, in the shape `diff --format json` prints.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Diff {
    /// Claims added, removed and changed.
    pub claims: ItemChanges,
    /// Sources added, removed and changed.
    pub sources: ItemChanges,
    /// Relations added and removed.
    pub relations: RelationChanges,
    /// Claims in both versions whose rating moved.
    pub verdicts: Vec<VerdictChange>,
    /// Claims in both versions whose `eval` label flipped, with the causes.
    pub eval: Vec<Flip>,
}

impl Diff {
    /// Whether the two versions are the same.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
            && self.sources.is_empty()
            && self.relations.added.is_empty()
            && self.relations.removed.is_empty()
            && self.verdicts.is_empty()
            && self.eval.is_empty()
    }
}

/// Compares two versions of a claim graph. Linear in their size (plus grounded evaluation of
/// each, also linear, and a walk back from each flipped claim).
pub fn diff(old: &ClaimGraph, new: &ClaimGraph) -> Diff {
    let (a, b) = (old.corpus(), new.corpus());
    Diff {
        claims: compare::claims(a, b),
        sources: compare::sources(a, b),
        relations: compare::relations(a, b),
        verdicts: compare::verdicts(a, b),
        eval: flips::flips(old, new),
    }
}

/// The graph of one claim file held in memory, for the tests of this module.
#[cfg(test)]
pub(crate) fn test_graph(yaml: &str) -> ClaimGraph {
    let loaded = crate::load::load_text(std::path::Path::new("c.yaml"), yaml);
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    ClaimGraph::build(loaded.corpus).expect("a graph")
}

//! Looking an id up in the graph, and the one error for an id that names nothing.
//!
//! Every place that takes an id from a user (a command's argument, `--around`, `--by`, an id
//! in `--where`, a query) asks the graph here, so an unknown id reads and hints the same
//! everywhere: "no claim or source has the id `x`", with the closest id as "did you mean".

use petgraph::stable_graph::NodeIndex;

use super::{ClaimGraph, ItemKind};
use crate::model::Id;

/// An id that names no claim or source.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no claim or source has the id `{id}`")]
pub struct UnknownId {
    /// The id as given.
    pub id: String,
    /// The closest id (of the kind that was wanted), when one is close enough.
    pub suggestion: Option<Id>,
}

impl UnknownId {
    /// The closest id, or where to find every id.
    pub fn hint(&self) -> String {
        crate::suggest::unknown_id_hint(self.suggestion.as_ref().map(Id::as_str))
    }
}

impl ClaimGraph {
    /// The node of `id`, or an error suggesting the closest id of `kind` (of any kind when
    /// `None`). The node found may be of either kind: callers that need one kind check it.
    /// O(1); O(V) on a miss, for the suggestion.
    pub fn lookup(&self, id: &str, kind: Option<ItemKind>) -> Result<NodeIndex, UnknownId> {
        self.node(id).ok_or_else(|| self.unknown(id, kind))
    }

    fn unknown(&self, id: &str, kind: Option<ItemKind>) -> UnknownId {
        let claims = self
            .claims()
            .map(|(_, c)| &c.id)
            .filter(|_| kind != Some(ItemKind::Source));
        let sources = self
            .sources()
            .map(|(_, s)| &s.id)
            .filter(|_| kind != Some(ItemKind::Claim));
        let suggestion = crate::suggest::did_you_mean(id, claims.chain(sources).map(Id::as_str))
            .and_then(|s| Id::new(s).ok());
        UnknownId {
            id: id.to_string(),
            suggestion,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_text;

    #[test]
    fn suggests_the_closest_id_of_the_kind_wanted() {
        let yaml = "claims:\n  - id: compute-gap\n    text: A.\nsources:\n  - id: compute-gaps\n    name: S\n";
        let graph =
            ClaimGraph::build(load_text(std::path::Path::new("a.yaml"), yaml).corpus).unwrap();
        assert!(graph.lookup("compute-gap", None).is_ok());
        let miss = |kind| graph.lookup("compute-gapp", kind).unwrap_err();
        assert_eq!(
            miss(Some(ItemKind::Claim)).hint(),
            "did you mean `compute-gap`?"
        );
        assert_eq!(
            miss(Some(ItemKind::Source)).hint(),
            "did you mean `compute-gaps`?"
        );
        assert_eq!(
            miss(None).to_string(),
            "no claim or source has the id `compute-gapp`"
        );
        let far = graph.lookup("zzz", None).unwrap_err();
        assert_eq!(far.hint(), "`claimgraph list` shows every id");
    }
}

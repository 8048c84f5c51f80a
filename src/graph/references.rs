//! The reference edges (`by`, `cites`, `reviewed-by`, `evidence`, `part-of`) leaving each
//! node, in compressed rows, in the order they were written.
//!
//! petgraph keeps a node's edges in a linked list threaded through one array of every edge,
//! so listing one claim's references costs a cache miss per edge and a walk past its
//! relations. `why` lists the references of every claim it expands (100,000 at 100,000
//! claims) and reads these rows instead: built once with the graph, O(V + E).

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use super::arguments::{row, rows};
use super::{Edge, EdgeKind, Node};

/// The far end of a reference edge: the item referred to and what the reference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    /// The item referred to.
    pub node: NodeIndex,
    /// `by`, `cites`, `reviewed-by`, `evidence` or `part-of`; never an argument.
    pub kind: EdgeKind,
}

/// Every node's outgoing references. See the [module docs](self).
#[derive(Debug, Clone, Default)]
pub struct References {
    start: Vec<u32>,
    refs: Vec<Reference>,
}

impl References {
    /// Indexes the reference edges of `graph`. O(V + E).
    pub(super) fn new(graph: &StableDiGraph<Node, Edge>) -> References {
        let edges = graph.edge_references().filter_map(|e| {
            let kind = e.weight().kind;
            let reference = Reference {
                node: e.target(),
                kind,
            };
            (!kind.is_relation()).then_some((e.source().index(), reference))
        });
        let filler = Reference {
            node: NodeIndex::end(),
            kind: EdgeKind::PartOf,
        };
        let (start, refs) = rows(graph.node_bound(), edges, filler);
        References { start, refs }
    }

    /// The references `ix` makes, in the order they were written (for a claim: `by`, each
    /// `cites`, its verdict's `reviewed-by`, each `evidence`).
    pub fn outgoing(&self, ix: NodeIndex) -> &[Reference] {
        row(&self.start, &self.refs, ix)
    }
}

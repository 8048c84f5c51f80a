//! The argument edges (`supports`, `contradicts`) of a graph in compressed rows: for every
//! node, the relations leaving it and entering it as contiguous slices, in the order they were
//! written.
//!
//! petgraph's `StableGraph` keeps each node's edges in a linked list threaded through one
//! array of all edges, so walking a node's relations touches memory all over the graph and
//! has to skip the reference edges (`by`, `cites`, ...). Queries that walk the whole graph
//! read these rows instead: built once with the graph, O(V + E) time and memory.

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use super::{Edge, EdgeKind, Node};
use crate::model::RelationKind;

/// One end of a relation: the other claim and the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arg {
    /// The claim at the other end.
    pub node: NodeIndex,
    /// Supports or contradicts.
    pub kind: RelationKind,
}

/// Every node's relations, both ways. See the [module docs](self).
#[derive(Debug, Clone, Default)]
pub struct Arguments {
    out_start: Vec<u32>,
    out: Vec<Arg>,
    in_start: Vec<u32>,
    inc: Vec<Arg>,
}

impl Arguments {
    /// Indexes the argument edges of `graph`. O(V + E).
    pub(super) fn new(graph: &StableDiGraph<Node, Edge>) -> Arguments {
        let bound = graph.node_bound();
        let edges: Vec<(usize, usize, RelationKind)> = graph
            .edge_references()
            .filter_map(|e| {
                let kind = match e.weight().kind {
                    EdgeKind::Supports => RelationKind::Supports,
                    EdgeKind::Contradicts => RelationKind::Contradicts,
                    _ => return None,
                };
                Some((e.source().index(), e.target().index(), kind))
            })
            .collect();
        let filler = Arg {
            node: NodeIndex::end(),
            kind: RelationKind::Supports,
        };
        let arg = |node: usize, kind| Arg {
            node: NodeIndex::new(node),
            kind,
        };
        let (out_start, out) = rows(bound, edges.iter().map(|&(a, b, k)| (a, arg(b, k))), filler);
        let (in_start, inc) = rows(bound, edges.iter().map(|&(a, b, k)| (b, arg(a, k))), filler);
        Arguments {
            out_start,
            out,
            in_start,
            inc,
        }
    }

    /// The relations `ix` bears on others with, in the order they were written.
    pub fn outgoing(&self, ix: NodeIndex) -> &[Arg] {
        row(&self.out_start, &self.out, ix)
    }

    /// The relations others bear on `ix` with, in the order they were written.
    pub fn incoming(&self, ix: NodeIndex) -> &[Arg] {
        row(&self.in_start, &self.inc, ix)
    }
}

/// Row `ix` of [`rows`]; empty for a node beyond the rows.
pub(super) fn row<'a, T>(start: &[u32], args: &'a [T], ix: NodeIndex) -> &'a [T] {
    let i = ix.index();
    match (start.get(i), start.get(i + 1)) {
        (Some(&a), Some(&b)) => &args[a as usize..b as usize],
        _ => &[],
    }
}

/// Counting sort of `(row, item)` by row, keeping the input order within a row: the start of
/// each row (one more than `bound`, the last being the end) and the items. O(bound + items).
pub(super) fn rows<T: Copy>(
    bound: usize,
    edges: impl Iterator<Item = (usize, T)> + Clone,
    filler: T,
) -> (Vec<u32>, Vec<T>) {
    let mut start = vec![0u32; bound + 1];
    for (a, _) in edges.clone() {
        start[a + 1] += 1;
    }
    for i in 0..bound {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut items = vec![filler; start[bound] as usize];
    for (a, item) in edges {
        items[next[a] as usize] = item;
        next[a] += 1;
    }
    (start, items)
}

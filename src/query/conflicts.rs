//! Contradictions: direct ones, and the indirect ones a reader has to look twice to see.

use std::collections::HashSet;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use crate::graph::{ClaimGraph, EdgeKind};
use crate::model::{Id, RelationKind};

/// What kind of contradiction a [`Conflict`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    /// `a` contradicts `b`.
    Direct,
    /// `a` and `b` both support `via`, and `a` contradicts `b`.
    Supporters,
    /// Source `via` asserts both `a` and `b`, and `a` contradicts `b`.
    Source,
}

impl ConflictKind {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Direct => "direct",
            ConflictKind::Supporters => "supporters",
            ConflictKind::Source => "source",
        }
    }
}

/// One contradiction found by [`conflicts`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Conflict<'a> {
    /// What kind of contradiction.
    pub kind: ConflictKind,
    /// The claim that contradicts.
    pub a: &'a Id,
    /// The claim contradicted.
    pub b: &'a Id,
    /// Whether `b` also contradicts `a`.
    pub mutual: bool,
    /// The claim both support (`supporters`) or the source that asserts both (`source`).
    pub via: Option<&'a Id>,
}

/// Every contradiction, in the order the `contradicts` relations were written (a mutual pair
/// once, at its first relation): the direct one, then each claim that both sides support, then
/// the source that asserts both sides. O(V + E + Σ d log d) for out-degrees d.
pub fn conflicts(graph: &ClaimGraph) -> Vec<Conflict<'_>> {
    let args = graph.arguments();
    let contradicts = |a: NodeIndex, b: NodeIndex| {
        args.outgoing(a)
            .iter()
            .any(|x| x.node == b && x.kind == RelationKind::Contradicts)
    };
    let mut seen: HashSet<(NodeIndex, NodeIndex)> = HashSet::new();
    let mut out = Vec::new();
    for e in graph.petgraph().edge_references() {
        let (a, b) = (e.source(), e.target());
        if e.weight().kind != EdgeKind::Contradicts
            || seen.contains(&(b, a))
            || !seen.insert((a, b))
        {
            continue;
        }
        let (Some(from), Some(to)) = (graph.claim(a), graph.claim(b)) else {
            continue;
        };
        let conflict = |kind, via| Conflict {
            kind,
            a: &from.id,
            b: &to.id,
            mutual: contradicts(b, a),
            via,
        };
        out.push(conflict(ConflictKind::Direct, None));
        for target in common_targets(graph, a, b) {
            out.push(conflict(
                ConflictKind::Supporters,
                graph.get(target).map(|n| n.id()),
            ));
        }
        if let (Some(x), Some(y)) = (&from.by, &to.by)
            && x == y
        {
            out.push(conflict(ConflictKind::Source, Some(x)));
        }
    }
    out
}

/// The claims both `a` and `b` support, in the order `a`'s relations were written.
fn common_targets(graph: &ClaimGraph, a: NodeIndex, b: NodeIndex) -> Vec<NodeIndex> {
    let supported = |ix| {
        graph
            .arguments()
            .outgoing(ix)
            .iter()
            .filter(|x| x.kind == RelationKind::Supports)
            .map(|x| x.node)
    };
    let mut of_b: Vec<NodeIndex> = supported(b).collect();
    of_b.sort_unstable();
    supported(a)
        .filter(|n| of_b.binary_search(n).is_ok())
        .collect()
}

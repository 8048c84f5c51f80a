//! Contradictions: direct ones, and the indirect ones a reader has to look twice to see.

use std::collections::HashSet;

use petgraph::Direction::Outgoing;
use petgraph::stable_graph::NodeIndex;

use super::walk::edges;
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
/// the source that asserts both sides. O(V + E) with hashing.
pub fn conflicts(graph: &ClaimGraph) -> Vec<Conflict<'_>> {
    let pairs: HashSet<(&Id, &Id)> = contradictions(graph).map(|r| (&r.from, &r.to)).collect();
    let mut seen: HashSet<(&Id, &Id)> = HashSet::new();
    let mut out = Vec::new();
    let mut buf = Vec::new();
    for rel in contradictions(graph) {
        if seen.contains(&(&rel.to, &rel.from)) || !seen.insert((&rel.from, &rel.to)) {
            continue;
        }
        let (Some(a), Some(b)) = (graph.node(rel.from.as_str()), graph.node(rel.to.as_str()))
        else {
            continue;
        };
        let conflict = |kind, via| Conflict {
            kind,
            a: &rel.from,
            b: &rel.to,
            mutual: pairs.contains(&(&rel.to, &rel.from)),
            via,
        };
        out.push(conflict(ConflictKind::Direct, None));
        for target in common_targets(graph, a, b, &mut buf) {
            out.push(conflict(
                ConflictKind::Supporters,
                graph.get(target).map(|n| n.id()),
            ));
        }
        let speaker = |ix| graph.claim(ix).and_then(|c| c.by.as_ref());
        if let (Some(x), Some(y)) = (speaker(a), speaker(b)) {
            if x == y {
                out.push(conflict(ConflictKind::Source, Some(x)));
            }
        }
    }
    out
}

fn contradictions(graph: &ClaimGraph) -> impl Iterator<Item = &crate::model::Relation> {
    graph
        .corpus()
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Contradicts)
}

/// The claims both `a` and `b` support, in the order `a`'s relations were written.
fn common_targets(
    graph: &ClaimGraph,
    a: NodeIndex,
    b: NodeIndex,
    buf: &mut Vec<(NodeIndex, EdgeKind)>,
) -> Vec<NodeIndex> {
    let supports = |k| k == EdgeKind::Supports;
    edges(graph, b, Outgoing, supports, buf);
    let of_b: HashSet<NodeIndex> = buf.iter().map(|&(n, _)| n).collect();
    edges(graph, a, Outgoing, supports, buf);
    buf.iter()
        .map(|&(n, _)| n)
        .filter(|n| of_b.contains(n))
        .collect()
}

//! Every edge of a graph as the writers of the data formats list them: relations first (in
//! corpus order), then each claim's references (speaker, citations, reviewer, evidence), then
//! sources' `part_of`. One list, so GraphML, Mermaid and Neo4j agree on what an edge is.

use crate::graph::{ClaimGraph, EdgeKind};
use crate::model::{Citation, Id, Relation};

/// One edge: endpoints, kind, and the relation or citation it stands for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListedEdge<'a> {
    /// Where it starts.
    pub from: &'a Id,
    /// Where it ends.
    pub to: &'a Id,
    /// What it stands for.
    pub kind: EdgeKind,
    /// For `supports` and `contradicts`: the relation.
    pub relation: Option<&'a Relation>,
    /// For citations: the citation.
    pub citation: Option<&'a Citation>,
}

/// Every edge of `graph`, in a stable order.
pub(crate) fn edges(graph: &ClaimGraph) -> Vec<ListedEdge<'_>> {
    let edge = |from, to, kind| ListedEdge {
        from,
        to,
        kind,
        relation: None,
        citation: None,
    };
    let mut out: Vec<ListedEdge<'_>> = graph
        .corpus()
        .relations
        .iter()
        .map(|r| ListedEdge {
            relation: Some(r),
            ..edge(&r.from, &r.to, r.kind.into())
        })
        .collect();
    for (_, c) in graph.claims() {
        if let Some(by) = &c.by {
            out.push(edge(&c.id, by, EdgeKind::AssertedBy));
        }
        for cite in &c.sources {
            out.push(ListedEdge {
                citation: Some(cite),
                ..edge(&c.id, &cite.source, EdgeKind::Cites)
            });
        }
        if let Some(v) = &c.verdict {
            if let Some(by) = &v.by {
                out.push(edge(&c.id, by, EdgeKind::ReviewedBy));
            }
            for e in &v.evidence {
                out.push(edge(&c.id, e, EdgeKind::Evidence));
            }
        }
    }
    for (_, s) in graph.sources() {
        if let Some(p) = &s.part_of {
            out.push(edge(&s.id, p, EdgeKind::PartOf));
        }
    }
    out
}

//! One item and its neighbourhood, as ids: what `show --format json` and `list --format json`
//! print for a claim ([`ClaimView`]) or a source ([`SourceView`]).

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::stable_graph::NodeIndex;

use crate::graph::{ClaimGraph, EdgeKind};
use crate::model::{Claim, Id, Source};

/// Where an item was defined, for JSON output.
#[derive(Debug, serde::Serialize)]
pub struct Defined {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

fn defined(graph: &ClaimGraph, origin: crate::model::Origin) -> Option<Defined> {
    let path = graph
        .corpus()
        .files
        .path(origin.file)
        .filter(|_| origin.is_known())?;
    Some(Defined {
        file: path.display().to_string(),
        line: origin.line,
        column: origin.column,
    })
}

fn ids(graph: &ClaimGraph, ix: NodeIndex, kind: EdgeKind, dir: petgraph::Direction) -> Vec<&Id> {
    graph
        .neighbors(ix, kind, dir)
        .into_iter()
        .filter_map(|(n, _)| graph.get(n))
        .map(|n| n.id())
        .collect()
}

/// A claim with its relations, as JSON.
#[derive(Debug, serde::Serialize)]
pub struct ClaimView<'a> {
    /// Always `"claim"`.
    #[serde(rename = "type")]
    pub item: &'static str,
    /// The claim's own fields.
    #[serde(flatten)]
    pub claim: &'a Claim,
    /// Claims it supports.
    pub supports: Vec<&'a Id>,
    /// Claims it contradicts.
    pub contradicts: Vec<&'a Id>,
    /// Claims that support it.
    pub supported_by: Vec<&'a Id>,
    /// Claims that contradict it.
    pub contradicted_by: Vec<&'a Id>,
    /// Where it was defined.
    pub defined: Option<Defined>,
}

impl<'a> ClaimView<'a> {
    /// The view of claim `c` at node `ix`.
    pub fn new(graph: &'a ClaimGraph, ix: NodeIndex, c: &'a Claim) -> Self {
        ClaimView {
            item: "claim",
            claim: c,
            supports: ids(graph, ix, EdgeKind::Supports, Outgoing),
            contradicts: ids(graph, ix, EdgeKind::Contradicts, Outgoing),
            supported_by: ids(graph, ix, EdgeKind::Supports, Incoming),
            contradicted_by: ids(graph, ix, EdgeKind::Contradicts, Incoming),
            defined: defined(graph, c.origin),
        }
    }
}

/// A source with what refers to it, as JSON.
#[derive(Debug, serde::Serialize)]
pub struct SourceView<'a> {
    /// Always `"source"`.
    #[serde(rename = "type")]
    pub item: &'static str,
    /// The source's own fields.
    #[serde(flatten)]
    pub source: &'a Source,
    /// Claims it asserts (`by`).
    pub asserts: Vec<&'a Id>,
    /// Claims that cite it.
    pub cited_by: Vec<&'a Id>,
    /// Claims whose verdict it gave.
    pub reviewed: Vec<&'a Id>,
    /// Sources that are part of it.
    pub parts: Vec<&'a Id>,
    /// Where it was defined.
    pub defined: Option<Defined>,
}

impl<'a> SourceView<'a> {
    /// The view of source `s` at node `ix`.
    pub fn new(graph: &'a ClaimGraph, ix: NodeIndex, s: &'a Source) -> Self {
        SourceView {
            item: "source",
            source: s,
            asserts: ids(graph, ix, EdgeKind::AssertedBy, Incoming),
            cited_by: ids(graph, ix, EdgeKind::Cites, Incoming),
            reviewed: ids(graph, ix, EdgeKind::ReviewedBy, Incoming),
            parts: ids(graph, ix, EdgeKind::PartOf, Incoming),
            defined: defined(graph, s.origin),
        }
    }
}

//! How one claim bears on another: chains of relations from one to the other, each arguing
//! for or against the last claim.

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::stable_graph::NodeIndex;

use super::walk::Walk;
use super::{Chain, QueryError, claim_node};
use crate::graph::{Arg, ClaimGraph};
use crate::model::{Id, RelationKind};

/// The answer of [`path`] and [`all_paths`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Paths<'a> {
    /// Where the paths start.
    pub from: &'a Id,
    /// Where they end.
    pub to: &'a Id,
    /// For [`all_paths`], the longest path looked for; `None` for [`path`].
    pub max_len: Option<usize>,
    /// The paths found, shortest first.
    pub paths: Vec<Chain<'a>>,
    /// Whether [`all_paths`] stopped at its limit before finding every path.
    pub truncated: bool,
}

/// The shortest chain of relations from claim `from` to claim `to`, if there is one (the
/// first found when several are as short). O(V + E).
pub fn path<'a>(graph: &'a ClaimGraph, from: &str, to: &str) -> Result<Paths<'a>, QueryError> {
    let (start, from_claim) = claim_node(graph, from, "path")?;
    let (end, to_claim) = claim_node(graph, to, "path")?;
    let walk = Walk::run(graph, start, Outgoing, |_| true, false, None);
    let found = walk.order.iter().position(|&s| walk.state(s).node == end);
    let paths = found
        .map(|at| walk.chain(graph, at, Outgoing))
        .into_iter()
        .collect();
    Ok(Paths {
        from: &from_claim.id,
        to: &to_claim.id,
        max_len: None,
        paths,
        truncated: false,
    })
}

/// Every simple chain of at most `max_len` relations from claim `from` to claim `to`,
/// shortest first, stopping after `limit` chains. A first walk back from `to` prunes every
/// step that cannot reach it in the length left, so the search visits only claims on such
/// chains: O(V + E + P · max_len · d) for P chains found and out-degree d.
pub fn all_paths<'a>(
    graph: &'a ClaimGraph,
    from: &str,
    to: &str,
    max_len: usize,
    limit: usize,
) -> Result<Paths<'a>, QueryError> {
    let (start, from_claim) = claim_node(graph, from, "path")?;
    let (end, to_claim) = claim_node(graph, to, "path")?;
    let back = Walk::run(graph, end, Incoming, |_| true, false, Some(max_len));
    let mut to_end = vec![usize::MAX; graph.node_bound()];
    for &s in &back.order {
        to_end[back.state(s).node.index()] = back.distance(s);
    }
    let mut search = Search {
        graph,
        end,
        max_len,
        limit,
        to_end,
        on_path: vec![false; graph.node_bound()],
        nodes: vec![start],
        kinds: Vec::new(),
        found: Vec::new(),
        truncated: false,
    };
    if search.to_end[start.index()] <= max_len {
        search.extend(start);
    }
    let mut paths = search.found;
    paths.sort_by_key(Chain::len);
    Ok(Paths {
        from: &from_claim.id,
        to: &to_claim.id,
        max_len: Some(max_len),
        paths,
        truncated: search.truncated,
    })
}

struct Search<'a> {
    graph: &'a ClaimGraph,
    end: NodeIndex,
    max_len: usize,
    limit: usize,
    /// Relations from each node to `end` (`usize::MAX` when farther than `max_len`).
    to_end: Vec<usize>,
    on_path: Vec<bool>,
    nodes: Vec<NodeIndex>,
    kinds: Vec<RelationKind>,
    found: Vec<Chain<'a>>,
    truncated: bool,
}

impl Search<'_> {
    /// Depth-first from the last node of the current path; recursion depth is at most
    /// `max_len`.
    fn extend(&mut self, here: NodeIndex) {
        if here == self.end {
            if self.found.len() == self.limit {
                self.truncated = true;
            } else {
                let chain = Chain::new(self.graph, &self.nodes, self.kinds.clone());
                self.found.push(chain);
            }
            return;
        }
        self.on_path[here.index()] = true;
        let left = self.max_len - self.kinds.len();
        let graph = self.graph;
        for &Arg { node: other, kind } in graph.arguments().outgoing(here) {
            if self.truncated {
                break;
            }
            if self.on_path[other.index()] || self.to_end[other.index()] >= left {
                continue;
            }
            self.nodes.push(other);
            self.kinds.push(kind);
            self.extend(other);
            self.nodes.pop();
            self.kinds.pop();
        }
        self.on_path[here.index()] = false;
    }
}

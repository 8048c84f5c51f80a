//! Circular reasoning: groups of claims that support each other in a circle.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::Direction::Outgoing;
use petgraph::algo::tarjan_scc;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeFiltered;

use super::walk::edges;
use super::{ClaimRef, order};
use crate::graph::{ClaimGraph, EdgeKind};
use crate::model::Id;

/// One support cycle found by [`cycles`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Cycle<'a> {
    /// Every claim of the strongly connected component, in file order.
    pub claims: Vec<ClaimRef<'a>>,
    /// One shortest circle through the first of them, which it starts and ends with.
    pub cycle: Vec<&'a Id>,
}

/// Support cycles: the strongly connected components of the `supports` edges that hold a
/// circle (more than one claim, or a claim that supports itself), in file order of their
/// first claim. Tarjan's algorithm, then one breadth-first walk per component: O(V + E).
pub fn cycles(graph: &ClaimGraph) -> Vec<Cycle<'_>> {
    let supports =
        EdgeFiltered::from_fn(graph.petgraph(), |e| e.weight().kind == EdgeKind::Supports);
    let mut out: Vec<(usize, Cycle<'_>)> = tarjan_scc(&supports)
        .into_iter()
        .filter(|c| c.len() > 1 || supports_itself(graph, c[0]))
        .filter_map(|mut component| {
            component.sort_by_key(|&ix| order(graph, ix));
            let first = *component.first()?;
            let members: HashSet<NodeIndex> = component.iter().copied().collect();
            let claims = component
                .iter()
                .filter_map(|&ix| ClaimRef::at(graph, ix))
                .collect();
            Some((
                order(graph, first),
                Cycle {
                    claims,
                    cycle: circle(graph, &members, first),
                },
            ))
        })
        .collect();
    out.sort_by_key(|(ord, _)| *ord);
    out.into_iter().map(|(_, c)| c).collect()
}

fn supports_itself(graph: &ClaimGraph, ix: NodeIndex) -> bool {
    graph
        .neighbors(ix, EdgeKind::Supports, Outgoing)
        .iter()
        .any(|&(n, _)| n == ix)
}

/// A shortest circle of `supports` from `start` back to itself, inside its component.
/// O(size of the component + its edges).
fn circle<'a>(
    graph: &'a ClaimGraph,
    members: &HashSet<NodeIndex>,
    start: NodeIndex,
) -> Vec<&'a Id> {
    let mut pred: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    let mut buf = Vec::new();
    while let Some(ix) = queue.pop_front() {
        edges(graph, ix, Outgoing, |k| k == EdgeKind::Supports, &mut buf);
        for &(next, _) in &buf {
            if next == start {
                let mut nodes = vec![start, ix];
                while let Some(&p) = pred.get(nodes.last().unwrap_or(&start)) {
                    nodes.push(p);
                }
                nodes.reverse();
                return nodes
                    .into_iter()
                    .filter_map(|n| graph.get(n).map(|n| n.id()))
                    .collect();
            }
            if members.contains(&next) && !pred.contains_key(&next) {
                pred.insert(next, ix);
                queue.push_back(next);
            }
        }
    }
    Vec::new()
}

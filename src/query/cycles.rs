//! Circular reasoning: groups of claims that support each other in a circle.

use std::collections::VecDeque;

use petgraph::stable_graph::NodeIndex;

use super::{ClaimRef, order};
use crate::graph::ClaimGraph;
use crate::model::{Id, RelationKind};

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
/// first claim. Tarjan's algorithm, then one breadth-first walk inside each component:
/// O(V + E).
pub fn cycles(graph: &ClaimGraph) -> Vec<Cycle<'_>> {
    let mut inside = vec![false; graph.node_bound()];
    let mut pred = vec![None; graph.node_bound()];
    let mut out: Vec<(usize, Cycle<'_>)> = Vec::new();
    for mut component in support_components(graph) {
        component.sort_by_key(|&ix| order(graph, ix));
        component.iter().for_each(|ix| inside[ix.index()] = true);
        let first = component[0];
        let cycle = circle(graph, first, &inside, &mut pred);
        for ix in &component {
            inside[ix.index()] = false;
            pred[ix.index()] = None;
        }
        let claims = component
            .iter()
            .filter_map(|&ix| ClaimRef::at(graph, ix))
            .collect();
        out.push((order(graph, first), Cycle { claims, cycle }));
    }
    out.sort_by_key(|(ord, _)| *ord);
    out.into_iter().map(|(_, c)| c).collect()
}

const UNSEEN: u32 = u32::MAX;

/// The strongly connected components of the `supports` edges that hold a circle: Tarjan's
/// algorithm with an explicit call stack (a long chain cannot overflow the thread's stack),
/// over the graph's compact relation rows. O(V + E).
fn support_components(graph: &ClaimGraph) -> Vec<Vec<NodeIndex>> {
    let bound = graph.node_bound();
    let mut t = Tarjan {
        index: vec![UNSEEN; bound],
        low: vec![0; bound],
        on_stack: vec![false; bound],
        stack: Vec::new(),
        calls: Vec::new(),
        next: 0,
    };
    let args = graph.arguments();
    let supports = |v: NodeIndex, from: usize| {
        let row = args.outgoing(v);
        (from..row.len())
            .find(|&k| row[k].kind == RelationKind::Supports)
            .map(|k| (k, row[k].node))
    };
    let mut out = Vec::new();
    for (root, _) in graph.claims() {
        if t.index[root.index()] != UNSEEN {
            continue;
        }
        t.enter(root);
        while let Some(&(v, from)) = t.calls.last() {
            if let Some((k, w)) = supports(v, from) {
                if let Some(top) = t.calls.last_mut() {
                    top.1 = k + 1;
                }
                if t.index[w.index()] == UNSEEN {
                    t.enter(w);
                } else if t.on_stack[w.index()] {
                    t.low[v.index()] = t.low[v.index()].min(t.index[w.index()]);
                }
                continue;
            }
            if let Some(component) = t.leave(v) {
                let supports_itself = supports(v, 0).is_some_and(|_| {
                    let row = args.outgoing(v);
                    row.iter()
                        .any(|a| a.node == v && a.kind == RelationKind::Supports)
                });
                if component.len() > 1 || supports_itself {
                    out.push(component);
                }
            }
        }
    }
    out
}

struct Tarjan {
    index: Vec<u32>,
    low: Vec<u32>,
    on_stack: Vec<bool>,
    stack: Vec<NodeIndex>,
    /// The walk's call stack: a node and the position of its next edge.
    calls: Vec<(NodeIndex, usize)>,
    next: u32,
}

impl Tarjan {
    fn enter(&mut self, v: NodeIndex) {
        (self.index[v.index()], self.low[v.index()]) = (self.next, self.next);
        self.next += 1;
        self.stack.push(v);
        self.on_stack[v.index()] = true;
        self.calls.push((v, 0));
    }

    /// Returns from `v`; when `v` roots a component, pops and returns it.
    fn leave(&mut self, v: NodeIndex) -> Option<Vec<NodeIndex>> {
        self.calls.pop();
        if let Some(&(u, _)) = self.calls.last() {
            self.low[u.index()] = self.low[u.index()].min(self.low[v.index()]);
        }
        if self.low[v.index()] != self.index[v.index()] {
            return None;
        }
        let at = self.stack.iter().rposition(|&x| x == v).unwrap_or(0);
        let component: Vec<NodeIndex> = self.stack.drain(at..).collect();
        component
            .iter()
            .for_each(|x| self.on_stack[x.index()] = false);
        Some(component)
    }
}

/// A shortest circle of `supports` from `start` back to itself, inside the component marked
/// in `inside`. `pred` is scratch space, `None` everywhere inside the component on entry.
/// O(size of the component + its edges).
fn circle<'a>(
    graph: &'a ClaimGraph,
    start: NodeIndex,
    inside: &[bool],
    pred: &mut [Option<NodeIndex>],
) -> Vec<&'a Id> {
    let mut queue = VecDeque::from([start]);
    while let Some(ix) = queue.pop_front() {
        for arg in graph.arguments().outgoing(ix) {
            let next = arg.node;
            if arg.kind != RelationKind::Supports || !inside[next.index()] {
                continue;
            }
            if next == start {
                let mut nodes = vec![start, ix];
                let mut at = ix;
                while let Some(p) = pred[at.index()] {
                    nodes.push(p);
                    at = p;
                }
                nodes.reverse();
                return nodes
                    .into_iter()
                    .filter_map(|n| graph.get(n).map(|n| n.id()))
                    .collect();
            }
            if pred[next.index()].is_none() {
                pred[next.index()] = Some(ix);
                queue.push_back(next);
            }
        }
    }
    Vec::new()
}

//! Breadth-first walks over argument edges, shared by the queries that report chains.
//!
//! A walk starts at one claim and follows `supports` and `contradicts` edges (or only some
//! kinds) in one direction. With `polarity` it tracks, for every claim reached, whether the
//! chain so far holds an even or odd number of `contradicts` as separate states, so a claim
//! can be reached both "for" and "against". Each state keeps its predecessor, which gives the
//! shortest chain back to the start. Edges are followed in the order they were written.

use std::collections::VecDeque;

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::graph::{ClaimGraph, EdgeKind};

const UNREACHED: u32 = u32::MAX;

/// The argument edges of `ix` in direction `dir` whose kind passes `follow`, as (other end,
/// kind), in the order they were written, into `buf`.
pub(super) fn edges(
    graph: &ClaimGraph,
    ix: NodeIndex,
    dir: Direction,
    follow: impl Fn(EdgeKind) -> bool,
    buf: &mut Vec<(NodeIndex, EdgeKind)>,
) {
    buf.clear();
    buf.extend(
        graph
            .petgraph()
            .edges_directed(ix, dir)
            .filter(|e| e.weight().kind.is_relation() && follow(e.weight().kind))
            .map(|e| {
                let other = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                (other, e.weight().kind)
            }),
    );
    // petgraph lists a node's edges newest first.
    buf.reverse();
}

/// A finished walk: every state reached, its distance and its predecessor.
#[derive(Debug)]
pub(super) struct Walk {
    polarity: bool,
    dist: Vec<u32>,
    pred: Vec<(u32, EdgeKind)>,
    /// Reached states in the order they were reached (the start first).
    pub order: Vec<u32>,
}

/// A state: a node and, with polarity, whether the chain to it argues against the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct State {
    pub node: NodeIndex,
    pub against: bool,
}

impl Walk {
    /// Walks from `start` along edges in `dir` whose kind passes `follow`, at most
    /// `max_depth` steps (unbounded when `None`). O(V + E).
    pub fn run(
        graph: &ClaimGraph,
        start: NodeIndex,
        dir: Direction,
        follow: impl Fn(EdgeKind) -> bool + Copy,
        polarity: bool,
        max_depth: Option<usize>,
    ) -> Walk {
        let states = graph.node_bound() * 2;
        let mut walk = Walk {
            polarity,
            dist: vec![UNREACHED; states],
            pred: vec![(UNREACHED, EdgeKind::Supports); states],
            order: Vec::new(),
        };
        let first = walk.state_id(State {
            node: start,
            against: false,
        });
        walk.dist[first as usize] = 0;
        walk.order.push(first);
        let mut queue = VecDeque::from([first]);
        let mut buf = Vec::new();
        while let Some(s) = queue.pop_front() {
            let d = walk.dist[s as usize];
            if max_depth.is_some_and(|m| d as usize >= m) {
                continue;
            }
            let here = walk.state(s);
            edges(graph, here.node, dir, follow, &mut buf);
            for &(other, kind) in &buf {
                let next = walk.state_id(State {
                    node: other,
                    against: here.against ^ (polarity && kind == EdgeKind::Contradicts),
                });
                if walk.dist[next as usize] == UNREACHED {
                    walk.dist[next as usize] = d + 1;
                    walk.pred[next as usize] = (s, kind);
                    walk.order.push(next);
                    queue.push_back(next);
                }
            }
        }
        walk
    }

    fn state_id(&self, s: State) -> u32 {
        (s.node.index() * 2 + usize::from(s.against && self.polarity)) as u32
    }

    /// The state behind a state id.
    pub fn state(&self, id: u32) -> State {
        State {
            node: NodeIndex::new(id as usize / 2),
            against: id % 2 == 1,
        }
    }

    /// Steps from the start to state `id`.
    pub fn distance(&self, id: u32) -> usize {
        self.dist[id as usize] as usize
    }

    /// The nodes and edge kinds from state `id` back to the start (`id`'s node first).
    pub fn back_to_start(&self, id: u32) -> (Vec<NodeIndex>, Vec<EdgeKind>) {
        let mut nodes = vec![self.state(id).node];
        let mut kinds = Vec::new();
        let mut s = id;
        while self.dist[s as usize] != 0 {
            let (p, kind) = self.pred[s as usize];
            kinds.push(kind);
            nodes.push(self.state(p).node);
            s = p;
        }
        (nodes, kinds)
    }
}

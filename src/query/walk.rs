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

use super::Chain;
use crate::graph::ClaimGraph;
use crate::model::RelationKind;

const UNREACHED: u32 = u32::MAX;

/// A finished walk: every state reached, its distance and its predecessor.
#[derive(Debug)]
pub(super) struct Walk {
    polarity: bool,
    dist: Vec<u32>,
    pred: Vec<(u32, RelationKind)>,
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
    /// Walks from `start` along relations in `dir` whose kind passes `follow`, at most
    /// `max_depth` steps (unbounded when `None`). O(V + E).
    pub fn run(
        graph: &ClaimGraph,
        start: NodeIndex,
        dir: Direction,
        follow: impl Fn(RelationKind) -> bool,
        polarity: bool,
        max_depth: Option<usize>,
    ) -> Walk {
        let states = graph.node_bound() * 2;
        let mut walk = Walk {
            polarity,
            dist: vec![UNREACHED; states],
            pred: vec![(UNREACHED, RelationKind::Supports); states],
            order: Vec::new(),
        };
        let first = walk.id(start, false);
        walk.dist[first as usize] = 0;
        walk.order.push(first);
        let mut queue = VecDeque::from([first]);
        let args = graph.arguments();
        while let Some(s) = queue.pop_front() {
            let d = walk.dist[s as usize];
            if max_depth.is_some_and(|m| d as usize >= m) {
                continue;
            }
            let here = walk.state(s);
            let edges = match dir {
                Direction::Outgoing => args.outgoing(here.node),
                Direction::Incoming => args.incoming(here.node),
            };
            for arg in edges.iter().filter(|a| follow(a.kind)) {
                let flip = polarity && arg.kind == RelationKind::Contradicts;
                let next = walk.id(arg.node, here.against ^ flip);
                if walk.dist[next as usize] == UNREACHED {
                    walk.dist[next as usize] = d + 1;
                    walk.pred[next as usize] = (s, arg.kind);
                    walk.order.push(next);
                    queue.push_back(next);
                }
            }
        }
        walk
    }

    fn id(&self, node: NodeIndex, against: bool) -> u32 {
        (node.index() * 2 + usize::from(against && self.polarity)) as u32
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

    /// The shortest chain between the start and state `id`: from `id`'s claim to the start
    /// when the walk went against the edges (`Incoming`), from the start to it otherwise.
    /// O(length).
    pub fn chain<'a>(&self, graph: &'a ClaimGraph, id: u32, dir: Direction) -> Chain<'a> {
        let len = self.distance(id);
        let mut claims = Vec::with_capacity(len + 1);
        let mut relations = Vec::with_capacity(len);
        let mut s = id;
        claims.extend(graph.get(self.state(s).node).map(|n| n.id()));
        while self.dist[s as usize] != 0 {
            let (p, kind) = self.pred[s as usize];
            relations.push(kind);
            claims.extend(graph.get(self.state(p).node).map(|n| n.id()));
            s = p;
        }
        if dir == Direction::Outgoing {
            claims.reverse();
            relations.reverse();
        }
        Chain::from_parts(claims, relations)
    }
}

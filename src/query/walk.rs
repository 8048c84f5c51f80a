//! Breadth-first walks over argument edges, shared by the queries that report chains.
//!
//! A walk starts at one claim and follows `supports` and `contradicts` edges (or only some
//! kinds) in one direction. With `polarity` it tracks, for every claim reached, whether the
//! chain so far holds an even or odd number of `contradicts` as separate states, so a claim
//! can be reached both "for" and "against". Each state keeps its predecessor, which gives the
//! shortest chain back to the start. Edges are followed in the order they were written.
//!
//! States are numbered by their position in the walk (`order`), and each keeps the position
//! of its predecessor: a state's chain is its predecessor's plus one step. [`Walk::chains`]
//! uses that to lay out the chain of every state end to end in one shared buffer, reading
//! memory almost in order, instead of walking back from each state through the graph (about
//! ten random reads per chain on a 100,000-claim graph, and two allocations).

use std::sync::Arc;

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;

use super::{Chain, Shared};
use crate::graph::ClaimGraph;
use crate::model::{Id, RelationKind};

const UNREACHED: u32 = u32::MAX;

/// A finished walk: every state reached, its distance and its predecessor.
#[derive(Debug)]
pub(super) struct Walk {
    polarity: bool,
    /// Distance of each state id from the start (`UNREACHED` when not reached).
    dist: Vec<u32>,
    /// Reached states in the order they were reached (the start first): position -> state id.
    pub order: Vec<u32>,
    /// By position: the position of the predecessor (the start's is 0) and the relation
    /// between the two.
    pred: Vec<(u32, RelationKind)>,
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
            order: Vec::new(),
            pred: Vec::new(),
        };
        let first = walk.id(start, false);
        walk.dist[first as usize] = 0;
        walk.order.push(first);
        walk.pred.push((0, RelationKind::Supports));
        let args = graph.arguments();
        // `order` is the queue: states are taken in the order they were reached.
        for at in 0.. {
            let Some(&s) = walk.order.get(at) else { break };
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
                    walk.order.push(next);
                    walk.pred.push((at as u32, arg.kind));
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

    /// The shortest chain between the start and the state at position `at` of
    /// [`order`](Self::order): from its claim to the start when the walk went against the
    /// edges (`Incoming`), from the start to it otherwise. O(length).
    pub fn chain<'a>(&self, graph: &'a ClaimGraph, at: usize, dir: Direction) -> Chain<'a> {
        let mut claims = Vec::new();
        let mut relations = Vec::new();
        let mut p = at;
        claims.extend(self.id_at(graph, p));
        while p != 0 {
            let (q, kind) = self.pred[p];
            relations.push(kind);
            p = q as usize;
            claims.extend(self.id_at(graph, p));
        }
        if dir == Direction::Outgoing {
            claims.reverse();
            relations.reverse();
        }
        Chain::from_parts(claims, relations)
    }

    fn id_at<'a>(&self, graph: &'a ClaimGraph, at: usize) -> Option<&'a Id> {
        graph.get(self.state(self.order[at]).node).map(|n| n.id())
    }

    /// The chains of every state reached, the same as [`chain`](Self::chain) for each, laid
    /// out end to end in two shared buffers: in walk order each chain is its predecessor's
    /// plus one step, so building them reads and writes memory almost in order. O(states +
    /// total length of the chains).
    pub fn chains<'a>(&self, graph: &'a ClaimGraph, dir: Direction) -> Chains<'a> {
        let n = self.order.len();
        // Each state's claims and relations are at `start[p]..start[p] + len[p]` of the
        // buffers (its relations one fewer).
        let mut start: Vec<(usize, usize)> = Vec::with_capacity(n);
        let mut len: Vec<(usize, usize)> = Vec::with_capacity(n);
        let total: usize = self.order.iter().map(|&s| self.distance(s) + 1).sum();
        let mut claims: Vec<&'a Id> = Vec::with_capacity(total);
        let mut relations: Vec<RelationKind> = Vec::with_capacity(total.saturating_sub(n));
        for p in 0..n {
            let id = self.id_at(graph, p);
            let (from, kind) = self.pred[p];
            let (c0, r0) = (claims.len(), relations.len());
            let (pc, pr) = if p == 0 {
                ((0, 0), (0, 0))
            } else {
                let (sc, sr) = start[from as usize];
                let (lc, lr) = len[from as usize];
                ((sc, sc + lc), (sr, sr + lr))
            };
            if dir == Direction::Incoming {
                claims.extend(id);
                claims.extend_from_within(pc.0..pc.1);
                relations.extend((p != 0).then_some(kind));
                relations.extend_from_within(pr.0..pr.1);
            } else {
                claims.extend_from_within(pc.0..pc.1);
                claims.extend(id);
                relations.extend_from_within(pr.0..pr.1);
                relations.extend((p != 0).then_some(kind));
            }
            start.push((c0, r0));
            len.push((claims.len() - c0, relations.len() - r0));
        }
        Chains {
            claims: Arc::new(claims),
            relations: Arc::new(relations),
            start,
            len,
        }
    }
}

/// The chain of every state of a [`Walk`], by position; see [`Walk::chains`].
#[derive(Debug)]
pub(super) struct Chains<'a> {
    claims: Arc<Vec<&'a Id>>,
    relations: Arc<Vec<RelationKind>>,
    start: Vec<(usize, usize)>,
    len: Vec<(usize, usize)>,
}

impl<'a> Chains<'a> {
    /// The chain of the state at position `at`. O(1) and no copy: it shares the buffers.
    pub fn get(&self, at: usize) -> Chain<'a> {
        let (sc, sr) = self.start[at];
        let (lc, lr) = self.len[at];
        Chain::from_shared(
            Shared::new(Arc::clone(&self.claims), sc..sc + lc),
            Shared::new(Arc::clone(&self.relations), sr..sr + lr),
        )
    }
}

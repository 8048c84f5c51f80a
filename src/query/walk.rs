//! Breadth-first walks over argument edges, shared by the queries that report chains.
//!
//! A walk starts at one claim and follows `supports` and `contradicts` edges (or only some
//! kinds) in one direction. With `polarity` it tracks, for every claim reached, whether the
//! chain so far holds an even or odd number of `contradicts` as separate states, so a claim
//! can be reached both "for" and "against". Each state keeps its predecessor, which gives the
//! shortest chain back to the start. Edges are followed in the order they were written.
//!
//! States are numbered `2 × node index + against`, and every per-state record is a vector
//! by that number. The predecessor links form a tree rooted at the start: [`Walk::chains`]
//! answers each state's chain as a path in that tree ([`super::Tree`]) instead of copying
//! it out, so a walk that reaches 200,000 states answers all their chains in one pass over
//! the nodes.

use std::sync::Arc;

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;

use super::tree::Tree;
use super::{Chain, ClaimRef, Shared, Stance};
use crate::graph::ClaimGraph;
use crate::model::{Id, RelationKind};

/// A finished walk: every state reached, its distance and its predecessor.
#[derive(Debug)]
pub(super) struct Walk {
    polarity: bool,
    /// One bit per state: whether it was reached. Small enough to stay in cache, which the
    /// random look-ups of a walk over 200,000 states need.
    seen: Vec<u64>,
    /// Distance of each state reached from the start.
    dist: Vec<u32>,
    /// Reached states in the order they were reached (the start first): position -> state.
    pub order: Vec<u32>,
    /// By state: the state it was reached from (the start's is itself)...
    pred: Arc<Vec<u32>>,
    /// ...the relation between the two...
    kind: Arc<Vec<RelationKind>>,
    /// ...and whether the chain to it holds an odd number of `contradicts`.
    odd: Vec<bool>,
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
            seen: vec![0; states.div_ceil(64)],
            dist: vec![0; states],
            order: Vec::new(),
            pred: Arc::default(),
            kind: Arc::default(),
            odd: vec![false; states],
        };
        let first = walk.id(start, false);
        walk.mark(first);
        // Filled here and shared, without a copy, by the trees of `chains_of`.
        let mut pred = vec![0u32; states];
        let mut kind = vec![RelationKind::Supports; states];
        pred[first as usize] = first;
        walk.order.push(first);
        let args = graph.arguments();
        // `order` is the queue: states are taken in the order they were reached, a level
        // (one distance) after another; `level_end` is where the current level ends.
        let (mut d, mut level_end) = (0u32, 1usize);
        for at in 0.. {
            if at == level_end {
                d += 1;
                level_end = walk.order.len();
            }
            let Some(&s) = walk.order.get(at) else { break };
            if max_depth.is_some_and(|m| d as usize >= m) {
                break;
            }
            let here = walk.state(s);
            let odd = walk.odd[s as usize];
            let edges = match dir {
                Direction::Outgoing => args.outgoing(here.node),
                Direction::Incoming => args.incoming(here.node),
            };
            for arg in edges.iter().filter(|a| follow(a.kind)) {
                let flip = arg.kind == RelationKind::Contradicts;
                let next = walk.id(arg.node, here.against ^ (flip && polarity));
                if walk.mark(next) {
                    let n = next as usize;
                    walk.dist[n] = d + 1;
                    pred[n] = s;
                    kind[n] = arg.kind;
                    walk.odd[n] = odd ^ flip;
                    walk.order.push(next);
                }
            }
        }
        walk.pred = Arc::new(pred);
        walk.kind = Arc::new(kind);
        walk
    }

    /// Marks state `s` reached; whether it was not before.
    fn mark(&mut self, s: u32) -> bool {
        let (word, bit) = (s as usize / 64, 1u64 << (s % 64));
        let new = self.seen[word] & bit == 0;
        self.seen[word] |= bit;
        new
    }

    /// Whether state `s` was reached.
    fn reached(&self, s: usize) -> bool {
        self.seen[s / 64] & (1 << (s % 64)) != 0
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
        let mut s = self.order[at];
        claims.extend(self.id_of(graph, s));
        while self.dist[s as usize] != 0 {
            relations.push(self.kind[s as usize]);
            s = self.pred[s as usize];
            claims.extend(self.id_of(graph, s));
        }
        if dir == Direction::Outgoing {
            claims.reverse();
            relations.reverse();
        }
        Chain::from_parts(claims, relations)
    }

    fn id_of<'a>(&self, graph: &'a ClaimGraph, s: u32) -> Option<&'a Id> {
        graph.get(self.state(s).node).map(|n| n.id())
    }

    /// The reached states that pass `keep`, nearest first, then by node index (which is file
    /// order for claims). A counting sort over the states in index order, so the answer reads
    /// the graph in memory order: O(node bound + greatest distance).
    pub fn nearest_first(&self, keep: impl Fn(State) -> bool) -> Vec<u32> {
        let wanted = |s: usize| self.reached(s) && keep(self.state(s as u32));
        let mut start = vec![0usize; self.max_distance() + 2];
        for s in (0..self.dist.len()).filter(|&s| wanted(s)) {
            start[self.dist[s] as usize + 1] += 1;
        }
        for d in 1..start.len() {
            start[d] += start[d - 1];
        }
        let mut found = vec![0u32; start[start.len() - 1]];
        for s in (0..self.dist.len()).filter(|&s| wanted(s)) {
            let slot = &mut start[self.dist[s] as usize];
            found[*slot] = s as u32;
            *slot += 1;
        }
        found
    }

    fn max_distance(&self) -> usize {
        self.order
            .last()
            .map_or(0, |&s| self.dist[s as usize] as usize)
    }

    /// The claim of every node reached. Reads them in node order, which is memory order,
    /// into a table by node when the walk reached more than a sixteenth of the graph, and in
    /// walk order into a short sorted list otherwise: O(node bound), or O(S log S) for S
    /// states reached.
    pub fn claims<'a>(&self, graph: &'a ClaimGraph) -> Named<'a> {
        let bound = self.dist.len() / 2;
        let at = |node: usize| ClaimRef::at(graph, NodeIndex::new(node));
        if self.order.len() * 16 < bound {
            let mut few: Vec<(u32, ClaimRef<'a>)> = self
                .order
                .iter()
                .filter_map(|&s| Some((s / 2, at(s as usize / 2)?)))
                .collect();
            few.sort_unstable_by_key(|&(node, _)| node);
            few.dedup_by_key(|&mut (node, _)| node);
            return Named::Few(few);
        }
        let mut claims = vec![None; bound];
        for (node, claim) in claims.iter_mut().enumerate() {
            if self.reached(node * 2) || self.reached(node * 2 + 1) {
                *claim = at(node);
            }
        }
        Named::ByNode(claims)
    }

    /// The chain of every state reached, the same as [`chain`](Self::chain) for each.
    #[cfg(test)]
    pub fn chains<'a>(&self, graph: &'a ClaimGraph, dir: Direction) -> Chains<'_, 'a> {
        self.chains_of(&self.claims(graph), dir)
    }

    /// The chain of every state reached, the same as [`chain`](Self::chain) for each, as
    /// paths in the tree of predecessor links, given the [`claims`](Self::claims) reached.
    /// O(node bound).
    pub fn chains_of<'a>(&self, claims: &Named<'a>, dir: Direction) -> Chains<'_, 'a> {
        let downward = dir == Direction::Outgoing;
        let root = self.order.first().and_then(|&s| claims.get(s as usize / 2));
        let mut ids: Vec<&'a Id> = Vec::new();
        if let Some(root) = root {
            ids = vec![root.id; self.dist.len() / 2];
            claims.each(|node, claim| ids[node] = claim.id);
        }
        let parent = Arc::clone(&self.pred);
        let claims = Tree::new(Arc::clone(&parent), Arc::new(ids), 1, downward);
        let relations = Tree::new(parent, Arc::clone(&self.kind), 0, downward);
        Chains {
            walk: self,
            claims: Arc::new(claims),
            relations: Arc::new(relations),
        }
    }
}

/// The claims a walk reached, with their ids and texts; see [`Walk::claims`].
#[derive(Debug)]
pub(super) enum Named<'a> {
    /// By node index, for a walk that reached much of the graph.
    ByNode(Vec<Option<ClaimRef<'a>>>),
    /// `(node, claim)` sorted by node, for a walk that reached little of it.
    Few(Vec<(u32, ClaimRef<'a>)>),
}

impl<'a> Named<'a> {
    /// The claim at node index `node`, if the walk reached it. O(1), or O(log S).
    pub fn get(&self, node: usize) -> Option<ClaimRef<'a>> {
        match self {
            Named::ByNode(claims) => claims.get(node).copied().flatten(),
            Named::Few(few) => {
                let at = few.binary_search_by_key(&node, |&(n, _)| n as usize);
                at.ok().map(|i| few[i].1)
            }
        }
    }

    /// Calls `f` with every claim reached and its node index.
    fn each(&self, mut f: impl FnMut(usize, ClaimRef<'a>)) {
        match self {
            Named::ByNode(claims) => {
                for (node, claim) in claims.iter().enumerate() {
                    if let Some(claim) = claim {
                        f(node, *claim);
                    }
                }
            }
            Named::Few(few) => few
                .iter()
                .for_each(|&(node, claim)| f(node as usize, claim)),
        }
    }
}

/// The chain of every state of a [`Walk`]; see [`Walk::chains`].
#[derive(Debug)]
pub(super) struct Chains<'w, 'a> {
    walk: &'w Walk,
    claims: Arc<Tree<&'a Id>>,
    relations: Arc<Tree<RelationKind>>,
}

impl<'a> Chains<'_, 'a> {
    /// The chain of the state at position `at` of [`Walk::order`]. O(1) and no copy.
    #[cfg(test)]
    pub fn get(&self, at: usize) -> Chain<'a> {
        self.of(self.walk.order[at])
    }

    /// The chain of state `s`. O(1) and no copy: it is a path in the shared trees.
    pub fn of(&self, s: u32) -> Chain<'a> {
        let len = self.walk.distance(s);
        let stance = if self.walk.odd[s as usize] {
            Stance::Against
        } else {
            Stance::For
        };
        Chain::from_paths(
            Shared::path(Arc::clone(&self.claims), s, len + 1),
            Shared::path(Arc::clone(&self.relations), s, len),
            stance,
        )
    }
}

//! Who argues for or against a claim ([`supporters`], [`attackers`]), what rests on it
//! ([`impact`]), and what rests on nothing ([`unsupported`]).
//!
//! Beyond one step, "for" and "against" follow the sign of the chain: an attacker of an
//! attacker argues for a claim, a supporter of an attacker against it (see [`Stance`]).

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::stable_graph::NodeIndex;

use super::walk::Walk;
use super::{Chain, ClaimRef, Limit, QueryError, Stance, claim_node, has_source};
use crate::graph::ClaimGraph;
use crate::model::{Id, RelationKind};

/// The claims that argue for (or against) one claim: the answer of [`supporters`] and
/// [`attackers`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reach<'a> {
    /// The claim asked about.
    pub target: &'a Id,
    /// `for` (supporters) or `against` (attackers).
    pub stance: Stance,
    /// How many relations the chains may hold; `None` for any number.
    pub depth: Option<usize>,
    /// The claims found, nearest first, then in file order.
    pub results: Vec<Reached<'a>>,
    /// How many claims were found: more than `results` holds when a [`Limit`] left some out.
    pub total: usize,
    /// Whether a [`Limit`] left some out.
    pub truncated: bool,
}

impl Reach<'_> {
    /// Keeps the nearest results within `limit` (see [`Limit`]).
    pub fn limited(mut self, limit: Limit) -> Self {
        self.total = limit.apply(&mut self.results);
        self.truncated = self.results.len() < self.total;
        self
    }
}

/// A claim found by [`supporters`], [`attackers`] or [`impact`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reached<'a> {
    /// The claim.
    #[serde(flatten)]
    pub claim: ClaimRef<'a>,
    /// Relations in the shortest chain.
    pub distance: usize,
    /// The shortest chain: from the claim found to the target (supporters, attackers), or
    /// from the target to the claim found (impact).
    pub chain: Chain<'a>,
}

/// The claims that argue for claim `id` within `depth` relations (any number when `None`):
/// direct supporters, attackers of its attackers, supporters of those, and so on; each with
/// the shortest chain of that stance. The claim itself is never listed. O(V + E).
pub fn supporters<'a>(
    graph: &'a ClaimGraph,
    id: &str,
    depth: Option<usize>,
) -> Result<Reach<'a>, QueryError> {
    reach(graph, id, depth, Stance::For, "supporters")
}

/// The claims that argue against claim `id` within `depth` relations (any number when
/// `None`): direct attackers, supporters of its attackers, attackers of its supporters, and so
/// on; each with the shortest chain of that stance. O(V + E).
pub fn attackers<'a>(
    graph: &'a ClaimGraph,
    id: &str,
    depth: Option<usize>,
) -> Result<Reach<'a>, QueryError> {
    reach(graph, id, depth, Stance::Against, "attackers")
}

fn reach<'a>(
    graph: &'a ClaimGraph,
    id: &str,
    depth: Option<usize>,
    stance: Stance,
    query: &'static str,
) -> Result<Reach<'a>, QueryError> {
    let (target, claim) = claim_node(graph, id, query)?;
    let walk = Walk::run(graph, target, Incoming, |_| true, true, depth);
    let wanted = stance == Stance::Against;
    let found = walk.nearest_first(|st| st.node != target && st.against == wanted);
    let claims = walk.claims(graph);
    let chains = walk.chains_of(&claims, Incoming);
    let results = found
        .into_iter()
        .filter_map(|s| {
            Some(Reached {
                claim: claims.get(s as usize / 2)?,
                distance: walk.distance(s),
                chain: chains.of(s),
            })
        })
        .collect::<Vec<_>>();
    Ok(Reach {
        target: &claim.id,
        stance,
        depth,
        total: results.len(),
        truncated: false,
        results,
    })
}

/// What rests on a claim: the answer of [`impact`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Impact<'a> {
    /// The claim asked about.
    pub target: &'a Id,
    /// The claims its support runs to, nearest first, then in file order.
    pub results: Vec<Impacted<'a>>,
    /// How many claims were found: more than `results` holds when a [`Limit`] left some out.
    pub total: usize,
    /// Whether a [`Limit`] left some out.
    pub truncated: bool,
}

impl Impact<'_> {
    /// Keeps the nearest results within `limit` (see [`Limit`]).
    pub fn limited(mut self, limit: Limit) -> Self {
        self.total = limit.apply(&mut self.results);
        self.truncated = self.results.len() < self.total;
        self
    }
}

/// A claim [`impact`] found.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Impacted<'a> {
    /// The claim, its distance and the chain from the target to it.
    #[serde(flatten)]
    pub reached: Reached<'a>,
    /// Whether the claim would be left with no support at all: no source of its own, and no
    /// supporter that keeps support without the target.
    pub loses_all_support: bool,
}

/// Every claim whose support runs through claim `id` (the claims reachable from it along
/// `supports`), i.e. what loses support if it falls, with the shortest chain to each and
/// whether it would be left unsupported. O(V + E).
pub fn impact<'a>(graph: &'a ClaimGraph, id: &str) -> Result<Impact<'a>, QueryError> {
    let (target, claim) = claim_node(graph, id, "impact")?;
    let supports = |k| k == RelationKind::Supports;
    let walk = Walk::run(graph, target, Outgoing, supports, false, None);
    let kept = supported_without(graph, target);
    let found = walk.nearest_first(|st| st.node != target);
    let claims = walk.claims(graph);
    let chains = walk.chains_of(&claims, Outgoing);
    let results = found
        .into_iter()
        .filter_map(|s| {
            let n = walk.state(s).node;
            let reached = Reached {
                claim: claims.get(n.index())?,
                distance: walk.distance(s),
                chain: chains.of(s),
            };
            Some(Impacted {
                reached,
                loses_all_support: !kept[n.index()],
            })
        })
        .collect::<Vec<_>>();
    Ok(Impact {
        target: &claim.id,
        total: results.len(),
        truncated: false,
        results,
    })
}

/// Which claims keep some support once `fallen` is gone: those with a source of their own,
/// and those a kept claim supports. Indexed by node index. O(V + E).
fn supported_without(graph: &ClaimGraph, fallen: NodeIndex) -> Vec<bool> {
    let mut kept = vec![false; graph.node_bound()];
    let mut stack: Vec<NodeIndex> = graph
        .claims()
        .filter(|&(ix, c)| ix != fallen && has_source(c))
        .map(|(ix, _)| ix)
        .collect();
    for &ix in &stack {
        kept[ix.index()] = true;
    }
    while let Some(ix) = stack.pop() {
        for arg in graph.arguments().outgoing(ix) {
            let next = arg.node;
            if arg.kind == RelationKind::Supports && next != fallen && !kept[next.index()] {
                kept[next.index()] = true;
                stack.push(next);
            }
        }
    }
    kept
}

/// Claims with neither a source of their own (`by`, `sources`) nor a supporting claim, in
/// file order. O(V + E).
pub fn unsupported(graph: &ClaimGraph) -> Vec<ClaimRef<'_>> {
    graph
        .claims()
        .filter(|&(ix, c)| {
            !has_source(c)
                && !graph
                    .arguments()
                    .incoming(ix)
                    .iter()
                    .any(|a| a.kind == RelationKind::Supports)
        })
        .map(|(_, c)| ClaimRef::new(c))
        .collect()
}

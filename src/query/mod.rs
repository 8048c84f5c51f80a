//! Questions asked of a claim graph, each answered by a typed value that serialises to a
//! stable JSON shape (documented in the README) and that the CLI also prints as text or TSV.
//!
//! - [`supporters`], [`attackers`], [`impact`], [`unsupported`] ([`support`](self)): who
//!   argues for or against a claim, what rests on it, what rests on nothing;
//! - [`why`]: the support tree of a claim down to its sources and evidence;
//! - [`path`] and [`all_paths`]: how one claim bears on another;
//! - [`conflicts`] and [`cycles`]: contradictions and circular reasoning;
//! - [`central`]: claims ranked by PageRank over the argument edges;
//! - [`stats()`], counts;
//! - [`ClaimView`] and [`SourceView`]: one item and its neighbourhood (`show`, `list`).
//!
//! The answers that print a chain per claim (`supporters`, `attackers`, `impact`) and `why`
//! can be cut to their first results with a [`Limit`], which keeps what is printed bounded.
//!
//! Every query takes ids as text and answers [`QueryError`] for an id that names nothing or
//! names a source where a claim is needed. Each one's doc comment states its cost; V and E are
//! the numbers of nodes and edges of the graph.

mod conflicts;
mod cycles;
mod limit;
mod path;
mod rank;
mod shared;
mod stats;
mod support;
mod tree;
mod views;
mod walk;
mod why;

pub use conflicts::{Conflict, ConflictKind, conflicts};
pub use cycles::{Cycle, cycles};
pub use limit::Limit;
pub use path::{Paths, all_paths, path};
pub use rank::{Central, Ranked, central};
pub use shared::{Shared, SharedIter};
pub use stats::{Count, Counts, Stats, Top, stats};
pub use support::{Impact, Impacted, Reach, Reached, attackers, impact, supporters, unsupported};
pub use views::{ClaimView, Defined, SourceView};
pub use why::{Repeat, Via, Why, WhyLine, why};

use petgraph::stable_graph::NodeIndex;

use crate::graph::{ClaimGraph, ItemKind, NodeRef, UnknownId};
use crate::model::{Claim, Id, RelationKind};

/// Why a query could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// No item has this id (the suggestion is the closest claim id).
    #[error(transparent)]
    UnknownId(#[from] UnknownId),
    /// The id names a source; the query needs a claim.
    #[error("`{id}` is a source, but `{query}` takes a claim")]
    NotAClaim {
        /// The id.
        id: Id,
        /// The query.
        query: &'static str,
    },
}

impl QueryError {
    /// A hint for the user, when there is one.
    pub fn hint(&self) -> Option<String> {
        match self {
            QueryError::UnknownId(e) => Some(e.hint()),
            QueryError::NotAClaim { .. } => Some(crate::suggest::kind_hint("claim")),
        }
    }
}

/// Whether a chain of relations argues for or against the claim it ends at: against when it
/// holds an odd number of `contradicts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// An even number of `contradicts`.
    For,
    /// An odd number of `contradicts`.
    Against,
}

impl Stance {
    /// `for` or `against`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::For => "for",
            Stance::Against => "against",
        }
    }

    fn of(relations: &[RelationKind]) -> Stance {
        let against = relations
            .iter()
            .filter(|&&k| k == RelationKind::Contradicts)
            .count();
        if against % 2 == 0 {
            Stance::For
        } else {
            Stance::Against
        }
    }
}

/// A chain of relations: `claims[0] -relations[0]-> claims[1] -> ... -> claims[n]`. The
/// chains of one answer may share their storage (see [`Shared`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Chain<'a> {
    /// The claims, first to last.
    pub claims: Shared<&'a Id>,
    /// The relation between each claim and the next (one fewer than `claims`).
    pub relations: Shared<RelationKind>,
    /// Whether the chain argues for or against its last claim.
    pub stance: Stance,
}

impl<'a> Chain<'a> {
    fn new(graph: &'a ClaimGraph, nodes: &[NodeIndex], relations: Vec<RelationKind>) -> Chain<'a> {
        let claims = nodes.iter().filter_map(|&n| id_of(graph, n)).collect();
        Chain::from_parts(claims, relations)
    }

    fn from_parts(claims: Vec<&'a Id>, relations: Vec<RelationKind>) -> Chain<'a> {
        Chain::from_shared(claims.into(), relations.into())
    }

    fn from_shared(claims: Shared<&'a Id>, relations: Shared<RelationKind>) -> Chain<'a> {
        let stance = Stance::of(&relations);
        Chain::from_paths(claims, relations, stance)
    }

    /// A chain whose stance is already known (a walk tracks it), so its relations need not be
    /// read.
    fn from_paths(
        claims: Shared<&'a Id>,
        relations: Shared<RelationKind>,
        stance: Stance,
    ) -> Chain<'a> {
        Chain {
            claims,
            relations,
            stance,
        }
    }

    /// Number of relations.
    pub fn len(&self) -> usize {
        self.relations.len()
    }

    /// Whether the chain has no relation (a claim on its own).
    pub fn is_empty(&self) -> bool {
        self.relations.is_empty()
    }
}

/// A claim in an answer: its id and text.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct ClaimRef<'a> {
    /// The id.
    pub id: &'a Id,
    /// The statement.
    pub text: &'a str,
}

impl<'a> ClaimRef<'a> {
    fn new(claim: &'a Claim) -> ClaimRef<'a> {
        ClaimRef {
            id: &claim.id,
            text: &claim.text,
        }
    }

    fn at(graph: &'a ClaimGraph, ix: NodeIndex) -> Option<ClaimRef<'a>> {
        graph.claim(ix).map(ClaimRef::new)
    }
}

fn id_of(graph: &ClaimGraph, ix: NodeIndex) -> Option<&Id> {
    graph.get(ix).map(|n| n.id())
}

/// The node and claim of `id`, or why there is none. O(1), O(V) on a miss (for the
/// suggestion).
fn claim_node<'a>(
    graph: &'a ClaimGraph,
    id: &str,
    query: &'static str,
) -> Result<(NodeIndex, &'a Claim), QueryError> {
    let ix = graph.lookup(id, Some(ItemKind::Claim))?;
    match graph.get(ix) {
        Some(NodeRef::Claim(c)) => Ok((ix, c)),
        Some(NodeRef::Source(s)) => Err(QueryError::NotAClaim {
            id: s.id.clone(),
            query,
        }),
        // A node the graph just found has a weight: nodes are never removed.
        None => Err(QueryError::UnknownId(UnknownId {
            id: id.to_string(),
            suggestion: None,
        })),
    }
}

/// Whether a claim names a source of its own (`by` or `sources`).
fn has_source(claim: &Claim) -> bool {
    claim.by.is_some() || !claim.sources.is_empty()
}

/// A claim's position in corpus order (sources after every claim): a stable sort key. O(1).
fn order(graph: &ClaimGraph, ix: NodeIndex) -> usize {
    match graph.petgraph().node_weight(ix) {
        Some(crate::graph::Node::Claim(i)) => i.index(),
        _ => usize::MAX,
    }
}

#[cfg(test)]
mod tests;

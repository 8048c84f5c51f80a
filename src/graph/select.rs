//! Subgraph selection: which claims and sources a command works on.
//!
//! A [`Selection`] is a plain value (field filters and a `--where` [`Expr`], combined with AND,
//! then an optional neighbourhood walk) applied in one place, [`Selection::apply`], so every
//! command that takes a selection means the same thing by it.
//!
//! Claims are kept when they pass every filter (and, with `around`, lie within `depth` argument
//! edges of the start claims). Sources are kept when a kept claim refers to them (speaker,
//! citation, reviewer, evidence; with their `part_of` parents), and also on their own when no
//! claim-only filter (`tags`, `by`, `rating`, `relation`, `file`) and no `around` is set and
//! they pass `kind` and `filter`. `no_sources` drops every source.

use std::collections::{HashSet, VecDeque};

use petgraph::stable_graph::NodeIndex;

use super::expr::{Expr, Field, ItemKind};
use super::{ClaimGraph, NodeRef, UnknownId};
use crate::model::{Claim, FileId, Id, Rating, RelationKind};
use crate::suggest::kind_hint;

pub use crate::model::Direction;

/// Which claims and sources to keep. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// Keep claims carrying every one of these tags.
    pub tags: Vec<String>,
    /// Keep claims asserted by this source.
    pub by: Option<Id>,
    /// Keep claims whose verdict has this rating.
    pub rating: Option<Rating>,
    /// Keep only claims or only sources.
    pub kind: Option<ItemKind>,
    /// Keep claims that take part in a relation of this kind, and only relations of this kind.
    pub relation: Option<RelationKind>,
    /// Keep items for which this `--where` expression holds.
    pub filter: Option<Expr>,
    /// Keep claims defined in this file.
    pub file: Option<FileId>,
    /// Start from these claims instead of all matching ones, and walk `depth` argument edges.
    pub around: Vec<Id>,
    /// How far `around` walks.
    pub depth: usize,
    /// Which way `around` walks.
    pub direction: Direction,
    /// Leave sources out (claims only).
    pub no_sources: bool,
}

/// An id in a selection that names nothing, or names the wrong kind of item.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectionError {
    /// No item has this id.
    #[error("{source}{}", column_note(*.column))]
    UnknownId {
        /// The id, with the closest id of the right kind.
        source: UnknownId,
        /// For an id inside the `--where` expression, its 1-based column there.
        column: Option<usize>,
    },
    /// The id names a claim where a source is needed, or the other way round.
    #[error("`{id}` is a {found}, but {place} takes a {expected}")]
    WrongKind {
        /// The id.
        id: Id,
        /// Where it was given (`` `--around` ``, `` `--by` ``, ...).
        place: &'static str,
        /// What it is.
        found: ItemKind,
        /// What is needed.
        expected: ItemKind,
    },
}

fn column_note(column: Option<usize>) -> String {
    column
        .map(|c| format!(" (`--where`, column {c})"))
        .unwrap_or_default()
}

impl SelectionError {
    /// A hint for the user, when there is one.
    pub fn hint(&self) -> Option<String> {
        match self {
            SelectionError::UnknownId { source, .. } => Some(source.hint()),
            SelectionError::WrongKind { expected, .. } => Some(kind_hint(expected.as_str())),
        }
    }
}

impl Selection {
    /// Whether the selection keeps everything.
    pub fn is_everything(&self) -> bool {
        *self == Selection::default()
    }

    /// Checks that every id the selection names exists and is of the right kind: `around`
    /// claims, the `by` source, and the ids in `id` and `by` tests of the expression. O(ids)
    /// when they exist; a miss scans every id once for a suggestion.
    pub fn check(&self, graph: &ClaimGraph) -> Result<(), SelectionError> {
        for id in &self.around {
            expect(graph, id.as_str(), ItemKind::Claim, "`--around`", None)?;
        }
        if let Some(by) = &self.by {
            expect(graph, by.as_str(), ItemKind::Source, "`--by`", None)?;
        }
        for (field, value, column) in self.filter.iter().flat_map(Expr::id_tests) {
            let place = "`by` in `--where`";
            match field {
                Field::By => expect(graph, value, ItemKind::Source, place, Some(column))?,
                _ => {
                    graph
                        .lookup(value, None)
                        .map_err(|source| SelectionError::UnknownId {
                            source,
                            column: Some(column),
                        })?;
                }
            }
        }
        Ok(())
    }

    /// Whether the item at `ix` passes the filters (not `around`; see the [module docs](self)).
    /// O(filters × values of the item).
    pub fn matches(&self, graph: &ClaimGraph, ix: NodeIndex) -> bool {
        let passes = |kind: ItemKind| {
            self.kind.is_none_or(|k| k == kind)
                && self.filter.as_ref().is_none_or(|e| e.matches(graph, ix))
        };
        match graph.get(ix) {
            Some(NodeRef::Claim(c)) => {
                self.claim_fields(c)
                    && self.relation.is_none_or(|k| takes_part(graph, ix, k))
                    && passes(ItemKind::Claim)
            }
            Some(NodeRef::Source(_)) => !self.has_claim_filters() && passes(ItemKind::Source),
            None => false,
        }
    }

    fn claim_fields(&self, claim: &Claim) -> bool {
        self.tags.iter().all(|t| claim.has_tag(t))
            && self
                .by
                .as_ref()
                .is_none_or(|by| claim.by.as_ref() == Some(by))
            && self
                .rating
                .is_none_or(|r| claim.verdict.as_ref().map(|v| v.rating) == Some(r))
            && self.file.is_none_or(|f| claim.origin.file == f)
    }

    fn has_claim_filters(&self) -> bool {
        !self.tags.is_empty()
            || self.by.is_some()
            || self.rating.is_some()
            || self.relation.is_some()
            || self.file.is_some()
    }

    /// The claims the selection keeps: the matching claims, expanded `depth` argument edges
    /// from the `around` ids (or from the matching claims when `around` is empty but a depth is
    /// set). Unknown `around` ids are ignored here; [`check`](Self::check) reports them.
    /// O(V + E).
    pub fn claims(&self, graph: &ClaimGraph) -> HashSet<NodeIndex> {
        let matching: HashSet<NodeIndex> = graph
            .claims()
            .map(|(ix, _)| ix)
            .filter(|&ix| self.matches(graph, ix))
            .collect();
        let start: Vec<NodeIndex> = if self.around.is_empty() {
            if self.depth == 0 {
                return matching;
            }
            matching.iter().copied().collect()
        } else {
            self.around
                .iter()
                .filter_map(|id| graph.node(id.as_str()))
                .filter(|&ix| graph.claim(ix).is_some())
                .collect()
        };
        let mut kept = expand(graph, &start, self.depth, self.direction, self.relation);
        if !self.around.is_empty() {
            // The start claims always stay; the neighbourhood is filtered by the field filters.
            kept.retain(|ix| start.contains(ix) || matching.contains(ix));
        }
        kept
    }

    /// The subgraph this selection keeps (see the [module docs](self)): the kept claims and
    /// sources and the relations among them. O(V + E) plus cloning the kept items.
    pub fn apply(&self, graph: &ClaimGraph) -> ClaimGraph {
        if self.is_everything() {
            return graph.clone();
        }
        // Without a walk, the kept claims are the matching ones: no set needed.
        let claims: Vec<NodeIndex> = if self.around.is_empty() && self.depth == 0 {
            graph
                .claims()
                .map(|(ix, _)| ix)
                .filter(|&ix| self.matches(graph, ix))
                .collect()
        } else {
            self.claims(graph).into_iter().collect()
        };
        let mut keep = vec![false; graph.node_bound()];
        for &ix in &claims {
            keep[ix.index()] = true;
        }
        if !self.no_sources {
            if self.around.is_empty() {
                for (ix, _) in graph.sources().filter(|&(ix, _)| self.matches(graph, ix)) {
                    keep[ix.index()] = true;
                }
            }
            for &ix in &claims {
                for r in graph.references().outgoing(ix) {
                    if graph.source(r.node).is_some() {
                        keep_with_parents(graph, r.node, &mut keep);
                    }
                }
            }
        }
        graph.subgraph(&keep, self.relation)
    }
}

/// Whether the claim at `ix` is an end of a relation of `kind`.
fn takes_part(graph: &ClaimGraph, ix: NodeIndex, kind: RelationKind) -> bool {
    let args = graph.arguments();
    args.incoming(ix)
        .iter()
        .chain(args.outgoing(ix))
        .any(|a| a.kind == kind)
}

/// Checks that `text` names an item of `kind`.
fn expect(
    graph: &ClaimGraph,
    text: &str,
    kind: ItemKind,
    place: &'static str,
    column: Option<usize>,
) -> Result<(), SelectionError> {
    let ix = graph
        .lookup(text, Some(kind))
        .map_err(|source| SelectionError::UnknownId { source, column })?;
    // A node the graph just found has a weight: nodes are never removed.
    if let Some(node) = graph.get(ix)
        && node.kind() != kind
    {
        return Err(SelectionError::WrongKind {
            id: node.id().clone(),
            place,
            found: node.kind(),
            expected: kind,
        });
    }
    Ok(())
}

/// Keeps source `ix` and the sources it is part of, up to one already kept.
fn keep_with_parents(graph: &ClaimGraph, ix: NodeIndex, keep: &mut [bool]) {
    let mut next = Some(ix);
    while let Some(ix) = next.take() {
        if std::mem::replace(&mut keep[ix.index()], true) {
            break;
        }
        next = graph
            .neighbors(ix, super::EdgeKind::PartOf, petgraph::Direction::Outgoing)
            .first()
            .map(|&(parent, _)| parent);
    }
}

/// Breadth-first walk over argument edges, at most `depth` steps from `start`.
fn expand(
    graph: &ClaimGraph,
    start: &[NodeIndex],
    depth: usize,
    direction: Direction,
    relation: Option<RelationKind>,
) -> HashSet<NodeIndex> {
    let args = graph.arguments();
    let mut seen: HashSet<NodeIndex> = start.iter().copied().collect();
    let mut queue: VecDeque<(NodeIndex, usize)> = start.iter().map(|&ix| (ix, 0)).collect();
    while let Some((ix, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        let up = matches!(direction, Direction::Up | Direction::Both);
        let down = matches!(direction, Direction::Down | Direction::Both);
        let incoming = args.incoming(ix).iter().filter(|_| up);
        let outgoing = args.outgoing(ix).iter().filter(|_| down);
        for arg in incoming.chain(outgoing) {
            if relation.is_none_or(|k| arg.kind == k) && seen.insert(arg.node) {
                queue.push_back((arg.node, d + 1));
            }
        }
    }
    seen
}

impl ClaimGraph {
    /// The subgraph of the items whose ids are in `keep`. References to items left out are
    /// dropped (a citation of a source not kept, a relation to a claim not kept).
    pub fn restricted_to(&self, keep: &HashSet<Id>) -> ClaimGraph {
        let mut flags = vec![false; self.node_bound()];
        for ix in keep.iter().filter_map(|id| self.node(id.as_str())) {
            flags[ix.index()] = true;
        }
        self.subgraph(&flags, None)
    }
}

mod subgraph;

#[cfg(test)]
mod tests;

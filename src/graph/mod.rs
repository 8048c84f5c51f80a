//! The claim graph: claims and sources as nodes, relations and references as edges.
//!
//! [`ClaimGraph`] owns the [`Corpus`] it was built from and indexes it with a petgraph
//! [`StableDiGraph`]. Node and edge weights are small handles into the corpus, so the graph is
//! cheap to build and to copy into subgraphs, and every query can get back to the full claim.
//!
//! Edge directions: `supports` and `contradicts` go from the reason to the claim it bears on;
//! every reference (speaker, citation, reviewer, evidence, `part_of`) goes from the item that
//! makes it to the item referred to.

mod arguments;
mod expr;
mod ix;
mod lookup;
mod references;
mod select;
mod view;

pub use arguments::{Arg, Arguments};
pub use expr::{Expected, Expr, ExprError, Field, ItemKind, Op};
pub use ix::{ClaimIx, RelationIx, SourceIx};
pub use lookup::UnknownId;
pub use references::{Reference, References};
pub use select::{Direction, Selection, SelectionError};

use rustc_hash::FxHashMap as HashMap;

use petgraph::Direction as PgDirection;
use petgraph::stable_graph::{EdgeReference, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;

use crate::model::{Claim, Corpus, Id, Relation, RelationKind, Source};

/// A node: a handle to a claim or a source of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    /// Index into [`Corpus::claims`].
    Claim(ClaimIx),
    /// Index into [`Corpus::sources`].
    Source(SourceIx),
}

/// What an edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeKind {
    /// Claim supports claim.
    Supports,
    /// Claim contradicts claim.
    Contradicts,
    /// Claim is asserted by a source (`by`).
    AssertedBy,
    /// Claim appears in a source (`sources`).
    Cites,
    /// Claim's verdict was given by a source (`verdict.by`).
    ReviewedBy,
    /// Claim's verdict rests on a claim or source (`verdict.evidence`).
    Evidence,
    /// Source is part of another source (`part_of`).
    PartOf,
}

impl EdgeKind {
    /// Whether this edge is an argument (`supports` or `contradicts`) rather than a reference.
    pub fn is_relation(self) -> bool {
        matches!(self, EdgeKind::Supports | EdgeKind::Contradicts)
    }

    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Supports => "supports",
            EdgeKind::Contradicts => "contradicts",
            EdgeKind::AssertedBy => "by",
            EdgeKind::Cites => "cites",
            EdgeKind::ReviewedBy => "reviewed-by",
            EdgeKind::Evidence => "evidence",
            EdgeKind::PartOf => "part-of",
        }
    }
}

impl From<RelationKind> for EdgeKind {
    fn from(kind: RelationKind) -> EdgeKind {
        match kind {
            RelationKind::Supports => EdgeKind::Supports,
            RelationKind::Contradicts => EdgeKind::Contradicts,
        }
    }
}

/// An edge: its kind and, for `supports` and `contradicts`, the index of its relation in
/// [`Corpus::relations`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Edge {
    /// What the edge stands for.
    pub kind: EdgeKind,
    /// Index into [`Corpus::relations`] for argument edges.
    pub relation: Option<RelationIx>,
}

/// A node's content, borrowed from the corpus.
#[derive(Debug, Clone, Copy)]
pub enum NodeRef<'a> {
    /// A claim.
    Claim(&'a Claim),
    /// A source.
    Source(&'a Source),
}

impl<'a> NodeRef<'a> {
    /// The node's id.
    pub fn id(&self) -> &'a Id {
        match self {
            NodeRef::Claim(c) => &c.id,
            NodeRef::Source(s) => &s.id,
        }
    }

    /// Claim or source.
    pub fn kind(&self) -> ItemKind {
        match self {
            NodeRef::Claim(_) => ItemKind::Claim,
            NodeRef::Source(_) => ItemKind::Source,
        }
    }
}

/// A reference that names no item of the corpus, found while building a graph.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GraphError {
    /// `id` is referenced but defined nowhere.
    #[error("`{from}` refers to `{id}`, which is not defined")]
    UnknownId {
        /// The item that holds the reference.
        from: Id,
        /// The missing id.
        id: Id,
    },
    /// Two items share an id.
    #[error("id `{0}` is defined more than once")]
    DuplicateId(Id),
}

/// Claims and sources as a directed graph. See the [module docs](self).
#[derive(Debug, Clone, Default)]
pub struct ClaimGraph {
    corpus: Corpus,
    graph: StableDiGraph<Node, Edge>,
    index: HashMap<Id, NodeIndex>,
    arguments: Arguments,
    references: References,
}

impl ClaimGraph {
    /// Builds the graph of a corpus, with its [`Arguments`] and [`References`] indexes. Runs in O(items +
    /// references).
    ///
    /// # Errors
    /// When an id is defined twice or a reference names no item. A corpus from
    /// [`crate::load`] never fails here: the loader reports and drops such items.
    pub fn build(corpus: Corpus) -> Result<ClaimGraph, GraphError> {
        let nodes = corpus.claims.len() + corpus.sources.len();
        let mut b = Builder {
            graph: StableDiGraph::with_capacity(nodes, edge_count(&corpus)),
            index: HashMap::with_capacity_and_hasher(nodes, Default::default()),
            by_addr: HashMap::with_capacity_and_hasher(nodes, Default::default()),
        };
        for (i, source) in SourceIx::enumerate(&corpus.sources) {
            b.add_node(&source.id, Node::Source(i))?;
        }
        for (i, claim) in ClaimIx::enumerate(&corpus.claims) {
            b.add_node(&claim.id, Node::Claim(i))?;
        }
        for source in &corpus.sources {
            if let Some(parent) = &source.part_of {
                b.link(&source.id, parent, EdgeKind::PartOf, None)?;
            }
        }
        for claim in &corpus.claims {
            b.link_claim(claim)?;
        }
        for (i, rel) in RelationIx::enumerate(&corpus.relations) {
            b.link(&rel.from, &rel.to, rel.kind.into(), Some(i))?;
        }
        let arguments = Arguments::new(&b.graph);
        let references = References::new(&b.graph);
        Ok(ClaimGraph {
            corpus,
            graph: b.graph,
            index: b.index,
            arguments,
            references,
        })
    }

    /// The corpus the graph was built from.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The underlying petgraph graph, for algorithms this type does not wrap.
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.graph
    }

    /// One more than the largest node index: the length of a vector indexed by
    /// [`NodeIndex::index`].
    pub fn node_bound(&self) -> usize {
        petgraph::visit::NodeIndexable::node_bound(&self.graph)
    }

    /// The relations of every node as compact rows, for walks over the whole graph.
    pub fn arguments(&self) -> &Arguments {
        &self.arguments
    }

    /// The references of every node as compact rows, for walks over many claims.
    pub fn references(&self) -> &References {
        &self.references
    }

    /// The node of `id`, if there is one. O(1).
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The claim or source at `ix`.
    pub fn get(&self, ix: NodeIndex) -> Option<NodeRef<'_>> {
        Some(match *self.graph.node_weight(ix)? {
            Node::Claim(i) => NodeRef::Claim(i.of(&self.corpus.claims)),
            Node::Source(i) => NodeRef::Source(i.of(&self.corpus.sources)),
        })
    }

    /// The claim at `ix`, if `ix` is a claim.
    pub fn claim(&self, ix: NodeIndex) -> Option<&Claim> {
        match self.get(ix)? {
            NodeRef::Claim(c) => Some(c),
            NodeRef::Source(_) => None,
        }
    }

    /// The source at `ix`, if `ix` is a source.
    pub fn source(&self, ix: NodeIndex) -> Option<&Source> {
        match self.get(ix)? {
            NodeRef::Source(s) => Some(s),
            NodeRef::Claim(_) => None,
        }
    }

    /// All ids, for "did you mean" hints.
    pub fn ids(&self) -> impl Iterator<Item = &Id> {
        self.index.keys()
    }

    /// Claims with their nodes, in corpus order. O(V) for the whole walk.
    pub fn claims(&self) -> impl Iterator<Item = (NodeIndex, &Claim)> {
        // Nodes are added in corpus order (sources, then claims) and never removed.
        self.graph
            .node_indices()
            .filter_map(|ix| match self.graph[ix] {
                Node::Claim(i) => Some((ix, i.of(&self.corpus.claims))),
                Node::Source(_) => None,
            })
    }

    /// Sources with their nodes, in corpus order. O(V) for the whole walk.
    pub fn sources(&self) -> impl Iterator<Item = (NodeIndex, &Source)> {
        self.graph
            .node_indices()
            .filter_map(|ix| match self.graph[ix] {
                Node::Source(i) => Some((ix, i.of(&self.corpus.sources))),
                Node::Claim(_) => None,
            })
    }

    /// The relation behind an argument edge.
    pub fn relation(&self, edge: &Edge) -> Option<&Relation> {
        edge.relation.map(|i| i.of(&self.corpus.relations))
    }

    /// Edges of `kind` leaving `ix` (`Outgoing`) or entering it (`Incoming`), as
    /// `(other node, edge)` pairs in insertion order.
    pub fn neighbors(
        &self,
        ix: NodeIndex,
        kind: EdgeKind,
        dir: PgDirection,
    ) -> Vec<(NodeIndex, Edge)> {
        let mut out: Vec<(NodeIndex, Edge)> = self
            .graph
            .edges_directed(ix, dir)
            .filter(|e| e.weight().kind == kind)
            .map(|e: EdgeReference<'_, Edge>| {
                let other = if dir == PgDirection::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                (other, *e.weight())
            })
            .collect();
        // petgraph lists edges newest first; report them in the order they were written.
        out.reverse();
        out
    }

    /// Number of claims.
    pub fn claim_count(&self) -> usize {
        self.corpus.claims.len()
    }

    /// Number of sources.
    pub fn source_count(&self) -> usize {
        self.corpus.sources.len()
    }
}

/// The number of edges the graph of `corpus` has: one per relation and per reference. The
/// edge array is sized with it up front; a guess too small makes it double, which at a
/// million claims costs hundreds of megabytes of unused capacity.
fn edge_count(corpus: &Corpus) -> usize {
    let part_of = corpus
        .sources
        .iter()
        .filter(|s| s.part_of.is_some())
        .count();
    let references: usize = corpus
        .claims
        .iter()
        .map(|c| {
            let verdict = c
                .verdict
                .as_ref()
                .map_or(0, |v| usize::from(v.by.is_some()) + v.evidence.len());
            usize::from(c.by.is_some()) + c.sources.len() + verdict
        })
        .sum();
    corpus.relations.len() + part_of + references
}

/// A graph being built: the id index, and the same index by each id's address, so a reference
/// that is a clone of the id it names (as in every corpus from [`crate::load`]) is found
/// without hashing its text.
struct Builder {
    graph: StableDiGraph<Node, Edge>,
    index: HashMap<Id, NodeIndex>,
    by_addr: HashMap<usize, NodeIndex>,
}

impl Builder {
    /// The node of `id`: by address, else by text.
    fn find(&self, id: &Id) -> Option<NodeIndex> {
        self.by_addr
            .get(&id.addr())
            .or_else(|| self.index.get(id))
            .copied()
    }

    fn add_node(&mut self, id: &Id, node: Node) -> Result<(), GraphError> {
        let ix = self.graph.add_node(node);
        self.by_addr.insert(id.addr(), ix);
        if self.index.insert(id.clone(), ix).is_some() {
            return Err(GraphError::DuplicateId(id.clone()));
        }
        Ok(())
    }

    fn link_claim(&mut self, claim: &Claim) -> Result<(), GraphError> {
        if let Some(by) = &claim.by {
            self.link(&claim.id, by, EdgeKind::AssertedBy, None)?;
        }
        for citation in &claim.sources {
            self.link(&claim.id, &citation.source, EdgeKind::Cites, None)?;
        }
        if let Some(verdict) = &claim.verdict {
            if let Some(by) = &verdict.by {
                self.link(&claim.id, by, EdgeKind::ReviewedBy, None)?;
            }
            for evidence in &verdict.evidence {
                self.link(&claim.id, evidence, EdgeKind::Evidence, None)?;
            }
        }
        Ok(())
    }

    fn link(
        &mut self,
        from: &Id,
        to: &Id,
        kind: EdgeKind,
        relation: Option<RelationIx>,
    ) -> Result<(), GraphError> {
        let missing = |id: &Id| GraphError::UnknownId {
            from: from.clone(),
            id: id.clone(),
        };
        let a = self.find(from).ok_or_else(|| missing(from))?;
        let b = self.find(to).ok_or_else(|| missing(to))?;
        self.graph.add_edge(a, b, Edge { kind, relation });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Claim, Relation, Source};

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    fn corpus() -> Corpus {
        let mut a = Claim::new(id("a"), "A");
        a.by = Some(id("lee"));
        a.sources.push(Citation::new(id("article")));
        let mut lee = Source::new(id("lee"), "Lee");
        lee.part_of = Some(id("article"));
        Corpus {
            sources: vec![Source::new(id("article"), "Article"), lee],
            claims: vec![a, Claim::new(id("b"), "B"), Claim::new(id("c"), "C")],
            relations: vec![
                Relation::new(id("a"), id("b"), RelationKind::Supports),
                Relation::new(id("c"), id("b"), RelationKind::Contradicts),
            ],
            ..Corpus::default()
        }
    }

    #[test]
    fn builds_nodes_and_edges() {
        let g = ClaimGraph::build(corpus()).unwrap();
        assert_eq!(g.petgraph().node_count(), 5);
        // a->b, c->b, a by lee, a cites article, lee part of article
        assert_eq!(g.petgraph().edge_count(), 5);
        let b = g.node("b").unwrap();
        let sup = g.neighbors(b, EdgeKind::Supports, PgDirection::Incoming);
        assert_eq!(sup.len(), 1);
        assert_eq!(g.claim(sup[0].0).unwrap().id.as_str(), "a");
        let att = g.neighbors(b, EdgeKind::Contradicts, PgDirection::Incoming);
        assert_eq!(g.claim(att[0].0).unwrap().id.as_str(), "c");
        assert_eq!(
            g.relation(&att[0].1).unwrap().kind,
            RelationKind::Contradicts
        );
        assert!(g.source(g.node("lee").unwrap()).is_some());
        assert!(g.claim(g.node("lee").unwrap()).is_none());
    }

    #[test]
    fn the_edge_array_is_sized_exactly() {
        let mut c = corpus();
        let mut verdict = crate::model::Verdict {
            rating: crate::model::Rating::False,
            by: Some(id("lee")),
            date: None,
            note: None,
            evidence: vec![id("b"), id("article")],
        };
        c.claims[1].verdict = Some(verdict.clone());
        verdict.by = None;
        c.claims[2].verdict = Some(verdict);
        assert_eq!(edge_count(&c), 10);
        let g = ClaimGraph::build(c).unwrap();
        assert_eq!(g.petgraph().edge_count(), 10);
        assert_eq!(g.graph.capacity().1, 10);
    }

    #[test]
    fn rejects_unknown_and_duplicate_ids() {
        let mut c = corpus();
        c.relations
            .push(Relation::new(id("a"), id("zzz"), RelationKind::Supports));
        assert_eq!(
            ClaimGraph::build(c).unwrap_err(),
            GraphError::UnknownId {
                from: id("a"),
                id: id("zzz")
            }
        );
        let mut c = corpus();
        c.claims.push(Claim::new(id("lee"), "dup"));
        assert_eq!(
            ClaimGraph::build(c).unwrap_err(),
            GraphError::DuplicateId(id("lee"))
        );
    }
}

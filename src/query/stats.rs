//! Counts: what the graph holds, how it hangs together, and which claims draw the most
//! argument.

use petgraph::stable_graph::NodeIndex;
use petgraph::unionfind::UnionFind;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::ClaimRef;
use crate::graph::ClaimGraph;
use crate::model::{Rating, RelationKind, SourceKind};

/// How many claims [`Stats::most_supported`] and [`Stats::most_attacked`] list.
pub const TOP: usize = 5;

/// The answer of [`stats`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Stats<'a> {
    /// Number of claims.
    pub claims: usize,
    /// Number of sources.
    pub sources: usize,
    /// Sources by kind: every kind, then `unspecified`.
    pub sources_by_kind: Counts,
    /// Claims by verdict rating: every rating, then `unrated`.
    pub claims_by_rating: Counts,
    /// Claims by tag, most used first, then by name.
    pub claims_by_tag: Counts,
    /// Relations by kind: `supports`, `contradicts`.
    pub relations: Counts,
    /// Connected components of claims joined by relations (a claim alone is one).
    pub components: usize,
    /// Claims in the largest component.
    pub largest_component: usize,
    /// The claims with the most direct supporters (at most [`TOP`], none with zero).
    pub most_supported: Vec<Top<'a>>,
    /// The claims with the most direct attackers (at most [`TOP`], none with zero).
    pub most_attacked: Vec<Top<'a>>,
}

/// A name and how many items carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// The kind, rating, tag or relation.
    pub name: String,
    /// How many.
    pub count: usize,
}

/// Counts in a fixed order; JSON shows them as an object in that order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts(pub Vec<Count>);

impl serde::Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|c| (&c.name, c.count)))
    }
}

impl Counts {
    fn of<'n>(names: impl IntoIterator<Item = &'n &'n str>, counts: &[usize]) -> Counts {
        Counts(
            names
                .into_iter()
                .zip(counts)
                .map(|(name, &count)| Count {
                    name: name.to_string(),
                    count,
                })
                .collect(),
        )
    }
}

/// A claim and a count of its relations.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Top<'a> {
    /// The claim.
    #[serde(flatten)]
    pub claim: ClaimRef<'a>,
    /// How many.
    pub count: usize,
}

/// Counts of claims, sources and relations, the components, and the claims with the most
/// supporters and attackers. O(V log V + E + tags).
pub fn stats(graph: &ClaimGraph) -> Stats<'_> {
    let corpus = graph.corpus();
    let mut kinds = vec![0; SourceKind::ALL.len() + 1];
    for s in &corpus.sources {
        kinds[s.kind.map_or(SourceKind::ALL.len(), |k| k as usize)] += 1;
    }
    let mut ratings = vec![0; Rating::ALL.len() + 1];
    for c in &corpus.claims {
        ratings[c
            .verdict
            .as_ref()
            .map_or(Rating::ALL.len(), |v| v.rating as usize)] += 1;
    }
    let mut relations = vec![0; RelationKind::ALL.len()];
    for r in &corpus.relations {
        relations[r.kind as usize] += 1;
    }
    let (components, largest_component) = components(graph);
    Stats {
        claims: corpus.claims.len(),
        sources: corpus.sources.len(),
        sources_by_kind: Counts::of(SourceKind::NAMES.iter().chain(&["unspecified"]), &kinds),
        claims_by_rating: Counts::of(Rating::NAMES.iter().chain(&["unrated"]), &ratings),
        claims_by_tag: tags(graph),
        relations: Counts::of(RelationKind::NAMES, &relations),
        components,
        largest_component,
        most_supported: most(graph, RelationKind::Supports),
        most_attacked: most(graph, RelationKind::Contradicts),
    }
}

fn tags(graph: &ClaimGraph) -> Counts {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for tag in graph.corpus().claims.iter().flat_map(|c| &c.tags) {
        *counts.entry(tag).or_default() += 1;
    }
    let mut counts: Vec<Count> = counts
        .into_iter()
        .map(|(name, count)| Count {
            name: name.to_string(),
            count,
        })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    Counts(counts)
}

/// The number of components of claims joined by relations, and the size of the largest.
fn components(graph: &ClaimGraph) -> (usize, usize) {
    let bound = graph.node_bound();
    let mut sets = UnionFind::<usize>::new(bound);
    for e in graph.petgraph().edge_references() {
        if e.weight().kind.is_relation() {
            sets.union(e.source().index(), e.target().index());
        }
    }
    let mut size = vec![0usize; bound];
    for (ix, _) in graph.claims() {
        size[sets.find(ix.index())] += 1;
    }
    let count = size.iter().filter(|&&s| s > 0).count();
    (count, size.into_iter().max().unwrap_or(0))
}

/// The claims with the most incoming relations of `kind`, most first, ties in file order.
fn most(graph: &ClaimGraph, kind: RelationKind) -> Vec<Top<'_>> {
    let mut counted: Vec<(usize, usize, NodeIndex)> = graph
        .claims()
        .enumerate()
        .map(|(i, (ix, _))| {
            let incoming = graph.arguments().incoming(ix);
            (incoming.iter().filter(|a| a.kind == kind).count(), i, ix)
        })
        .filter(|&(n, _, _)| n > 0)
        .collect();
    let by_count = |a: &(usize, usize, NodeIndex), b: &(usize, usize, NodeIndex)| {
        b.0.cmp(&a.0).then(a.1.cmp(&b.1))
    };
    if counted.len() > TOP {
        counted.select_nth_unstable_by(TOP, by_count);
        counted.truncate(TOP);
    }
    counted.sort_by(by_count);
    counted
        .into_iter()
        .filter_map(|(count, _, ix)| {
            Some(Top {
                claim: ClaimRef::at(graph, ix)?,
                count,
            })
        })
        .collect()
}

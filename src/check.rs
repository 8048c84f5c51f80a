//! Lints over a loaded graph: problems only visible once the whole graph exists.
//!
//! Loading already rejects what is wrong in a single item or reference; these checks look at
//! the shape of the graph (support cycles).

use std::path::Path;

use crate::graph::ClaimGraph;
use crate::load::{self, Code, Diagnostic, Location};
use crate::query;

/// What `check` found: every diagnostic from loading and linting, in file order.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Every problem, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read.
    pub files: usize,
}

/// Loads `paths` and lints the graph: the whole of `claimgraph check`.
pub fn check_paths<P: AsRef<Path>>(paths: &[P]) -> Report {
    let loaded = load::load(paths);
    let files = loaded.corpus.files.len();
    let mut diagnostics = loaded.diagnostics;
    if let Ok(graph) = ClaimGraph::build(loaded.corpus) {
        diagnostics.extend(lint(&graph));
    }
    diagnostics.sort();
    Report { diagnostics, files }
}

/// Runs every lint, returning warnings in file order.
pub fn lint(graph: &ClaimGraph) -> Vec<Diagnostic> {
    let mut out = support_cycles(graph);
    out.sort();
    out
}

/// Warns once per support cycle (circular reasoning): a strongly connected component of
/// `supports` edges with more than one claim, as [`query::cycles`] finds them. O(V + E).
pub fn support_cycles(graph: &ClaimGraph) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for cycle in query::cycles(graph) {
        let Some(first) = cycle.claims.first().and_then(|c| graph.node(c.id.as_str())) else {
            continue;
        };
        let Some(first) = graph.claim(first) else {
            continue;
        };
        let names: Vec<String> = cycle.claims.iter().map(|c| format!("`{}`", c.id)).collect();
        let location = origin_location(graph, first.origin, first.id.as_str().len());
        let msg = format!(
            "support cycle (circular reasoning) among {}",
            names.join(", ")
        );
        out.push(
            Diagnostic::warning(Code::SupportCycle, location, msg)
                .with_hint("each of these claims is supported, in the end, only by itself; break the circle at the weakest link"),
        );
    }
    out
}

/// The diagnostic location of an item's origin.
pub fn origin_location(graph: &ClaimGraph, origin: crate::model::Origin, len: usize) -> Location {
    let path = graph
        .corpus()
        .files
        .path(origin.file)
        .map(|p| p.to_path_buf())
        .unwrap_or_default();
    Location::at(path, origin.line, origin.column, len as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Corpus, Id, Relation, RelationKind};

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    fn graph(edges: &[(&str, &str, RelationKind)]) -> ClaimGraph {
        let claims = ["a", "b", "c", "d"]
            .iter()
            .map(|n| Claim::new(id(n), *n))
            .collect();
        let relations = edges
            .iter()
            .map(|(f, t, k)| Relation::new(id(f), id(t), *k))
            .collect();
        ClaimGraph::build(Corpus {
            claims,
            relations,
            ..Corpus::default()
        })
        .unwrap()
    }

    #[test]
    fn finds_support_cycles_only() {
        use RelationKind::*;
        let g = graph(&[
            ("a", "b", Supports),
            ("b", "c", Supports),
            ("c", "a", Supports),
            ("d", "a", Supports),
        ]);
        let d = support_cycles(&g);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "support cycle (circular reasoning) among `a`, `b`, `c`"
        );
        // A cycle through a contradiction is not circular reasoning.
        let g = graph(&[("a", "b", Supports), ("b", "a", Contradicts)]);
        assert!(support_cycles(&g).is_empty());
    }
}

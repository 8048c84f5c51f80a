//! Lints over a loaded graph: problems only visible once the whole graph exists.
//!
//! Loading already rejects what is wrong in a single item or reference; these checks look at
//! the shape of the graph (support cycles) and at verdicts that contradict the graph (a claim
//! rated true contradicted by another rated true; a claim rated true resting only on claims
//! rated false).

use std::path::Path;

use petgraph::Direction::Incoming;
use petgraph::stable_graph::NodeIndex;

use crate::eval::{Label, verdict};
use crate::graph::{ClaimGraph, Edge, EdgeKind};
use crate::load::{self, Code, Diagnostic, Location};
use crate::model::{Claim, Rating};
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
    check_loaded(load::load(paths)).0
}

/// Lints what was loaded: every diagnostic in file order, and the graph when it could be
/// built (so a caller that goes on to use it need not load again).
pub fn check_loaded(loaded: load::Loaded) -> (Report, Option<ClaimGraph>) {
    let files = loaded.corpus.files.len();
    let mut diagnostics = loaded.diagnostics;
    let graph = ClaimGraph::build(loaded.corpus).ok();
    if let Some(graph) = &graph {
        diagnostics.extend(lint(graph));
    }
    diagnostics.sort();
    (Report { diagnostics, files }, graph)
}

/// Runs every lint, returning warnings in file order. This includes verifying the quotes of
/// archived sources ([`crate::desk::verify`]), which reads each archive once.
pub fn lint(graph: &ClaimGraph) -> Vec<Diagnostic> {
    let mut out = support_cycles(graph);
    out.extend(true_contradicted(graph));
    out.extend(support_from_false(graph));
    out.extend(view_expressions(graph));
    out.extend(unlinked_urls(graph));
    out.extend(crate::desk::verify(graph.corpus()));
    out.sort();
    out
}

/// An error for each view whose `where` expression does not parse, pointing at the column of
/// the expression where it went wrong (for an unquoted value; a quoted one is off by its quote).
pub fn view_expressions(graph: &ClaimGraph) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for view in &graph.corpus().views {
        let Some((_, origin)) = &view.select.filter else {
            continue;
        };
        if let Err(e) = crate::graph::Selection::from_view(&view.select) {
            let mut at = *origin;
            at.column += u32::try_from(e.column().saturating_sub(1)).unwrap_or(0);
            let msg = format!("invalid `where` in view `{}`: {e}", view.name);
            let hint = "fields: tag, by, rating, kind, id, text, relation, file; operators `=`, `!=`, `~`; `and`, `or`, `not`, parentheses";
            out.push(
                Diagnostic::error(Code::InvalidWhere, origin_location(graph, at, 1), msg)
                    .with_hint(hint),
            );
        }
    }
    out
}

/// Warns about each source whose `url` diagrams and the report do not draw as a link (see
/// [`crate::link`]): a `javascript:` or `data:` URL would run script when clicked.
pub fn unlinked_urls(graph: &ClaimGraph) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (_, source) in graph.sources() {
        let Some(why) = source.url.as_deref().and_then(crate::link::refused) else {
            continue;
        };
        let at = origin_location(graph, source.origin, source.id.as_str().len());
        let msg = format!(
            "the `url` of source `{}` is not drawn as a link: {why}",
            source.id
        );
        let hint =
            "write an `http`, `https` or `mailto` URL (other kinds could run script when clicked)";
        out.push(Diagnostic::warning(Code::UnlinkedUrl, at, msg).with_hint(hint));
    }
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

/// The verdict of the claim at `ix`, when it pins the claim to `label` (see
/// [`crate::eval::verdict`]): `true`/`mostly-true` pin in, `false`/`mostly-false` pin out.
fn rated(graph: &ClaimGraph, ix: NodeIndex, label: Label) -> Option<(&Claim, Rating)> {
    let claim = graph.claim(ix)?;
    let rating = claim.verdict.as_ref()?.rating;
    (verdict::pinned(rating) == Some(label)).then_some((claim, rating))
}

/// Where an argument edge was written, or else where its source claim was.
fn edge_location(graph: &ClaimGraph, edge: &Edge, from: &Claim) -> Location {
    match graph.relation(edge).filter(|r| r.origin.is_known()) {
        Some(r) => origin_location(graph, r.origin, r.to.as_str().len()),
        None => origin_location(graph, from.origin, from.id.as_str().len()),
    }
}

/// Warns when a claim rated `true` or `mostly-true` is contradicted by another rated `true` or
/// `mostly-true`: `eval` pins both in, so it ignores the contradiction; one of the ratings, or
/// the relation, is wrong.
pub fn true_contradicted(graph: &ClaimGraph) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (ix, _) in graph.claims() {
        let Some((claim, rating)) = rated(graph, ix, Label::In) else {
            continue;
        };
        for (from, edge) in graph.neighbors(ix, EdgeKind::Contradicts, Incoming) {
            let Some((attacker, theirs)) = rated(graph, from, Label::In) else {
                continue;
            };
            let msg = format!(
                "`{}` (rated {rating}) is contradicted by `{}` (rated {theirs})",
                claim.id, attacker.id
            );
            let at = origin_location(graph, claim.origin, claim.id.as_str().len());
            let note = format!("`{}` contradicts it here", attacker.id);
            out.push(
                Diagnostic::warning(Code::TrueContradicted, at, msg)
                    .with_related(edge_location(graph, &edge, attacker), note)
                    .with_hint("two claims rated true cannot contradict each other: revisit one rating, or the relation"),
            );
        }
    }
    out
}

/// Warns when a claim rated `true` or `mostly-true` has supporters and every one of them is
/// rated `false` or `mostly-false`: the rating rests on something other than the graph shows.
pub fn support_from_false(graph: &ClaimGraph) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (ix, _) in graph.claims() {
        let Some((claim, rating)) = rated(graph, ix, Label::In) else {
            continue;
        };
        let supporters = graph.neighbors(ix, EdgeKind::Supports, Incoming);
        let rated_false: Vec<(&Claim, Rating, Edge)> = supporters
            .iter()
            .filter_map(|&(from, edge)| rated(graph, from, Label::Out).map(|(c, r)| (c, r, edge)))
            .collect();
        if supporters.is_empty() || rated_false.len() < supporters.len() {
            continue;
        }
        let names: Vec<String> = rated_false
            .iter()
            .map(|(c, _, _)| format!("`{}`", c.id))
            .collect();
        let msg = format!(
            "`{}` is rated {rating}, but its only support comes from claims rated false: {}",
            claim.id,
            names.join(", ")
        );
        let at = origin_location(graph, claim.origin, claim.id.as_str().len());
        let mut d = Diagnostic::warning(Code::SupportFromFalse, at, msg).with_hint(
            "add the evidence the rating rests on (a supporting claim, or `verdict.evidence`), or revisit the rating",
        );
        for (supporter, theirs, edge) in rated_false {
            let note = format!("`{}` (rated {theirs}) supports it here", supporter.id);
            d = d.with_related(edge_location(graph, &edge, supporter), note);
        }
        out.push(d);
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

//! `claimgraph show ID`: everything about one claim or source.
//!
//! Every value from a claim file is shown through [`visible`], so no control character in it
//! reaches the terminal and no line break in it fakes a line of its own.

use std::fmt::Write as _;

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::stable_graph::NodeIndex;

use super::args::{Cli, OutputFormat, ShowArgs};
use super::{Context, Failure, lookup, output};
use crate::desk::{self, QuotePlace};
use crate::graph::{ClaimGraph, Edge, EdgeKind, NodeRef};
use crate::model::{Claim, Source};
use crate::query::{ClaimView, SourceView};
use crate::text::visible;

/// A claim as `show --format json` prints it: its view, and where its quotes stand in the
/// archives of the sources they cite.
#[derive(serde::Serialize)]
struct ShownClaim<'a> {
    #[serde(flatten)]
    view: ClaimView<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    quotes: Vec<QuotePlace>,
}

/// Runs `show`. From a warm cache, the graph holds only the item and its neighbours
/// (see [`super::load_graph_around`]), which is all [`shown`] reads.
pub fn run(cli: &Cli, ctx: &Context, args: &ShowArgs) -> Result<(), Failure> {
    let graph = super::load_graph_around(ctx, &cli.claims, &args.id)?;
    let ix = lookup(&graph, &args.id)?;
    let printed = output::stdout(&shown(&graph, ix, args.format));
    super::keep_until_exit(graph);
    printed
}

/// What `show` prints about the item at `ix`.
fn shown(graph: &ClaimGraph, ix: NodeIndex, format: OutputFormat) -> String {
    match (graph.get(ix), format) {
        (Some(NodeRef::Claim(c)), OutputFormat::Json) => output::json_text(&ShownClaim {
            view: ClaimView::new(graph, ix, c),
            quotes: desk::quote_places(graph.corpus(), c)
                .into_iter()
                .flatten()
                .collect(),
        }),
        (Some(NodeRef::Source(s)), OutputFormat::Json) => {
            output::json_text(&SourceView::new(graph, ix, s))
        }
        (Some(NodeRef::Claim(c)), OutputFormat::Text) => claim_text(graph, ix, c),
        (Some(NodeRef::Source(s)), OutputFormat::Text) => source_text(graph, ix, s),
        (None, _) => String::new(),
    }
}

fn name(graph: &ClaimGraph, ix: NodeIndex) -> String {
    match graph.get(ix) {
        Some(NodeRef::Claim(c)) => format!("{}: {}", c.id, visible(&c.text)),
        Some(NodeRef::Source(s)) => format!("{} ({})", visible(&s.name), s.id),
        None => String::new(),
    }
}

fn section(out: &mut String, graph: &ClaimGraph, title: &str, edges: &[(NodeIndex, Edge)]) {
    if edges.is_empty() {
        return;
    }
    let _ = writeln!(out, "{title}:");
    for (n, edge) in edges {
        let _ = write!(out, "  - {}", name(graph, *n));
        if let Some(rel) = graph.relation(edge) {
            let strength = rel.strength.map(|s| format!("strength {s}"));
            let note = rel.note.as_deref().map(|n| visible(n).into_owned());
            let details: Vec<String> = strength.into_iter().chain(note).collect();
            if !details.is_empty() {
                let _ = write!(out, "\n      ({})", details.join("; "));
            }
        }
        out.push('\n');
    }
}

/// One section per `(title, edge kind, direction)`, skipping empty ones.
fn sections_of(
    out: &mut String,
    graph: &ClaimGraph,
    ix: NodeIndex,
    sections: &[(&str, EdgeKind, petgraph::Direction)],
) {
    for &(title, kind, dir) in sections {
        section(out, graph, title, &graph.neighbors(ix, kind, dir));
    }
}

fn claim_text(graph: &ClaimGraph, ix: NodeIndex, c: &Claim) -> String {
    let mut out = format!("claim {}\n  {}\n", c.id, visible(&c.text));
    let by =
        c.by.as_ref()
            .and_then(|b| graph.node(b.as_str()))
            .map(|n| name(graph, n));
    field(&mut out, "by", by);
    field(&mut out, "date", c.date.map(|d| d.to_string()));
    field(
        &mut out,
        "tags",
        (!c.tags.is_empty()).then(|| c.tags.join(", ")),
    );
    field(&mut out, "confidence", c.confidence.map(|x| x.to_string()));
    if let Some(v) = &c.verdict {
        let mut line = v.rating.to_string();
        if let Some(by) = &v.by {
            let _ = write!(line, " (by {by}");
            let _ = write!(
                line,
                "{})",
                v.date.map(|d| format!(", {d}")).unwrap_or_default()
            );
        }
        field(&mut out, "verdict", Some(line));
        field(&mut out, "  note", v.note.clone());
        let evidence: Vec<&str> = v.evidence.iter().map(|e| e.as_str()).collect();
        field(
            &mut out,
            "  evidence",
            (!evidence.is_empty()).then(|| evidence.join(", ")),
        );
    }
    history(&mut out, c);
    if !c.sources.is_empty() {
        out.push_str("sources:\n");
        let places = desk::quote_places(graph.corpus(), c);
        for (cit, place) in c.sources.iter().zip(places) {
            let _ = write!(out, "  - {}", cit.source);
            if let Some(q) = &cit.quote {
                let _ = write!(out, ": \"{}\"", visible(q));
            }
            if let Some(l) = &cit.locator {
                let _ = write!(out, " ({})", visible(l));
            }
            if let Some(place) = place {
                let _ = write!(out, "\n      {place}");
            }
            out.push('\n');
        }
    }
    let sections = [
        ("supports", EdgeKind::Supports, Outgoing),
        ("contradicts", EdgeKind::Contradicts, Outgoing),
        ("supported by", EdgeKind::Supports, Incoming),
        ("contradicted by", EdgeKind::Contradicts, Incoming),
        ("cited as evidence by", EdgeKind::Evidence, Incoming),
    ];
    sections_of(&mut out, graph, ix, &sections);
    defined_at(&mut out, graph, c.origin);
    out
}

/// A claim's verdict history, oldest first, when it has one: each entry's date, rating,
/// reviewer, note and evidence; the last is the current verdict shown above.
fn history(out: &mut String, c: &Claim) {
    if c.history.is_empty() {
        return;
    }
    out.push_str("history:     oldest first; the last is the current verdict\n");
    for v in c.verdicts() {
        let date = v.date.map(|d| d.to_string()).unwrap_or_default();
        let by =
            v.by.as_ref()
                .map(|b| format!(" (by {b})"))
                .unwrap_or_default();
        let _ = writeln!(out, "  - {date}: {}{by}", v.rating);
        if let Some(note) = &v.note {
            let _ = writeln!(out, "      note: {note}");
        }
        if !v.evidence.is_empty() {
            let ids: Vec<&str> = v.evidence.iter().map(|e| e.as_str()).collect();
            let _ = writeln!(out, "      evidence: {}", ids.join(", "));
        }
    }
}

fn source_text(graph: &ClaimGraph, ix: NodeIndex, s: &Source) -> String {
    let mut out = format!("source {}\n  {}\n", s.id, visible(&s.name));
    field(&mut out, "kind", s.kind.map(|k| k.to_string()));
    field(&mut out, "description", s.description.clone());
    field(&mut out, "url", s.url.clone());
    field(&mut out, "date", s.date.map(|d| d.to_string()));
    if let Some(a) = &s.archive {
        let path = desk::archive_path(graph.corpus(), s);
        let shown = path.map_or(a.path.clone(), |p| p.display().to_string());
        field(&mut out, "archive", Some(shown));
        field(&mut out, "  sha256", a.sha256.clone());
    }
    field(&mut out, "retrieved", s.retrieved.map(|d| d.to_string()));
    field(
        &mut out,
        "reliability",
        s.reliability.map(|r| r.to_string()),
    );
    let part_of = s
        .part_of
        .as_ref()
        .and_then(|p| graph.node(p.as_str()))
        .map(|n| name(graph, n));
    field(&mut out, "part of", part_of);
    let sections = [
        ("parts", EdgeKind::PartOf, Incoming),
        ("asserts", EdgeKind::AssertedBy, Incoming),
        ("cited by", EdgeKind::Cites, Incoming),
        ("reviewed", EdgeKind::ReviewedBy, Incoming),
        ("cited as evidence by", EdgeKind::Evidence, Incoming),
    ];
    sections_of(&mut out, graph, ix, &sections);
    defined_at(&mut out, graph, s.origin);
    out
}

/// `name: value`, the value shown through [`visible`] (it may come from a claim file).
fn field(out: &mut String, name: &str, value: Option<String>) {
    if let Some(v) = value {
        let _ = writeln!(out, "{:<13}{}", format!("{name}:"), visible(&v));
    }
}

fn defined_at(out: &mut String, graph: &ClaimGraph, origin: crate::model::Origin) {
    if let Some(path) = graph
        .corpus()
        .files
        .path(origin.file)
        .filter(|_| origin.is_known())
    {
        let _ = writeln!(
            out,
            "defined at: {}:{}:{}",
            visible(&path.display().to_string()),
            origin.line,
            origin.column
        );
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::load::{self, Options};

    /// For every id of the claims in `dir`: what `show` prints from the neighbourhood a warm
    /// cache gives is what it prints from the whole graph, as text and as JSON. Returns the
    /// number of ids.
    fn same_from_every_neighbourhood(dir: &Path) -> usize {
        let cache = tempfile::tempdir().unwrap();
        let load = |focus| {
            let options = Options {
                cache_dir: Some(cache.path().to_path_buf()),
                focus,
                ..Options::default()
            };
            load::load_with(&[dir], &options)
        };
        let whole = load(None);
        assert!(!whole.has_errors(), "{:?}", whole.diagnostics);
        let whole = ClaimGraph::build(whole.corpus).unwrap();
        let mut ids: Vec<String> = whole.ids().map(|id| id.to_string()).collect();
        ids.sort();
        for id in &ids {
            let part = load(Some(id));
            let (read, all) = part.stats.focused.unwrap();
            assert!(read <= all, "{id}");
            let part = ClaimGraph::build(part.corpus).unwrap();
            for format in [OutputFormat::Text, OutputFormat::Json] {
                let shown_from = |g: &ClaimGraph| shown(g, g.node(id).unwrap(), format);
                assert_eq!(shown_from(&part), shown_from(&whole), "{id} {format:?}");
            }
        }
        ids.len()
    }

    #[test]
    fn every_id_of_the_article_shows_the_same_from_its_neighbourhood() {
        let claims = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
        assert!(same_from_every_neighbourhood(&claims) > 100);
    }

    /// Every kind of edge, both ways (see `tests/data/neighbourhood/claims.yaml`).
    #[test]
    fn every_kind_of_edge_shows_the_same_from_its_neighbourhood() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/neighbourhood");
        assert_eq!(same_from_every_neighbourhood(&dir), 6);
    }

    /// A random corpus: `n` claims over `n / 4` sources, each source maybe part of another,
    /// each claim with a speaker, citations (some of one source twice), a verdict whose
    /// evidence names claims and sources, supports and contradicts, and relations with a
    /// strength and a note.
    fn random_corpus(n: usize, seed: u64) -> String {
        let mut rng = seed;
        let mut below = |k: usize| {
            rng = rng
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (rng >> 33) as usize % k.max(1)
        };
        let sources = (n / 4).max(1);
        let mut out = String::from("sources:\n");
        for s in 0..sources {
            let _ = writeln!(out, "  - id: s{s}\n    name: Source {s}");
            if s > 0 && below(2) == 0 {
                let _ = writeln!(out, "    part_of: s{}", below(s));
            }
        }
        out.push_str("claims:\n");
        for i in 0..n {
            let (by, cited) = (below(sources), below(sources));
            let _ = writeln!(out, "  - id: c{i}\n    text: Claim {i}.\n    by: s{by}");
            let _ = writeln!(out, "    sources: [s{by}, s{cited}, s{cited}]");
            if below(3) == 0 {
                let (e, s) = (below(n), below(sources));
                let _ = writeln!(
                    out,
                    "    verdict: {{rating: false, by: s{s}, evidence: [c{e}, s{s}]}}"
                );
            }
            if i > 0 {
                let _ = writeln!(out, "    supports: [c{}]", below(i));
            }
        }
        out.push_str("relations:\n");
        for _ in 0..n / 2 {
            let (a, b) = (below(n), below(n));
            if a != b {
                let _ = writeln!(
                    out,
                    "  - {{from: c{a}, to: c{b}, kind: contradicts, strength: 0.5, note: N.}}"
                );
            }
        }
        out
    }

    #[test]
    fn every_id_of_random_corpora_shows_the_same_from_its_neighbourhood() {
        for seed in 0..4 {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("a.yaml"), random_corpus(40, seed)).unwrap();
            assert_eq!(same_from_every_neighbourhood(dir.path()), 50);
        }
    }
}

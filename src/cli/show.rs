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

/// Runs `show`.
pub fn run(cli: &Cli, ctx: &Context, args: &ShowArgs) -> Result<(), Failure> {
    let graph = super::load_graph_around(ctx, &cli.claims, &args.id)?;
    let ix = lookup(&graph, &args.id)?;
    let shown = match (graph.get(ix), args.format) {
        (Some(NodeRef::Claim(c)), OutputFormat::Json) => output::json(&ShownClaim {
            view: ClaimView::new(&graph, ix, c),
            quotes: desk::quote_places(graph.corpus(), c)
                .into_iter()
                .flatten()
                .collect(),
        }),
        (Some(NodeRef::Source(s)), OutputFormat::Json) => {
            output::json(&SourceView::new(&graph, ix, s))
        }
        (Some(NodeRef::Claim(c)), OutputFormat::Text) => output::stdout(&claim_text(&graph, ix, c)),
        (Some(NodeRef::Source(s)), OutputFormat::Text) => {
            output::stdout(&source_text(&graph, ix, s))
        }
        (None, _) => Ok(()),
    };
    super::keep_until_exit(graph);
    shown
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

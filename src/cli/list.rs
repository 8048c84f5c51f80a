//! `claimgraph list`: claims or sources, one per line, filtered by tag, speaker or rating.

use std::fmt::Write as _;

use super::args::{Cli, ListArgs, ListWhat, OutputFormat};
use super::{Context, Failure, lookup, output};
use crate::graph::{ClaimGraph, Selection};
use crate::model::Rating;
use crate::query::{ClaimView, SourceView};

/// Runs `list`.
pub fn run(cli: &Cli, ctx: &Context, args: &ListArgs) -> Result<(), Failure> {
    let graph = super::load_graph(ctx, &cli.claims)?;
    let selection = selection(&graph, args)?;
    match args.what {
        ListWhat::Claims => claims(&graph, &selection, args.format),
        ListWhat::Sources => sources(&graph, args.format),
    }
}

fn selection(graph: &ClaimGraph, args: &ListArgs) -> Result<Selection, Failure> {
    let by = match &args.by {
        Some(by) => {
            let ix = lookup(graph, by)?;
            Some(
                graph
                    .get(ix)
                    .map(|n| n.id().clone())
                    .ok_or(Failure::Invalid)?,
            )
        }
        None => None,
    };
    let rating = match &args.rating {
        Some(r) => Some(r.parse::<Rating>().map_err(|e| {
            let hint = crate::suggest::hint(r, Rating::NAMES.iter().copied());
            Failure::Usage(format!("unknown rating {e}"), hint)
        })?),
        None => None,
    };
    Ok(Selection {
        tags: args.tag.clone(),
        by,
        rating,
        ..Selection::default()
    })
}

fn claims(graph: &ClaimGraph, selection: &Selection, format: OutputFormat) -> Result<(), Failure> {
    let matching: Vec<_> = graph
        .claims()
        .filter(|(_, c)| selection.matches(c))
        .collect();
    if format == OutputFormat::Json {
        let views: Vec<ClaimView<'_>> = matching
            .iter()
            .map(|&(ix, c)| ClaimView::new(graph, ix, c))
            .collect();
        return output::json(&views);
    }
    if matching.is_empty() {
        return output::stdout("no claims match\n");
    }
    let width = matching
        .iter()
        .map(|(_, c)| c.id.as_str().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (_, c) in &matching {
        let rating = c
            .verdict
            .as_ref()
            .map(|v| format!("[{}] ", v.rating))
            .unwrap_or_default();
        let _ = writeln!(out, "{:<width$}  {rating}{}", c.id, c.text);
    }
    output::stdout(&out)
}

fn sources(graph: &ClaimGraph, format: OutputFormat) -> Result<(), Failure> {
    if format == OutputFormat::Json {
        let views: Vec<SourceView<'_>> = graph
            .sources()
            .map(|(ix, s)| SourceView::new(graph, ix, s))
            .collect();
        return output::json(&views);
    }
    if graph.source_count() == 0 {
        return output::stdout("no sources\n");
    }
    let width = graph
        .sources()
        .map(|(_, s)| s.id.as_str().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (_, s) in graph.sources() {
        let kind = s.kind.map(|k| format!(" ({k})")).unwrap_or_default();
        let _ = writeln!(out, "{:<width$}  {}{kind}", s.id, s.name);
    }
    output::stdout(&out)
}

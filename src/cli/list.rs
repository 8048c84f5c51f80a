//! `claimgraph list`: the claims or sources of a selection, one per line.

use std::fmt::Write as _;

use super::args::{Cli, ListArgs, ListWhat, TableFormat};
use super::{Context, Failure, output, select};
use crate::query::{ClaimView, SourceView};

/// Runs `list`.
pub fn run(cli: &Cli, ctx: &Context, args: &ListArgs) -> Result<(), Failure> {
    let graph = super::load_graph(ctx, &cli.claims)?;
    let selection = args.selection.selection(&graph, false)?;
    // Membership comes from the selection; each item's neighbourhood from the whole graph.
    let kept = select::apply(graph.clone(), &selection);
    let has = |id: &crate::model::Id| kept.node(id.as_str()).is_some();
    match args.what {
        ListWhat::Claims => {
            let claims: Vec<_> = graph.claims().filter(|(_, c)| has(&c.id)).collect();
            match args.format {
                TableFormat::Json => output::json(
                    &claims
                        .iter()
                        .map(|&(ix, c)| ClaimView::new(&graph, ix, c))
                        .collect::<Vec<_>>(),
                ),
                format => output::stdout(&claim_lines(&claims, format)),
            }
        }
        ListWhat::Sources => {
            let sources: Vec<_> = graph.sources().filter(|(_, s)| has(&s.id)).collect();
            match args.format {
                TableFormat::Json => output::json(
                    &sources
                        .iter()
                        .map(|&(ix, s)| SourceView::new(&graph, ix, s))
                        .collect::<Vec<_>>(),
                ),
                format => output::stdout(&source_lines(&sources, format)),
            }
        }
    }
}

type Claims<'a> = [(petgraph::stable_graph::NodeIndex, &'a crate::model::Claim)];
type Sources<'a> = [(petgraph::stable_graph::NodeIndex, &'a crate::model::Source)];

fn claim_lines(claims: &Claims<'_>, format: TableFormat) -> String {
    if claims.is_empty() && format == TableFormat::Text {
        return "no claims match\n".into();
    }
    let width = claims.iter().map(|(_, c)| c.id.as_str().len()).max();
    let mut out = String::new();
    for (_, c) in claims {
        let rating = c.verdict.as_ref().map(|v| v.rating.as_str());
        let _ = match format {
            TableFormat::Tsv => writeln!(
                out,
                "{}\t{}\t{}",
                c.id,
                rating.unwrap_or(""),
                output::tsv_field(&c.text)
            ),
            _ => writeln!(
                out,
                "{:<width$}  {}{}",
                c.id,
                rating.map(|r| format!("[{r}] ")).unwrap_or_default(),
                c.text,
                width = width.unwrap_or(0)
            ),
        };
    }
    out
}

fn source_lines(sources: &Sources<'_>, format: TableFormat) -> String {
    if sources.is_empty() && format == TableFormat::Text {
        return "no sources match\n".into();
    }
    let width = sources.iter().map(|(_, s)| s.id.as_str().len()).max();
    let mut out = String::new();
    for (_, s) in sources {
        let kind = s.kind.map(|k| k.as_str());
        let _ = match format {
            TableFormat::Tsv => writeln!(
                out,
                "{}\t{}\t{}",
                s.id,
                kind.unwrap_or(""),
                output::tsv_field(&s.name)
            ),
            _ => writeln!(
                out,
                "{:<width$}  {}{}",
                s.id,
                s.name,
                kind.map(|k| format!(" ({k})")).unwrap_or_default(),
                width = width.unwrap_or(0)
            ),
        };
    }
    out
}

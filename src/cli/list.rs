//! `claimgraph list`: the claims or sources of a selection, one per line.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::args::{Cli, ListArgs, ListWhat, TableFormat};
use super::{Context, Failure, output, select};
use crate::model::Id;
use crate::query::{ClaimView, SourceView};
use crate::text::visible;

/// Runs `list`.
pub fn run(cli: &Cli, ctx: &Context, args: &ListArgs) -> Result<(), Failure> {
    let graph = super::load_graph(ctx, &cli.claims)?;
    let selection = args.selection.selection(&graph, false)?;
    // Membership comes from the selection; each item's neighbourhood from the whole graph.
    let kept = select::apply(graph.clone(), &selection);
    let has = |id: &Id| kept.node(id.as_str()).is_some();
    match (args.what, args.format) {
        (ListWhat::Claims, TableFormat::Json) => output::json(
            &graph
                .claims()
                .filter(|(_, c)| has(&c.id))
                .map(|(ix, c)| ClaimView::new(&graph, ix, c))
                .collect::<Vec<_>>(),
        ),
        (ListWhat::Sources, TableFormat::Json) => output::json(
            &graph
                .sources()
                .filter(|(_, s)| has(&s.id))
                .map(|(ix, s)| SourceView::new(&graph, ix, s))
                .collect::<Vec<_>>(),
        ),
        (ListWhat::Claims, format) => {
            let rows = graph
                .claims()
                .filter(|(_, c)| has(&c.id))
                .map(|(_, c)| Row {
                    id: &c.id,
                    label: c.verdict.as_ref().map(|v| v.rating.as_str()),
                    text: visible(&c.text),
                    label_first: true,
                });
            output::stdout(&lines(rows.collect(), format, "no claims match"))
        }
        (ListWhat::Sources, format) => {
            let rows = graph
                .sources()
                .filter(|(_, s)| has(&s.id))
                .map(|(_, s)| Row {
                    id: &s.id,
                    label: s.kind.map(|k| k.as_str()),
                    text: visible(&s.name),
                    label_first: false,
                });
            output::stdout(&lines(rows.collect(), format, "no sources match"))
        }
    }
}

/// One listed item: a claim with its rating, or a source with its kind.
struct Row<'a> {
    id: &'a Id,
    label: Option<&'a str>,
    /// The text, shown through [`visible`]: a line break in it must not fake a row.
    text: Cow<'a, str>,
    /// Text shows `[label] text` (a rating) rather than `text (label)` (a kind).
    label_first: bool,
}

/// Aligned text (`empty` when there is nothing), or TSV rows `id, label, text`.
fn lines(rows: Vec<Row<'_>>, format: TableFormat, empty: &str) -> String {
    if rows.is_empty() && format == TableFormat::Text {
        return format!("{empty}\n");
    }
    let width = rows.iter().map(|r| r.id.as_str().len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in &rows {
        let label = r.label.unwrap_or("");
        let _ = match (format, r.label, r.label_first) {
            (TableFormat::Tsv, ..) => {
                let text = output::tsv_field(&r.text);
                writeln!(out, "{}\t{label}\t{text}", r.id)
            }
            (_, Some(l), true) => writeln!(out, "{:<width$}  [{l}] {}", r.id, r.text),
            (_, Some(l), false) => writeln!(out, "{:<width$}  {} ({l})", r.id, r.text),
            (_, None, _) => writeln!(out, "{:<width$}  {}", r.id, r.text),
        };
    }
    out
}

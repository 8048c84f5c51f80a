//! `claimgraph review`: the fact-checker's queue ([`crate::review`]), printed as aligned
//! text, JSON or TSV; `--deny` fails when it is not empty, for CI.

use std::fmt::Write as _;

use clap::Args;

use super::args::{Cli, SelectionArgs, TableFormat};
use super::{Context, Failure, output, select};
use crate::review::{Item, queue};
use crate::text::visible;

/// `review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Output format (JSON: a list of `{"reason", "id", "detail", "file", "line"}`; TSV: those
    /// five fields in that order).
    #[arg(long, value_enum, default_value_t)]
    pub format: TableFormat,
    /// Exit with status 1 when the queue is not empty.
    #[arg(long)]
    pub deny: bool,
    /// Which claims and sources.
    #[command(flatten)]
    pub selection: SelectionArgs,
}

/// Runs `review`.
pub fn run(cli: &Cli, ctx: &Context, args: &ReviewArgs) -> Result<(), Failure> {
    let graph = super::load_graph(ctx, &cli.claims)?;
    let selection = args.selection.selection(&graph, false)?;
    // The queue comes from the whole graph (eval weighs every argument); the selection says
    // which of its items to show.
    let mut items = ctx.timings.time("review", || queue(&graph));
    if !selection.is_everything() {
        let kept = select::apply(graph.clone(), &selection);
        items.retain(|i| kept.node(i.id.as_str()).is_some());
    }
    match args.format {
        TableFormat::Json => output::json(&items)?,
        TableFormat::Tsv => output::stdout(&tsv(&items))?,
        TableFormat::Text => output::stdout(&text(&items))?,
    }
    super::keep_until_exit(graph);
    if args.deny && !items.is_empty() {
        return Err(Failure::Invalid);
    }
    Ok(())
}

/// One aligned line per item: reason, id, `file:line`, detail.
fn text(items: &[Item]) -> String {
    if items.is_empty() {
        return "nothing to review\n".into();
    }
    let at = |i: &Item| format!("{}:{}", i.file, i.line);
    let width = items.iter().map(|i| i.id.as_str().len()).max().unwrap_or(0);
    let at_width = items
        .iter()
        .map(|i| at(i).chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for i in items {
        let (reason, at) = (i.reason.as_str(), at(i));
        let line = format!(
            "{reason:<21}  {:<width$}  {at:<at_width$}  {}",
            i.id, i.detail
        );
        let _ = writeln!(out, "{}", visible(&line));
    }
    let n = items.len();
    let _ = writeln!(out, "{n} item{} to review", if n == 1 { "" } else { "s" });
    out
}

/// `reason, id, detail, file, line`, tab-separated, no header.
fn tsv(items: &[Item]) -> String {
    let mut out = String::new();
    for i in items {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            i.reason.as_str(),
            i.id,
            output::tsv_field(&i.detail),
            output::tsv_field(&i.file),
            i.line
        );
    }
    out
}

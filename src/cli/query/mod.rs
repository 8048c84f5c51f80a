//! `claimgraph query NAME ...`: ask a question of the (selected) graph and print the answer
//! as aligned text, JSON or TSV. The library answers ([`crate::query`]); this module parses the
//! arguments and renders.

mod structure;
mod summary;
mod support;
mod text;

use clap::{Args, Subcommand};

use super::args::{Cli, TableFormat};
use super::paint::Paint;
use super::select::SelectionArgs;
use super::stderr::note;
use super::{Context, Failure, output};
use crate::graph::{ClaimGraph, UnknownId};
use crate::query::{self, Limit, QueryError};

/// `query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The question.
    #[command(subcommand)]
    pub query: QueryCommand,
}

/// The questions.
#[derive(Debug, Subcommand)]
pub enum QueryCommand {
    /// Claims that argue for a claim: its supporters, and with `--depth`/`--all` the attackers
    /// of its attackers and so on, each with the chain that links it.
    Supporters(ReachArgs),
    /// Claims that argue against a claim: its attackers, and with `--depth`/`--all` the
    /// attackers of its supporters and so on, each with the chain that links it.
    Attackers(ReachArgs),
    /// How one claim bears on another: the shortest chain, or with `--all` every simple chain.
    Path(PathArgs),
    /// The support tree of a claim down to its sources and evidence.
    Why(ClaimArgs),
    /// Every claim whose support runs through a claim: what loses support if it falls.
    Impact(ClaimArgs),
    /// Contradictions: direct ones, between supporters of one claim, within one source.
    Conflicts(CommonArgs),
    /// Claims with neither a source nor a supporting claim.
    Unsupported(CommonArgs),
    /// Support cycles (circular reasoning).
    Cycles(CommonArgs),
    /// Claims ranked by influence (PageRank over supports and contradicts).
    Central(CentralArgs),
    /// Counts of claims, sources, ratings, tags, relations and components.
    Stats(CommonArgs),
}

/// What every query takes.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Output format (`tsv`: one row per line, no header).
    #[arg(long, value_enum, default_value_t)]
    pub format: TableFormat,
    /// The part of the graph to ask about.
    #[command(flatten)]
    pub selection: SelectionArgs,
}

/// `supporters` and `attackers`.
#[derive(Debug, Args)]
pub struct ReachArgs {
    /// The claim.
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::cli::completions::claim_ids))]
    pub id: String,
    /// Follow chains of any length (`--depth N`: at most N relations; default 1, direct).
    #[arg(long)]
    pub all: bool,
    /// List only the nearest N claims (0 for all).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub limit: usize,
    /// Format and selection.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `path`.
#[derive(Debug, Args)]
pub struct PathArgs {
    /// The claim the chains start at.
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::cli::completions::claim_ids))]
    pub from: String,
    /// The claim they end at.
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::cli::completions::claim_ids))]
    pub to: String,
    /// Every simple chain up to `--max-len` relations, not just the shortest.
    #[arg(long)]
    pub all: bool,
    /// With `--all`: the longest chain to look for.
    #[arg(long, value_name = "N", default_value_t = 6, requires = "all")]
    pub max_len: usize,
    /// With `--all`: stop after this many chains.
    #[arg(long, value_name = "N", default_value_t = 100, requires = "all")]
    pub limit: usize,
    /// Format and selection.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `why` and `impact`.
#[derive(Debug, Args)]
pub struct ClaimArgs {
    /// The claim.
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::cli::completions::claim_ids))]
    pub id: String,
    /// Print only the first N lines of the tree (`why`) or the nearest N claims (`impact`);
    /// 0 for all.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub limit: usize,
    /// Format and selection.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `central`.
#[derive(Debug, Args)]
pub struct CentralArgs {
    /// How many claims to list (0 for all).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Format and selection.
    #[command(flatten)]
    pub common: CommonArgs,
}

impl QueryCommand {
    pub fn common(&self) -> &CommonArgs {
        match self {
            QueryCommand::Supporters(a) | QueryCommand::Attackers(a) => &a.common,
            QueryCommand::Path(a) => &a.common,
            QueryCommand::Why(a) | QueryCommand::Impact(a) => &a.common,
            QueryCommand::Central(a) => &a.common,
            QueryCommand::Conflicts(a)
            | QueryCommand::Unsupported(a)
            | QueryCommand::Cycles(a)
            | QueryCommand::Stats(a) => a,
        }
    }
}

/// An answer the CLI can print in every format.
pub trait Render: serde::Serialize {
    /// Aligned text for people.
    fn text(&self, p: &Paint) -> String;
    /// Tab-separated rows.
    fn tsv(&self) -> String;
    /// `(shown, total, what)` when a `--limit` left some of the answer out.
    fn left_out(&self) -> Option<(usize, usize, &'static str)> {
        None
    }
}

/// Prints `answer`; when a `--limit` cut it, says so after the text, or on stderr after TSV
/// (JSON answers carry `total` and `truncated`).
fn emit<T: Render>(answer: &T, format: TableFormat, p: &Paint) -> Result<(), Failure> {
    let note = answer.left_out().map(|(shown, total, what)| {
        format!(
            "{} more {what} not shown (`--limit 0` shows all {total})",
            total - shown
        )
    });
    match format {
        TableFormat::Json => output::json(answer),
        TableFormat::Text => {
            let note = note.map(|n| format!("  {}\n", p.dim(&format!("… {n}"))));
            output::stdout(&(answer.text(p) + &note.unwrap_or_default()))
        }
        TableFormat::Tsv => {
            output::stdout(&answer.tsv())?;
            if let Some(note) = note {
                note!("note: {note}");
            }
            Ok(())
        }
    }
}

/// Runs `query`.
pub fn run(cli: &Cli, ctx: &Context, args: &QueryArgs) -> Result<(), Failure> {
    let common = args.query.common();
    let full = super::load_graph(ctx, &cli.claims)?;
    let reach = matches!(
        args.query,
        QueryCommand::Supporters(_) | QueryCommand::Attackers(_)
    );
    let selection = common.selection.selection(&full, reach)?;
    let selected;
    let graph = if selection.is_everything() {
        &full
    } else {
        selected = selection.apply(&full);
        &selected
    };
    let p = Paint::new(ctx.color_stdout);
    let fail = |e: QueryError| failure(e, &full, graph);
    let format = common.format;
    let depth = |a: &ReachArgs| (!a.all).then(|| common.selection.depth.unwrap_or(1));
    match &args.query {
        QueryCommand::Supporters(a) => {
            let answer = query::supporters(graph, &a.id, depth(a)).map_err(fail)?;
            emit(&answer.limited(Limit::from_flag(a.limit)), format, &p)
        }
        QueryCommand::Attackers(a) => {
            let answer = query::attackers(graph, &a.id, depth(a)).map_err(fail)?;
            emit(&answer.limited(Limit::from_flag(a.limit)), format, &p)
        }
        QueryCommand::Path(a) if a.all => {
            let paths = query::all_paths(graph, &a.from, &a.to, a.max_len, a.limit);
            emit(&paths.map_err(fail)?, format, &p)
        }
        QueryCommand::Path(a) => emit(
            &query::path(graph, &a.from, &a.to).map_err(fail)?,
            format,
            &p,
        ),
        QueryCommand::Why(a) => {
            let answer = query::why(graph, &a.id).map_err(fail)?;
            emit(&answer.limited(Limit::from_flag(a.limit)), format, &p)
        }
        QueryCommand::Impact(a) => {
            let answer = query::impact(graph, &a.id).map_err(fail)?;
            emit(&answer.limited(Limit::from_flag(a.limit)), format, &p)
        }
        QueryCommand::Conflicts(_) => emit(&query::conflicts(graph), format, &p),
        QueryCommand::Unsupported(_) => emit(&query::unsupported(graph), format, &p),
        QueryCommand::Cycles(_) => emit(&query::cycles(graph), format, &p),
        QueryCommand::Central(a) => emit(
            &query::central(graph, (a.top > 0).then_some(a.top)),
            format,
            &p,
        ),
        QueryCommand::Stats(_) => emit(&query::stats(graph), format, &p),
    }
}

/// A query error as a usage error; an id that exists but was left out by the selection says so.
fn failure(e: QueryError, full: &ClaimGraph, selected: &ClaimGraph) -> Failure {
    if let QueryError::UnknownId(UnknownId { id, .. }) = &e
        && full.node(id).is_some()
        && selected.node(id).is_none()
    {
        return Failure::Usage(
            format!("`{id}` is not in the selection"),
            Some("drop or widen the selection flags (`--around`, `--tag`, `--where`, ...)".into()),
        );
    }
    crate::Error::from(e).into()
}

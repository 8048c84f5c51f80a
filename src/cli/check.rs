//! `claimgraph check`: every problem in the claim files, located, then a one-line summary.

use super::args::{CheckArgs, Cli, OutputFormat};
use super::{Context, Failure, output};
use crate::graph::ClaimGraph;
use crate::load::{DiagnosticJson, Renderer};

/// Runs `check`.
pub fn run(cli: &Cli, ctx: &Context, args: &CheckArgs) -> Result<(), Failure> {
    let paths = if args.paths.is_empty() {
        vec![cli.claims.clone()]
    } else {
        args.paths.clone()
    };
    let report = check(ctx, &paths);
    let failed = report
        .diagnostics
        .iter()
        .any(|d| d.is_error() || args.deny_warnings);
    match args.format {
        OutputFormat::Json => {
            let json: Vec<DiagnosticJson<'_>> = report
                .diagnostics
                .iter()
                .map(DiagnosticJson::from)
                .collect();
            output::json(&json)?;
        }
        OutputFormat::Text => {
            let mut renderer = Renderer::new(ctx.color_stdout);
            let mut text: String = report
                .diagnostics
                .iter()
                .map(|d| renderer.render(d))
                .collect();
            text.push_str(&crate::load::summary(&report.diagnostics, report.files));
            text.push('\n');
            output::stdout(&text)?;
        }
    }
    if failed {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}

/// [`crate::check::check_paths`] with the cache, the progress bar and each phase timed.
fn check(ctx: &Context, paths: &[std::path::PathBuf]) -> crate::check::Report {
    let loaded = super::load(ctx, paths);
    let files = loaded.corpus.files.len();
    let mut diagnostics = loaded.diagnostics;
    if let Ok(graph) = ctx
        .timings
        .time("graph build", || ClaimGraph::build(loaded.corpus))
    {
        diagnostics.extend(ctx.timings.time("lints", || crate::check::lint(&graph)));
        super::keep_until_exit(graph);
    }
    diagnostics.sort();
    crate::check::Report { diagnostics, files }
}

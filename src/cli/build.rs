//! `claimgraph build`: check the claims, then write every diagram into `output/`.

use super::args::{BuildArgs, Cli};
use super::stderr::note;
use super::{Context, Failure, print_diagnostics};
use crate::build::build;
use crate::format::UsedRenderer;

/// Runs `build`.
pub fn run(cli: &Cli, ctx: &Context, args: &BuildArgs) -> Result<(), Failure> {
    // One load (through the cache) serves both the check and the build.
    let (report, graph) = crate::check::check_loaded(super::load(ctx, &[&cli.claims]));
    let failed = report
        .diagnostics
        .iter()
        .any(|d| d.is_error() || args.deny_warnings);
    if !report.diagnostics.is_empty() || failed {
        print_diagnostics(ctx, &report.diagnostics, report.files, false);
    }
    let Some(graph) = graph.filter(|_| !failed) else {
        return Err(Failure::Invalid);
    };
    let done = build(&graph, &args.out, args.renderer).map_err(crate::Error::from)?;
    for path in &done.written {
        note!("wrote {}", path.display());
    }
    for path in &done.removed {
        note!("removed {} (its theme is gone)", path.display());
    }
    for used in &done.renderers {
        let why = match used {
            UsedRenderer::Graphviz => "Graphviz `dot`",
            UsedRenderer::Embedded if crate::format::svg::graphviz_available() => {
                "the embedded renderer"
            }
            UsedRenderer::Embedded => "the embedded renderer (Graphviz `dot` is not on PATH)",
            UsedRenderer::EmbeddedAfterGraphvizFailed => {
                "the embedded renderer where Graphviz `dot` failed"
            }
        };
        note!("SVG drawn by {why}");
    }
    note!(
        "{} claims, {} sources: {} files written, {} unchanged in {}",
        graph.claim_count(),
        graph.source_count(),
        done.written.len(),
        done.unchanged.len(),
        args.out.display()
    );
    Ok(())
}

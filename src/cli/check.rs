//! `claimgraph check`: every problem in the claim files, located, then a one-line summary.

use super::args::{CheckArgs, Cli, OutputFormat};
use super::{Context, Failure, output};
use crate::load::{DiagnosticJson, Renderer};

/// Runs `check`.
pub fn run(cli: &Cli, ctx: &Context, args: &CheckArgs) -> Result<(), Failure> {
    let paths = if args.paths.is_empty() {
        vec![cli.claims.clone()]
    } else {
        args.paths.clone()
    };
    let report = crate::check::check_paths(&paths);
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

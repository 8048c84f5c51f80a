//! `claimgraph export dot|svg`: the whole graph as one diagram.

use super::args::{Cli, ExportArgs, ExportFormat, RendererChoice};
use super::{Context, Failure, output};
use crate::format::{self, ExportOptions, Format, Renderer};

/// The library's renderer for a `--renderer` choice.
pub fn renderer(choice: RendererChoice) -> Renderer {
    match choice {
        RendererChoice::Auto => Renderer::Auto,
        RendererChoice::Graphviz => Renderer::Graphviz,
        RendererChoice::Embedded => Renderer::Embedded,
    }
}

/// Runs `export`.
pub fn run(cli: &Cli, ctx: &Context, args: &ExportArgs) -> Result<(), Failure> {
    let graph = super::load_graph(ctx, &cli.claims)?;
    let selection = args.selection.selection(&graph, false)?;
    let graph = super::select::apply(graph, &selection);
    let format = match args.format {
        ExportFormat::Dot => Format::Dot,
        ExportFormat::Svg => Format::Svg,
    };
    let options = ExportOptions {
        title: args.title.clone(),
        renderer: renderer(args.renderer),
    };
    let exported =
        format::export(&graph, format, &options).map_err(|e| Failure::Error(e.into()))?;
    if let Some(used) = exported.renderer {
        eprintln!("rendered SVG with the {used} renderer");
    }
    match &args.output {
        Some(path) => output::file(path, &exported.text),
        None => output::stdout(&exported.text),
    }
}

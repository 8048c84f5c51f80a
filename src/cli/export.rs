//! `claimgraph export FORMAT`: the whole graph as a diagram or in another tool's format.

use std::path::Path;

use super::args::{Cli, ExportArgs, ExportFormat, RendererChoice};
use super::{Context, Failure, output};
use crate::format::{self, ExportOptions, Format, Loss, Renderer};

/// The library's renderer for a `--renderer` choice.
pub fn renderer(choice: RendererChoice) -> Renderer {
    match choice {
        RendererChoice::Auto => Renderer::Auto,
        RendererChoice::Graphviz => Renderer::Graphviz,
        RendererChoice::Embedded => Renderer::Embedded,
    }
}

/// The library's format for an export format.
fn format(choice: ExportFormat) -> Format {
    match choice {
        ExportFormat::Dot => Format::Dot,
        ExportFormat::Svg => Format::Svg,
        ExportFormat::Json => Format::Json,
        ExportFormat::Argdown => Format::Argdown,
        ExportFormat::Aif => Format::Aif,
        ExportFormat::Claimreview => Format::Claimreview,
        ExportFormat::Graphml => Format::Graphml,
        ExportFormat::Mermaid => Format::Mermaid,
        ExportFormat::Neo4j => Format::Neo4j,
    }
}

/// Runs `export`.
pub fn run(cli: &Cli, ctx: &Context, args: &ExportArgs) -> Result<(), Failure> {
    let format = format(args.format);
    if format == Format::Neo4j && args.output.is_none() {
        return Err(Failure::Usage(
            "`neo4j` writes several files: pass `-o DIR`".into(),
            Some("for example `claimgraph export neo4j -o neo4j/`".into()),
        ));
    }
    let graph = super::load_graph(ctx, &cli.claims)?;
    let options = ExportOptions {
        title: args.title.clone(),
        renderer: renderer(args.renderer),
    };
    let exported =
        format::export(&graph, format, &options).map_err(|e| Failure::Error(e.into()))?;
    if let Some(used) = exported.renderer {
        eprintln!("rendered SVG with the {used} renderer");
    }
    report_losses(format, &exported.losses, args.strict)?;
    match &args.output {
        Some(dir) if !exported.files.is_empty() => write_dir(dir, &exported.files),
        Some(path) => output::file(path, &exported.text),
        None => output::stdout(&exported.text),
    }
}

/// Prints each loss on its own line to stderr; with `strict`, any loss stops the command.
pub fn report_losses(format: Format, losses: &[Loss], strict: bool) -> Result<(), Failure> {
    for loss in losses {
        eprintln!("lost: {loss}");
    }
    if strict && !losses.is_empty() {
        return Err(Failure::Error(crate::Error::Lossy {
            format: format.to_string(),
            count: losses.len(),
        }));
    }
    Ok(())
}

fn write_dir(dir: &Path, files: &[(String, String)]) -> Result<(), Failure> {
    std::fs::create_dir_all(dir).map_err(|source| {
        Failure::Error(crate::Error::Io {
            action: "create",
            path: dir.to_path_buf(),
            source,
        })
    })?;
    for (name, text) in files {
        output::file(&dir.join(name), text)?;
    }
    Ok(())
}

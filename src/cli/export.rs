//! `claimgraph export dot|svg`: the whole graph as one diagram.

use super::args::{Cli, ExportArgs, StyleArgs};
use super::stderr::note;
use super::{Context, Failure, output, target};
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use crate::eval::Framework;
use crate::format::claimreview::{Incomplete, ReviewUrls};
use crate::format::{self, Document, ExportOptions, Format, Loss};
use crate::graph::ClaimGraph;
use crate::model::Style;
use crate::text::visible;

/// Runs `export`.
pub fn run(cli: &Cli, ctx: &Context, args: &ExportArgs) -> Result<(), Failure> {
    let format = args.format;
    if format == Format::Neo4j && args.output.is_none() {
        return Err(needs_dir());
    }
    if format == Format::Png && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "`png` is binary and standard output is a terminal: pass `-o FILE`".into(),
            Some("for example `claimgraph export png -o graph.png`".into()),
        ));
    }
    let graph = super::load_graph(ctx, &cli.claims)?;
    if let Some(path) = &args.output {
        let inputs = || graph.corpus().files.iter().map(|(_, p)| p);
        target::refuse_input(path, inputs())?;
        if format.attack_graph().is_some() {
            target::refuse_input(&map_file(path), inputs())?;
        }
    }
    let style = args.style.style(&graph)?;
    let mut options = ExportOptions::styled(&graph, &style, args.title.clone(), args.renderer)
        .map_err(|e| Failure::Error(e.into()))?;
    options.review_urls = review_urls(format, args.base_url.as_deref())?;
    let selection = args.selection.selection(&graph, false)?;
    let graph = super::select::apply(graph, &selection);
    let exported =
        format::export(&graph, format, &options).map_err(|e| Failure::Error(e.into()))?;
    if let Some(used) = exported.renderer {
        note!("rendered SVG with the {used} renderer");
    }
    report_incomplete(&exported.incomplete, args.strict)?;
    report_losses(format, &exported.losses, args.strict)?;
    write(&graph, format, exported.document, args.output.as_deref())
}

/// Writes the document to `path`, or to standard output without one.
fn write(
    graph: &ClaimGraph,
    format: Format,
    document: Document,
    path: Option<&Path>,
) -> Result<(), Failure> {
    match (document, path) {
        (Document::Text(text), path) if format.attack_graph().is_some() => {
            attack_graph(graph, &text, path)
        }
        (Document::Text(text), Some(path)) => {
            target::create_parent(path)?;
            output::file(path, &text)
        }
        (Document::Text(text), None) => output::stdout(&text),
        (Document::Bytes(bytes), Some(path)) => {
            target::create_parent(path)?;
            output::bytes_file(path, &bytes)
        }
        (Document::Bytes(bytes), None) => output::stdout_bytes(&bytes),
        (Document::Files(files), Some(dir)) => write_dir(dir, &files, graph),
        (Document::Files(_), None) => Err(needs_dir()),
    }
}

/// `neo4j` without `-o DIR`.
fn needs_dir() -> Failure {
    Failure::Usage(
        "`neo4j` writes several files: pass `-o DIR`".into(),
        Some("for example `claimgraph export neo4j -o neo4j/`".into()),
    )
}

/// Where ClaimReview `url`s point: `--base-url`, which only `claimreview` takes and which
/// must be an absolute `http` or `https` URL.
fn review_urls(format: Format, base: Option<&str>) -> Result<ReviewUrls, Failure> {
    let Some(base) = base else {
        return Ok(ReviewUrls::Absolute(None));
    };
    if format != Format::Claimreview {
        return Err(Failure::Usage(
            format!("`--base-url` is for `claimreview`, not `{format}`"),
            None,
        ));
    }
    if !(base.starts_with("https://") || base.starts_with("http://"))
        || base.contains(char::is_whitespace)
    {
        return Err(Failure::Usage(
            format!(
                "`--base-url` must be an absolute `http` or `https` URL, not `{}`",
                visible(base)
            ),
            Some("for example `--base-url https://example.org/fact-checks`".into()),
        ));
    }
    Ok(ReviewUrls::Absolute(Some(base.to_string())))
}

/// Prints each rated claim left out of a ClaimReview for lack of a field Google requires;
/// with `strict`, any stops the command (exit 1) before anything is written.
fn report_incomplete(incomplete: &[Incomplete], strict: bool) -> Result<(), Failure> {
    let label = if strict { "error" } else { "left out" };
    for i in incomplete {
        note!("{label}: {}", visible(&i.to_string()));
    }
    if strict && !incomplete.is_empty() {
        note!(
            "error: {} rated claims lack a field Google's ClaimReview requires; nothing written",
            incomplete.len()
        );
        return Err(Failure::Invalid);
    }
    Ok(())
}

/// Writes an attack graph and, beside it, `FILE.map.tsv` from argument numbers to claim ids.
fn attack_graph(graph: &ClaimGraph, text: &str, path: Option<&Path>) -> Result<(), Failure> {
    let Some(path) = path else {
        note!(
            "note: arguments are numbered in claim order; `-o FILE` also writes `FILE.map.tsv` with their ids"
        );
        return output::stdout(text);
    };
    target::create_parent(path)?;
    output::file(path, text)?;
    let map = map_file(path);
    output::file(&map, &format::af::map_tsv(&Framework::from_graph(graph)))?;
    note!("wrote {} and {}", path.display(), map.display());
    Ok(())
}

/// `FILE.map.tsv`, written beside an attack graph `FILE`.
fn map_file(path: &Path) -> PathBuf {
    let mut map = path.as_os_str().to_owned();
    map.push(".map.tsv");
    PathBuf::from(map)
}

/// Prints each loss on its own line to stderr; with `strict`, any loss stops the command.
pub fn report_losses(format: Format, losses: &[Loss], strict: bool) -> Result<(), Failure> {
    for loss in losses {
        note!("lost: {loss}");
    }
    if strict && !losses.is_empty() {
        return Err(Failure::Error(crate::Error::Lossy {
            format: format.to_string(),
            count: losses.len(),
        }));
    }
    Ok(())
}

/// Writes several files into `dir` (made if missing), none of them over a claim file.
fn write_dir(dir: &Path, files: &[(String, String)], graph: &ClaimGraph) -> Result<(), Failure> {
    for (name, _) in files {
        target::refuse_input(&dir.join(name), graph.corpus().files.iter().map(|(_, p)| p))?;
    }
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

impl StyleArgs {
    /// The style these flags describe, with `--focus` checked against `graph`.
    pub fn style(&self, graph: &ClaimGraph) -> Result<Style, Failure> {
        let focus = match self.focus.as_deref() {
            Some(text) => {
                let ix = super::lookup(graph, text)?;
                graph.get(ix).map(|n| n.id().clone())
            }
            None => None,
        };
        Ok(Style {
            color_by: self.color_by,
            group_by: self.group_by,
            rankdir: self.rankdir,
            focus,
            sources: self.sources,
        })
    }
}

//! SVG: laid out by Graphviz's `dot` when it is installed, otherwise by an embedded renderer.
//!
//! Graphviz draws the better picture (it routes edges around nodes and places labels), so
//! [`Renderer::Auto`] uses it whenever `dot` is on PATH, feeding it the same DOT as
//! `--format dot`. The embedded renderer (layout-rs plus our own drawing code, in
//! `embedded`) makes SVG export work on a bare machine; it draws the same vocabulary of
//! colours, shapes and line styles, from the `style` module.

mod canvas;
mod document;
mod embedded;
pub mod guard;
mod legend;
mod metrics;
mod scene;

pub use guard::LIMIT as EMBEDDED_LIMIT;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{ExportError, ExportOptions};
use crate::graph::ClaimGraph;
use crate::model::keyword::keyword_enum;

keyword_enum! {
    /// Which renderer to use.
    #[derive(Default)]
    pub enum Renderer {
        /// Graphviz's `dot` when it is on PATH, otherwise the embedded renderer.
        #[default]
        Auto = "auto",
        /// Graphviz's `dot` (fails when it is missing).
        Graphviz = "graphviz",
        /// The embedded pure-Rust renderer.
        Embedded = "embedded",
    }
}

/// Which renderer drew an SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UsedRenderer {
    /// Graphviz's `dot`.
    Graphviz,
    /// The embedded renderer.
    Embedded,
    /// The embedded renderer, because Graphviz's `dot` failed on the diagram.
    EmbeddedAfterGraphvizFailed,
}

/// The SVG of `graph`, drawn by the renderer `options` asks for, and which one drew it.
///
/// # Errors
/// [`ExportError::GraphvizMissing`] when Graphviz is asked for and `dot` is not on PATH,
/// [`ExportError::Graphviz`] when `dot` fails, [`ExportError::TooLarge`] when either renderer
/// would take too long (more nodes than [`guard::limit`]), and [`ExportError::Embedded`] when
/// the embedded renderer fails.
pub fn to_svg(
    graph: &ClaimGraph,
    options: &ExportOptions,
) -> Result<(String, UsedRenderer), ExportError> {
    render(graph, options, find_dot())
}

/// [`to_svg`] with Graphviz's `dot` at `dot` (`None`: not installed).
fn render(
    graph: &ClaimGraph,
    options: &ExportOptions,
    dot: Option<PathBuf>,
) -> Result<(String, UsedRenderer), ExportError> {
    let drawer = match (options.renderer, &dot) {
        (Renderer::Graphviz, _) | (Renderer::Auto, Some(_)) => "Graphviz",
        (Renderer::Embedded, _) | (Renderer::Auto, None) => "the embedded renderer",
    };
    guard::check(graph.petgraph().node_count(), guard::limit()?, drawer)?;
    match (options.renderer, dot) {
        (Renderer::Graphviz, Some(dot)) => {
            let text = run_dot(&dot, &super::dot::to_dot(graph, options))?;
            Ok((text, UsedRenderer::Graphviz))
        }
        (Renderer::Auto, Some(dot)) => match run_dot(&dot, &super::dot::to_dot(graph, options)) {
            Ok(text) => Ok((text, UsedRenderer::Graphviz)),
            // Graphviz installed but failing (old versions crash on some graphs): the
            // embedded renderer still draws the diagram, and the caller is told.
            Err(ExportError::Graphviz(_)) => Ok((
                embedded::render(graph, options)?,
                UsedRenderer::EmbeddedAfterGraphvizFailed,
            )),
            Err(e) => Err(e),
        },
        (Renderer::Graphviz, None) => Err(ExportError::GraphvizMissing),
        (Renderer::Embedded | Renderer::Auto, _) => {
            Ok((embedded::render(graph, options)?, UsedRenderer::Embedded))
        }
    }
}

/// Whether Graphviz's `dot` is on PATH.
pub fn graphviz_available() -> bool {
    find_dot().is_some()
}

/// The path of Graphviz's `dot`, when it is on PATH.
fn find_dot() -> Option<PathBuf> {
    let name = if cfg!(windows) { "dot.exe" } else { "dot" };
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Runs `dot -Tsvg` on `source` and returns its output.
fn run_dot(program: &Path, source: &str) -> Result<String, ExportError> {
    let failed = |e: std::io::Error| {
        ExportError::Graphviz(format!("cannot run `{}`: {e}", program.display()))
    };
    let mut child = Command::new(program)
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(failed)?;
    // Write from another thread: `dot` may fill its output pipe before reading all its input.
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| ExportError::Graphviz("no stdin".into()))?;
    let source = source.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(source.as_bytes()));
    let output = child.wait_with_output().map_err(failed)?;
    let written = writer
        .join()
        .map_err(|_| ExportError::Graphviz("writing to `dot` panicked".into()))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(ExportError::Graphviz(format!(
            "{} ({})",
            stderr.trim(),
            output.status
        )));
    }
    written.map_err(failed)?;
    String::from_utf8(output.stdout)
        .map_err(|_| ExportError::Graphviz("the output is not UTF-8".into()))
}

#[cfg(test)]
mod tests;

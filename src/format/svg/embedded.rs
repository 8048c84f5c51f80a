//! The embedded renderer: layout-rs lays the graph out, our own backend draws it.
//!
//! This is what makes `export --format svg` work on a machine without Graphviz. layout-rs is a
//! small pure-Rust Sugiyama-style layout; it has sharp edges, which this module guards: it
//! panics on an empty graph (we draw "no claims" instead), may panic on other inputs (caught and
//! reported as [`ExportError::Embedded`]), and slows down steeply with size (refused above
//! [`LIMIT`] nodes with [`ExportError::TooLarge`]).

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::canvas::Canvas;
use super::document::{self, Document};
use super::scene::Scene;
use crate::format::drawing::Drawing;
use crate::format::{ExportError, ExportOptions};
use crate::graph::ClaimGraph;

/// The most nodes (claims and sources) the embedded renderer lays out.
///
/// Layout time grows with about the cube of the size. Measured in a release build on generated
/// corpora shaped like the article's (a source per two claims, three references and most of an
/// argument per claim; `time_layout` in this module's tests): 101 nodes take 0.23 s, 201 take
/// 1.9 s, 300 take 4.9 s, 351 take 7.6 s, 401 take 12.5 s and 1001 take 123 s.
pub const LIMIT: usize = 350;

/// The SVG of `graph`, laid out by layout-rs.
pub(super) fn render(graph: &ClaimGraph, options: &ExportOptions) -> Result<String, ExportError> {
    render_within(graph, options, LIMIT)
}

/// [`render`], refusing graphs of more than `limit` nodes.
pub(super) fn render_within(
    graph: &ClaimGraph,
    options: &ExportOptions,
    limit: usize,
) -> Result<String, ExportError> {
    let title = options.title.as_deref();
    let drawing = Drawing::new(graph, options);
    let scene = Scene::new(&drawing);
    if scene.len() > limit {
        return Err(ExportError::TooLarge {
            nodes: scene.len(),
            limit,
        });
    }
    if scene.len() == 0 {
        return Ok(document::nothing(title));
    }
    let mut canvas = Canvas::new(&scene);
    let laid_out = catch_unwind(AssertUnwindSafe(|| {
        scene.visual_graph().do_it(false, false, false, &mut canvas);
    }));
    laid_out.map_err(|panic| ExportError::Embedded(panic_message(panic.as_ref())))?;
    let (body, bounds) = canvas.finish();
    if bounds.is_empty() {
        return Err(ExportError::Embedded("layout-rs drew nothing".into()));
    }
    Ok(Document {
        body: &body,
        bounds,
        title,
        legend: Some(&drawing),
    }
    .render())
}

/// What a caught panic said.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let text = panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str));
    format!("layout-rs panicked: {}", text.unwrap_or("(no message)"))
}

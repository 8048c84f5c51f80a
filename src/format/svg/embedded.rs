//! The embedded renderer: layout-rs lays the graph out, our own backend draws it.
//!
//! This is what makes `export --format svg` work on a machine without Graphviz. layout-rs is a
//! small pure-Rust Sugiyama-style layout; it has sharp edges, which this module guards: it
//! panics on an empty graph (we draw "no claims" instead), may panic on other inputs (caught and
//! reported as [`ExportError::Embedded`]), and slows down steeply with size (which the guard
//! both renderers share, `svg::guard`, refuses before this module is called).

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::canvas::Canvas;
use super::document::{self, Document};
use super::scene::Scene;
use crate::format::drawing::Drawing;
use crate::format::{ExportError, ExportOptions};
use crate::graph::ClaimGraph;

/// The SVG of `graph`, laid out by layout-rs, however large it is (the caller guards the size).
pub(super) fn render(graph: &ClaimGraph, options: &ExportOptions) -> Result<String, ExportError> {
    let title = options.title.as_deref();
    let drawing = Drawing::new(graph, options);
    let scene = Scene::new(&drawing);
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

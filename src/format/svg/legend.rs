//! The legend of the embedded renderer's SVG.
//!
//! layout-rs knows nothing of legends, so the legend is drawn directly as an SVG group beside
//! the laid-out graph: the rating fills, the source shape and one sample of each kind of edge,
//! in the same styles as the drawing (see [`style`]).

use std::fmt::Write as _;

use layout::core::geometry::Point;

use super::canvas::{dash, escape, marker_id, shape};
use super::scene::Shape;
use crate::format::drawing::Drawing;
use crate::format::{ColorBy, SourceMode, style};
use crate::graph::EdgeKind;

/// Swatch width.
const SWATCH: Point = Point { x: 88.0, y: 20.0 };
/// Space between swatches.
const GAP: f64 = 4.0;
/// Space inside the frame.
const MARGIN: f64 = 12.0;
/// Width of the legend.
pub(super) const WIDTH: f64 = 3.0 * SWATCH.x + 2.0 * GAP + 2.0 * MARGIN;

/// The legend with its top left corner at `at`, and its height.
pub(super) fn legend(at: Point, drawing: &Drawing<'_>) -> (String, f64) {
    let options = drawing.options;
    let (heading, fills) = drawing.legend_fills();
    let (left, center) = (at.x + MARGIN, at.x + WIDTH / 2.0);
    let mut body = String::new();
    let mut y = at.y + MARGIN;
    text(
        &mut body,
        Point::new(center, y + 10.0),
        "legend-title",
        "Legend",
    );
    text(
        &mut body,
        Point::new(center, y + 30.0),
        "legend-heading",
        heading,
    );
    y += 38.0;
    let columns = if matches!(options.color_by, ColorBy::Category(_)) {
        1
    } else {
        3
    };
    y = swatches(&mut body, Point::new(left, y), &fills, columns) + 6.0;
    let sources = options.sources == SourceMode::Show;
    if sources {
        body.push_str(&shape(
            Shape::Source,
            Point::new(left, y),
            Point::new(SWATCH.x, 24.0),
        ));
        text(
            &mut body,
            Point::new(left + SWATCH.x / 2.0, y + 16.0),
            "legend",
            "source (kind)",
        );
        y += 34.0;
    }
    let kinds = if sources { 3 } else { 2 };
    for (kind, meaning) in style::LEGEND_EDGES.into_iter().take(kinds) {
        body.push_str(&edge_sample(kind, Point::new(left, y + 6.0), meaning));
        y += 18.0;
    }
    let notes = [
        (options.sources == SourceMode::Merge).then_some("— name: who asserts the claim"),
        options
            .group_by
            .map(|_| "groups are framed by Graphviz only"),
    ];
    for note in notes.into_iter().flatten() {
        text(&mut body, Point::new(left, y + 8.0), "legend-edge", note);
        y += 18.0;
    }
    let height = y - at.y + MARGIN - 6.0;
    let frame = format!(
        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{WIDTH:.1}\" height=\"{height:.1}\" rx=\"8\" \
         fill=\"white\" stroke=\"#BBBBBB\"/>\n",
        at.x, at.y
    );
    (format!("<g class=\"legend\">\n{frame}{body}</g>\n"), height)
}

/// One claim box per fill, `columns` to a row, from `at` down; returns where they end.
fn swatches(out: &mut String, at: Point, fills: &[(String, &'static str)], columns: usize) -> f64 {
    let width = (WIDTH - 2.0 * MARGIN - (columns - 1) as f64 * GAP) / columns as f64;
    let size = Point::new(width, SWATCH.y);
    let mut y = at.y;
    for row in fills.chunks(columns) {
        for (i, (word, fill)) in row.iter().enumerate() {
            let corner = Point::new(at.x + i as f64 * (width + GAP), y);
            out.push_str(&shape(Shape::Claim { fill }, corner, size));
            let mid = corner.add(size.scale(0.5));
            text(out, Point::new(mid.x, mid.y + 4.0), "legend", word);
        }
        y += SWATCH.y + GAP;
    }
    y
}

/// Writes `content` at `at` (its baseline) in the type of `class`.
fn text(out: &mut String, at: Point, class: &str, content: &str) {
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" class=\"{class}\">{}</text>",
        at.x,
        at.y,
        escape(content)
    );
}

/// A short line in the style of `kind` starting at `at`, with `meaning` written after it.
fn edge_sample(kind: EdgeKind, at: Point, meaning: &str) -> String {
    let look = style::edge_style(kind);
    let mut out = format!(
        "<path d=\"M{:.1},{:.1} h56\" stroke=\"{}\" stroke-width=\"{}\"{} marker-end=\"url(#{})\"/>\n",
        at.x,
        at.y,
        look.color,
        look.width,
        dash(look.line),
        marker_id(kind),
    );
    text(
        &mut out,
        Point::new(at.x + 66.0, at.y + 3.5),
        "legend-edge",
        meaning,
    );
    out
}

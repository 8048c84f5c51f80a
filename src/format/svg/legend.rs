//! The legend of the embedded renderer's SVG.
//!
//! layout-rs knows nothing of legends, so the legend is drawn directly as an SVG group beside
//! the laid-out graph: the rating fills, the source shape and one sample of each kind of edge,
//! in the same styles as the drawing (see [`style`]).

use std::fmt::Write as _;

use layout::core::geometry::Point;

use super::canvas::{dash, escape, marker_id, shape};
use super::scene::Shape;
use crate::format::{ColorBy, style};
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
pub(super) fn legend(at: Point, by: &ColorBy) -> (String, f64) {
    let (heading, fills) = style::legend_fills(by);
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
    y = swatches(&mut body, Point::new(left, y), &fills) + 6.0;
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
    for (kind, meaning) in style::LEGEND_EDGES {
        body.push_str(&edge_sample(kind, Point::new(left, y + 6.0), meaning));
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

/// One claim box per rating, three to a row, from `at` down; returns where they end.
fn swatches(out: &mut String, at: Point, fills: &[(&str, &'static str)]) -> f64 {
    let mut y = at.y;
    for row in fills.chunks(3) {
        for (i, (word, fill)) in row.iter().enumerate() {
            let corner = Point::new(at.x + i as f64 * (SWATCH.x + GAP), y);
            out.push_str(&shape(Shape::Claim { fill }, corner, SWATCH));
            let mid = corner.add(SWATCH.scale(0.5));
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

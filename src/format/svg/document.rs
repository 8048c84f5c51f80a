//! The embedded renderer's SVG document: drawing, legend and title, cropped to what is drawn.
//!
//! layout-rs's own writer sizes the document from the origin to the furthest shape plus a wide
//! margin. Here the `viewBox` is the bounding box of what was actually drawn (graph, legend,
//! title) plus a small padding, so the picture fills the frame.

use std::fmt::Write as _;

use layout::core::geometry::Point;

use super::canvas::{Bounds, escape, marker_id};
use super::legend;
use crate::format::drawing::Drawing;
use crate::format::style::{self, Head};
use crate::graph::EdgeKind;

/// Space around everything, in pixels.
const PADDING: f64 = 12.0;
/// Space between the graph and the legend.
const LEGEND_GAP: f64 = 40.0;
/// Height of the title line.
const TITLE_HEIGHT: f64 = 36.0;

/// The parts of the document.
#[derive(Debug, Clone)]
pub(super) struct Document<'a> {
    /// The SVG of the graph.
    pub body: &'a str,
    /// What the body covers.
    pub bounds: Bounds,
    /// A title above everything.
    pub title: Option<&'a str>,
    /// The legend to draw right of the graph, if any: what the fills say.
    pub legend: Option<&'a Drawing<'a>>,
}

impl Document<'_> {
    /// The finished SVG text.
    pub fn render(&self) -> String {
        let (extra, bounds) = self.decorations();
        let origin = bounds.min.sub(Point::splat(PADDING));
        let size = bounds.size().add(Point::splat(2.0 * PADDING));
        let (w, h) = (size.x.ceil(), size.y.ceil());
        let mut out =
            String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
             width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"{x:.1} {y:.1} {w:.1} {h:.1}\">",
            x = origin.x,
            y = origin.y,
        );
        out.push_str(&stylesheet());
        out.push_str(&markers());
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"white\"/>",
            origin.x, origin.y,
        );
        out.push_str(self.body);
        out.push_str(&extra);
        out.push_str("</svg>\n");
        out
    }

    /// The legend (right of the body) and the title (above everything), and the bounds of the
    /// body with them.
    fn decorations(&self) -> (String, Bounds) {
        let mut bounds = self.bounds;
        let mut extra = String::new();
        if let Some(by) = self.legend {
            let at = Point::new(bounds.max.x + LEGEND_GAP, bounds.min.y);
            let (svg, height) = legend::legend(at, by);
            bounds.add(at.add(Point::new(legend::WIDTH, height)));
            extra.push_str(&svg);
        }
        if let Some(title) = self.title {
            let center = (bounds.min.x + bounds.max.x) / 2.0;
            let base = bounds.min.y - TITLE_HEIGHT / 2.0;
            let text = escape(title);
            let _ = writeln!(
                extra,
                "<text x=\"{center:.1}\" y=\"{base:.1}\" class=\"title\">{text}</text>"
            );
            bounds.add(Point::new(bounds.min.x, bounds.min.y - TITLE_HEIGHT));
        }
        (extra, bounds)
    }
}

/// The SVG saying there is nothing to draw.
pub(super) fn nothing(title: Option<&str>) -> String {
    let body = "<text x=\"80\" y=\"24\" class=\"claim\">no claims</text>\n";
    let bounds = Bounds {
        min: Point::zero(),
        max: Point::new(160.0, 40.0),
    };
    Document {
        body,
        bounds,
        title,
        legend: None,
    }
    .render()
}

/// Type styles, by class.
fn stylesheet() -> String {
    format!(
        "<style>\n\
         text {{ font-family: {font}; fill: {ink}; text-anchor: middle; }}\n\
         .claim {{ font-size: 12px; }}\n\
         .source {{ font-size: 11px; }}\n\
         .title {{ font-size: 20px; }}\n\
         .legend, .legend-edge {{ font-size: 11px; }}\n\
         .legend-edge {{ text-anchor: start; }}\n\
         .legend-title, .legend-heading {{ font-size: 12px; font-weight: bold; }}\n\
         </style>\n",
        font = style::FONT.replace(',', ", "),
        ink = style::INK,
    )
}

/// One arrowhead marker per edge style, coloured like its edges.
fn markers() -> String {
    let mut out = String::from("<defs>\n");
    for (kind, _) in style::LEGEND_EDGES {
        out.push_str(&marker(kind));
    }
    out.push_str("</defs>\n");
    out
}

/// The arrowhead marker for edges of `kind`. It may sit at either end of a path (layout-rs
/// turns edges round to break cycles), so it is oriented `auto-start-reverse`.
fn marker(kind: EdgeKind) -> String {
    let look = style::edge_style(kind);
    let color = look.color;
    // Each head is drawn in a box 10 units high pointing right, with its tip at (tip, 5).
    let (width, tip, size, shape) = match look.head {
        Head::Normal => (
            10,
            9,
            10,
            format!("<path d=\"M0,0 L10,5 L0,10 Z\" fill=\"{color}\"/>"),
        ),
        Head::Tee => (
            4,
            3,
            10,
            format!("<rect width=\"3\" height=\"10\" fill=\"{color}\"/>"),
        ),
        Head::Vee => {
            let path = "M1,1 L9,5 L1,9";
            (
                10,
                9,
                7,
                format!(
                    "<path d=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\"/>"
                ),
            )
        }
    };
    format!(
        "<marker id=\"{}\" viewBox=\"0 0 {width} 10\" refX=\"{tip}\" refY=\"5\" \
         markerUnits=\"userSpaceOnUse\" markerWidth=\"{size}\" markerHeight=\"{size}\" \
         orient=\"auto-start-reverse\">{shape}</marker>\n",
        marker_id(kind)
    )
}

//! The embedded renderer's drawing surface: a layout-rs [`RenderBackend`] that writes our SVG.
//!
//! layout-rs computes positions and edge curves, then replays them as draw calls on a backend.
//! Its own SVG backend draws every node alike (serif type, one style per shape) and sizes the
//! document to a large margin; this backend instead looks each node and edge up in the
//! [`Scene`] by the `properties` tag layout-rs hands back, draws it in the diagram's style (see
//! [`style`]), and records the bounds of what it drew so the document
//! can be cropped to them.

use std::fmt::Write as _;

use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;

use super::scene::{Item, Scene, Shape};
pub(super) use crate::format::markup::escape;
use crate::format::style::{self, Head, Line};
use crate::graph::EdgeKind;

/// A rectangle that grows to cover what is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Bounds {
    pub min: Point,
    pub max: Point,
}

impl Bounds {
    /// Bounds covering nothing yet.
    pub fn empty() -> Bounds {
        Bounds {
            min: Point::splat(f64::INFINITY),
            max: Point::splat(f64::NEG_INFINITY),
        }
    }

    /// Whether nothing has been added.
    pub fn is_empty(&self) -> bool {
        self.min.x > self.max.x
    }

    /// Grows to cover `p`.
    pub fn add(&mut self, p: Point) {
        self.min = Point::new(self.min.x.min(p.x), self.min.y.min(p.y));
        self.max = Point::new(self.max.x.max(p.x), self.max.y.max(p.y));
    }

    /// Width and height.
    pub fn size(&self) -> Point {
        self.max.sub(self.min)
    }
}

/// Collects the SVG of nodes and edges as layout-rs draws them.
#[derive(Debug)]
pub(super) struct Canvas<'a> {
    scene: &'a Scene,
    nodes: String,
    edges: String,
    bounds: Bounds,
    /// Where each item was drawn (top left corner and size), by item index.
    boxes: Vec<Option<(Point, Point)>>,
}

impl<'a> Canvas<'a> {
    /// An empty canvas for `scene`.
    pub fn new(scene: &'a Scene) -> Canvas<'a> {
        let boxes = vec![None; scene.len()];
        Canvas {
            scene,
            nodes: String::new(),
            edges: String::new(),
            bounds: Bounds::empty(),
            boxes,
        }
    }

    /// The drawing (edges under nodes) and the bounds it covers. Draws the edges layout-rs did
    /// not route first, as straight lines between the boxes.
    pub fn finish(mut self) -> (String, Bounds) {
        for edge in self.scene.unrouted() {
            if let (Some(Some(from)), Some(Some(to))) =
                (self.boxes.get(edge.from), self.boxes.get(edge.to))
            {
                let (a, b) = (center(*from), center(*to));
                let (start, end) = (border(*from, b), border(*to, a));
                let third = end.sub(start).scale(1.0 / 3.0);
                let path = [(start, start.add(third)), (end.sub(third), end)];
                // Hubs gather many of these lines: draw them fainter than routed edges.
                let opacity = if edge.dimmed { 0.2 } else { 0.5 };
                self.draw_edge(edge.kind, &path, (false, true), Some(opacity));
            }
        }
        (
            format!(
                "<g class=\"edges\">\n{}</g>\n<g class=\"nodes\">\n{}</g>\n",
                self.edges, self.nodes
            ),
            self.bounds,
        )
    }

    fn draw_item(&mut self, index: usize, item: &Item, top_left: Point, size: Point) {
        if let Some(slot) = self.boxes.get_mut(index) {
            *slot = Some((top_left, size));
        }
        self.bounds.add(top_left);
        self.bounds.add(top_left.add(size));
        let out = &mut self.nodes;
        let (class, id) = (item.shape.class(), escape(&item.id));
        let faint = if item.dimmed { " opacity=\"0.4\"" } else { "" };
        let _ = writeln!(out, "<g class=\"{class}\" id=\"{class}-{id}\"{faint}>");
        let _ = writeln!(out, "<title>{}</title>", escape(&item.tooltip));
        if let Some(url) = &item.url {
            let _ = writeln!(
                out,
                "<a href=\"{0}\" xlink:href=\"{0}\" target=\"_blank\">",
                escape(url)
            );
        }
        out.push_str(&shape(item.shape, top_left, size));
        if item.focus {
            let (x, y, w, h) = (top_left.x, top_left.y, size.x, size.y);
            let _ = writeln!(
                out,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"7\" \
                 fill=\"none\" stroke=\"{}\" stroke-width=\"3\"/>",
                style::INK
            );
        }
        out.push_str(&label(item, top_left.add(size.scale(0.5))));
        if item.url.is_some() {
            out.push_str("</a>\n");
        }
        out.push_str("</g>\n");
    }

    fn draw_edge(
        &mut self,
        kind: EdgeKind,
        path: &[(Point, Point)],
        head: (bool, bool),
        opacity: Option<f64>,
    ) {
        for (a, b) in path {
            self.bounds.add(*a);
            self.bounds.add(*b);
        }
        let look = style::edge_style(kind);
        let marker = marker_id(kind);
        let out = &mut self.edges;
        let _ = write!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
            path_data(path),
            look.color,
            look.width
        );
        out.push_str(dash(look.line));
        if let Some(opacity) = opacity {
            let _ = write!(out, " stroke-opacity=\"{opacity}\"");
        }
        if head.0 {
            let _ = write!(out, " marker-start=\"url(#{marker})\"");
        }
        if head.1 {
            let _ = write!(out, " marker-end=\"url(#{marker})\"");
        }
        out.push_str("/>\n");
    }
}

impl RenderBackend for Canvas<'_> {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _: &StyleAttr,
        properties: Option<String>,
        _: Option<ClipHandle>,
    ) {
        let index = properties.as_deref().and_then(|p| Scene::index(p, 'n'));
        if let Some((index, item)) = index.and_then(|i| Some((i, self.scene.item_at(i)?))) {
            self.draw_item(index, item, xy, size);
        }
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _: bool,
        head: (bool, bool),
        _: &StyleAttr,
        properties: Option<String>,
        _: &str,
    ) {
        if let Some(edge) = properties.as_deref().and_then(|p| self.scene.edge_at(p)) {
            let opacity = edge.dimmed.then_some(0.2);
            self.draw_edge(edge.kind, path, head, opacity);
        }
    }

    // Labels are drawn with their nodes (the scene has them), and we ask for no circles, lines
    // or clipped records; layout-rs only draws those in debug mode.
    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}
    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

/// The outline of a node: a rounded box for claims, a note with a folded corner for sources.
pub(super) fn shape(shape: Shape, at: Point, size: Point) -> String {
    let (x, y, w, h) = (at.x, at.y, size.x, size.y);
    match shape {
        Shape::Claim { fill } => format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"7\" \
             fill=\"{fill}\" stroke=\"{}\"/>\n",
            style::CLAIM_BORDER
        ),
        Shape::Source => {
            // The top right corner is folded down by `fold`.
            let (right, bottom, fold) = (x + w, y + h, 8.0_f64.min(h / 2.0));
            let (fold_x, fold_y) = (right - fold, y + fold);
            let (fill, line) = (style::SOURCE_FILL, style::SOURCE_BORDER);
            format!(
                "<path d=\"M{x:.1},{y:.1} H{fold_x:.1} L{right:.1},{fold_y:.1} V{bottom:.1} H{x:.1} Z\" \
                 fill=\"{fill}\" stroke=\"{line}\"/>\n\
                 <path d=\"M{fold_x:.1},{y:.1} V{fold_y:.1} H{right:.1}\" fill=\"none\" stroke=\"{line}\"/>\n"
            )
        }
    }
}

/// A node's label, its lines centred on `center`; a rating line is set in italics.
fn label(item: &Item, center: Point) -> String {
    let font = item.font_size();
    let step = font * super::scene::LINE_HEIGHT;
    // Baselines sit a third of an em below the middle of each line.
    let first = center.y - step * (item.lines.len() as f64 - 1.0) / 2.0 + font * 0.35;
    let mut out = format!("<text class=\"{}\">", item.shape.class());
    for (i, line) in item.lines.iter().enumerate() {
        let rating = item.rated && i + 1 == item.lines.len();
        let italic = if rating { " font-style=\"italic\"" } else { "" };
        let (x, y) = (center.x, first + step * i as f64);
        let _ = write!(
            out,
            "<tspan x=\"{x:.1}\" y=\"{y:.1}\"{italic}>{}</tspan>",
            escape(line)
        );
    }
    out.push_str("</text>\n");
    out
}

/// SVG path data for layout-rs's curve: a cubic Bézier, then smooth continuations.
fn path_data(path: &[(Point, Point)]) -> String {
    let mut d = String::new();
    if let [(start, c1), (c2, end), rest @ ..] = path {
        let _ = write!(
            d,
            "M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
            start.x, start.y, c1.x, c1.y, c2.x, c2.y, end.x, end.y
        );
        for (c, p) in rest {
            let _ = write!(d, " S{:.1},{:.1} {:.1},{:.1}", c.x, c.y, p.x, p.y);
        }
    }
    d
}

/// The middle of a box.
fn center((top_left, size): (Point, Point)) -> Point {
    top_left.add(size.scale(0.5))
}

/// Where the line from the middle of a box towards `toward` crosses the box's border.
fn border(rect: (Point, Point), toward: Point) -> Point {
    let (mid, half) = (center(rect), rect.1.scale(0.5));
    let d = toward.sub(mid);
    let scale = [half.x / d.x.abs(), half.y / d.y.abs()]
        .into_iter()
        .filter(|s| s.is_finite())
        .fold(1.0, f64::min);
    mid.add(d.scale(scale))
}

/// The `stroke-dasharray` attribute (with a leading space) that draws `line`.
pub(super) fn dash(line: Line) -> &'static str {
    match line {
        Line::Solid => "",
        Line::Dashed => " stroke-dasharray=\"7,4\"",
        Line::Dotted => " stroke-dasharray=\"1.5,2.5\"",
    }
}

/// The id of the arrowhead marker for edges of `kind`.
pub(super) fn marker_id(kind: EdgeKind) -> &'static str {
    match style::edge_style(kind).head {
        Head::Normal => "head-normal",
        Head::Tee => "head-tee",
        Head::Vee => "head-vee",
    }
}

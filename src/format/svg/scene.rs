//! What the embedded renderer draws, prepared before layout.
//!
//! layout-rs only needs boxes of known size and the edges between them; everything else (label
//! lines, fill, tooltip, link, edge kind) stays here, in a [`Scene`], and reaches the drawing
//! backend through the short tag (`n3`, `e7`) layout-rs carries along as an element's
//! `properties`.

use std::borrow::Cow;
use std::collections::HashMap;

use layout::core::base::Orientation;
use layout::core::geometry::{Point, Position};
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::metrics::text_width;
use crate::format::drawing::Drawing;
use crate::format::style::{self, Line};
use crate::graph::{ClaimGraph, EdgeKind};
use crate::link::link;
use crate::model::{Claim, RankDir, Source};

/// Line spacing, as a multiple of the font size.
pub(super) const LINE_HEIGHT: f64 = 1.3;
/// Type size of claims, in pixels.
const CLAIM_FONT: f64 = 12.0;
/// Type size of sources, in pixels.
const SOURCE_FONT: f64 = 11.0;
/// Space between a label and its box, in pixels.
const PADDING: Point = Point { x: 10.0, y: 7.0 };

/// The outline of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// A rounded box with a fill colour.
    Claim {
        /// The fill, by rating.
        fill: &'static str,
    },
    /// A note with a folded corner.
    Source,
}

impl Shape {
    /// The CSS class of nodes of this shape.
    pub fn class(self) -> &'static str {
        match self {
            Shape::Claim { .. } => "claim",
            Shape::Source => "source",
        }
    }
}

/// One node as drawn.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Item {
    /// The claim or source id.
    pub id: String,
    /// Its outline.
    pub shape: Shape,
    /// Its label, already wrapped.
    pub lines: Vec<String>,
    /// Whether the last line is the rating.
    pub rated: bool,
    /// Shown on hover.
    pub tooltip: String,
    /// Where a click leads.
    pub url: Option<String>,
    /// Drawn faintly, away from the focus.
    pub dimmed: bool,
    /// The focus of the diagram, drawn with a heavy outline.
    pub focus: bool,
}

impl Item {
    fn claim(claim: &Claim, drawing: &Drawing<'_>) -> Item {
        let (lines, rated) = drawing.claim_label(claim);
        Item {
            id: claim.id.to_string(),
            shape: Shape::Claim {
                fill: drawing.claim_fill(claim),
            },
            rated,
            lines,
            tooltip: style::claim_tooltip(claim),
            url: None,
            dimmed: drawing.dimmed(&claim.id),
            focus: drawing.is_focus(&claim.id),
        }
    }

    fn source(source: &Source, drawing: &Drawing<'_>) -> Item {
        Item {
            id: source.id.to_string(),
            shape: Shape::Source,
            lines: style::source_lines(source),
            rated: false,
            tooltip: style::source_tooltip(source),
            url: source.url.as_deref().and_then(link).map(Cow::into_owned),
            dimmed: drawing.dimmed(&source.id),
            focus: drawing.is_focus(&source.id),
        }
    }

    /// The type size of the label.
    pub fn font_size(&self) -> f64 {
        match self.shape {
            Shape::Claim { .. } => CLAIM_FONT,
            Shape::Source => SOURCE_FONT,
        }
    }

    /// The layout-rs element of the item, tagged `n{index}`, in a layout whose ranks run
    /// along `orientation`.
    fn element(&self, index: usize, orientation: Orientation) -> Element {
        let (shape, dir) = (ShapeKind::Box(String::new()), Orientation::LeftToRight);
        let mut element = Element::create_with_properties(
            shape,
            StyleAttr::simple(),
            dir,
            self.size(),
            format!("n{index}"),
        );
        // The space kept free around the box (layout-rs's default is 60 each way).
        let halo = match orientation {
            Orientation::LeftToRight => Point::new(RANK_GAP, NODE_GAP),
            Orientation::TopToBottom => Point::new(NODE_GAP, RANK_GAP / 2.0),
        };
        element.pos = Position::new(Point::zero(), self.size(), Point::zero(), halo);
        element
    }

    /// The size of the box: the label plus padding.
    pub fn size(&self) -> Point {
        let font = self.font_size();
        let width = self
            .lines
            .iter()
            .map(|l| text_width(l, font))
            .fold(0.0, f64::max);
        let height = font * LINE_HEIGHT * self.lines.len().max(1) as f64;
        Point::new(width.max(font) + 2.0 * PADDING.x, height + 2.0 * PADDING.y)
    }
}

/// An edge between two items (indices into the scene's items).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct SceneEdge {
    /// What it stands for.
    pub kind: EdgeKind,
    /// The item it leaves.
    pub from: usize,
    /// The item it enters.
    pub to: usize,
    /// Whether layout-rs routes it; if not, it is drawn straight after layout (see [`HUB`]).
    pub routed: bool,
    /// Drawn faintly: an end is away from the focus.
    pub dimmed: bool,
}

/// Items with more incoming references than this are hubs: "the article" that every claim
/// cites. Routing a hub's references through layout-rs turns each into a chain of dummy nodes
/// across the whole picture: for the 104 nodes of the article's data set, routing everything
/// takes 5.9 s and draws a picture 7,800 px tall, leaving hub references out of the layout
/// takes 0.3 s and 5,000 px. Hub references are drawn as straight lines after layout instead.
pub(super) const HUB: usize = 6;

/// Gap between columns (ranks) of the layout, in pixels.
const RANK_GAP: f64 = 90.0;
/// Gap between boxes in one column, in pixels.
const NODE_GAP: f64 = 16.0;

/// Everything to draw: items (claims, then sources, in corpus order) and edges between them.
#[derive(Debug, Clone)]
pub(super) struct Scene {
    items: Vec<Item>,
    edges: Vec<SceneEdge>,
    orientation: Orientation,
}

impl Scene {
    /// The scene of `graph`: its claims and sources, then its arguments and references in the
    /// order they were added to the graph.
    pub fn new(drawing: &Drawing<'_>) -> Scene {
        let graph = &*drawing.graph;
        let mut items = Vec::new();
        let mut index: HashMap<NodeIndex, usize> = HashMap::new();
        for (ix, claim) in graph.claims() {
            index.insert(ix, items.len());
            items.push(Item::claim(claim, drawing));
        }
        for (ix, source) in graph.sources() {
            index.insert(ix, items.len());
            items.push(Item::source(source, drawing));
        }
        let mut edges = edges(graph, &index);
        for edge in &mut edges {
            edge.dimmed = items[edge.from].dimmed || items[edge.to].dimmed;
        }
        mark_hubs(&mut edges, items.len());
        let orientation = match drawing.options.rankdir {
            RankDir::LeftRight => Orientation::LeftToRight,
            RankDir::TopBottom => Orientation::TopToBottom,
        };
        Scene {
            items,
            edges,
            orientation,
        }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The item at `index`.
    pub fn item_at(&self, index: usize) -> Option<&Item> {
        self.items.get(index)
    }

    /// The index in a tag: 3 for `n3` with prefix `n`.
    pub fn index(tag: &str, prefix: char) -> Option<usize> {
        tag.strip_prefix(prefix)?.parse().ok()
    }

    /// The edges layout-rs does not route.
    pub fn unrouted(&self) -> impl Iterator<Item = &SceneEdge> {
        self.edges.iter().filter(|e| !e.routed)
    }

    /// The edge tagged `tag` (`e7`).
    pub fn edge_at(&self, tag: &str) -> Option<&SceneEdge> {
        self.edges.get(Self::index(tag, 'e')?)
    }

    /// The layout-rs graph of the scene, oriented like the DOT output.
    pub fn visual_graph(&self) -> VisualGraph {
        let mut vg = VisualGraph::new(self.orientation);
        // Validation re-checks the whole graph for cycles after every edge: cubic time, and
        // only assertions about layout-rs's own bookkeeping.
        vg.dag.set_validate(false);
        let handles: Vec<_> = (self.items.iter().enumerate())
            .map(|(i, item)| vg.add_node(item.element(i, self.orientation)))
            .collect();
        for (i, edge) in self.edges.iter().enumerate().filter(|(_, e)| e.routed) {
            let mut arrow = Arrow::simple_with_properties("", format!("e{i}"));
            arrow.line_style = match style::edge_style(edge.kind).line {
                Line::Solid => LineStyleKind::Normal,
                Line::Dashed => LineStyleKind::Dashed,
                Line::Dotted => LineStyleKind::Dotted,
            };
            vg.add_edge(arrow, handles[edge.from], handles[edge.to]);
        }
        vg
    }
}

/// The edges of `graph` between items (`index` maps nodes to items): arguments first, then
/// references, each in the order they were added to the graph.
fn edges(graph: &ClaimGraph, index: &HashMap<NodeIndex, usize>) -> Vec<SceneEdge> {
    let mut refs: Vec<_> = graph.petgraph().edge_references().collect();
    refs.sort_by_key(|e| (!e.weight().kind.is_relation(), e.id()));
    refs.into_iter()
        .filter_map(|e| {
            let (from, to) = (*index.get(&e.source())?, *index.get(&e.target())?);
            Some(SceneEdge {
                kind: e.weight().kind,
                from,
                to,
                routed: true,
                dimmed: false,
            })
        })
        .collect()
}

/// Marks the references into hubs (see [`HUB`]) as not routed by layout-rs.
fn mark_hubs(edges: &mut [SceneEdge], items: usize) {
    let mut references = vec![0; items];
    for e in edges.iter().filter(|e| !e.kind.is_relation()) {
        references[e.to] += 1;
    }
    for e in edges.iter_mut().filter(|e| !e.kind.is_relation()) {
        e.routed = references[e.to] <= HUB;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fixture;

    #[test]
    fn tags_lead_back_to_items_and_edges() {
        let graph = fixture::graph();
        let options = crate::format::ExportOptions::default();
        let scene = Scene::new(&Drawing::new(&graph, &options));
        assert_eq!(scene.len(), 7);
        assert_eq!(Scene::index("n5", 'n'), Some(5));
        assert_eq!(scene.item_at(0).map(|i| i.id.as_str()), Some("compute-gap"));
        assert_eq!(scene.item_at(5).map(|i| i.shape), Some(Shape::Source));
        assert_eq!(
            scene.edge_at("e0").map(|e| e.kind),
            Some(EdgeKind::Supports)
        );
        assert_eq!(scene.unrouted().count(), 0);
        assert_eq!(
            scene.edge_at("e2").map(|e| e.kind),
            Some(EdgeKind::Contradicts)
        );
        assert_eq!(
            scene.edge_at("e3").map(|e| e.kind),
            Some(EdgeKind::AssertedBy)
        );
        assert_eq!(scene.item_at(7), None);
        assert_eq!(Scene::index("e0", 'n'), None);
        assert_eq!(scene.edge_at("ex"), None);
    }

    #[test]
    fn boxes_fit_their_labels() {
        let graph = fixture::graph();
        let options = crate::format::ExportOptions::default();
        let scene = Scene::new(&Drawing::new(&graph, &options));
        let long = scene.item_at(0).map(Item::size).unwrap_or(Point::zero());
        let short = scene.item_at(3).map(Item::size).unwrap_or(Point::zero());
        assert!(long.y > short.y, "three lines are taller than one");
        assert!(long.x < 300.0 && short.x > 150.0, "{long:?} {short:?}");
    }
}

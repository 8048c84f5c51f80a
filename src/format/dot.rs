//! Graphviz DOT, built through graphviz-rust's DOT model.
//!
//! DOT is the format Graphviz lays out, so it is both an export of its own (`claimgraph export
//! --format dot`) and the input of the SVG export when Graphviz is installed. The graph is built
//! from graphviz-rust's `dot_structures` statements, printed as graphviz-rust prints them
//! (`print.rs`, on all cores: a node or edge depends on nothing but itself); that crate
//! prints text as given, so every string goes through [`quote`] first. Nodes and edges are
//! written in corpus order, so the same graph always gives the same bytes.

mod escape;
mod legend;
mod print;

pub use escape::{quote, quote_tooltip, unquote};

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, GraphAttributes, Id, Node, NodeId, Stmt, Vertex,
};
use petgraph::stable_graph::EdgeReference;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::drawing::Drawing;
use super::style::{self, Line};
use super::{ExportOptions, SourceMode};
use crate::graph::{ClaimGraph, Edge as GraphEdge, EdgeKind, NodeRef};
use crate::link::link;
use crate::model::{Claim, Source};
use print::Writer;

/// The DOT of `graph`: claims, sources, their edges and a legend.
///
/// Each kind of node and edge is a (non-cluster) subgraph that sets the kind's look once, so a
/// node or edge carries only what is its own: label, tooltip, fill, link. With `group_by`, the
/// claims of each group are drawn in a cluster of their own. Every statement is a
/// graphviz-rust `Stmt`; the many node and edge statements are made and printed a chunk at a
/// time (see `print.rs`).
pub fn to_dot(graph: &ClaimGraph, options: &ExportOptions) -> String {
    let drawing = Drawing::new(graph, options);
    let mut dot = Writer::new(false, true, &Id::Plain("claims".into()));
    for stmt in defaults(options) {
        dot.stmt(&stmt);
    }
    claims(&mut dot, &drawing);
    let sources: Vec<&Source> = drawing.graph.sources().map(|(_, s)| s).collect();
    if !sources.is_empty() {
        dot.open(&Id::Plain("sources".into()));
        dot.stmt(&Stmt::GAttribute(GraphAttributes::Node(source_look())));
        dot.stmts_from(&sources, |s| Stmt::Node(source_node(&drawing, s)));
        dot.close();
    }
    edge_groups(&mut dot, &drawing);
    let show_sources = options.sources == SourceMode::Show;
    let legend = legend::legend(&drawing.legend_fills(), show_sources);
    dot.stmt(&Stmt::Subgraph(legend));
    let mut text = dot.finish();
    text.push('\n');
    text
}

/// The claims, in a group of their own: those of each group in its cluster (when grouped),
/// then the rest.
fn claims(dot: &mut Writer, drawing: &Drawing<'_>) {
    let names = drawing.group_names();
    let mut clusters: Vec<Vec<&Claim>> = vec![Vec::new(); names.len()];
    let mut loose = Vec::new();
    for (_, claim) in drawing.graph.claims() {
        match drawing.group(&claim.id).and_then(|g| clusters.get_mut(g)) {
            Some(cluster) => cluster.push(claim),
            None => loose.push(claim),
        }
    }
    if loose.is_empty() && clusters.iter().all(Vec::is_empty) {
        return;
    }
    let node = |claim: &&Claim| Stmt::Node(claim_node(drawing, claim));
    dot.open(&Id::Plain("claims".into()));
    dot.stmt(&Stmt::GAttribute(GraphAttributes::Node(claim_look())));
    for (i, (members, name)) in clusters.iter().zip(names).enumerate() {
        if members.is_empty() {
            continue;
        }
        dot.open(&Id::Plain(format!("cluster_group{i}")));
        for attribute in cluster_look(name) {
            dot.stmt(&Stmt::Attribute(attribute));
        }
        dot.stmts_from(members, node);
        dot.close();
    }
    dot.stmts_from(&loose, node);
    dot.close();
}

/// How the cluster of a group labelled `name` looks.
fn cluster_look(name: &str) -> [Attribute; 5] {
    [
        text("label", name),
        attr("style", "rounded,dashed"),
        attr("color", "#999999"),
        attr("fontcolor", "#555555"),
        attr("fontsize", "13"),
    ]
}

/// The edges: `supports`, `contradicts` and references, each kind in its own group.
fn edge_groups(dot: &mut Writer, drawing: &Drawing<'_>) {
    let kinds = [EdgeKind::Supports, EdgeKind::Contradicts];
    for kind in kinds {
        edge_group(dot, drawing, kind.as_str(), kind, |k| k == kind);
    }
    edge_group(dot, drawing, "references", EdgeKind::Cites, |k| {
        !k.is_relation()
    });
}

/// The group `name` of the edges whose kind passes `keep`, drawn like `look`'s; nothing when
/// there are none.
fn edge_group(
    dot: &mut Writer,
    drawing: &Drawing<'_>,
    name: &str,
    look: EdgeKind,
    keep: impl Fn(EdgeKind) -> bool,
) {
    let edges = edges(drawing, keep);
    if edges.is_empty() {
        return;
    }
    dot.open(&Id::Plain(name.into()));
    dot.stmt(&Stmt::GAttribute(GraphAttributes::Edge(edge_look(look))));
    dot.stmts_from(&edges, |e| Stmt::Edge(edge_stmt(drawing, e)));
    dot.close();
}

/// Graph, node and edge defaults, and the title.
fn defaults(options: &ExportOptions) -> Vec<Stmt> {
    let mut graph = vec![
        attr("rankdir", options.rankdir.as_str()),
        attr("fontname", style::FONT),
        attr("nodesep", "0.25"),
        attr("ranksep", "0.6"),
        attr("bgcolor", "white"),
        attr("outputorder", "edgesfirst"),
    ];
    if options.group_by.is_some() {
        // Graphviz 2.43's default ranking crashes (SIGSEGV) on some clustered graphs of the
        // article's; the newer ranking algorithm does not, and keeps clusters compact.
        graph.push(attr("newrank", "true"));
    }
    if let Some(title) = &options.title {
        graph.extend([
            text("label", title),
            attr("labelloc", "t"),
            attr("fontsize", "20"),
        ]);
    }
    let node = vec![
        attr("fontname", style::FONT),
        attr("fontsize", "11"),
        attr("fontcolor", style::INK),
    ];
    let edge = vec![
        attr("fontname", style::FONT),
        attr("fontsize", "9"),
        attr("fontcolor", "#777777"),
    ];
    [
        GraphAttributes::Graph(graph),
        GraphAttributes::Node(node),
        GraphAttributes::Edge(edge),
    ]
    .into_iter()
    .map(Stmt::GAttribute)
    .collect()
}

/// How claims look: rounded boxes.
pub(super) fn claim_look() -> Vec<Attribute> {
    vec![
        attr("shape", "box"),
        attr("style", "rounded,filled"),
        attr("color", style::CLAIM_BORDER),
    ]
}

/// How sources look: light grey notes in smaller type.
pub(super) fn source_look() -> Vec<Attribute> {
    vec![
        attr("shape", "note"),
        attr("style", "filled"),
        attr("fillcolor", style::SOURCE_FILL),
        attr("color", style::SOURCE_BORDER),
        attr("fontsize", "10"),
    ]
}

/// A claim: filled by its rating, evaluation label or category; bold when it is the focus,
/// faint when it is away from it. Its SVG element gets the id `claim-<id>`, as the embedded
/// renderer's does, so pages and scripts can find it.
fn claim_node(drawing: &Drawing<'_>, claim: &Claim) -> Node {
    let fill = drawing.claim_fill(claim);
    let mut attributes = vec![text("id", format!("claim-{}", claim.id))];
    if drawing.dimmed(&claim.id) {
        attributes.extend(faint(fill, style::CLAIM_BORDER));
    } else {
        attributes.push(attr("fillcolor", fill));
    }
    attributes.extend([
        text("label", drawing.claim_text(claim)),
        tooltip(style::claim_tooltip(claim)),
    ]);
    if drawing.is_focus(&claim.id) {
        attributes.extend([attr("penwidth", "3"), attr("color", style::INK)]);
    }
    Node::new(node_id(claim.id.as_str()), attributes)
}

/// A source, linked to its URL when it has one that may be a link ([`link`]); its SVG element's id is `source-<id>`.
fn source_node(drawing: &Drawing<'_>, source: &Source) -> Node {
    let mut attributes = vec![
        text("id", format!("source-{}", source.id)),
        text("label", style::source_lines(source).join("\n")),
        tooltip(style::source_tooltip(source)),
    ];
    if let Some(url) = source.url.as_deref().and_then(link) {
        attributes.extend([text("URL", url), attr("target", "_blank")]);
    }
    if drawing.dimmed(&source.id) {
        attributes.extend(faint(style::SOURCE_FILL, style::SOURCE_BORDER));
    }
    Node::new(node_id(source.id.as_str()), attributes)
}

/// The attributes of a node drawn faintly: its fill, border and text mostly transparent.
fn faint(fill: &str, border: &str) -> [Attribute; 3] {
    [
        attr("fillcolor", style::faint(fill)),
        attr("color", style::faint(border)),
        attr("fontcolor", style::faint(style::INK)),
    ]
}

/// An edge of the graph with its two ends.
type Drawn<'g> = (EdgeReference<'g, GraphEdge>, NodeRef<'g>, NodeRef<'g>);

/// The edges whose kind passes `keep`, in the order they were added to the graph.
fn edges<'g>(drawing: &'g Drawing<'_>, keep: impl Fn(EdgeKind) -> bool) -> Vec<Drawn<'g>> {
    let graph = &*drawing.graph;
    let mut edges: Vec<Drawn<'g>> = graph
        .petgraph()
        .edge_references()
        .filter(|e| keep(e.weight().kind))
        .filter_map(|e| Some((e, graph.get(e.source())?, graph.get(e.target())?)))
        .collect();
    edges.sort_unstable_by_key(|(e, _, _)| e.id());
    edges
}

/// An edge with its label (for references) and its relation's note as tooltip; faint when an
/// end is.
fn edge_stmt(drawing: &Drawing<'_>, (e, from, to): &Drawn<'_>) -> Edge {
    let kind = e.weight().kind;
    let label = style::edge_style(kind).label.map(|l| text("label", l));
    let note = drawing
        .graph
        .relation(e.weight())
        .and_then(|r| r.note.as_deref())
        .map(tooltip);
    let faint = (drawing.dimmed(from.id()) || drawing.dimmed(to.id()))
        .then(|| attr("color", style::faint(style::edge_style(kind).color)));
    edge(
        from.id().as_str(),
        to.id().as_str(),
        label.into_iter().chain(note).chain(faint).collect(),
    )
}

/// How edges of `kind` look: colour, line pattern, arrowhead and width (not the label).
pub(super) fn edge_look(kind: EdgeKind) -> Vec<Attribute> {
    let look = style::edge_style(kind);
    let line = match look.line {
        Line::Solid => "solid",
        Line::Dashed => "dashed",
        Line::Dotted => "dotted",
    };
    let head = match look.head {
        style::Head::Normal => "normal",
        style::Head::Tee => "tee",
        style::Head::Vee => "vee",
    };
    let mut attributes = vec![
        attr("color", look.color),
        attr("style", line),
        attr("arrowhead", head),
        attr("penwidth", look.width.to_string()),
    ];
    if look.width < 1.0 {
        attributes.push(attr("arrowsize", "0.6"));
    }
    attributes
}

/// An edge `from -> to`.
pub(super) fn edge(from: &str, to: &str, attributes: Vec<Attribute>) -> Edge {
    let vertex = |id| Vertex::N(node_id(id));
    Edge {
        ty: EdgeTy::Pair(vertex(from), vertex(to)),
        attributes,
    }
}

/// A node id, always quoted.
pub(super) fn node_id(id: &str) -> NodeId {
    NodeId(Id::Escaped(quote(id)), None)
}

/// The attribute `key="value"` for free text (labels, tooltips, URLs), always quoted.
pub(super) fn text(key: &str, value: impl AsRef<str>) -> Attribute {
    Attribute(
        Id::Plain(key.to_string()),
        Id::Escaped(quote(value.as_ref())),
    )
}

/// The attribute `tooltip="value"`, quoted as Graphviz reads tooltips back ([`quote_tooltip`]).
pub(super) fn tooltip(value: impl AsRef<str>) -> Attribute {
    Attribute(
        Id::Plain("tooltip".to_string()),
        Id::Escaped(quote_tooltip(value.as_ref())),
    )
}

/// The attribute `key=value` for a setting, quoting the value unless it is a plain DOT
/// identifier or number.
pub(super) fn attr(key: &str, value: impl AsRef<str>) -> Attribute {
    let value = value.as_ref();
    let id = if is_plain(value) {
        Id::Plain(value.to_string())
    } else {
        Id::Escaped(quote(value))
    };
    Attribute(Id::Plain(key.to_string()), id)
}

/// Whether `value` can be written unquoted: an ASCII identifier that is not a DOT keyword, or a
/// plain decimal number.
fn is_plain(value: &str) -> bool {
    const KEYWORDS: [&str; 6] = ["node", "edge", "graph", "digraph", "subgraph", "strict"];
    let identifier = value.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(value));
    let number = value.chars().any(|c| c.is_ascii_digit())
        && value.chars().all(|c| c.is_ascii_digit() || c == '.')
        && value.matches('.').count() <= 1;
    identifier || number
}

#[cfg(test)]
mod tests;

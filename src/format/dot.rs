//! Graphviz DOT, built through graphviz-rust's DOT model.
//!
//! DOT is the format Graphviz lays out, so it is both an export of its own (`claimgraph export
//! --format dot`) and the input of the SVG export when Graphviz is installed. The graph is built
//! as a `dot_structures::Graph` and printed by graphviz-rust; that crate prints text as given,
//! so every string goes through [`quote`] first. Nodes and edges are written in corpus order,
//! so the same graph always gives the same bytes.

mod escape;
mod legend;

pub use escape::{quote, unquote};

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::drawing::Drawing;
use super::style::{self, Line};
use super::{ExportOptions, SourceMode};
use crate::graph::{ClaimGraph, EdgeKind};
use crate::model::{Claim, Source};

/// The DOT of `graph`: claims, sources, their edges and a legend.
///
/// Each kind of node and edge is a (non-cluster) subgraph that sets the kind's look once, so a
/// node or edge carries only what is its own: label, tooltip, fill, link. With `group_by`, the
/// claims of each group are drawn in a cluster of their own.
pub fn to_dot(graph: &ClaimGraph, options: &ExportOptions) -> String {
    let drawing = Drawing::new(graph, options);
    let mut stmts = defaults(options);
    stmts.extend(nodes(&drawing));
    stmts.extend(edge_groups(&drawing));
    let sources = options.sources == SourceMode::Show;
    stmts.push(Stmt::Subgraph(legend::legend(
        &drawing.legend_fills(),
        sources,
    )));
    let id = Id::Plain("claims".into());
    let dot = Graph::DiGraph {
        id,
        strict: false,
        stmts,
    };
    let mut text = dot.print(PrinterContext::default().with_node_mult_attr_s_l());
    text.push('\n');
    text
}

/// The claims (in their groups' clusters, if grouped), then the sources, each kind in its own
/// group.
fn nodes(drawing: &Drawing<'_>) -> Vec<Stmt> {
    let graph = &*drawing.graph;
    let mut clusters: Vec<Vec<Stmt>> = vec![Vec::new(); drawing.group_names().len()];
    let mut loose = Vec::new();
    for (_, claim) in graph.claims() {
        let node = Stmt::Node(claim_node(drawing, claim));
        match drawing.group(&claim.id).and_then(|g| clusters.get_mut(g)) {
            Some(cluster) => cluster.push(node),
            None => loose.push(node),
        }
    }
    let clusters = clusters
        .into_iter()
        .zip(drawing.group_names())
        .enumerate()
        .filter(|(_, (stmts, _))| !stmts.is_empty())
        .map(|(i, (stmts, name))| cluster(i, name, stmts));
    let claims = clusters.chain(loose);
    let sources = graph
        .sources()
        .map(|(_, s)| Stmt::Node(source_node(drawing, s)));
    let look = GraphAttributes::Node(claim_look());
    let mut stmts: Vec<Stmt> = group("claims", look, claims).into_iter().collect();
    stmts.extend(group(
        "sources",
        GraphAttributes::Node(source_look()),
        sources,
    ));
    stmts
}

/// The cluster of group number `index`, labelled `name`.
fn cluster(index: usize, name: &str, nodes: Vec<Stmt>) -> Stmt {
    let look = [
        text("label", name),
        attr("style", "rounded,dashed"),
        attr("color", "#999999"),
        attr("fontcolor", "#555555"),
        attr("fontsize", "13"),
    ];
    let stmts = look.into_iter().map(Stmt::Attribute).chain(nodes).collect();
    Stmt::Subgraph(Subgraph {
        id: Id::Plain(format!("cluster_group{index}")),
        stmts,
    })
}

/// The edges: `supports`, `contradicts` and references, each kind in its own group.
fn edge_groups(drawing: &Drawing<'_>) -> Vec<Stmt> {
    let mut groups = Vec::new();
    for kind in [EdgeKind::Supports, EdgeKind::Contradicts] {
        let edges = edges(drawing, |k| k == kind).map(Stmt::Edge);
        groups.extend(group(
            kind.as_str(),
            GraphAttributes::Edge(edge_look(kind)),
            edges,
        ));
    }
    let references = edges(drawing, |k| !k.is_relation()).map(Stmt::Edge);
    let look = GraphAttributes::Edge(edge_look(EdgeKind::Cites));
    groups.extend(group("references", look, references));
    groups
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

/// A subgraph `name` that applies `look` to `stmts`; nothing when there are no statements.
fn group(name: &str, look: GraphAttributes, stmts: impl Iterator<Item = Stmt>) -> Option<Stmt> {
    let mut stmts = stmts.peekable();
    stmts.peek()?;
    let stmts = std::iter::once(Stmt::GAttribute(look))
        .chain(stmts)
        .collect();
    Some(Stmt::Subgraph(Subgraph {
        id: Id::Plain(name.into()),
        stmts,
    }))
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
        text("label", drawing.claim_lines(claim).join("\n")),
        text("tooltip", style::claim_tooltip(claim)),
    ]);
    if drawing.is_focus(&claim.id) {
        attributes.extend([attr("penwidth", "3"), attr("color", style::INK)]);
    }
    Node::new(node_id(claim.id.as_str()), attributes)
}

/// A source, linked to its URL when it has one; its SVG element's id is `source-<id>`.
fn source_node(drawing: &Drawing<'_>, source: &Source) -> Node {
    let mut attributes = vec![
        text("id", format!("source-{}", source.id)),
        text("label", style::source_lines(source).join("\n")),
        text("tooltip", style::source_tooltip(source)),
    ];
    if let Some(url) = &source.url {
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

/// The edges whose kind passes `keep`, in the order they were added to the graph, each with its
/// label (for references) and its relation's note as tooltip; faint when an end is.
fn edges<'a>(
    drawing: &'a Drawing<'a>,
    keep: impl Fn(EdgeKind) -> bool + 'a,
) -> impl Iterator<Item = Edge> + 'a {
    let graph = &*drawing.graph;
    let pg = graph.petgraph();
    let mut refs: Vec<_> = pg
        .edge_references()
        .filter(|e| keep(e.weight().kind))
        .collect();
    refs.sort_by_key(|e| e.id());
    refs.into_iter().filter_map(move |e| {
        let (from, to) = (graph.get(e.source())?, graph.get(e.target())?);
        let kind = e.weight().kind;
        let label = style::edge_style(kind).label.map(|l| text("label", l));
        let note = graph
            .relation(e.weight())
            .and_then(|r| r.note.as_deref())
            .map(|n| text("tooltip", n));
        let faint = (drawing.dimmed(from.id()) || drawing.dimmed(to.id()))
            .then(|| attr("color", style::faint(style::edge_style(kind).color)));
        Some(edge(
            from.id().as_str(),
            to.id().as_str(),
            label.into_iter().chain(note).chain(faint).collect(),
        ))
    })
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

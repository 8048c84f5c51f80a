//! The legend of the DOT diagram: a `cluster_legend` subgraph.
//!
//! A reader meets fill colours, arrowheads and line patterns before any explanation, so the
//! diagram explains them itself: a table of rating colours, a sample claim and source, and one
//! sample edge per kind of line. Legend node ids start with an upper-case letter, which claim and
//! source ids cannot contain, so they never collide with the graph's own.

use graphviz_rust::dot_structures::{Attribute, GraphAttributes, Id, Node, Stmt, Subgraph};

use super::{attr, edge, edge_look, node_id, source_look, text};
use crate::format::style;

/// The legend's heading and its swatches (word, fill).
type Fills = (&'static str, Vec<(String, &'static str)>);

/// The legend subgraph.
pub(super) fn legend(fills: &Fills, sources: bool) -> Subgraph {
    let mut stmts = vec![
        Stmt::Attribute(text("label", "Legend")),
        Stmt::Attribute(attr("fontsize", "12")),
        Stmt::Attribute(attr("style", "rounded")),
        Stmt::Attribute(attr("color", "#BBBBBB")),
        Stmt::Node(fill_table(fills)),
    ];
    if sources {
        stmts.push(Stmt::Node(Node::new(
            node_id("Legend.source"),
            [source_look(), vec![text("label", "source\n(kind)")]].concat(),
        )));
    }
    stmts.extend([
        // The ends of the sample edges, created by the edges below.
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", "point"),
            attr("width", "0.05"),
            attr("color", "#BBBBBB"),
        ])),
    ]);
    let kinds = if sources { 3 } else { 2 };
    for (i, (kind, meaning)) in style::LEGEND_EDGES.into_iter().take(kinds).enumerate() {
        let (from, to) = (format!("Legend.edge{i}.from"), format!("Legend.edge{i}.to"));
        let mut attributes = edge_look(kind);
        attributes.push(text("label", meaning));
        stmts.push(Stmt::Edge(edge(&from, &to, attributes)));
    }
    Subgraph {
        id: Id::Plain("cluster_legend".into()),
        stmts,
    }
}

/// A table of the claim fills, one cell per rating (three to a row), each filled with that
/// rating's colour.
fn fill_table((heading, fills): &Fills) -> Node {
    let cells: Vec<String> = fills
        .iter()
        .map(|(word, fill)| {
            format!(
                r#"<td bgcolor="{fill}" border="1" color="{}">{}</td>"#,
                style::CLAIM_BORDER,
                html(word)
            )
        })
        .collect();
    let rows: String = cells
        .chunks(3)
        .map(|row| format!("<tr>{}</tr>", row.concat()))
        .collect();
    let table = format!(
        r#"<<table border="0" cellborder="0" cellspacing="3" cellpadding="4"><tr><td colspan="3"><b>{heading}</b></td></tr>{rows}</table>>"#
    );
    Node::new(
        node_id("Legend.ratings"),
        vec![
            attr("shape", "plaintext"),
            Attribute(Id::Plain("label".into()), Id::Html(table)),
        ],
    )
}

/// `text` escaped for a Graphviz HTML-like label.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

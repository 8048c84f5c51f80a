//! GraphML, the XML graph format of yEd, Gephi, Cytoscape and NetworkX.
//!
//! Every field of the model becomes a GraphML attribute (`<key>`), so nothing is lost. Each tool
//! also gets what it needs to show the graph as our diagrams do: a `label` attribute (Gephi,
//! Cytoscape), `r`/`g`/`b` colour attributes (Gephi), and yFiles `nodegraphics` and
//! `edgegraphics` with shape, fill, label, line style and arrowheads (yEd).

use std::fmt::Write as _;

use super::edges::edges;
use super::loss::Loss;
use super::markup::escape;
use super::style::{self, EdgeStyle, Head, Line};
use crate::graph::{ClaimGraph, EdgeKind};
use crate::model::{Citation, Claim, Id, Relation, Source};

/// One attribute: its id, the element it belongs to, its name and type.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("text", "node", "text", "string"),
    ("by", "node", "by", "string"),
    ("date", "node", "date", "string"),
    ("tags", "node", "tags", "string"),
    ("confidence", "node", "confidence", "double"),
    ("rating", "node", "rating", "string"),
    ("reviewer", "node", "verdict_by", "string"),
    ("verdict_date", "node", "verdict_date", "string"),
    ("verdict_note", "node", "verdict_note", "string"),
    ("source_kind", "node", "source_kind", "string"),
    ("description", "node", "description", "string"),
    ("url", "node", "url", "string"),
    ("reliability", "node", "reliability", "double"),
    ("colour", "node", "colour", "string"),
    ("r", "node", "r", "int"),
    ("g", "node", "g", "int"),
    ("b", "node", "b", "int"),
    ("edge_kind", "edge", "kind", "string"),
    ("strength", "edge", "strength", "double"),
    ("note", "edge", "note", "string"),
    ("sources", "edge", "sources", "string"),
    ("quote", "edge", "quote", "string"),
    ("locator", "edge", "locator", "string"),
];

/// The GraphML of `graph`. GraphML carries every field, so nothing is lost.
pub fn to_graphml(graph: &ClaimGraph) -> (String, Vec<Loss>) {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
        " xmlns:y=\"http://www.yworks.com/xml/graphml\"",
        " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns",
        " http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n",
    ));
    for (id, owner, name, ty) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{owner}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    out.push_str("  <key id=\"ng\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n");
    out.push_str("  <key id=\"eg\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n");
    out.push_str("  <graph id=\"claims\" edgedefault=\"directed\">\n");
    for (_, c) in graph.claims() {
        claim(&mut out, c);
    }
    for (_, s) in graph.sources() {
        source(&mut out, s);
    }
    for (n, edge) in edges(graph).into_iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{n}\" source=\"{}\" target=\"{}\">",
            escape(edge.from.as_str()),
            escape(edge.to.as_str())
        );
        data_line(&mut out, "edge_kind", edge.kind.as_str());
        let data = edge.relation.map(relation_data).into_iter().flatten();
        for (key, value) in data.chain(edge.citation.map(citation_data).into_iter().flatten()) {
            data_line(&mut out, key, &value);
        }
        edge_graphics(&mut out, edge.kind);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    (out, Vec::new())
}

fn claim(out: &mut String, c: &Claim) {
    let _ = writeln!(out, "    <node id=\"{}\">", escape(c.id.as_str()));
    let lines = style::claim_lines(c, &super::ColorBy::Rating);
    data_line(out, "label", &lines.join("\n"));
    data_line(out, "kind", "claim");
    data_line(out, "text", &c.text);
    opt(out, "by", c.by.as_ref().map(Id::to_string));
    opt(out, "date", c.date.map(|d| d.to_string()));
    if !c.tags.is_empty() {
        data_line(out, "tags", &c.tags.join(", "));
    }
    opt(out, "confidence", c.confidence.map(|x| x.to_string()));
    if let Some(v) = &c.verdict {
        data_line(out, "rating", v.rating.as_str());
        opt(out, "reviewer", v.by.as_ref().map(Id::to_string));
        opt(out, "verdict_date", v.date.map(|d| d.to_string()));
        opt(out, "verdict_note", v.note.clone());
    }
    let fill = style::rating_fill(c.verdict.as_ref().map(|v| v.rating));
    colour(out, fill);
    node_graphics(out, "roundrectangle", fill, style::CLAIM_BORDER, &lines);
    out.push_str("    </node>\n");
}

fn source(out: &mut String, s: &Source) {
    let _ = writeln!(out, "    <node id=\"{}\">", escape(s.id.as_str()));
    let lines = style::source_lines(s);
    data_line(out, "label", &lines.join("\n"));
    data_line(out, "kind", "source");
    data_line(out, "text", &s.name);
    opt(out, "source_kind", s.kind.map(|k| k.to_string()));
    opt(out, "description", s.description.clone());
    opt(out, "url", s.url.clone());
    opt(out, "date", s.date.map(|d| d.to_string()));
    opt(out, "reliability", s.reliability.map(|r| r.to_string()));
    colour(out, style::SOURCE_FILL);
    node_graphics(
        out,
        "ellipse",
        style::SOURCE_FILL,
        style::SOURCE_BORDER,
        &lines,
    );
    out.push_str("    </node>\n");
}

fn relation_data(r: &Relation) -> Vec<(&'static str, String)> {
    let mut data = Vec::new();
    if let Some(s) = r.strength {
        data.push(("strength", s.to_string()));
    }
    if let Some(n) = &r.note {
        data.push(("note", n.clone()));
    }
    if !r.sources.is_empty() {
        let ids: Vec<&str> = r.sources.iter().map(Id::as_str).collect();
        data.push(("sources", ids.join(", ")));
    }
    data
}

fn citation_data(c: &Citation) -> Vec<(&'static str, String)> {
    let quote = c.quote.clone().map(|q| ("quote", q));
    let locator = c.locator.clone().map(|l| ("locator", l));
    quote.into_iter().chain(locator).collect()
}

fn data_line(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", escape(value));
}

fn opt(out: &mut String, key: &str, value: Option<String>) {
    if let Some(v) = value {
        data_line(out, key, &v);
    }
}

/// The fill as `colour` (`#RRGGBB`) and as Gephi's `r`, `g`, `b`.
fn colour(out: &mut String, fill: &str) {
    data_line(out, "colour", fill);
    let channel =
        |i: usize| u8::from_str_radix(fill.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    for (key, i) in [("r", 1), ("g", 3), ("b", 5)] {
        data_line(out, key, &channel(i).to_string());
    }
}

fn node_graphics(out: &mut String, shape: &str, fill: &str, border: &str, lines: &[String]) {
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(4) as f64 * 7.0 + 20.0;
    let height = lines.len().max(1) as f64 * 16.0 + 14.0;
    let _ = write!(
        out,
        concat!(
            "      <data key=\"ng\"><y:ShapeNode>",
            "<y:Geometry width=\"{width}\" height=\"{height}\"/>",
            "<y:Fill color=\"{fill}\"/><y:BorderStyle color=\"{border}\" type=\"line\" width=\"1.0\"/>",
            "<y:NodeLabel>{label}</y:NodeLabel><y:Shape type=\"{shape}\"/>",
            "</y:ShapeNode></data>\n"
        ),
        width = width,
        height = height,
        fill = fill,
        border = border,
        label = escape(&lines.join("\n")),
        shape = shape,
    );
}

fn edge_graphics(out: &mut String, kind: EdgeKind) {
    let EdgeStyle {
        color,
        line,
        head,
        width,
        label,
    } = style::edge_style(kind);
    let line = match line {
        Line::Solid => "line",
        Line::Dashed => "dashed",
        Line::Dotted => "dotted",
    };
    let head = match head {
        Head::Normal => "standard",
        Head::Tee => "t_shape",
        Head::Vee => "plain",
    };
    let label = label.map_or_else(String::new, |l| {
        format!("<y:EdgeLabel>{}</y:EdgeLabel>", escape(l))
    });
    let _ = writeln!(
        out,
        "      <data key=\"eg\"><y:PolyLineEdge><y:LineStyle color=\"{color}\" type=\"{line}\" width=\"{width}\"/><y:Arrows source=\"none\" target=\"{head}\"/>{label}</y:PolyLineEdge></data>"
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fixture;

    #[test]
    fn snapshot() {
        let (text, losses) = to_graphml(&fixture::graph());
        assert!(losses.is_empty());
        insta::with_settings!({ snapshot_path => "snapshots" }, {
            insta::assert_snapshot!("graphml", text);
        });
    }

    #[test]
    fn is_well_formed_and_carries_the_attributes() {
        let (text, _) = to_graphml(&fixture::graph());
        let doc = roxmltree::Document::parse(&text).unwrap();
        let nodes: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("node"))
            .collect();
        assert_eq!(nodes.len(), 7);
        let efficient = nodes
            .iter()
            .find(|n| n.attribute("id") == Some("deepseek-efficient"))
            .unwrap();
        let data = |key: &str| {
            efficient
                .children()
                .find(|d| d.attribute("key") == Some(key))
                .and_then(|d| d.text())
        };
        assert_eq!(data("rating"), Some("misleading"));
        assert_eq!(data("kind"), Some("claim"));
        assert_eq!(data("colour"), Some("#77AADD"));
        let edges = doc.descendants().filter(|n| n.has_tag_name("edge")).count();
        assert_eq!(edges, 3 + 5);
    }
}

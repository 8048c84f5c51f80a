//! Writing graphviz-rust's DOT model as text.
//!
//! graphviz-rust's own printer (`DotPrinter` with `with_node_mult_attr_s_l`) builds a `String`
//! for every id, attribute, list and statement and joins them, then copies them again at each
//! level of nesting: at 100,000 claims that was a third of the DOT export. [`Writer`] writes
//! the same statements into one buffer, byte for byte the text graphviz-rust writes (the tests
//! below compare the two). It also takes long lists of statements as items and a function
//! that makes each item's statement: those are made and printed in chunks on all cores, and
//! each chunk's statements are dropped once printed, so a graph of 100,000 claims is never
//! held as one model in memory.

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, GraphAttributes, Id, Node, NodeId, Port, Stmt, Subgraph, Vertex,
};
use rayon::prelude::*;

/// How far each level of nesting is indented, as in graphviz-rust's default printer.
const STEP: usize = 2;

/// The longest edge statement graphviz-rust keeps on several lines is re-printed on one line
/// when its multi-line form is at most this long (its `inline_size`).
const INLINE: usize = 90;

/// Statements made from items are made and printed in chunks of this many items.
const CHUNK: usize = 2048;

/// A DOT graph written statement by statement, in the text graphviz-rust's printer writes for
/// the same statements.
pub(super) struct Writer {
    out: String,
    printer: Printer,
    /// The indent of the statements being written: one step per open graph or subgraph.
    indent: usize,
    /// Whether the innermost open graph or subgraph has no statement yet.
    empty: bool,
}

impl Writer {
    /// Opens a graph (`digraph` or `graph`, `strict` or not) named `id`.
    pub(super) fn new(strict: bool, digraph: bool, id: &Id) -> Writer {
        let mut out = String::new();
        if strict {
            out.push_str("strict ");
        }
        out.push_str(if digraph { "digraph " } else { "graph " });
        let printer = Printer { digraph };
        printer.id(&mut out, id);
        out.push_str(" {\n");
        Writer {
            out,
            printer,
            indent: STEP,
            empty: true,
        }
    }

    /// Writes one statement.
    pub(super) fn stmt(&mut self, stmt: &Stmt) {
        self.separate();
        self.printer.stmt(&mut self.out, stmt, self.indent);
    }

    /// Writes the statement `make` gives for each of `items`, in order. They are made and
    /// printed in chunks, in parallel, and dropped once printed.
    pub(super) fn stmts_from<T: Sync>(&mut self, items: &[T], make: impl Fn(&T) -> Stmt + Sync) {
        let (printer, indent) = (self.printer, self.indent);
        let chunks: Vec<String> = items
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut text = String::new();
                for (i, item) in chunk.iter().enumerate() {
                    if i > 0 {
                        text.push('\n');
                    }
                    printer.stmt(&mut text, &make(item), indent);
                }
                text
            })
            .collect();
        self.out.reserve(chunks.iter().map(|c| c.len() + 1).sum());
        for chunk in &chunks {
            self.separate();
            self.out.push_str(chunk);
        }
    }

    /// Opens `subgraph id { ... }`: the statements that follow are inside it until
    /// [`Writer::close`].
    pub(super) fn open(&mut self, id: &Id) {
        self.separate();
        push_indent(&mut self.out, self.indent);
        self.out.push_str("subgraph ");
        self.printer.id(&mut self.out, id);
        self.out.push_str(" {\n");
        self.indent += STEP;
        self.empty = true;
    }

    /// Closes the subgraph last opened.
    pub(super) fn close(&mut self) {
        self.indent -= STEP;
        self.out.push('\n');
        push_indent(&mut self.out, self.indent);
        self.out.push('}');
        self.empty = false;
    }

    /// The text, the graph closed.
    pub(super) fn finish(mut self) -> String {
        self.out.push_str("\n}");
        self.out
    }

    /// The line break between statements (none before the first of a graph or subgraph).
    fn separate(&mut self) {
        if !self.empty {
            self.out.push('\n');
        }
        self.empty = false;
    }
}

/// What printing depends on besides the indent: the edge operator.
#[derive(Clone, Copy)]
struct Printer {
    digraph: bool,
}

impl Printer {
    /// `stmts`, each on its own line(s) at `indent`, separated by line breaks (none after the
    /// last).
    fn stmts(self, out: &mut String, stmts: &[Stmt], indent: usize) {
        for (i, stmt) in stmts.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            self.stmt(out, stmt, indent);
        }
    }

    fn stmt(self, out: &mut String, stmt: &Stmt, indent: usize) {
        push_indent(out, indent);
        match stmt {
            Stmt::Node(node) => self.node(out, node, indent),
            Stmt::Subgraph(subgraph) => self.subgraph(out, subgraph, indent),
            Stmt::Attribute(attribute) => self.attribute(out, attribute),
            Stmt::GAttribute(attributes) => {
                let (keyword, list) = match attributes {
                    GraphAttributes::Graph(list) => ("graph", list),
                    GraphAttributes::Node(list) => ("node", list),
                    GraphAttributes::Edge(list) => ("edge", list),
                };
                out.push_str(keyword);
                self.attributes(out, list, Some(indent));
            }
            Stmt::Edge(edge) => self.edge(out, edge, indent),
        }
    }

    fn node(self, out: &mut String, node: &Node, indent: usize) {
        self.node_id(out, &node.id);
        self.attributes(out, &node.attributes, Some(indent));
    }

    fn subgraph(self, out: &mut String, subgraph: &Subgraph, indent: usize) {
        out.push_str("subgraph ");
        self.id(out, &subgraph.id);
        out.push_str(" {\n");
        self.stmts(out, &subgraph.stmts, indent + STEP);
        out.push('\n');
        push_indent(out, indent);
        out.push('}');
    }

    /// An edge; like graphviz-rust, written on one line when its multi-line form is short.
    fn edge(self, out: &mut String, edge: &Edge, indent: usize) {
        let start = out.len();
        self.edge_with(out, edge, Some(indent));
        if out.len() - start <= INLINE {
            out.truncate(start);
            self.edge_with(out, edge, None);
        }
    }

    /// An edge, its attributes on lines of their own at `indent` (`None`: on one line).
    fn edge_with(self, out: &mut String, edge: &Edge, indent: Option<usize>) {
        let bond = if self.digraph { " -> " } else { " -- " };
        match &edge.ty {
            EdgeTy::Pair(from, to) => {
                self.vertex(out, from, indent);
                out.push_str(bond);
                self.vertex(out, to, indent);
                if !edge.attributes.is_empty() {
                    out.push(' ');
                }
            }
            EdgeTy::Chain(vertices) => {
                for (i, vertex) in vertices.iter().enumerate() {
                    if i > 0 {
                        out.push_str(bond);
                    }
                    self.vertex(out, vertex, indent);
                }
            }
        }
        self.attributes(out, &edge.attributes, indent);
    }

    fn vertex(self, out: &mut String, vertex: &Vertex, indent: Option<usize>) {
        match vertex {
            Vertex::N(id) => self.node_id(out, id),
            Vertex::S(subgraph) => self.subgraph(out, subgraph, indent.unwrap_or(0)),
        }
    }

    /// `[a=b]` for one attribute; for more, one per line at `indent` plus a step (`None`: all
    /// on one line, `[a=b,c=d]`). Nothing for none.
    fn attributes(self, out: &mut String, attributes: &[Attribute], indent: Option<usize>) {
        match attributes {
            [] => {}
            [one] => {
                out.push('[');
                self.attribute(out, one);
                out.push(']');
            }
            many => {
                out.push('[');
                for (i, attribute) in many.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if let Some(indent) = indent {
                        out.push('\n');
                        push_indent(out, indent + STEP);
                    }
                    self.attribute(out, attribute);
                }
                if let Some(indent) = indent {
                    out.push('\n');
                    push_indent(out, indent);
                }
                out.push(']');
            }
        }
    }

    fn attribute(self, out: &mut String, Attribute(key, value): &Attribute) {
        self.id(out, key);
        out.push('=');
        self.id(out, value);
    }

    fn node_id(self, out: &mut String, NodeId(id, port): &NodeId) {
        self.id(out, id);
        match port {
            Some(Port(Some(id), Some(compass))) => {
                out.push(':');
                self.id(out, id);
                out.push(':');
                out.push_str(compass);
            }
            Some(Port(None, Some(compass))) => {
                out.push(':');
                out.push_str(compass);
            }
            Some(Port(Some(id), None)) => {
                out.push(':');
                self.id(out, id);
            }
            Some(Port(None, None)) | None => {}
        }
    }

    fn id(self, out: &mut String, id: &Id) {
        match id {
            Id::Html(text) | Id::Escaped(text) | Id::Plain(text) => out.push_str(text),
            Id::Anonymous(_) => {}
        }
    }
}

fn push_indent(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

#[cfg(test)]
mod tests {
    use graphviz_rust::printer::{DotPrinter, PrinterContext};

    use graphviz_rust::dot_structures::Graph;

    use super::*;
    use crate::format::dot::{attr, edge, node_id, text};

    /// The text of `graph`, as graphviz-rust's printer writes it with
    /// `PrinterContext::default().with_node_mult_attr_s_l()`.
    fn print(graph: &Graph) -> String {
        let (strict, digraph, id, stmts) = match graph {
            Graph::Graph { id, strict, stmts } => (*strict, false, id, stmts),
            Graph::DiGraph { id, strict, stmts } => (*strict, true, id, stmts),
        };
        let mut writer = Writer::new(strict, digraph, id);
        for stmt in stmts {
            writer.stmt(stmt);
        }
        writer.finish()
    }

    /// What graphviz-rust's printer writes for `graph`.
    fn reference(graph: &Graph) -> String {
        graph.print(PrinterContext::default().with_node_mult_attr_s_l())
    }

    fn node(id: &str, attributes: Vec<Attribute>) -> Stmt {
        Stmt::Node(Node::new(node_id(id), attributes))
    }

    fn subgraph(id: &str, stmts: Vec<Stmt>) -> Stmt {
        Stmt::Subgraph(Subgraph {
            id: Id::Plain(id.into()),
            stmts,
        })
    }

    /// Statements of every shape the exporter writes, and some it does not.
    fn sample(n: usize) -> Vec<Stmt> {
        let mut stmts = vec![
            Stmt::GAttribute(GraphAttributes::Graph(vec![attr("rankdir", "LR")])),
            Stmt::GAttribute(GraphAttributes::Node(vec![
                attr("fontname", "Helvetica"),
                attr("fontsize", "11"),
            ])),
            Stmt::GAttribute(GraphAttributes::Edge(vec![])),
            Stmt::Attribute(text("label", "A \"title\"")),
            node("bare", vec![]),
            node("one", vec![attr("shape", "box")]),
        ];
        let claims = (0..n).map(|i| {
            node(
                &format!("c{i}"),
                vec![
                    text("id", format!("claim-c{i}")),
                    attr("fillcolor", "#FFFFFF"),
                    text("label", format!("claim {i}\nwrapped")),
                ],
            )
        });
        let inner = subgraph("cluster_a", vec![node("x", vec![attr("a", "1")])]);
        stmts.push(subgraph(
            "claims",
            std::iter::once(inner).chain(claims).collect(),
        ));
        let edges = (0..n).map(|i| {
            let attributes = match i % 4 {
                0 => vec![],
                1 => vec![text("label", "cites")],
                2 => vec![text("label", "cites"), attr("color", "#AAAAAA66")],
                _ => vec![
                    text(
                        "tooltip",
                        "a note long enough to push the edge past ninety bytes",
                    ),
                    attr("color", "#AAAAAA66"),
                ],
            };
            Stmt::Edge(edge(&format!("c{i}"), &format!("c{}", i / 2), attributes))
        });
        stmts.push(subgraph("supports", edges.collect()));
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Chain(vec![
                Vertex::N(node_id("a")),
                Vertex::N(NodeId(
                    Id::Plain("b".into()),
                    Some(Port(None, Some("n".into()))),
                )),
                Vertex::N(NodeId(
                    Id::Plain("c".into()),
                    Some(Port(Some(Id::Plain("p".into())), Some("s".into()))),
                )),
            ]),
            attributes: vec![attr("a", "1"), attr("b", "2")],
        }));
        stmts
    }

    #[test]
    fn writes_what_graphviz_rust_writes() {
        for n in [0, 1, 7] {
            for graph in [
                Graph::DiGraph {
                    id: Id::Plain("claims".into()),
                    strict: false,
                    stmts: sample(n),
                },
                Graph::Graph {
                    id: Id::Escaped("\"g\"".into()),
                    strict: true,
                    stmts: sample(n),
                },
            ] {
                assert_eq!(print(&graph), reference(&graph), "{n} statements");
            }
        }
    }

    /// Statements made from items are printed in parallel chunks, inside and outside
    /// subgraphs; the text must be what the same statements give as one model.
    #[test]
    fn statements_from_items_print_as_the_model_does() {
        let stmts = sample(3 * CHUNK + 5);
        let id = Id::Plain("big".into());
        let (head, subgraphs) = stmts.split_at(6);
        let mut writer = Writer::new(false, true, &id);
        for stmt in head {
            writer.stmt(stmt);
        }
        for stmt in subgraphs {
            match stmt {
                Stmt::Subgraph(subgraph) => {
                    writer.open(&subgraph.id);
                    let (first, rest) = subgraph.stmts.split_at(1);
                    writer.stmt(&first[0]);
                    writer.stmts_from(rest, Stmt::clone);
                    writer.open(&Id::Plain("empty".into()));
                    writer.close();
                    writer.close();
                }
                other => writer.stmts_from(std::slice::from_ref(other), Stmt::clone),
            }
        }
        let mut model = Vec::from(head);
        for stmt in subgraphs {
            model.push(match stmt {
                Stmt::Subgraph(subgraph) => {
                    let mut inner = subgraph.stmts.clone();
                    inner.push(Stmt::Subgraph(Subgraph {
                        id: Id::Plain("empty".into()),
                        stmts: Vec::new(),
                    }));
                    Stmt::Subgraph(Subgraph {
                        id: subgraph.id.clone(),
                        stmts: inner,
                    })
                }
                other => other.clone(),
            });
        }
        let graph = Graph::DiGraph {
            id,
            strict: false,
            stmts: model,
        };
        assert_eq!(writer.finish(), reference(&graph));
    }
}

use graphviz_rust::dot_structures::{Graph, Id, Node, Stmt};
use proptest::prelude::*;

use super::*;
use crate::format::fixture;
use crate::model::{Corpus, Id as ClaimId};

fn options(title: Option<&str>) -> ExportOptions {
    ExportOptions {
        title: title.map(String::from),
        ..ExportOptions::default()
    }
}

#[test]
fn snapshot() {
    let dot = to_dot(&fixture::graph(), &options(Some("DeepSeek & \"compute\"")));
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!("dot", dot);
    });
}

/// Every style option at once: coloured and grouped by speaker, top to bottom, focused on one
/// claim, speakers merged into the boxes.
#[test]
fn styled_snapshot() {
    let graph = fixture::graph();
    let style = crate::model::Style {
        color_by: crate::model::ColorKey::Speaker,
        group_by: Some(crate::model::GroupBy::Speaker),
        rankdir: crate::model::RankDir::TopBottom,
        focus: Some(ClaimId::new("deepseek-efficient").unwrap()),
        sources: SourceMode::Merge,
    };
    let options = ExportOptions::styled(&graph, &style, None, Default::default()).unwrap();
    let dot = to_dot(&graph, &options);
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!("dot_styled", dot);
    });
}

#[test]
fn is_deterministic() {
    let first = to_dot(&fixture::graph(), &options(None));
    for _ in 0..5 {
        assert_eq!(to_dot(&fixture::graph(), &options(None)), first);
    }
}

/// Every node statement of `dot`, subgraphs included, in order.
fn parsed_nodes(dot: &str) -> Vec<Node> {
    fn collect(stmts: &[Stmt], out: &mut Vec<Node>) {
        for stmt in stmts {
            match stmt {
                Stmt::Node(n) => out.push(n.clone()),
                Stmt::Subgraph(s) => collect(&s.stmts, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    match graphviz_rust::parse(dot) {
        Ok(Graph::DiGraph { stmts, .. }) => collect(&stmts, &mut out),
        other => panic!("not a digraph: {other:?}\n{dot}"),
    }
    out
}

/// The text of attribute `key` of `node`, read back with [`unquote`].
fn text_of(node: &Node, key: &str) -> Option<String> {
    match &node
        .attributes
        .iter()
        .find(|a| a.0 == Id::Plain(key.into()))?
        .1
    {
        Id::Escaped(quoted) => unquote(quoted),
        _ => None,
    }
}

#[test]
fn parses_and_keeps_every_node_in_order() {
    let nodes = parsed_nodes(&to_dot(&fixture::graph(), &options(Some("t"))));
    let ids: Vec<String> = nodes
        .iter()
        .filter_map(|n| match &n.id.0 {
            Id::Escaped(quoted) => unquote(quoted),
            _ => None,
        })
        .collect();
    let expected = [
        "compute-gap",
        "deepseek-efficient",
        "china-resilient",
        "china-catching-up",
    ];
    assert_eq!(ids[..4], expected);
    assert_eq!(ids[4..7], ["kai-fu-lee", "article", "desk"]);
    assert!(
        ids[7..].iter().all(|id| id.starts_with("Legend.")),
        "{ids:?}"
    );
    let article = &nodes[5];
    assert_eq!(
        text_of(article, "URL").as_deref(),
        Some("https://example.org/ai?lang=en&page=2")
    );
    assert_eq!(
        text_of(article, "label").as_deref(),
        Some("China's AI \"Sputnik moment\"\n(publication)")
    );
}

#[test]
fn empty_graph_still_has_a_legend() {
    let dot = to_dot(&ClaimGraph::default(), &options(None));
    assert!(dot.starts_with("digraph claims {\n"), "{dot}");
    assert!(dot.contains("subgraph cluster_legend"), "{dot}");
    assert!(graphviz_rust::parse(&dot).is_ok());
}

#[test]
fn plain_values_are_not_quoted() {
    assert!(is_plain("LR") && is_plain("box") && is_plain("0.25") && is_plain("_x1"));
    assert!(
        !is_plain("") && !is_plain("rounded,filled") && !is_plain("#555555") && !is_plain("1.2.3")
    );
    assert!(!is_plain("node") && !is_plain("Graph") && !is_plain("a-b") && !is_plain("é"));
}

proptest! {
    /// End to end: whatever a claim says, `to_dot` writes DOT that parses, and the tooltip
    /// reads back as the claim's text (less the control characters no renderer draws; each
    /// backslash doubled, as Graphviz expands tooltips twice).
    #[test]
    fn any_claim_text_survives(text in any::<String>()) {
        let claim = Claim::new(ClaimId::new("c").expect("valid id"), text.clone());
        let graph = ClaimGraph::build(Corpus { claims: vec![claim], ..Corpus::default() }).expect("one claim");
        let dot = to_dot(&graph, &options(Some(&text)));
        let tooltip = parsed_nodes(&dot).first().and_then(|n| text_of(n, "tooltip"));
        let want = crate::format::wrap::printable(&text).replace('\\', "\\\\");
        prop_assert_eq!(tooltip, Some(want), "{}", dot);
    }
}

/// The text is what graphviz-rust's own printer writes for the same model: parsed back by
/// graphviz-rust and printed by it, every export, plain and styled, comes out unchanged.
#[test]
fn graphviz_rust_prints_the_same_text() {
    use graphviz_rust::printer::{DotPrinter, PrinterContext};
    let graph = fixture::graph();
    let grouped = crate::model::Style {
        group_by: Some(crate::model::GroupBy::Speaker),
        focus: Some(ClaimId::new("deepseek-efficient").unwrap()),
        ..crate::model::Style::default()
    };
    let grouped = ExportOptions::styled(&graph, &grouped, None, Default::default()).unwrap();
    for options in [options(None), options(Some("A \"title\"")), grouped] {
        let dot = to_dot(&graph, &options);
        let model = graphviz_rust::parse(&dot).unwrap();
        let printed = model.print(PrinterContext::default().with_node_mult_attr_s_l());
        assert_eq!(format!("{printed}\n"), dot);
    }
}

//! Mermaid flowcharts, which GitHub, GitLab and many wikis render inside Markdown.
//!
//! Mermaid's syntax is fragile in two places, both handled here: node ids (only ASCII letters,
//! digits and `_` are safe, and a bare `end` closes a subgraph), so every id is rewritten as
//! `c_...` or `s_...` and made unique; and label text, where quotes, `#`, `<`, `>`, `&`,
//! backticks and `%` (which starts `%%{init}%%` directives, read anywhere in the text) must be
//! written as Mermaid entity codes (`#quot;`, `#35;`, `#37;` ...). Claims are rounded
//! boxes coloured by rating (with the rating written out too), sources stadium shapes.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::edges::edges;
use super::loss::{Carried, Loss, not_carried};
use super::style::{self, rating_fill};
use super::wrap::{WIDTH, wrap};
use crate::graph::{ClaimGraph, EdgeKind, NodeRef};
use crate::model::{Id, Rating};

/// The flowchart of `graph`, and what it could not show.
pub fn to_mermaid(graph: &ClaimGraph) -> (String, Vec<Loss>) {
    let ids = MermaidIds::new(graph);
    let mut out = String::from("flowchart LR\n");
    for (_, c) in graph.claims() {
        let mut lines = wrap(&c.text, WIDTH);
        if let Some(v) = &c.verdict {
            lines.push(format!("[{}]", v.rating));
        }
        let _ = writeln!(out, "  {}(\"{}\")", ids.get(&c.id), label(&lines));
        let class = c.verdict.as_ref().map_or("unrated", |v| v.rating.as_str());
        let _ = writeln!(out, "  class {} {}", ids.get(&c.id), class_name(class));
    }
    for (_, s) in graph.sources() {
        let lines = style::source_lines(s);
        let _ = writeln!(out, "  {}([\"{}\"])", ids.get(&s.id), label(&lines));
        let _ = writeln!(out, "  class {} source", ids.get(&s.id));
    }
    let mut link_styles: Vec<(usize, EdgeKind)> = Vec::new();
    for (n, edge) in edges(graph).into_iter().enumerate() {
        let kind = edge.kind;
        let arrow = match kind {
            EdgeKind::Supports => "-->|supports|".to_string(),
            EdgeKind::Contradicts => "--x|contradicts|".to_string(),
            EdgeKind::Cites => "-.->".to_string(),
            other => format!("-.->|{}|", other.as_str()),
        };
        let _ = writeln!(out, "  {} {arrow} {}", ids.get(edge.from), ids.get(edge.to));
        link_styles.push((n, kind));
    }
    class_defs(&mut out);
    for (n, kind) in link_styles {
        let s = style::edge_style(kind);
        let dash = if kind == EdgeKind::Contradicts {
            ",stroke-dasharray:6 3"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  linkStyle {n} stroke:{},stroke-width:{}px{dash}",
            s.color, s.width
        );
    }
    let carried = Carried {
        speakers: true,
        citations: true,
        ratings: true,
        reviewers: true,
        evidence: true,
        sources: true,
        ..Carried::default()
    };
    (
        out,
        not_carried(graph.corpus(), "Mermaid", carried).into_vec(),
    )
}

fn class_defs(out: &mut String) {
    let ratings = Rating::ALL
        .iter()
        .map(|r| (r.as_str(), rating_fill(Some(*r))));
    for (name, fill) in ratings.chain([(style::UNRATED, style::UNRATED_FILL)]) {
        let _ = writeln!(
            out,
            "  classDef {} fill:{fill},stroke:{},color:{}",
            class_name(name),
            style::CLAIM_BORDER,
            style::INK
        );
    }
    let _ = writeln!(
        out,
        "  classDef source fill:{},stroke:{},color:{}",
        style::SOURCE_FILL,
        style::SOURCE_BORDER,
        style::INK
    );
}

/// A class name for a rating (`mostly-true` -> `r_mostly_true`).
fn class_name(rating: &str) -> String {
    format!("r_{}", rating.replace('-', "_"))
}

/// Lines joined with `<br/>`, each escaped for a quoted Mermaid label.
fn label(lines: &[String]) -> String {
    let escaped: Vec<String> = lines.iter().map(|l| escape(l)).collect();
    escaped.join("<br/>")
}

/// `text` safe inside a quoted Mermaid label: Mermaid's `#name;` / `#NN;` entity codes for the
/// characters that end the label or would be read as markup.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            // `%%{...}%%` is a directive (it can change `securityLevel`) wherever it appears,
            // and `%%` starts a comment.
            '%' => out.push_str("#37;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Mermaid ids for every node: `c_` or `s_`, then the id with every other character as `_`,
/// made unique with a number.
struct MermaidIds(HashMap<Id, String>);

impl MermaidIds {
    fn new(graph: &ClaimGraph) -> MermaidIds {
        let mut taken = HashSet::new();
        let mut map = HashMap::new();
        let nodes = graph
            .claims()
            .map(|(ix, _)| ix)
            .chain(graph.sources().map(|(ix, _)| ix));
        for ix in nodes {
            let Some(node) = graph.get(ix) else { continue };
            let prefix = match node {
                NodeRef::Claim(_) => "c_",
                NodeRef::Source(_) => "s_",
            };
            let id = node.id();
            let base: String = prefix
                .chars()
                .chain(
                    id.as_str()
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }),
                )
                .collect();
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.clone()) {
                name = format!("{base}_{n}");
                n += 1;
            }
            map.insert(id.clone(), name);
        }
        MermaidIds(map)
    }

    fn get(&self, id: &Id) -> &str {
        self.0.get(id).map_or("missing", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fixture;
    use crate::model::{Claim, Corpus};

    #[test]
    fn snapshot() {
        let (text, losses) = to_mermaid(&fixture::graph());
        insta::with_settings!({ snapshot_path => "snapshots" }, {
            insta::assert_snapshot!("mermaid", fixture::with_losses(&text, &losses));
        });
    }

    #[test]
    fn ids_are_safe_and_unique_and_text_is_escaped() {
        let id = |s: &str| Id::new(s).unwrap();
        let corpus = Corpus {
            claims: vec![
                Claim::new(id("a-b"), "say \"hi\" #1 <b> & `x`"),
                Claim::new(id("a_b"), "end"),
                Claim::new(id("end"), "x"),
                Claim::new(id("init"), "%%{init: {'theme':'dark'}}%% 5%"),
            ],
            ..Corpus::default()
        };
        let (text, _) = to_mermaid(&ClaimGraph::build(corpus).unwrap());
        assert!(text.contains("  c_a_b(\"say #quot;hi#quot; #35;1 #lt;b#gt; #amp; #96;x#96;\")"));
        assert!(text.contains("  c_a_b_2(\"end\")"));
        assert!(text.contains("  c_end(\"x\")"));
        assert!(text.contains("  c_init(\"#37;#37;{init: {'theme':'dark'}}#37;#37; 5#37;\")"));
        assert!(!text.contains('%'), "{text}");
    }
}

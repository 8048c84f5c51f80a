//! The report's data: every claim and source as one JSON document, safe to embed in a page.
//!
//! The page's script reads this blob instead of scraping the table or the diagrams, so the
//! details panel can show what neither holds (quotes, locators, verdict notes, relation notes).
//! Each claim carries its neighbours in both directions, already resolved, so the script needs
//! no graph code of its own.

use std::borrow::Cow;
use std::collections::HashMap;

use petgraph::Direction;
use serde::Serialize;

use crate::eval::Label;
use crate::format::style;
use crate::graph::{ClaimGraph, EdgeKind};
use crate::link::link;
use crate::model::{Citation, Claim, Id, Source, Verdict};

/// Everything the page's script knows.
#[derive(Debug, Serialize)]
pub(super) struct Data<'a> {
    /// The claims, in corpus order.
    pub claims: Vec<ClaimData<'a>>,
    /// The sources, in corpus order, each `url` only when it may be a link ([`link`]).
    pub sources: Vec<Source>,
}

/// One claim as the page shows it.
#[derive(Debug, Serialize)]
pub(super) struct ClaimData<'a> {
    id: &'a Id,
    text: &'a str,
    /// The speaker's source id.
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    tags: &'a [String],
    /// Where it appears, with the wording and the place.
    sources: &'a [Citation],
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<&'a Verdict>,
    /// The fill its diagrams give it, by rating.
    fill: &'static str,
    /// Its evaluation label (`in`, `out`, `undec`), when evaluated.
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'static str>,
    /// What the label means in words (`stands`, `falls`, `open`).
    #[serde(skip_serializing_if = "Option::is_none")]
    label_word: Option<&'static str>,
    /// The file it is written in.
    file: String,
    /// Claims that support it.
    supporters: Vec<Link<'a>>,
    /// Claims that contradict it.
    attackers: Vec<Link<'a>>,
    /// Claims it supports.
    supports: Vec<Link<'a>>,
    /// Claims it contradicts.
    contradicts: Vec<Link<'a>>,
}

/// A relation seen from one end: the claim at the other end and the relation's note.
#[derive(Debug, Serialize)]
struct Link<'a> {
    id: &'a Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

impl<'a> Data<'a> {
    /// The data of `graph`, with each claim's label from `labels`.
    pub fn new(graph: &'a ClaimGraph, labels: &HashMap<Id, Label>) -> Data<'a> {
        let claims = graph
            .claims()
            .map(|(ix, claim)| {
                let links = |kind, dir| links(graph, ix, kind, dir);
                ClaimData {
                    supporters: links(EdgeKind::Supports, Direction::Incoming),
                    attackers: links(EdgeKind::Contradicts, Direction::Incoming),
                    supports: links(EdgeKind::Supports, Direction::Outgoing),
                    contradicts: links(EdgeKind::Contradicts, Direction::Outgoing),
                    ..ClaimData::bare(graph, claim, labels)
                }
            })
            .collect();
        let sources = graph
            .sources()
            .map(|(_, s)| Source {
                url: s.url.as_deref().and_then(link).map(Cow::into_owned),
                ..s.clone()
            })
            .collect();
        Data { claims, sources }
    }

    /// The data as JSON that can sit inside a `<script>` element: `<`, `>` and `&` are written
    /// as `\u` escapes (legal in JSON strings, the only place they can occur), so no `</script>`
    /// or `<!--` in a claim's text can end the element early.
    pub fn to_script_json(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_else(|_| "{}".into());
        script_safe(&json)
    }
}

impl<'a> ClaimData<'a> {
    /// A claim's own fields, without its relations.
    fn bare(graph: &ClaimGraph, claim: &'a Claim, labels: &HashMap<Id, Label>) -> ClaimData<'a> {
        let file = graph
            .corpus()
            .files
            .path(claim.origin.file)
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        ClaimData {
            id: &claim.id,
            text: &claim.text,
            by: claim.by.as_ref(),
            date: claim.date.map(|d| d.to_string()),
            tags: &claim.tags,
            sources: &claim.sources,
            verdict: claim.verdict.as_ref(),
            fill: style::rating_fill(claim.verdict.as_ref().map(|v| v.rating)),
            label: labels.get(&claim.id).map(|l| l.as_str()),
            label_word: labels.get(&claim.id).map(|&l| style::label_word(l)),
            file,
            supporters: Vec::new(),
            attackers: Vec::new(),
            supports: Vec::new(),
            contradicts: Vec::new(),
        }
    }
}

/// The claims related to `ix` by `kind` edges in direction `dir`, with the relations' notes.
fn links<'a>(
    graph: &'a ClaimGraph,
    ix: petgraph::stable_graph::NodeIndex,
    kind: EdgeKind,
    dir: Direction,
) -> Vec<Link<'a>> {
    graph
        .neighbors(ix, kind, dir)
        .into_iter()
        .filter_map(|(other, edge)| {
            Some(Link {
                id: &graph.claim(other)?.id,
                note: graph.relation(&edge).and_then(|r| r.note.as_deref()),
            })
        })
        .collect()
}

/// `json` with `<`, `>` and `&` escaped as `\u003c`, `\u003e` and `\u0026`.
pub(super) fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

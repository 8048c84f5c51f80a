//! Hover on an id: what it names. A claim shows its text, speaker, current verdict and its
//! `eval` label under the default semantics (grounded, verdicts pinned); a source its name,
//! kind, url and date.

use std::fmt::Write as _;

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::navigate::{span, under};
use super::workspace::State;
use crate::graph::ClaimGraph;
use crate::model::{Claim, Source};

/// What the id under the cursor names, in Markdown.
pub fn hover(state: &State, params: &HoverParams) -> Option<Hover> {
    let o = under(state, &params.text_document_position_params)?;
    let graph = state.graph.as_ref()?;
    let ix = graph.node(&o.id)?;
    let text = match (graph.claim(ix), graph.source(ix)) {
        (Some(claim), _) => describe_claim(graph, state, claim),
        (_, Some(source)) => describe_source(source),
        _ => return None,
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(span(o)),
    })
}

fn describe_claim(graph: &ClaimGraph, state: &State, claim: &Claim) -> String {
    let mut out = format!("**claim** `{}`\n\n{}\n", claim.id, claim.text);
    if let Some(by) = &claim.by {
        let name = graph
            .node(by.as_str())
            .and_then(|ix| graph.source(ix))
            .map_or(by.as_str(), |s| s.name.as_str());
        let _ = write!(out, "\nby {name} (`{by}`)\n");
    }
    if let Some(v) = &claim.verdict {
        let _ = write!(out, "\nverdict: **{}**", v.rating.as_str());
        if let Some(date) = &v.date {
            let _ = write!(out, " ({date})");
        }
        out.push('\n');
    }
    if let Some(label) = state.labels.get(&claim.id) {
        let _ = write!(out, "\neval (grounded): `{}`\n", label.as_str());
    }
    out
}

fn describe_source(source: &Source) -> String {
    let mut out = format!("**source** `{}`: {}\n", source.id, source.name);
    if let Some(kind) = source.kind {
        let _ = write!(out, "\nkind: {}", kind.as_str());
    }
    if let Some(url) = &source.url {
        let _ = write!(out, "\nurl: <{url}>");
    }
    if let Some(date) = &source.date {
        let _ = write!(out, "\ndate: {date}");
    }
    out.push('\n');
    out
}

//! The claims table and its filters, written as HTML so the page reads without its script.
//!
//! Each row carries what the filters test (`data-tags`, `data-speaker`, `data-rating`), so the
//! script only shows and hides rows.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use super::escape;
use crate::eval::Label;
use crate::format::style;
use crate::graph::ClaimGraph;
use crate::link::link;
use crate::model::{Claim, Id, Source};

/// Word for a claim with no verdict, in the rating column and filter.
const UNRATED: &str = "unrated";

/// The `<select>` filters by tag, speaker and rating, offering what the claims use.
pub(super) fn filters(graph: &ClaimGraph) -> String {
    let claims: Vec<&Claim> = graph.claims().map(|(_, c)| c).collect();
    let tags: BTreeSet<&str> = claims
        .iter()
        .flat_map(|c| c.tags.iter().map(String::as_str))
        .collect();
    let speakers: BTreeSet<(&str, &str)> = claims
        .iter()
        .filter_map(|c| c.by.as_ref())
        .map(|by| (speaker_name(graph, by), by.as_str()))
        .collect();
    let ratings: BTreeSet<&str> = claims.iter().map(|c| rating(c)).collect();
    let mut out = String::new();
    select(&mut out, "tag", "all tags", tags.iter().map(|t| (*t, *t)));
    select(
        &mut out,
        "speaker",
        "all speakers",
        speakers.iter().map(|(name, id)| (*id, *name)),
    );
    select(
        &mut out,
        "rating",
        "all ratings",
        ratings.iter().map(|r| (*r, *r)),
    );
    out
}

/// One `<select>` named `name` whose first option, `all`, matches everything.
fn select<'a>(
    out: &mut String,
    name: &str,
    all: &str,
    options: impl Iterator<Item = (&'a str, &'a str)>,
) {
    let _ = write!(
        out,
        "<label>{name} <select id=\"filter-{name}\" data-filter=\"{name}\">\
         <option value=\"\">{all}</option>",
    );
    for (value, text) in options {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            escape(value),
            escape(text)
        );
    }
    out.push_str("</select></label>\n");
}

/// The table's rows, one per claim in corpus order.
pub(super) fn rows(graph: &ClaimGraph, labels: &HashMap<Id, Label>) -> String {
    let sources: HashMap<&Id, &Source> = graph.sources().map(|(_, s)| (&s.id, s)).collect();
    let mut out = String::new();
    for (_, claim) in graph.claims() {
        row(
            &mut out,
            graph,
            claim,
            labels.get(&claim.id).copied(),
            &sources,
        );
    }
    out
}

fn row(
    out: &mut String,
    graph: &ClaimGraph,
    claim: &Claim,
    label: Option<Label>,
    sources: &HashMap<&Id, &Source>,
) {
    let id = escape(claim.id.as_str());
    let speaker = claim.by.as_ref().map(|by| speaker_name(graph, by));
    let rating = rating(claim);
    let _ = write!(
        out,
        "<tr data-id=\"{id}\" data-tags=\"{}\" data-speaker=\"{}\" data-rating=\"{rating}\">\
         <td class=\"id\"><a href=\"#claim/{id}\">{id}</a></td><td>{}</td><td>{}</td>\
         <td><span class=\"badge\" style=\"background:{}\">{rating}</span></td><td>",
        escape(&claim.tags.join(" ")),
        claim
            .by
            .as_ref()
            .map_or(String::new(), |by| escape(by.as_str())),
        escape(&claim.text),
        escape(speaker.unwrap_or("")),
        style::rating_fill(claim.verdict.as_ref().map(|v| v.rating)),
    );
    if let Some(label) = label {
        let _ = write!(
            out,
            "<span class=\"badge\" style=\"background:{}\">{}</span>",
            style::label_fill(label),
            style::label_word(label)
        );
    }
    out.push_str("</td><td>");
    let cited: BTreeSet<&Id> = claim.sources.iter().map(|c| &c.source).collect();
    let links: Vec<String> = cited
        .into_iter()
        .filter_map(|id| sources.get(id))
        .map(|s| source_link(s))
        .collect();
    out.push_str(&links.join(", "));
    out.push_str("</td></tr>\n");
}

/// A source's name, linked to its URL when it has one that may be a link ([`link`]).
pub(super) fn source_link(source: &Source) -> String {
    let name = escape(&source.name);
    match source.url.as_deref().and_then(link) {
        Some(url) => format!(
            "<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{name}</a>",
            escape(&url)
        ),
        None => name,
    }
}

/// The name of the source `by`, or its id when it names none.
fn speaker_name<'a>(graph: &'a ClaimGraph, by: &'a Id) -> &'a str {
    graph
        .node(by.as_str())
        .and_then(|ix| graph.source(ix))
        .map_or(by.as_str(), |s| s.name.as_str())
}

/// The claim's rating word, or `unrated`.
fn rating(claim: &Claim) -> &'static str {
    claim
        .verdict
        .as_ref()
        .map_or(UNRATED, |v| v.rating.as_str())
}

//! The HTML report: one self-contained page with every diagram, a claims table and details.
//!
//! `claimgraph build` writes it as `index.html` beside the diagrams. Everything the page needs
//! is inside it: each view's SVG inline, the style sheet and script (plain JS, no build step)
//! and the claim data as one JSON blob (`<script type="application/json" id="claims">`), so it
//! opens from disk and makes no network request. Its Content-Security-Policy runs only that
//! script, named by its hash, so nothing that reached the page from a claim file can run. The page, style sheet and script are files of
//! their own beside this module (`page.html`, `report.css`, `report.js`).
//!
//! The table is written here as HTML, so it reads without the script; the script adds what
//! needs it: search and filters, zoom and pan, and the details of a claim, built from the blob
//! with DOM calls that treat every value as text.

mod data;
mod inline;
mod table;

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::eval::Label;
use crate::format::markup::escape;
use crate::graph::ClaimGraph;
use crate::model::Id;

const PAGE: &str = include_str!("page.html");
const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// One view's diagram as the page shows it.
#[derive(Debug, Clone)]
pub struct Diagram {
    /// The view's name: the stem of its files, and its tab.
    pub name: String,
    /// The view's title.
    pub title: String,
    /// What the view shows, in a sentence or two (a named view's `description`).
    pub description: Option<String>,
    /// The SVG document, as written to `<name>.svg`.
    pub svg: String,
}

/// The report page of `graph`: `diagrams` in the given order, claims labelled by `labels`
/// (claims missing from it show no label).
pub fn report(graph: &ClaimGraph, labels: &HashMap<Id, Label>, diagrams: &[Diagram]) -> String {
    let data = data::Data::new(graph, labels);
    let summary = format!(
        "{} claims, {} sources, {} views",
        graph.claim_count(),
        graph.source_count(),
        diagrams.len()
    );
    fill(
        PAGE,
        &[
            ("css", CSS),
            ("summary", &escape(&summary)),
            ("tabs", &tabs(diagrams)),
            ("views", &views(diagrams)),
            ("filters", &table::filters(graph)),
            ("rows", &table::rows(graph, labels)),
            ("data", &data.to_script_json()),
            ("js", JS),
            ("script-hash", &script_hash(JS)),
        ],
    )
}

/// The Content-Security-Policy source that lets the page run `script` and no other script:
/// its SHA-256 (`'sha256-...'`). No `'unsafe-inline'`, so markup that slipped into the page
/// (a `<script>` or an `onload=` in a diagram) would not run.
fn script_hash(script: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(script.as_bytes());
    let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
    format!("'sha256-{encoded}'")
}

/// One button per view; the first is selected.
fn tabs(diagrams: &[Diagram]) -> String {
    let mut out = String::new();
    for (i, d) in diagrams.iter().enumerate() {
        let _ = writeln!(
            out,
            "<button type=\"button\" role=\"tab\" data-view=\"{}\" aria-selected=\"{}\" title=\"{}\">{}</button>",
            escape(&d.name),
            i == 0,
            escape(&d.title),
            escape(&d.name),
        );
    }
    out
}

/// Each diagram in its own frame, all but the first hidden.
fn views(diagrams: &[Diagram]) -> String {
    let mut out = String::new();
    for (i, d) in diagrams.iter().enumerate() {
        let hidden = if i == 0 { "" } else { " hidden" };
        let _ = writeln!(
            out,
            "<figure class=\"view\" data-view=\"{}\"{hidden}><figcaption>{}{}</figcaption>\
             <div class=\"frame\">{}</div></figure>",
            escape(&d.name),
            escape(&d.title),
            d.description
                .as_deref()
                .map(|t| format!("<span class=\"description\">{}</span>", escape(t)))
                .unwrap_or_default(),
            inline::inline(&d.svg, &format!("v{i}-")),
        );
    }
    out
}

/// `template` with each `{{key}}` replaced by its value, in one pass (a value that contains
/// `{{key}}` is not expanded again).
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + values.iter().map(|v| v.1.len()).sum::<usize>());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let key = &rest[start + 2..start + len];
        out.push_str(&rest[..start]);
        match values.iter().find(|(k, _)| *k == key) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[start..start + len + 2]),
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;

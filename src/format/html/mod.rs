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

/// One view's diagram as the page shows it, borrowed from what drew it.
#[derive(Debug, Clone, Copy)]
pub struct Diagram<'a> {
    /// The view's name: the stem of its files, and its tab.
    pub name: &'a str,
    /// The view's title.
    pub title: &'a str,
    /// What the view shows, in a sentence or two (a named view's `description`).
    pub description: Option<&'a str>,
    /// The SVG document, as written to `<name>.svg`.
    pub svg: &'a str,
}

/// The report page of `graph`: `diagrams` in the given order, claims labelled by `labels`
/// (claims missing from it show no label).
pub fn report(graph: &ClaimGraph, labels: &HashMap<Id, Label>, diagrams: &[Diagram]) -> String {
    let mut page = String::new();
    Report::new(graph, labels).write(diagrams, |piece| page.push_str(piece));
    page
}

/// The parts of the report page that do not depend on the diagrams (the table, the filters,
/// the claim data), rendered once: `build` writes the page with the SVGs, and hashes the page
/// with each diagram's DOT in their place without rendering the rest again.
#[derive(Debug)]
pub struct Report {
    counts: (usize, usize),
    filters: String,
    rows: String,
    data: String,
    script_hash: String,
}

impl Report {
    /// The parts of the report page of `graph`, claims labelled by `labels`.
    pub fn new(graph: &ClaimGraph, labels: &HashMap<Id, Label>) -> Report {
        Report {
            counts: (graph.claim_count(), graph.source_count()),
            filters: table::filters(graph),
            rows: table::rows(graph, labels),
            data: data::Data::new(graph, labels).to_script_json(),
            script_hash: script_hash(JS),
        }
    }

    /// The page with `diagrams` in the given order, piece by piece in order to `out` (which
    /// may build a string or fold a hash).
    pub fn write(&self, diagrams: &[Diagram], out: impl FnMut(&str)) {
        let summary = format!(
            "{} claims, {} sources, {} views",
            self.counts.0,
            self.counts.1,
            diagrams.len()
        );
        fill(
            PAGE,
            &[
                ("css", CSS),
                ("summary", &escape(&summary)),
                ("tabs", &tabs(diagrams)),
                ("views", &views(diagrams)),
                ("filters", &self.filters),
                ("rows", &self.rows),
                ("data", &self.data),
                ("js", JS),
                ("script-hash", &self.script_hash),
            ],
            out,
        );
    }
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
            escape(d.name),
            i == 0,
            escape(d.title),
            escape(d.name),
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
            escape(d.name),
            escape(d.title),
            d.description
                .map(|t| format!("<span class=\"description\">{}</span>", escape(t)))
                .unwrap_or_default(),
            inline::inline(d.svg, &format!("v{i}-")),
        );
    }
    out
}

/// `template` with each `{{key}}` replaced by its value, in one pass (a value that contains
/// `{{key}}` is not expanded again), piece by piece to `out`.
fn fill(template: &str, values: &[(&str, &str)], mut out: impl FnMut(&str)) {
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let key = &rest[start + 2..start + len];
        out(&rest[..start]);
        match values.iter().find(|(k, _)| *k == key) {
            Some((_, value)) => out(value),
            None => out(&rest[start..start + len + 2]),
        }
        rest = &rest[start + len + 2..];
    }
    out(rest);
}

#[cfg(test)]
mod tests;

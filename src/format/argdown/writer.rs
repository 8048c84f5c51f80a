//! Writing Argdown: each claim a top-level statement, with what bears on it indented below.
//!
//! ```text
//! [deepseek-efficient]: DeepSeek used far fewer resources than ChatGPT. #(compute) {verdict: "misleading"}
//!   - [compute-gap]
//!   + [other-claim]
//! ```
//!
//! Text is escaped so Argdown reads it back as written: every character that could start
//! Argdown markup (`[`, `<`, `#`, `*`, `_`, `@`, `{`, `/`, `=`, `\`) gets a backslash, and so
//! do `.` and `:` where they would open a shortcode (`.x.`, `:x:`). Argdown reads runs of
//! whitespace as one space, so text is written that way.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::patterns;
use crate::format::loss::{Carried, Loss, Losses, not_carried};
use crate::graph::ClaimGraph;
use crate::model::{Claim, Corpus, Id, Relation, RelationKind};

/// The Argdown of `graph`, and what Argdown cannot carry.
pub fn to_argdown(graph: &ClaimGraph) -> (String, Vec<Loss>) {
    let corpus = graph.corpus();
    let mut losses = Losses::default();
    let mut out = String::new();
    let mut by_target: HashMap<&Id, Vec<&Relation>> = HashMap::new();
    for r in &corpus.relations {
        by_target.entry(&r.to).or_default().push(r);
    }
    for (n, c) in corpus.claims.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        statement(&mut out, corpus, c, &mut losses);
        let bearing = by_target.get(&c.id).map_or(&[][..], Vec::as_slice);
        relations(&mut out, bearing, &mut losses);
    }
    let carried = Carried {
        speakers: true,
        citations: true,
        dates: true,
        tags: true,
        confidence: true,
        ratings: true,
        reviewers: true,
        verdict_dates: true,
        verdict_notes: true,
        ..Carried::default()
    };
    losses.extend(not_carried(corpus, "Argdown", carried));
    (out, losses.into_vec())
}

fn statement(out: &mut String, corpus: &Corpus, c: &Claim, losses: &mut Losses) {
    let mut text = collapse(&c.text);
    if text != c.text {
        let reason = "Argdown reads runs of whitespace as one space";
        losses.record(reason, "texts", "written with single spaces", c.id.as_str());
    }
    if text.is_empty() {
        let reason = "an Argdown statement needs text";
        losses.record(reason, "empty texts", "written as the id", c.id.as_str());
        text = c.id.to_string();
    }
    let _ = write!(out, "[{}]: {}", c.id, escape(&text));
    for tag in &c.tags {
        if tag.contains(')') || tag.trim().is_empty() || tag.contains(['\n', '\r']) {
            let reason = "Argdown tags cannot hold `)` or line breaks, or be blank";
            losses.dropped(reason, "tags", c.id.as_str());
        } else {
            let _ = write!(out, " #({tag})");
        }
    }
    let fields = data(corpus, c, losses);
    if !fields.is_empty() {
        let _ = write!(out, " {{{}}}", fields.join(", "));
    }
    out.push('\n');
}

/// The relations that bear on a claim, indented below it.
fn relations(out: &mut String, bearing: &[&Relation], losses: &mut Losses) {
    for r in bearing {
        let symbol = match r.kind {
            RelationKind::Supports => "+",
            RelationKind::Contradicts => "-",
        };
        if r.from.as_str().starts_with('-') {
            let reason = "an Argdown reference cannot start with `-`";
            losses.dropped(reason, "relations", r.from.as_str());
            continue;
        }
        let _ = writeln!(out, "  {symbol} [{}]", r.from);
    }
}

/// The `{...}` data of a claim: speaker, first citation with a URL, date, confidence, verdict.
fn data(corpus: &Corpus, c: &Claim, losses: &mut Losses) -> Vec<String> {
    let source = |id: &Id| corpus.sources.iter().find(|s| &s.id == id);
    let mut fields = Vec::new();
    let mut field = |key: &str, value: &str| fields.push(format!("{key}: {}", quote(value)));
    if let Some(by) = c.by.as_ref().and_then(&source) {
        field("by", &by.name);
        field("by_id", by.id.as_str());
    }
    let mut cited = c.sources.iter().filter_map(|cite| source(&cite.source));
    match cited.find(|s| s.url.is_some()) {
        Some(s) => {
            field("url", s.url.as_deref().unwrap_or_default());
            field("source", &s.name);
            field("source_id", s.id.as_str());
        }
        None if !c.sources.is_empty() => {
            let reason = "Argdown data holds one cited URL";
            losses.dropped(reason, "citations without a URL", c.id.as_str());
        }
        None => {}
    }
    if c.sources
        .iter()
        .filter(|cite| source(&cite.source).is_some_and(|s| s.url.is_some()))
        .count()
        > 1
    {
        let reason = "Argdown data holds one cited URL";
        losses.dropped(reason, "further citations", c.id.as_str());
    }
    if let Some(d) = c.date {
        field("date", &d.to_string());
    }
    if let Some(v) = &c.verdict {
        field("verdict", v.rating.as_str());
        if let Some(r) = v.by.as_ref().and_then(&source) {
            field("reviewer", &r.name);
            field("reviewer_id", r.id.as_str());
        }
        if let Some(d) = v.date {
            field("verdict_date", &d.to_string());
        }
        if let Some(n) = &v.note {
            field("note", n);
        }
    }
    if let Some(x) = c.confidence {
        fields.push(format!("confidence: {x}"));
    }
    fields
}

/// A JSON string, which YAML reads too, with braces written as escapes so Argdown's data
/// pattern cannot end inside it.
fn quote(text: &str) -> String {
    crate::format::json_text::to_string(text)
        .replace('{', "\\u007b")
        .replace('}', "\\u007d")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` with a backslash before every character Argdown would read as markup.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        let markup = "\\[]<>#*_@{}/=".contains(c);
        let shortcode = (c == '.' || c == ':') && patterns::is_special(&text[i..]);
        if markup || shortcode {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

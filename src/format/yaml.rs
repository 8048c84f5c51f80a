//! Writing claim files (format version 1), for `claimgraph import`.
//!
//! Written by hand rather than through a YAML serializer, so the files look like the ones people
//! write: short forms where an item has nothing more to say (`sources: [article]`,
//! `supports: [b]`), long forms otherwise, and quotes only where YAML needs them. Every string
//! that could be read as something else (a number, a boolean, a date, a comment, a key) is
//! written as a double-quoted JSON string, which YAML reads back exactly.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::model::{Citation, Claim, Corpus, Id, Relation, RelationKind, Source, Verdict};

/// The claim file of `corpus`, starting with `header` as `#` comment lines.
///
/// Relations without attributes are written on the claim they start from (`supports: [...]`),
/// the others in a `relations:` list; loading the file gives back the same items and relations
/// (relations possibly in another order).
pub fn to_claim_file(corpus: &Corpus, header: &[String]) -> String {
    let mut out = String::new();
    for line in header {
        let _ = writeln!(out, "# {line}");
    }
    if !corpus.sources.is_empty() {
        out.push_str("sources:\n");
        for s in &corpus.sources {
            source(&mut out, s);
        }
    }
    let (short, long): (Vec<&Relation>, Vec<&Relation>) =
        corpus.relations.iter().partition(|r| is_plain(r));
    let mut by_source: HashMap<&Id, Vec<&Relation>> = HashMap::new();
    for r in short {
        by_source.entry(&r.from).or_default().push(r);
    }
    if !corpus.claims.is_empty() {
        out.push_str(if corpus.sources.is_empty() { "" } else { "\n" });
        out.push_str("claims:\n");
        for c in &corpus.claims {
            claim(
                &mut out,
                c,
                by_source.get(&c.id).map_or(&[][..], Vec::as_slice),
            );
        }
    }
    if !long.is_empty() {
        out.push_str("\nrelations:\n");
        for r in long {
            relation(&mut out, r);
        }
    }
    if !corpus.views.is_empty() {
        // JSON is YAML: each view on one line in flow style, in the claim file's shape.
        out.push_str("\nviews:\n");
        for v in &corpus.views {
            let _ = writeln!(out, "  - {}", super::json_text::to_string(v));
        }
    }
    out
}

fn is_plain(r: &Relation) -> bool {
    r.strength.is_none() && r.note.is_none() && r.sources.is_empty() && r.date.is_none()
}

fn source(out: &mut String, s: &Source) {
    let _ = writeln!(out, "  - id: {}", s.id);
    field(out, 4, "name", Some(&s.name));
    field(out, 4, "kind", s.kind.map(|k| k.to_string()).as_ref());
    field(out, 4, "description", s.description.as_ref());
    field(out, 4, "url", s.url.as_ref());
    field(out, 4, "date", s.date.map(|d| d.to_string()).as_ref());
    number(out, 4, "reliability", s.reliability);
    field(
        out,
        4,
        "part_of",
        s.part_of.as_ref().map(|p| p.to_string()).as_ref(),
    );
    if let Some(a) = &s.archive {
        field(out, 4, "archive", Some(&a.path));
        field(out, 4, "sha256", a.sha256.as_ref());
    }
    field(
        out,
        4,
        "retrieved",
        s.retrieved.map(|d| d.to_string()).as_ref(),
    );
}

/// A claim, with `short`, the plain relations it starts, as `supports:` and `contradicts:`.
fn claim(out: &mut String, c: &Claim, short: &[&Relation]) {
    let _ = writeln!(out, "  - id: {}", c.id);
    field(out, 4, "text", Some(&c.text));
    field(out, 4, "by", c.by.as_ref().map(|b| b.to_string()).as_ref());
    citations(out, &c.sources);
    field(out, 4, "date", c.date.map(|d| d.to_string()).as_ref());
    list(out, 4, "tags", c.tags.iter().map(String::as_str));
    number(out, 4, "confidence", c.confidence);
    if c.history.is_empty()
        && let Some(v) = &c.verdict
    {
        out.push_str("    verdict:\n");
        verdict(out, 6, v);
    } else if c.verdict.is_some() {
        // A history: a list, oldest first.
        out.push_str("    verdict:\n");
        for v in c.verdicts() {
            out.push_str("      -\n");
            verdict(out, 8, v);
        }
    }
    for kind in RelationKind::ALL {
        let targets = short
            .iter()
            .filter(|r| r.kind == *kind)
            .map(|r| r.to.as_str());
        list(out, 4, kind.as_str(), targets);
    }
}

fn citations(out: &mut String, citations: &[Citation]) {
    if citations.is_empty() {
        return;
    }
    if citations
        .iter()
        .all(|c| c.quote.is_none() && c.locator.is_none())
    {
        return list(
            out,
            4,
            "sources",
            citations.iter().map(|c| c.source.as_str()),
        );
    }
    out.push_str("    sources:\n");
    for c in citations {
        if c.quote.is_none() && c.locator.is_none() {
            let _ = writeln!(out, "      - {}", c.source);
            continue;
        }
        let _ = writeln!(out, "      - source: {}", c.source);
        field(out, 8, "quote", c.quote.as_ref());
        field(out, 8, "locator", c.locator.as_ref());
    }
}

fn verdict(out: &mut String, indent: usize, v: &Verdict) {
    field(out, indent, "rating", Some(&v.rating.to_string()));
    field(
        out,
        indent,
        "by",
        v.by.as_ref().map(|b| b.to_string()).as_ref(),
    );
    field(out, indent, "date", v.date.map(|d| d.to_string()).as_ref());
    field(out, indent, "note", v.note.as_ref());
    list(
        out,
        indent,
        "evidence",
        v.evidence.iter().map(|e| e.as_str()),
    );
}

fn relation(out: &mut String, r: &Relation) {
    let _ = writeln!(out, "  - from: {}", r.from);
    field(out, 4, "to", Some(&r.to.to_string()));
    field(out, 4, "kind", Some(&r.kind.to_string()));
    number(out, 4, "strength", r.strength);
    field(out, 4, "note", r.note.as_ref());
    list(out, 4, "sources", r.sources.iter().map(|s| s.as_str()));
    field(out, 4, "date", r.date.map(|d| d.to_string()).as_ref());
}

fn field(out: &mut String, indent: usize, key: &str, value: Option<&String>) {
    if let Some(v) = value {
        let _ = writeln!(out, "{:indent$}{key}: {}", "", scalar(v));
    }
}

fn number(out: &mut String, indent: usize, key: &str, value: Option<f64>) {
    if let Some(v) = value {
        let _ = writeln!(out, "{:indent$}{key}: {v}", "");
    }
}

/// `key: [a, b]` for a non-empty list.
fn list<'a>(out: &mut String, indent: usize, key: &str, items: impl Iterator<Item = &'a str>) {
    let items: Vec<String> = items.map(flow_scalar).collect();
    if !items.is_empty() {
        let _ = writeln!(out, "{:indent$}{key}: [{}]", "", items.join(", "));
    }
}

/// `text` as a YAML scalar: plain when that reads back as the same string, else quoted.
pub(crate) fn scalar(text: &str) -> String {
    if is_plain_safe(text, false) {
        text.to_string()
    } else {
        quoted(text)
    }
}

/// Like [`scalar`], for an item of a `[...]` flow list (where `,`, `[`, `]`, `{`, `}` matter).
fn flow_scalar(text: &str) -> String {
    if is_plain_safe(text, true) {
        text.to_string()
    } else {
        quoted(text)
    }
}

fn quoted(text: &str) -> String {
    super::json_text::to_string(text)
}

/// Whether `text` can be written as a plain scalar and read back as the same string.
fn is_plain_safe(text: &str, in_flow: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let special_start = "-?:,[]{}#&*!|>'\"%@`".contains(first);
    let bad_char =
        |c: char| crate::text::is_hidden(c) || (in_flow && ",[]{}".contains(c)) || c == '\u{feff}';
    !special_start
        && !text.chars().any(bad_char)
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && text.trim() == text
        && !looks_typed(text)
}

/// Whether a plain scalar would be read as something other than a string (or, for a date,
/// is better quoted so nobody mistakes it for one).
fn looks_typed(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~"
    ) || text.parse::<f64>().is_ok()
        || text.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '+')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fixture;
    use crate::load;

    #[track_caller]
    fn case(text: &str, expected: &str) {
        assert_eq!(scalar(text), expected, "scalar {text:?}");
    }

    #[test]
    fn quotes_only_where_needed() {
        case(
            "China is gaining ground in AI.",
            "China is gaining ground in AI.",
        );
        case("true", "\"true\"");
        case("2025-01", "\"2025-01\"");
        case("0.5", "\"0.5\"");
        case("key: value", "\"key: value\"");
        case("# not a comment", "\"# not a comment\"");
        case("a #tag", "\"a #tag\"");
        case("- item", "\"- item\"");
        case("\"quoted\"", "\"\\\"quoted\\\"\"");
        case("line\nbreak", "\"line\\nbreak\"");
        case(" padded", "\" padded\"");
        case("", "\"\"");
        case("Null", "\"Null\"");
        assert_eq!(flow_scalar("a, b"), "\"a, b\"");
    }

    #[test]
    fn the_written_file_loads_back_to_the_same_corpus() {
        let graph = fixture::graph();
        let text = to_claim_file(graph.corpus(), &["imported".into()]);
        insta::with_settings!({ snapshot_path => "snapshots" }, {
            insta::assert_snapshot!("yaml", text);
        });
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claims.yaml");
        std::fs::write(&path, &text).unwrap();
        let loaded = load::load(&[&path]);
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
        let strip = |c: &Corpus| {
            let mut c = c.clone();
            c.files = Default::default();
            c.claims
                .iter_mut()
                .for_each(|x| x.origin = Default::default());
            c.sources
                .iter_mut()
                .for_each(|x| x.origin = Default::default());
            c.relations
                .iter_mut()
                .for_each(|x| x.origin = Default::default());
            for cit in c.claims.iter_mut().flat_map(|x| x.sources.iter_mut()) {
                (cit.quote_origin, cit.locator_origin) = Default::default();
            }
            c.relations
                .sort_by(|a, b| (&a.from, &a.to, a.kind).cmp(&(&b.from, &b.to, b.kind)));
            c
        };
        assert_eq!(strip(&loaded.corpus), strip(graph.corpus()));
    }

    #[test]
    fn histories_archives_and_relation_dates_are_written() {
        let yaml = "sources:\n  - id: s\n    name: S\n    archive: s.txt\n    sha256: 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n    retrieved: 2025-02\nclaims:\n  - id: a\n    text: A.\n    by: s\n    verdict:\n      - {rating: true, date: 2025-01, note: first}\n      - {rating: outdated, date: 2025-05, evidence: [b]}\n  - id: b\n    text: B.\n    by: s\nrelations:\n  - {from: b, to: a, kind: supports, date: 2025-03}\n";
        let first = load::load_text(std::path::Path::new("a.yaml"), yaml);
        assert!(!first.has_errors(), "{:?}", first.diagnostics);
        let text = to_claim_file(&first.corpus, &[]);
        let again = load::load_text(std::path::Path::new("a.yaml"), &text);
        assert!(!again.has_errors(), "{:?}\n{text}", again.diagnostics);
        let a = &again.corpus.claims[0];
        assert_eq!(a.history.len(), 1, "{text}");
        assert_eq!(a.history, first.corpus.claims[0].history);
        assert_eq!(a.verdict, first.corpus.claims[0].verdict);
        let s = &again.corpus.sources[0];
        assert_eq!(
            s.archive.as_ref().map(|x| (&x.path, &x.sha256)),
            first.corpus.sources[0]
                .archive
                .as_ref()
                .map(|x| (&x.path, &x.sha256))
        );
        assert_eq!(s.retrieved, first.corpus.sources[0].retrieved);
        assert_eq!(
            again.corpus.relations[0].date,
            first.corpus.relations[0].date
        );
    }
}

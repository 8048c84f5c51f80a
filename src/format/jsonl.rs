//! JSON Lines claim files: format v1 with one entry per line, each with its `"type"` first
//! (`source`, `claim`, `relation` or `view`), as the loader reads them (`load/json/`).
//!
//! Each entry is written in its long form, the way claimgraph's JSON writes it, so the file
//! is lossless; relations written on claims (`supports: [...]`) become `relation` lines.
//! Lines are written one at a time to any [`Write`], so a corpus of a million claims is
//! written without its text ever being held whole.
//!
//! ```text
//! {"type":"source","id":"lee","name":"Kai-Fu Lee","kind":"person"}
//! {"type":"claim","id":"gap","text":"...","by":"lee","tags":["compute"]}
//! {"type":"relation","from":"a","to":"gap","kind":"contradicts","strength":0.8}
//! ```

use std::io::{self, Write};

use serde::Serialize;

use crate::graph::ClaimGraph;
use crate::model::Corpus;

/// One line: the entry's type, then its keys.
#[derive(Serialize)]
struct Line<'a, T> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    item: &'a T,
}

/// Writes `corpus` as JSON Lines to `out`: sources, claims, relations, then views.
///
/// # Errors
/// The writer's.
pub fn write(corpus: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    for s in &corpus.sources {
        line(out, "source", s)?;
    }
    for c in &corpus.claims {
        line(out, "claim", c)?;
    }
    for r in &corpus.relations {
        line(out, "relation", r)?;
    }
    for v in &corpus.views {
        line(out, "view", v)?;
    }
    Ok(())
}

fn line<T: Serialize>(out: &mut dyn Write, kind: &'static str, item: &T) -> io::Result<()> {
    let text = super::json_text::to_string(&Line { kind, item });
    out.write_all(text.as_bytes())?;
    out.write_all(b"\n")
}

/// The JSON Lines of `graph`'s corpus.
pub fn to_jsonl(graph: &ClaimGraph) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and serde_json writes UTF-8.
    let _ = write(graph.corpus(), &mut out);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fixture;

    #[test]
    fn snapshot() {
        insta::with_settings!({ snapshot_path => "snapshots" }, {
            insta::assert_snapshot!("jsonl", to_jsonl(&fixture::graph()));
        });
    }

    #[test]
    fn every_line_loads_back_into_the_same_corpus() {
        let graph = fixture::graph();
        let text = to_jsonl(&graph);
        assert!(
            text.lines().all(|l| l.starts_with("{\"type\":\"")),
            "{text}"
        );
        let loaded = crate::load::load_text(std::path::Path::new("a.jsonl"), &text);
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
        let again = ClaimGraph::build(loaded.corpus).unwrap();
        assert_eq!(to_jsonl(&again), text);
    }
}

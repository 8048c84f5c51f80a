//! claimgraph's own JSON: the claim file format (version 1) written as JSON.
//!
//! The shape is exactly that of a claim file with every item in its long form, so the JSON is
//! lossless and needs no reader of its own: it is a `*.json` claim file, and [`read`] hands it
//! to the claim file loader, which checks it and points at the line and column of every
//! problem.
//!
//! ```json
//! {
//!   "sources": [{"id": "lee", "name": "Kai-Fu Lee", "kind": "person"}],
//!   "claims": [{"id": "gap", "text": "...", "by": "lee", "tags": ["compute"],
//!               "verdict": {"rating": "mixed", "by": "desk", "date": "2025-06-01"}}],
//!   "relations": [{"from": "a", "to": "gap", "kind": "contradicts", "strength": 0.8}]
//! }
//! ```
//!
//! Relations written on claims (`supports: [...]`) appear in `relations`, in corpus order.

use std::path::Path;

use super::import::Draft;
use crate::graph::ClaimGraph;
use crate::load::{self, Diagnostic};
use crate::model::{Claim, Corpus, Relation, Source, View};

#[derive(serde::Serialize)]
struct Document<'a> {
    sources: &'a [Source],
    claims: &'a [Claim],
    relations: &'a [Relation],
    #[serde(skip_serializing_if = "<[View]>::is_empty")]
    views: &'a [View],
}

/// The JSON of `graph`'s corpus, pretty-printed, ending with a newline.
pub fn to_json(graph: &ClaimGraph) -> String {
    corpus_to_json(graph.corpus())
}

/// The JSON of `corpus`, pretty-printed, ending with a newline: a `*.json` claim file.
pub fn corpus_to_json(corpus: &Corpus) -> String {
    let doc = Document {
        sources: &corpus.sources,
        claims: &corpus.claims,
        relations: &corpus.relations,
        views: &corpus.views,
    };
    let mut text = super::json_text::to_string_pretty(&doc);
    text.push('\n');
    text
}

/// Reads our JSON from `text` (the content of `path`) into `draft`, keeping every id.
///
/// # Errors
/// Every problem the claim file loader finds (malformed JSON, unknown keys, bad ids or
/// references), located; and ids defined by an earlier input too.
pub fn read(path: &Path, text: &str, draft: &mut Draft) -> Result<(), Vec<Diagnostic>> {
    let loaded = load::load_text(path, text);
    let mut errors: Vec<Diagnostic> = loaded
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    let corpus = loaded.corpus;
    for (id, origin) in corpus
        .sources
        .iter()
        .map(|s| (&s.id, s.origin))
        .chain(corpus.claims.iter().map(|c| (&c.id, c.origin)))
    {
        if draft.fresh_id(id.as_str(), "") != *id {
            let at = load::Location::at(path, origin.line, origin.column, id.as_str().len() as u32);
            let msg = format!("id `{id}` is defined in an earlier input too");
            errors.push(Diagnostic::error(load::Code::DuplicateId, at, msg));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    draft.corpus.sources.extend(corpus.sources);
    draft.corpus.claims.extend(corpus.claims);
    draft.corpus.relations.extend(corpus.relations);
    draft.corpus.views.extend(corpus.views);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Format;
    use crate::format::fixture;
    use crate::format::import::import;

    #[test]
    fn snapshot() {
        insta::with_settings!({ snapshot_path => "snapshots" }, {
            insta::assert_snapshot!("json", to_json(&fixture::graph()));
        });
    }

    #[test]
    fn reading_what_we_wrote_gives_the_same_corpus() {
        let graph = fixture::graph();
        let text = to_json(&graph);
        let imported = import(Format::Json, &[("g.json".into(), text.clone())]).unwrap();
        assert!(imported.losses.is_empty());
        let again = ClaimGraph::build(imported.corpus).unwrap();
        assert_eq!(to_json(&again), text);
    }

    #[test]
    fn bad_input_is_located() {
        let text = "{\n  \"claims\": [\n    {\"id\": \"a\", \"txt\": \"A\"}\n  ]\n}\n";
        let err = import(Format::Json, &[("g.json".into(), text.into())]).unwrap_err();
        let crate::format::ImportError::Invalid(diags) = err else {
            panic!("{err:?}")
        };
        let at: Vec<String> = diags
            .iter()
            .map(|d| format!("{} {}", d.location, d.message))
            .collect();
        assert_eq!(at, ["g.json:3:18 unknown key `txt`"]);
    }
}

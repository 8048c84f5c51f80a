//! Entry points for fuzzing every reader: bytes in, no disk, and nothing out but a panic when
//! an invariant breaks.
//!
//! The fuzz targets under `fuzz/` (a nightly-only crate of their own) call these functions,
//! and so does the ordinary test suite, which replays each target's committed corpus
//! (`fuzz/corpus/<target>/`) through [`run`] on stable: whatever a fuzzer once found stays a
//! test. Each entry reads its input the way the product does and then checks what the
//! product relies on: a loaded or imported corpus builds a graph, a framework's attacks name
//! its own arguments.

use std::path::Path;

use crate::format::{Format, import as import_corpus};
use crate::graph::{ClaimGraph, Expr};
use crate::load::Diagnostic;
use crate::load::framework::AfFormat;
use crate::model::FileId;

/// The fuzz targets, by name (the names of `fuzz/fuzz_targets/*.rs` and `fuzz/corpus/*`).
pub const TARGETS: [&str; 9] = [
    "load",
    "argdown",
    "aif",
    "claimreview",
    "json",
    "apx",
    "tgf",
    "iccma",
    "where",
];

/// Runs the entry point of fuzz target `target` on `data`; false when there is no such
/// target.
pub fn run(target: &str, data: &[u8]) -> bool {
    match target {
        "load" => load(data),
        "argdown" => import(Format::Argdown, data),
        "aif" => import(Format::Aif, data),
        "claimreview" => import(Format::Claimreview, data),
        "json" => import(Format::Json, data),
        "apx" => framework(AfFormat::Apx, data),
        "tgf" => framework(AfFormat::Tgf, data),
        "iccma" => framework(AfFormat::Iccma, data),
        "where" => where_expr(data),
        _ => return false,
    }
    true
}

/// Loads `data` as one claim file; a file without errors must build a graph. Data that starts
/// like JSON (`{`) is loaded as YAML, as a JSON file and as JSON Lines, so the fuzzer reaches
/// every reader.
pub fn load(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let names: &[&str] = if text.trim_start().starts_with('{') {
        &["fuzz.yaml", "fuzz.json", "fuzz.jsonl"]
    } else {
        &["fuzz.yaml"]
    };
    for name in names {
        let loaded = crate::load::load_text(Path::new(name), text);
        render(&loaded.diagnostics);
        if !loaded.has_errors()
            && let Err(e) = ClaimGraph::build(loaded.corpus)
        {
            panic!("a corpus loaded without errors from `{name}` does not build a graph: {e}");
        }
    }
}

/// Imports `data` in `format`; an imported corpus must build a graph.
pub fn import(format: Format, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz").with_extension(format.extension());
    match import_corpus(format, &[(path, text.to_string())]) {
        Ok(imported) => {
            if let Err(e) = ClaimGraph::build(imported.corpus) {
                panic!("an imported corpus does not build a graph: {e}");
            }
        }
        Err(crate::format::ImportError::Invalid(diagnostics)) => render(&diagnostics),
        Err(e) => panic!("{format} has no reader: {e}"),
    }
    if format == Format::Argdown {
        let _ = crate::format::argdown::summarize(Path::new("fuzz.argdown"), text);
    }
}

/// Reads `data` as a framework file in `format`, as `load` and `solve` do.
pub fn framework(format: AfFormat, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz").with_extension(format.extension());
    let (file, diagnostics) = format.read(&path, text);
    render(&diagnostics);
    let (claims, relations) = file.clone().items(FileId(0));
    assert_eq!(claims.len(), file.names.len(), "one claim per argument");
    assert_eq!(
        relations.len(),
        file.attacks.len(),
        "one relation per attack"
    );
    if !diagnostics.iter().any(Diagnostic::is_error) {
        let framework = crate::eval::Framework::from_file(file);
        let _ = crate::format::af::write(format, &framework);
    }
}

/// Parses `data` as a `--where` expression and, when it parses, matches it against every item
/// of a small graph.
pub fn where_expr(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let expr = match Expr::parse(text) {
        Ok(expr) => expr,
        Err(e) => {
            let _ = (e.to_string(), e.column());
            return;
        }
    };
    let _ = expr.id_tests();
    GRAPH.with(|graph| {
        for ix in graph.petgraph().node_indices() {
            let _ = expr.matches(graph, ix);
        }
    });
}

thread_local! {
    /// The graph `--where` expressions are matched against: claims and sources with every
    /// field the language tests.
    static GRAPH: ClaimGraph = {
        let loaded = crate::load::load_text(Path::new("where.yaml"), WHERE_CORPUS);
        ClaimGraph::build(loaded.corpus).unwrap_or_else(|e| panic!("the `--where` corpus: {e}"))
    };
}

const WHERE_CORPUS: &str = r#"
sources:
  - {id: ana, name: Ana Economist, kind: person}
  - {id: paper, name: Quarterly report, kind: document, part_of: ana}
claims:
  - id: spending
    text: Consumer spending drives the recovery.
    by: ana
    sources: [paper]
    tags: [economy, demand]
    verdict: {rating: mostly-true, by: ana, evidence: [paper]}
    supports: [growth]
  - id: growth
    text: Growth will pick up.
    tags: [economy]
    contradicts: [spending]
  - {id: rates, text: Interest rates will fall.}
"#;

/// Formats every diagnostic's place and message, as a command would before printing it.
fn render(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let _ = format!("{}: {}", d.location, d.message);
    }
}

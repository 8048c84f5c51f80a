//! A test that keeps the dependencies between the top modules pointing one way, as
//! docs/src/architecture.md draws them: `model` ← `load` ← `graph` ← (`query`, `eval`, `check`)
//! ← `format` ← `build` ← `cli`. A module may name (`crate::m`) only modules of a lower layer
//! (or its one listed peer);
//! the leaf utilities (`fsutil`, `text`, `suggest`, `link`) name none of the layered modules.
//! Without it, one convenient `use crate::format::...` in the loader makes the two depend on
//! each other again, and nothing else would notice.
//!
//! The test reads the sources as text: it sees every `crate::` path outside comments, whether
//! in a `use` line or inline.

use std::collections::BTreeSet;
use std::path::Path;

/// Each top module's layer: a module may use only modules of a lower layer.
const LAYERS: [(&str, u32); 22] = [
    ("fsutil", 0),
    ("text", 0),
    ("suggest", 0),
    ("link", 1),
    ("model", 2),
    ("load", 3),
    // The JSON Schema is generated from the loader's serde structs, which name its value
    // shapes in their `schemars` attributes (see `PEERS`).
    ("schema", 3),
    ("graph", 4),
    ("desk", 4),
    ("query", 5),
    ("eval", 5),
    // `check` lints with the queries (support cycles) and the verdict pins of `eval`.
    ("check", 6),
    // `diff` compares two graphs and runs `eval` on both.
    ("diff", 6),
    // The review queue: the desk's problems, dates and `eval`'s labels, claim by claim.
    ("review", 6),
    ("format", 7),
    // The language server: loads, checks and evaluates the workspace; no format of its own.
    ("lsp", 7),
    ("build", 8),
    ("error", 9),
    ("cli", 10),
    ("fuzzing", 10),
    // Only in tests.
    ("layers", 11),
    ("lib", 11),
];

/// Modules of one layer that use each other: one concept in two files.
const PEERS: [(&str, &str); 1] = [("load", "schema")];

fn layer(module: &str) -> u32 {
    LAYERS
        .iter()
        .find(|(m, _)| *m == module)
        .map(|(_, l)| *l)
        .unwrap_or_else(|| panic!("top module `{module}` has no layer in src/layers.rs"))
}

/// The top modules named by `crate::` paths in `text`, outside comments.
fn uses(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// Every `.rs` file under `path` (or `path` itself).
fn sources(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            sources(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// `(module, used module, file)` for every arrow that does not point down.
fn upward(src: &Path) -> Vec<(String, String, String)> {
    let mut wrong = Vec::new();
    for entry in std::fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let Some(module) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if module == "main" {
            continue;
        }
        let mut files = Vec::new();
        sources(&path, &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for used in uses(&text) {
                let peers = PEERS.contains(&(module, &used)) || PEERS.contains(&(&used, module));
                if used != module && layer(&used) >= layer(module) && !peers {
                    wrong.push((module.to_string(), used, file.display().to_string()));
                }
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    wrong
}

#[test]
fn dependencies_point_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let wrong = upward(&src);
    assert!(
        wrong.is_empty(),
        "arrows that do not point down (module, uses, in file):\n{wrong:#?}"
    );
}

#[test]
fn finds_paths_in_use_lines_and_inline_but_not_in_comments() {
    let text =
        "use crate::format::af;\nlet x = crate::eval::run(); // crate::cli\n/// [`crate::desk`]\n";
    let found: Vec<String> = uses(text).into_iter().collect();
    assert_eq!(found, ["eval", "format"]);
    assert_eq!(uses("claimgraph::load::load(&p)"), BTreeSet::new());
}

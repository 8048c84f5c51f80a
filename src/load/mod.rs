//! Loading claim files: find them, read them, parse them, resolve them into a [`Corpus`].
//!
//! Loading never stops at the first problem. Every file is read and every problem becomes a
//! [`Diagnostic`]; what could be understood still ends up in the corpus, so later checks can
//! report their problems too.

mod diagnostic;
mod file;
mod parse;
mod recover;
mod report;
mod resolve;

pub use diagnostic::{Code, Diagnostic, DiagnosticJson, Location, Severity};
pub use report::{Renderer, summary};

use std::path::{Path, PathBuf};

use crate::model::{Corpus, Files};

/// The result of loading: the corpus and every problem found on the way.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// What was understood.
    pub corpus: Corpus,
    /// Every problem, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads claim files. Each path is a file, or a directory walked recursively for `*.yaml`
/// and `*.yml` files in sorted order (hidden entries skipped).
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("a.yaml"), "claims:\n  - id: a\n    text: A.\n    by: x\nsources:\n  - id: x\n    name: X\n").unwrap();
/// let loaded = claimgraph::load::load(&[dir.path()]);
/// assert!(!loaded.has_errors());
/// assert_eq!(loaded.corpus.claims[0].text, "A.");
/// ```
pub fn load<P: AsRef<Path>>(paths: &[P]) -> Loaded {
    let mut diagnostics = Vec::new();
    let mut found = Vec::new();
    for path in paths {
        discover(path.as_ref(), &mut found, &mut diagnostics);
    }
    let mut files = Files::default();
    let mut raws = Vec::new();
    for path in found {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                diagnostics.push(io_error(&path, &e));
                continue;
            }
        };
        let (raw, mut diags) = parse::parse(&path, &bytes);
        diagnostics.append(&mut diags);
        let id = files.push(path);
        if let Some(raw) = raw {
            raws.push((id, raw));
        }
    }
    finish(files, raws, diagnostics)
}

/// Loads one claim document held in memory, as if read from `path`: YAML, or JSON (which is
/// YAML too), with the same checks and located diagnostics as [`load`].
///
/// ```
/// let text = r#"{"claims": [{"id": "a", "text": "A."}]}"#;
/// let loaded = claimgraph::load::load_text(std::path::Path::new("a.json"), text);
/// assert!(!loaded.has_errors());
/// assert_eq!(loaded.corpus.claims[0].text, "A.");
/// ```
pub fn load_text(path: &Path, text: &str) -> Loaded {
    let mut files = Files::default();
    let (raw, diagnostics) = parse::parse(path, text.as_bytes());
    let id = files.push(path.to_path_buf());
    let raws = raw.map(|raw| (id, raw)).into_iter().collect();
    finish(files, raws, diagnostics)
}

/// Resolves the parsed files and sorts every diagnostic into file order.
fn finish(
    files: Files,
    raws: Vec<(crate::model::FileId, file::RawFile)>,
    mut diagnostics: Vec<Diagnostic>,
) -> Loaded {
    let (corpus, mut diags) = resolve::resolve(files, raws);
    diagnostics.append(&mut diags);
    diagnostics.sort();
    Loaded {
        corpus,
        diagnostics,
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    let msg = format!(
        "cannot read `{}`: {}",
        path.display(),
        e.kind().to_string().to_lowercase()
    );
    let d = Diagnostic::error(Code::Io, Location::file(path), msg);
    if e.kind() == std::io::ErrorKind::NotFound {
        d.with_hint("pass a claim file or a directory of them (the default is `claims/`; `--claims DIR` changes it)")
    } else {
        d
    }
}

fn is_claim_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// Collects the claim files under `path`, sorted, reporting what cannot be read.
fn discover(path: &Path, found: &mut Vec<PathBuf>, diagnostics: &mut Vec<Diagnostic>) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return diagnostics.push(io_error(path, &e)),
    };
    if !meta.is_dir() {
        return found.push(path.to_path_buf());
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => return diagnostics.push(io_error(path, &e)),
    };
    entries.sort();
    for entry in entries {
        let hidden = entry
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if entry.is_dir() {
            discover(&entry, found, diagnostics);
        } else if is_claim_file(&entry) {
            found.push(entry);
        }
    }
}

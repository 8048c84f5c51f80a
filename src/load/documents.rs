//! Loading a set of documents held in memory, for a caller that keeps the text itself (the
//! language server, whose unsaved edits must win over the files on disk).
//!
//! The same parse and resolve as [`super::load`], without the cache (in-memory text has no
//! file metadata to key it on) and without abstract argumentation frameworks. A caller that
//! loads the same documents again after one of them changed keeps each document's
//! [`ParsedDocument`] and loads with [`load_parsed`]: only the changed text is parsed again.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::packed::{Hold, Packed};
use super::{Diagnostic, Loaded, MAX_FILE_SIZE, parse, resolve, walk};
use crate::model::Files;

/// Loads claim documents given as `(path, text)`, as if each text were read from its path, in
/// the order given: one corpus, with every diagnostic in file order, as [`super::load`] would
/// give for the same files on disk.
///
/// ```
/// use std::path::PathBuf;
/// let docs = vec![
///     (PathBuf::from("a.yaml"), "claims:\n  - id: a\n    text: A.\n    by: x\n".to_string()),
///     (PathBuf::from("b.yaml"), "sources:\n  - id: x\n    name: X\n".to_string()),
/// ];
/// let loaded = claimgraph::load::load_documents(&docs);
/// assert!(!loaded.has_errors());
/// ```
pub fn load_documents(docs: &[(PathBuf, String)]) -> Loaded {
    let parsed: Vec<ParsedDocument> = docs
        .par_iter()
        .map(|(path, text)| ParsedDocument::new(path, text))
        .collect();
    let docs: Vec<_> = docs
        .iter()
        .zip(&parsed)
        .map(|((p, t), d)| (p, t, d))
        .collect();
    load_parsed(&docs)
}

/// One document parsed, kept to be loaded again without parsing it again.
#[derive(Debug)]
pub struct ParsedDocument {
    /// Its parts: one, or a JSON Lines file's chunks; none when it did not parse.
    packed: Vec<Packed>,
    diagnostics: Vec<Diagnostic>,
}

impl ParsedDocument {
    /// Parses `text`, the document at `path`.
    pub fn new(path: &Path, text: &str) -> ParsedDocument {
        let (packed, diagnostics) = parse::parse_packed(path, text.as_bytes(), Hold::Encoded);
        ParsedDocument {
            packed,
            diagnostics,
        }
    }

    /// The parse to resolve: a copy of the kept one, or (for a file that could not be kept
    /// encoded, which does not happen for a file that parsed) `text` parsed again.
    fn get(&self, path: &Path, text: &str) -> (Vec<Packed>, Vec<Diagnostic>) {
        let copies: Option<Vec<Packed>> = self.packed.iter().map(Packed::try_clone).collect();
        match copies {
            Some(copies) => (copies, self.diagnostics.clone()),
            None => parse::parse_packed(path, text.as_bytes(), Hold::Encoded),
        }
    }
}

/// [`load_documents`] for documents parsed before: `(path, text, its parse)`, in load order.
pub fn load_parsed(docs: &[(&PathBuf, &String, &ParsedDocument)]) -> Loaded {
    let mut files = Files::default();
    let mut raws = Vec::new();
    let mut diagnostics = Vec::new();
    for (path, text, parsed) in docs {
        let (packed, mut diags) = parsed.get(path, text);
        diagnostics.append(&mut diags);
        let id = files.push((*path).clone());
        raws.extend(packed.into_iter().map(|part| (id, part)));
    }
    let (corpus, mut diags) = resolve::resolve(files, raws);
    diagnostics.append(&mut diags);
    diagnostics.sort();
    Loaded {
        corpus,
        diagnostics,
        ..Loaded::default()
    }
}

/// The claim files (`*.yaml`, `*.yml`) that [`super::load`] would read for `paths`, in its
/// order, and a diagnostic for each path that could not be walked.
pub fn discover<P: AsRef<Path>>(paths: &[P]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let found = walk::discover(paths, &mut diagnostics)
        .into_iter()
        .filter(|p| super::framework::AfFormat::from_path(p).is_none())
        .collect();
    (found, diagnostics)
}

/// The text of one claim file, read by the loader's rule (a regular file, at most
/// [`MAX_FILE_SIZE`] bytes, UTF-8), or the diagnostic [`super::load`] would give.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let (_, bytes) = super::read_file(path, MAX_FILE_SIZE)?;
    Ok(super::utf8(path, &bytes)?.to_owned())
}

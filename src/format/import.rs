//! Reading other formats into a [`Corpus`]: the one place that dispatches on the readers.
//!
//! Readers share a [`Draft`]: the corpus being built, the ids already taken (ids from other
//! formats are slugged from titles or texts and must stay unique across every input file), and
//! the [`Losses`] met on the way. Bad input is never a panic but located
//! [`Diagnostic`]s: file and line/column, or file and JSON path.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::loss::{Loss, Losses};
use super::{Format, aif, argdown, claimreview, json};
use crate::load::{Code, Diagnostic, Location};
use crate::model::{Claim, Corpus, Id, Relation, RelationKind, Source, SourceKind};

/// What an import produced: a corpus (which loads back without errors) and what was lost.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// The claims, sources and relations read.
    pub corpus: Corpus,
    /// What the inputs held that the claim format cannot.
    pub losses: Vec<Loss>,
}

/// Why an import failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    /// claimgraph has no reader for the format.
    #[error("claimgraph cannot read `{0}` (it reads json, argdown, aif and claimreview)")]
    NotReadable(Format),
    /// The input is malformed; every problem found, located.
    #[error("the input has {} error(s)", .0.len())]
    Invalid(Vec<Diagnostic>),
}

/// Reads `inputs` (each a path and its text) in `format` into one corpus.
///
/// # Errors
/// When the format has no reader, or any input is malformed (every input is read, so every
/// problem is reported).
pub fn import(format: Format, inputs: &[(PathBuf, String)]) -> Result<Imported, ImportError> {
    let mut draft = Draft::default();
    let mut diagnostics = Vec::new();
    for (path, text) in inputs {
        let read = match format {
            Format::Json => json::read(path, text, &mut draft),
            Format::Argdown => argdown::read(path, text, &mut draft),
            Format::Aif => aif::read(path, text, &mut draft),
            Format::Claimreview => claimreview::read(path, text, &mut draft),
            _ => return Err(ImportError::NotReadable(format)),
        };
        if let Err(mut d) = read {
            diagnostics.append(&mut d);
        }
    }
    if !diagnostics.is_empty() {
        return Err(ImportError::Invalid(diagnostics));
    }
    Ok(draft.finish())
}

/// A located error in an input file: at `line:column` when known (1-based), else the whole file.
pub(crate) fn error(path: &Path, line: usize, column: usize, message: String) -> Diagnostic {
    let location = if line > 0 {
        Location::at(path, line as u32, column as u32, 1)
    } else {
        Location::file(path)
    };
    Diagnostic::error(Code::Syntax, location, message)
}

/// A JSON syntax error from serde_json, at its line and column.
pub(crate) fn json_error(path: &Path, e: &serde_json::Error) -> Diagnostic {
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message);
    error(
        path,
        e.line(),
        e.column(),
        format!("invalid JSON: {message}"),
    )
}

/// The longest id slugged from a title or text: long enough to recognise, short to type.
const ID_LEN: usize = 40;

/// A corpus under construction, shared by the readers of one import.
#[derive(Debug, Default)]
pub struct Draft {
    /// What has been read so far.
    pub corpus: Corpus,
    /// What could not be carried.
    pub losses: Losses,
    taken: HashSet<Id>,
    sources_by_name: HashMap<String, Id>,
    claim_index: HashMap<Id, usize>,
    related: HashSet<(Id, Id, RelationKind)>,
}

impl Draft {
    /// A fresh, unique id: `wanted` if it is a valid id, else slugged from it (cut at a word
    /// boundary), else `fallback`; `-2`, `-3`, ... appended when taken.
    pub fn fresh_id(&mut self, wanted: &str, fallback: &str) -> Id {
        let base = Id::new(wanted)
            .ok()
            .or_else(|| Id::slugify(wanted).map(|id| shorten(&id)))
            .or_else(|| Id::slugify(fallback))
            .unwrap_or_else(|| Id::new("item").expect("a valid id"));
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = Id::new(&format!("{base}-{n}")).expect("a suffix keeps an id valid");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }

    /// Adds a claim with a fresh id made from `wanted` (or its text) and returns the id.
    pub fn add_claim(&mut self, wanted: &str, text: &str) -> Id {
        let id = self.fresh_id(wanted, text);
        self.claim_index
            .insert(id.clone(), self.corpus.claims.len());
        self.corpus.claims.push(Claim::new(id.clone(), text));
        id
    }

    /// The claim with `id`, for filling in fields.
    pub fn claim_mut(&mut self, id: &Id) -> Option<&mut Claim> {
        let &i = self.claim_index.get(id)?;
        self.corpus.claims.get_mut(i)
    }

    /// The source named `name`, added (with `kind` and `url`) on first use. Sources are matched
    /// by name, so one speaker of many claims is one source.
    pub fn source_named(&mut self, name: &str, kind: Option<SourceKind>, url: Option<&str>) -> Id {
        self.source(name, None, kind, url)
    }

    /// Like [`Draft::source_named`], with the id to use when the source is new (slugged from
    /// the name when absent or invalid).
    pub fn source(
        &mut self,
        name: &str,
        wanted_id: Option<&str>,
        kind: Option<SourceKind>,
        url: Option<&str>,
    ) -> Id {
        let key = name.trim().to_lowercase();
        if let Some(id) = self.sources_by_name.get(&key) {
            return id.clone();
        }
        let id = self.fresh_id(wanted_id.unwrap_or(name), name);
        let mut source = Source::new(id.clone(), name.trim());
        source.kind = kind;
        source.url = url.map(String::from);
        self.corpus.sources.push(source);
        self.sources_by_name.insert(key, id.clone());
        id
    }

    /// Adds `from --kind--> to` unless it relates a claim to itself or repeats a relation
    /// (each recorded as a loss): the claim format rejects the first and needs not the second.
    pub fn relate(&mut self, from: &Id, to: &Id, kind: RelationKind) -> Option<&mut Relation> {
        if from == to {
            self.losses.dropped(
                "a claim cannot bear on itself",
                "self-relations",
                from.as_str(),
            );
            return None;
        }
        if !self.related.insert((from.clone(), to.clone(), kind)) {
            let example = format!("{from} {kind} {to}");
            self.losses.record(
                "the same relation twice",
                "repeated relations",
                "merged",
                example,
            );
            return None;
        }
        self.corpus
            .relations
            .push(Relation::new(from.clone(), to.clone(), kind));
        self.corpus.relations.last_mut()
    }

    /// The result.
    pub fn finish(self) -> Imported {
        Imported {
            corpus: self.corpus,
            losses: self.losses.into_vec(),
        }
    }
}

/// `id` cut to at most [`ID_LEN`] characters at a `-`.
fn shorten(id: &Id) -> Id {
    let text = id.as_str();
    if text.len() <= ID_LEN {
        return id.clone();
    }
    let cut = text[..=ID_LEN]
        .rfind('-')
        .filter(|&i| i > 0)
        .unwrap_or(ID_LEN);
    Id::new(text[..cut].trim_end_matches(['-', '.', '_'])).unwrap_or_else(|_| id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_valid_unique_and_short() {
        let mut d = Draft::default();
        assert_eq!(d.fresh_id("Statement 1", "x").as_str(), "statement-1");
        assert_eq!(d.fresh_id("Statement 1", "x").as_str(), "statement-1-2");
        assert_eq!(d.fresh_id("compute-gap", "x").as_str(), "compute-gap");
        assert_eq!(d.fresh_id("!!!", "Fallback").as_str(), "fallback");
        let long = d.fresh_id(
            "The morning-after pill ought to be available over-the-counter in pharmacies.",
            "x",
        );
        assert_eq!(long.as_str(), "the-morning-after-pill-ought-to-be");
    }

    #[test]
    fn relations_to_self_and_repeats_are_losses() {
        let mut d = Draft::default();
        let a = d.add_claim("a", "A");
        let b = d.add_claim("b", "B");
        assert!(d.relate(&a, &b, RelationKind::Supports).is_some());
        assert!(d.relate(&a, &b, RelationKind::Supports).is_none());
        assert!(d.relate(&a, &a, RelationKind::Contradicts).is_none());
        let imported = d.finish();
        assert_eq!(imported.corpus.relations.len(), 1);
        let losses: Vec<String> = imported.losses.iter().map(ToString::to_string).collect();
        assert_eq!(
            losses,
            [
                "the same relation twice: 1 repeated relations merged (`a supports b`)",
                "a claim cannot bear on itself: 1 self-relations dropped (`a`)"
            ]
        );
    }
}

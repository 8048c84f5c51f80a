//! Abstract argumentation frameworks in files (ICCMA's apx, tgf and `.af` formats): the three
//! readers, and how a framework read from a file becomes claims.
//!
//! They live below the loader because the loader reads them: a `*.apx`, `*.tgf` or `*.af` file
//! among the inputs becomes claims and attacks. Each reader turns text into an [`AfFile`]: named
//! arguments and attacks, each with the line and column it was written at, and every problem
//! as a located [`Diagnostic`]. The loader makes each argument a claim and each attack a
//! `contradicts` relation ([`AfFile::items`]); `claimgraph solve` skips the claim graph and
//! makes the file an attack graph directly ([`read`], then
//! [`Framework::from_file`](crate::eval::Framework::from_file)). The writers are in `format`
//! (`format::af`), above the evaluation whose attack graphs they write.

mod apx;
mod builder;
mod iccma;
mod tgf;

pub use iccma::{FREE_ARGUMENTS, max_arguments};

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Code, Diagnostic, Location, cache, snapshot};
use crate::fsutil::ReadError;
use crate::model::keyword::keyword_enum;
use crate::model::{Claim, Corpus, FileId, Files, Id, Origin, Relation, RelationKind};
use builder::{Builder, column, lines};

keyword_enum! {
    /// A file format for abstract argumentation frameworks.
    pub enum AfFormat {
        /// ASPARTIX: `arg(a).` and `att(a,b).` lines.
        Apx = "apx",
        /// Trivial Graph Format: argument lines, `#`, then attack lines.
        Tgf = "tgf",
        /// ICCMA 2023: `p af N`, then `i j` attack lines over arguments `1..N`.
        Iccma = "iccma",
    }
}

impl AfFormat {
    /// The format a path's extension names: `.apx`, `.tgf` or `.af`.
    pub fn from_path(path: &Path) -> Option<AfFormat> {
        match path.extension()?.to_str()? {
            "apx" => Some(AfFormat::Apx),
            "tgf" => Some(AfFormat::Tgf),
            "af" => Some(AfFormat::Iccma),
            _ => None,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            AfFormat::Iccma => "af",
            other => other.as_str(),
        }
    }

    /// Reads `text`, the content of `path`.
    pub fn read(self, path: &Path, text: &str) -> (AfFile, Vec<Diagnostic>) {
        match self {
            AfFormat::Apx => apx::read(path, text),
            AfFormat::Tgf => tgf::read(path, text),
            AfFormat::Iccma => iccma::read(path, text),
        }
    }
}

/// A position in a file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

/// A framework as read from a file, with where each part was written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AfFile {
    /// The arguments, in file order.
    pub names: Vec<Id>,
    /// Where each argument was declared.
    pub positions: Vec<Pos>,
    /// `(attacker, attacked, where)`, by argument index, in file order.
    pub attacks: Vec<(u32, u32, Pos)>,
}

impl AfFile {
    /// One claim per argument and one `contradicts` relation per attack, located in `file`.
    pub fn items(self, file: FileId) -> (Vec<Claim>, Vec<Relation>) {
        let origin = |p: Pos| Origin {
            file,
            line: p.line,
            column: p.column,
        };
        let relations = self
            .attacks
            .iter()
            .map(|&(a, b, pos)| {
                let mut r = Relation::new(
                    self.names[a as usize].clone(),
                    self.names[b as usize].clone(),
                    RelationKind::Contradicts,
                );
                r.origin = origin(pos);
                r
            })
            .collect();
        let claims = self
            .names
            .into_iter()
            .zip(self.positions)
            .map(|(id, pos)| {
                let mut c = Claim::new(id.clone(), format!("argument {id}"));
                c.origin = origin(pos);
                c
            })
            .collect();
        (claims, relations)
    }

    /// Adds the arguments and attacks of `file` to a loaded corpus (see [`AfFile::items`]),
    /// reporting arguments whose ids are already taken.
    pub fn add_to(self, corpus: &mut Corpus, file: FileId) -> Vec<Diagnostic> {
        let taken: HashSet<Id> = corpus
            .claims
            .iter()
            .map(|c| c.id.clone())
            .chain(corpus.sources.iter().map(|s| s.id.clone()))
            .collect();
        let path = corpus
            .files
            .path(file)
            .unwrap_or(Path::new("?"))
            .to_path_buf();
        let (claims, relations) = self.items(file);
        let mut diagnostics = Vec::new();
        for claim in claims {
            if taken.contains(&claim.id) {
                let o = claim.origin;
                let at = Location::at(&path, o.line, o.column, claim.id.as_str().len() as u32);
                let msg = format!("duplicate id `{}`", claim.id);
                let hint =
                    "ids must be unique across all files (claims and sources share one id space)";
                diagnostics.push(Diagnostic::error(Code::DuplicateId, at, msg).with_hint(hint));
            } else {
                corpus.claims.push(claim);
            }
        }
        corpus.relations.extend(relations);
        diagnostics
    }
}

/// Reads one framework file on its own (for `claimgraph solve`), its format chosen by
/// extension; [`crate::eval::Framework::from_file`] turns it into the framework.
///
/// # Errors
/// Every problem as a located diagnostic (an unreadable file, an unknown extension, syntax).
pub fn read(path: &Path) -> Result<AfFile, Vec<Diagnostic>> {
    let Some(format) = AfFormat::from_path(path) else {
        let d = Diagnostic::error(
            Code::UnknownKeyword,
            Location::file(path),
            "not a framework file: the name must end in `.apx`, `.tgf` or `.af`",
        );
        return Err(vec![d]);
    };
    // The loader's reading rule: a regular file only (a pipe or a device named `x.af` would
    // block or never end) of at most the default size limit.
    let read = crate::fsutil::read_regular(path, super::MAX_FILE_SIZE);
    let bytes = read.map(|(_, bytes)| bytes).map_err(|e| {
        let code = match e {
            ReadError::Io(_) => Code::Io,
            ReadError::NotRegular { .. } => Code::NotAFile,
            ReadError::TooLarge { .. } => Code::TooLarge,
        };
        let msg = format!("cannot read `{}`: {e}", path.display());
        vec![Diagnostic::error(code, Location::file(path), msg)]
    })?;
    let text = super::utf8(path, &bytes).map_err(|d| vec![d])?;
    let (file, diags) = format.read(path, text);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok(file)
}

/// What a reader makes of a text, for the readers' tests: argument names, attacks, and each
/// diagnostic as `location: message`.
#[cfg(test)]
pub(super) fn read_for_test(
    format: AfFormat,
    path: &str,
    text: &str,
) -> (Vec<String>, Vec<(u32, u32)>, Vec<String>) {
    let (file, diags) = format.read(Path::new(path), text);
    (
        file.names.iter().map(|n| n.to_string()).collect(),
        file.attacks.iter().map(|&(a, b, _)| (a, b)).collect(),
        diags
            .iter()
            .map(|d| format!("{}: {}", d.location, d.message))
            .collect(),
    )
}

/// The framework files among the inputs, read in order.
pub(super) struct Frameworks {
    /// Each file that could be read, with its id, to add to the corpus after resolving.
    pub frameworks: Vec<(AfFile, FileId)>,
    /// The key of each file, for the snapshot; `None` when one could not be read.
    pub inputs: Option<Vec<snapshot::Input>>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the framework files among the inputs, in order, each into an [`AfFile`] (its path
/// added to `files`).
pub(super) fn read_all(paths: Vec<PathBuf>, limit: u64, files: &mut Files) -> Frameworks {
    let mut read = Frameworks {
        frameworks: Vec::new(),
        inputs: Some(Vec::new()),
        diagnostics: Vec::new(),
    };
    for path in paths {
        let Some(format) = AfFormat::from_path(&path) else {
            continue;
        };
        let bytes = match super::read_file(&path, limit) {
            Ok((meta, bytes)) => {
                let key = cache::Key::of(&bytes, &meta);
                read.inputs = super::add_input(read.inputs, &path, Some(key));
                bytes
            }
            Err(d) => {
                read.diagnostics.push(d);
                read.inputs = None;
                continue;
            }
        };
        let id = files.push(path.clone());
        match super::utf8(&path, &bytes) {
            Ok(text) => {
                let (file, mut diags) = format.read(&path, text);
                read.diagnostics.append(&mut diags);
                read.frameworks.push((file, id));
            }
            Err(d) => read.diagnostics.push(d),
        }
    }
    read
}

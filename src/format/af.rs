//! Abstract argumentation frameworks in files (ICCMA's apx, tgf and `.af` formats): what the
//! three readers share, and how a framework read from a file becomes claims or a
//! [`Framework`].
//!
//! Each reader turns text into an [`AfFile`]: named arguments and attacks, each with the line
//! and column it was written at, and every problem as a located [`Diagnostic`]. The loader
//! makes each argument a claim and each attack a `contradicts` relation ([`AfFile::items`]);
//! `claimgraph solve` skips the claim graph and builds the [`Framework`] directly
//! ([`read_framework`]). The writers number the arguments `1..n` in framework order; a side
//! file ([`map_tsv`]) maps each number back to its claim id.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{apx, iccma, tgf};
use crate::eval::{Attacks, Framework};
use crate::fsutil::ReadError;
use crate::load::{Code, Diagnostic, Location};
use crate::model::keyword::keyword_enum;
use crate::model::{Claim, Corpus, FileId, Id, Origin, Relation, RelationKind};

/// At most this many errors are reported per file; a broken file usually breaks everywhere.
const MAX_ERRORS: usize = 20;

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

    /// Writes the attacks of `framework`, numbering arguments `1..n` in framework order.
    pub fn write(self, framework: &Framework) -> String {
        let attacks = framework.attacks();
        match self {
            AfFormat::Apx => apx::write(attacks),
            AfFormat::Tgf => tgf::write(attacks),
            AfFormat::Iccma => iccma::write(attacks),
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

    /// The framework: arguments in file order, duplicate attacks dropped.
    pub fn framework(self) -> Framework {
        let attacks = Attacks::from_pairs(
            self.names.len(),
            self.attacks.iter().map(|&(a, b, _)| (a, b)),
        );
        Framework::new(self.names, attacks)
    }
}

/// Reads a framework file for `claimgraph solve`, its format chosen by extension.
///
/// # Errors
/// Every problem as a located diagnostic (an unreadable file, an unknown extension, syntax).
pub fn read_framework(path: &Path) -> Result<Framework, Vec<Diagnostic>> {
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
    let read = crate::fsutil::read_regular(path, crate::load::MAX_FILE_SIZE);
    let bytes = read.map(|(_, bytes)| bytes).map_err(|e| {
        let code = match e {
            ReadError::Io(_) => Code::Io,
            ReadError::NotRegular { .. } => Code::NotAFile,
            ReadError::TooLarge { .. } => Code::TooLarge,
        };
        let msg = format!("cannot read `{}`: {e}", path.display());
        vec![Diagnostic::error(code, Location::file(path), msg)]
    })?;
    let text = crate::load::utf8(path, &bytes).map_err(|d| vec![d])?;
    let (file, diags) = format.read(path, text);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok(file.framework())
}

/// The side file of an export: `number<TAB>claim id`, one line per argument, after a header.
pub fn map_tsv(framework: &Framework) -> String {
    let mut out = String::from("number\tid\n");
    for (i, id) in framework.ids().iter().enumerate() {
        out.push_str(&format!("{}\t{id}\n", i + 1));
    }
    out
}

/// Collects arguments and attacks by name while a reader goes through a file, and every
/// problem on the way.
#[derive(Debug)]
pub(super) struct Builder {
    path: PathBuf,
    file: AfFile,
    index: HashMap<String, u32>,
    /// Names already reported as invalid, so attacks on them are not reported again.
    invalid: HashSet<String>,
    /// Attacks by name, resolved at the end so arguments may be declared after their attacks.
    pending: Vec<(String, Pos, String, Pos)>,
    diagnostics: Vec<Diagnostic>,
    errors: usize,
}

impl Builder {
    pub fn new(path: &Path) -> Builder {
        Builder {
            path: path.to_path_buf(),
            file: AfFile::default(),
            index: HashMap::new(),
            invalid: HashSet::new(),
            pending: Vec::new(),
            diagnostics: Vec::new(),
            errors: 0,
        }
    }

    /// A location in the file, underlining `len` characters.
    pub fn at(&self, pos: Pos, len: usize) -> Location {
        Location::at(&self.path, pos.line, pos.column, len as u32)
    }

    /// Reports an error (up to [`MAX_ERRORS`]).
    pub fn error(&mut self, code: Code, pos: Pos, len: usize, msg: String, hint: Option<String>) {
        self.errors += 1;
        if self.errors <= MAX_ERRORS {
            let d = Diagnostic::error(code, self.at(pos, len), msg).with_hint_opt(hint);
            self.diagnostics.push(d);
        }
    }

    /// Declares an argument; returns its index, or `None` when the name is unusable.
    pub fn argument(&mut self, name: &str, pos: Pos) -> Option<u32> {
        let id = match Id::new(name) {
            Ok(id) => id,
            Err(e) => {
                let hint = Id::slugify(name).map(|s| format!("rename it, e.g. to `{s}`"));
                let msg = format!("invalid argument name `{name}`: {e}");
                self.error(Code::InvalidId, pos, name.chars().count(), msg, hint);
                self.invalid.insert(name.to_string());
                return None;
            }
        };
        if let Some(&first) = self.index.get(name) {
            let at = self.at(self.file.positions[first as usize], name.len());
            let msg = format!("argument `{name}` is declared twice");
            let d = Diagnostic::warning(Code::DuplicateId, self.at(pos, name.len()), msg)
                .with_related(at, "first declared here");
            self.diagnostics.push(d);
            return None;
        }
        let index = self.file.names.len() as u32;
        self.index.insert(name.to_string(), index);
        self.file.names.push(id);
        self.file.positions.push(pos);
        Some(index)
    }

    /// Declares arguments `1..=n`, named by their numbers, all at `pos` (ICCMA 2023 files,
    /// whose attacks are given by number: no names to look up).
    pub fn numbered(&mut self, n: u32, pos: Pos) {
        let mut name = String::new();
        for k in 1..=n {
            name.clear();
            let _ = write!(name, "{k}");
            if let Ok(id) = Id::new(&name) {
                self.file.names.push(id);
                self.file.positions.push(pos);
            }
        }
    }

    /// Records an attack between two named arguments.
    pub fn attack_by_name(&mut self, from: (&str, Pos), to: (&str, Pos)) {
        match (self.index.get(from.0), self.index.get(to.0)) {
            (Some(&a), Some(&b)) => self.file.attacks.push((a, b, from.1)),
            _ => self
                .pending
                .push((from.0.to_string(), from.1, to.0.to_string(), to.1)),
        }
    }

    /// Records an attack between two argument indices.
    pub fn attack(&mut self, from: u32, to: u32, pos: Pos) {
        self.file.attacks.push((from, to, pos));
    }

    /// Resolves the attacks by name and returns the file and its diagnostics.
    pub fn finish(mut self) -> (AfFile, Vec<Diagnostic>) {
        for (from, from_pos, to, to_pos) in std::mem::take(&mut self.pending) {
            if let (Some(a), Some(b)) = (self.resolve(&from, from_pos), self.resolve(&to, to_pos)) {
                self.file.attacks.push((a, b, from_pos));
            }
        }
        if self.errors > MAX_ERRORS {
            let msg = format!("{} more errors not shown", self.errors - MAX_ERRORS);
            let d = Diagnostic::error(Code::Syntax, Location::file(&self.path), msg);
            self.diagnostics.push(d);
        }
        (self.file, self.diagnostics)
    }

    fn resolve(&mut self, name: &str, pos: Pos) -> Option<u32> {
        if let Some(&i) = self.index.get(name) {
            return Some(i);
        }
        if !self.invalid.contains(name) {
            let hint = crate::suggest::hint(name, self.index.keys().map(String::as_str));
            let msg = format!("attack on or by `{name}`, which is not declared as an argument");
            self.error(Code::UnknownId, pos, name.chars().count(), msg, hint);
        }
        None
    }
}

/// Splits `text` into lines, numbered from 1, with whether each ended with a newline.
pub(super) fn lines(text: &str) -> impl Iterator<Item = (u32, &str, bool)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split_inclusive('\n').enumerate().map(|(i, raw)| {
        let complete = raw.ends_with('\n');
        let line = raw.trim_end_matches(['\n', '\r']);
        (i as u32 + 1, line, complete)
    })
}

/// The 1-based character column of byte offset `at` in `line`.
pub(super) fn column(line: &str, at: usize) -> u32 {
    line[..at].chars().count() as u32 + 1
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

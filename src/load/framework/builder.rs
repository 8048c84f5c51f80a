//! What the three framework readers share: a [`Builder`] that collects arguments and attacks
//! by name with every problem found on the way, and how they split a text into lines.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{AfFile, Pos};
use crate::load::{Code, Diagnostic, Location};
use crate::model::Id;

/// At most this many errors are reported per file; a broken file usually breaks everywhere.
const MAX_ERRORS: usize = 20;

/// Collects arguments and attacks by name while a reader goes through a file, and every
/// problem on the way.
#[derive(Debug)]
pub struct Builder {
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
pub fn lines(text: &str) -> impl Iterator<Item = (u32, &str, bool)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split_inclusive('\n').enumerate().map(|(i, raw)| {
        let complete = raw.ends_with('\n');
        let line = raw.trim_end_matches(['\n', '\r']);
        (i as u32 + 1, line, complete)
    })
}

/// The 1-based character column of byte offset `at` in `line`.
pub fn column(line: &str, at: usize) -> u32 {
    line[..at].chars().count() as u32 + 1
}

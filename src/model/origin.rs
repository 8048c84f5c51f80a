//! Where an item of the model was written: file, line and column.
//!
//! Kept on claims, sources and relations so that checks run after loading (cycles, verdict
//! clashes) can still point at the file, line and column a user has to edit.

use std::path::{Path, PathBuf};

/// Index of a file in [`Corpus::files`](super::Corpus::files).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A position in one of the corpus's files (1-based line and column; 0 when unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Origin {
    /// The file.
    pub file: FileId,
    /// 1-based line, 0 when unknown.
    pub line: u32,
    /// 1-based column in characters, 0 when unknown.
    pub column: u32,
}

impl Origin {
    /// Whether the position is known.
    pub fn is_known(&self) -> bool {
        self.line > 0
    }
}

/// The files a corpus was loaded from, indexed by [`FileId`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Files(Vec<PathBuf>);

impl Files {
    /// Adds a file and returns its id.
    pub fn push(&mut self, path: PathBuf) -> FileId {
        let id = FileId(u32::try_from(self.0.len()).unwrap_or(u32::MAX));
        self.0.push(path);
        id
    }

    /// The path of `id`, if it is one of ours.
    pub fn path(&self, id: FileId) -> Option<&Path> {
        self.0.get(id.0 as usize).map(PathBuf::as_path)
    }

    /// All paths in load order.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &Path)> {
        self.0
            .iter()
            .enumerate()
            .map(|(i, p)| (FileId(i as u32), p.as_path()))
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

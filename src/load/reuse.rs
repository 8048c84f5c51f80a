//! Parses kept in memory from one load for the next: `diff OLD NEW` loads two versions of the
//! same files, and a real change (a commit, a pull request) leaves most of them as they were,
//! so a file whose bytes are those of the same file in the first version is not parsed again.
//!
//! The first load that is given a [`Reuse`] fills it: each file that parsed cleanly, by its
//! path relative to the root it was found under, with the size and hash of its bytes and its
//! parse in the load cache's binary form. A later load given the same [`Reuse`] takes each
//! file's entry as a prior, the way the per-file cache does (`parse_all`), and uses it when
//! the size and hash match (the modification time is not compared: the two versions are
//! different files). The files and every diagnostic are still those of the later load.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::cache::Key;
use super::file::RawFile;

/// Parsed files kept from the first load given it, for the loads after it.
#[derive(Debug, Default)]
pub struct Reuse {
    entries: Mutex<Entries>,
}

#[derive(Debug, Default)]
struct Entries {
    /// Whether a load has filled it.
    filled: bool,
    /// Each clean file's content key and encoded parse (its parts, for a JSON Lines file), by
    /// its path relative to its root.
    files: HashMap<PathBuf, (Key, Vec<Vec<u8>>)>,
}

/// A file of the first load, waiting to be matched with the same file of a later one.
#[derive(Debug)]
pub struct Kept {
    key: Key,
    encoded: Vec<Vec<u8>>,
}

impl Kept {
    /// The kept parse (its parts), when `key` is the same content.
    pub fn matching(self, key: Key) -> Option<Vec<RawFile>> {
        if (self.key.size, self.key.hash) != (key.size, key.hash) {
            return None;
        }
        let parts = self
            .encoded
            .iter()
            .map(|part| postcard::from_bytes(part).ok());
        parts.collect()
    }
}

impl Reuse {
    /// An empty store: the next load fills it.
    pub fn new() -> Reuse {
        Reuse::default()
    }

    /// Whether a load has filled it (later loads draw on it instead).
    pub(super) fn is_filled(&self) -> bool {
        self.lock().filled
    }

    /// The kept parse of each of `paths` (found under `roots`), taken out of the store.
    pub(super) fn take<P: AsRef<Path>>(&self, roots: &[P], paths: &[PathBuf]) -> Vec<Option<Kept>> {
        let mut entries = self.lock();
        paths
            .iter()
            .map(|p| {
                let (key, encoded) = entries.files.remove(&relative(roots, p))?;
                Some(Kept { key, encoded })
            })
            .collect()
    }

    /// Keeps the parse of `path` (found under `roots`), with the key of its content.
    pub(super) fn keep<P: AsRef<Path>>(
        &self,
        roots: &[P],
        path: &Path,
        key: Key,
        encoded: &[&[u8]],
    ) {
        let rel = relative(roots, path);
        let parts = encoded.iter().map(|part| part.to_vec()).collect();
        self.lock().files.insert(rel, (key, parts));
    }

    /// Marks it filled, whatever was kept.
    pub(super) fn fill(&self) {
        self.lock().filled = true;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        // A panic while holding the lock leaves only a map: still usable.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// `path` relative to the first root it lies under (the index of the root first, so that two
/// roots do not mix), or the whole path.
fn relative<P: AsRef<Path>>(roots: &[P], path: &Path) -> PathBuf {
    roots
        .iter()
        .enumerate()
        .find_map(|(i, root)| {
            let rest = path.strip_prefix(root.as_ref()).ok()?;
            Some(PathBuf::from(i.to_string()).join(rest))
        })
        .unwrap_or_else(|| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_named_by_its_root_and_the_rest() {
        let roots = [Path::new("old"), Path::new("more")];
        assert_eq!(
            relative(&roots, Path::new("old/a/b.yaml")),
            Path::new("0/a/b.yaml")
        );
        assert_eq!(
            relative(&roots, Path::new("more/b.yaml")),
            Path::new("1/b.yaml")
        );
        assert_eq!(
            relative(&[Path::new("new")], Path::new("new/a/b.yaml")),
            Path::new("0/a/b.yaml")
        );
    }

    /// Writes the files `(name, text)` under `dir`.
    fn write(dir: &Path, files: &[(&str, &str)]) {
        std::fs::create_dir_all(dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }

    fn load(dir: &Path, reuse: Option<&Reuse>) -> super::super::Loaded {
        let options = super::super::Options {
            reuse,
            ..Default::default()
        };
        super::super::load_with(&[dir], &options)
    }

    #[test]
    fn a_file_unchanged_between_versions_is_parsed_once_and_loads_the_same() {
        let tmp = tempfile::tempdir().unwrap();
        let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
        // `same.yaml` names an id that no file declares: its error must name the new file.
        let same = "claims:\n  - id: a\n    text: A.\n    supports: [gone]\n";
        write(
            &old,
            &[
                ("same.yaml", same),
                ("edited.yaml", "claims:\n  - id: b\n    text: B.\n"),
            ],
        );
        write(
            &new,
            &[
                ("same.yaml", same),
                ("edited.yaml", "claims:\n  - id: b\n    text: B2.\n"),
            ],
        );
        let reuse = Reuse::new();
        let first = load(&old, Some(&reuse));
        assert_eq!(first.stats.reused, 0);
        let second = load(&new, Some(&reuse));
        assert_eq!(second.stats.reused, 1);
        let fresh = load(&new, None);
        assert_eq!(fresh.stats.reused, 0);
        assert_eq!(
            format!("{:?}", second.corpus),
            format!("{:?}", fresh.corpus)
        );
        assert_eq!(second.diagnostics, fresh.diagnostics);
        let error = second
            .diagnostics
            .iter()
            .find(|d| d.message.contains("gone"));
        let error = error.expect("an error about `gone`");
        assert_eq!(error.location.file, new.join("same.yaml"));
        let claims = &second.corpus.claims;
        assert_eq!(
            claims.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["B2.", "A."]
        );
        let file = second.corpus.files.path(claims[1].origin.file).unwrap();
        assert_eq!(file, new.join("same.yaml"));
    }

    #[test]
    fn another_content_is_no_match() {
        let key = |size, hash| Key {
            size,
            mtime_ns: 1,
            hash,
        };
        let kept = || Kept {
            key: key(3, 7),
            encoded: vec![postcard::to_allocvec(&RawFile::default()).unwrap()],
        };
        assert!(kept().matching(key(3, 8)).is_none());
        assert!(kept().matching(key(4, 7)).is_none());
        // Another modification time is the same content.
        let mut later = key(3, 7);
        later.mtime_ns = 2;
        assert!(kept().matching(later).is_some());
    }
}

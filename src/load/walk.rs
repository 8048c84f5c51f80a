//! Finding the claim files under the paths given: the one rule for what loading reads.
//!
//! Symbolic links are followed (a claims directory assembled from links works), but only to
//! regular files and directories, and each directory and each file is visited once, known by
//! its device and inode: a link loop ends at once, and a file reached by two paths is read once
//! instead of being reported as its own duplicate. A named pipe, a device or a socket named
//! like a claim file is an error that says what it is; it is never opened (a pipe would block
//! the load, `/dev/zero` would fill memory). How much of a file is read is limited where it is
//! read (see [`crate::fsutil::read_regular`]).

use std::collections::HashSet;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

use super::{Code, Diagnostic, Location, io_error};
use crate::fsutil::{Identity, identity};

/// Collects the claim files under `paths`, each directory's entries in sorted order (hidden
/// entries skipped), each file once; what cannot be read becomes a diagnostic.
pub fn discover<P: AsRef<Path>>(paths: &[P], diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut walk = Walk {
        seen: HashSet::new(),
        found: Vec::new(),
        diagnostics,
    };
    for path in paths {
        walk.root(path.as_ref());
    }
    walk.found
}

struct Walk<'a> {
    /// The directories and files visited so far.
    seen: HashSet<Identity>,
    found: Vec<PathBuf>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Walk<'_> {
    /// A path given by the caller: a directory to walk, or a file to read whatever its name.
    fn root(&mut self, path: &Path) {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.dir(path, &meta),
            Ok(meta) => self.file(path, &meta),
            Err(e) => self.diagnostics.push(io_error(path, &e)),
        }
    }

    fn dir(&mut self, path: &Path, meta: &Metadata) {
        if !self.first_visit(path, meta) {
            return;
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return self.diagnostics.push(io_error(path, &e)),
        };
        entries.sort();
        for entry in entries.iter().filter(|e| !is_hidden(e)) {
            match std::fs::metadata(entry) {
                Ok(meta) if meta.is_dir() => self.dir(entry, &meta),
                Ok(meta) if is_claim_file(entry) => self.file(entry, &meta),
                // A broken link or a link loop, named like a claim file.
                Err(e) if is_claim_file(entry) => self.diagnostics.push(io_error(entry, &e)),
                _ => {}
            }
        }
    }

    fn file(&mut self, path: &Path, meta: &Metadata) {
        if !meta.is_file() {
            return self.diagnostics.push(not_regular(path, meta));
        }
        if self.first_visit(path, meta) {
            self.found.push(path.to_path_buf());
        }
    }

    /// Marks `path` as visited; false when it was already (under this or another path).
    fn first_visit(&mut self, path: &Path, meta: &Metadata) -> bool {
        identity(path, meta).is_none_or(|id| self.seen.insert(id))
    }
}

fn not_regular(path: &Path, meta: &Metadata) -> Diagnostic {
    let kind = crate::fsutil::kind_of(&meta.file_type());
    let msg = format!(
        "`{}` is {kind}, not a regular file; claimgraph reads only regular files",
        path.display()
    );
    Diagnostic::error(Code::NotAFile, Location::file(path), msg)
        .with_hint("remove it, or rename it so that its name does not end in `.yaml`, `.yml`, `.json` or `.jsonl`")
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn is_claim_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml" | "json" | "jsonl")
    )
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn found(dir: &Path) -> (Vec<String>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let paths = discover(&[dir], &mut diagnostics)
            .iter()
            .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
            .collect();
        (paths, diagnostics)
    }

    #[test]
    fn a_link_loop_is_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/a.yaml"), "claims: []\n").unwrap();
        symlink("..", dir.path().join("sub/up")).unwrap();
        symlink(".", dir.path().join("sub/here")).unwrap();
        let (paths, diagnostics) = found(dir.path());
        assert_eq!(paths, ["sub/a.yaml"]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
    }

    #[test]
    fn a_file_reached_by_two_paths_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "claims: []\n").unwrap();
        symlink("a.yaml", dir.path().join("b.yaml")).unwrap();
        std::fs::hard_link(dir.path().join("a.yaml"), dir.path().join("c.yaml")).unwrap();
        assert_eq!(found(dir.path()).0, ["a.yaml"]);
    }

    #[test]
    fn a_device_named_like_a_claim_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        symlink("/dev/zero", dir.path().join("zero.yaml")).unwrap();
        symlink("/dev/zero", dir.path().join("zero.txt")).unwrap();
        let (paths, diagnostics) = found(dir.path());
        assert!(paths.is_empty(), "{paths:?}");
        let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        let expected = format!(
            "`{}` is a device, not a regular file; claimgraph reads only regular files",
            dir.path().join("zero.yaml").display()
        );
        assert_eq!(messages, [expected.as_str()]);
    }

    #[test]
    fn a_self_link_named_like_a_claim_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        symlink("self.yaml", dir.path().join("self.yaml")).unwrap();
        let (paths, diagnostics) = found(dir.path());
        assert!(paths.is_empty(), "{paths:?}");
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!(diagnostics[0].code, Code::Io);
    }
}

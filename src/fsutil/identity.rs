//! Whether two paths are the same file: by device and inode where there are inodes, so links
//! and `..` detours cannot disguise a file.

use std::fs::Metadata;
use std::path::Path;
#[cfg(not(unix))]
use std::path::PathBuf;

/// What makes two paths the same file.
#[cfg(unix)]
pub type Identity = (u64, u64);
/// What makes two paths the same file.
#[cfg(not(unix))]
pub type Identity = PathBuf;

/// The identity of the file at `path`, whose metadata (links followed) is `meta`.
#[cfg(unix)]
pub fn identity(_: &Path, meta: &Metadata) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

/// The identity of the file at `path`, whose metadata (links followed) is `meta`.
#[cfg(not(unix))]
pub fn identity(path: &Path, _: &Metadata) -> Option<Identity> {
    std::fs::canonicalize(path).ok()
}

/// Whether `a` and `b` both exist and are the same file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let id = |p: &Path| std::fs::metadata(p).ok().and_then(|m| identity(p, &m));
    matches!((id(a), id(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_itself_under_another_spelling() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let a = dir.path().join("a.yaml");
        std::fs::write(&a, "x").unwrap();
        std::fs::write(dir.path().join("b.yaml"), "x").unwrap();
        assert!(same_file(&a, &dir.path().join("sub/../a.yaml")));
        assert!(!same_file(&a, &dir.path().join("b.yaml")));
        assert!(!same_file(&a, &dir.path().join("missing.yaml")));
    }
}

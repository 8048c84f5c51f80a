//! File-system helpers: atomic writes, so nothing already on disk is lost when a write fails,
//! and careful reads (`read.rs`), so no input file can hang a command or exhaust its memory.

mod identity;
mod read;

pub use identity::{Identity, identity, same_file};
pub use read::{ReadError, kind_of, open_regular, read_regular};

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` by writing a temporary file beside it and renaming it over the
/// target: readers see the old content or the new, never a mix, and a failed write leaves the
/// old file in place.
///
/// A target that is neither a file nor a directory (`-o /dev/null`, `/dev/stdout`, a named
/// pipe) is written to directly: renaming over it would put a regular file in its place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Like [`write_atomic`], with the content written by `write` as it is made (a large output
/// need not be held in memory whole). When `write` fails, the target is left as it was.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let target = std::fs::OpenOptions::new().write(true).open(path)?;
        let mut target = std::io::BufWriter::new(target);
        write(&mut target)?;
        return target.flush();
    }
    replace_with(path, write)
}

/// Writes a temporary file beside `path` and renames it over `path`, whatever `path` is now
/// (a link or a named pipe in the way is replaced, not followed).
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_with(path, |w| w.write_all(bytes))
}

fn replace_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        write(&mut f)?;
        f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes `path` atomically into its directory, created first if need be, ignoring failure:
/// for caches, where a failed write only costs speed next time. Unlike [`write_atomic`], a
/// named pipe or a link to a device in the cache's place is replaced, never written into (a
/// pipe would block the command until something read it).
pub fn write_cache_file(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = replace(path, bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `-o /dev/null` once replaced the device with a regular file (as root, which may
    /// rename in /dev); every later write to /dev/null then filled that file.
    #[cfg(unix)]
    #[test]
    fn writes_into_a_device_instead_of_replacing_it() {
        use std::os::unix::fs::FileTypeExt;
        let null = Path::new("/dev/null");
        write_atomic(null, b"discarded").unwrap();
        let kind = std::fs::metadata(null).unwrap().file_type();
        assert!(kind.is_char_device(), "/dev/null is now {kind:?}");
    }

    /// A named pipe in a cache file's place once blocked every command until read.
    #[cfg(unix)]
    #[test]
    fn a_cache_file_replaces_a_named_pipe_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.bin");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.unwrap().success(), "mkfifo");
        write_cache_file(&path, b"cache");
        assert_eq!(std::fs::read(&path).unwrap(), b"cache");
    }

    #[test]
    fn replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn failure_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-dir").join("out.txt");
        assert!(write_atomic(&missing, b"new").is_err());
    }
}

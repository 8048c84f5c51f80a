//! Reading input files that may be hostile: only regular files, never more than a limit.
//!
//! A claims directory is not always tidy. A `*.yaml` named pipe would block a plain `open`
//! until someone writes to it, and a link to `/dev/zero` would be read until memory runs out.
//! Every input file (claim files, the load cache, imports) is therefore opened without
//! blocking, checked through the open handle to be a regular file (so a file swapped between
//! a look and the open is still caught), and read up to a size limit.

use std::fs::{File, FileType, Metadata};
use std::io::Read;
use std::path::Path;

/// Why an input file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Opening or reading failed.
    #[error("{}", .0.kind().to_string().to_lowercase())]
    Io(#[from] std::io::Error),
    /// It is a directory, a named pipe, a device or a socket.
    #[error("it is {kind}, not a regular file")]
    NotRegular {
        /// What it is, with an article ("a named pipe").
        kind: &'static str,
    },
    /// It holds more than the limit.
    #[error("it holds {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// Its size (at least; a growing file may hold more).
        size: u64,
        /// The limit.
        limit: u64,
    },
}

/// What a file type is, with an article, for messages: "a named pipe", "a directory", ...
pub fn kind_of(file_type: &FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else if file_type.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Opens `path` for reading if it is a regular file of at most `limit` bytes. The open never
/// blocks (a named pipe with no writer is refused, not waited on).
pub fn open_regular(path: &Path, limit: u64) -> Result<(File, Metadata), ReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular {
            kind: kind_of(&meta.file_type()),
        });
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    Ok((file, meta))
}

/// Reads the whole of `path` (see [`open_regular`]); the metadata and the bytes come from one
/// handle, so they describe the same file. A file that grows past `limit` while it is read is
/// refused too.
pub fn read_regular(path: &Path, limit: u64) -> Result<(Metadata, Vec<u8>), ReadError> {
    let (file, meta) = open_regular(path, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    Ok((meta, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "claims: []\n").unwrap();
        let (meta, bytes) = read_regular(&path, 100).unwrap();
        assert_eq!((meta.len(), bytes), (11, b"claims: []\n".to_vec()));
    }

    #[test]
    fn refuses_a_file_above_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "claims: []\n").unwrap();
        assert!(read_regular(&path, 11).is_ok());
        let e = read_regular(&path, 10).unwrap_err();
        assert!(
            matches!(
                e,
                ReadError::TooLarge {
                    size: 11,
                    limit: 10
                }
            ),
            "{e:?}"
        );
    }

    #[test]
    fn refuses_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_regular(dir.path(), 100).unwrap_err();
        assert_eq!(e.to_string(), "it is a directory, not a regular file");
    }

    /// `/dev/zero` never ends: reading it whole would take all memory.
    #[cfg(unix)]
    #[test]
    fn refuses_a_device() {
        let e = read_regular(Path::new("/dev/zero"), u64::MAX).unwrap_err();
        assert_eq!(e.to_string(), "it is a device, not a regular file");
    }

    /// A named pipe with no writer blocks a plain `open` for ever.
    #[cfg(unix)]
    #[test]
    fn refuses_a_named_pipe_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success(), "mkfifo");
        let e = read_regular(&fifo, 100).unwrap_err();
        assert_eq!(e.to_string(), "it is a named pipe, not a regular file");
    }
}

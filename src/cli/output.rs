//! Writing command output: to stdout (stopping quietly on a closed pipe) or to a file
//! (atomically, so an interrupted run never leaves half a file).

use std::io::Write;
use std::path::Path;

use super::Failure;

/// Writes `text` to standard output.
pub fn stdout(text: &str) -> Result<(), Failure> {
    stdout_bytes(text.as_bytes())
}

/// Writes `bytes` to standard output.
pub fn stdout_bytes(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::BrokenPipe),
        Err(e) => Err(Failure::Error(crate::Error::Io {
            action: "write",
            path: "<stdout>".into(),
            source: e,
        })),
    }
}

/// Writes `value` as pretty JSON to standard output.
pub fn json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    stdout(&json_text(value))
}

/// `value` as pretty JSON, ending with a line break.
pub fn json_text<T: serde::Serialize>(value: &T) -> String {
    let mut text =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// `text` safe in a TSV field and on a terminal: tabs, line breaks and other hidden
/// characters written as escapes (`\t`, `\n`, `\u{1b}`; see [`crate::text::visible`]).
pub fn tsv_field(text: &str) -> String {
    crate::text::visible(text).into_owned()
}

/// Writes `text` to `path` atomically.
pub fn file(path: &Path, text: &str) -> Result<(), Failure> {
    bytes_file(path, text.as_bytes())
}

/// Writes to `path` atomically what `write` writes, as it is made.
pub fn file_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    crate::fsutil::write_atomic_with(path, write).map_err(|e| {
        Failure::Error(crate::Error::Io {
            action: "write",
            path: path.to_path_buf(),
            source: e,
        })
    })
}

/// Writes `bytes` to `path` atomically.
pub fn bytes_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    crate::fsutil::write_atomic(path, bytes).map_err(|e| {
        Failure::Error(crate::Error::Io {
            action: "write",
            path: path.to_path_buf(),
            source: e,
        })
    })
}

//! Messages on standard error that never stop a command.
//!
//! `eprintln!` panics when standard error is a closed pipe (`claimgraph export aif -o x.json
//! 2>&1 | true`), which stopped the command before its output file was written. A note is worth
//! less than the work it reports on, so these writers drop what cannot be written and let the
//! command finish.

use std::fmt;
use std::io::Write;

/// Writes one formatted line to standard error; a closed stream is ignored.
macro_rules! note {
    ($($arg:tt)*) => {
        $crate::cli::stderr::line(format_args!($($arg)*))
    };
}
pub(crate) use note;

/// Writes `args` and a line break to standard error, ignoring failure.
pub fn line(args: fmt::Arguments<'_>) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(args).and_then(|()| err.write_all(b"\n"));
}

/// Writes `text` as it is to standard error, ignoring failure.
pub fn text(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

//! The crate's error types, one per layer, and the top-level [`Error`] that wraps them.
//!
//! Problems in claim files are not errors but [`Diagnostic`](crate::load::Diagnostic)s,
//! collected and reported together. These types are for everything that stops a command:
//! an unknown id on the command line, a file that cannot be written, a renderer that failed.

use std::path::PathBuf;

pub use crate::format::ExportError;
pub use crate::graph::GraphError;

/// Anything that stops a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The claim files have errors (already reported as diagnostics).
    #[error("the claim files have {0} error(s)")]
    Invalid(usize),
    /// An id given on the command line names nothing.
    #[error("no claim or source has the id `{id}`")]
    UnknownId {
        /// The id as given.
        id: String,
        /// A close match, when there is one.
        suggestion: Option<String>,
    },
    /// Building the graph failed.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// Exporting failed.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// A search for extensions ran out of time.
    #[error(transparent)]
    Timeout(#[from] crate::eval::Timeout),
    /// `--strict`, and a conversion would lose something (each loss already printed).
    #[error(
        "{format} cannot carry everything ({count} kind(s) of loss listed above); nothing written"
    )]
    Lossy {
        /// The format converted to or from.
        format: String,
        /// How many kinds of loss.
        count: usize,
    },
    /// A file could not be read or written.
    #[error("cannot {action} `{path}`: {source}")]
    Io {
        /// `read` or `write`.
        action: &'static str,
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl Error {
    /// A hint for the user, when there is one.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::UnknownId { suggestion, .. } => {
                Some(crate::suggest::unknown_id_hint(suggestion.as_deref()))
            }
            Error::Export(e) => e.hint(),
            Error::Timeout(_) => Some(
                "raise `--timeout`, or use `--semantics grounded`, which takes linear time".into(),
            ),
            Error::Lossy { .. } => Some("drop `--strict` to convert anyway".into()),
            _ => None,
        }
    }
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

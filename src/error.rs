//! The crate's error types, one per layer, and the top-level [`Error`] that wraps them.
//!
//! Problems in claim files are not errors but [`Diagnostic`](crate::load::Diagnostic)s,
//! collected and reported together. These types are for everything that stops a command:
//! an unknown id on the command line, a file that cannot be written, a renderer that failed.

use std::path::PathBuf;

pub use crate::build::BuildError;
pub use crate::format::{ExportError, ImportError};
pub use crate::graph::{GraphError, SelectionError, UnknownId};
pub use crate::query::QueryError;

/// What to do when a search for extensions runs out of time.
const TIMEOUT_HINT: &str =
    "raise `--timeout`, or use `--semantics grounded`, which takes linear time";

/// Anything that stops a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The claim files have errors (already reported as diagnostics).
    #[error("the claim files have {0} error(s)")]
    Invalid(usize),
    /// An id given on the command line names nothing.
    #[error(transparent)]
    UnknownId(#[from] UnknownId),
    /// A selection names an id that does not exist or is of the wrong kind.
    #[error(transparent)]
    Selection(#[from] SelectionError),
    /// A query could not run.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// `build` stopped.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// Importing failed.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// claimgraph broke one of its own promises: a bug to report, not a problem of the input.
    #[error("internal error: {0} (a bug in claimgraph; please report it)")]
    Internal(&'static str),
    /// Building the graph failed.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// Exporting failed.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The language server could not start its session.
    #[error(transparent)]
    Lsp(#[from] crate::lsp::LspError),
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
    /// A git revision could not be read (`diff`).
    #[error(transparent)]
    Revision(#[from] crate::diff::RevisionError),
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
            Error::UnknownId(e) => Some(e.hint()),
            Error::Selection(e) => e.hint(),
            Error::Query(e) => e.hint(),
            Error::Build(e) => build_hint(e),
            Error::Export(e) => e.hint(),
            Error::Timeout(_) => Some(TIMEOUT_HINT.into()),
            Error::Lossy { .. } => Some("drop `--strict` to convert anyway".into()),
            Error::Revision(e) => e.hint(),
            _ => None,
        }
    }
}

/// What to do about a failed build.
fn build_hint(e: &BuildError) -> Option<String> {
    match e {
        BuildError::Export { source, .. } => source.hint(),
        BuildError::Eval { .. } => Some(TIMEOUT_HINT.into()),
        BuildError::NotOurs(_) => Some("move the file away, or pass `--out DIR`".into()),
        BuildError::Where { .. } | BuildError::Io { .. } => None,
    }
}

impl Error {
    /// Whether the command line asked for something that cannot be (exit code 2), rather
    /// than something failing on the way (3).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::UnknownId(_)
                | Error::Selection(_)
                | Error::Query(_)
                | Error::Build(BuildError::Where { .. } | BuildError::NotOurs(_))
                | Error::Import(ImportError::NotReadable(_))
        )
    }
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_errors_keep_their_hints_and_say_which_are_usage() {
        let unknown = Error::from(UnknownId {
            id: "x".into(),
            suggestion: None,
        });
        assert!(unknown.is_usage());
        assert_eq!(
            unknown.hint().as_deref(),
            Some("`claimgraph list` shows every id")
        );
        let draw = Error::from(BuildError::Export {
            view: "timeline".into(),
            source: ExportError::GraphvizMissing,
        });
        assert!(!draw.is_usage());
        assert!(
            draw.to_string()
                .starts_with("cannot draw view `timeline`: ")
        );
        assert_eq!(draw.hint(), ExportError::GraphvizMissing.hint());
        let mine = Error::from(BuildError::NotOurs("out/a.svg".into()));
        assert!(mine.is_usage());
        assert!(mine.hint().is_some_and(|h| h.contains("--out DIR")));
        let parse = crate::graph::Expr::parse("id ==").unwrap_err();
        let bad_where = Error::from(BuildError::Where {
            view: "v".into(),
            source: parse,
        });
        assert!(bad_where.is_usage());
    }
}

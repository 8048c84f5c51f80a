//! `claimgraph lsp`: a language server for claim files, over stdio.
//!
//! Editors check the shape of a claim file with the JSON Schema, but only the graph knows
//! whether an id names anything, who says what, and which claims stand. The server keeps the
//! claims directory loaded as the editor sees it ([`workspace`]: unsaved text wins) and answers
//! from it: diagnostics (the same as `check`), go to definition, references, hover, symbols,
//! completion, rename and quick fixes, one module per feature. It uses lsp-server and lsp-types, rust-analyzer's
//! synchronous building blocks: one thread answers in order, with no async runtime.

mod actions;
mod complete;
mod cursor;
mod diagnostics;
mod hover;
mod index;
mod navigate;
mod position;
mod rename;
mod server;
mod shape;
mod symbols;
mod transport;
mod workspace;

pub use server::{capabilities, serve};
pub use workspace::Workspace;

use std::path::Path;

/// What stops the language server.
#[derive(Debug, thiserror::Error)]
pub enum LspError {
    /// The client broke the protocol before the session began.
    #[error("the language client did not start the session (`initialize`): {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    /// The capabilities could not be encoded.
    #[error("the server's capabilities could not be written as JSON: {0}")]
    Json(serde_json::Error),
}

/// Serves the language server protocol on stdin and stdout for the claims directory `claims`
/// (relative to the client's workspace folder), until the client exits or goes away.
///
/// # Errors
/// See [`LspError`].
pub fn serve_stdio(claims: &Path) -> Result<(), LspError> {
    let (connection, threads) = transport::stdio();
    serve(&connection, claims)?;
    // The session ended (`exit`, or the end of input): let the writer send what is queued.
    drop(connection);
    threads.join();
    Ok(())
}

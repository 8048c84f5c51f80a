//! `claimgraph lsp`: the language server ([`crate::lsp`]) on stdin and stdout.

use super::{Cli, Failure};

/// Runs `lsp` until the editor ends the session.
pub fn run(cli: &Cli) -> Result<(), Failure> {
    crate::lsp::serve_stdio(&cli.claims).map_err(|e| Failure::Error(e.into()))
}

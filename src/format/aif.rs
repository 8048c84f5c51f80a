//! Stub.

use std::path::Path;

use super::import::Draft;
use super::loss::Loss;
use crate::graph::ClaimGraph;
use crate::load::Diagnostic;

/// Writes.
pub fn to_aif(_graph: &ClaimGraph) -> (String, Vec<Loss>) {
    (String::new(), Vec::new())
}

/// Reads.
pub fn read(_path: &Path, _text: &str, _draft: &mut Draft) -> Result<(), Vec<Diagnostic>> {
    Ok(())
}

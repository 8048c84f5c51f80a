//! `claimgraph schema`: the JSON Schema of claim files, for editors and other tools (see
//! [`crate::schema`]; the repository keeps a copy in `schema/claims-v1.json`).

use super::{Failure, output};

/// Runs `schema`.
pub fn run() -> Result<(), Failure> {
    output::stdout(&crate::schema::claims_v1())
}

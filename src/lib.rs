//! claimgraph: track claims, their sources and the arguments between them.
//!
//! Claims and sources are written in YAML files ([format v1](load)); the library loads them
//! into a typed [`model::Corpus`] with every problem reported as a located
//! [`load::Diagnostic`], builds a [`graph::ClaimGraph`] over petgraph, checks it
//! ([`check`]), and writes diagrams ([`format`](mod@format)).
//!
//! ```
//! use claimgraph::{graph::ClaimGraph, load};
//!
//! let dir = tempfile::tempdir()?;
//! std::fs::write(dir.path().join("claims.yaml"), r#"
//! sources:
//!   - id: lee
//!     name: Kai-Fu Lee
//!     kind: person
//! claims:
//!   - id: compute-gap
//!     text: Chinese firms use about twice the compute for the same results.
//!     by: lee
//!   - id: efficient
//!     text: Chinese firms are more compute-efficient.
//!     by: lee
//!     contradicts: [compute-gap]
//! "#)?;
//! let loaded = load::load(&[dir.path()]);
//! assert!(!loaded.has_errors());
//! let graph = ClaimGraph::build(loaded.corpus)?;
//! let gap = graph.node("compute-gap").expect("defined above");
//! assert_eq!(graph.claim(gap).map(|c| c.by.as_ref().map(|b| b.as_str())), Some(Some("lee")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// Tests may unwrap (a panic is how a test fails); library code may not.
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod build;
pub mod check;
pub mod cli;
pub mod desk;
pub mod diff;
pub mod error;
pub mod eval;
pub mod format;
pub mod fsutil;
pub mod fuzzing;
pub mod graph;
#[cfg(test)]
mod layers;
pub mod link;
pub mod load;
pub mod lsp;
pub mod model;
pub mod query;
pub mod review;
pub mod schema;
pub mod suggest;
pub mod text;

pub use error::{Error, Result};

//! End-to-end tests of the `claimgraph` binary.

#![allow(clippy::unwrap_used)]

mod broken;
mod build;
mod cache;
mod commands;
mod completions;
#[path = "../../benches/corpus/mod.rs"]
#[allow(dead_code)]
mod corpus;
mod desk;
mod diff;
mod docs;
mod eval;
mod formats;
mod fuzz_corpus;
#[path = "../../benches/support/generate.rs"]
mod generate;
mod hostile;
mod hostile_files;
mod hostile_sizes;
mod iccma;
mod jsonl;
mod lsp;
mod query;
mod report;
mod review;
mod schema;
mod show_warm;
mod test;
mod testdata;
mod tools;
mod watch;

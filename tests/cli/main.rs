//! End-to-end tests of the `claimgraph` binary.

#![allow(clippy::unwrap_used)]

mod broken;
mod build;
mod commands;
mod formats;
mod test;
mod testdata;

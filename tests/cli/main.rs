//! End-to-end tests of the `claimgraph` binary.

mod broken;
mod build;
mod commands;
mod test;

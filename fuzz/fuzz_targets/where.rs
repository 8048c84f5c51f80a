//! The `--where` language: parsed, and when valid, matched against every item of a graph.
#![no_main]

use claimgraph::fuzzing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| fuzzing::where_expr(data));

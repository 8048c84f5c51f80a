//! The claim loader: one claim file's bytes to a corpus and diagnostics, as `load` reads it.
#![no_main]

use claimgraph::fuzzing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| fuzzing::load(data));

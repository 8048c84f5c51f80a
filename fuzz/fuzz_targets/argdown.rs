//! The argdown reader: any text is read into claims or rejected with located diagnostics,
//! never a panic, a hang or a runaway allocation.
#![no_main]

use claimgraph::fuzzing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| fuzzing::import(claimgraph::format::Format::Argdown, data));

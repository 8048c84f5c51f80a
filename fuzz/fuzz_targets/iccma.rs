//! The iccma framework reader, as `load` and `solve` use it.
#![no_main]

use claimgraph::load::framework::AfFormat;
use claimgraph::fuzzing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| fuzzing::framework(AfFormat::Iccma, data));

//! Replays the committed fuzz corpora (`fuzz/corpus/<target>/`, minimised by `cargo fuzz
//! cmin`, and every input a fuzzer once crashed on) through the same entry points the fuzz
//! targets call, on stable: what the fuzzers found stays a test without a nightly toolchain.

use std::panic::{AssertUnwindSafe, catch_unwind};

use claimgraph::fuzzing;

use crate::test::root;

#[test]
fn every_fuzz_corpus_file_replays_without_a_panic() {
    let mut failed = Vec::new();
    for target in fuzzing::TARGETS {
        let dir = root().join("fuzz/corpus").join(target);
        let files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .collect();
        assert!(!files.is_empty(), "no corpus for `{target}`");
        for file in files {
            let data = std::fs::read(&file).unwrap();
            match catch_unwind(AssertUnwindSafe(|| fuzzing::run(target, &data))) {
                Ok(known) => assert!(known, "no fuzz target `{target}`"),
                Err(_) => failed.push(file.display().to_string()),
            }
        }
    }
    assert!(failed.is_empty(), "panicked on: {failed:#?}");
}

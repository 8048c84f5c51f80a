//! The JSON Lines parse floor: serde_json deserialising every line of a `.jsonl` claim file,
//! single-threaded, into plain serde structs mirroring format v1 (no positions, no checks,
//! no graph), the baseline `check --no-cache` on the same file is measured against.
//!
//! ```text
//! cargo run --release --example jsonl-floor -- FILE.jsonl
//! ```
//!
//! Prints the number of entries of each type (so the work cannot be optimised away) and the
//! time the parse took, reading the file into memory first (not timed), as `check` does.

use std::process::ExitCode;
use std::time::Instant;

use serde::Deserialize;

#[path = "support/plain.rs"]
mod plain;

use plain::{Citation, Verdict};

/// One line: the union of the entries' keys, tagged by `type` (the fastest typed shape; an
/// internally tagged enum would buffer every object first).
#[derive(Deserialize)]
#[allow(dead_code)]
struct Line {
    #[serde(rename = "type")]
    kind: Kind,
    id: Option<String>,
    name: Option<String>,
    /// A source's or a relation's kind.
    #[serde(rename = "kind")]
    item_kind: Option<String>,
    description: Option<String>,
    url: Option<String>,
    text: Option<String>,
    by: Option<String>,
    #[serde(default)]
    sources: Vec<Citation>,
    date: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    confidence: Option<f64>,
    verdict: Option<Verdict>,
    #[serde(default)]
    supports: Vec<String>,
    #[serde(default)]
    contradicts: Vec<String>,
    from: Option<String>,
    to: Option<String>,
    strength: Option<f64>,
    note: Option<String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Source,
    Claim,
    Relation,
    View,
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: jsonl-floor FILE.jsonl");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: cannot read `{path}`: {e}");
            return ExitCode::FAILURE;
        }
    };
    let start = Instant::now();
    let mut counts = [0usize; 4];
    for (i, line) in text.lines().enumerate() {
        match serde_json::from_str::<Line>(line) {
            Ok(l) => counts[l.kind as usize] += 1,
            Err(e) => {
                eprintln!("error: line {}: {e}", i + 1);
                return ExitCode::FAILURE;
            }
        }
    }
    let elapsed = start.elapsed();
    println!(
        "{} sources, {} claims, {} relations, {} views parsed in {:.3} s",
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        elapsed.as_secs_f64()
    );
    ExitCode::SUCCESS
}

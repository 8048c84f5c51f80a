//! Plain serde shapes of format v1's nested values, shared by the parse floors
//! (`yaml-floor.rs`, `jsonl-floor.rs`): no positions, no checks.

#![allow(dead_code)] // the fields are read only by serde

use serde::Deserialize;

/// A claim's citation: a source id, or a mapping with a quote and a locator.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum Citation {
    Short(String),
    Long {
        source: String,
        quote: Option<String>,
        locator: Option<String>,
    },
}

/// A verdict.
#[derive(Deserialize)]
pub struct Verdict {
    rating: String,
    by: Option<String>,
    date: Option<String>,
    note: Option<String>,
    #[serde(default)]
    evidence: Vec<String>,
}

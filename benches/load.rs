//! Load benchmarks on generated corpora (`benches/corpus`), with the YAML parse floor measured
//! in the same run so claimgraph's times can be read as ratios to it.
//!
//! ```text
//! cargo bench --bench load                    # 1,000, 10,000 and 100,000 claims
//! ```
//!
//! - `parse_floor`: serde-saphyr deserialising every file into plain structs (no positions, no
//!   validation, no graph), one thread: the least any YAML loader built on it can cost.
//! - `load`: [`claimgraph::load::load`], files parsed on every core, ids resolved (no cache).
//! - `check`: load, graph build and lints: the whole of `claimgraph check` but printing.
//! - `graph_build`: [`ClaimGraph::build`] from a loaded corpus.
//! - `dot_export`: DOT text of the whole graph.

#![allow(clippy::unwrap_used)]

#[path = "corpus/mod.rs"]
#[allow(dead_code)]
mod corpus;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use claimgraph::format::{ExportOptions, dot};
use claimgraph::graph::ClaimGraph;
use divan::Bencher;
use serde::Deserialize;

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[1_000, 10_000, 100_000];

/// The generated corpus of `n` claims, written once per run.
fn corpus_dir(n: usize) -> PathBuf {
    static DIRS: OnceLock<Mutex<HashMap<usize, PathBuf>>> = OnceLock::new();
    let dirs = DIRS.get_or_init(Default::default);
    let mut dirs = dirs.lock().unwrap();
    dirs.entry(n)
        .or_insert_with(|| {
            let dir = std::env::temp_dir().join(format!("claimgraph-bench-{n}"));
            if !dir.exists() {
                let tmp = dir.with_extension("partial");
                corpus::Corpus::generate(n, 7).write_yaml(&tmp).unwrap();
                std::fs::rename(&tmp, &dir).unwrap();
            }
            dir
        })
        .clone()
}

fn files(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainFile {
    #[serde(default)]
    sources: Vec<PlainSource>,
    #[serde(default)]
    claims: Vec<PlainClaim>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainSource {
    id: String,
    name: String,
    kind: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainClaim {
    id: String,
    text: String,
    by: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    date: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    supports: Vec<String>,
    #[serde(default)]
    contradicts: Vec<String>,
    verdict: Option<PlainVerdict>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainVerdict {
    rating: String,
    by: Option<String>,
    date: Option<String>,
}

/// Reading is left out: the files are in memory before the clock starts.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn parse_floor(bencher: Bencher, n: usize) {
    let texts = files(&corpus_dir(n));
    bencher.bench(|| {
        for text in &texts {
            divan::black_box(serde_saphyr::from_str::<PlainFile>(text).unwrap());
        }
    });
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load(bencher: Bencher, n: usize) {
    let dir = corpus_dir(n);
    bencher.bench(|| {
        let loaded = claimgraph::load::load(&[&dir]);
        assert!(!loaded.has_errors());
        loaded
    });
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn check(bencher: Bencher, n: usize) {
    let dir = corpus_dir(n);
    bencher.bench(|| claimgraph::check::check_paths(&[&dir]));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn graph_build(bencher: Bencher, n: usize) {
    let corpus = claimgraph::load::load(&[corpus_dir(n)]).corpus;
    bencher
        .with_inputs(|| corpus.clone())
        .bench_values(|corpus| ClaimGraph::build(corpus).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn dot_export(bencher: Bencher, n: usize) {
    let corpus = claimgraph::load::load(&[corpus_dir(n)]).corpus;
    let graph = ClaimGraph::build(corpus).unwrap();
    let options = ExportOptions::default();
    bencher.bench(|| dot::to_dot(&graph, &options));
}

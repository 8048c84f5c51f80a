//! Drawing SVG with the embedded renderer, and refusing a graph above its node limit. The
//! refusal must cost next to nothing (a unit test once asserted it took under 2 s, a figure
//! that belongs here, on a quiet machine, and not in a test that a busy one can fail). Run with
//! `cargo bench --bench svg`.

// Shared with the query benches, which use the rest of it.
#[allow(dead_code)]
mod generate;

use std::sync::LazyLock;

use claimgraph::format::svg::{EMBEDDED_LIMIT, to_svg};
use claimgraph::format::{ExportOptions, Renderer};
use claimgraph::graph::ClaimGraph;

/// A generated graph of `claims` claims (and a source per 20 claims).
fn graph(claims: usize) -> ClaimGraph {
    ClaimGraph::build(generate::corpus(claims, 42, generate::WIDE)).expect("generated ids resolve")
}

/// Just above the limit: the embedded renderer refuses it.
static TOO_LARGE: LazyLock<ClaimGraph> = LazyLock::new(|| graph(EMBEDDED_LIMIT));
/// Small enough to lay out in a fraction of a second.
static SMALL: LazyLock<ClaimGraph> = LazyLock::new(|| graph(60));

fn embedded() -> ExportOptions {
    ExportOptions {
        renderer: Renderer::Embedded,
        ..ExportOptions::default()
    }
}

fn main() {
    divan::main();
}

#[divan::bench]
fn refuse_above_the_limit() -> bool {
    to_svg(&TOO_LARGE, &embedded()).is_err()
}

#[divan::bench(sample_count = 10)]
fn draw_60_claims() -> usize {
    to_svg(&SMALL, &embedded()).map_or(0, |(svg, _)| svg.len())
}

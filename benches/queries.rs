//! Every query on a generated graph of 100,000 claims (see `generate/mod.rs`), graph building
//! excluded; building the graph is measured on its own as the baseline. Run with
//! `cargo bench --bench queries`. The budget is 50 ms per query beyond loading.

mod generate;

use std::sync::LazyLock;

use claimgraph::graph::ClaimGraph;
use claimgraph::model::Corpus;
use claimgraph::query;

const CLAIMS: usize = 100_000;

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| generate::corpus(CLAIMS, 42, generate::WIDE));
static GRAPH: LazyLock<ClaimGraph> =
    LazyLock::new(|| ClaimGraph::build(CORPUS.clone()).expect("generated ids resolve"));

/// A claim near the conclusions (many chains lead to it), one in the middle, one near the
/// reasons.
const TOP: &str = "c100";
const MIDDLE: &str = "c50000";
const LEAF: &str = "c99000";

fn main() {
    LazyLock::force(&GRAPH);
    divan::main();
}

#[divan::bench(sample_count = 20)]
fn build_graph(b: divan::Bencher) {
    b.with_inputs(|| CORPUS.clone())
        .bench_values(|corpus| ClaimGraph::build(corpus).expect("resolves"));
}

#[divan::bench]
fn supporters_direct() -> usize {
    query::supporters(&GRAPH, MIDDLE, Some(1))
        .expect("exists")
        .results
        .len()
}

#[divan::bench(sample_count = 20)]
fn supporters_depth_3() -> usize {
    query::supporters(&GRAPH, TOP, Some(3))
        .expect("exists")
        .results
        .len()
}

#[divan::bench(sample_count = 20)]
fn supporters_all() -> usize {
    query::supporters(&GRAPH, TOP, None)
        .expect("exists")
        .results
        .len()
}

#[divan::bench(sample_count = 20)]
fn attackers_all() -> usize {
    query::attackers(&GRAPH, TOP, None)
        .expect("exists")
        .results
        .len()
}

#[divan::bench(sample_count = 20)]
fn path_shortest() -> usize {
    query::path(&GRAPH, LEAF, TOP).expect("exists").paths.len()
}

#[divan::bench(sample_count = 20)]
fn path_all() -> usize {
    query::all_paths(&GRAPH, "c51000", MIDDLE, 6, 100)
        .expect("exists")
        .paths
        .len()
}

#[divan::bench(sample_count = 20)]
fn why() -> usize {
    query::why(&GRAPH, TOP).expect("exists").lines.len()
}

#[divan::bench(sample_count = 20)]
fn impact() -> usize {
    query::impact(&GRAPH, LEAF).expect("exists").results.len()
}

#[divan::bench(sample_count = 20)]
fn conflicts() -> usize {
    query::conflicts(&GRAPH).len()
}

#[divan::bench(sample_count = 20)]
fn unsupported() -> usize {
    query::unsupported(&GRAPH).len()
}

#[divan::bench(sample_count = 20)]
fn cycles() -> usize {
    query::cycles(&GRAPH).len()
}

#[divan::bench(sample_count = 20)]
fn central() -> usize {
    query::central(&GRAPH, Some(10)).results.len()
}

#[divan::bench(sample_count = 20)]
fn stats() -> usize {
    query::stats(&GRAPH).claims
}

#[divan::bench(sample_count = 20)]
fn select_tag() -> usize {
    let selection = claimgraph::graph::Selection {
        tags: vec!["compute".into()],
        ..Default::default()
    };
    selection.apply(&GRAPH).claim_count()
}

/// The same queries where they suffer most: relations only reach the 1,000 claims written
/// before, so chains run hundreds of relations deep and every chain reported is long.
mod deep {
    use super::*;

    static DEEP: LazyLock<ClaimGraph> = LazyLock::new(|| {
        let corpus = generate::corpus(CLAIMS, 42, generate::DEEP);
        ClaimGraph::build(corpus).expect("generated ids resolve")
    });

    #[divan::bench(sample_count = 10)]
    fn supporters_all() -> usize {
        query::supporters(&DEEP, TOP, None)
            .expect("exists")
            .results
            .len()
    }

    #[divan::bench(sample_count = 10)]
    fn why() -> usize {
        query::why(&DEEP, TOP).expect("exists").lines.len()
    }

    #[divan::bench(sample_count = 10)]
    fn impact() -> usize {
        query::impact(&DEEP, LEAF).expect("exists").results.len()
    }

    #[divan::bench(sample_count = 10)]
    fn path_shortest() -> usize {
        query::path(&DEEP, LEAF, TOP).expect("exists").paths.len()
    }

    #[divan::bench(sample_count = 10)]
    fn cycles() -> usize {
        query::cycles(&DEEP).len()
    }
}

//! Benchmarks of `claimgraph eval`'s semantics: grounded on a framework of 50,000 arguments
//! and 75,000 attacks, preferred (and the whole `eval` pipeline) on claim graphs of a few
//! hundred claims.
//!
//! `cargo bench --bench eval`. With `CLAIMGRAPH_BENCH_WRITE=DIR`, the 50,000-argument framework
//! is also written to `DIR/grounded-50k.af` and `.apx`, for timing `claimgraph solve` beside
//! another ICCMA solver on the same file (see `benches/crustabri.sh`).

use claimgraph::eval::{self, Attacks, Deadline, Semantics, Settings, dung};
use claimgraph::graph::ClaimGraph;
use claimgraph::load::framework::AfFormat;

#[path = "support/generate.rs"]
mod generate;

const ARGUMENTS: u64 = 50_000;
const ATTACKS: u64 = 75_000;
const SEED: u64 = 4;

fn main() {
    if let Some(dir) = std::env::var_os("CLAIMGRAPH_BENCH_WRITE") {
        write_frameworks(std::path::Path::new(&dir));
    }
    divan::main();
}

fn big() -> Attacks {
    let pairs = generate::random_attacks(ARGUMENTS, ATTACKS, SEED);
    Attacks::from_pairs(ARGUMENTS as usize, pairs)
}

fn write_frameworks(dir: &std::path::Path) {
    let pairs = generate::random_attacks(ARGUMENTS, ATTACKS, SEED);
    let text = generate::iccma(ARGUMENTS, &pairs);
    let af = dir.join("grounded-50k.af");
    std::fs::write(&af, &text).expect("writable");
    let (file, _) = AfFormat::Iccma.read(&af, &text);
    let apx = claimgraph::format::af::write(AfFormat::Apx, &eval::Framework::from_file(file));
    std::fs::write(dir.join("grounded-50k.apx"), apx).expect("writable");
}

#[divan::bench]
fn grounded_50k_args_75k_attacks(bencher: divan::Bencher) {
    let af = big();
    bencher.bench(|| dung::grounded(divan::black_box(&af)));
}

#[divan::bench(args = [100, 200, 300])]
fn preferred_on_claim_graph(bencher: divan::Bencher, claims: usize) {
    let graph = ClaimGraph::build(generate::claim_corpus(claims, 7)).expect("a valid graph");
    let af = eval::Framework::from_graph(&graph);
    bencher.bench(|| {
        dung::labellings(af.attacks(), Semantics::Preferred, &Deadline::never())
            .expect("no deadline")
    });
}

#[divan::bench(args = [100, 200, 300])]
fn eval_preferred_with_strength(bencher: divan::Bencher, claims: usize) {
    let graph = ClaimGraph::build(generate::claim_corpus(claims, 7)).expect("a valid graph");
    let settings = Settings {
        semantics: Semantics::Preferred,
        ..Settings::default()
    };
    bencher.bench(|| eval::evaluate(&graph, &settings).expect("no deadline"));
}

#[test]
fn count() {}

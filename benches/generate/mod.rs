//! A deterministic generated corpus for benchmarks: `n` claims, `n / 20` sources, on average
//! 2 `supports` and 0.5 `contradicts` per claim, a verdict on 1 claim in 10.
//!
//! Relations mostly point from a claim to a claim written before it, chosen uniformly (reasons
//! lead to earlier conclusions: a random DAG, whose chains are about ln n long); 1 in 20 points
//! anywhere, which closes support cycles. `DEEP` instead picks among the 1,000 claims written
//! just before: chains then run hundreds of relations deep, the worst case for queries that
//! report a chain for every claim they find.

use claimgraph::model::{Citation, Claim, Corpus, Id, Rating, Relation, RelationKind, Source};

/// xorshift64*: small, fast and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

fn id(prefix: char, i: usize) -> Id {
    Id::new(&format!("{prefix}{i}")).expect("generated ids are valid")
}

/// How far back a relation may point; `usize::MAX` for anywhere before.
pub type Window = usize;
/// Any earlier claim.
pub const WIDE: Window = usize::MAX;
/// One of the 1,000 claims just before.
pub const DEEP: Window = 1000;

/// A claim `i` may bear on: mostly an earlier one, sometimes any.
fn target(rng: &mut Rng, i: usize, n: usize, window: Window) -> Option<usize> {
    let j = if rng.chance(0.05) || i == 0 {
        rng.below(n)
    } else {
        i - 1 - rng.below(i.min(window))
    };
    (j != i).then_some(j)
}

/// The corpus: claims `c0..c{n-1}`, sources `s0..`.
pub fn corpus(n: usize, seed: u64, window: Window) -> Corpus {
    const TAGS: [&str; 10] = [
        "compute",
        "data",
        "chips",
        "policy",
        "open-source",
        "models",
        "talent",
        "energy",
        "markets",
        "allies",
    ];
    let mut rng = Rng::new(seed);
    let sources: Vec<Source> = (0..(n / 20).max(1))
        .map(|i| Source::new(id('s', i), format!("Source {i}")))
        .collect();
    let mut claims = Vec::with_capacity(n);
    let mut relations = Vec::with_capacity(n * 5 / 2);
    for i in 0..n {
        let mut claim = Claim::new(id('c', i), format!("Generated claim number {i}."));
        claim.by = Some(sources[rng.below(sources.len())].id.clone());
        if rng.chance(0.5) {
            claim
                .sources
                .push(Citation::new(sources[rng.below(sources.len())].id.clone()));
        }
        claim.tags.push(TAGS[rng.below(TAGS.len())].to_string());
        if rng.chance(0.1) {
            claim.verdict = Some(claimgraph::model::Verdict {
                rating: Rating::ALL[rng.below(Rating::ALL.len())],
                by: None,
                date: None,
                note: None,
                evidence: Vec::new(),
            });
        }
        claims.push(claim);
        let mut relate = |rng: &mut Rng, kind| {
            if let Some(j) = target(rng, i, n, window) {
                relations.push(Relation::new(id('c', i), id('c', j), kind));
            }
        };
        relate(&mut rng, RelationKind::Supports);
        relate(&mut rng, RelationKind::Supports);
        if rng.chance(0.5) {
            relate(&mut rng, RelationKind::Contradicts);
        }
    }
    Corpus {
        sources,
        claims,
        relations,
        ..Corpus::default()
    }
}

//! Generated frameworks and claim graphs for benchmarks and tests: deterministic (splitmix64,
//! fixed seeds), so every run and every machine sees the same input.

#![allow(dead_code)] // each user takes what it needs

use claimgraph::model::{Claim, Corpus, Id, Relation, RelationKind};

/// The splitmix64 generator: tiny, fast, good enough for test data.
#[derive(Debug, Clone)]
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// `attacks` uniformly random attacks over arguments `0..n` (duplicates and self-attacks
/// possible, as in generated ICCMA instances).
pub fn random_attacks(n: u64, attacks: u64, seed: u64) -> Vec<(u32, u32)> {
    let mut rng = SplitMix(seed);
    (0..attacks)
        .map(|_| (rng.below(n) as u32, rng.below(n) as u32))
        .collect()
}

/// The attacks in ICCMA 2023 form (`p af N`, then `i j` over `1..=N`).
pub fn iccma(n: u64, attacks: &[(u32, u32)]) -> String {
    let mut text = format!("p af {n}\n");
    for (a, b) in attacks {
        text.push_str(&format!("{} {}\n", a + 1, b + 1));
    }
    text
}

/// A claim graph shaped like a fact-checker's: `n` claims, each supporting one earlier claim,
/// `n / 2` contradictions between random claims and `n / 15` mutual contradictions (the
/// tensions that leave room for several preferred extensions).
pub fn claim_corpus(n: usize, seed: u64) -> Corpus {
    let mut rng = SplitMix(seed);
    let id = |i: usize| Id::new(&format!("c{i}")).expect("a valid id");
    let claims = (0..n)
        .map(|i| Claim::new(id(i), format!("Claim {i}.")))
        .collect();
    let mut relations = Vec::new();
    let mut relate = |from: usize, to: usize, kind| {
        if from != to {
            relations.push(Relation::new(id(from), id(to), kind));
        }
    };
    for i in 1..n {
        relate(i, rng.below(i as u64) as usize, RelationKind::Supports);
    }
    for _ in 0..n / 2 {
        let (a, b) = (rng.below(n as u64) as usize, rng.below(n as u64) as usize);
        relate(a, b, RelationKind::Contradicts);
    }
    for _ in 0..n / 15 {
        let (a, b) = (rng.below(n as u64) as usize, rng.below(n as u64) as usize);
        relate(a, b, RelationKind::Contradicts);
        relate(b, a, RelationKind::Contradicts);
    }
    Corpus {
        claims,
        relations,
        ..Corpus::default()
    }
}

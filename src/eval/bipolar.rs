//! Bipolar argumentation: attacks that `supports` edges imply, added before Dung semantics.
//!
//! After Cayrol and Lagasquie-Schiex ("Bipolarity in argumentation graphs: towards a better
//! understanding", 2013), a support can be read two ways, and each reading derives its own
//! attacks from every direct attack `b → c`:
//!
//! - **deductive** (`a` supports `b`: accepting `a` means accepting `b`): whatever supports
//!   `b` attacks `c` (*supported attack*), `b` attacks whatever supports `c` (*mediated
//!   attack*), and whatever supports `b` attacks whatever supports `c` (both at once). That is,
//!   `x → y` for every `x` with a support path to `b` and `y` with one to `c`.
//! - **necessary** (`a` supports `b`: `b` cannot be accepted without `a`): `b` attacks whatever
//!   `c` supports (*secondary attack*), whatever `b` supports attacks `c` (*extended attack*),
//!   and both at once: `x → y` for every `x` reachable from `b` and `y` reachable from `c`
//!   by support paths. It is the deductive reading with every support reversed.
//! - **none**: supports add no attacks (the default; see `docs` for why). They still count
//!   in gradual strength.

use std::collections::HashMap;

use super::{Attacks, Framework};
use crate::graph::{ClaimGraph, EdgeKind};
use crate::model::keyword::keyword_enum;

keyword_enum! {
    /// How `supports` edges add attacks.
    pub enum Support {
        /// Supports add no attacks.
        None = "none",
        /// Supported and mediated attacks (accepting a supporter means accepting what it
        /// supports).
        Deductive = "deductive",
        /// Secondary and extended attacks (a claim needs each of its supporters).
        Necessary = "necessary",
    }
}

/// The framework's attacks plus those `support` derives from the graph's `supports` edges
/// between claims. O(V · (V + S)) for S supports, plus the derived attacks themselves.
pub fn derive(graph: &ClaimGraph, framework: &Framework, support: Support) -> Attacks {
    let position: HashMap<_, u32> = graph
        .claims()
        .enumerate()
        .map(|(i, (ix, _))| (ix, i as u32))
        .collect();
    let supports: Vec<(u32, u32)> = graph
        .petgraph()
        .edge_indices()
        .filter(|&e| graph.petgraph()[e].kind == EdgeKind::Supports)
        .filter_map(|e| {
            let (from, to) = graph.petgraph().edge_endpoints(e)?;
            Some((*position.get(&from)?, *position.get(&to)?))
        })
        .collect();
    derive_attacks(framework.attacks(), &supports, support)
}

/// [`derive`] over plain indices: `attacks` plus the attacks `support` derives from the
/// `(supporter, supported)` pairs.
pub fn derive_attacks(attacks: &Attacks, supports: &[(u32, u32)], support: Support) -> Attacks {
    let mut out = attacks.clone();
    // Deductive: who reaches `b` along supports, so follow supports backwards.
    let mut next: Vec<Vec<u32>> = vec![Vec::new(); attacks.len()];
    for &(from, to) in supports {
        match support {
            Support::None => return out,
            Support::Deductive => next[to as usize].push(from),
            Support::Necessary => next[from as usize].push(to),
        }
    }
    let mut reach: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut derived = Vec::new();
    for (b, c) in attacks.pairs() {
        for x in reachable(&next, &mut reach, b).clone() {
            for &y in reachable(&next, &mut reach, c) {
                derived.push((x, y));
            }
        }
    }
    out.extend(derived);
    out
}

/// Every argument reachable from `start` along `next` (including `start`), cached.
fn reachable<'a>(
    next: &[Vec<u32>],
    cache: &'a mut HashMap<u32, Vec<u32>>,
    start: u32,
) -> &'a Vec<u32> {
    cache.entry(start).or_insert_with(|| {
        let mut seen = vec![false; next.len()];
        let mut stack = vec![start];
        let mut found = Vec::new();
        seen[start as usize] = true;
        while let Some(a) = stack.pop() {
            found.push(a);
            for &b in &next[a as usize] {
                if !seen[b as usize] {
                    seen[b as usize] = true;
                    stack.push(b);
                }
            }
        }
        found.sort_unstable();
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(supports: &[(u32, u32)], support: Support, expected: &[(u32, u32)]) {
        // 0 --attacks--> 1, on four arguments.
        let attacks = Attacks::from_pairs(4, [(0, 1)]);
        let got: Vec<(u32, u32)> = derive_attacks(&attacks, supports, support)
            .pairs()
            .collect();
        assert_eq!(got, expected, "{support} with supports {supports:?}");
    }

    #[test]
    fn derived_attacks() {
        use Support::*;
        // 2 supports 0, which attacks 1: supported attack 2 -> 1 (deductive only).
        case(&[(2, 0)], None, &[(0, 1)]);
        case(&[(2, 0)], Deductive, &[(0, 1), (2, 1)]);
        case(&[(2, 0)], Necessary, &[(0, 1)]);
        // 2 supports 1, which 0 attacks: mediated attack 0 -> 2 (deductive only).
        case(&[(2, 1)], Deductive, &[(0, 1), (0, 2)]);
        case(&[(2, 1)], Necessary, &[(0, 1)]);
        // 1 supports 2, 0 attacks 1: secondary attack 0 -> 2 (necessary only).
        case(&[(1, 2)], Necessary, &[(0, 1), (0, 2)]);
        case(&[(1, 2)], Deductive, &[(0, 1)]);
        // 0 supports 3, 0 attacks 1: extended attack 3 -> 1 (necessary only).
        case(&[(0, 3)], Necessary, &[(0, 1), (3, 1)]);
        // Chains: 3 supports 2 supports 0, which attacks 1.
        case(&[(3, 2), (2, 0)], Deductive, &[(0, 1), (2, 1), (3, 1)]);
        // Both ends at once: 2 supports 0, 3 supports 1.
        case(
            &[(2, 0), (3, 1)],
            Deductive,
            &[(0, 1), (0, 3), (2, 1), (2, 3)],
        );
    }
}

//! The attack graph the semantics run on: [`Attacks`] over dense argument indices, and a
//! [`Framework`] that names each argument with an [`Id`].

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::graph::{ClaimGraph, EdgeKind};
use crate::load::framework::AfFile;
use crate::model::Id;

/// The attack relation over dense argument indices `0..len()`: what the solvers work on.
///
/// Stored compressed (one flat array of attackers and one of attacked arguments, with offsets
/// per argument), so a framework of 50,000 arguments is four allocations, not 100,000. The
/// changes made before a semantics runs (derived attacks, pinned verdicts) rebuild it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attacks {
    attackers_at: Vec<u32>,
    attackers: Vec<u32>,
    attacked_at: Vec<u32>,
    attacked: Vec<u32>,
}

impl Attacks {
    /// `n` arguments and no attacks.
    pub fn new(n: usize) -> Attacks {
        Attacks::from_pairs(n, [])
    }

    /// Builds the relation from `(attacker, attacked)` pairs, dropping duplicates.
    /// O(V + E log E).
    ///
    /// # Panics
    /// When a pair names an argument `>= n`.
    pub fn from_pairs(n: usize, pairs: impl IntoIterator<Item = (u32, u32)>) -> Attacks {
        let mut keys: Vec<u64> = pairs
            .into_iter()
            .map(|(a, b)| {
                assert!(
                    (a as usize) < n && (b as usize) < n,
                    "attack ({a}, {b}) out of range"
                );
                (u64::from(a) << 32) | u64::from(b)
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let from = |k: u64| (k >> 32) as u32;
        let to = |k: u64| k as u32;
        let attacked_at = offsets(n, keys.iter().map(|&k| from(k)));
        let attacked = keys.iter().map(|&k| to(k)).collect();
        // Attackers grouped by target: a stable counting sort keeps each group ascending.
        let attackers_at = offsets(n, keys.iter().map(|&k| to(k)));
        let mut next = attackers_at.clone();
        let mut attackers = vec![0; keys.len()];
        for &k in &keys {
            let slot = &mut next[to(k) as usize];
            attackers[*slot as usize] = from(k);
            *slot += 1;
        }
        Attacks {
            attackers_at,
            attackers,
            attacked_at,
            attacked,
        }
    }

    /// Number of arguments.
    pub fn len(&self) -> usize {
        self.attacked_at.len() - 1
    }

    /// Whether there are no arguments.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of attacks.
    pub fn attack_count(&self) -> usize {
        self.attacked.len()
    }

    /// The attackers of `a`, ascending.
    pub fn attackers(&self, a: u32) -> &[u32] {
        let a = a as usize;
        &self.attackers[self.attackers_at[a] as usize..self.attackers_at[a + 1] as usize]
    }

    /// The arguments `a` attacks, ascending.
    pub fn attacked(&self, a: u32) -> &[u32] {
        let a = a as usize;
        &self.attacked[self.attacked_at[a] as usize..self.attacked_at[a + 1] as usize]
    }

    /// Whether `a` attacks `b`. O(log out-degree).
    pub fn attacks(&self, a: u32, b: u32) -> bool {
        self.attacked(a).binary_search(&b).is_ok()
    }

    /// Every attack, by attacker then attacked.
    pub fn pairs(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.len() as u32).flat_map(move |a| self.attacked(a).iter().map(move |&b| (a, b)))
    }

    /// Adds an argument with no attacks and returns its index.
    pub fn add_argument(&mut self) -> u32 {
        self.attackers_at.push(self.attackers.len() as u32);
        self.attacked_at.push(self.attacked.len() as u32);
        (self.len() - 1) as u32
    }

    /// Adds attacks. Rebuilds the relation: O(V + E log E).
    pub fn extend(&mut self, pairs: impl IntoIterator<Item = (u32, u32)>) {
        let all: Vec<(u32, u32)> = self.pairs().chain(pairs).collect();
        *self = Attacks::from_pairs(self.len(), all);
    }

    /// Removes every attack on `a`. Rebuilds the relation: O(V + E log E).
    pub fn remove_attacks_on(&mut self, a: u32) {
        self.retain(|_, b| b != a);
    }

    /// Keeps the attacks `(a, b)` for which `keep(a, b)` holds. Rebuilds the relation once:
    /// O(V + E log E), so removing the attacks on many arguments costs no more than on one.
    pub fn retain(&mut self, mut keep: impl FnMut(u32, u32) -> bool) {
        let kept: Vec<(u32, u32)> = self.pairs().filter(|&(a, b)| keep(a, b)).collect();
        *self = Attacks::from_pairs(self.len(), kept);
    }
}

/// Offsets into a flat array for `n` groups, from each element's (ascending) group.
fn offsets(n: usize, groups: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut at = vec![0u32; n + 1];
    for g in groups {
        at[g as usize + 1] += 1;
    }
    for i in 0..n {
        at[i + 1] += at[i];
    }
    at
}

/// An abstract argumentation framework: [`Attacks`] plus the id of each argument.
#[derive(Debug, Clone, Default)]
pub struct Framework {
    ids: Vec<Id>,
    /// Built on the first look-up: `solve` on a large file often needs none.
    index: OnceLock<HashMap<Id, u32>>,
    attacks: Attacks,
}

impl Framework {
    /// A framework over `ids` (argument `i` is `ids[i]`) with the given attacks.
    ///
    /// # Panics
    /// When `attacks` has fewer arguments than `ids`.
    pub fn new(ids: Vec<Id>, attacks: Attacks) -> Framework {
        assert!(attacks.len() >= ids.len(), "every id needs an argument");
        Framework {
            ids,
            index: OnceLock::new(),
            attacks,
        }
    }

    /// The attack graph of a framework file: its arguments in file order, duplicate attacks
    /// dropped.
    pub fn from_file(file: AfFile) -> Framework {
        let attacks = Attacks::from_pairs(
            file.names.len(),
            file.attacks.iter().map(|&(a, b, _)| (a, b)),
        );
        Framework::new(file.names, attacks)
    }

    /// The attack graph of a claim graph: one argument per claim (in corpus order), one
    /// attack per `contradicts` edge. Sources and `supports` edges are left out. O(V + E).
    pub fn from_graph(graph: &ClaimGraph) -> Framework {
        let ids: Vec<Id> = graph.claims().map(|(_, c)| c.id.clone()).collect();
        let position: HashMap<_, u32> = graph
            .claims()
            .enumerate()
            .map(|(i, (ix, _))| (ix, i as u32))
            .collect();
        let pairs = graph.petgraph().edge_indices().filter_map(|e| {
            let (from, to) = graph.petgraph().edge_endpoints(e)?;
            let kind = graph.petgraph()[e].kind;
            (kind == EdgeKind::Contradicts).then_some((*position.get(&from)?, *position.get(&to)?))
        });
        let attacks = Attacks::from_pairs(ids.len(), pairs);
        Framework::new(ids, attacks)
    }

    /// The attack relation.
    pub fn attacks(&self) -> &Attacks {
        &self.attacks
    }

    /// The ids, by argument index.
    pub fn ids(&self) -> &[Id] {
        &self.ids
    }

    /// The index of `id`, if it is an argument. O(1).
    pub fn index(&self, id: &str) -> Option<u32> {
        let index = self.index.get_or_init(|| {
            self.ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i as u32))
                .collect()
        });
        index.get(id).copied()
    }

    /// The id of argument `a`.
    pub fn id(&self, a: u32) -> Option<&Id> {
        self.ids.get(a as usize)
    }

    /// Number of arguments.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are no arguments.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attacks_are_sorted_and_deduplicated() {
        let a = Attacks::from_pairs(3, [(2, 0), (1, 0), (2, 0), (0, 0)]);
        assert_eq!(a.attackers(0), &[0, 1, 2]);
        assert_eq!(a.attacked(2), &[0]);
        assert_eq!(a.attack_count(), 3);
        assert!(a.attacks(1, 0) && !a.attacks(0, 1));
        let mut b = a.clone();
        b.remove_attacks_on(0);
        assert_eq!(b.attack_count(), 0);
        assert_eq!(b.attacked(2), &[] as &[u32]);
    }

    #[test]
    fn retain_keeps_what_the_test_keeps() {
        let mut a = Attacks::from_pairs(4, [(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)]);
        a.retain(|from, to| to != 2 && from != 3);
        assert_eq!(a.pairs().collect::<Vec<_>>(), [(0, 1), (2, 3)]);
        assert_eq!(a.attackers(3), &[2]);
        assert_eq!(a.attackers(0), &[] as &[u32]);
    }
}

//! Which claims stand: abstract argumentation over the `contradicts` edges, and gradual
//! strength over both `supports` and `contradicts`.
//!
//! A [`Framework`] is the attack graph of a claim graph (or of an ICCMA file) in a compact
//! form: dense argument indices `0..n`, attackers and attacked lists, and the [`Id`] of each
//! argument. The solvers in [`dung`] only see its [`Attacks`]. [`evaluate`] is the whole
//! pipeline behind `claimgraph eval`:
//!
//! 1. the attack graph of the claims ([`Framework::from_graph`]);
//! 2. attacks derived from `supports` ([`bipolar`], off by default);
//! 3. verdicts pinned ([`verdict`]): `true`/`mostly-true` in, `false`/`mostly-false` out;
//! 4. Dung semantics ([`dung`]): grounded, complete, preferred or stable labellings;
//! 5. gradual strength ([`gradual`]): DF-QuAD or quadratic energy, from each claim's
//!    confidence and its sources' reliability.

pub mod bipolar;
pub mod dung;
pub mod gradual;
mod search;
mod split;
pub mod verdict;

use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::graph::{ClaimGraph, EdgeKind};
use crate::model::Id;
use crate::model::keyword::keyword_enum;

pub use bipolar::Support;
pub use dung::Acceptance;
pub use gradual::{Model, Strengths};

/// A label of a labelling: accepted, rejected, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// Accepted: every attacker is out.
    In,
    /// Rejected: some attacker is in.
    Out,
    /// Undecided: neither.
    Undec,
}

impl Label {
    /// `in`, `out` or `undec`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::In => "in",
            Label::Out => "out",
            Label::Undec => "undec",
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

keyword_enum! {
    /// A Dung semantics.
    pub enum Semantics {
        /// The least complete labelling: what stands beyond any doubt. Linear time.
        Grounded = "grounded",
        /// Every complete labelling (an argument is in exactly when all its attackers are out).
        Complete = "complete",
        /// The complete labellings with a maximal set of accepted arguments.
        Preferred = "preferred",
        /// The complete labellings with nothing undecided (there may be none).
        Stable = "stable",
    }
}

keyword_enum! {
    /// How an argument must be accepted: in some extension, or in all of them.
    pub enum Mode {
        /// In at least one extension.
        Credulous = "credulous",
        /// In every extension.
        Sceptical = "sceptical",
    }
}

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
        let kept: Vec<(u32, u32)> = self.pairs().filter(|&(_, b)| b != a).collect();
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

/// When a search must give up. Checked every few thousand steps, so the overshoot is small.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    start: Instant,
    limit: Option<Duration>,
}

impl Deadline {
    /// A deadline `limit` from now (`None`: never).
    pub fn after(limit: Option<Duration>) -> Deadline {
        Deadline {
            start: Instant::now(),
            limit,
        }
    }

    /// No deadline.
    pub fn never() -> Deadline {
        Deadline::after(None)
    }

    /// `Err(Timeout)` once the limit has passed.
    pub fn check(&self) -> Result<(), Timeout> {
        match self.limit {
            Some(limit) if self.start.elapsed() > limit => Err(Timeout { limit }),
            _ => Ok(()),
        }
    }
}

/// A search ran out of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the search for extensions ran out of time after {:.1} s", .limit.as_secs_f64())]
pub struct Timeout {
    /// The time it was given.
    pub limit: Duration,
}

/// Everything [`evaluate`] needs to know.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Which extensions to compute.
    pub semantics: Semantics,
    /// How `supports` edges add attacks.
    pub support: Support,
    /// Whether verdicts pin labels (and strengths).
    pub verdicts: bool,
    /// The gradual model, if any.
    pub strength: Option<Model>,
    /// How long the search for extensions may take.
    pub timeout: Option<Duration>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            semantics: Semantics::Grounded,
            support: Support::None,
            verdicts: true,
            strength: Some(Model::DfQuad),
            timeout: None,
        }
    }
}

/// The result of [`evaluate`]: the labellings of the claims and their strengths.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The claims, in corpus order; every labelling and strength vector follows this order.
    pub ids: Vec<Id>,
    /// One labelling per extension (exactly one for grounded; none when no stable one exists).
    pub labellings: Vec<Vec<Label>>,
    /// Gradual strengths, when a model was asked for.
    pub strength: Option<Strengths>,
}

impl Evaluation {
    /// One label per claim summarising every labelling: `in` when in all of them (sceptically
    /// accepted), `out` when out in all, `undec` otherwise (and for every claim when there are
    /// no labellings at all).
    pub fn summary(&self) -> Vec<Label> {
        (0..self.ids.len())
            .map(|i| {
                let mut labels = self.labellings.iter().map(|l| l[i]);
                match labels.next() {
                    Some(first) if labels.all(|l| l == first) => first,
                    _ => Label::Undec,
                }
            })
            .collect()
    }

    /// Whether each claim is in at least one labelling (credulously accepted).
    pub fn credulous(&self) -> Vec<bool> {
        (0..self.ids.len())
            .map(|i| self.labellings.iter().any(|l| l[i] == Label::In))
            .collect()
    }
}

/// The attack relation `evaluate` runs the semantics on: the claims' attacks, plus those
/// derived from supports, with verdicts pinned. Arguments `0..framework.len()` are the claims;
/// any after them are helpers added by [`verdict::pin`].
pub fn prepared(graph: &ClaimGraph, framework: &Framework, settings: &Settings) -> Attacks {
    let mut attacks = bipolar::derive(graph, framework, settings.support);
    if settings.verdicts {
        verdict::pin(graph, framework, &mut attacks);
    }
    attacks
}

/// Runs the whole evaluation of `claimgraph eval`. See the [module docs](self).
///
/// # Errors
/// [`Timeout`] when complete, preferred or stable extensions take longer than
/// `settings.timeout`.
pub fn evaluate(graph: &ClaimGraph, settings: &Settings) -> Result<Evaluation, Timeout> {
    let framework = Framework::from_graph(graph);
    let attacks = prepared(graph, &framework, settings);
    let deadline = Deadline::after(settings.timeout);
    let n = framework.len();
    let labellings = dung::labellings(&attacks, settings.semantics, &deadline)?
        .into_iter()
        .map(|mut l| {
            l.truncate(n);
            l
        })
        .collect();
    let strength = settings
        .strength
        .map(|model| gradual::strengths(graph, &framework, model, settings.verdicts));
    Ok(Evaluation {
        ids: framework.ids,
        labellings,
        strength,
    })
}

/// Whether the claim `id` is accepted under `settings` in `mode`, with a witness labelling of
/// the claims when one shows it (see [`Acceptance`]). `None` when `id` is not a claim.
///
/// # Errors
/// [`Timeout`], as for [`evaluate`].
pub fn accept(
    graph: &ClaimGraph,
    settings: &Settings,
    id: &str,
    mode: Mode,
) -> Result<Option<Acceptance>, Timeout> {
    let framework = Framework::from_graph(graph);
    let Some(a) = framework.index(id) else {
        return Ok(None);
    };
    let attacks = prepared(graph, &framework, settings);
    let deadline = Deadline::after(settings.timeout);
    let mut acceptance = dung::accept(&attacks, settings.semantics, mode, a, &deadline)?;
    if let Some(w) = &mut acceptance.witness {
        w.truncate(framework.len());
    }
    Ok(Some(acceptance))
}

/// Each claim's label under `settings`, for colouring diagrams: the grounded labelling, or
/// for the other semantics the [summary](Evaluation::summary) of every labelling.
///
/// # Errors
/// [`Timeout`], as for [`evaluate`].
pub fn labels_for(graph: &ClaimGraph, settings: &Settings) -> Result<HashMap<Id, Label>, Timeout> {
    let settings = Settings {
        strength: None,
        ..*settings
    };
    let evaluation = evaluate(graph, &settings)?;
    Ok(evaluation
        .ids
        .iter()
        .cloned()
        .zip(evaluation.summary())
        .collect())
}

/// The arguments labelled `in`, ascending.
pub fn extension(labels: &[Label]) -> Vec<u32> {
    labels
        .iter()
        .enumerate()
        .filter(|(_, l)| **l == Label::In)
        .map(|(i, _)| i as u32)
        .collect()
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
    fn summary_and_credulous() {
        use Label::*;
        let e = Evaluation {
            ids: ["a", "b", "c"]
                .iter()
                .map(|s| Id::new(s).unwrap())
                .collect(),
            labellings: vec![vec![In, Out, Out], vec![In, In, Out]],
            strength: None,
        };
        assert_eq!(e.summary(), vec![In, Undec, Out]);
        assert_eq!(e.credulous(), vec![true, true, false]);
        let none = Evaluation {
            labellings: vec![],
            ..e
        };
        assert_eq!(none.summary(), vec![Undec, Undec, Undec]);
    }
}

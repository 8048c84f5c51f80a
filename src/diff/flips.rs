//! Which claims' `eval` label flipped between two versions, and which change flipped each.
//!
//! Both versions are labelled under `eval`'s defaults (grounded semantics, verdicts pinned,
//! supports adding no attacks). Under grounded semantics a claim's label is fixed by three
//! things only: its pinned verdict, the set of claims that contradict it, and their labels (in
//! when every attacker is out, out when one is in, open otherwise). So when a claim flips, one
//! of those moved, and [`because`] walks back to where:
//!
//! 1. if the claim's pin changed (its rating moved into or out of `true`/`mostly-true` or
//!    `false`/`mostly-false`), that verdict change is the cause, and the walk stops there;
//! 2. otherwise every `contradicts` edge into it that was added or removed is a cause;
//! 3. and the walk goes on to each attacker in both versions whose label flipped too.
//!
//! Every cause found is a change within the part of the graph that decides the claim. Should
//! the walk find none (a flip fed only by a cycle of flips), every changed edge and pin among
//! the claim's attackers, transitively, in either version, is given instead: by the
//! directionality of grounded semantics nothing outside that set can move the label.

use rustc_hash::FxHashSet as HashSet;

use crate::eval::{self, Framework, Label, Settings, dung, verdict};
use crate::graph::ClaimGraph;
use crate::model::{Id, Rating, RelationKind};

/// One claim whose label flipped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Flip {
    /// The claim.
    pub id: Id,
    /// Its old label: `stands`, `falls` or `open`.
    pub from: &'static str,
    /// Its new label.
    pub to: &'static str,
    /// The changes that flipped it (see the [module docs](self)).
    pub because: Vec<Cause>,
}

/// A change that flipped a claim.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum Cause {
    /// A `contradicts` relation that is new.
    Added {
        /// The attacker.
        from: Id,
        /// Always `contradicts`.
        kind: RelationKind,
        /// The claim attacked.
        to: Id,
    },
    /// A `contradicts` relation that is gone.
    Removed {
        /// The attacker.
        from: Id,
        /// Always `contradicts`.
        kind: RelationKind,
        /// The claim attacked.
        to: Id,
    },
    /// A rating that pins differently now.
    Verdict {
        /// The claim rated.
        id: Id,
        /// The old rating.
        from: Option<Rating>,
        /// The new rating.
        to: Option<Rating>,
    },
}

/// One version as the walk sees it: its attack graph, with each claim's label under `eval`'s
/// defaults computed on that same graph (one attack graph per version, not one for the
/// labelling and another for the walk).
struct Side<'a> {
    framework: Framework,
    labels: Vec<Label>,
    graph: &'a ClaimGraph,
}

impl<'a> Side<'a> {
    /// Labels `graph` as `eval` does by default: grounded, verdicts pinned, supports adding no
    /// attacks. Grounded labelling is one linear pass, with no search that could time out.
    fn new(graph: &'a ClaimGraph) -> Side<'a> {
        let framework = Framework::from_graph(graph);
        let settings = Settings {
            strength: None,
            ..Settings::default()
        };
        let attacks = eval::prepared(graph, &framework, &settings);
        let mut labels = dung::grounded(&attacks);
        labels.truncate(framework.len());
        Side {
            framework,
            labels,
            graph,
        }
    }

    fn label(&self, id: &Id) -> Option<Label> {
        let a = self.framework.index(id.as_str())?;
        self.labels.get(a as usize).copied()
    }

    fn attackers(&self, id: &Id) -> HashSet<&Id> {
        let Some(a) = self.framework.index(id.as_str()) else {
            return HashSet::default();
        };
        let attacks = self.framework.attacks().attackers(a).iter();
        attacks.filter_map(|&b| self.framework.id(b)).collect()
    }

    fn rating(&self, id: &Id) -> Option<Rating> {
        let claim = self.graph.claim(self.graph.node(id.as_str())?)?;
        claim.verdict.as_ref().map(|v| v.rating)
    }
}

/// The claims in both graphs whose default `eval` label differs, each with its causes.
pub fn flips(old: &ClaimGraph, new: &ClaimGraph) -> Vec<Flip> {
    let (before, after) = (Side::new(old), Side::new(new));
    let mut flips = Vec::new();
    for (id, &to) in after.framework.ids().iter().zip(&after.labels) {
        match before.label(id) {
            Some(from) if from != to => flips.push(Flip {
                id: id.clone(),
                from: from.word(),
                to: to.word(),
                because: because(&before, &after, id),
            }),
            _ => {}
        }
    }
    flips
}

/// The causes of `id`'s flip (see the [module docs](self)).
fn because(before: &Side<'_>, after: &Side<'_>, id: &Id) -> Vec<Cause> {
    let causes = walk(before, after, id, true);
    if causes.is_empty() {
        walk(before, after, id, false)
    } else {
        causes
    }
}

/// Walks back from `id` along attacks, through flipped claims only or through every attacker
/// (`flipped_only: false`), collecting pin changes and changed attack edges.
fn walk(before: &Side<'_>, after: &Side<'_>, id: &Id, flipped_only: bool) -> Vec<Cause> {
    let mut causes = Vec::new();
    let mut seen: HashSet<&Id> = [id].into_iter().collect();
    let mut stack = vec![id];
    while let Some(x) = stack.pop() {
        let (from, to) = (before.rating(x), after.rating(x));
        if from.and_then(verdict::pinned) != to.and_then(verdict::pinned) {
            causes.push(Cause::Verdict {
                id: x.clone(),
                from,
                to,
            });
            if flipped_only {
                continue;
            }
        }
        let (old, new) = (before.attackers(x), after.attackers(x));
        causes.extend(edge_changes(&old, &new, x));
        for a in old.union(&new) {
            let follow = !flipped_only
                || (old.contains(a) && new.contains(a) && before.label(a) != after.label(a));
            if follow && seen.insert(a) {
                stack.push(a);
            }
        }
    }
    causes.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    causes
}

/// The attacks on `x` added and removed, given its old and new attackers.
fn edge_changes(old: &HashSet<&Id>, new: &HashSet<&Id>, x: &Id) -> Vec<Cause> {
    let edge = |a: &Id| (a.clone(), RelationKind::Contradicts, x.clone());
    let added = new.difference(old).map(|a| {
        let (from, kind, to) = edge(a);
        Cause::Added { from, kind, to }
    });
    let removed = old.difference(new).map(|a| {
        let (from, kind, to) = edge(a);
        Cause::Removed { from, kind, to }
    });
    added.chain(removed).collect()
}

/// Causes in a stable order: by the claim they bear on, then the other end.
fn sort_key(cause: &Cause) -> (&Id, &Id, u8) {
    match cause {
        Cause::Verdict { id, .. } => (id, id, 0),
        Cause::Added { from, to, .. } => (to, from, 1),
        Cause::Removed { from, to, .. } => (to, from, 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::test_graph;

    /// The flips between two claim files, each as `id: from -> to because [causes]`.
    #[track_caller]
    fn case(old: &str, new: &str, expected: &[&str]) {
        let found = flips(&test_graph(old), &test_graph(new));
        let words: Vec<String> = found
            .iter()
            .map(|f| {
                let causes: Vec<String> = f.because.iter().map(cause).collect();
                format!(
                    "{}: {} -> {} because {}",
                    f.id,
                    f.from,
                    f.to,
                    causes.join(", ")
                )
            })
            .collect();
        assert_eq!(words, expected);
    }

    fn cause(c: &Cause) -> String {
        match c {
            Cause::Added { from, to, .. } => format!("+{from}>{to}"),
            Cause::Removed { from, to, .. } => format!("-{from}>{to}"),
            Cause::Verdict { id, .. } => format!("verdict {id}"),
        }
    }

    const CHAIN: &str = "
claims:
  - {id: a, text: A.}
  - {id: b, text: B., contradicts: [a]}
  - {id: c, text: C., contradicts: [b]}
  - {id: d, text: D.}
";

    #[test]
    fn a_new_attack_flips_its_target() {
        let new = CHAIN.replace("{id: d, text: D.}", "{id: d, text: D., contradicts: [a]}");
        case(CHAIN, &new, &["a: stands -> falls because +d>a"]);
    }

    #[test]
    fn a_removed_attack_flips_down_the_chain() {
        // c no longer defeats b, so b stands and a falls: both because of the one removal.
        let new = CHAIN.replace("{id: c, text: C., contradicts: [b]}", "{id: c, text: C.}");
        case(
            CHAIN,
            &new,
            &[
                "a: stands -> falls because -c>b",
                "b: falls -> stands because -c>b",
            ],
        );
    }

    #[test]
    fn a_pinning_verdict_is_the_cause_not_the_attacks() {
        let new = CHAIN.replace(
            "{id: b, text: B.,",
            "{id: b, text: B., verdict: {rating: true},",
        );
        case(
            CHAIN,
            &new,
            &[
                "a: stands -> falls because verdict b",
                "b: falls -> stands because verdict b",
            ],
        );
    }

    #[test]
    fn changes_that_cannot_flip_anything() {
        let attribute =
            format!("{CHAIN}relations:\n  - {{from: d, to: a, kind: supports, note: N}}\n");
        let rating = CHAIN.replace(
            "{id: d, text: D.}",
            "{id: d, text: D., verdict: {rating: mixed}}",
        );
        case(CHAIN, &attribute, &[]);
        case(CHAIN, &rating, &[]);
    }

    #[test]
    fn an_unrelated_change_beside_the_cause_is_left_out() {
        let old = format!("{CHAIN}  - {{id: e, text: E.}}\n  - {{id: f, text: F.}}\n");
        let new = old
            .replace("{id: d, text: D.}", "{id: d, text: D., contradicts: [a]}")
            .replace("{id: f, text: F.}", "{id: f, text: F., contradicts: [e]}");
        case(
            &old,
            &new,
            &[
                "a: stands -> falls because +d>a",
                "e: stands -> falls because +f>e",
            ],
        );
    }

    #[test]
    fn an_upstream_change_that_flips_nothing_is_no_cause() {
        // h is out (i defeats it), so its new attack on c changes no label up the chain.
        let old =
            format!("{CHAIN}  - {{id: h, text: H.}}\n  - {{id: i, text: I., contradicts: [h]}}\n");
        let new = old
            .replace("{id: d, text: D.}", "{id: d, text: D., contradicts: [a]}")
            .replace("{id: h, text: H.}", "{id: h, text: H., contradicts: [c]}");
        case(&old, &new, &["a: stands -> falls because +d>a"]);
    }
}

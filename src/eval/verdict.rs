//! Verdicts as fixed points of the evaluation: a fact-check decides a claim, whatever else
//! attacks it, and the consequences propagate to what the claim attacks.
//!
//! The encoding changes the attack graph, never the semantics, so every labelling computed
//! afterwards is an ordinary Dung labelling of the changed graph:
//!
//! - a claim rated `true` or `mostly-true` is **pinned in**: every attack on it is removed, so
//!   it is unattacked and in under every semantics; the attacks it makes stay, so what it
//!   contradicts is out.
//! - a claim rated `false` or `mostly-false` is **pinned out**: one extra argument, the
//!   fact-check, is added; it is unattacked and attacks every pinned-out claim, so each is out
//!   under every semantics, and its own attacks stop counting.
//! - `mixed`, `misleading`, `unproven` and `outdated` pin nothing: those claims are labelled by
//!   the arguments alone.
//!
//! In gradual strength a pinned claim keeps the strength 1 (in) or 0 (out) and passes it on.

use super::{Attacks, Framework, Label};
use crate::graph::ClaimGraph;
use crate::model::Rating;

/// The label a rating pins, if any.
pub fn pinned(rating: Rating) -> Option<Label> {
    match rating {
        Rating::True | Rating::MostlyTrue => Some(Label::In),
        Rating::False | Rating::MostlyFalse => Some(Label::Out),
        Rating::Mixed | Rating::Misleading | Rating::Unproven | Rating::Outdated => None,
    }
}

/// The pinned label of each argument of `framework` (by index), from the claims' verdicts.
pub fn pins(graph: &ClaimGraph, framework: &Framework) -> Vec<Option<Label>> {
    framework
        .ids()
        .iter()
        .map(|id| {
            let claim = graph.claim(graph.node(id.as_str())?)?;
            pinned(claim.verdict.as_ref()?.rating)
        })
        .collect()
}

/// Pins the verdicts of `graph`'s claims in `attacks` (see the [module docs](self)). Adds one
/// argument after the claims when some claim is pinned out.
pub fn pin(graph: &ClaimGraph, framework: &Framework, attacks: &mut Attacks) {
    pin_labels(&pins(graph, framework), attacks);
}

/// [`pin`] over plain indices: `pins[a]` is the label argument `a` is pinned to. Rebuilds the
/// attack relation at most twice, however many claims are pinned: O(V + E log E).
pub fn pin_labels(pins: &[Option<Label>], attacks: &mut Attacks) {
    let pinned = |a: u32, label: Label| pins.get(a as usize) == Some(&Some(label));
    if pins.contains(&Some(Label::In)) {
        attacks.retain(|_, b| !pinned(b, Label::In));
    }
    let out: Vec<u32> = (0..pins.len() as u32)
        .filter(|&a| pinned(a, Label::Out))
        .collect();
    if !out.is_empty() {
        let check = attacks.add_argument();
        attacks.extend(out.into_iter().map(|a| (check, a)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Deadline, Semantics, dung};

    #[track_caller]
    fn case(pairs: &[(u32, u32)], pins: &[Option<Label>], expected: &[Label]) {
        let mut attacks = Attacks::from_pairs(pins.len(), pairs.iter().copied());
        pin_labels(pins, &mut attacks);
        let mut labels =
            dung::labellings(&attacks, Semantics::Grounded, &Deadline::never()).unwrap();
        labels[0].truncate(pins.len());
        assert_eq!(labels[0], expected, "{pairs:?} pinned {pins:?}");
    }

    #[test]
    fn pins_propagate() {
        use Label::*;
        // a -> b -> c: pinning a out frees b, which knocks out c.
        case(&[(0, 1), (1, 2)], &[Some(Out), None, None], &[Out, In, Out]);
        // a <-> b: pinning b in decides the pair.
        case(&[(0, 1), (1, 0)], &[None, Some(In), None], &[Out, In, In]);
        // b is attacked by an unattacked a, but rated true: it stands, and c falls.
        case(&[(0, 1), (1, 2)], &[None, Some(In), None], &[In, In, Out]);
        // Nothing pinned: the graph alone decides.
        case(&[(0, 1)], &[None, None], &[In, Out]);
    }

    #[test]
    fn which_ratings_pin() {
        assert_eq!(pinned(Rating::MostlyTrue), Some(Label::In));
        assert_eq!(pinned(Rating::MostlyFalse), Some(Label::Out));
        assert_eq!(pinned(Rating::Misleading), None);
        assert_eq!(pinned(Rating::Outdated), None);
    }
}

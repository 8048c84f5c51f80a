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
mod framework;
pub mod gradual;
mod search;
mod split;
pub mod verdict;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::graph::ClaimGraph;
use crate::model::Id;
use crate::model::keyword::keyword_enum;

pub use bipolar::Support;
pub use dung::Acceptance;
pub use framework::{Attacks, Framework};
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

    /// What the label means in words: `stands`, `falls` or `open`.
    pub fn word(self) -> &'static str {
        match self {
            Label::In => "stands",
            Label::Out => "falls",
            Label::Undec => "open",
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
        ids: framework.ids().to_vec(),
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

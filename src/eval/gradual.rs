//! Gradual strength: a number in [0, 1] for each claim, from its base score and the strength
//! of what supports and attacks it.
//!
//! The graph is read as a weighted quantitative bipolar framework:
//!
//! - **base score** of a claim: its `confidence` (default 0.5) times the mean `reliability` of
//!   its sources, that is its speaker (`by`) and the sources it is cited in, each counted once.
//!   A source without a reliability takes the one of the source it is `part_of`, if any; sources
//!   with none are left out of the mean, and a claim none of whose sources has one keeps its
//!   confidence unchanged (the weight is 1).
//! - **edges**: `supports` and `contradicts` between claims, weighted by their `strength`
//!   (default 1): an edge passes on `strength × strength of its source`.
//!
//! Two models:
//!
//! - **DF-QuAD** (Rago et al., 2016): attackers and supporters are each aggregated by the
//!   probabilistic sum `1 - Π(1 - wᵢvᵢ)`; the base score moves towards 0 by the excess of
//!   attack, or towards 1 by the excess of support, in proportion to the room it has.
//! - **quadratic energy** (Potyka, 2018): the energy `Σ supporters - Σ attackers` (weighted)
//!   moves the base score through `h(E) = max(E, 0)² / (1 + max(E, 0)²)`.
//!
//! Strengths are computed by iterating the update on all claims at once until no strength
//! changes by more than [`TOLERANCE`]; DF-QuAD takes full steps (exact after `depth + 1`
//! rounds on an acyclic graph), quadratic energy takes Euler steps of half the update (the
//! discretised continuous model). Cycles may not settle: after [`MAX_ITERATIONS`] rounds the
//! result says so ([`Strengths::converged`] is false) instead of pretending.

use std::collections::HashSet;

use super::{Framework, Label, verdict};
use crate::graph::{ClaimGraph, EdgeKind};
use crate::model::keyword::keyword_enum;
use crate::model::{Claim, Id};

/// Iteration stops when no strength changes by more than this.
pub const TOLERANCE: f64 = 1e-9;
/// Iteration gives up after this many rounds.
pub const MAX_ITERATIONS: usize = 10_000;

keyword_enum! {
    /// A gradual semantics.
    pub enum Model {
        /// DF-QuAD (discontinuity-free quantitative argumentation debate).
        DfQuad = "dfquad",
        /// Quadratic energy, by Euler steps.
        Energy = "energy",
    }
}

/// The strengths of the claims, in framework order, and how the iteration went.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Strengths {
    /// The model used.
    pub model: Model,
    /// Each claim's strength in [0, 1].
    pub values: Vec<f64>,
    /// Each claim's base score in [0, 1].
    pub base: Vec<f64>,
    /// Whether the iteration reached [`TOLERANCE`].
    pub converged: bool,
    /// Rounds run.
    pub iterations: usize,
    /// The largest change in the last round.
    pub residual: f64,
}

/// A weighted quantitative bipolar framework over dense indices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Qbaf {
    /// Base score of each argument.
    pub base: Vec<f64>,
    /// `(attacker, weight)` for each argument.
    pub attackers: Vec<Vec<(u32, f64)>>,
    /// `(supporter, weight)` for each argument.
    pub supporters: Vec<Vec<(u32, f64)>>,
    /// Arguments whose strength is fixed (pinned by a verdict).
    pub fixed: Vec<Option<f64>>,
}

/// The strengths of the claims of `graph` (in `framework` order) under `model`; with
/// `verdicts`, pinned claims are fixed at 1 or 0.
pub fn strengths(
    graph: &ClaimGraph,
    framework: &Framework,
    model: Model,
    verdicts: bool,
) -> Strengths {
    let mut qbaf = Qbaf::from_graph(graph, framework);
    if verdicts {
        qbaf.fixed = verdict::pins(graph, framework)
            .into_iter()
            .map(|p| p.map(|l| if l == Label::In { 1.0 } else { 0.0 }))
            .collect();
    }
    qbaf.solve(model)
}

impl Qbaf {
    /// The claims of `graph` with their base scores, supports and contradictions.
    pub fn from_graph(graph: &ClaimGraph, framework: &Framework) -> Qbaf {
        let n = framework.len();
        let mut q = Qbaf {
            base: vec![0.0; n],
            attackers: vec![Vec::new(); n],
            supporters: vec![Vec::new(); n],
            fixed: vec![None; n],
        };
        for (i, id) in framework.ids().iter().enumerate() {
            if let Some(claim) = graph.node(id.as_str()).and_then(|ix| graph.claim(ix)) {
                q.base[i] = base_score(graph, claim);
            }
        }
        let g = graph.petgraph();
        for e in g.edge_indices() {
            let edge = g[e];
            let Some((from, to)) = g.edge_endpoints(e) else {
                continue;
            };
            let index = |ix| graph.get(ix).and_then(|n| framework.index(n.id().as_str()));
            let (Some(from), Some(to)) = (index(from), index(to)) else {
                continue;
            };
            let weight = graph
                .relation(&edge)
                .and_then(|r| r.strength)
                .unwrap_or(1.0);
            match edge.kind {
                EdgeKind::Supports => q.supporters[to as usize].push((from, weight)),
                EdgeKind::Contradicts => q.attackers[to as usize].push((from, weight)),
                _ => {}
            }
        }
        q
    }

    /// Iterates `model` to a fixed point (see the [module docs](self)).
    pub fn solve(&self, model: Model) -> Strengths {
        let step = match model {
            Model::DfQuad => 1.0,
            Model::Energy => 0.5,
        };
        let start = |i: usize| self.fixed[i].unwrap_or(self.base[i]);
        let mut values: Vec<f64> = (0..self.base.len()).map(start).collect();
        let mut next = values.clone();
        let (mut iterations, mut residual) = (0, 0.0);
        while iterations < MAX_ITERATIONS {
            residual = 0.0_f64;
            for i in 0..values.len() {
                let target = match self.fixed[i] {
                    Some(v) => v,
                    None => self.update(model, i, &values),
                };
                let delta = target - values[i];
                residual = residual.max(delta.abs());
                next[i] = (values[i] + step * delta).clamp(0.0, 1.0);
            }
            std::mem::swap(&mut values, &mut next);
            iterations += 1;
            if residual <= TOLERANCE {
                break;
            }
        }
        Strengths {
            model,
            values,
            base: self.base.clone(),
            converged: residual <= TOLERANCE,
            iterations,
            residual,
        }
    }

    fn update(&self, model: Model, i: usize, values: &[f64]) -> f64 {
        let base = self.base[i];
        let (attackers, supporters) = (&self.attackers[i], &self.supporters[i]);
        match model {
            Model::DfQuad => {
                let attack = probabilistic_sum(attackers, values);
                let support = probabilistic_sum(supporters, values);
                if attack >= support {
                    base - base * (attack - support)
                } else {
                    base + (1.0 - base) * (support - attack)
                }
            }
            Model::Energy => {
                let energy = weighted_sum(supporters, values) - weighted_sum(attackers, values);
                let h = |x: f64| {
                    let x = x.max(0.0);
                    x * x / (1.0 + x * x)
                };
                base - base * h(-energy) + (1.0 - base) * h(energy)
            }
        }
    }
}

/// `1 - Π(1 - w·v)` over weighted edges (0 for none).
fn probabilistic_sum(edges: &[(u32, f64)], values: &[f64]) -> f64 {
    1.0 - edges
        .iter()
        .map(|&(j, w)| 1.0 - w * values[j as usize])
        .product::<f64>()
}

/// `Σ w·v` over weighted edges.
fn weighted_sum(edges: &[(u32, f64)], values: &[f64]) -> f64 {
    edges.iter().map(|&(j, w)| w * values[j as usize]).sum()
}

/// A claim's confidence times the mean reliability of its sources (see the
/// [module docs](self)).
pub fn base_score(graph: &ClaimGraph, claim: &Claim) -> f64 {
    let confidence = claim.confidence.unwrap_or(Claim::DEFAULT_CONFIDENCE);
    let mut seen: HashSet<&Id> = HashSet::new();
    let sources = claim
        .by
        .iter()
        .chain(claim.sources.iter().map(|c| &c.source));
    let known: Vec<f64> = sources
        .filter(|id| seen.insert(id))
        .filter_map(|id| reliability(graph, id))
        .collect();
    if known.is_empty() {
        confidence
    } else {
        confidence * known.iter().sum::<f64>() / known.len() as f64
    }
}

/// The reliability of a source, or of the nearest source it is part of that states one.
fn reliability(graph: &ClaimGraph, id: &Id) -> Option<f64> {
    let mut current = graph.source(graph.node(id.as_str())?)?;
    for _ in 0..graph.source_count() {
        if let Some(r) = current.reliability {
            return Some(r);
        }
        current = graph.source(graph.node(current.part_of.as_ref()?.as_str())?)?;
    }
    None
}

#[cfg(test)]
mod tests;

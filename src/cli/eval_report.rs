//! What `eval` prints besides its table: the JSON shape of `eval --format json`, and the
//! sentence behind an `eval accept` answer.
//!
//! ```text
//! {
//!   "semantics": "grounded", "support": "none", "verdicts": true,
//!   "count": 1,                       // number of extensions (labellings)
//!   "labels": {"claim-id": "in" | "out" | "undec", ...},
//!   "strength": {"claim-id": 0.42, ...},
//!   "gradual": {"model": "dfquad", "converged": true, "iterations": 7, "residual": 0.0}
//! }
//! ```
//!
//! `labels` is the grounded labelling, or with `--summary` one label per claim over every
//! extension (`in`/`out` when so in all of them, else `undec`), then joined by `credulous`
//! (`{"claim-id": true, ...}`: in at least one). Complete, preferred and stable semantics
//! without `--summary` print `extensions: [{"labels": {...}}, ...]` instead of `labels`.
//! `strength` and `gradual` are left out with `--strength none`.

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::eval::{Acceptance, Evaluation, Label, Mode, Model, Semantics, Settings, Support};
use crate::model::Id;

/// A map from claim ids to values, in corpus order.
#[derive(Debug)]
pub struct Ordered<'a, V>(&'a [Id], Vec<V>);

impl<V: Serialize> Serialize for Ordered<'_, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (id, value) in self.0.iter().zip(&self.1) {
            map.serialize_entry(id, value)?;
        }
        map.end()
    }
}

/// One extension.
#[derive(Debug, Serialize)]
pub struct ExtensionJson<'a> {
    labels: Ordered<'a, Label>,
}

/// How the gradual iteration went.
#[derive(Debug, Serialize)]
pub struct GradualJson {
    model: Model,
    converged: bool,
    iterations: usize,
    residual: f64,
}

/// The JSON of `eval --format json`.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    semantics: Semantics,
    support: Support,
    verdicts: bool,
    count: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    labels: Option<Ordered<'a, Label>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credulous: Option<Ordered<'a, bool>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extensions: Option<Vec<ExtensionJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    strength: Option<Ordered<'a, f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gradual: Option<GradualJson>,
}

/// The report of an evaluation.
pub fn report<'a>(evaluation: &'a Evaluation, settings: &Settings, summary: bool) -> Report<'a> {
    let ids = evaluation.ids.as_slice();
    let single = settings.semantics == Semantics::Grounded;
    let (labels, credulous, extensions) = if single || summary {
        let credulous = (!single).then(|| Ordered(ids, evaluation.credulous()));
        (Some(Ordered(ids, evaluation.summary())), credulous, None)
    } else {
        let all = evaluation
            .labellings
            .iter()
            .map(|l| ExtensionJson {
                labels: Ordered(ids, l.clone()),
            })
            .collect();
        (None, None, Some(all))
    };
    let strength = evaluation.strength.as_ref();
    Report {
        semantics: settings.semantics,
        support: settings.support,
        verdicts: settings.verdicts,
        count: evaluation.labellings.len(),
        labels,
        credulous,
        extensions,
        strength: strength.map(|s| Ordered(ids, s.values.clone())),
        gradual: strength.map(|s| GradualJson {
            model: s.model,
            converged: s.converged,
            iterations: s.iterations,
            residual: s.residual,
        }),
    }
}

/// The line under an `eval accept` answer: the witness, or why there is none.
pub fn explain(
    id: &str,
    semantics: Semantics,
    mode: Mode,
    acceptance: &Acceptance,
    witness: Option<&[&Id]>,
) -> String {
    let listed = |w: &[&Id]| {
        let names: Vec<&str> = w.iter().map(|i| i.as_str()).collect();
        format!("{{{}}}", names.join(", "))
    };
    let kind = match semantics {
        Semantics::Grounded => "the grounded extension".to_string(),
        s => format!("a {s} extension"),
    };
    match (witness, acceptance.accepted, mode) {
        (Some(w), true, Mode::Credulous) => {
            format!("witness: {kind} containing `{id}`: {}", listed(w))
        }
        (Some(w), true, Mode::Sceptical) => format!(
            "witness: the grounded extension, inside every complete one, contains `{id}`: {}",
            listed(w)
        ),
        (Some(w), false, _) => format!("witness: {kind} without `{id}`: {}", listed(w)),
        (None, true, _) if semantics == Semantics::Stable => {
            format!("every stable extension contains `{id}` (true even when there is none)")
        }
        (None, true, _) => format!("every {semantics} extension contains `{id}`"),
        (None, false, _) => format!("no {semantics} extension contains `{id}`"),
    }
}

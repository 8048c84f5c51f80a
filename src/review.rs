//! The review queue: what needs a fact-checker's attention, most pressing first.
//!
//! Each reason is one small function over the graph (and, for `verdict-vs-eval`, one run of
//! `eval`'s default labelling); [`queue`] gathers them and sorts by [`Reason`], then by file
//! and line. Every item names the id it concerns and the `file:line` to edit, so the queue
//! is a to-do list, not a report.

use std::path::Path;

use petgraph::stable_graph::NodeIndex;

use crate::eval::{self, Label, verdict::pinned};
use crate::graph::ClaimGraph;
use crate::load::Code;
use crate::model::{Claim, Date, Id, Origin, RelationKind};

/// Why an item is in the queue, most pressing first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// A quote does not occur in its source's archive (as `check` reports it).
    QuoteNotFound,
    /// An archive changed since its `sha256` was written, or cannot be read.
    ArchiveChanged,
    /// The rating and `eval`'s default labelling disagree.
    VerdictVsEval,
    /// Something dated after the verdict now bears on the claim.
    StaleVerdict,
    /// An unrated claim that something contradicts.
    UnruledContradiction,
    /// A source used as evidence with neither `url` nor `archive`.
    EvidenceWithoutUrl,
}

impl Reason {
    /// The reason's code, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::QuoteNotFound => "quote-not-found",
            Reason::ArchiveChanged => "archive-changed",
            Reason::VerdictVsEval => "verdict-vs-eval",
            Reason::StaleVerdict => "stale-verdict",
            Reason::UnruledContradiction => "unruled-contradiction",
            Reason::EvidenceWithoutUrl => "evidence-without-url",
        }
    }
}

/// One entry of the queue.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Item {
    /// Why.
    pub reason: Reason,
    /// The claim (or, for an archive, the source) concerned.
    pub id: Id,
    /// What is wrong, in one line.
    pub detail: String,
    /// The file to edit.
    pub file: String,
    /// The line to edit (1-based; 0 when unknown).
    pub line: u32,
}

/// The queue of `graph`, most pressing first. Runs the desk's checks (reading each archive
/// once) and one grounded labelling; the rest is linear in the graph.
pub fn queue(graph: &ClaimGraph) -> Vec<Item> {
    let mut items = desk_items(graph);
    items.extend(verdict_vs_eval(graph, &labels(graph)));
    items.extend(stale_verdicts(graph));
    items.extend(unruled_contradictions(graph));
    items.extend(evidence_without_url(graph));
    items.sort_by(|a, b| {
        (a.reason, &a.file, a.line, &a.id).cmp(&(b.reason, &b.file, b.line, &b.id))
    });
    items
}

fn item(graph: &ClaimGraph, reason: Reason, id: &Id, at: Origin, detail: String) -> Item {
    let file = graph.corpus().files.path(at.file).unwrap_or(Path::new(""));
    Item {
        reason,
        id: id.clone(),
        detail,
        file: file.display().to_string(),
        line: at.line,
    }
}

/// `quote-not-found` and `archive-changed` (with unreadable archives): the desk's own errors.
fn desk_items(graph: &ClaimGraph) -> Vec<Item> {
    let problems = crate::desk::problems(graph.corpus());
    problems
        .into_iter()
        .filter_map(|(id, d)| {
            let reason = match d.code {
                Code::QuoteNotFound => Reason::QuoteNotFound,
                Code::ArchiveChanged | Code::ArchiveUnreadable => Reason::ArchiveChanged,
                _ => return None,
            };
            Some(Item {
                reason,
                id,
                detail: d.message,
                file: d.location.file.display().to_string(),
                line: d.location.line,
            })
        })
        .collect()
}

/// Each claim's label in `eval`'s default labelling (grounded, verdicts pinned).
fn labels(graph: &ClaimGraph) -> Vec<Option<Label>> {
    let settings = eval::Settings {
        strength: None,
        ..eval::Settings::default()
    };
    let mut out = vec![None; graph.node_bound()];
    if let Ok(evaluation) = eval::evaluate(graph, &settings)
        && let Some(labelling) = evaluation.labellings.first()
    {
        for (id, label) in evaluation.ids.iter().zip(labelling) {
            if let Some(ix) = graph.node(id.as_str()) {
                out[ix.index()] = Some(*label);
            }
        }
    }
    out
}

/// The claims that contradict `ix`.
fn attackers(graph: &ClaimGraph, ix: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
    let incoming = graph.arguments().incoming(ix).iter();
    incoming
        .filter(|a| a.kind == RelationKind::Contradicts)
        .map(|a| a.node)
}

/// `verdict-vs-eval`. A pinned claim's own label only echoes its rating, so the arguments are
/// read at its attackers: a claim rated true or mostly true falls when an attacker stands; a
/// claim rated false or mostly false stands when no attacker does.
fn verdict_vs_eval(graph: &ClaimGraph, labels: &[Option<Label>]) -> Vec<Item> {
    let label = |ix: NodeIndex| labels.get(ix.index()).copied().flatten();
    let mut out = Vec::new();
    for (ix, claim) in graph.claims() {
        let Some(verdict) = &claim.verdict else {
            continue;
        };
        let standing = attackers(graph, ix).find(|&a| label(a) == Some(Label::In));
        let detail = match (pinned(verdict.rating), standing) {
            (Some(Label::In), Some(a)) => format!(
                "rated {}, but it falls: `{}`, which stands, contradicts it",
                verdict.rating,
                id_of(graph, a)
            ),
            (Some(Label::Out), None) => format!(
                "rated {}, but it stands: nothing that stands contradicts it",
                verdict.rating
            ),
            _ => continue,
        };
        out.push(item(
            graph,
            Reason::VerdictVsEval,
            &claim.id,
            claim.origin,
            detail,
        ));
    }
    out
}

fn id_of(graph: &ClaimGraph, ix: NodeIndex) -> &str {
    graph.get(ix).map_or("?", |n| n.id().as_str())
}

/// Whether `date` is after `verdict` (its period begins after the verdict's ends).
fn after(date: Option<Date>, verdict: Date) -> bool {
    date.is_some_and(|d| !d.on_or_before(verdict))
}

/// `stale-verdict`: a relation into a dated verdict's claim, the claim it comes from, or an
/// evidence item, dated after the verdict.
fn stale_verdicts(graph: &ClaimGraph) -> Vec<Item> {
    let corpus = graph.corpus();
    let dated = |id: &Id| -> Option<(&Claim, Date)> {
        let claim = graph.claim(graph.node(id.as_str())?)?;
        Some((claim, claim.verdict.as_ref()?.date?))
    };
    let mut out = Vec::new();
    for rel in &corpus.relations {
        let Some((claim, on)) = dated(&rel.to) else {
            continue;
        };
        let (from, kind) = (&rel.from, rel.kind);
        let detail = if after(rel.date, on) {
            let d = rel.date.unwrap_or(on);
            format!("`{from}` {kind} it from {d}, after its verdict of {on}")
        } else if let Some(d) = graph
            .node(from.as_str())
            .and_then(|ix| graph.claim(ix)?.date)
            .filter(|&d| after(Some(d), on))
        {
            format!("`{from}`, dated {d}, {kind} it, after its verdict of {on}")
        } else {
            continue;
        };
        out.push(item(
            graph,
            Reason::StaleVerdict,
            &claim.id,
            claim.origin,
            detail,
        ));
    }
    out.extend(stale_evidence(graph));
    out
}

/// `stale-verdict` for evidence dated after the verdict it backs.
fn stale_evidence(graph: &ClaimGraph) -> Vec<Item> {
    let mut out = Vec::new();
    for (_, claim) in graph.claims() {
        let Some(verdict) = &claim.verdict else {
            continue;
        };
        let Some(on) = verdict.date else { continue };
        for e in &verdict.evidence {
            let date = graph.node(e.as_str()).and_then(|ix| match graph.get(ix)? {
                crate::graph::NodeRef::Claim(c) => c.date,
                crate::graph::NodeRef::Source(s) => s.date,
            });
            if after(date, on) {
                let d = date.unwrap_or(on);
                let detail = format!("its verdict of {on} cites evidence `{e}`, dated later ({d})");
                out.push(item(
                    graph,
                    Reason::StaleVerdict,
                    &claim.id,
                    claim.origin,
                    detail,
                ));
            }
        }
    }
    out
}

/// `unruled-contradiction`: an unrated claim that some claim contradicts.
fn unruled_contradictions(graph: &ClaimGraph) -> Vec<Item> {
    let mut out = Vec::new();
    for (ix, claim) in graph.claims().filter(|(_, c)| c.verdict.is_none()) {
        let by: Vec<NodeIndex> = attackers(graph, ix).collect();
        let Some(&first) = by.first() else { continue };
        let more = match by.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        let detail = format!(
            "unrated, but `{}` contradicts it{more}",
            id_of(graph, first)
        );
        out.push(item(
            graph,
            Reason::UnruledContradiction,
            &claim.id,
            claim.origin,
            detail,
        ));
    }
    out
}

/// `evidence-without-url`: a source a verdict rests on that no reader can look up. Located
/// at the source, where the `url` or `archive` goes.
fn evidence_without_url(graph: &ClaimGraph) -> Vec<Item> {
    let mut out = Vec::new();
    for (_, claim) in graph.claims() {
        let Some(verdict) = &claim.verdict else {
            continue;
        };
        for e in &verdict.evidence {
            let Some(source) = graph.node(e.as_str()).and_then(|ix| graph.source(ix)) else {
                continue;
            };
            if source.url.is_none() && source.archive.is_none() {
                let detail = format!("evidence `{e}` has neither `url` nor `archive`");
                out.push(item(
                    graph,
                    Reason::EvidenceWithoutUrl,
                    &claim.id,
                    source.origin,
                    detail,
                ));
            }
        }
    }
    out
}

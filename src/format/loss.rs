//! What a conversion could not carry.
//!
//! No two of the formats claimgraph speaks hold the same things: AIF has no verdicts, Mermaid no
//! sources, our claim files no undercuts. Every writer and reader records what it dropped or
//! changed as a [`Loss`], grouped by kind and counted, so `export` and `import` can say so (and
//! `--strict` can refuse), instead of losing data silently.

use std::collections::HashSet;
use std::fmt;

use crate::model::{Corpus, Id};

/// One kind of thing a conversion dropped or changed, with how often and a few examples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    /// Why: what the target format lacks, or what the reader met (`AIF has no verdicts`).
    pub reason: String,
    /// What was dropped or changed, as a plural noun (`verdicts`).
    pub what: String,
    /// How many.
    pub count: usize,
    /// The first few items concerned (ids or titles), for finding them.
    pub examples: Vec<String>,
    /// What happened to them, as a past participle (`dropped`, `read as supports`).
    pub outcome: String,
}

/// How many examples a loss keeps.
const EXAMPLES: usize = 3;

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} {} {}",
            self.reason, self.count, self.what, self.outcome
        )?;
        if !self.examples.is_empty() {
            // Examples can be titles read from an imported file: shown, never acted on.
            let quoted: Vec<String> = self
                .examples
                .iter()
                .map(|e| format!("`{}`", crate::text::visible(e)))
                .collect();
            let more = if self.count > self.examples.len() {
                ", ..."
            } else {
                ""
            };
            write!(f, " ({}{more})", quoted.join(", "))?;
        }
        Ok(())
    }
}

/// Collects losses during one conversion, merging repeats of the same kind.
#[derive(Debug, Clone, Default)]
pub struct Losses(Vec<Loss>);

impl Losses {
    /// Records that `example` was dropped because of `reason`; `what` names the kind, plural.
    pub fn dropped(&mut self, reason: &str, what: &str, example: impl Into<String>) {
        self.record(reason, what, "dropped", example);
    }

    /// Records one item of a kind: `reason: N what outcome (examples)`.
    pub fn record(&mut self, reason: &str, what: &str, outcome: &str, example: impl Into<String>) {
        let example = example.into();
        let found = self
            .0
            .iter_mut()
            .find(|l| l.reason == reason && l.what == what && l.outcome == outcome);
        let loss = match found {
            Some(loss) => loss,
            None => {
                self.0.push(Loss {
                    reason: reason.to_string(),
                    what: what.to_string(),
                    count: 0,
                    examples: Vec::new(),
                    outcome: outcome.to_string(),
                });
                let last = self.0.len() - 1;
                &mut self.0[last]
            }
        };
        loss.count += 1;
        if loss.examples.len() < EXAMPLES
            && !example.is_empty()
            && !loss.examples.contains(&example)
        {
            loss.examples.push(example);
        }
    }

    /// Adds every loss of `other`.
    pub fn extend(&mut self, other: Losses) {
        for loss in other.0 {
            match self.0.iter_mut().find(|l| {
                l.reason == loss.reason && l.what == loss.what && l.outcome == loss.outcome
            }) {
                Some(l) => {
                    l.count += loss.count;
                    for e in loss.examples {
                        if l.examples.len() < EXAMPLES && !l.examples.contains(&e) {
                            l.examples.push(e);
                        }
                    }
                }
                None => self.0.push(loss),
            }
        }
    }

    /// Whether nothing was lost.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The losses, in the order first met.
    pub fn into_vec(self) -> Vec<Loss> {
        self.0
    }
}

/// Which fields of the model a writer carries; the others are reported by [`not_carried`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Carried {
    /// Claims' speakers (`by`).
    pub speakers: bool,
    /// Claims' citations (`sources`).
    pub citations: bool,
    /// Citations' quotes and locators.
    pub quotes: bool,
    /// Claims' dates.
    pub dates: bool,
    /// Claims' tags.
    pub tags: bool,
    /// Claims' confidence.
    pub confidence: bool,
    /// Verdicts' ratings.
    pub ratings: bool,
    /// Verdicts' reviewers.
    pub reviewers: bool,
    /// Verdicts' dates.
    pub verdict_dates: bool,
    /// Verdicts' notes.
    pub verdict_notes: bool,
    /// Verdicts' evidence.
    pub evidence: bool,
    /// Relations' strengths.
    pub strengths: bool,
    /// Relations' notes.
    pub relation_notes: bool,
    /// Relations' sources.
    pub relation_sources: bool,
    /// Sources not otherwise referenced (a writer that writes speakers writes those sources).
    pub sources: bool,
    /// Sources' descriptions, URLs, dates, reliability and `part_of`.
    pub source_details: bool,
}

/// The losses of writing `corpus` in `format`, which carries only `carried`: one line per kind
/// of field, with the ids of the first few items concerned.
pub(crate) fn not_carried(corpus: &Corpus, format: &str, carried: Carried) -> Losses {
    let mut losses = Losses::default();
    let mut drop = |has: bool, carried: bool, what: &str, id: &Id| {
        if has && !carried {
            losses.dropped(&format!("{format} has no {what}"), what, id.as_str());
        }
    };
    for c in &corpus.claims {
        let v = c.verdict.as_ref();
        drop(c.by.is_some(), carried.speakers, "speakers", &c.id);
        drop(!c.sources.is_empty(), carried.citations, "citations", &c.id);
        let quoted = c
            .sources
            .iter()
            .any(|s| s.quote.is_some() || s.locator.is_some());
        drop(quoted, carried.quotes, "quotes", &c.id);
        drop(c.date.is_some(), carried.dates, "dates", &c.id);
        drop(!c.tags.is_empty(), carried.tags, "tags", &c.id);
        drop(
            c.confidence.is_some(),
            carried.confidence,
            "confidences",
            &c.id,
        );
        drop(v.is_some(), carried.ratings, "verdicts", &c.id);
        if carried.ratings {
            drop(
                v.is_some_and(|v| v.by.is_some()),
                carried.reviewers,
                "reviewers",
                &c.id,
            );
            let dated = v.is_some_and(|v| v.date.is_some());
            drop(dated, carried.verdict_dates, "verdict dates", &c.id);
            let noted = v.is_some_and(|v| v.note.is_some());
            drop(noted, carried.verdict_notes, "verdict notes", &c.id);
            let evidence = v.is_some_and(|v| !v.evidence.is_empty());
            drop(evidence, carried.evidence, "evidence", &c.id);
        }
    }
    for r in &corpus.relations {
        drop(
            r.strength.is_some(),
            carried.strengths,
            "relation strengths",
            &r.from,
        );
        drop(
            r.note.is_some(),
            carried.relation_notes,
            "relation notes",
            &r.from,
        );
        let sourced = !r.sources.is_empty();
        drop(
            sourced,
            carried.relation_sources,
            "relation sources",
            &r.from,
        );
    }
    let referenced = written_sources(corpus, carried);
    for s in &corpus.sources {
        let detailed = s.description.is_some()
            || s.url.is_some()
            || s.date.is_some()
            || s.reliability.is_some()
            || s.part_of.is_some();
        let written = carried.sources || referenced.contains(&s.id);
        drop(!written, false, "sources", &s.id);
        drop(
            written && detailed,
            carried.source_details,
            "source details",
            &s.id,
        );
    }
    losses
}

/// The sources written because a carried field refers to them.
fn written_sources(corpus: &Corpus, carried: Carried) -> HashSet<&Id> {
    let mut out = HashSet::new();
    for c in &corpus.claims {
        let v = c.verdict.as_ref();
        if carried.speakers {
            out.extend(c.by.as_ref());
        }
        if carried.citations {
            out.extend(c.sources.iter().map(|s| &s.source));
        }
        if carried.reviewers {
            out.extend(v.and_then(|v| v.by.as_ref()));
        }
        if carried.evidence {
            out.extend(v.iter().flat_map(|v| &v.evidence));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_repeats_and_keeps_a_few_examples() {
        let mut losses = Losses::default();
        for id in ["a", "b", "c", "d"] {
            losses.dropped("AIF has no verdicts", "verdicts", id);
        }
        losses.record("AIF MA-nodes", "rephrases", "read as supports", "x");
        let all = losses.into_vec();
        assert_eq!(
            all[0].to_string(),
            "AIF has no verdicts: 4 verdicts dropped (`a`, `b`, `c`, ...)"
        );
        assert_eq!(
            all[1].to_string(),
            "AIF MA-nodes: 1 rephrases read as supports (`x`)"
        );
    }

    #[test]
    fn extend_adds_counts() {
        let mut a = Losses::default();
        a.dropped("r", "tags", "x");
        let mut b = Losses::default();
        b.dropped("r", "tags", "y");
        b.dropped("s", "dates", "");
        a.extend(b);
        let all = a.into_vec();
        assert_eq!(all[0].count, 2);
        assert_eq!(all[0].examples, ["x", "y"]);
        assert_eq!(all[1].to_string(), "s: 1 dates dropped");
    }
}

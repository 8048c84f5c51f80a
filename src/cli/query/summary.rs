//! Text and TSV for `central` and `stats`.

use std::fmt::Write as _;

use super::super::paint::Paint;
use super::Render;
use super::text::{count, tsv_field, width};
use crate::query::{Central, Counts, Stats, Top};
use crate::text::visible;

impl Render for Central<'_> {
    fn text(&self, p: &Paint) -> String {
        if self.results.is_empty() {
            return "no claims\n".into();
        }
        let shown = if self.results.len() < self.claims {
            format!("top {} of {} claims", self.results.len(), self.claims)
        } else {
            count(self.claims, "claim", "claims")
        };
        let mut out = format!(
            "{shown} by PageRank over supports and contradicts (damping {}, {}):\n",
            self.damping,
            count(self.iterations, "iteration", "iterations")
        );
        let rank_w = width(&self.results, |r| r.rank.to_string().len()).max("rank".len());
        let id_w = width(&self.results, |r| r.claim.id.as_str().len()).max("claim".len());
        let header = format!(
            "  {:>rank_w$}  {:<8}  {:>3}  {:>7}  {:<id_w$}  text",
            "rank", "score", "for", "against", "claim"
        );
        let _ = writeln!(out, "{}", p.dim(&header));
        for r in &self.results {
            let _ = writeln!(
                out,
                "  {:>rank_w$}  {:<8.6}  {:>3}  {:>7}  {}  {}",
                r.rank,
                r.score,
                r.supporters,
                r.attackers,
                p.id(&format!("{:<id_w$}", r.claim.id.as_str())),
                visible(r.claim.text)
            );
        }
        out
    }

    /// `rank  score  supporters  attackers  id  text`.
    fn tsv(&self) -> String {
        self.results
            .iter()
            .map(|r| {
                format!(
                    "{}\t{:.6}\t{}\t{}\t{}\t{}\n",
                    r.rank,
                    r.score,
                    r.supporters,
                    r.attackers,
                    r.claim.id,
                    tsv_field(r.claim.text)
                )
            })
            .collect()
    }
}

/// `a 2, b 1` (leaving out zeros), or `none`.
fn counts(counts: &Counts) -> String {
    let parts: Vec<String> = counts
        .0
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| format!("{} {}", visible(&c.name), c.count))
        .collect();
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join(", ")
    }
}

fn tops(tops: &[Top<'_>]) -> String {
    let parts: Vec<String> = tops
        .iter()
        .map(|t| format!("{} {}", t.claim.id, t.count))
        .collect();
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join(", ")
    }
}

impl Render for Stats<'_> {
    fn text(&self, p: &Paint) -> String {
        let relations: usize = self.relations.0.iter().map(|c| c.count).sum();
        let rows = [
            ("claims", self.claims.to_string()),
            ("sources", self.sources.to_string()),
            (
                "relations",
                format!("{relations} ({})", counts(&self.relations)),
            ),
            (
                "components",
                format!(
                    "{} (largest: {})",
                    self.components,
                    count(self.largest_component, "claim", "claims")
                ),
            ),
            ("sources by kind", counts(&self.sources_by_kind)),
            ("claims by rating", counts(&self.claims_by_rating)),
            ("claims by tag", counts(&self.claims_by_tag)),
            ("most supported", tops(&self.most_supported)),
            ("most attacked", tops(&self.most_attacked)),
        ];
        let w = width(&rows, |(name, _)| name.len()) + 1;
        rows.iter()
            .map(|(name, value)| {
                format!(
                    "{}  {value}\n",
                    p.bold(&format!("{:<w$}", format!("{name}:")))
                )
            })
            .collect()
    }

    /// `section  name  count`, sections: `total`, `sources-by-kind`, `claims-by-rating`,
    /// `claims-by-tag`, `relations`, `components`, `most-supported`, `most-attacked`.
    fn tsv(&self) -> String {
        let mut out = String::new();
        let mut row = |section: &str, name: &str, n: usize| {
            let _ = writeln!(out, "{section}\t{}\t{n}", tsv_field(name));
        };
        row("total", "claims", self.claims);
        row("total", "sources", self.sources);
        for (section, counts) in [
            ("sources-by-kind", &self.sources_by_kind),
            ("claims-by-rating", &self.claims_by_rating),
            ("claims-by-tag", &self.claims_by_tag),
            ("relations", &self.relations),
        ] {
            for c in &counts.0 {
                row(section, &c.name, c.count);
            }
        }
        row("components", "count", self.components);
        row("components", "largest", self.largest_component);
        for (section, tops) in [
            ("most-supported", &self.most_supported),
            ("most-attacked", &self.most_attacked),
        ] {
            for t in tops {
                row(section, t.claim.id.as_str(), t.count);
            }
        }
        out
    }
}

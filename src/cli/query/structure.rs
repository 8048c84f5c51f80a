//! Text and TSV for `path`, `conflicts` and `cycles`.

use std::fmt::Write as _;

use super::super::paint::Paint;
use super::Render;
use super::text::{chain, chain_tsv, count, stance};
use crate::query::{Conflict, ConflictKind, Cycle, Paths};

impl Render for Paths<'_> {
    fn text(&self, p: &Paint) -> String {
        let (from, to) = (p.id(self.from.as_str()), p.id(self.to.as_str()));
        let within = self
            .max_len
            .map(|n| format!(" of at most {}", count(n, "relation", "relations")))
            .unwrap_or_default();
        if self.paths.is_empty() {
            return format!("no path from {from} to {to}{within}\n");
        }
        let mut out = match self.max_len {
            None => format!("shortest path from {from} to {to}:\n"),
            Some(_) => format!(
                "{} from {from} to {to}{within}:\n",
                count(self.paths.len(), "path", "paths")
            ),
        };
        let w = if self
            .paths
            .iter()
            .any(|c| c.stance == crate::query::Stance::Against)
        {
            "against".len()
        } else {
            "for".len()
        };
        for path in &self.paths {
            let _ = writeln!(out, "  {}  {}", stance(p, path.stance, w), chain(p, path));
        }
        if self.truncated {
            let _ = writeln!(
                out,
                "{}",
                p.dim(&format!(
                    "stopped after {} paths; `--limit N` shows more",
                    self.paths.len()
                ))
            );
        }
        out
    }

    /// `stance  length  chain`.
    fn tsv(&self) -> String {
        self.paths
            .iter()
            .map(|c| format!("{}\t{}\t{}\n", c.stance.as_str(), c.len(), chain_tsv(c)))
            .collect()
    }
}

fn describe(p: &Paint, c: &Conflict<'_>) -> String {
    let (a, b) = (p.id(c.a.as_str()), p.id(c.b.as_str()));
    let clash = if c.mutual {
        format!("{a} and {b} {}", p.bad("contradict each other"))
    } else {
        format!("{a} {} {b}", p.bad("contradicts"))
    };
    let via = c.via.map(|v| p.id(v.as_str())).unwrap_or_default();
    match c.kind {
        ConflictKind::Direct => clash,
        ConflictKind::Supporters => format!("{clash}; both support {via}"),
        ConflictKind::Source => format!("{via} asserts both: {clash}"),
    }
}

impl Render for Vec<Conflict<'_>> {
    fn text(&self, p: &Paint) -> String {
        if self.is_empty() {
            return "no conflicts\n".into();
        }
        let mut out = format!("{}:\n", count(self.len(), "conflict", "conflicts"));
        let w = self
            .iter()
            .map(|c| c.kind.as_str().len())
            .max()
            .unwrap_or(0);
        for c in self {
            let kind = format!("{:<w$}", c.kind.as_str());
            let _ = writeln!(out, "  {}  {}", p.dim(&kind), describe(p, c));
        }
        out
    }

    /// `kind  a  b  mutual(yes|no)  via`.
    fn tsv(&self) -> String {
        self.iter()
            .map(|c| {
                format!(
                    "{}\t{}\t{}\t{}\t{}\n",
                    c.kind.as_str(),
                    c.a,
                    c.b,
                    if c.mutual { "yes" } else { "no" },
                    c.via.map_or("", |v| v.as_str())
                )
            })
            .collect()
    }
}

impl Render for Vec<Cycle<'_>> {
    fn text(&self, p: &Paint) -> String {
        if self.is_empty() {
            return "no support cycles\n".into();
        }
        let mut out = format!(
            "{}:\n",
            count(self.len(), "support cycle", "support cycles")
        );
        for c in self {
            let circle: Vec<String> = c.cycle.iter().map(|id| p.id(id.as_str())).collect();
            let _ = writeln!(out, "  {}", circle.join(&p.good(" -supports-> ")));
            if c.claims.len() + 1 > c.cycle.len() {
                let all: Vec<&str> = c.claims.iter().map(|m| m.id.as_str()).collect();
                let _ = writeln!(
                    out,
                    "    {}",
                    p.dim(&format!(
                        "in a group of {} claims: {}",
                        all.len(),
                        all.join(", ")
                    ))
                );
            }
        }
        out
    }

    /// `claims (comma-separated)  circle (space-separated)`.
    fn tsv(&self) -> String {
        self.iter()
            .map(|c| {
                let claims: Vec<&str> = c.claims.iter().map(|m| m.id.as_str()).collect();
                let circle: Vec<&str> = c.cycle.iter().map(|i| i.as_str()).collect();
                format!("{}\t{}\n", claims.join(","), circle.join(" "))
            })
            .collect()
    }
}

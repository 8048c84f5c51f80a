//! Text and TSV for `supporters`, `attackers`, `impact`, `unsupported` and `why`.

use std::fmt::Write as _;

use super::super::paint::Paint;
use super::Render;
use super::text::{chain_tsv, count, push_chain, tsv_field, width};
use crate::query::{ClaimRef, Impact, Reach, Reached, Repeat, Stance, Why, WhyLine};
use crate::text::visible;

fn depth_note(depth: Option<usize>) -> String {
    match depth {
        Some(1) => "direct".into(),
        Some(n) => format!("within {n} relations"),
        None => "any number of relations".into(),
    }
}

/// Rows of claims found with their distance and chain: `distance  id  text`, then the chain
/// under the id when it is longer than one relation.
fn reached_rows(
    out: &mut String,
    p: &Paint,
    rows: &[&Reached<'_>],
    distances: bool,
    notes: &[&str],
) {
    let id_w = width(rows, |r| r.claim.id.as_str().len());
    let dist_w = width(rows, |r| r.distance.to_string().len());
    let indent = 2 + if distances { dist_w + 2 } else { 0 };
    for (i, r) in rows.iter().enumerate() {
        out.push_str("  ");
        if distances {
            let _ = write!(out, "{:>dist_w$}  ", r.distance);
        }
        let id = format!("{:<id_w$}", r.claim.id.as_str());
        let note = notes.get(i).filter(|n| !n.is_empty());
        let _ = write!(out, "{}  {}", p.id(&id), visible(r.claim.text));
        if let Some(note) = note {
            let _ = write!(out, "  {}", p.dim(&format!("({note})")));
        }
        out.push('\n');
        if r.chain.len() > 1 {
            let _ = write!(out, "{:indent$}", "", indent = indent + id_w + 2);
            push_chain(out, p, &r.chain);
            out.push('\n');
        }
    }
}

fn reached_tsv(r: &Reached<'_>, extra: &str) -> String {
    format!(
        "{}\t{}\t{extra}{}\t{}\n",
        r.distance,
        r.claim.id,
        chain_tsv(&r.chain),
        tsv_field(r.claim.text)
    )
}

impl Render for Reach<'_> {
    fn text(&self, p: &Paint) -> String {
        let (one, many) = match self.stance {
            Stance::For => ("supporter", "supporters"),
            Stance::Against => ("attacker", "attackers"),
        };
        let target = p.id(self.target.as_str());
        let note = depth_note(self.depth);
        if self.results.is_empty() {
            return format!("no {many} of {target} ({note})\n");
        }
        let mut out = format!("{} of {target} ({note}):\n", count(self.total, one, many));
        let rows: Vec<&Reached<'_>> = self.results.iter().collect();
        reached_rows(&mut out, p, &rows, self.depth != Some(1), &[]);
        out
    }

    /// `distance  id  chain  text`.
    fn tsv(&self) -> String {
        self.results.iter().map(|r| reached_tsv(r, "")).collect()
    }

    fn left_out(&self) -> Option<(usize, usize, &'static str)> {
        self.truncated
            .then_some((self.results.len(), self.total, "claims"))
    }
}

impl Render for Impact<'_> {
    fn text(&self, p: &Paint) -> String {
        let target = p.id(self.target.as_str());
        if self.results.is_empty() {
            return format!("nothing rests on {target}\n");
        }
        let verb = if self.total == 1 { "rests" } else { "rest" };
        let mut out = format!(
            "{} {verb} on {target}:\n",
            count(self.total, "claim", "claims")
        );
        let rows: Vec<&Reached<'_>> = self.results.iter().map(|r| &r.reached).collect();
        let notes: Vec<&str> = self
            .results
            .iter()
            .map(|r| {
                if r.loses_all_support {
                    "would lose all support"
                } else {
                    ""
                }
            })
            .collect();
        reached_rows(&mut out, p, &rows, true, &notes);
        out
    }

    /// `distance  id  loses-all-support(yes|no)  chain  text`.
    fn tsv(&self) -> String {
        self.results
            .iter()
            .map(|r| {
                let loses = if r.loses_all_support { "yes\t" } else { "no\t" };
                reached_tsv(&r.reached, loses)
            })
            .collect()
    }

    fn left_out(&self) -> Option<(usize, usize, &'static str)> {
        self.truncated
            .then_some((self.results.len(), self.total, "claims"))
    }
}

impl Render for Vec<ClaimRef<'_>> {
    fn text(&self, p: &Paint) -> String {
        if self.is_empty() {
            return "every claim has a source or a supporting claim\n".into();
        }
        let verb = if self.len() == 1 { "has" } else { "have" };
        let mut out = format!(
            "{} {verb} neither a source nor a supporting claim:\n",
            count(self.len(), "claim", "claims")
        );
        let w = width(self, |c| c.id.as_str().len());
        for c in self {
            let _ = writeln!(
                out,
                "  {}  {}",
                p.id(&format!("{:<w$}", c.id.as_str())),
                visible(c.text)
            );
        }
        out
    }

    /// `id  text`.
    fn tsv(&self) -> String {
        self.iter()
            .map(|c| format!("{}\t{}\n", c.id, tsv_field(c.text)))
            .collect()
    }
}

impl Render for Why<'_> {
    fn text(&self, p: &Paint) -> String {
        let mut last_child = vec![usize::MAX; self.lines.len()];
        for (i, line) in self.lines.iter().enumerate() {
            if let Some(parent) = line.parent {
                last_child[parent] = i;
            }
        }
        let is_last = |i: usize| self.lines[i].parent.is_some_and(|q| last_child[q] == i);
        let mut out = String::new();
        // For each depth, whether the ancestor at that depth was its parent's last child.
        let mut closed: Vec<bool> = Vec::new();
        for (i, line) in self.lines.iter().enumerate() {
            closed.truncate(line.depth);
            let mut guide: String = closed
                .iter()
                .skip(1)
                .map(|&c| if c { "   " } else { "│  " })
                .collect();
            if line.depth > 0 {
                guide.push_str(if is_last(i) { "└─ " } else { "├─ " });
            }
            let _ = writeln!(out, "{}{}", p.dim(&guide), why_line(p, line));
            closed.push(is_last(i));
        }
        out
    }

    /// `depth  via  type  id  repeat  text`; the root's `via` is empty.
    fn tsv(&self) -> String {
        self.lines
            .iter()
            .map(|l| {
                format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\n",
                    l.depth,
                    l.via.map_or("", |v| v.as_str()),
                    l.kind,
                    l.id,
                    l.repeat.map_or("", repeat_name),
                    tsv_field(l.text())
                )
            })
            .collect()
    }

    fn left_out(&self) -> Option<(usize, usize, &'static str)> {
        self.truncated
            .then_some((self.lines.len(), self.total, "lines"))
    }
}

fn repeat_name(r: Repeat) -> &'static str {
    match r {
        Repeat::Above => "above",
        Repeat::Circular => "circular",
    }
}

fn why_line(p: &Paint, line: &WhyLine<'_>) -> String {
    use crate::query::Via;
    let label = match line.via {
        None => String::new(),
        Some(Via::Supports) => format!("{} ", p.good("supported by")),
        Some(via) => format!("{} ", via.as_str()),
    };
    let rating = line
        .rating()
        .map(|r| format!(" {}", p.rating(&format!("[{r}]"))))
        .unwrap_or_default();
    let repeat = match line.repeat {
        None => String::new(),
        Some(Repeat::Above) => format!(" {}", p.dim("(see above)")),
        Some(Repeat::Circular) => format!(" {}", p.bad("(circular)")),
    };
    format!(
        "{label}{}{rating}: {}{repeat}",
        p.id(line.id.as_str()),
        visible(line.text())
    )
}

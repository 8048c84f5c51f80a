//! Pieces shared by the renderers: chains, plurals, TSV fields, aligned columns.

use std::fmt::Write as _;

use super::super::paint::Paint;
use crate::model::RelationKind;
use crate::query::{Chain, Stance};

pub use super::super::output::tsv_field;

/// `1 claim`, `2 claims`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `a -supports-> b -contradicts-> c`, coloured by relation.
pub fn chain(p: &Paint, chain: &Chain<'_>) -> String {
    let mut out = String::new();
    push_chain(&mut out, p, chain);
    out
}

/// [`chain`], appended to `out`. Writes in place (one painted arrow per kind, no string per
/// link): `supporters --all` prints about a million links at 100,000 claims.
pub fn push_chain(out: &mut String, p: &Paint, chain: &Chain<'_>) {
    let arrow = |kind: RelationKind| relation(p, kind, &format!("-{kind}->"));
    let arrows = [RelationKind::Supports, RelationKind::Contradicts].map(arrow);
    p.push_id(out, chain.claims.first().map_or("", |c| c.as_str()));
    for (kind, claim) in chain.relations.iter().zip(chain.claims.iter().skip(1)) {
        out.push(' ');
        out.push_str(match kind {
            RelationKind::Supports => &arrows[0],
            RelationKind::Contradicts => &arrows[1],
        });
        out.push(' ');
        p.push_id(out, claim.as_str());
    }
}

/// `a supports b contradicts c`, for TSV.
pub fn chain_tsv(chain: &Chain<'_>) -> String {
    let mut out = chain.claims.first().map_or("", |c| c.as_str()).to_string();
    for (kind, claim) in chain.relations.iter().zip(chain.claims.iter().skip(1)) {
        let _ = write!(out, " {kind} {claim}");
    }
    out
}

/// `text` painted as `kind` (green for supports, red for contradicts).
pub fn relation(p: &Paint, kind: RelationKind, text: &str) -> String {
    match kind {
        RelationKind::Supports => p.good(text),
        RelationKind::Contradicts => p.bad(text),
    }
}

/// `for` or `against`, padded to `width` and coloured.
pub fn stance(p: &Paint, stance: Stance, width: usize) -> String {
    let text = format!("{:<width$}", stance.as_str());
    match stance {
        Stance::For => p.good(&text),
        Stance::Against => p.bad(&text),
    }
}

/// The widest of `items` by `len`.
pub fn width<T>(items: &[T], len: impl Fn(&T) -> usize) -> usize {
    items.iter().map(len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;
    use crate::query::Shared;

    #[test]
    fn chains_paint_each_id_and_arrow() {
        let (a, b, c) = (
            Id::new("a").unwrap(),
            Id::new("b").unwrap(),
            Id::new("c").unwrap(),
        );
        let link = Chain {
            claims: Shared::from(vec![&a, &b, &c]),
            relations: Shared::from(vec![RelationKind::Supports, RelationKind::Contradicts]),
            stance: Stance::Against,
        };
        assert_eq!(
            chain(&Paint::new(false), &link),
            "a -supports-> b -contradicts-> c"
        );
        assert_eq!(
            chain(&Paint::new(true), &link),
            "\x1b[1;36ma\x1b[0m \x1b[32m-supports->\x1b[0m \x1b[1;36mb\x1b[0m \
             \x1b[31m-contradicts->\x1b[0m \x1b[1;36mc\x1b[0m"
        );
        assert_eq!(chain_tsv(&link), "a supports b contradicts c");
    }
}

//! Pieces shared by the renderers: chains, plurals, TSV fields, aligned columns.

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
    let mut out = p.id(chain.claims.first().map_or("", |c| c.as_str()));
    for (kind, claim) in chain.relations.iter().zip(chain.claims.iter().skip(1)) {
        out.push(' ');
        out.push_str(&relation(p, *kind, &format!("-{kind}->")));
        out.push(' ');
        out.push_str(&p.id(claim.as_str()));
    }
    out
}

/// `a supports b contradicts c`, for TSV.
pub fn chain_tsv(chain: &Chain<'_>) -> String {
    let mut out = chain.claims.first().map_or("", |c| c.as_str()).to_string();
    for (kind, claim) in chain.relations.iter().zip(chain.claims.iter().skip(1)) {
        out.push_str(&format!(" {kind} {claim}"));
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

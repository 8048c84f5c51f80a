//! Equality of items as a claim file means them: every field, but not where it was written.
//!
//! The model's `PartialEq` compares origins (file, line) too, so a claim would differ from
//! itself after a line was added above it. These comparisons destructure each struct whole, so
//! a field added to the model later is a compile error here until it is compared.

use crate::model::{Archive, Citation, Claim, Date, Id, Relation, RelationKind, Source};

/// Whether two claims say the same, wherever they were written.
pub fn same_claim(a: &Claim, b: &Claim) -> bool {
    let Claim {
        id,
        text,
        by,
        sources,
        date,
        tags,
        confidence,
        verdict,
        history,
        origin: _,
    } = a;
    *id == b.id
        && *text == b.text
        && *by == b.by
        && sources.len() == b.sources.len()
        && sources
            .iter()
            .zip(&b.sources)
            .all(|(x, y)| same_citation(x, y))
        && *date == b.date
        && *tags == b.tags
        && *confidence == b.confidence
        && *verdict == b.verdict
        && *history == b.history
}

fn same_citation(a: &Citation, b: &Citation) -> bool {
    let Citation {
        source,
        quote,
        locator,
        quote_origin: _,
        locator_origin: _,
    } = a;
    *source == b.source && *quote == b.quote && *locator == b.locator
}

/// Whether two sources say the same, wherever they were written.
pub fn same_source(a: &Source, b: &Source) -> bool {
    let Source {
        id,
        name,
        kind,
        description,
        url,
        date,
        reliability,
        part_of,
        archive,
        retrieved,
        origin: _,
    } = a;
    *id == b.id
        && *name == b.name
        && *kind == b.kind
        && *description == b.description
        && *url == b.url
        && *date == b.date
        && *reliability == b.reliability
        && *part_of == b.part_of
        && same_archive(archive.as_ref(), b.archive.as_ref())
        && *retrieved == b.retrieved
}

fn same_archive(a: Option<&Archive>, b: Option<&Archive>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let Archive {
                path,
                sha256,
                origin: _,
                sha256_origin: _,
            } = a;
            *path == b.path && *sha256 == b.sha256
        }
        _ => false,
    }
}

/// A relation as a value: endpoints, kind and attributes, not where it was written. Hashable
/// (a strength is compared by its bits), so relations can be counted as a multiset.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RelationKey<'a> {
    from: &'a Id,
    to: &'a Id,
    kind: RelationKind,
    strength: Option<u64>,
    note: Option<&'a str>,
    sources: &'a [Id],
    date: Option<Date>,
}

impl<'a> RelationKey<'a> {
    /// The key of `r`.
    pub fn of(r: &'a Relation) -> RelationKey<'a> {
        let Relation {
            from,
            to,
            kind,
            strength,
            note,
            sources,
            date,
            origin: _,
        } = r;
        RelationKey {
            from,
            to,
            kind: *kind,
            strength: strength.map(f64::to_bits),
            note: note.as_deref(),
            sources,
            date: *date,
        }
    }
}

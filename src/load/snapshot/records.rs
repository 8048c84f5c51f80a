//! The compact shape each item, relation and diagnostic takes in the corpus cache.
//!
//! Every id is written once, in one table (sources, then claims, then any id referred to but
//! not defined; see `body.rs`); records hold indices into it. Reading makes each id's text once
//! and clones it for every reference, as resolving does, so the graph can index ids by address
//! ([`crate::model::Id::addr`]). Keywords are stored as their index in the enum's `ALL` list.
//!
//! Every model struct is destructured field by field (no `..`), so a field added to the model
//! fails to compile here until the cache stores it, rather than being dropped silently.

use std::borrow::Cow;
use std::path::Path;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::load::{Code, Diagnostic, Location, Severity};
use crate::model::{
    Archive, Citation, Claim, Date, FileId, Id, Origin, Rating, Relation, RelationKind, Source,
    SourceKind, Verdict,
};

type Pos = (u32, u32, u32);

/// A citation: the source's index, the quote and the locator, and where each was written.
type CitationRec<'a> = (u32, Option<Cow<'a, str>>, Option<Cow<'a, str>>, Pos, Pos);

/// An archive: its path and hash, and where each was written.
type ArchiveRec<'a> = (Cow<'a, str>, Option<Cow<'a, str>>, Pos, Pos);

#[derive(Debug, Serialize, Deserialize)]
pub struct SourceRec<'a> {
    name: Cow<'a, str>,
    kind: Option<u8>,
    description: Option<Cow<'a, str>>,
    url: Option<Cow<'a, str>>,
    date: Option<Cow<'a, str>>,
    reliability: Option<f64>,
    part_of: Option<u32>,
    archive: Option<ArchiveRec<'a>>,
    retrieved: Option<Cow<'a, str>>,
    origin: Pos,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ClaimRec<'a> {
    text: Cow<'a, str>,
    by: Option<u32>,
    sources: Vec<CitationRec<'a>>,
    date: Option<Cow<'a, str>>,
    tags: Cow<'a, [String]>,
    confidence: Option<f64>,
    verdict: Option<VerdictRec<'a>>,
    history: Vec<VerdictRec<'a>>,
    origin: Pos,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct VerdictRec<'a> {
    rating: u8,
    by: Option<u32>,
    date: Option<Cow<'a, str>>,
    note: Option<Cow<'a, str>>,
    evidence: Vec<u32>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct RelationRec<'a> {
    pub from: u32,
    pub to: u32,
    kind: u8,
    strength: Option<f64>,
    note: Option<Cow<'a, str>>,
    sources: Vec<u32>,
    date: Option<Cow<'a, str>>,
    origin: Pos,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct LocationRec<'a>(Cow<'a, Path>, u32, u32, u32);

#[derive(Debug, Serialize, Deserialize)]
pub struct DiagnosticRec<'a> {
    location: LocationRec<'a>,
    error: bool,
    code: u8,
    message: Cow<'a, str>,
    hint: Option<Cow<'a, str>>,
    related: Vec<(LocationRec<'a>, Cow<'a, str>)>,
}

/// An item's record: a source's or a claim's.
#[derive(Debug)]
pub enum Item<'a> {
    /// A source.
    Source(SourceRec<'a>),
    /// A claim.
    Claim(ClaimRec<'a>),
}

impl Item<'_> {
    /// The items it names with an edge of the graph.
    pub fn edges(&self) -> Vec<u32> {
        match self {
            Item::Source(s) => s.edges(),
            Item::Claim(c) => c.edges(),
        }
    }

    /// Drops the edge references to items `keep` refuses.
    pub fn keep_edges(&mut self, keep: impl Fn(u32) -> bool) {
        match self {
            Item::Source(s) => s.keep_edges(keep),
            Item::Claim(c) => c.keep_edges(keep),
        }
    }
}

impl SourceRec<'_> {
    /// The items this source names with an edge of the graph (`part_of`).
    pub fn edges(&self) -> Vec<u32> {
        self.part_of.into_iter().collect()
    }

    /// Drops the edge references to items `keep` refuses.
    pub fn keep_edges(&mut self, keep: impl Fn(u32) -> bool) {
        self.part_of = self.part_of.filter(|&p| keep(p));
    }
}

impl ClaimRec<'_> {
    /// The items this claim names with an edge of the graph, as `ClaimGraph::build` links
    /// them: its speaker, each cited source, and its current verdict's reviewer and evidence
    /// (not the history's, which are no edges).
    pub fn edges(&self) -> Vec<u32> {
        let cited = self.sources.iter().map(|c| c.0);
        let verdict = self.verdict.iter();
        let reviewer = verdict.clone().filter_map(|v| v.by);
        let evidence = verdict.flat_map(|v| v.evidence.iter().copied());
        self.by
            .into_iter()
            .chain(cited)
            .chain(reviewer)
            .chain(evidence)
            .collect()
    }

    /// Drops the edge references (those of [`ClaimRec::edges`]) to items `keep` refuses.
    pub fn keep_edges(&mut self, keep: impl Fn(u32) -> bool) {
        self.by = self.by.filter(|&b| keep(b));
        self.sources.retain(|c| keep(c.0));
        if let Some(v) = &mut self.verdict {
            v.by = v.by.filter(|&b| keep(b));
            v.evidence.retain(|&e| keep(e));
        }
    }
}

/// The index of `value` in `all`.
fn index_of<T: PartialEq>(all: &[T], value: T) -> u8 {
    all.iter()
        .position(|v| *v == value)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(u8::MAX)
}

fn origin_rec(o: Origin) -> Pos {
    (o.file.0, o.line, o.column)
}

fn location_rec(l: &Location) -> LocationRec<'_> {
    LocationRec(Cow::Borrowed(&l.file), l.line, l.column, l.len)
}

/// A borrowed optional string.
fn borrowed(value: &Option<String>) -> Option<Cow<'_, str>> {
    value.as_deref().map(Cow::Borrowed)
}

/// An optional string read back.
fn owned(value: Option<Cow<'_, str>>) -> Option<String> {
    value.map(Cow::into_owned)
}

/// Numbers ids while a corpus is written: by address first (ids from the loader share their
/// text), by text otherwise; ids that name no item go at the end of the table.
pub struct Numbering<'a> {
    by_addr: HashMap<usize, u32>,
    by_text: HashMap<&'a str, u32>,
    /// Every id numbered, in number order.
    pub ids: Vec<&'a str>,
}

impl<'a> Numbering<'a> {
    /// Numbers `items` (sources, then claims) from 0.
    pub fn new(items: impl Iterator<Item = &'a Id>) -> Numbering<'a> {
        let mut n = Numbering {
            by_addr: HashMap::default(),
            by_text: HashMap::default(),
            ids: Vec::new(),
        };
        for id in items {
            let i = n.ids.len() as u32;
            n.by_addr.insert(id.addr(), i);
            n.by_text.entry(id.as_str()).or_insert(i);
            n.ids.push(id.as_str());
        }
        n
    }

    fn of(&mut self, id: &'a Id) -> u32 {
        if let Some(&i) = self.by_addr.get(&id.addr()) {
            return i;
        }
        let next = self.ids.len() as u32;
        let i = *self.by_text.entry(id.as_str()).or_insert(next);
        if i == next {
            self.ids.push(id.as_str());
        }
        i
    }

    fn all(&mut self, ids: &'a [Id]) -> Vec<u32> {
        ids.iter().map(|id| self.of(id)).collect()
    }
}

pub fn source_rec<'a>(s: &'a Source, n: &mut Numbering<'a>) -> SourceRec<'a> {
    let Source {
        id: _,
        name,
        kind,
        description,
        url,
        date,
        reliability,
        part_of,
        archive,
        retrieved,
        origin,
    } = s;
    SourceRec {
        name: Cow::Borrowed(name),
        kind: kind.map(|k| index_of(SourceKind::ALL, k)),
        description: borrowed(description),
        url: borrowed(url),
        date: date.map(|d| Cow::Owned(d.to_string())),
        reliability: *reliability,
        part_of: part_of.as_ref().map(|p| n.of(p)),
        archive: archive.as_ref().map(archive_rec),
        retrieved: retrieved.map(|d| Cow::Owned(d.to_string())),
        origin: origin_rec(*origin),
    }
}

pub fn claim_rec<'a>(c: &'a Claim, n: &mut Numbering<'a>) -> ClaimRec<'a> {
    let Claim {
        id: _,
        text,
        by,
        sources,
        date,
        tags,
        confidence,
        verdict,
        history,
        origin,
    } = c;
    let sources = sources
        .iter()
        .map(|cit| {
            let Citation {
                source,
                quote,
                locator,
                quote_origin,
                locator_origin,
            } = cit;
            (
                n.of(source),
                borrowed(quote),
                borrowed(locator),
                origin_rec(*quote_origin),
                origin_rec(*locator_origin),
            )
        })
        .collect();
    ClaimRec {
        text: Cow::Borrowed(text),
        by: by.as_ref().map(|b| n.of(b)),
        sources,
        date: date.map(|d| Cow::Owned(d.to_string())),
        tags: Cow::Borrowed(tags),
        confidence: *confidence,
        verdict: verdict.as_ref().map(|v| verdict_rec(v, n)),
        history: history.iter().map(|v| verdict_rec(v, n)).collect(),
        origin: origin_rec(*origin),
    }
}

fn verdict_rec<'a>(v: &'a Verdict, n: &mut Numbering<'a>) -> VerdictRec<'a> {
    let Verdict {
        rating,
        by,
        date,
        note,
        evidence,
    } = v;
    VerdictRec {
        rating: index_of(Rating::ALL, *rating),
        by: by.as_ref().map(|b| n.of(b)),
        date: date.map(|d| Cow::Owned(d.to_string())),
        note: borrowed(note),
        evidence: n.all(evidence),
    }
}

pub fn relation_rec<'a>(r: &'a Relation, n: &mut Numbering<'a>) -> RelationRec<'a> {
    let Relation {
        from,
        to,
        kind,
        strength,
        note,
        sources,
        date,
        origin,
    } = r;
    RelationRec {
        from: n.of(from),
        to: n.of(to),
        kind: index_of(RelationKind::ALL, *kind),
        strength: *strength,
        note: borrowed(note),
        sources: n.all(sources),
        date: date.map(|d| Cow::Owned(d.to_string())),
        origin: origin_rec(*origin),
    }
}

fn archive_rec(a: &Archive) -> ArchiveRec<'_> {
    let Archive {
        path,
        sha256,
        origin,
        sha256_origin,
    } = a;
    (
        Cow::Borrowed(path),
        borrowed(sha256),
        origin_rec(*origin),
        origin_rec(*sha256_origin),
    )
}

pub fn diagnostic_rec(d: &Diagnostic) -> DiagnosticRec<'_> {
    let Diagnostic {
        location,
        severity,
        code,
        message,
        hint,
        related,
    } = d;
    DiagnosticRec {
        location: location_rec(location),
        error: *severity == Severity::Error,
        code: index_of(Code::ALL, *code),
        message: Cow::Borrowed(message),
        hint: borrowed(hint),
        related: related
            .iter()
            .map(|(l, note)| (location_rec(l), Cow::Borrowed(note.as_str())))
            .collect(),
    }
}

fn location(l: LocationRec<'_>) -> Location {
    let LocationRec(file, line, column, len) = l;
    Location::at(file.into_owned(), line, column, len)
}

pub fn diagnostic(d: DiagnosticRec<'_>) -> Option<Diagnostic> {
    let code = *Code::ALL.get(usize::from(d.code))?;
    let location = location(d.location);
    let mut out = if d.error {
        Diagnostic::error(code, location, d.message)
    } else {
        Diagnostic::warning(code, location, d.message)
    };
    out.hint = owned(d.hint);
    out.related = d
        .related
        .into_iter()
        .map(|(l, note)| (self::location(l), note.into_owned()))
        .collect();
    Some(out)
}

/// Turns records back into the model, sharing each id: `id` gives the id numbered `i` (a
/// clone of one `Id` per number), or `None` when there is no such number.
pub struct Reader<F> {
    pub id: F,
}

impl<F: Fn(u32) -> Option<Id>> Reader<F> {
    fn id(&self, i: u32) -> Option<Id> {
        (self.id)(i)
    }

    fn ids(&self, all: Vec<u32>) -> Option<Vec<Id>> {
        all.into_iter().map(|i| self.id(i)).collect()
    }

    /// Item `i`, a source.
    pub fn source(&self, i: u32, s: SourceRec<'_>) -> Option<Source> {
        Some(Source {
            id: self.id(i)?,
            name: s.name.into_owned(),
            kind: keyword(SourceKind::ALL, s.kind)?,
            description: owned(s.description),
            url: owned(s.url),
            date: date(s.date)?,
            reliability: s.reliability,
            part_of: maybe(s.part_of, |p| self.id(p))?,
            archive: s.archive.map(|(path, sha256, at, sha256_at)| Archive {
                path: path.into_owned(),
                sha256: owned(sha256),
                origin: origin(at),
                sha256_origin: origin(sha256_at),
            }),
            retrieved: date(s.retrieved)?,
            origin: origin(s.origin),
        })
    }

    /// Item `i`, a claim.
    pub fn claim(&self, i: u32, c: ClaimRec<'_>) -> Option<Claim> {
        let sources = c
            .sources
            .into_iter()
            .map(|(source, quote, locator, quote_at, locator_at)| {
                Some(Citation {
                    source: self.id(source)?,
                    quote: owned(quote),
                    locator: owned(locator),
                    quote_origin: origin(quote_at),
                    locator_origin: origin(locator_at),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Claim {
            id: self.id(i)?,
            text: c.text.into_owned(),
            by: maybe(c.by, |b| self.id(b))?,
            sources,
            date: date(c.date)?,
            tags: c.tags.into_owned(),
            confidence: c.confidence,
            verdict: maybe(c.verdict, |v| self.verdict(v))?,
            history: map_all(c.history, |v| self.verdict(v))?,
            origin: origin(c.origin),
        })
    }

    fn verdict(&self, v: VerdictRec<'_>) -> Option<Verdict> {
        Some(Verdict {
            rating: *Rating::ALL.get(usize::from(v.rating))?,
            by: maybe(v.by, |b| self.id(b))?,
            date: date(v.date)?,
            note: owned(v.note),
            evidence: self.ids(v.evidence)?,
        })
    }

    /// A relation.
    pub fn relation(&self, r: RelationRec<'_>) -> Option<Relation> {
        Some(Relation {
            from: self.id(r.from)?,
            to: self.id(r.to)?,
            kind: *RelationKind::ALL.get(usize::from(r.kind))?,
            strength: r.strength,
            note: owned(r.note),
            sources: self.ids(r.sources)?,
            date: date(r.date)?,
            origin: origin(r.origin),
        })
    }
}

/// Reads every record, or `None` at the first that fails, into a vector of exactly the
/// records' number. Collecting through `Option` does not know the length, so it grows the
/// vector by doubling, or keeps the records' own larger buffer in place: at a million claims,
/// hundreds of megabytes never used.
pub fn map_all<T, U>(records: Vec<T>, mut read: impl FnMut(T) -> Option<U>) -> Option<Vec<U>> {
    let mut out = Vec::with_capacity(records.len());
    for record in records {
        out.push(read(record)?);
    }
    Some(out)
}

/// An optional stored value read back: `Some(None)` when absent, `None` when `read` fails.
fn maybe<T, U>(value: Option<T>, read: impl FnOnce(T) -> Option<U>) -> Option<Option<U>> {
    match value {
        None => Some(None),
        Some(v) => read(v).map(Some),
    }
}

/// A stored keyword: `Some(None)` when absent, `None` when the index is out of range.
fn keyword<T: Copy>(all: &[T], i: Option<u8>) -> Option<Option<T>> {
    match i {
        None => Some(None),
        Some(i) => all.get(usize::from(i)).copied().map(Some),
    }
}

/// A stored date: `Some(None)` when absent, `None` when it does not parse.
fn date(text: Option<Cow<'_, str>>) -> Option<Option<Date>> {
    text.map(|t| t.parse().ok())
        .map_or(Some(None), |d| d.map(Some))
}

fn origin((file, line, column): Pos) -> Origin {
    Origin {
        file: FileId(file),
        line,
        column,
    }
}

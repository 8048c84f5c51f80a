//! The body of the corpus cache: the corpus as tables whose entries are read one at a time,
//! so a query about one id decodes that item's neighbourhood (`around.rs`) and a command on
//! the whole corpus decodes every entry ([`Body::into_loaded`]).
//!
//! The data region (every table's entries) comes first, after the magic string; the index
//! (postcard: the files, where each table's entries lie, the items sorted by id, the views, the
//! diagnostics and the hash of each block of the region, see `region.rs`) after it, at the end
//! of the snapshot's head. The region goes first so the records can be written straight into
//! the snapshot's buffer as they are made.
//!
//! The tables: every id once (sources, then claims, then ids referred to but not defined);
//! each item's record (sources, then claims, numbered like their ids); each relation's record;
//! and for each item, what touches it ([`Touching`]).

use std::borrow::Cow;
use std::cmp::Ordering;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::records::{
    self, DiagnosticRec, Item, Numbering, Reader, claim_rec, diagnostic_rec, relation_rec,
    source_rec,
};
use super::region::{self, Lazy, Region};
use super::table::{self, Ends, Table, TableBuf, bytes, u32_at};
use super::views::ViewRec;
use crate::load::Diagnostic;
use crate::model::{Corpus, Files, Id, View};

/// Where everything in the data region is, as stored.
#[derive(Debug, Serialize, Deserialize)]
struct Index<'a> {
    #[serde(borrow)]
    files: Vec<Cow<'a, Path>>,
    whole_only: bool,
    sources: u32,
    #[serde(borrow)]
    ids: Ends<'a>,
    #[serde(borrow)]
    items: Ends<'a>,
    #[serde(borrow)]
    relations: Ends<'a>,
    #[serde(borrow)]
    touching: Ends<'a>,
    #[serde(borrow, serialize_with = "bytes")]
    by_text: &'a [u8],
    #[serde(borrow, serialize_with = "bytes")]
    views: &'a [u8],
    #[serde(borrow, serialize_with = "bytes")]
    diagnostics: &'a [u8],
    #[serde(borrow, serialize_with = "bytes")]
    blocks: &'a [u8],
}

/// Where a body's data region is.
#[derive(Debug, Clone, Copy)]
pub enum Data<'a> {
    /// Read whole: every block is checked before any is used.
    Whole(&'a [u8]),
    /// Read block by block from the open snapshot, each block checked when it is read.
    Lazy(&'a Lazy),
}

/// What touches one item, each list in corpus order: the relations from or to it, and the
/// items whose references the graph draws as edges to it (see [`records::ClaimRec::edges`]).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Touching {
    /// Relation numbers.
    pub relations: Vec<u32>,
    /// Item numbers.
    pub referrers: Vec<u32>,
}

/// A body read back, its tables over the data region.
#[derive(Debug)]
pub struct Body<'a> {
    files: Vec<Cow<'a, Path>>,
    /// Whether the corpus may only be read whole: it has errors (which a command prints, all
    /// of them), a reference to an id no item has, or an id two items have.
    pub whole_only: bool,
    sources: u32,
    ids: Table<'a>,
    items: Table<'a>,
    /// Each relation's record.
    pub relations: Table<'a>,
    /// Each item's [`Touching`].
    pub touching: Table<'a>,
    by_text: &'a [u8],
    views: &'a [u8],
    diagnostics: &'a [u8],
}

impl<'a> Body<'a> {
    /// Reads the body whose index is `index` over its data region, or `None` when the index
    /// does not decode or (read whole) a block of the region does not match its hash.
    pub fn read(index: &'a [u8], data: Data<'a>) -> Option<Body<'a>> {
        let i: Index<'a> = postcard::from_bytes(index).ok()?;
        let data = match data {
            Data::Whole(bytes) => {
                region::verify(bytes, i.blocks).then_some(Region::Bytes(bytes))?
            }
            Data::Lazy(lazy) => Region::Lazy(lazy, i.blocks),
        };
        Some(Body {
            files: i.files,
            whole_only: i.whole_only,
            sources: i.sources,
            ids: i.ids.over(data),
            items: i.items.over(data),
            relations: i.relations.over(data),
            touching: i.touching.over(data),
            by_text: i.by_text,
            views: i.views,
            diagnostics: i.diagnostics,
        })
    }

    /// The number of items (sources and claims).
    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// The text of id number `i`.
    pub fn id_text(&self, i: u32) -> Option<Cow<'a, str>> {
        match self.ids.get(i as usize)? {
            Cow::Borrowed(bytes) => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
            Cow::Owned(bytes) => String::from_utf8(bytes).ok().map(Cow::Owned),
        }
    }

    /// The record of item `i`.
    pub fn item(&self, i: u32) -> Option<Item<'a>> {
        Some(if i < self.sources {
            Item::Source(self.items.decode(i as usize)?)
        } else {
            Item::Claim(self.items.decode(i as usize)?)
        })
    }

    /// The number of the item whose id is `id`: a binary search of the items sorted by id.
    /// O(log items), each step one entry of the id table.
    pub fn find(&self, id: &str) -> Option<u32> {
        let (mut low, mut high) = (0, self.by_text.len() / 4);
        while low < high {
            let mid = low + (high - low) / 2;
            let i = u32_at(self.by_text, mid)?;
            match (*self.id_text(i)?).cmp(id) {
                Ordering::Less => low = mid + 1,
                Ordering::Greater => high = mid,
                Ordering::Equal => return Some(i),
            }
        }
        None
    }

    /// The claim files, numbered as the items' origins number them.
    pub fn files(&self) -> Files {
        let mut files = Files::default();
        for path in &self.files {
            files.push(path.to_path_buf());
        }
        files
    }

    /// The named views.
    pub fn views(&self) -> Option<Vec<View>> {
        let stored: Vec<ViewRec> = postcard::from_bytes(self.views).ok()?;
        stored.into_iter().map(ViewRec::into_view).collect()
    }

    /// The whole corpus and its diagnostics, or `None` when the stored data is inconsistent
    /// (an index out of range, an invalid id or date).
    pub fn into_loaded(self) -> Option<(Corpus, Vec<Diagnostic>)> {
        let ids = each(0..self.ids.len(), |i| {
            Id::new(&self.id_text(i as u32)?).ok()
        })?;
        let r = Reader {
            id: |i: u32| ids.get(i as usize).cloned(),
        };
        let sources = self.sources as usize;
        let sources = each(0..sources, |i| r.source(i as u32, self.items.decode(i)?))?;
        let claims = each(sources.len()..self.items.len(), |i| {
            r.claim(i as u32, self.items.decode(i)?)
        })?;
        let relations = each(0..self.relations.len(), |k| {
            r.relation(self.relations.decode(k)?)
        })?;
        let diagnostics: Vec<DiagnosticRec<'_>> = postcard::from_bytes(self.diagnostics).ok()?;
        let diagnostics = records::map_all(diagnostics, records::diagnostic)?;
        let corpus = Corpus {
            files: self.files(),
            sources,
            claims,
            relations,
            views: self.views()?,
        };
        Some((corpus, diagnostics))
    }
}

/// `read` of every number in `range`, or `None` at the first that fails, into a vector of
/// exactly the range's length (see [`records::map_all`]).
fn each<U>(
    range: std::ops::Range<usize>,
    mut read: impl FnMut(usize) -> Option<U>,
) -> Option<Vec<U>> {
    let mut out = Vec::with_capacity(range.len());
    for i in range {
        out.push(read(i)?);
    }
    Some(out)
}

/// What touches each item, gathered while the records are written.
struct Links {
    touching: Vec<Touching>,
    /// The number of the next item, and of the next relation.
    items: u32,
    relations: u32,
    /// Whether a reference named a number that is no item.
    dangling: bool,
}

impl Links {
    fn new(items: usize) -> Links {
        Links {
            touching: (0..items).map(|_| Touching::default()).collect(),
            items: 0,
            relations: 0,
            dangling: false,
        }
    }

    /// The next item, whose edge references are `targets`.
    fn item(&mut self, targets: &[u32]) {
        let from = self.items;
        self.items += 1;
        for &t in targets {
            match self.touching.get_mut(t as usize) {
                Some(t) if t.referrers.last() != Some(&from) => t.referrers.push(from),
                Some(_) => {}
                None => self.dangling = true,
            }
        }
    }

    /// The next relation, from item `from` to item `to`.
    fn relation(&mut self, from: u32, to: u32) {
        let k = self.relations;
        self.relations += 1;
        for end in [from, to] {
            match self.touching.get_mut(end as usize) {
                Some(t) if t.relations.last() != Some(&k) => t.relations.push(k),
                Some(_) => {}
                None => self.dangling = true,
            }
        }
    }
}

/// The item numbers sorted by id (little-endian `u32`s), and whether two items share an id.
fn by_text(ids: &[&str]) -> (Vec<u8>, bool) {
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.sort_unstable_by_key(|&i| ids[i as usize]);
    let shared = order
        .windows(2)
        .any(|w| ids[w[0] as usize] == ids[w[1] as usize]);
    (order.iter().flat_map(|i| i.to_le_bytes()).collect(), shared)
}

/// The tables as they are written.
struct Written {
    region: table::RegionBuf,
    region_len: usize,
    items: TableBuf,
    relations: TableBuf,
    touching: TableBuf,
    ids: TableBuf,
    dangling: bool,
}

/// Writes the tables of `corpus` into a region after `out`.
fn write_tables<'a>(corpus: &'a Corpus, n: &mut Numbering<'a>, out: Vec<u8>) -> Option<Written> {
    let mut region = table::RegionBuf::after(out);
    let mut links = Links::new(corpus.sources.len() + corpus.claims.len());
    let mut items = TableBuf::new(&region)?;
    for s in &corpus.sources {
        let rec = source_rec(s, n);
        links.item(&rec.edges());
        items.push(&mut region, &rec)?;
    }
    for c in &corpus.claims {
        let rec = claim_rec(c, n);
        links.item(&rec.edges());
        items.push(&mut region, &rec)?;
    }
    let mut relations = TableBuf::new(&region)?;
    for r in &corpus.relations {
        let rec = relation_rec(r, n);
        links.relation(rec.from, rec.to);
        relations.push(&mut region, &rec)?;
    }
    let mut touching = TableBuf::new(&region)?;
    for t in &links.touching {
        touching.push(&mut region, t)?;
    }
    // Last: the records numbered every id they refer to.
    let mut ids = TableBuf::new(&region)?;
    for id in &n.ids {
        ids.push_bytes(&mut region, id.as_bytes())?;
    }
    Some(Written {
        region_len: region.len()? as usize,
        region,
        items,
        relations,
        touching,
        ids,
        dangling: links.dangling,
    })
}

/// Appends the body of `corpus` and `diagnostics` to `out`: the data region, then `head` (the
/// snapshot's header and inputs, encoded), then the index. Returns the bytes and where the head
/// starts.
pub fn encode(
    corpus: &Corpus,
    diagnostics: &[Diagnostic],
    out: Vec<u8>,
    head: &[u8],
) -> Option<(Vec<u8>, usize)> {
    let items = corpus.sources.iter().map(|s| &s.id);
    let mut n = Numbering::new(items.chain(corpus.claims.iter().map(|c| &c.id)));
    let w = write_tables(corpus, &mut n, out)?;
    let item_count = corpus.sources.len() + corpus.claims.len();
    let (by_text, shared) = by_text(&n.ids[..item_count]);
    let views: Vec<ViewRec> = corpus.views.iter().map(ViewRec::new).collect();
    let diags: Vec<DiagnosticRec<'_>> = diagnostics.iter().map(diagnostic_rec).collect();
    let (views, diags) = (postcard::to_stdvec(&views), postcard::to_stdvec(&diags));
    let (views, diags) = (views.ok()?, diags.ok()?);
    let errors = diagnostics.iter().any(Diagnostic::is_error);
    let mut out = w.region.out;
    let head_at = out.len();
    let blocks = region::hashes(&out[out.len() - w.region_len..]);
    let index = Index {
        files: corpus.files.iter().map(|(_, p)| Cow::Borrowed(p)).collect(),
        whole_only: errors || w.dangling || shared,
        sources: u32::try_from(corpus.sources.len()).ok()?,
        ids: w.ids.ends(),
        items: w.items.ends(),
        relations: w.relations.ends(),
        touching: w.touching.ends(),
        by_text: &by_text,
        views: &views,
        diagnostics: &diags,
        blocks: &blocks,
    };
    out.extend_from_slice(head);
    out = postcard::to_extend(&index, out).ok()?;
    Some((out, head_at))
}

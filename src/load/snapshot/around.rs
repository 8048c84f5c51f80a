//! One item's neighbourhood read from the corpus cache, leaving the rest of it encoded: what
//! `show ID` needs, at a cost that does not grow with the corpus.
//!
//! The neighbourhood is the item, every item one edge away in the graph (what it names, what
//! names it, the other end of each relation from or to it), and those relations. It is an
//! ordinary [`Corpus`] in the same order as the whole one, so the graph built from it gives
//! the item the same edges, in the same order, as the whole graph does, and `show` prints the
//! same. The neighbours keep their own fields, but their edge references to items outside the
//! neighbourhood are dropped, so the graph can be built; no output about the item reads them.

use std::cell::RefCell;
use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use super::body::{Body, Touching};
use super::records::{Item, Reader, RelationRec};
use crate::model::{Corpus, Id};

/// The neighbourhood of the item `id` as a corpus, or `None` when the body may only be read
/// whole ([`Body::whole_only`]), no item has the id, or the records do not decode.
pub fn around(body: &Body<'_>, id: &str) -> Option<Corpus> {
    if body.whole_only {
        return None;
    }
    let x = body.find(id)?;
    let touching: Touching = body.touching.decode(x as usize)?;
    let relations = touching
        .relations
        .iter()
        .map(|&k| body.relations.decode::<RelationRec<'_>>(k as usize))
        .collect::<Option<Vec<_>>>()?;
    let mut kept: BTreeSet<u32> = touching.referrers.into_iter().collect();
    kept.insert(x);
    kept.extend(body.item(x)?.edges());
    kept.extend(relations.iter().flat_map(|r| [r.from, r.to]));
    if kept
        .last()
        .is_none_or(|&last| last as usize >= body.item_count())
    {
        return None;
    }
    let ids = Ids::new(body);
    let r = Reader {
        id: |i: u32| ids.get(i),
    };
    let mut corpus = Corpus {
        files: body.files(),
        views: body.views()?,
        ..Corpus::default()
    };
    // `kept` is in number order: sources, then claims, each in corpus order.
    for &i in &kept {
        let mut item = body.item(i)?;
        item.keep_edges(|n| kept.contains(&n));
        match item {
            Item::Source(s) => corpus.sources.push(r.source(i, s)?),
            Item::Claim(c) => corpus.claims.push(r.claim(i, c)?),
        }
    }
    for rel in relations {
        corpus.relations.push(r.relation(rel)?);
    }
    Some(corpus)
}

/// The ids read so far, one `Id` per number, cloned for every reference (the graph finds
/// references by the address of their id).
struct Ids<'b, 'a> {
    body: &'b Body<'a>,
    made: RefCell<HashMap<u32, Id>>,
}

impl<'b, 'a> Ids<'b, 'a> {
    fn new(body: &'b Body<'a>) -> Self {
        Ids {
            body,
            made: RefCell::default(),
        }
    }

    fn get(&self, i: u32) -> Option<Id> {
        if let Some(id) = self.made.borrow().get(&i) {
            return Some(id.clone());
        }
        let id = Id::new(&self.body.id_text(i)?).ok()?;
        self.made.borrow_mut().insert(i, id.clone());
        Some(id)
    }
}

//! The corpus cache: the resolved corpus and its load diagnostics, kept whole, so a command on
//! an unchanged corpus neither parses nor resolves.
//!
//! It sits beside the per-file parse cache (`cache.rs`), which still serves a partial change.
//! A snapshot lists every input file in load order with its [`Key`] (size, modification time,
//! xxh3 of the bytes) and is used only when the files found now are the same paths in the same
//! order and every file read now has the same key: an added, removed, renamed or edited file
//! (same size and timestamp included) makes it a miss. The head (format, build, inputs, index)
//! carries its own xxh3 and each block of the data region its own (`region.rs`), so a damaged
//! file is a miss too, as is one written by another build ([`super::cache::build_stamp`]).
//! Writes are atomic.
//!
//! The body is a set of tables whose entries are read one at a time (`body.rs`, `table.rs`):
//! a command on the whole corpus reads and decodes them all ([`Stored::load`]); `show ID`
//! reads only the blocks of the item's neighbourhood ([`Stored::around`], `around.rs`).
//!
//! Layout: the magic string, the data region, the head (postcard: [`Header`], the inputs,
//! the index), then the head's length and its xxh3 (little-endian `u64`s).

mod around;
mod body;
mod records;
mod region;
mod table;
mod views;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::cache::{Key, build_stamp};
use crate::load::Diagnostic;
use crate::model::Corpus;
use body::{Body, Data};
use region::{Lazy, Source, read_at};

/// Bumped whenever the stored shape changes.
const FORMAT: u32 = 4;
const MAGIC: &[u8] = b"claimgraph-corpus\n";

/// One input file of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    /// The path as discovered.
    pub path: PathBuf,
    /// Its content when the snapshot was made.
    pub key: Key,
}

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    build: String,
}

/// The snapshot file for the cache file `per_file` (same name, another extension).
pub fn file_for(per_file: &Path) -> PathBuf {
    per_file.with_extension("corpus.bin")
}

/// A snapshot opened and its head checked, its inputs decoded, its data region not read yet.
#[derive(Debug)]
pub struct Stored {
    /// What it was made from.
    pub inputs: Vec<Input>,
    head: Vec<u8>,
    index_at: usize,
    region: Lazy,
}

impl Stored {
    fn index(&self) -> &[u8] {
        self.head.get(self.index_at..).unwrap_or_default()
    }

    /// The corpus and diagnostics (the whole region read and checked), or `None` when they
    /// do not decode or a block is damaged.
    pub fn load(self) -> Option<(Corpus, Vec<Diagnostic>)> {
        let region = self.region.read_all()?;
        Body::read(self.index(), Data::Whole(&region))?.into_loaded()
    }

    /// The neighbourhood of the item `id` (see `around.rs`) and the number of items in the
    /// whole corpus, or `None` when the corpus has errors (which are printed from the whole
    /// load), no item has the id, or the blocks it needs are damaged or do not decode.
    pub fn around(&self, id: &str) -> Option<(Corpus, usize)> {
        let body = Body::read(self.index(), Data::Lazy(&self.region))?;
        Some((around::around(&body, id)?, body.item_count()))
    }
}

/// Whether `paths`, in load order, are the stored inputs, each with the same key now. Reads
/// and hashes every file (in parallel); stops at the first difference. An input that is now
/// not a regular file, or larger than `limit`, is a difference (and is never waited on).
pub fn is_current(stored: &Stored, paths: &[&PathBuf], limit: u64) -> bool {
    stored.inputs.len() == paths.len()
        && stored.inputs.iter().zip(paths).all(|(i, p)| i.path == **p)
        && stored
            .inputs
            .par_iter()
            .all(|i| Key::read(&i.path, limit).is_ok_and(|key| key == i.key))
}

/// Opens the snapshot in `file` and reads its head: `None` when it is missing, damaged, from
/// another build, or not a regular file of a sane size.
pub fn open(file: &Path) -> Option<Stored> {
    let (file, meta) = crate::fsutil::open_regular(file, super::cache::MAX_CACHE_SIZE).ok()?;
    open_from(Box::new(file), meta.len())
}

/// Reads the head of the snapshot of `size` bytes in `source`.
fn open_from(mut source: Box<dyn Source>, size: u64) -> Option<Stored> {
    if read_at(&mut *source, 0, MAGIC.len())? != MAGIC {
        return None;
    }
    let trailer_at = size.checked_sub(16)?;
    let trailer = read_at(&mut *source, trailer_at, 16)?;
    let (len, hash) = trailer.split_first_chunk::<8>()?;
    let head_at = trailer_at.checked_sub(u64::from_le_bytes(*len))?;
    let region_len = usize::try_from(head_at.checked_sub(MAGIC.len() as u64)?).ok()?;
    let head = read_at(
        &mut *source,
        head_at,
        usize::try_from(u64::from_le_bytes(*len)).ok()?,
    )?;
    if xxhash_rust::xxh3::xxh3_64(&head).to_le_bytes() != hash {
        return None;
    }
    let (header, after): (Header, _) = postcard::take_from_bytes(&head).ok()?;
    if header.format != FORMAT || header.build != build_stamp() {
        return None;
    }
    let (inputs, after): (Vec<Input>, _) = postcard::take_from_bytes(after).ok()?;
    let index_at = head.len() - after.len();
    Some(Stored {
        inputs,
        head,
        index_at,
        region: Lazy::new(source, MAGIC.len() as u64, region_len),
    })
}

/// Encodes a snapshot of `corpus` and `diagnostics`, loaded from `inputs`.
pub fn encode(inputs: &[Input], corpus: &Corpus, diagnostics: &[Diagnostic]) -> Option<Vec<u8>> {
    let header = Header {
        format: FORMAT,
        build: build_stamp(),
    };
    let mut head = postcard::to_stdvec(&header).ok()?;
    head = postcard::to_extend(inputs, head).ok()?;
    let (mut out, head_at) = body::encode(corpus, diagnostics, MAGIC.to_vec(), &head)?;
    let head_len = (out.len() - head_at) as u64;
    let hash = xxhash_rust::xxh3::xxh3_64(&out[head_at..]);
    out.extend_from_slice(&head_len.to_le_bytes());
    out.extend_from_slice(&hash.to_le_bytes());
    Some(out)
}

/// Writes a snapshot atomically. A failure only costs speed next time, so it is ignored.
pub fn write(file: &Path, inputs: &[Input], corpus: &Corpus, diagnostics: &[Diagnostic]) {
    if let Some(bytes) = encode(inputs, corpus, diagnostics) {
        crate::fsutil::write_cache_file(file, &bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "sources:\n  - id: x\n    name: X\n    kind: person\n    date: 2025-01\n    part_of: y\n  - id: y\n    name: Y\n    archive: y.txt\n    sha256: 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n    retrieved: 2025-02-03\nclaims:\n  - id: a\n    text: A.\n    by: x\n    sources: [x, {source: y, quote: q, locator: l}]\n    date: 2025\n    tags: [t]\n    confidence: 0.25\n    verdict: {rating: misleading, by: y, date: 2025-06-01, note: n, evidence: [b, x]}\n    supports: [b]\n    contradicts: [b]\n  - id: b\n    text: B.\n    verdict:\n      - {rating: true, date: 2025-01}\n      - {rating: outdated, by: y, date: 2025-05-13, evidence: [a]}\nrelations:\n  - {from: b, to: a, kind: contradicts, strength: 0.5, note: why, sources: [y], date: 2025-03}\n";

    fn inputs() -> Vec<Input> {
        vec![Input {
            path: PathBuf::from("a.yaml"),
            key: Key {
                size: 1,
                mtime_ns: 2,
                hash: 3,
            },
        }]
    }

    /// Opens a snapshot held in memory.
    fn decode(bytes: Vec<u8>) -> Option<Stored> {
        let len = bytes.len() as u64;
        open_from(Box::new(std::io::Cursor::new(bytes)), len)
    }

    fn loaded() -> crate::load::Loaded {
        crate::load::load_text(Path::new("a.yaml"), YAML)
    }

    #[test]
    fn a_corpus_and_its_diagnostics_survive_the_round_trip() {
        let before = loaded();
        assert_eq!(before.corpus.claims.len(), 2);
        assert_eq!(before.corpus.claims[1].history.len(), 1);
        assert!(before.corpus.sources[1].archive.is_some());
        assert!(before.corpus.relations.iter().any(|r| r.date.is_some()));
        assert_eq!(before.diagnostics.len(), 2, "{:?}", before.diagnostics);
        let bytes = encode(&inputs(), &before.corpus, &before.diagnostics).unwrap();
        let stored = decode(bytes).unwrap();
        assert_eq!(stored.inputs, inputs());
        let (corpus, diagnostics) = stored.load().unwrap();
        assert_eq!(corpus, before.corpus);
        assert_eq!(diagnostics, before.diagnostics);
    }

    #[test]
    fn ids_read_back_are_shared_like_resolved_ones() {
        let before = loaded();
        let bytes = encode(&inputs(), &before.corpus, &before.diagnostics).unwrap();
        let (corpus, _) = decode(bytes).unwrap().load().unwrap();
        let b = &corpus.claims[1].id;
        let to_b = &corpus.relations[0].to;
        assert_eq!((b.as_str(), to_b.as_str()), ("b", "b"));
        assert_eq!(b.addr(), to_b.addr());
    }

    #[test]
    fn the_neighbourhood_of_an_item_is_read_alone() {
        let before = loaded();
        let bytes = encode(&inputs(), &before.corpus, &before.diagnostics).unwrap();
        let stored = decode(bytes).unwrap();
        // The corpus has warnings, no errors. `x` is part of `y` and `a`'s speaker.
        let (corpus, all) = stored.around("x").unwrap();
        assert_eq!(all, 4);
        let ids: Vec<&str> = corpus.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!((ids, corpus.claims.len()), (vec!["x", "y"], 1));
        assert_eq!(corpus.sources[0], before.corpus.sources[0]);
        assert!(stored.around("z").is_none(), "no such item");
        let (corpus, _) = stored.around("b").unwrap();
        assert_eq!(corpus.relations, before.corpus.relations);
        assert_eq!(corpus.claims[1], before.corpus.claims[1]);
    }

    /// Where the head of `bytes` starts.
    fn head_at(bytes: &[u8]) -> usize {
        let len = u64::from_le_bytes(bytes[bytes.len() - 16..][..8].try_into().unwrap());
        bytes.len() - 16 - len as usize
    }

    /// `bytes` with the head's hash made to match the head.
    fn rehash_head(mut bytes: Vec<u8>) -> Vec<u8> {
        let (at, end) = (head_at(&bytes), bytes.len() - 8);
        let hash = xxhash_rust::xxh3::xxh3_64(&bytes[at..bytes.len() - 16]);
        bytes[end..].copy_from_slice(&hash.to_le_bytes());
        bytes
    }

    /// The snapshot with the byte at `at` changed and every hash made to match: as if written
    /// wrongly by this build, which no hash can tell.
    fn rehashed(bytes: &[u8], at: usize) -> Vec<u8> {
        let mut changed = bytes.to_vec();
        changed[at] ^= 0xff;
        let head = head_at(bytes);
        if (MAGIC.len()..head).contains(&at) {
            // The block's hash, found in the head by its value, made that of the changed block.
            let block = (at - MAGIC.len()) / region::BLOCK * region::BLOCK + MAGIC.len();
            let end = (block + region::BLOCK).min(head);
            let (old, new) = (
                region::hashes(&bytes[block..end]),
                region::hashes(&changed[block..end]),
            );
            let place = changed[head..].windows(8).position(|w| w == old).unwrap() + head;
            changed[place..place + 8].copy_from_slice(&new);
        }
        if at < bytes.len() - 16 {
            changed = rehash_head(changed);
        }
        changed
    }

    #[test]
    fn inconsistent_bytes_with_good_hashes_never_panic() {
        let before = loaded();
        let bytes = encode(&inputs(), &before.corpus, &before.diagnostics).unwrap();
        let (mut refused, mut read) = (0, 0);
        for at in MAGIC.len()..bytes.len() {
            let Some(stored) = decode(rehashed(&bytes, at)) else {
                refused += 1;
                continue;
            };
            for id in ["a", "b", "x", "y"] {
                refused += usize::from(stored.around(id).is_none());
            }
            read += usize::from(stored.load().is_some());
        }
        // Some changes are refused (an index out of range), some read as another corpus (a
        // changed letter in a text): both without a panic.
        assert!(refused > 0 && read > 0, "{refused} refused, {read} read");
    }

    #[test]
    fn damaged_or_foreign_bytes_are_refused() {
        let before = loaded();
        let bytes = encode(&inputs(), &before.corpus, &before.diagnostics).unwrap();
        let refused = |bytes: Vec<u8>| {
            decode(bytes).is_none_or(|stored| {
                ["a", "b", "x", "y"]
                    .iter()
                    .all(|id| stored.around(id).is_none())
                    && stored.load().is_none()
            })
        };
        // The head's hash, its length, a byte of the index, of the data region (at its start
        // and in its middle) and the magic string.
        let head = head_at(&bytes);
        let places = [
            bytes.len() - 1,
            bytes.len() - 9,
            bytes.len() - 20,
            MAGIC.len(),
            head / 2,
            0,
        ];
        for at in places {
            let mut flipped = bytes.clone();
            flipped[at] ^= 1;
            assert!(refused(flipped), "one bit changed at {at}");
        }
        assert!(refused(bytes[..bytes.len() - 1].to_vec()), "truncated");
        assert!(refused(bytes[1..].to_vec()), "cut at the start");
        assert!(decode(b"garbage".to_vec()).is_none(), "no magic");
        let version = build_stamp();
        let at = bytes
            .windows(version.len())
            .position(|w| w == version.as_bytes())
            .unwrap();
        let mut other = bytes.clone();
        other[at] = b'9';
        assert!(decode(rehash_head(other)).is_none(), "another build");
    }
}

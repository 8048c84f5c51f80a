//! The corpus cache: the resolved corpus and its load diagnostics, kept whole, so a command on
//! an unchanged corpus neither parses nor resolves.
//!
//! It sits beside the per-file parse cache (`cache.rs`), which still serves a partial change.
//! A snapshot lists every input file in load order with its [`Key`] (size, modification time,
//! xxh3 of the bytes) and is used only when the files found now are the same paths in the same
//! order and every file read now has the same key: an added, removed, renamed or edited file
//! (same size and timestamp included) makes it a miss. The bytes after the magic string carry
//! their own xxh3, so a damaged file is a miss too, as is one written by another build
//! ([`super::cache::build_stamp`]). Writes are atomic.
//!
//! The body is a set of tables whose entries are read one at a time (`body.rs`, `table.rs`):
//! a command on the whole corpus decodes them all ([`Stored::load`]); `show ID` decodes only
//! the item's neighbourhood ([`Stored::around`], `around.rs`).

mod around;
mod body;
mod records;
mod table;
mod views;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::cache::{Key, build_stamp};
use crate::load::Diagnostic;
use crate::model::Corpus;
use body::Body;

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

/// A snapshot read from disk and checked, its inputs decoded and its body not yet.
#[derive(Debug)]
pub struct Stored {
    /// What it was made from.
    pub inputs: Vec<Input>,
    bytes: Vec<u8>,
    body_at: usize,
}

impl Stored {
    fn body(&self) -> Option<Body<'_>> {
        Body::read(self.bytes.get(self.body_at..)?)
    }

    /// The corpus and diagnostics, or `None` when they do not decode.
    pub fn load(self) -> Option<(Corpus, Vec<Diagnostic>)> {
        self.body()?.into_loaded()
    }

    /// The neighbourhood of the item `id` (see `around.rs`) and the number of items in the
    /// whole corpus, or `None` when the corpus has errors (which are printed from the whole
    /// load), no item has the id, or the records do not decode.
    pub fn around(&self, id: &str) -> Option<(Corpus, usize)> {
        let body = self.body()?;
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

/// Reads the snapshot in `file`: `None` when it is missing, damaged, from another build, or
/// not a regular file of a sane size.
pub fn open(file: &Path) -> Option<Stored> {
    decode(super::cache::read_bytes(file)?)
}

fn decode(bytes: Vec<u8>) -> Option<Stored> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (hash, payload) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*hash) != xxhash_rust::xxh3::xxh3_64(payload) {
        return None;
    }
    let (header, after): (Header, _) = postcard::take_from_bytes(payload).ok()?;
    if header.format != FORMAT || header.build != build_stamp() {
        return None;
    }
    let (inputs, after): (Vec<Input>, _) = postcard::take_from_bytes(after).ok()?;
    let body_at = bytes.len() - after.len();
    Some(Stored {
        inputs,
        bytes,
        body_at,
    })
}

/// Encodes a snapshot of `corpus` and `diagnostics`, loaded from `inputs`.
pub fn encode(inputs: &[Input], corpus: &Corpus, diagnostics: &[Diagnostic]) -> Option<Vec<u8>> {
    let header = Header {
        format: FORMAT,
        build: build_stamp(),
    };
    // The hash goes before the payload; its place is kept and filled in at the end.
    let start = MAGIC.len() + 8;
    let mut out = [MAGIC, &[0; 8]].concat();
    out = postcard::to_extend(&header, out).ok()?;
    out = postcard::to_extend(inputs, out).ok()?;
    out = body::encode(corpus, diagnostics, out)?;
    let hash = xxhash_rust::xxh3::xxh3_64(&out[start..]);
    out[MAGIC.len()..start].copy_from_slice(&hash.to_le_bytes());
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
        // `b` has a warning, no error: it is read around. `x` names `y`; nothing else does.
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

    /// The snapshot with one byte changed after its magic string and the hash made to match:
    /// as if written wrongly by this build, which the hash cannot tell.
    fn rehashed(bytes: &[u8], at: usize) -> Vec<u8> {
        let mut changed = bytes.to_vec();
        changed[at] ^= 0xff;
        let start = MAGIC.len() + 8;
        let hash = xxhash_rust::xxh3::xxh3_64(&changed[start..]);
        changed[MAGIC.len()..start].copy_from_slice(&hash.to_le_bytes());
        changed
    }

    #[test]
    fn inconsistent_bytes_with_a_good_hash_never_panic() {
        let before = loaded();
        let bytes = encode(&inputs(), &before.corpus, &before.diagnostics).unwrap();
        let mut refused = 0;
        for at in MAGIC.len() + 8..bytes.len() {
            let Some(stored) = decode(rehashed(&bytes, at)) else {
                refused += 1;
                continue;
            };
            for id in ["a", "b", "x", "y"] {
                refused += usize::from(stored.around(id).is_none());
            }
            refused += usize::from(stored.load().is_none());
        }
        assert!(refused > 0);
    }

    #[test]
    fn damaged_or_foreign_bytes_are_refused() {
        let before = loaded();
        let bytes = encode(&inputs(), &before.corpus, &before.diagnostics).unwrap();
        // The last byte (the data region's length), one in the index before it, one in the
        // data region (the middle), one in the inputs.
        for at in [
            bytes.len() - 1,
            bytes.len() - 20,
            bytes.len() / 2,
            MAGIC.len() + 12,
        ] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 1;
            assert!(decode(flipped).is_none(), "one bit changed at {at}");
        }
        assert!(
            decode(bytes[..bytes.len() - 1].to_vec()).is_none(),
            "truncated"
        );
        assert!(decode(b"garbage".to_vec()).is_none(), "no magic");
        let header = Header {
            format: FORMAT,
            build: "0.0.0-other".into(),
        };
        let mut payload = postcard::to_stdvec(&header).unwrap();
        payload = postcard::to_extend(&inputs(), payload).unwrap();
        let hash = xxhash_rust::xxh3::xxh3_64(&payload);
        let other = [MAGIC, &hash.to_le_bytes(), &payload].concat();
        assert!(decode(other).is_none(), "another build");
    }
}

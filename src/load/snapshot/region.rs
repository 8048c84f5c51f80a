//! Where the snapshot's data region is read from: whole, for a command on the whole corpus, or
//! block by block from the open file, for `show ID`, which needs a few dozen entries of it.
//!
//! Each block of [`BLOCK`] bytes has its own xxh3 in the index, so a damaged block is refused
//! either way: all of them are checked when the region is read whole, each one when it is read
//! alone. Reading only the blocks a neighbourhood lies in is what keeps `show ID` from reading
//! (and faulting into memory) the whole 36 MB snapshot of 100,000 claims.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

/// The size of a hashed block.
pub const BLOCK: usize = 16 << 10;

fn hash(block: &[u8]) -> [u8; 8] {
    xxhash_rust::xxh3::xxh3_64(block).to_le_bytes()
}

/// The hash of every block of `region`, one after another.
pub fn hashes(region: &[u8]) -> Vec<u8> {
    region.chunks(BLOCK).flat_map(hash).collect()
}

/// Whether `hashes` holds the hash of every block of `region`, and no more.
pub fn verify(region: &[u8], hashes: &[u8]) -> bool {
    hashes.len() == region.len().div_ceil(BLOCK) * 8
        && region
            .chunks(BLOCK)
            .zip(hashes.chunks(8))
            .all(|(block, stored)| hash(block) == stored)
}

/// Something the snapshot can be read from: its file, or bytes in memory (in tests).
pub trait Source: Read + Seek + fmt::Debug {}

impl<T: Read + Seek + fmt::Debug> Source for T {}

/// Reads `len` bytes at `at` (into a buffer that is not zeroed first: the whole region of a
/// large corpus is tens of megabytes).
pub fn read_at(source: &mut dyn Source, at: u64, len: usize) -> Option<Vec<u8>> {
    source.seek(SeekFrom::Start(at)).ok()?;
    let mut bytes = Vec::with_capacity(len);
    source.take(len as u64).read_to_end(&mut bytes).ok()?;
    (bytes.len() == len).then_some(bytes)
}

/// The region of an open snapshot, read block by block as entries are asked for.
#[derive(Debug)]
pub struct Lazy {
    source: RefCell<Box<dyn Source>>,
    /// Where the region starts in the source, and its length.
    start: u64,
    len: usize,
    /// The blocks read and checked so far.
    blocks: RefCell<HashMap<usize, Box<[u8]>>>,
}

impl Lazy {
    /// The region of `len` bytes at `start` in `source`.
    pub fn new(source: Box<dyn Source>, start: u64, len: usize) -> Lazy {
        Lazy {
            source: RefCell::new(source),
            start,
            len,
            blocks: RefCell::default(),
        }
    }

    /// The whole region, as it is in the source (not checked here).
    pub fn read_all(&self) -> Option<Vec<u8>> {
        read_at(&mut **self.source.borrow_mut(), self.start, self.len)
    }

    /// Copies the bytes `range` of block `b` to `out`, reading and checking the block first
    /// if it was not read yet.
    fn copy(&self, b: usize, range: Range<usize>, hashes: &[u8], out: &mut Vec<u8>) -> Option<()> {
        if let Some(block) = self.blocks.borrow().get(&b) {
            out.extend_from_slice(block.get(range)?);
            return Some(());
        }
        let at = b.checked_mul(BLOCK)?;
        let len = BLOCK.min(self.len.checked_sub(at)?);
        let offset = self.start.checked_add(u64::try_from(at).ok()?)?;
        let block = read_at(&mut **self.source.borrow_mut(), offset, len)?;
        let stored = hashes.get(b.checked_mul(8)?..b.checked_mul(8)? + 8)?;
        if hash(&block) != stored {
            return None;
        }
        out.extend_from_slice(block.get(range)?);
        self.blocks.borrow_mut().insert(b, block.into_boxed_slice());
        Some(())
    }

    /// The bytes `range` of the region, from the blocks they lie in.
    fn get(&self, range: Range<usize>, hashes: &[u8]) -> Option<Vec<u8>> {
        if range.start > range.end || range.end > self.len {
            return None;
        }
        let mut out = Vec::with_capacity(range.len());
        let mut at = range.start;
        while at < range.end {
            let (b, within) = (at / BLOCK, at % BLOCK);
            let take = (BLOCK - within).min(range.end - at);
            self.copy(b, within..within + take, hashes, &mut out)?;
            at += take;
        }
        Some(out)
    }
}

/// The data region as the tables read it.
#[derive(Debug, Clone, Copy)]
pub enum Region<'a> {
    /// All of it in memory, every block checked.
    Bytes(&'a [u8]),
    /// Read block by block, with the blocks' hashes.
    Lazy(&'a Lazy, &'a [u8]),
}

impl<'a> Region<'a> {
    /// The bytes `range`, or `None` when they are out of bounds or their blocks are damaged.
    #[inline]
    pub fn get(&self, range: Range<usize>) -> Option<Cow<'a, [u8]>> {
        match *self {
            Region::Bytes(bytes) => bytes.get(range).map(Cow::Borrowed),
            Region::Lazy(lazy, hashes) => lazy.get(range, hashes).map(Cow::Owned),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region() -> Vec<u8> {
        (0..BLOCK * 2 + 100).map(|i| (i % 251) as u8).collect()
    }

    #[test]
    fn bytes_across_blocks_read_as_in_memory() {
        let bytes = region();
        let hashes = hashes(&bytes);
        assert!(verify(&bytes, &hashes));
        let mut source = b"head".to_vec();
        source.extend_from_slice(&bytes);
        let lazy = Lazy::new(Box::new(std::io::Cursor::new(source)), 4, bytes.len());
        let read = Region::Lazy(&lazy, &hashes);
        for range in [0..10, BLOCK - 3..BLOCK + 3, 5..BLOCK * 2 + 100, 7..7] {
            assert_eq!(read.get(range.clone()).unwrap(), &bytes[range]);
        }
        assert!(read.get(0..bytes.len() + 1).is_none());
        assert_eq!(lazy.read_all().unwrap(), bytes);
    }

    #[test]
    fn a_damaged_block_is_refused_and_the_others_read() {
        let bytes = region();
        let hashes = hashes(&bytes);
        let mut damaged = bytes.clone();
        damaged[BLOCK + 1] ^= 1;
        assert!(!verify(&damaged, &hashes));
        assert!(!verify(&bytes, &hashes[8..]), "a hash missing");
        let lazy = Lazy::new(Box::new(std::io::Cursor::new(damaged)), 0, bytes.len());
        let read = Region::Lazy(&lazy, &hashes);
        assert!(read.get(BLOCK..BLOCK + 2).is_none());
        assert!(read.get(BLOCK - 1..BLOCK + 1).is_none());
        assert_eq!(read.get(0..5).unwrap(), &bytes[0..5]);
        assert_eq!(
            read.get(BLOCK * 2..BLOCK * 2 + 1).unwrap(),
            &bytes[BLOCK * 2..][..1]
        );
    }
}

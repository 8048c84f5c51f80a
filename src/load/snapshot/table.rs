//! Lists of byte strings any one of which can be read without reading the others: their
//! bytes one after another in the snapshot's data region, and beside them the offset where the
//! first starts and where each ends (little-endian `u32`s).
//!
//! The corpus cache keeps its ids and every item, relation and neighbour list this way, so a
//! query about one id decodes a few records of a 30 MB snapshot instead of all of them. The
//! entries are written straight into the snapshot's buffer, so writing needs no second copy of
//! it. A table read back is checked lazily: [`Table::get`] returns `None` for an entry whose
//! offsets are out of order or past the end; it never panics.

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize, Serializer};

use super::region::Region;

/// Where a table's entries lie in the data region, as stored.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Ends<'a> {
    start: u32,
    #[serde(borrow, serialize_with = "bytes")]
    ends: &'a [u8],
}

/// A table read back: its [`Ends`] over the data region.
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    start: u32,
    ends: &'a [u8],
    data: Region<'a>,
}

/// Writes a byte slice as bytes (postcard: the length, then the bytes as they are), so it is
/// read back borrowed rather than element by element.
pub fn bytes<S: Serializer>(value: &&[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bytes(value)
}

/// The little-endian `u32` at position `i` of `bytes`.
#[inline]
pub fn u32_at(bytes: &[u8], i: usize) -> Option<u32> {
    let at = i.checked_mul(4)?;
    let chunk = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(chunk.try_into().ok()?))
}

impl<'a> Ends<'a> {
    /// The table these ends describe in `data`.
    pub fn over(&self, data: Region<'a>) -> Table<'a> {
        Table {
            start: self.start,
            ends: self.ends,
            data,
        }
    }
}

impl<'a> Table<'a> {
    /// The number of entries.
    pub fn len(&self) -> usize {
        self.ends.len() / 4
    }

    /// Entry `i`, or `None` when there is none or the stored offsets are inconsistent.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Cow<'a, [u8]>> {
        let start = match i {
            0 => self.start,
            i => u32_at(self.ends, i - 1)?,
        };
        let end = u32_at(self.ends, i)?;
        self.data.get(start as usize..end as usize)
    }

    /// Entry `i` decoded with postcard.
    #[inline]
    pub fn decode<T: DeserializeOwned>(&self, i: usize) -> Option<T> {
        postcard::from_bytes(&self.get(i)?).ok()
    }
}

/// The data region being written: the snapshot's buffer, whose bytes from `base` on are the
/// region.
#[derive(Debug)]
pub struct RegionBuf {
    /// The whole buffer.
    pub out: Vec<u8>,
    base: usize,
}

impl RegionBuf {
    /// A region that starts at the end of `out`.
    pub fn after(out: Vec<u8>) -> RegionBuf {
        let base = out.len();
        RegionBuf { out, base }
    }

    /// The region's length so far; `None` past 4 GiB, which offsets cannot address.
    pub fn len(&self) -> Option<u32> {
        u32::try_from(self.out.len() - self.base).ok()
    }
}

/// A table being written into a [`RegionBuf`].
#[derive(Debug)]
pub struct TableBuf {
    start: u32,
    ends: Vec<u8>,
}

impl TableBuf {
    /// A table whose entries start at the end of `region`.
    pub fn new(region: &RegionBuf) -> Option<TableBuf> {
        Some(TableBuf {
            start: region.len()?,
            ends: Vec::new(),
        })
    }

    /// Ends the entry written into `region` since the last one.
    fn end_entry(&mut self, region: &RegionBuf) -> Option<()> {
        self.ends.extend_from_slice(&region.len()?.to_le_bytes());
        Some(())
    }

    /// Adds an entry of raw bytes.
    pub fn push_bytes(&mut self, region: &mut RegionBuf, bytes: &[u8]) -> Option<()> {
        region.out.extend_from_slice(bytes);
        self.end_entry(region)
    }

    /// Adds `value`, encoded with postcard.
    pub fn push<T: Serialize>(&mut self, region: &mut RegionBuf, value: &T) -> Option<()> {
        region.out = postcard::to_extend(value, std::mem::take(&mut region.out)).ok()?;
        self.end_entry(region)
    }

    /// Where the entries lie, to be stored.
    pub fn ends(&self) -> Ends<'_> {
        Ends {
            start: self.start,
            ends: &self.ends,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_back_one_by_one() {
        let mut region = RegionBuf::after(b"head".to_vec());
        let mut first = TableBuf::new(&region).unwrap();
        first.push_bytes(&mut region, b"ab").unwrap();
        let mut second = TableBuf::new(&region).unwrap();
        second.push_bytes(&mut region, b"").unwrap();
        second.push(&mut region, &(7u32, "c")).unwrap();
        let stored = postcard::to_stdvec(&second.ends()).unwrap();
        let ends: Ends<'_> = postcard::from_bytes(&stored).unwrap();
        let data = Region::Bytes(&region.out[4..]);
        let table = ends.over(data);
        assert_eq!(table.len(), 2);
        assert_eq!(table.get(0).as_deref(), Some(&b""[..]));
        assert_eq!(table.decode::<(u32, String)>(1), Some((7, "c".into())));
        assert_eq!(table.get(2), None);
        assert_eq!(first.ends().over(data).get(0).as_deref(), Some(&b"ab"[..]));
    }

    #[test]
    fn inconsistent_offsets_read_as_nothing() {
        let ends: Vec<u8> = [5u32, 2, 9].iter().flat_map(|e| e.to_le_bytes()).collect();
        let table = Ends {
            start: 0,
            ends: &ends,
        }
        .over(Region::Bytes(b"abcdef"));
        assert_eq!(table.get(0).as_deref(), Some(&b"abcde"[..]));
        assert_eq!(table.get(1), None, "an end before its start");
        assert_eq!(table.get(2), None, "an end past the data");
        let torn = Ends {
            start: 0,
            ends: &ends[..3],
        }
        .over(Region::Bytes(b"abc"));
        assert_eq!(torn.len(), 0);
        assert_eq!(torn.get(0), None);
    }
}

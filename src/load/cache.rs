//! The load cache: parsed claim files kept on disk, so a second command on an unchanged corpus
//! does not parse its YAML again.
//!
//! One cache file per set of roots (named by a hash of their canonical paths) holds one entry
//! per claim file: its path, size, modification time (nanoseconds), an xxh3 hash of its bytes,
//! and the parsed [`RawFile`]. An entry is used only when all four match the file as read now;
//! the hash alone catches an edit that keeps size and timestamp. Only files that parsed without
//! any diagnostic are stored (broken files are parsed every time, so their messages are exact).
//!
//! The file starts with a magic string, a format number and the build's stamp (the crate
//! version, and the size and modification time of the running executable, so a rebuild during
//! development counts as another version); a cache written by another build, or one that fails
//! to decode, is ignored and rewritten. Writes are atomic.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::file::RawFile;
use crate::fsutil::ReadError;

/// Bumped whenever the stored shape changes.
const FORMAT: u32 = 4;
const MAGIC: &[u8] = b"claimgraph-cache\n";

/// What identifies one version of a file's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    /// Length in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when unknown).
    pub mtime_ns: u128,
    /// xxh3 of the bytes.
    pub hash: u64,
}

impl Key {
    /// The key of `bytes` just read from a file with `meta`.
    pub fn of(bytes: &[u8], meta: &std::fs::Metadata) -> Key {
        Key::hashed(meta, xxhash_rust::xxh3::xxh3_64(bytes))
    }

    /// The key of a file with `meta` whose bytes hash (xxh3) to `hash`: for a file hashed as
    /// it was read in pieces.
    pub fn hashed(meta: &std::fs::Metadata, hash: u64) -> Key {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Key {
            size: meta.len(),
            mtime_ns,
            hash,
        }
    }

    /// The key of the file at `path` as it is now, read in small pieces (nothing is kept);
    /// an error unless it is a regular file of at most `limit` bytes.
    pub fn read(path: &Path, limit: u64) -> Result<Key, ReadError> {
        let (mut file, meta) = crate::fsutil::open_regular(path, limit)?;
        Ok(Key::of_reader(&mut file, &meta)?)
    }

    /// The key of what `reader` holds, read in small pieces, for a file with `meta`.
    ///
    /// # Errors
    /// When reading fails.
    pub fn of_reader(
        mut reader: impl std::io::Read,
        meta: &std::fs::Metadata,
    ) -> std::io::Result<Key> {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut buf = [0u8; 64 * 1024];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => hasher.update(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(Key::hashed(meta, hasher.digest()))
    }
}

/// One cached file.
#[derive(Debug, Serialize, Deserialize)]
pub struct Entry {
    /// The path as discovered.
    pub path: PathBuf,
    /// The content it was parsed from.
    pub key: Key,
    /// The parse result: one part, or a large JSON Lines file's parts in order.
    pub raw: Vec<RawFile>,
}

/// A borrowed entry, for writing without copying the parsed files.
#[derive(Debug)]
pub struct EntryRef<'a> {
    /// The path as discovered.
    pub path: &'a Path,
    /// The content it was parsed from.
    pub key: Key,
    /// The parse result's parts, each already encoded (postcard, as [`Entry::raw`] is
    /// stored).
    pub raw: Vec<&'a [u8]>,
}

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    version: String,
}

/// What identifies the build that writes a cache: the crate version, then the size and
/// modification time of the running executable (when known).
pub fn build_stamp() -> String {
    let exe = std::env::current_exe().and_then(std::fs::metadata).ok();
    let (size, mtime_ns) = exe.map_or((0, 0), |m| {
        let mtime = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok());
        (m.len(), mtime.map_or(0, |d| d.as_nanos()))
    });
    format!("{}+{size}.{mtime_ns}", env!("CARGO_PKG_VERSION"))
}

/// The cache file for `roots` under `dir`.
pub fn file_for<P: AsRef<Path>>(dir: &Path, roots: &[P]) -> PathBuf {
    let mut text = String::new();
    for root in roots {
        let root = root.as_ref();
        let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        text.push_str(&canonical.to_string_lossy());
        text.push('\0');
    }
    dir.join(format!(
        "{:016x}.bin",
        xxhash_rust::xxh3::xxh3_64(text.as_bytes())
    ))
}

/// The default cache directory: `$CLAIMGRAPH_CACHE_DIR`, else `$XDG_CACHE_HOME/claimgraph`,
/// else `~/.cache/claimgraph`, else one under the system's temporary directory.
pub fn default_dir() -> PathBuf {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = var("CLAIMGRAPH_CACHE_DIR") {
        return PathBuf::from(dir);
    }
    if let Some(dir) = var("XDG_CACHE_HOME") {
        return PathBuf::from(dir).join("claimgraph");
    }
    if let Some(home) = var("HOME") {
        return PathBuf::from(home).join(".cache").join("claimgraph");
    }
    std::env::temp_dir().join("claimgraph-cache")
}

/// The largest cache file read (the per-file cache or a snapshot); anything larger, or
/// anything but a regular file, is a miss. A million claims make a cache of a few hundred MB.
pub const MAX_CACHE_SIZE: u64 = 4 << 30;

/// Reads a cache file's bytes, if it is a regular file of a sane size.
pub fn read_bytes(file: &Path) -> Option<Vec<u8>> {
    crate::fsutil::read_regular(file, MAX_CACHE_SIZE)
        .ok()
        .map(|(_, bytes)| bytes)
}

/// Reads the cache file: its entries by path, or none when it is missing, corrupt, from
/// another version, or not a regular file of a sane size.
pub fn read(file: &Path) -> HashMap<PathBuf, Entry> {
    let Some(bytes) = read_bytes(file) else {
        return HashMap::new();
    };
    decode(&bytes).unwrap_or_default()
}

fn decode(bytes: &[u8]) -> Option<HashMap<PathBuf, Entry>> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (header, rest): (Header, _) = postcard::take_from_bytes(rest).ok()?;
    if header.format != FORMAT || header.version != build_stamp() {
        return None;
    }
    let entries: Vec<Entry> = postcard::from_bytes(rest).ok()?;
    Some(entries.into_iter().map(|e| (e.path.clone(), e)).collect())
}

/// Encodes entries in the cache's format.
pub fn encode(entries: &[EntryRef<'_>]) -> Option<Vec<u8>> {
    let mut out = MAGIC.to_vec();
    let header = Header {
        format: FORMAT,
        version: build_stamp(),
    };
    out = postcard::to_extend(&header, out).ok()?;
    // What postcard writes for a `Vec<Entry>`: the length, then each entry's fields in order,
    // its file's parts copied as they were encoded.
    out = postcard::to_extend(&entries.len(), out).ok()?;
    for entry in entries {
        out = postcard::to_extend(&(entry.path, entry.key, entry.raw.len()), out).ok()?;
        for part in &entry.raw {
            out.extend_from_slice(part);
        }
    }
    Some(out)
}

/// Writes the cache file atomically. A failure only costs speed next time, so it is ignored.
pub fn write(file: &Path, entries: &[EntryRef<'_>]) {
    if let Some(bytes) = encode(entries) {
        crate::fsutil::write_cache_file(file, &bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(yaml: &str) -> RawFile {
        let (raw, diags) = super::super::parse::parse(Path::new("a.yaml"), yaml.as_bytes());
        assert!(diags.is_empty(), "{diags:?}");
        raw.unwrap()
    }

    const YAML: &str = "claims:\n  - id: a\n    text: A.\n    sources: [x, {source: x, quote: q}]\n    date: 2025\n    confidence: 0.5\n    supports: [b]\nsources:\n  - id: x\n    name: X\n";

    fn round_trip(raw: &RawFile) -> RawFile {
        let encoded = postcard::to_allocvec(raw).unwrap();
        let key = Key {
            size: 1,
            mtime_ns: 2,
            hash: 3,
        };
        let entry = EntryRef {
            path: Path::new("a.yaml"),
            key,
            raw: vec![&encoded, &encoded],
        };
        let bytes = encode(&[entry]).unwrap();
        let mut map = decode(&bytes).unwrap();
        let entry = map.remove(Path::new("a.yaml")).unwrap();
        assert_eq!(entry.key, key);
        let mut parts = entry.raw.into_iter();
        let (first, second) = (parts.next().unwrap(), parts.next().unwrap());
        assert_eq!(format!("{first:?}"), format!("{second:?}"));
        assert!(parts.next().is_none());
        first
    }

    #[test]
    fn a_parsed_file_survives_the_round_trip() {
        let raw = parsed(YAML);
        let back = round_trip(&raw);
        assert_eq!(format!("{raw:?}"), format!("{back:?}"));
    }

    #[test]
    fn corrupt_or_foreign_bytes_decode_to_nothing() {
        let raw = postcard::to_allocvec(&parsed(YAML)).unwrap();
        let entry = EntryRef {
            path: Path::new("a.yaml"),
            key: Key {
                size: 1,
                mtime_ns: 2,
                hash: 3,
            },
            raw: vec![&raw],
        };
        let bytes = encode(&[entry]).unwrap();
        let ours = Header {
            format: FORMAT,
            version: build_stamp(),
        };
        let header_len = postcard::to_stdvec(&ours).unwrap().len();
        assert!(decode(&bytes[..bytes.len() / 2]).is_none(), "truncated");
        assert!(decode(b"garbage").is_none(), "no magic");
        let other = [
            MAGIC,
            &postcard::to_stdvec(&Header {
                format: FORMAT,
                version: "0.0.0-other".into(),
            })
            .unwrap(),
            &bytes[MAGIC.len() + header_len..],
        ]
        .concat();
        assert!(decode(&other).is_none(), "another version");
    }

    #[test]
    fn a_key_read_in_pieces_is_the_key_of_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(Key::read(&path, u64::MAX).unwrap(), Key::of(&bytes, &meta));
    }

    #[test]
    fn the_key_changes_with_the_content_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "aaaa").unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        let a = Key::of(b"aaaa", &meta);
        let b = Key::of(b"aaab", &meta);
        assert_eq!((a.size, a.mtime_ns), (b.size, b.mtime_ns));
        assert_ne!(a, b);
    }
}

//! A `*.jsonl` file read in blocks of whole lines, so its text is never whole in memory.
//!
//! A JSON Lines file of a million claims is about 400 MB of text. Read whole, as a YAML file
//! is, that text stayed in memory until its last chunk was parsed, beside the parsed parts.
//! Here the file is read a block at a time (about [`BLOCK`] bytes, cut after a line break);
//! each block's chunks are parsed and packed in parallel (`lines.rs`) and the block is dropped
//! before the next is read. Lines are numbered on from block to block, so every position is
//! the one in the whole file, and the bytes are hashed as they pass when the load cache (or
//! `diff`'s reuse of parses) needs the file's key.
//!
//! What concerns the whole file is decided as the blocks pass, as it was for the whole text: a
//! byte that is not UTF-8 anywhere makes that one error the file's only diagnostic, a first
//! line written in YAML makes the file one error (not one per line), and a file with nothing
//! but blank lines is reported as empty.

use std::io::Read;
use std::path::Path;

use xxhash_rust::xxh3::Xxh3;

use super::{Shape, not_an_object};
use crate::fsutil::ReadError;
use crate::load::packed::{Hold, Packed};
use crate::load::parse::{empty_file, not_utf8};
use crate::load::{Code, Diagnostic};

/// About how many bytes of a file are read into one block: enough for many chunks to parse
/// in parallel, a small part of what a large file's corpus takes.
pub const BLOCK: usize = 16 << 20;

/// A file read in blocks.
#[derive(Debug)]
pub struct Streamed {
    /// Its parsed parts, in line order.
    pub parts: Vec<Packed>,
    pub diagnostics: Vec<Diagnostic>,
    /// The xxh3 hash of every byte read, when asked for.
    pub hash: Option<u64>,
}

/// Reads the `*.jsonl` file `path` from `reader`, a block of about `block` bytes at a time
/// (more when one line is longer), hashing its bytes if `hash`, its parts held as `hold` says.
///
/// # Errors
/// When reading fails, or the file holds more than `limit` bytes.
pub fn read(
    path: &Path,
    mut reader: impl Read,
    block: usize,
    limit: u64,
    hash: bool,
    hold: Hold,
) -> Result<Streamed, ReadError> {
    let mut blocks = Blocks::new(path, hold);
    let mut hasher = hash.then(Xxh3::new);
    let mut buf = Vec::new();
    let mut size = 0u64;
    loop {
        let before = buf.len();
        buf.reserve(block);
        let n = (&mut reader).take(block as u64).read_to_end(&mut buf)?;
        if let Some(hasher) = &mut hasher {
            hasher.update(&buf[before..]);
        }
        size += n as u64;
        if size > limit {
            return Err(ReadError::TooLarge { size, limit });
        }
        if n < block {
            blocks.push(&buf);
            break;
        }
        // The bytes kept from the last block hold no line break.
        if let Some(i) = memchr::memrchr(b'\n', &buf[before..]) {
            let end = before + i + 1;
            blocks.push(&buf[..end]);
            buf.drain(..end);
        }
    }
    let (parts, diagnostics) = blocks.finish();
    Ok(Streamed {
        parts,
        diagnostics,
        hash: hasher.map(|h| h.digest()),
    })
}

/// Parses the text of a `*.jsonl` file held in memory (all of it one block).
pub fn parse(path: &Path, bytes: &[u8]) -> (Vec<Packed>, Vec<Diagnostic>) {
    let mut blocks = Blocks::new(path, Hold::Encoded);
    blocks.push(bytes);
    blocks.finish()
}

/// What the blocks of one file read so far have given.
struct Blocks<'a> {
    path: &'a Path,
    /// The number of the next block's first line.
    line: u32,
    /// Whether a line that is not blank has been read (the first one is checked for YAML).
    started: bool,
    parts: Vec<Packed>,
    diagnostics: Vec<Diagnostic>,
    /// The one error that stands for the whole file (it is not UTF-8, or it is YAML): no more
    /// lines are parsed.
    whole: Option<Diagnostic>,
    /// How the parsed chunks are held.
    hold: Hold,
}

impl<'a> Blocks<'a> {
    fn new(path: &'a Path, hold: Hold) -> Blocks<'a> {
        Blocks {
            path,
            hold,
            line: 1,
            started: false,
            parts: Vec::new(),
            diagnostics: Vec::new(),
            whole: None,
        }
    }

    /// Reads the next block: whole lines, from the start of a line to a line break (or the
    /// end of the file).
    fn push(&mut self, bytes: &[u8]) {
        let first = self.line;
        let breaks = memchr::memchr_iter(b'\n', bytes).count();
        self.line = first.saturating_add(u32::try_from(breaks).unwrap_or(u32::MAX));
        if self.whole.as_ref().is_some_and(|d| d.code == Code::NotUtf8) {
            return;
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let mut d = not_utf8(self.path, bytes, e.valid_up_to());
                d.location.line += first - 1;
                self.whole = Some(d);
                // Nothing parsed is kept: the file is not read.
                self.parts = Vec::new();
                self.diagnostics = Vec::new();
                return;
            }
        };
        if self.whole.is_some() {
            return;
        }
        let text = match first {
            1 => text.strip_prefix('\u{feff}').unwrap_or(text),
            _ => text,
        };
        if !self.started && !self.start(text, first) {
            return;
        }
        let (mut parts, mut diags) = super::lines::parse(self.path, text, first, self.hold);
        self.parts.append(&mut parts);
        self.diagnostics.append(&mut diags);
    }

    /// Looks for the file's first line that is not blank in `text`, whose first line is
    /// numbered `first`: whether the lines are to be parsed (there is one, and it is not YAML).
    fn start(&mut self, text: &str, first: u32) -> bool {
        let Some((i, line)) = text
            .split('\n')
            .enumerate()
            .find(|(_, l)| !l.trim().is_empty())
        else {
            return false;
        };
        self.started = true;
        let number = first.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        self.whole =
            not_an_object(self.path, line, number, Shape::Line).filter(|d| d.code == Code::Syntax);
        self.whole.is_none()
    }

    /// The file's parts and diagnostics.
    fn finish(self) -> (Vec<Packed>, Vec<Diagnostic>) {
        match self.whole {
            Some(d) => (Vec::new(), vec![d]),
            None if !self.started => (Vec::new(), vec![empty_file(self.path)]),
            None => (self.parts, self.diagnostics),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of every kind a block may cut: a byte-order mark, CRLF, a character of two bytes,
    /// a blank line, a broken line, a line with an unknown key, and no line break at the end.
    const TEXT: &str = concat!(
        "\u{feff}{\"type\": \"source\", \"id\": \"s\", \"name\": \"S\"}\r\n",
        "{\"type\": \"claim\", \"id\": \"a\", \"text\": \"Ä.\", \"by\": \"s\"}\r\n",
        "\n",
        "{\"type\": \"claim\", \"id\": \"b\"\n",
        "{\"type\": \"claim\", \"id\": \"c\", \"text\": \"C.\", \"tag\": []}\n",
        "{\"type\": \"relation\", \"from\": \"c\", \"to\": \"a\", \"kind\": \"supports\"}",
    );

    /// What reading `text` in blocks of `block` bytes gives: every item as parsed (with the
    /// positions of its values), the broken ids, and the diagnostics as `line:column message`.
    fn read_in(text: &[u8], block: usize, hold: Hold) -> (Vec<String>, Vec<String>, u64) {
        let read = read(Path::new("a.jsonl"), text, block, u64::MAX, true, hold).unwrap();
        let mut items = Vec::new();
        for part in read.parts {
            items.extend(
                part.declarations
                    .broken
                    .iter()
                    .map(|b| format!("broken {b}")),
            );
            let raw = part.unpack().unwrap();
            items.extend(raw.sources.iter().map(|s| format!("{s:?}")));
            items.extend(raw.claims.iter().map(|c| format!("{c:?}")));
            items.extend(raw.relations.iter().map(|r| format!("{r:?}")));
        }
        // Grouped by kind within each part, so sorted: each item says where it was.
        items.sort();
        let diags = read.diagnostics.iter().map(|d| {
            let l = &d.location;
            format!("{}:{} {}", l.line, l.column, d.message)
        });
        (items, diags.collect(), read.hash.unwrap())
    }

    /// Reading `text` in blocks of every size up to its length gives what reading it whole
    /// gives, with the same hash; returns that.
    #[track_caller]
    fn same_in_any_blocks(text: &[u8]) -> (Vec<String>, Vec<String>) {
        let whole = read_in(text, text.len() + 1, Hold::Encoded);
        assert_eq!(whole.2, xxhash_rust::xxh3::xxh3_64(text));
        for block in 1..=text.len() {
            assert_eq!(
                read_in(text, block, Hold::Encoded),
                whole,
                "blocks of {block} bytes"
            );
        }
        let as_parsed = read_in(text, text.len() + 1, Hold::AsParsed);
        assert_eq!(as_parsed, whole, "held as parsed");
        (whole.0, whole.1)
    }

    #[test]
    fn lines_cut_by_blocks_are_read_and_located_as_in_the_whole_file() {
        let (items, diags) = same_in_any_blocks(TEXT.as_bytes());
        assert_eq!(
            diags,
            [
                "4:28 invalid JSON: EOF while parsing an object",
                "5:45 unknown key `tag`",
            ]
        );
        let (parsed, _) = parse(Path::new("a.jsonl"), TEXT.as_bytes());
        assert_eq!(parsed.len(), 1);
        let ids: Vec<_> = parsed[0].declarations.ids().collect();
        let at = |line, column| crate::load::file::Pos { line, column };
        assert_eq!(ids, [("s", at(1, 27)), ("a", at(2, 26))]);
        assert_eq!(items.len(), 4, "{items:?}");
        assert_eq!(items[3], "broken c");
        let relation = items.iter().find(|i| i.starts_with("RawRelation")).unwrap();
        assert!(relation.contains("line: 6, column: 31"), "{relation}");
    }

    #[test]
    fn a_byte_that_is_not_utf8_in_a_later_block_is_the_only_error() {
        let mut text = TEXT.as_bytes().to_vec();
        let at = text.iter().position(|&b| b == b'C').unwrap();
        text[at] = 0xff;
        let (items, diags) = same_in_any_blocks(&text);
        assert!(items.is_empty());
        assert_eq!(
            diags,
            ["5:39 the file is not valid UTF-8 (invalid byte 0xff)"]
        );
    }

    #[test]
    fn a_file_that_starts_as_yaml_after_blank_lines_is_one_error() {
        let (items, diags) = same_in_any_blocks(b"\n  \r\nclaims:\n  - id: a\n    text: A.\n");
        assert!(items.is_empty());
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0].starts_with("3:1 this is YAML, not JSON"),
            "{diags:?}"
        );
    }

    #[test]
    fn blank_lines_are_an_empty_file() {
        let (items, diags) = same_in_any_blocks("\u{feff}\n \r\n\n\t".as_bytes());
        assert!(items.is_empty());
        assert_eq!(diags, ["0:0 the file is empty"]);
    }

    #[test]
    fn a_file_above_the_limit_is_refused_as_it_is_read() {
        let e = read(
            Path::new("a.jsonl"),
            TEXT.as_bytes(),
            16,
            100,
            false,
            Hold::Encoded,
        )
        .unwrap_err();
        assert!(matches!(e, ReadError::TooLarge { limit: 100, .. }), "{e:?}");
        let len = TEXT.len() as u64;
        let read = read(
            Path::new("a.jsonl"),
            TEXT.as_bytes(),
            16,
            len,
            false,
            Hold::Encoded,
        )
        .unwrap();
        assert_eq!(read.hash, None);
    }
}

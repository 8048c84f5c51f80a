//! `*.jsonl` claim files: one entry of format v1 per line, each an object with a `type`.
//!
//! Lines are independent, so a broken line is reported and the others are still read, and
//! each block of a file (see `stream.rs`) is cut into chunks of whole lines parsed in
//! parallel. Each chunk becomes one
//! [`Packed`] part as soon as it is parsed, so a file of a million claims is never held as
//! parsed structs all at once (see `packed.rs`); the resolver takes a file's parts in order.

use std::path::Path;

use rayon::prelude::*;

use super::item::{self, Item};
use super::{Shape, error, not_an_object, position};
use crate::load::Diagnostic;
use crate::load::file::RawFile;
use crate::load::packed::{Hold, Packed};

/// About how many bytes of lines go into one chunk.
const CHUNK: usize = 1 << 20;

/// Parses whole lines of a `*.jsonl` file, the first numbered `first_line`, into packed parts,
/// in line order, held as `hold` says. (What concerns the whole file, its encoding and first
/// line, is `stream.rs`'s.)
pub fn parse(
    path: &Path,
    text: &str,
    first_line: u32,
    hold: Hold,
) -> (Vec<Packed>, Vec<Diagnostic>) {
    // Each chunk is packed in the thread that parsed it, so only the chunks being parsed are
    // ever held as parsed structs.
    let parsed: Vec<(Packed, Vec<Diagnostic>)> = chunks(text, first_line)
        .into_par_iter()
        .map(|(first_line, chunk)| {
            let (raw, diags) = parse_chunk(path, chunk, first_line);
            (Packed::hold(raw, hold), diags)
        })
        .collect();
    let mut diagnostics = Vec::new();
    let parts = parsed
        .into_iter()
        .map(|(part, mut diags)| {
            diagnostics.append(&mut diags);
            part
        })
        .collect();
    (parts, diagnostics)
}

/// Reads a whole chunk into one [`RawFile`] (every line parsed, whatever fails).
pub fn parse_chunk(path: &Path, chunk: &str, first_line: u32) -> (RawFile, Vec<Diagnostic>) {
    let mut raw = RawFile::default();
    let mut diags = Vec::new();
    for (i, line) in chunk.split('\n').enumerate() {
        let number = first_line + i as u32;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(path, line, number) {
            Ok(Item::Source(s)) => raw.sources.push(s),
            Ok(Item::Claim(c)) => raw.claims.push(c),
            Ok(Item::Relation(r)) => raw.relations.push(r),
            Ok(Item::View(v)) => raw.views.push(v),
            Err(d) => {
                diags.push(d);
                raw.broken.extend(super::broken_id(line));
            }
        }
    }
    (raw, diags)
}

/// Reads one line, numbered `number`.
fn parse_line(path: &Path, line: &str, number: u32) -> Result<Item, Diagnostic> {
    if let Some(d) = not_an_object(path, line, number, Shape::Line) {
        return Err(d);
    }
    let (parsed, at) = position::reading(line, number, || item::parse(line));
    parsed.map_err(|e| error(path, &e, at, line, number))
}

/// The text cut into chunks of whole lines, each with the number of its first line (the
/// text's first is `first_line`).
fn chunks(text: &str, first_line: u32) -> Vec<(u32, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut line = first_line;
    while !rest.is_empty() {
        // Bytes, not characters: the cut may fall inside a character, the break after it not.
        let end = match rest
            .as_bytes()
            .get(CHUNK..)
            .and_then(|t| memchr::memchr(b'\n', t))
        {
            Some(i) => CHUNK + i + 1,
            None => rest.len(),
        };
        let (chunk, tail) = rest.split_at(end);
        out.push((line, chunk.strip_suffix('\n').unwrap_or(chunk)));
        let breaks = memchr::memchr_iter(b'\n', chunk.as_bytes()).count();
        line = line.saturating_add(u32::try_from(breaks).unwrap_or(u32::MAX));
        rest = tail;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        let (_, diags) = parse_chunk(Path::new("a.jsonl"), text, 1);
        diags
            .iter()
            .map(|d| format!("{}:{} {}", d.location.line, d.location.column, d.message))
            .collect()
    }

    #[test]
    fn each_broken_line_is_reported_and_the_rest_read() {
        let text = concat!(
            "{\"type\": \"claim\", \"id\": \"a\", \"text\": \"A.\"}\n",
            "{\"type\": \"claim\", \"id\": \"b\"\n",
            "[1, 2]\n",
            "\n",
            "{\"type\": \"clam\", \"id\": \"c\"}\n",
            "{\"type\": \"claim\", \"id\": 5, \"text\": \"D.\"}\n",
            "{\"type\": \"claim\", \"id\": \"e\", \"text\": \"E.\", \"tag\": []}\n",
            "{\"type\": \"source\", \"id\": \"s\", \"name\": \"S\"}",
        );
        let (raw, _) = parse_chunk(Path::new("a.jsonl"), text, 1);
        assert_eq!(raw.claims.len(), 1);
        assert_eq!(raw.sources.len(), 1);
        assert_eq!(
            messages(text),
            [
                "2:28 invalid JSON: EOF while parsing an object",
                "3:1 wrong type: expected a JSON object here; a `.jsonl` file holds one JSON object per line, each with a `type`",
                "5:11 unknown type `clam`",
                "6:25 invalid type: integer `5`, expected a string",
                "7:45 unknown key `tag`",
            ]
        );
    }

    #[test]
    fn chunks_are_whole_lines_numbered_from_one() {
        let line = format!("{}\n", "x".repeat(1000));
        let text = line.repeat(3000);
        let chunks = chunks(&text, 1);
        assert!(chunks.len() > 1);
        let mut expected = 1;
        for (first, chunk) in chunks {
            assert_eq!(first, expected);
            assert!(chunk.split('\n').all(|l| l.len() == 1000));
            expected += chunk.split('\n').count() as u32;
        }
        assert_eq!(expected, 3001);
    }

    #[test]
    fn a_cut_inside_a_character_still_ends_at_the_next_line_break() {
        let line = format!("{}\n", "é".repeat(500));
        let text = line.repeat(3000);
        assert!(!text.is_char_boundary(CHUNK));
        let chunks = chunks(&text, 7);
        assert!(chunks.len() > 1);
        assert_eq!(chunks[1].0, 7 + chunks[0].1.split('\n').count() as u32);
    }
}

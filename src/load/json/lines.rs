//! `*.jsonl` claim files: one entry of format v1 per line, each an object with a `type`.
//!
//! Lines are independent, so a broken line is reported and the others are still read, and a
//! large file is cut into chunks of whole lines parsed in parallel. Each chunk becomes one
//! [`Packed`] part as soon as it is parsed, so a file of a million claims is never held as
//! parsed structs all at once (see `packed.rs`); the resolver takes a file's parts in order.

use std::path::Path;

use rayon::prelude::*;

use super::item::{self, Item};
use super::{Shape, error, not_an_object, position};
use crate::load::file::RawFile;
use crate::load::packed::Packed;
use crate::load::{Code, Diagnostic};

/// About how many bytes of lines go into one chunk.
const CHUNK: usize = 1 << 20;

/// Parses a `*.jsonl` file's text into packed parts, in line order.
pub fn parse(path: &Path, text: &str) -> (Vec<Packed>, Vec<Diagnostic>) {
    if let Some(d) = yaml_file(path, text) {
        return (Vec::new(), vec![d]);
    }
    // Each chunk is packed in the thread that parsed it, so only the chunks being parsed are
    // ever held as parsed structs.
    let parsed: Vec<(Packed, Vec<Diagnostic>)> = chunks(text)
        .into_par_iter()
        .map(|(first_line, chunk)| {
            let (raw, diags) = parse_chunk(path, chunk, first_line);
            (Packed::new(raw), diags)
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

/// The one error for a file whose first line is YAML: one error, not one per line.
fn yaml_file(path: &Path, text: &str) -> Option<Diagnostic> {
    let (number, first) = text
        .split('\n')
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())?;
    let d = not_an_object(path, first, number as u32 + 1, Shape::Line)?;
    (d.code == Code::Syntax).then_some(d)
}

/// The text cut into chunks of whole lines, each with the number of its first line.
fn chunks(text: &str) -> Vec<(u32, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut line = 1u32;
    while !rest.is_empty() {
        let end = match rest.get(CHUNK..).and_then(|tail| tail.find('\n')) {
            Some(i) => CHUNK + i + 1,
            None => rest.len(),
        };
        let (chunk, tail) = rest.split_at(end);
        out.push((line, chunk.strip_suffix('\n').unwrap_or(chunk)));
        line += chunk.bytes().filter(|&b| b == b'\n').count() as u32;
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
        let chunks = chunks(&text);
        assert!(chunks.len() > 1);
        let mut expected = 1;
        for (first, chunk) in chunks {
            assert_eq!(first, expected);
            assert!(chunk.split('\n').all(|l| l.len() == 1000));
            expected += chunk.split('\n').count() as u32;
        }
        assert_eq!(expected, 3001);
    }
}

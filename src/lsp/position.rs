//! Positions between the loader and the editor. The loader counts 1-based lines and columns in
//! characters; the Language Server Protocol counts 0-based lines and columns in UTF-16 code
//! units, so a line with an accent or an emoji before the problem would otherwise be off.

use std::path::{Path, PathBuf};

use lsp_types::{Position, Range, Url};

use crate::load::Location;

/// The length of `text` in UTF-16 code units.
pub fn utf16_len(text: &str) -> u32 {
    u32::try_from(text.encode_utf16().count()).unwrap_or(u32::MAX)
}

/// The byte offset of UTF-16 column `character` in `line`, if it falls between characters.
pub fn byte_at(line: &str, character: u32) -> Option<usize> {
    let mut units = 0;
    for (i, c) in line.char_indices() {
        if units == character as usize {
            return Some(i);
        }
        units += c.len_utf16();
    }
    (units == character as usize).then_some(line.len())
}

/// The text `range` covers when it is on one line of `text`.
pub fn slice(text: &str, range: Range) -> Option<&str> {
    if range.start.line != range.end.line {
        return None;
    }
    let line = text.split('\n').nth(range.start.line as usize)?;
    line.get(byte_at(line, range.start.character)?..byte_at(line, range.end.character)?)
}

/// The range a loader [`Location`] covers in `text`: the whole first line's start when it
/// names no line, else `len` characters (at least one) from its column, clamped to the line.
pub fn range(text: &str, location: &Location) -> Range {
    if location.line == 0 {
        return Range::default();
    }
    let line = location.line - 1;
    let Some(content) = text.lines().nth(line as usize) else {
        return Range::new(Position::new(line, 0), Position::new(line, 0));
    };
    let first = location.column.saturating_sub(1) as usize;
    let start = utf16_len(&take_chars(content, first));
    let end = utf16_len(&take_chars(content, first + location.len.max(1) as usize));
    Range::new(
        Position::new(line, start),
        Position::new(line, end.max(start)),
    )
}

/// The first `n` characters of `line` (all of it when shorter).
fn take_chars(line: &str, n: usize) -> String {
    line.chars().take(n).collect()
}

/// The file a `file:` URL names.
pub fn path(url: &Url) -> Option<PathBuf> {
    let path = url.to_file_path().ok()?;
    Some(std::fs::canonicalize(&path).unwrap_or(path))
}

/// The `file:` URL of a path.
pub fn url(path: &Path) -> Option<Url> {
    Url::from_file_path(path).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, line: u32, column: u32, len: u32, expected: ((u32, u32), (u32, u32))) {
        let got = range(text, &Location::at("f.yaml", line, column, len));
        let want = Range::new(
            Position::new(expected.0.0, expected.0.1),
            Position::new(expected.1.0, expected.1.1),
        );
        assert_eq!(got, want);
    }

    #[test]
    fn characters_become_utf16_units() {
        case("a: b\n", 1, 4, 1, ((0, 3), (0, 4)));
        // `é` is one unit, the emoji two: the id after them starts at unit 9, not 8.
        case("x\n  t: é\u{1F600} [bad]\n", 2, 9, 3, ((1, 9), (1, 12)));
        case("a\n", 0, 0, 0, ((0, 0), (0, 0)));
        case("a\n", 5, 1, 1, ((4, 0), (4, 0)));
        case("abc\n", 1, 2, 10, ((0, 1), (0, 3)));
    }
}

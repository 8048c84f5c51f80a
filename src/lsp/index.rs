//! Where each id is written: every declaration (`id:` of a claim or source) and every reference
//! (`by`, `sources`, `source`, `supports`, `contradicts`, `from`, `to`, `evidence`, `part_of`,
//! a view's `around`), with its line and UTF-16 columns.
//!
//! The corpus keeps where each item starts, not where each reference is written, and the editor
//! needs the exact span of the id under the cursor. So each document's text is scanned line by
//! line, following the indentation of the claim format's block YAML (and its flow lists `[a, b]`).
//! It is a reading of the format's shape, not a YAML parser: what it does not recognise is simply
//! not an occurrence.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::position::utf16_len;
use crate::model::is_id_char;

/// What an id written at some place must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Claim,
    Source,
    Any,
}

/// One id written in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub id: String,
    /// 0-based line.
    pub line: u32,
    /// UTF-16 columns, end exclusive.
    pub start: u32,
    pub end: u32,
    /// Whether this is the item's own `id:`.
    pub declaration: bool,
    /// What it must name (for a declaration: what it declares).
    pub want: Want,
}

/// The occurrences of ids in every document, by file.
#[derive(Debug, Default)]
pub struct Index {
    files: HashMap<PathBuf, Vec<Occurrence>>,
}

impl Index {
    /// Scans every document.
    pub fn new(docs: &BTreeMap<PathBuf, String>) -> Index {
        let files = docs.iter().map(|(p, t)| (p.clone(), scan(t))).collect();
        Index { files }
    }

    /// Scans `file` again: its text is now `text`.
    pub fn set(&mut self, file: PathBuf, text: &str) {
        self.files.insert(file, scan(text));
    }

    /// The occurrence under `line`:`column` (UTF-16) of `file`, if any.
    pub fn at(&self, file: &Path, line: u32, column: u32) -> Option<&Occurrence> {
        self.files
            .get(file)?
            .iter()
            .find(|o| o.line == line && o.start <= column && column <= o.end)
    }

    /// Where `id` is declared.
    pub fn declaration(&self, id: &str) -> Option<(&Path, &Occurrence)> {
        self.all().find(|(_, o)| o.declaration && o.id == id)
    }

    /// Every occurrence of `id`, the declaration included, in file order.
    pub fn occurrences<'a>(
        &'a self,
        id: &'a str,
    ) -> impl Iterator<Item = (&'a Path, &'a Occurrence)> {
        self.all().filter(move |(_, o)| o.id == id)
    }

    /// The declarations in `file`.
    pub fn declarations_in(&self, file: &Path) -> impl Iterator<Item = &Occurrence> {
        self.files
            .get(file)
            .into_iter()
            .flatten()
            .filter(|o| o.declaration)
    }

    /// Every occurrence, files in path order.
    pub fn all(&self) -> impl Iterator<Item = (&Path, &Occurrence)> {
        let mut files: Vec<_> = self.files.iter().collect();
        files.sort_by(|a, b| a.0.cmp(b.0));
        files
            .into_iter()
            .flat_map(|(p, os)| os.iter().map(move |o| (p.as_path(), o)))
    }
}

/// A key seen on an earlier line, whose block may hold the lines that follow.
pub(super) struct Open<'a> {
    pub column: usize,
    pub key: &'a str,
}

/// Every occurrence of an id in one document.
pub fn scan(text: &str) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut stack: Vec<Open<'_>> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let Some(parsed) = Line::parse(line) else {
            continue;
        };
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        match parsed.key {
            Some((column, key, value)) => {
                close(&mut stack, column, parsed.dash);
                if let Some((declaration, want)) = role(&stack, key) {
                    ids(line, n, value, declaration, want, &mut out);
                }
                stack.push(Open { column, key });
            }
            None => {
                let dash = parsed.dash.unwrap_or(usize::MAX);
                stack.retain(|o| o.column <= dash);
                let parent = stack.last().map(|o| o.key);
                if let (Some(_), Some(want)) = (parsed.dash, parent.and_then(list_want)) {
                    let nested = stack.len() > 1;
                    if nested {
                        ids(line, n, parsed.rest, false, want, &mut out);
                    }
                }
            }
        }
    }
    out
}

/// Leaves on `stack` the keys whose blocks hold a key written at `column`, after its line's
/// last `- ` at `dash`.
pub(super) fn close(stack: &mut Vec<Open<'_>>, column: usize, dash: Option<usize>) {
    let dash = dash.unwrap_or(column);
    stack.retain(|o| o.column < column && o.column <= dash);
}

/// One line's shape: the column of its last `- `, its `key:` (column, key, value byte range).
pub(super) struct Line<'a> {
    pub dash: Option<usize>,
    pub key: Option<(usize, &'a str, (usize, usize))>,
    /// After indentation and dashes, as a byte range.
    pub rest: (usize, usize),
}

impl<'a> Line<'a> {
    pub(super) fn parse(line: &'a str) -> Option<Line<'a>> {
        let mut at = line.len() - line.trim_start_matches(' ').len();
        let mut dash = None;
        while line[at..].starts_with("- ") || &line[at..] == "-" {
            dash = Some(at);
            at += 1;
            at += line[at..].len() - line[at..].trim_start_matches(' ').len();
        }
        let rest = &line[at..];
        if rest.is_empty() && dash.is_none() || rest.starts_with('#') {
            return None;
        }
        let key_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let after = &rest[key_len..];
        let key = (key_len > 0 && (after == ":" || after.starts_with(": "))).then(|| {
            let value = at + key_len + 1;
            (at, &rest[..key_len], (value, line.len()))
        });
        Some(Line {
            dash,
            key,
            rest: (at, line.len()),
        })
    }
}

/// What the value of `key` holds, given the keys whose blocks it is in: a declaration, or a
/// reference to what.
pub(super) fn role(stack: &[Open<'_>], key: &str) -> Option<(bool, Want)> {
    let section = stack.first().map(|o| o.key)?;
    let parent = stack.last().map(|o| o.key);
    let want = match (section, key) {
        ("claims" | "sources", "id") if stack.len() == 1 => {
            let want = if section == "claims" {
                Want::Claim
            } else {
                Want::Source
            };
            return Some((true, want));
        }
        ("relations", "from" | "to") => Want::Claim,
        ("relations", "sources") => Want::Source,
        (_, "by" | "source" | "part_of") => Want::Source,
        ("claims", "supports" | "contradicts") if parent == Some("claims") => Want::Claim,
        (_, "evidence") => Want::Any,
        ("claims", "sources") if parent == Some("claims") => Want::Source,
        ("views", "around") => Want::Claim,
        ("views", "focus") => Want::Any,
        _ => return None,
    };
    Some((false, want))
}

/// What the items of a block list under `key` name, when they are ids.
fn list_want(key: &str) -> Option<Want> {
    match key {
        "sources" => Some(Want::Source),
        "supports" | "contradicts" | "around" => Some(Want::Claim),
        "evidence" => Some(Want::Any),
        _ => None,
    }
}

/// The ids in the value at `range` of `line`: a scalar, or a flow list `[a, b]`.
fn ids(
    line: &str,
    n: u32,
    (from, to): (usize, usize),
    declaration: bool,
    want: Want,
    out: &mut Vec<Occurrence>,
) {
    let value = &line[from..to];
    let value_end = value.find(" #").unwrap_or(value.len());
    let mut pieces = vec![(from, &value[..value_end])];
    let trimmed = value[..value_end].trim();
    if trimmed.starts_with('[') {
        let open = from + value.find('[').unwrap_or(0) + 1;
        let inner = &line[open..from + value_end];
        let inner = inner.split(']').next().unwrap_or("");
        pieces = split_commas(open, inner);
    }
    for (start, piece) in pieces {
        let lead = piece.len() - piece.trim_start().len();
        let token = piece.trim().trim_matches(|c| c == '"' || c == '\'');
        if token.is_empty() || !token.chars().all(is_id_char) {
            continue;
        }
        let offset = start + lead + piece.trim_start().find(token).unwrap_or(0);
        out.push(Occurrence {
            id: token.to_owned(),
            line: n,
            start: utf16_len(&line[..offset]),
            end: utf16_len(&line[..offset + token.len()]),
            declaration,
            want,
        });
    }
}

/// The comma-separated parts of `inner`, which starts at byte `start` of its line.
fn split_commas(start: usize, inner: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = start;
    for part in inner.split(',') {
        out.push((at, part));
        at += part.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: &[(&str, u32, u32, bool, Want)]) {
        let got: Vec<_> = scan(text)
            .into_iter()
            .map(|o| (o.id, o.line, o.start, o.declaration, o.want))
            .collect();
        let expected: Vec<_> = expected
            .iter()
            .map(|(id, l, s, d, w)| (id.to_string(), *l, *s, *d, *w))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn declarations_and_references() {
        use Want::*;
        case(
            "claims:\n  - id: a\n    text: \"by: b\"\n    by: x\n    supports: [b, 'c']\n    contradicts:\n      - d\n",
            &[
                ("a", 1, 8, true, Claim),
                ("x", 3, 8, false, Source),
                ("b", 4, 15, false, Claim),
                ("c", 4, 19, false, Claim),
                ("d", 6, 8, false, Claim),
            ],
        );
    }

    #[test]
    fn nested_keys_and_sections() {
        use Want::*;
        case(
            "sources:\n- id: s\n  part_of: t # the site\nclaims:\n  - id: é-free\n    sources:\n      - s\n      - source: t\n        quote: x\n    verdict:\n      by: s\n      evidence: [s]\nrelations:\n  - from: a\n    to: b\n    sources: [s]\nviews:\n  - name: v\n    around: [a]\n",
            &[
                ("s", 1, 6, true, Source),
                ("t", 2, 11, false, Source),
                ("s", 6, 8, false, Source),
                ("t", 7, 16, false, Source),
                ("s", 10, 10, false, Source),
                ("s", 11, 17, false, Any),
                ("a", 13, 10, false, Claim),
                ("b", 14, 8, false, Claim),
                ("s", 15, 14, false, Source),
                ("a", 18, 13, false, Claim),
            ],
        );
    }

    #[test]
    fn views_select_and_style() {
        use Want::*;
        case(
            "views:\n  - name: v\n    select:\n      around:\n        - a\n      by: s\n    style:\n      focus: b\n      sources: hide\n",
            &[
                ("a", 4, 10, false, Claim),
                ("s", 5, 10, false, Source),
                ("b", 7, 13, false, Any),
            ],
        );
    }

    #[test]
    fn columns_count_utf16_units() {
        let o = &scan(
            "claims:\n  - {id: x}\n  - id: b\n    text: t\n    supports: [\u{1F600}, a]\n",
        )[..];
        assert_eq!(o.len(), 2);
        assert_eq!((o[1].id.as_str(), o[1].start), ("a", 19));
    }
}

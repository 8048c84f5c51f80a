//! Look-ahead for the lexer's patterns, remembered, so that lexing stays linear.
//!
//! Several of Argdown's patterns look ahead for a closing mark: `[` for the `]` of a link, `<!--`
//! for `-->`, `{` for the `}` that ends a data block. Tried at every position of a long run of
//! `[`, `<` or `{` with no closing mark, each search reads to the end of the text: 100 KB of `[`
//! took 17 s. The lexer moves forward only, so a search from position `p` answers every later
//! search from `q ≥ p` that does not pass the mark it found; [`Seek`] keeps the last answer for
//! each kind of mark and searches again only past it. Every byte is then read a bounded number
//! of times per kind of mark.

use std::cell::Cell;

/// What a pattern looks ahead for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Needle {
    /// `-->`, the end of an HTML comment.
    CommentEnd,
    /// `*/`, the end of a block comment.
    BlockEnd,
    /// `\n` or `\r`, the end of a `//` comment.
    Break,
    /// A line break as Argdown's `.` sees one: `\n`, `\r`, U+2028 or U+2029.
    LineEnd,
    /// `]`.
    Bracket,
    /// `>`.
    Angle,
    /// `)`.
    Paren,
    /// `]:`.
    BracketColon,
    /// `>:`.
    AngleColon,
}

const NEEDLES: usize = 9;

impl Needle {
    /// The first match in `hay`.
    fn search(self, hay: &str) -> Option<usize> {
        match self {
            Needle::CommentEnd => hay.find("-->"),
            Needle::BlockEnd => hay.find("*/"),
            Needle::Break => hay.find(['\n', '\r']),
            Needle::LineEnd => hay.find(['\n', '\r', '\u{2028}', '\u{2029}']),
            Needle::Bracket => hay.find(']'),
            Needle::Angle => hay.find('>'),
            Needle::Paren => hay.find(')'),
            Needle::BracketColon => hay.find("]:"),
            Needle::AngleColon => hay.find(">:"),
        }
    }

    /// The closing mark `close` (`]` or `>`), followed by `:` when `colon`.
    pub fn closing(close: char, colon: bool) -> Needle {
        match (close, colon) {
            (']', false) => Needle::Bracket,
            (']', true) => Needle::BracketColon,
            (_, false) => Needle::Angle,
            (_, true) => Needle::AngleColon,
        }
    }
}

/// The last search for one needle: from `from`, the first match at `found` (absolute offsets).
#[derive(Debug, Clone, Copy)]
struct Memo {
    from: usize,
    found: Option<usize>,
}

/// The last search for the end of a data block: from `from`, the block can reach no further
/// than `stop`, and the last `}` that may end it before `stop` is `last` (absolute offsets).
#[derive(Debug, Clone, Copy)]
struct DataMemo {
    from: usize,
    stop: usize,
    last: Option<usize>,
}

/// Remembered look-ahead over one text; see the module docs.
#[derive(Debug)]
pub(super) struct Seek<'a> {
    text: &'a str,
    memo: [Cell<Option<Memo>>; NEEDLES],
    data: Cell<Option<DataMemo>>,
    /// Bytes searched so far: the work done, which tests hold to a multiple of the length.
    searched: Cell<usize>,
}

impl<'a> Seek<'a> {
    /// Look-ahead over `text`, which every `rest` given later must be a suffix of.
    pub fn new(text: &'a str) -> Seek<'a> {
        Seek {
            text,
            memo: Default::default(),
            data: Cell::new(None),
            searched: Cell::new(0),
        }
    }

    /// Bytes searched so far (each search counted up to where it stopped).
    #[cfg(test)]
    pub fn searched(&self) -> usize {
        self.searched.get()
    }

    /// Absolute offset of `rest`, a suffix of the text.
    fn offset(&self, rest: &str) -> usize {
        debug_assert!(rest.len() <= self.text.len());
        self.text.len() - rest.len()
    }

    /// The offset in `rest` (a suffix of the text) of the first match of `needle`.
    pub fn find(&self, rest: &str, needle: Needle) -> Option<usize> {
        let at = self.offset(rest);
        let cell = &self.memo[needle as usize];
        let found = match cell.get() {
            Some(m) if m.from <= at && m.found.is_none_or(|f| f >= at) => m.found,
            _ => {
                let found = needle.search(rest).map(|f| at + f);
                let end = found.unwrap_or(self.text.len());
                self.searched.set(self.searched.get() + (end - at));
                cell.set(Some(Memo { from: at, found }));
                found
            }
        };
        found.map(|f| f - at)
    }

    /// The length of the data block `{...}` at the start of `rest`, if there is one: up to the
    /// last `}` reachable without passing a stop ([`is_data_stop`]) that is not followed by
    /// (spaces and) `,` or `}`.
    pub fn data(&self, rest: &str) -> Option<usize> {
        let at = self.offset(rest);
        let memo = match self.data.get() {
            Some(m) if m.from <= at + 1 && at < m.stop => m,
            _ => {
                let m = self.scan_data(at + 1);
                self.searched.set(self.searched.get() + (m.stop - at));
                self.data.set(Some(m));
                m
            }
        };
        memo.last
            .filter(|&last| last > at)
            .map(|last| last + 1 - at)
    }

    /// Reads forward from `from` to the first stop, noting the last `}` that may end a block.
    fn scan_data(&self, from: usize) -> DataMemo {
        let text = self.text;
        let mut last = None;
        for (i, c) in text[from.min(text.len())..].char_indices() {
            let i = from + i;
            if matches!(c, '\r' | '\u{2028}' | '\u{2029}') {
                return DataMemo {
                    from,
                    stop: i,
                    last,
                };
            }
            if c != '}' {
                continue;
            }
            let after = text[i + 1..].trim_start();
            if !after.starts_with([',', '}']) {
                last = Some(i);
            }
            if is_data_stop(&text[i + 1..]) {
                return DataMemo {
                    from,
                    stop: i + 1,
                    last,
                };
            }
        }
        DataMemo {
            from,
            stop: text.len(),
            last,
        }
    }
}

/// Whether a `}` followed by `after` stops a data block: a space, then something other than
/// `,` or `}`.
fn is_data_stop(after: &str) -> bool {
    let mut chars = after.chars();
    chars.next().is_some_and(char::is_whitespace)
        && chars.next().is_some_and(|n| n != ',' && n != '}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_a_fresh_search_would() {
        let text = "a]b]c\nd]";
        let seek = Seek::new(text);
        for at in 0..text.len() {
            let rest = &text[at..];
            assert_eq!(
                seek.find(rest, Needle::Bracket),
                rest.find(']'),
                "from {at}"
            );
            assert_eq!(
                seek.find(rest, Needle::LineEnd),
                rest.find('\n'),
                "from {at}"
            );
        }
        // Going back is allowed; it only searches again.
        assert_eq!(seek.find(text, Needle::Bracket), Some(1));
    }

    #[test]
    fn data_blocks_end_at_the_last_closing_brace_before_a_stop() {
        let cases = [
            ("{a: 1} x", Some(6)),
            ("{a: {b: 1}, c: 2} x", Some(17)),
            ("{a: 1}, b", None),
            ("{a} b} c", Some(3)),
            ("{a}\r}", None),
            ("{{{", None),
        ];
        for (text, expected) in cases {
            assert_eq!(Seek::new(text).data(text), expected, "{text:?}");
        }
        // Every `{` of a run, in order, as the lexer asks.
        let text = "{{a} b";
        let seek = Seek::new(text);
        assert_eq!(seek.data(text), Some(4));
        assert_eq!(seek.data(&text[1..]), Some(3));
    }
}

//! The patterns of Argdown's tokens, each a function from the rest of the text to the length
//! of its match, written after the regular expressions of Argdown's lexer (quoted above each).
//! Patterns that look ahead for a closing mark do so through [`Seek`], which remembers what it
//! found so that trying them at every position stays linear.

use super::seek::{Needle, Seek};

/// Length of the longest prefix of chars satisfying `f`, if not empty.
pub(super) fn run(text: &str, f: impl Fn(char) -> bool) -> Option<usize> {
    let len = text.find(|c: char| !f(c)).unwrap_or(text.len());
    (len > 0).then_some(len)
}

pub(super) fn followed_by_space(text: &str) -> bool {
    text.starts_with(char::is_whitespace)
}

/// `(?:[ \t]*\r\n|\n|\r)*`
pub(super) fn trailing_breaks(text: &str) -> usize {
    let mut len = 0;
    loop {
        let rest = &text[len..];
        let spaces = run(rest, |c| c == ' ' || c == '\t').unwrap_or(0);
        if rest[spaces..].starts_with("\r\n") {
            len += spaces + 2;
        } else if rest.starts_with(['\n', '\r']) {
            len += 1;
        } else {
            return len;
        }
    }
}

/// `(?:[ \t]*(?:\r\n|\n|\r)(?![ \t]*(?:\r\n|\n|\r)))?`
pub(super) fn one_trailing_break(text: &str) -> usize {
    let spaces = run(text, |c| c == ' ' || c == '\t').unwrap_or(0);
    let Some(br) = line_break(&text[spaces..]) else {
        return 0;
    };
    let after = &text[spaces + br..];
    let blank = run(after, |c| c == ' ' || c == '\t').unwrap_or(0);
    if line_break(&after[blank..]).is_some() {
        0
    } else {
        spaces + br
    }
}

fn line_break(text: &str) -> Option<usize> {
    if text.starts_with("\r\n") {
        Some(2)
    } else if text.starts_with(['\n', '\r']) {
        Some(1)
    } else {
        None
    }
}

/// `[ \t]*(?:\r\n|\n|\r)`
pub(super) fn newline(text: &str) -> Option<usize> {
    let spaces = run(text, |c| c == ' ' || c == '\t').unwrap_or(0);
    Some(spaces + line_break(&text[spaces..])?)
}

/// `===+[\s\S]*?===+`
pub(super) fn front_matter(text: &str) -> Option<usize> {
    let open = run(text, |c| c == '=').filter(|&n| n >= 3)?;
    if let Some(at) = text[open..].find("===") {
        let start = open + at;
        return Some(start + run(&text[start..], |c| c == '=').unwrap_or(0));
    }
    (open >= 6).then_some(open)
}

/// `{((?!}\s[^,}])(.|\n))*}(?!\s*(,|}))`: the last `}` reachable without passing a `\r` or a
/// `}` followed by a space and something other than `,` or `}`, and not itself followed by
/// (spaces and) `,` or `}` (see [`Seek::data`]).
pub(super) fn data(seek: &Seek<'_>, text: &str) -> Option<usize> {
    if !text.starts_with('{') {
        return None;
    }
    seek.data(text)
}

/// `\\.(?: )*`
pub(super) fn escaped(text: &str) -> Option<usize> {
    let mut chars = text.chars();
    if chars.next() != Some('\\') {
        return None;
    }
    let c = chars
        .next()
        .filter(|c| !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'))?;
    let len = 1 + c.len_utf8();
    Some(len + run(&text[len..], |c| c == ' ').unwrap_or(0))
}

/// Whether Argdown reads a shortcode (`.x.` or `:x:`) at the start of `text`.
pub(super) fn is_special(text: &str) -> bool {
    special(text).is_some()
}

/// `(?:\.[^\s]+?\.[ \t]?)|(?::[^\s]+?:[ \t]?)`
pub(super) fn special(text: &str) -> Option<usize> {
    let delim = text.chars().next().filter(|c| *c == '.' || *c == ':')?;
    let body = &text[1..];
    let end = body.find(|c: char| c == delim || c.is_whitespace())?;
    if end == 0 || !body[end..].starts_with(delim) {
        // `.+?` needs one character first, which may be the delimiter itself.
        if end == 0 && body.starts_with(delim) {
            let more = &body[1..];
            let close = more.find(|c: char| c == delim || c.is_whitespace())?;
            if !more[close..].starts_with(delim) {
                return None;
            }
            let len = 2 + close + 1;
            return Some(len + usize::from(text[len..].starts_with([' ', '\t'])));
        }
        return None;
    }
    let len = 1 + end + 1;
    Some(len + usize::from(text[len..].starts_with([' ', '\t'])))
}

/// `^[ \t]*-{2}` at a line start.
pub(super) fn leading_dashes(text: &str) -> Option<usize> {
    let indent = run(text, |c| c == ' ' || c == '\t').unwrap_or(0);
    text[indent..].starts_with("--").then_some(indent + 2)
}

/// `^(#+) `
pub(super) fn heading(text: &str) -> Option<usize> {
    let hashes = run(text, |c| c == '#')?;
    text[hashes..].starts_with(' ').then_some(hashes + 1)
}

/// `^[ \t]*\(\d+\)`
pub(super) fn statement_number(text: &str) -> Option<usize> {
    let indent = run(text, |c| c == ' ' || c == '\t').unwrap_or(0);
    let after = text[indent..].strip_prefix('(')?;
    let digits = run(after, |c| c.is_ascii_digit())?;
    after[digits..]
        .starts_with(')')
        .then_some(indent + 1 + digits + 1)
}

/// `\[[^\]]+?\]\([^\)]+?\)[ \t]?`
pub(super) fn link(seek: &Seek<'_>, text: &str) -> Option<usize> {
    let after = text.strip_prefix('[')?;
    let close = seek.find(after, Needle::Bracket)?;
    if close == 0 || !after[close..].starts_with("](") {
        return None;
    }
    let url = &after[close + 2..];
    let end = seek.find(url, Needle::Paren)?;
    if end == 0 {
        return None;
    }
    let len = 1 + close + 2 + end + 1;
    Some(len + usize::from(text[len..].starts_with([' ', '\t'])))
}

fn is_tag_char(c: char) -> bool {
    matches!(c, 'A'..='z' | '0'..='9' | '-' | '\u{A0}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFEF}')
}

/// `#(?:\([^\)]+\)|[tag chars]+)[ \t]?`
pub(super) fn tag(seek: &Seek<'_>, text: &str) -> Option<usize> {
    let after = text.strip_prefix('#')?;
    let len = if let Some(inner) = after.strip_prefix('(') {
        let close = seek.find(inner, Needle::Paren)?;
        if close == 0 {
            return None;
        }
        1 + 1 + close + 1
    } else {
        1 + run(after, is_tag_char)?
    };
    Some(len + usize::from(text[len..].starts_with([' ', '\t'])))
}

/// `\[.+?\]:` (or `<.+?>:`): the first `]:` on the line after at least one character.
pub(super) fn titled(
    seek: &Seek<'_>,
    text: &str,
    open: char,
    close: char,
    colon: bool,
) -> Option<usize> {
    let after = text.strip_prefix(open)?;
    let line_end = seek.find(after, Needle::LineEnd).unwrap_or(after.len());
    let first = after.chars().next()?.len_utf8();
    if first > line_end {
        return None;
    }
    let needle = Needle::closing(close, colon);
    // The mark holds no line break, so a match that starts on the line ends on it.
    let at = seek
        .find(&after[first..], needle)
        .filter(|&at| first + at < line_end)?;
    Some(1 + first + at + if colon { 2 } else { 1 })
}

/// `\[[^-].*?\]` (or `<[^-].*?>`): the first character may be anything but `-`, even a line
/// break; the rest stays on its line.
pub(super) fn reference(seek: &Seek<'_>, text: &str, open: char, close: char) -> Option<usize> {
    let after = text.strip_prefix(open)?;
    let first = after.chars().next().filter(|c| *c != '-')?;
    let rest = &after[first.len_utf8()..];
    let line_end = seek.find(rest, Needle::LineEnd).unwrap_or(rest.len());
    let at = seek
        .find(rest, Needle::closing(close, false))
        .filter(|&at| at < line_end)?;
    Some(1 + first.len_utf8() + at + 1)
}

/// `@\[.+?\][ \t]?` (or `@<.+?>[ \t]?`)
pub(super) fn mention(seek: &Seek<'_>, text: &str, open: char, close: char) -> Option<usize> {
    let after = text.strip_prefix('@')?;
    let len = 1 + titled(seek, after, open, close, false)?;
    Some(len + usize::from(text[len..].starts_with([' ', '\t'])))
}

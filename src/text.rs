//! Characters that are not what they look like, and text made safe to show on a terminal.
//!
//! Claim files come from anywhere, and a terminal acts on some of what it is sent: an escape
//! sequence in a claim's text can set the window title, rewrite the screen or (on some
//! terminals) answer back; a line break can fake a row of `list`; a bidirectional override
//! can make text read differently from what it holds. Every human-readable output (the
//! diagnostics and the source lines they echo, `show`, `list`, `query` and `eval` in text or
//! TSV) passes text from a claim file through [`visible`], the one rule for this: such
//! characters are shown as escapes (`\n`, `\t`, `\u{1b}`), so the reader sees them and the
//! terminal acts on none. JSON output is escaped by serde_json instead.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` is shown escaped by [`visible`]: a control character (C0 including tab and
/// line breaks, DEL, C1), a bidirectional formatting character, a line or paragraph
/// separator (U+2028, U+2029), or a noncharacter.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || is_bidi_control(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
        || is_noncharacter(c)
}

/// Whether `c` is a bidirectional formatting character (marks, embeddings, overrides and
/// isolates), which reorder the text around them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether `c` is a Unicode noncharacter: U+FDD0 to U+FDEF, and the last two code points of
/// every plane (U+FFFE, U+FFFF, U+1FFFE, ...).
pub fn is_noncharacter(c: char) -> bool {
    let c = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&c) || c & 0xFFFE == 0xFFFE
}

/// `text` with every [`is_hidden`] character written as an escape: `\n`, `\r` and `\t` for
/// those, `\u{..}` (hex, as Rust writes it) for the others. Borrowed when there is none, as in
/// almost all text.
///
/// ```
/// use claimgraph::text::visible;
/// assert_eq!(visible("plain"), "plain");
/// assert_eq!(visible("a\nb\tc\u{1b}]0;x\u{7}"), r"a\nb\tc\u{1b}]0;x\u{7}");
/// ```
pub fn visible(text: &str) -> Cow<'_, str> {
    // ASCII without controls, nearly all text, is returned without decoding it.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) || !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Writing to a String cannot fail.
            c if is_hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A message of several lines with every line shown through [`visible`]: the message's own
/// line breaks are kept, everything else hidden is escaped.
///
/// ```
/// use claimgraph::text::visible_lines;
/// assert_eq!(visible_lines("unknown `\u{1b}[2J`\n  | x"), "unknown `\\u{1b}[2J`\n  | x");
/// ```
pub fn visible_lines(text: &str) -> String {
    let lines: Vec<_> = text.split('\n').map(visible).collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[track_caller]
    fn case(text: &str, shown: &str) {
        assert_eq!(visible(text), shown, "{text:?}");
    }

    #[test]
    fn escapes_what_a_terminal_would_act_on() {
        case("", "");
        case("Ünïcödé ✓ 日本 \\n", "Ünïcödé ✓ 日本 \\n");
        case("title \u{1b}]0;pwned\u{7}", r"title \u{1b}]0;pwned\u{7}");
        case("csi \u{9b}2J", r"csi \u{9b}2J");
        case("row\nfake\r\tcell", r"row\nfake\r\tcell");
        case("del\u{7f}", r"del\u{7f}");
        case("abc\u{202e}fed", r"abc\u{202e}fed");
        case("line\u{2028}sep", r"line\u{2028}sep");
        case("non\u{fffe}\u{10ffff}", r"non\u{fffe}\u{10ffff}");
        case("no\u{a0}break", "no\u{a0}break");
    }

    proptest! {
        #[test]
        fn nothing_hidden_is_left(text in any::<String>()) {
            let shown = visible(&text);
            prop_assert!(!shown.chars().any(is_hidden), "{:?}", shown);
            if !text.chars().any(is_hidden) {
                prop_assert_eq!(shown.as_ref(), text.as_str());
            }
        }
    }
}

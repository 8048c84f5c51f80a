//! Word wrapping for node labels.
//!
//! Claim texts are sentences, often long ones; drawn on one line they make nodes too wide to lay
//! out. Both diagram writers (DOT and the embedded SVG renderer) wrap labels here, so a claim
//! breaks into the same lines whichever renderer draws it.

use std::borrow::Cow;

/// The line width labels are wrapped to, in characters.
pub(crate) const WIDTH: usize = 40;

/// Splits `text` into lines of at most `width` characters, breaking between words.
///
/// Runs of whitespace (including line breaks and tabs) count as one space, other control
/// characters are dropped, and a word longer than `width` (a URL, say) is cut into pieces of
/// `width` characters. Empty text gives no lines.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut joined = String::new();
    wrap_into(&mut joined, text, width);
    joined.split_terminator('\n').map(String::from).collect()
}

/// Appends the lines of [`wrap`] to `out`, each ended by a line break: one buffer instead of a
/// string per line, for labels that are written joined anyway. The lines hold no line breaks
/// of their own (whitespace runs become one space), so they split back exactly.
pub(crate) fn wrap_into(out: &mut String, text: &str, width: usize) {
    let width = width.max(1);
    out.reserve(text.len() + text.len() / width + 1);
    let text = printable(text);
    // ASCII text, nearly all text, is split without decoding it. (ASCII whitespace, unlike
    // Unicode's, leaves out the vertical tab.)
    if text.is_ascii() && !text.contains('\u{b}') {
        wrap_words(out, text.split_ascii_whitespace(), width);
    } else {
        wrap_words(out, text.split_whitespace(), width);
    }
}

/// Appends `words` to `out`, in lines of at most `width` characters each ended by a line break.
fn wrap_words<'a>(out: &mut String, words: impl Iterator<Item = &'a str>, width: usize) {
    let mut line_len = 0;
    for word in words {
        for piece in pieces(word, width) {
            let len = char_count(piece);
            if line_len > 0 && line_len + 1 + len > width {
                out.push('\n');
                line_len = 0;
            }
            if line_len > 0 {
                out.push(' ');
                line_len += 1;
            }
            out.push_str(piece);
            line_len += len;
        }
    }
    if line_len > 0 {
        out.push('\n');
    }
}

/// `text` without control characters other than whitespace, which no renderer draws sensibly.
/// Borrowed when there is nothing to drop, as in almost all text.
pub(crate) fn printable(text: &str) -> Cow<'_, str> {
    let dropped = |c: char| c.is_control() && !c.is_whitespace();
    // Text without a byte that can start a control character, nearly all text, is returned as
    // it is without decoding it.
    if !text.bytes().any(may_start_control) || !text.chars().any(dropped) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|&c| !dropped(c)).collect())
}

/// Whether `byte` can start the UTF-8 of a control character: a C0 control, DEL, or 0xC2, the
/// first byte of U+0080 to U+00BF (the C1 controls among them). A text with none of these has
/// no control character.
pub(crate) const fn may_start_control(byte: u8) -> bool {
    matches!(byte, 0..=0x1f | 0x7f | 0xc2)
}

/// The number of characters in `text`, without decoding ASCII.
fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// `word` cut into pieces of at most `width` characters.
fn pieces(word: &str, width: usize) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.len() <= width {
            // No more bytes than `width`, so no more characters either.
            return Some(std::mem::take(&mut rest));
        }
        let cut = rest
            .char_indices()
            .nth(width)
            .map_or(rest.len(), |(i, _)| i);
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, width: usize, expected: &[&str]) {
        assert_eq!(wrap(text, width), expected, "wrapping {text:?} at {width}");
    }

    #[test]
    fn wraps_between_words() {
        case("", 10, &[]);
        case("   \n\t ", 10, &[]);
        case("short", 10, &["short"]);
        case("one two three four", 9, &["one two", "three", "four"]);
        case("exactly ten", 11, &["exactly ten"]);
        case("a\nb\r\nc\td", 40, &["a b c d"]);
    }

    #[test]
    fn cuts_long_words() {
        case(
            "https://example.org/a/long/path",
            10,
            &["https://ex", "ample.org/", "a/long/pat", "h"],
        );
        case(
            "see https://example.org",
            10,
            &["see", "https://ex", "ample.org"],
        );
    }

    #[test]
    fn counts_characters_not_bytes() {
        case("ééééé ééééé", 11, &["ééééé ééééé"]);
        case("日本語の文章", 3, &["日本語", "の文章"]);
    }

    #[test]
    fn drops_control_characters() {
        case("a\u{0}b\u{7}c", 40, &["abc"]);
    }

    #[test]
    fn no_line_is_longer_than_the_width() {
        let text = "Chinese AI firms often need about twice the computing power to reach the same \
                    results as US models, according to Kai-Fu Lee.";
        for line in wrap(text, WIDTH) {
            assert!(line.chars().count() <= WIDTH, "{line:?}");
        }
    }

    proptest::proptest! {
        /// Whatever the text: no line is empty or longer than the width, no line has a line
        /// break or control character, and the lines hold every printable non-space character
        /// of the text, in order.
        #[test]
        fn lines_keep_every_character_within_the_width(
            text in proptest::prop_oneof![
                "(\\PC|[ \t\n\r\u{0}\u{b}\u{c}\u{85}\u{9f}\u{a0}é]){0,120}",
                // ASCII only, which is split on another path.
                "[a-z \t\n\r\u{0}\u{7}\u{b}\u{c}\u{7f}]{0,120}",
            ],
            width in 1usize..50,
        ) {
            let lines = wrap(&text, width);
            for line in &lines {
                proptest::prop_assert!(!line.is_empty() && line.chars().count() <= width, "{:?}", line);
                proptest::prop_assert!(!line.chars().any(char::is_control), "{:?}", line);
            }
            let kept: String = text.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
            let joined: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(joined, kept);
        }
    }
}

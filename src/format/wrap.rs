//! Word wrapping for node labels.
//!
//! Claim texts are sentences, often long ones; drawn on one line they make nodes too wide to lay
//! out. Both diagram writers (DOT and the embedded SVG renderer) wrap labels here, so a claim
//! breaks into the same lines whichever renderer draws it.

/// The line width labels are wrapped to, in characters.
pub(crate) const WIDTH: usize = 40;

/// Splits `text` into lines of at most `width` characters, breaking between words.
///
/// Runs of whitespace (including line breaks and tabs) count as one space, other control
/// characters are dropped, and a word longer than `width` (a URL, say) is cut into pieces of
/// `width` characters. Empty text gives no lines.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_len = 0;
    for word in printable(text).split_whitespace() {
        for piece in pieces(word, width) {
            let len = piece.chars().count();
            if line_len > 0 && line_len + 1 + len > width {
                lines.push(std::mem::take(&mut line));
                line_len = 0;
            }
            if line_len > 0 {
                line.push(' ');
                line_len += 1;
            }
            line.push_str(piece);
            line_len += len;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` without control characters other than whitespace, which no renderer draws sensibly.
pub(crate) fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .collect()
}

/// `word` cut into pieces of at most `width` characters.
fn pieces(word: &str, width: usize) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
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
}

//! Where the cursor is in a claim file as it is being typed: the keys whose blocks hold it, and
//! whether it is writing a key, a key's value, or a list item. Completion asks this; it follows
//! the lines before the cursor the way the index ([`super::index`]) scans whole documents.

use super::index::{self, Line, Open, Want};
use super::position::{byte_at, utf16_len};
use crate::model::is_id_char;

/// What is being written at the cursor.
#[derive(Debug, PartialEq, Eq)]
pub enum Writing<'a> {
    /// A key of the mapping at [`Cursor::keys`], or an item of the list there.
    KeyOrItem {
        /// Whether the line has a `- ` (so it may be a list item).
        item: bool,
    },
    /// The value of `key`, in the mapping at [`Cursor::keys`].
    Value { key: &'a str },
}

/// The cursor in a document's blocks.
#[derive(Debug)]
pub struct Cursor<'a> {
    /// The keys whose blocks hold the cursor, outermost first.
    pub keys: Vec<&'a str>,
    pub writing: Writing<'a>,
    /// The word typed so far, and the UTF-16 column where it starts.
    pub partial: &'a str,
    pub start: u32,
    /// Whether an id written here names a claim, a source or either (not for a declaration).
    pub want: Option<Want>,
}

/// The cursor at `line`:`character` (UTF-16) of `text`, unless it is inside something that is
/// neither a key nor a value being typed (a comment, prose, the middle of a word), or past the
/// end of its line or of the text.
pub fn at(text: &str, line: u32, character: u32) -> Option<Cursor<'_>> {
    let mut stack = Vec::new();
    let mut lines = text.split('\n');
    for content in lines.by_ref().take(line as usize) {
        if let Some(Line {
            key: Some((column, key, _)),
            dash,
            ..
        }) = Line::parse(content.trim_end_matches('\r'))
        {
            index::close(&mut stack, column, dash);
            stack.push(Open { column, key });
        }
    }
    let content = lines.next()?;
    let prefix = &content[..byte_at(content, character)?];
    cursor(stack, prefix)
}

/// The cursor at the end of `prefix`, the current line up to it.
fn cursor<'a>(mut stack: Vec<Open<'a>>, prefix: &'a str) -> Option<Cursor<'a>> {
    let parsed = Line::parse(prefix);
    let dash = parsed.as_ref().and_then(|l| l.dash);
    if let Some((column, key, (from, _))) = parsed.as_ref().and_then(|l| l.key) {
        index::close(&mut stack, column, dash);
        let value = &prefix[from..];
        let cut = value.rfind(['[', ',', ' ', '"', '\'']).map_or(0, |i| i + 1);
        let partial = word(&value[cut..])?;
        let want = index::role(&stack, key).and_then(|(decl, want)| (!decl).then_some(want));
        return Some(Cursor {
            keys: stack.iter().map(|o| o.key).collect(),
            writing: Writing::Value { key },
            partial,
            start: utf16_len(&prefix[..from + cut]),
            want,
        });
    }
    let at = parsed.map_or(prefix.len(), |l| l.rest.0);
    index::close(&mut stack, at, dash);
    let partial = word(&prefix[at..])?;
    let want = match stack.split_last() {
        Some((last, outer)) if dash.is_some() => {
            index::role(outer, last.key).and_then(|(decl, want)| (!decl).then_some(want))
        }
        _ => None,
    };
    Some(Cursor {
        keys: stack.iter().map(|o| o.key).collect(),
        writing: Writing::KeyOrItem {
            item: dash.is_some(),
        },
        partial,
        start: utf16_len(&prefix[..at]),
        want,
    })
}

/// `text` when it is a (possibly empty) id or key being typed.
fn word(text: &str) -> Option<&str> {
    text.chars().all(is_id_char).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cursor at the `|` of `text`.
    #[track_caller]
    fn case(text: &str, keys: &[&str], writing: Writing<'_>, partial: &str, want: Option<Want>) {
        let (line, column) = text
            .lines()
            .enumerate()
            .find_map(|(n, l)| Some((n, l.find('|')?)))
            .unwrap();
        let text = text.replace('|', "");
        let c = at(&text, line as u32, column as u32).unwrap();
        assert_eq!(
            (c.keys, c.writing, c.partial, c.want),
            (keys.to_vec(), writing, partial, want)
        );
    }

    #[test]
    fn keys_values_and_items() {
        use Want::*;
        use Writing::*;
        let claim = "claims:\n  - id: a\n    text: t\n";
        case(
            &format!("{claim}    by: le|\n"),
            &["claims"],
            Value { key: "by" },
            "le",
            Some(Source),
        );
        case(
            &format!("{claim}    supports: [a, g|]\n"),
            &["claims"],
            Value { key: "supports" },
            "g",
            Some(Claim),
        );
        case(
            &format!("{claim}    te|\n"),
            &["claims"],
            KeyOrItem { item: false },
            "te",
            None,
        );
        case(
            &format!("{claim}    contradicts:\n      - |\n"),
            &["claims", "contradicts"],
            KeyOrItem { item: true },
            "",
            Some(Claim),
        );
        case(
            &format!("{claim}    verdict:\n      rating: mis|\n"),
            &["claims", "verdict"],
            Value { key: "rating" },
            "mis",
            None,
        );
        case(
            &format!("{claim}    verdict:\n      evidence:\n        - |"),
            &["claims", "verdict", "evidence"],
            KeyOrItem { item: true },
            "",
            Some(Any),
        );
        case(
            "sources:\n  - |\n",
            &["sources"],
            KeyOrItem { item: true },
            "",
            None,
        );
        case("|", &[], KeyOrItem { item: false }, "", None);
        case(
            "claims:\n  - id: |\n",
            &["claims"],
            Value { key: "id" },
            "",
            None,
        );
    }

    #[test]
    fn not_while_writing_prose() {
        let text = "claims:\n  - id: a\n    text: Two Words # a\n";
        assert!(at(text, 2, 17).is_none());
        assert!(at(text, 2, 40).is_none());
        assert!(at(text, 3, 0).is_some_and(|c| c.keys.is_empty()));
        assert!(at(text, 4, 0).is_none());
    }
}

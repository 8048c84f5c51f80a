//! Matching quotes against an archive: normalisation, exact search, the closest passage of a
//! miss, and a word-by-word difference that shows what to fix.
//!
//! Normalisation makes only typographic variants equal: runs of whitespace become one space,
//! curly and straight quotes (single and double) become straight ones, and dash variants
//! (hyphen, en and em dash, minus, ...) become `-`. Nothing else: case, spelling, punctuation
//! and every word must match, so a changed word is a miss.
//!
//! The closest passage of a miss is found by voting with shared word trigrams: each trigram
//! of the quote that occurs in the archive votes for the archive word where the quote would
//! start if that trigram were in place; the start with most votes wins (the earliest on a
//! tie). It costs one hash look-up per quote trigram, tolerates changed, added and dropped
//! words anywhere in the quote, and falls back to single words when no trigram is shared.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use super::archive::ArchiveIndex;

/// The character `c` normalises to, or `None` for whitespace.
pub fn normal_char(c: char) -> Option<char> {
    Some(match c {
        c if c.is_whitespace() => return None,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        c => c,
    })
}

/// `text` normalised, borrowed when it is already in normal form: the fast path for the
/// usual quote, typed with plain quotes and dashes and single spaces, which then costs one
/// scan and no allocation. See [`normalise`].
pub fn normalised(text: &str) -> Cow<'_, str> {
    if is_normal(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(normalise(text))
    }
}

/// Whether [`normalise`] would return `text` unchanged: no whitespace but single inner
/// spaces, and no character that normalises to another.
fn is_normal(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut space = false;
    if text.is_ascii() {
        // In ASCII only whitespace normalises: tab, line feed, vertical tab, form feed and
        // carriage return (U+0009..=U+000D), and a space next to another.
        return bytes.iter().all(|&b| {
            let double = b == b' ' && space;
            space = b == b' ';
            !double && !(0x09..=0x0d).contains(&b)
        });
    }
    text.chars().all(|c| {
        let double = c == ' ' && space;
        space = c == ' ';
        !double && (c == ' ' || normal_char(c) == Some(c))
    })
}

/// `text` normalised: typographic quotes and dashes made plain, whitespace runs made one
/// space, no space at either end.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        match normal_char(c) {
            None => space = !out.is_empty(),
            Some(c) => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
    }
    out
}

/// Where a normalised quote occurs in an archive: the byte offset of its first occurrence in
/// the normalised text.
///
/// An inner word of the quote (neither its first nor its last, which may be parts of words) is
/// a whole word wherever the quote occurs, so the occurrences of the rarest of its first few
/// inner words are the only places worth comparing: a few hash look-ups and usually one
/// comparison. Only a quote of one or two words is searched for in the whole text.
pub fn find(index: &ArchiveIndex, quote: &str) -> Option<usize> {
    let text = index.text();
    let Some((places, within)) = anchor(index, quote) else {
        return text.find(quote);
    };
    places
        .iter()
        .map(|&w| index.word_offset(w as usize))
        .filter_map(|at| at.checked_sub(within))
        .find(|&start| text.get(start..).is_some_and(|t| t.starts_with(quote)))
}

/// The occurrences in the archive of the rarest of the quote's first four inner words, and
/// that word's byte offset within the quote; `None` when the quote has no inner word.
fn anchor<'a>(index: &'a ArchiveIndex, quote: &str) -> Option<(&'a [u32], usize)> {
    let mut best: Option<(&[u32], usize)> = None;
    let mut at = 0;
    for (i, word) in quote.split(' ').enumerate() {
        let start = at;
        at += word.len() + 1;
        if at > quote.len() {
            break; // the last word
        }
        if i == 0 {
            continue;
        }
        let places = index.word_starts(word);
        if best.is_none_or(|(b, _)| places.len() < b.len()) {
            best = Some((places, start));
        }
        if i == 4 || places.len() <= 1 {
            break;
        }
    }
    best
}

/// The closest passage of an archive to a quote that does not occur in it: the index of its
/// first word in the archive, or `None` when the two share no word.
pub fn nearest(index: &ArchiveIndex, quote: &[&str]) -> Option<usize> {
    for n in [3, 1] {
        if quote.len() < n {
            continue;
        }
        let mut votes: HashMap<usize, u32> = HashMap::default();
        for (i, gram) in quote.windows(n).enumerate() {
            for &w in index.word_starts(gram[0]) {
                let w = w as usize;
                if w >= i && (1..n).all(|k| index.word(w + k) == Some(gram[k])) {
                    *votes.entry(w - i).or_default() += 1;
                }
            }
        }
        let best = votes
            .into_iter()
            .max_by(|(a, va), (b, vb)| va.cmp(vb).then(b.cmp(a)));
        if let Some((start, _)) = best {
            return Some(start);
        }
    }
    None
}

/// One step of a word-by-word difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change<'a> {
    /// In both.
    Same(&'a str),
    /// In the quote only.
    Quote(&'a str),
    /// In the archive only.
    Archive(&'a str),
}

/// The word-by-word difference between a quote and a passage (a longest common subsequence,
/// O(n·m) for n and m words: quotes are short). The passage may be taken a little long: after
/// the last shared word, archive words are kept only as many as replace quote words.
pub fn diff<'a>(quote: &[&'a str], passage: &[&'a str]) -> Vec<Change<'a>> {
    let (n, m) = (quote.len(), passage.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if quote[i] == passage[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && quote[i] == passage[j] {
            out.push(Change::Same(quote[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(Change::Quote(quote[i]));
            i += 1;
        } else {
            out.push(Change::Archive(passage[j]));
            j += 1;
        }
    }
    let tail = out
        .iter()
        .rposition(|c| matches!(c, Change::Same(_)))
        .map_or(0, |p| p + 1);
    let replaced = out[tail..]
        .iter()
        .filter(|c| matches!(c, Change::Quote(_)))
        .count();
    let mut kept = 0;
    let mut k = 0;
    out.retain(|c| {
        k += 1;
        let drop = k > tail && matches!(c, Change::Archive(_)) && {
            kept += 1;
            kept > replaced
        };
        !drop
    });
    out
}

/// A difference written as `[-quote words-] {+archive words+}`, with runs of unchanged words
/// more than `context` words away from a change shortened to `...`.
pub fn render(changes: &[Change<'_>], context: usize) -> String {
    let changed: Vec<bool> = changes
        .iter()
        .map(|c| !matches!(c, Change::Same(_)))
        .collect();
    let near = |i: usize| {
        let lo = i.saturating_sub(context);
        let hi = (i + context + 1).min(changes.len());
        changed[lo..hi].iter().any(|&c| c)
    };
    let mut parts: Vec<String> = Vec::new();
    let mut run: (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let flush = |parts: &mut Vec<String>, run: &mut (Vec<&str>, Vec<&str>)| {
        if !run.0.is_empty() {
            parts.push(format!("[-{}-]", run.0.join(" ")));
        }
        if !run.1.is_empty() {
            parts.push(format!("{{+{}+}}", run.1.join(" ")));
        }
        run.0.clear();
        run.1.clear();
    };
    for (i, c) in changes.iter().enumerate() {
        match c {
            Change::Quote(w) => run.0.push(w),
            Change::Archive(w) => run.1.push(w),
            Change::Same(w) => {
                flush(&mut parts, &mut run);
                if near(i) {
                    parts.push((*w).to_string());
                } else if parts.last().is_none_or(|p| p != "...") {
                    parts.push("...".into());
                }
            }
        }
    }
    flush(&mut parts, &mut run);
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(input: &str, want: &str) {
        assert_eq!(normalise(input), want);
        assert_eq!(normalised(input), want, "the fast path");
    }

    #[test]
    fn the_fast_path_borrows_only_what_is_already_normal() {
        let borrowed = |s: &str| matches!(normalised(s), Cow::Borrowed(_));
        assert!(borrowed("It's an open-source \"model\"."));
        assert!(borrowed("caf\u{e9} na\u{ef}ve"));
        for s in [
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\u{b}b",
            "a\u{a0}b",
            "it\u{2019}s",
            "a\u{2014}b",
        ] {
            assert!(!borrowed(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_fast_path_agrees_with_normalise(
            s in "[a-z'\"\\- \t\n\u{b}\u{a0}\u{2019}\u{201C}\u{2013}\u{e9}]{0,12}"
        ) {
            proptest::prop_assert_eq!(normalised(&s), normalise(&s));
        }
    }

    #[test]
    fn normalises_quotes_dashes_and_whitespace_only() {
        case("  it\u{2019}s  \n a\ttest ", "it's a test");
        case("\u{201C}AI\u{201D} \u{2018}x\u{2019}", "\"AI\" 'x'");
        case(
            "open\u{2013}source \u{2014} a\u{2212}b \u{2010}",
            "open-source - a-b -",
        );
        // Case, letters and other punctuation are kept.
        case("Open-Source, ok.", "Open-Source, ok.");
        case("", "");
    }

    fn index(text: &str) -> ArchiveIndex {
        ArchiveIndex::new(std::path::Path::new("a.txt"), String::new(), text, false)
    }

    #[track_caller]
    fn found_on(ix: &ArchiveIndex, quote: &str) -> Option<u32> {
        find(ix, &normalise(quote)).map(|at| ix.line_of(at))
    }

    #[test]
    fn finds_quotes_up_to_typography_and_nothing_else() {
        let ix = index(
            "First line here.\nIt\u{2019}s an open\u{2013}source  \u{201C}model\u{201D}.\nThe end, here.\n",
        );
        assert_eq!(found_on(&ix, "It's an open-source \"model\"."), Some(2));
        assert_eq!(found_on(&ix, "here. It\u{2019}s"), Some(1), "across lines");
        assert_eq!(found_on(&ix, "ine here"), Some(1), "starting inside a word");
        assert_eq!(found_on(&ix, "here."), Some(1), "the first of two");
        assert_eq!(
            found_on(&ix, "ne here. It's an"),
            Some(1),
            "inside a word, anchored"
        );
        assert_eq!(found_on(&ix, "It's an open-source \"models\"."), None);
        assert_eq!(found_on(&ix, "it's an open-source"), None, "case matters");
        assert_eq!(
            found_on(&ix, "It's an opensource"),
            None,
            "a dropped dash matters"
        );
    }

    #[test]
    fn nearest_passage_is_where_most_shared_trigrams_point() {
        let ix = index("the cat sat on the mat\nthe dog sat on the log today\n");
        let q = words("the dog sat on a log today");
        assert_eq!(nearest(&ix, &q), Some(6));
        // No shared trigram: single words vote.
        assert_eq!(nearest(&ix, &words("dog zebra log")), Some(7));
        assert_eq!(nearest(&ix, &words("zebra")), None);
    }

    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn diff_shows_changed_added_and_dropped_words() {
        let d = diff(&words("a b x d"), &words("a b c d e f"));
        assert_eq!(render(&d, 3), "a b [-x-] {+c+} d");
        let d = diff(&words("a c"), &words("a b c"));
        assert_eq!(render(&d, 3), "a {+b+} c");
        let d = diff(&words("a b extra c"), &words("a b c"));
        assert_eq!(render(&d, 3), "a b [-extra-] c");
        // Two words changed at the end of the quote, the passage taken longer.
        let d = diff(&words("a b x y"), &words("a b c d e f"));
        assert_eq!(render(&d, 3), "a b [-x y-] {+c d+}");
    }

    #[test]
    fn render_elides_long_unchanged_runs() {
        let q = words("1 2 3 4 5 6 7 8 x");
        let p = words("1 2 3 4 5 6 7 8 y");
        assert_eq!(render(&diff(&q, &p), 2), "... 7 8 [-x-] {+y+}");
    }
}

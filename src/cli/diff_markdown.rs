//! `diff --format markdown`: the changes as a pull-request comment.
//!
//! Everything from a claim file is escaped for Markdown (no stray emphasis, link or HTML) and
//! through [`visible`], so a hidden character cannot hide in a review either.

use std::fmt::Write as _;

use super::diff::{
    cause_words, counts, id_and_words, item_counts, rating_word, relation_words, value_line,
};
use crate::diff::{Diff, ItemChanges};
use crate::text::visible;

/// The comment for `diff` between the versions named `old` and `new`.
pub fn markdown(diff: &Diff, old: &str, new: &str) -> String {
    let mut out = format!("### claimgraph diff {} → {}\n", code(old), code(new));
    if diff.is_empty() {
        out.push_str("\nNo changes.\n");
        return out;
    }
    items(&mut out, "Claims", "text", &diff.claims);
    items(&mut out, "Sources", "name", &diff.sources);
    relations(&mut out, diff);
    verdicts(&mut out, diff);
    flips(&mut out, diff);
    out
}

fn items(out: &mut String, title: &str, words: &str, items: &ItemChanges) {
    if items.is_empty() {
        return;
    }
    let summary = item_counts(items);
    let _ = writeln!(out, "\n**{title}** ({summary})\n");
    for (what, list) in [("added", &items.added), ("removed", &items.removed)] {
        for item in list {
            let (id, text) = id_and_words(item, words);
            let _ = writeln!(out, "- {what} {}: {}", code(id), escape(text));
        }
    }
    for changed in &items.changed {
        let _ = writeln!(out, "- changed {}", code(changed.id.as_str()));
        for f in &changed.fields {
            let (from, to) = (value_line(&f.from), value_line(&f.to));
            let _ = writeln!(out, "  - {}: {} → {}", f.field, code(&from), code(&to));
        }
    }
}

fn relations(out: &mut String, diff: &Diff) {
    let r = &diff.relations;
    if r.added.is_empty() && r.removed.is_empty() {
        return;
    }
    let summary = counts(&[(r.added.len(), "added"), (r.removed.len(), "removed")]);
    let _ = writeln!(out, "\n**Relations** ({summary})\n");
    for (what, list) in [("added", &r.added), ("removed", &r.removed)] {
        for relation in list {
            let _ = writeln!(out, "- {what} {}", code(&relation_words(relation)));
        }
    }
}

fn verdicts(out: &mut String, diff: &Diff) {
    if diff.verdicts.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n**Verdicts** ({} changed)\n", diff.verdicts.len());
    for v in &diff.verdicts {
        let (id, from, to) = (v.id.as_str(), rating_word(v.from), rating_word(v.to));
        let _ = writeln!(out, "- {}: {from} → **{to}**", code(id));
    }
}

fn flips(out: &mut String, diff: &Diff) {
    if diff.eval.is_empty() {
        return;
    }
    let n = diff.eval.len();
    let _ = writeln!(out, "\n**Eval** ({n} flipped; grounded, verdicts pinned)\n");
    for flip in &diff.eval {
        let id = code(flip.id.as_str());
        let _ = writeln!(out, "- {id}: {} → **{}**", flip.from, flip.to);
        for cause in &flip.because {
            let _ = writeln!(out, "  - because {}", code(&cause_words(cause)));
        }
    }
}

/// `text` as inline code: fenced with one backtick more than its longest run of them, padded
/// when it starts or ends with one, line breaks and hidden characters escaped.
fn code(text: &str) -> String {
    let text = visible(text);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// `text` as plain Markdown: the characters that could start markup where the text stands
/// (mid-line, after `- added `id`: `) are backslash-escaped, `@` and `#` too so that a claim
/// cannot mention a user or link an issue; line breaks and hidden characters are escaped by
/// [`visible`].
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in visible(text).chars() {
        if "\\`*_[]<>|~&@#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_fences_outlast_backticks() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a``"), "``` `a`` ```");
    }

    #[test]
    fn escape_defuses_markup() {
        assert_eq!(escape("*a* [x](y) <b>."), r"\*a\* \[x\](y) \<b\>.");
        assert_eq!(escape("@user #12"), r"\@user \#12");
        assert_eq!(escape("two\nlines"), r"two\\nlines");
    }
}

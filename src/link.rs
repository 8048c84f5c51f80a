//! Which URLs become links, and in what form: the one rule every writer that draws a link
//! follows (both SVG renderers, the report's table and its details panel).
//!
//! A source's `url` is free text from a claim file, and a link is code a browser follows: a
//! `javascript:` or `data:` URL runs script when clicked, and Graphviz copies a node's `URL`
//! into `xlink:href` without escaping it, so a `"` or `<` in it would end the attribute or
//! break the SVG. Only `http`, `https` and `mailto` URLs become links, and only in a form that
//! is inert in any markup: every character that could end an attribute, open a tag or start a
//! Graphviz escape (`"`, `'`, `<`, `>`, `\`, backtick), and every space or control character,
//! is percent-encoded, as a browser would send it anyway. `check` warns about the others
//! (see [`refused`]); the writers simply draw no link for them. It sits beside [`crate::text`],
//! below both, because `check` is below `format`.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::text;

/// The schemes that may become links.
pub const SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// `url` as a link target, or `None` when it must not become a link: its scheme is not one
/// of [`SCHEMES`] (compared without case, after surrounding whitespace is trimmed).
///
/// ```
/// use claimgraph::link::link;
/// assert_eq!(link("https://example.org/a?b=1&c=2").as_deref(), Some("https://example.org/a?b=1&c=2"));
/// assert_eq!(link(" HTTPS://x.org/a b\"<").as_deref(), Some("HTTPS://x.org/a%20b%22%3C"));
/// assert_eq!(link("javascript:alert(1)"), None);
/// ```
pub fn link(url: &str) -> Option<Cow<'_, str>> {
    let url = url.trim();
    refused(url).is_none().then(|| inert(url))
}

/// Why `url` does not become a link (the scheme it has, or that it has none), or `None`
/// when it does.
pub fn refused(url: &str) -> Option<String> {
    let url = url.trim();
    let Some((scheme, _)) = url.split_once(':') else {
        return Some("it has no scheme".into());
    };
    if SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
        return None;
    }
    let shown: String = scheme
        .chars()
        .take(20)
        .filter(|c| !c.is_control())
        .collect();
    Some(format!("its scheme `{shown}` is not http, https or mailto"))
}

/// `url` with every character that is not inert in markup percent-encoded (its UTF-8 bytes).
fn inert(url: &str) -> Cow<'_, str> {
    if !url.chars().any(needs_encoding) {
        return Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len() + 8);
    for c in url.chars() {
        if needs_encoding(c) {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                // Writing to a String cannot fail.
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is percent-encoded in a link: markup and escape characters, whitespace,
/// controls, bidirectional formatting and noncharacters.
fn needs_encoding(c: char) -> bool {
    matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
        || c.is_whitespace()
        || c.is_control()
        || text::is_bidi_control(c)
        || text::is_noncharacter(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[track_caller]
    fn case(url: &str, want: Option<&str>) {
        assert_eq!(link(url).as_deref(), want, "{url:?}");
        assert_eq!(refused(url).is_none(), want.is_some(), "{url:?}");
    }

    #[test]
    fn links_only_web_and_mail() {
        case("https://example.org/", Some("https://example.org/"));
        case(
            "http://example.org/?a=1&b=2",
            Some("http://example.org/?a=1&b=2"),
        );
        case("mailto:desk@example.org", Some("mailto:desk@example.org"));
        case("  HtTpS://x.org  ", Some("HtTpS://x.org"));
        case("javascript:alert(1)", None);
        case("JavaScript:alert(1)", None);
        case(" java\tscript:alert(1)", None);
        case("data:text/html,<script>x</script>", None);
        case("vbscript:x", None);
        case("file:///etc/passwd", None);
        case("//example.org/x", None);
        case("example.org", None);
        case("", None);
    }

    #[test]
    fn encodes_what_could_end_an_attribute_or_start_an_escape() {
        case(
            "https://x.org/a<b>\"onload=\"f()'`",
            Some("https://x.org/a%3Cb%3E%22onload=%22f()%27%60"),
        );
        case("https://x.org/\\N\\G", Some("https://x.org/%5CN%5CG"));
        case("https://x.org/a b\nc", Some("https://x.org/a%20b%0Ac"));
        case("https://x.org/\u{202e}", Some("https://x.org/%E2%80%AE"));
        case("https://ü.example/é", Some("https://ü.example/é"));
    }

    #[test]
    fn says_why_a_url_is_refused() {
        assert_eq!(
            refused("javascript:alert(1)").as_deref(),
            Some("its scheme `javascript` is not http, https or mailto")
        );
        assert_eq!(refused("x.org").as_deref(), Some("it has no scheme"));
    }

    proptest! {
        #[test]
        fn a_link_holds_nothing_markup_or_graphviz_reads(url in any::<String>()) {
            let url = format!("https://{url}");
            let link = link(&url).expect("an https URL is a link");
            prop_assert!(!link.contains(['"', '\'', '<', '>', '\\', '`']));
            prop_assert!(!link.chars().any(|c| c.is_control() || c.is_whitespace()));
        }
    }
}

//! Quoting text for DOT.
//!
//! graphviz-rust prints an `Id` exactly as given, so writing a label means writing a correct
//! quoted DOT string ourselves. Graphviz reads the attributes we write (`label`, `tooltip`,
//! `URL`) as *escStrings*: inside the quotes `\"` is a quote, `\\` a backslash, `\n`, `\l` and
//! `\r` are line breaks, `\N`, `\G` and friends are replaced by the node or graph name, and
//! HTML-style entities (`&amp;`, `&#945;`) are decoded. [`quote`] escapes all of that, so any
//! text comes out of Graphviz as it went in ([`quote_tooltip`] for tooltips, which Graphviz
//! expands twice); [`unquote`] is the inverse of [`quote`] (and a reader for the
//! escStrings Graphviz itself writes).

use std::fmt::Write as _;

use crate::format::wrap::may_start_control;

/// `text` as a quoted DOT string that Graphviz reads back as `text`.
///
/// Line breaks become `\n` (centred lines in a label); `"` and `\` are backslash-escaped; `&`
/// becomes `&amp;`, so that text which looks like an entity is not decoded; other control
/// characters (tabs, carriage returns, ...), which Graphviz does not draw, become numeric
/// entities (`&#9;`). Everything else, including `<`, `>`, `{`, `}` and `|`, is written as is.
///
/// ```
/// use claimgraph::format::dot::{quote, unquote};
/// assert_eq!(quote("say \"hi\"\nC:\\ & more"), r#""say \"hi\"\nC:\\ &amp; more""#);
/// assert_eq!(unquote(&quote("a\tb")).as_deref(), Some("a\tb"));
/// ```
pub fn quote(text: &str) -> String {
    quote_with(text, "\\\\")
}

/// `text` as a quoted DOT string for a `tooltip`, which Graphviz reads as `text`.
///
/// Graphviz expands the escapes of a tooltip twice where it does so once for a label (Graphviz
/// 2.43 turns the `\\N` of a label into `\N` but that of a tooltip into the node's name), so
/// a backslash is written as four: `\\\\`. Everything else is written as [`quote`] writes it.
///
/// ```
/// use claimgraph::format::dot::quote_tooltip;
/// assert_eq!(quote_tooltip(r"a\N"), r#""a\\\\N""#);
/// ```
pub fn quote_tooltip(text: &str) -> String {
    quote_with(text, "\\\\\\\\")
}

/// `text` quoted as [`quote`] says, with each backslash written as `backslash`.
fn quote_with(text: &str, backslash: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    // Runs of characters written as they are are copied whole: the next character to escape
    // starts at the next byte of `STARTS_ESCAPE`.
    let mut rest = text;
    while let Some(at) = rest.bytes().position(|b| STARTS_ESCAPE[usize::from(b)]) {
        out.push_str(&rest[..at]);
        let Some(c) = rest[at..].chars().next() else {
            break;
        };
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str(backslash),
            '\n' => out.push_str("\\n"),
            '&' => out.push_str("&amp;"),
            c if c.is_control() => {
                // Writing to a String cannot fail.
                let _ = write!(out, "&#{};", u32::from(c));
            }
            c => out.push(c),
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
    out.push('"');
    out
}

/// The bytes that can start a character [`quote`] escapes: ASCII `"`, `\\` and `&`, and those
/// that can start a control character. Each of them starts nothing else.
static STARTS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'"' | b'\\' | b'&') || may_start_control(b as u8);
        b += 1;
    }
    table
};

/// The text of a quoted DOT escString as Graphviz reads it: the inverse of [`quote`].
///
/// `\n`, `\l` and `\r` become line breaks, a backslash before a line break joins the lines, a
/// backslash before any other character stands for that character, and the entities `&amp;`,
/// `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric ones are decoded (others are kept as written).
/// Returns `None` when `quoted` is not a double-quoted string.
pub fn unquote(quoted: &str) -> Option<String> {
    let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                'n' | 'l' | 'r' => out.push('\n'),
                '\n' => {}
                other => out.push(other),
            },
            '&' => decode_entity(&mut chars, &mut out),
            c => out.push(c),
        }
    }
    Some(out)
}

/// Decodes the entity after an `&` (already consumed), advancing `chars` past it; when the text
/// is not a known entity, writes the `&` alone and leaves `chars` where it was.
fn decode_entity(chars: &mut std::str::Chars<'_>, out: &mut String) {
    let rest = chars.as_str();
    let decoded = rest
        .find(';')
        .filter(|&end| end <= 10)
        .and_then(|end| Some((entity(&rest[..end])?, end)));
    match decoded {
        Some((c, end)) => {
            out.push(c);
            *chars = rest[end + 1..].chars();
        }
        None => out.push('&'),
    }
}

/// The character an entity name (between `&` and `;`) stands for.
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use graphviz_rust::dot_structures::{Attribute, Graph, Id, Node, NodeId, Stmt};
    use graphviz_rust::printer::{DotPrinter, PrinterContext};
    use proptest::prelude::*;

    #[track_caller]
    fn case(text: &str, quoted: &str) {
        assert_eq!(quote(text), quoted, "quoting {text:?}");
        assert_eq!(
            unquote(quoted).as_deref(),
            Some(text),
            "unquoting {quoted:?}"
        );
    }

    #[test]
    fn quotes_what_graphviz_would_read_differently() {
        case("", r#""""#);
        case("plain text", r#""plain text""#);
        case(r#"a "quote""#, r#""a \"quote\"""#);
        case(r"back\slash \N \n", r#""back\\slash \\N \\n""#);
        case("two\nlines", r#""two\nlines""#);
        case("tab\there, cr\r", r#""tab&#9;here, cr&#13;""#);
        case("R&D &amp; &#65;", r#""R&amp;D &amp;amp; &amp;#65;""#);
        case("<b>{x|y}</b>", r#""<b>{x|y}</b>""#);
        case("Ünïcödé ✓ 日本", r#""Ünïcödé ✓ 日本""#);
        // A C1 control is escaped; its neighbours in the same UTF-8 lead byte are not.
        case("next\u{85}line", r#""next&#133;line""#);
        case("no\u{a0}break ©", "\"no\u{a0}break ©\"");
        case("del\u{7f}", r#""del&#127;""#);
    }

    #[test]
    fn reads_graphviz_escapes() {
        assert_eq!(
            unquote(r#""left\lright\r""#).as_deref(),
            Some("left\nright\n")
        );
        assert_eq!(
            unquote("\"joined \\\nline\"").as_deref(),
            Some("joined line")
        );
        assert_eq!(
            unquote(r#""&alpha; &#x3b1; & alone &#;""#).as_deref(),
            Some("&alpha; α & alone &#;")
        );
        assert_eq!(unquote("not quoted"), None);
        assert_eq!(unquote(r#""dangling\""#), None);
    }

    /// A one-node graph labelled `label`, printed the way `to_dot` prints.
    fn labelled_graph(label: &str) -> String {
        let key = Id::Plain("label".into());
        let node = Node::new(
            NodeId(Id::Escaped(quote("n")), None),
            vec![Attribute(key, Id::Escaped(quote(label)))],
        );
        let graph = Graph::DiGraph {
            id: Id::Plain("g".into()),
            strict: false,
            stmts: vec![Stmt::Node(node)],
        };
        graph.print(&mut PrinterContext::default())
    }

    /// The label of the first node of `dot`, as graphviz-rust parses it.
    fn parsed_label(dot: &str) -> Result<String, String> {
        let stmts = match graphviz_rust::parse(dot)? {
            Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => stmts,
        };
        let node = stmts
            .iter()
            .find_map(|s| if let Stmt::Node(n) = s { Some(n) } else { None });
        let attrs = node.map(|n| n.attributes.as_slice()).unwrap_or_default();
        match attrs
            .iter()
            .find(|a| a.0 == Id::Plain("label".into()))
            .map(|a| &a.1)
        {
            Some(Id::Escaped(quoted)) => {
                unquote(quoted).ok_or_else(|| format!("bad string {quoted}"))
            }
            other => Err(format!("no quoted label: {other:?}")),
        }
    }

    /// Text rich in the characters that break DOT strings, mixed with arbitrary Unicode.
    fn awkward_text() -> impl Strategy<Value = String> {
        let special = prop::sample::select(vec![
            "\"", "\\", "\n", "\r", "\r\n", "\t", "<", ">", "{", "}", "|", "&", "&amp;", "\\n",
            "\\N", ";", "]", "\0",
        ]);
        let piece = prop_oneof![any::<String>(), special.prop_map(String::from)];
        prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_label_survives_print_and_parse(text in awkward_text()) {
            let dot = labelled_graph(&text);
            prop_assert_eq!(parsed_label(&dot), Ok(text), "{}", dot);
        }

        #[test]
        fn any_string_round_trips(text in any::<String>()) {
            prop_assert_eq!(unquote(&quote(&text)), Some(text));
        }
    }
}

//! Escaping text for XML and HTML: the one rule for the embedded renderer's SVG, the report
//! page and GraphML.

/// `text` escaped for XML or HTML content and attribute values: markup characters as
/// entities, tabs and line breaks as character references (so an attribute keeps them), and
/// without the characters XML 1.0 cannot hold (other controls, U+FFFE, U+FFFF).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape("<a href=\"x\">R&D's</a>\u{7}\tok\n\u{fffe}\u{ffff}\u{10ffff}"),
            "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;&#9;ok&#10;\u{10ffff}"
        );
    }
}

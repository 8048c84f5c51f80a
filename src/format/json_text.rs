//! JSON text that every reader of ours reads back, YAML readers included.
//!
//! serde_json writes DEL, the C1 controls, U+2028, U+2029 and noncharacters such as U+FFFE
//! raw, as JSON allows; but YAML, which reads our JSON files and the claim files `import`
//! writes, refuses them raw (they are not "printable"), so a claim that passed `check` could
//! not be imported again. Every JSON string we write (JSON, AIF, ClaimReview, and the quoted
//! scalars of the YAML and Argdown writers) goes through here, which writes them as `\u`
//! escapes that JSON and YAML both read back.

use std::fmt::Write as _;

use serde::Serialize;

/// `value` as compact JSON with the characters YAML refuses raw escaped.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    portable(serde_json::to_string(value).unwrap_or_default())
}

/// `value` as pretty JSON with the characters YAML refuses raw escaped.
pub(crate) fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    portable(serde_json::to_string_pretty(value).unwrap_or_default())
}

/// Whether `c` is written as a `\u` escape: DEL and C1 controls (serde_json escapes C0
/// itself), line and paragraph separators, the byte order mark and noncharacters, all in the
/// Basic Multilingual Plane (YAML reads the other planes' noncharacters raw).
fn escaped(c: char) -> bool {
    matches!(
        c,
        '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}'
    ) || (crate::text::is_noncharacter(c) && u32::from(c) <= 0xFFFF)
}

/// `json` with every [`escaped`] character written as `\uXXXX`. serde_json writes such
/// characters only inside strings, and never right after an unescaped backslash, so the
/// escape is read as the character it replaces.
fn portable(json: String) -> String {
    // Bytes that can start an escaped character: DEL, and the lead bytes of U+0080..U+009F,
    // U+2028/2029 and U+FDD0..U+FFFF. JSON without them, nearly all, is kept as it is.
    if !json.bytes().any(|b| matches!(b, 0x7f | 0xc2 | 0xe2 | 0xef)) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if escaped(c) {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_what_yaml_refuses_raw() {
        let text = "del\u{7f} c1\u{85}\u{9f} ls\u{2028} ps\u{2029} bom\u{feff} non\u{fffe}\u{ffff}\u{fdd0} ok\u{a0}é\u{1fffe}";
        assert_eq!(
            to_string(text),
            "\"del\\u007f c1\\u0085\\u009f ls\\u2028 ps\\u2029 bom\\ufeff non\\ufffe\\uffff\\ufdd0 ok\u{a0}é\u{1fffe}\""
        );
    }

    proptest! {
        #[test]
        fn json_reads_back_the_same_string(text in any::<String>()) {
            let json = to_string(&text);
            prop_assert!(!json.chars().any(escaped));
            prop_assert_eq!(serde_json::from_str::<String>(&json).ok(), Some(text));
        }
    }
}

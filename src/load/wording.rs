//! serde-saphyr's errors in the words of the person who wrote the claim file.
//!
//! The YAML library words its messages for the programmer calling it: "set DuplicateKeyPolicy
//! in Options", "use from_str_multiple", "use Option<String>", "invalid floating point". A
//! claim file's author can act on none of that. Each such error is said here in terms of the
//! file instead, naming the key where the text shows one; every other message goes through the
//! library's own user-facing wording ([`UserMessageFormatter`]), which gives no such advice.

use serde_saphyr::{Error as YamlError, MessageFormatter, UserMessageFormatter};

/// What to tell the user about `e`, found in `text`: a message and, where one helps, a hint.
pub fn explain(e: &YamlError, text: &str) -> (String, Option<String>) {
    let place = e
        .location()
        .map(|l| (l.line() as usize, l.column() as usize));
    let key = place.and_then(|(line, column)| key_before(text, line, column));
    let value = place.and_then(|(line, column)| value_at(text, line, column));
    let named = |what: &str| match key {
        Some(key) => format!("`{key}` {what}"),
        None => format!("this value {what}"),
    };
    match e {
        YamlError::AliasError { error, .. } => explain(error, text),
        YamlError::InvalidScalar { ty, .. } => match value {
            Some(v) if v.parse::<f64>().is_ok_and(f64::is_infinite) => (
                named(&format!("must be a finite number; `{v}` is too large")),
                None,
            ),
            Some(v) => (named(&format!("must be {}, not `{v}`", kind_of(ty))), None),
            None => (named(&format!("must be {}", kind_of(ty))), None),
        },
        YamlError::NonFiniteFloat { value, .. } => (
            named(&format!("must be a finite number, not `{value}`")),
            None,
        ),
        YamlError::NullIntoString { .. } | YamlError::InvalidCharNull { .. } => (
            key.map_or_else(
                || "a value is missing here".into(),
                |key| format!("`{key}` has no value"),
            ),
            Some("write a value after the colon, or remove the key".into()),
        ),
        YamlError::DuplicateMappingKey { key, .. } => (
            match key {
                Some(key) => format!("the key `{key}` appears twice in this entry"),
                None => "a key appears twice in this entry".into(),
            },
            Some("keep one of them".into()),
        ),
        YamlError::MultipleDocuments { .. } => (
            "the file holds more than one YAML document (a `---` line starts another)".into(),
            Some("put everything in one document: remove the `---` line, or split the file".into()),
        ),
        YamlError::MergeKeyNotAllowed { .. } => (
            "merge keys (`<<`) are not allowed in claim files".into(),
            Some("write the keys out in each entry".into()),
        ),
        YamlError::BinaryNotUtf8 { .. } | YamlError::InvalidBinaryBase64 { .. } => (
            "claim files hold text, not `!!binary` values".into(),
            Some("write the text itself, without the `!!binary` tag".into()),
        ),
        YamlError::TaggedStructFieldName { tag, .. } => (
            format!("the tag `{tag}` on a key is not allowed in claim files"),
            Some("remove the tag".into()),
        ),
        YamlError::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => (
            named(&format!("must be {}, not {unexpected}", kind_of(expected))),
            None,
        ),
        YamlError::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => (
            named(&format!("must be {}, not {unexpected}", kind_of(expected))),
            None,
        ),
        _ => (first_line(&UserMessageFormatter.format_message(e)), None),
    }
}

/// A Rust or serde type name in words ("f64" is "a number").
fn kind_of(ty: &str) -> &str {
    match ty {
        "floating point" | "f64" | "f32" => "a number",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            "a whole number"
        }
        "a boolean" | "bool" | "boolean" => "`true` or `false`",
        "a sequence" => "a list",
        ty if ty.starts_with("struct ") => "a mapping (`key: value` lines)",
        ty => ty,
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().trim().to_string()
}

/// The key written before the value at `line`:`column` (1-based) on the same line, as in
/// `confidence: high` or `{confidence: high}`.
fn key_before(text: &str, line: usize, column: usize) -> Option<&str> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    let at = |n: usize| l.char_indices().nth(n).map_or(l.len(), |(i, _)| i);
    // A value is located where it starts; a missing value, at the key's colon.
    let before = [at(column.checked_sub(1)?), at(column)]
        .into_iter()
        .find_map(|end| l[..end].trim_end().strip_suffix(':'))?
        .trim_end();
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |i| i + 1);
    Some(&before[start..]).filter(|k| !k.is_empty())
}

/// The plain value written at `line`:`column`, up to a comment, a comma or a bracket.
fn value_at(text: &str, line: usize, column: usize) -> Option<&str> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    let start = l.char_indices().nth(column.checked_sub(1)?)?.0;
    let rest = &l[start..];
    let end = rest.find([',', ']', '}', '#']).unwrap_or(rest.len());
    Some(rest[..end].trim()).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The messages of a file's diagnostics.
    fn messages(yaml: &str) -> Vec<String> {
        let (_, diags) = super::super::parse::parse(Path::new("a.yaml"), yaml.as_bytes());
        diags
            .into_iter()
            .map(|d| format!("{} ({:?})", d.message, d.hint))
            .collect()
    }

    /// Every serde-saphyr message that advises its programmer (grepped from its `Display`
    /// strings: `DuplicateKeyPolicy`, `from_str_multiple`, `Option<String>`, `Option<char>`,
    /// `ignore_binary_tag_for_string`, "configured policy", Rust type names) is reworded.
    #[test]
    fn no_message_gives_advice_about_the_library() {
        let inputs = [
            "claims:\n  - id: a\n    text: A.\n    text: B.\n",
            "claims: []\n---\nclaims: []\n",
            "claims:\n  - id: a\n    text:\n",
            "claims:\n  - id: a\n    text: !!binary /w==\n",
            "claims:\n  - id: a\n    text: A.\n    confidence: .nan.\n",
            "claims:\n  - id: a\n    text: A.\n    confidence: [1]\n",
            "claims:\n  - id: a\n    text: A.\n    confidence: 1e999\n",
            "views:\n  - name: v\n    select: {depth: deep}\n",
            "views:\n  - name: v\n    select: {no_sources: maybe}\n",
            "x: &a {id: a}\nclaims:\n  - <<: *a\n    text: A.\n",
        ];
        let words = [
            "Option",
            "olicy",
            "from_str",
            "Cow<",
            "deserializ",
            "f64",
            "u32",
            "struct ",
            "floating point",
        ];
        for input in inputs {
            let messages = messages(input);
            assert!(!messages.is_empty(), "{input:?} is an error");
            for m in &messages {
                assert!(!words.iter().any(|w| m.contains(w)), "{input:?}: {m}");
            }
        }
    }

    #[test]
    fn keys_and_values_are_read_from_the_line() {
        let text = "claims:\n  - id: a\n    confidence: high # why\n    x: {strength: 1e400}\n";
        assert_eq!(key_before(text, 3, 17), Some("confidence"));
        assert_eq!(value_at(text, 3, 17), Some("high"));
        assert_eq!(key_before(text, 4, 18), Some("strength"));
        assert_eq!(value_at(text, 4, 18), Some("1e400"));
        assert_eq!(key_before(text, 2, 5), None, "a list item has no key");
        assert_eq!(key_before("  text:\n", 1, 7), Some("text"), "at the colon");
        assert_eq!(key_before(text, 9, 1), None, "no such line");
    }
}

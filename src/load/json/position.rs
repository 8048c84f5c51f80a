//! Where each value of a JSON text was written.
//!
//! serde_json says where an error is, but not where a value it read successfully was written,
//! and the resolver needs that for every id and reference (an unknown id found after parsing
//! must still point at its value). So while a JSON text is parsed, it is registered here, and
//! [`At`] values are read as [`RawValue`]s: a raw value borrows its text from the input, so the
//! distance from the start of the input to the value is its offset, turned here into a line
//! and column. Only addresses are compared; no pointer is ever read.

use std::cell::{Cell, RefCell};

use serde::de::{self, Deserialize, Deserializer};
use serde_json::value::RawValue;

use crate::load::file::{At, Pos};
use crate::load::lines::LineStarts;

thread_local! {
    /// Whether a JSON text is being parsed on this thread (read on every `At`, so kept apart
    /// from the text's details).
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
    static DOC: RefCell<Option<Doc>> = const { RefCell::new(None) };
}

/// The text being parsed.
struct Doc {
    /// The address of its first byte, and its length.
    start: usize,
    len: usize,
    /// The line its first byte is on.
    first_line: u32,
    /// Where each of its lines starts.
    lines: LineStarts,
    /// The text itself when it is not ASCII, to count columns in characters.
    text: Option<String>,
    /// Where the first error inside a value was, when one was.
    error_at: Option<Pos>,
}

/// Parses with `text` registered as the JSON text being read (its first line numbered
/// `first_line`): `f` must read `text` itself. Returns what `f` returned and, when a value
/// failed to parse, where it failed.
pub fn reading<R>(text: &str, first_line: u32, f: impl FnOnce() -> R) -> (R, Option<Pos>) {
    let doc = Doc {
        start: text.as_ptr() as usize,
        len: text.len(),
        first_line,
        lines: LineStarts::new(text),
        text: (!text.is_ascii()).then(|| text.to_owned()),
        error_at: None,
    };
    DOC.with(|d| *d.borrow_mut() = Some(doc));
    ACTIVE.with(|a| a.set(true));
    let _reset = Reset;
    let out = f();
    let error_at = DOC.with(|d| d.borrow().as_ref().and_then(|d| d.error_at));
    (out, error_at)
}

/// Unregisters the text when parsing ends, even by a panic.
struct Reset;

impl Drop for Reset {
    fn drop(&mut self) {
        ACTIVE.with(|a| a.set(false));
        DOC.with(|d| *d.borrow_mut() = None);
    }
}

/// Whether a JSON text is being read on this thread.
pub fn active() -> bool {
    ACTIVE.with(Cell::get)
}

/// The position of `part`, a slice of the registered text; line 0 when it is not one.
pub fn of(part: &str) -> Pos {
    DOC.with(|d| {
        d.borrow().as_ref().map_or(Pos { line: 0, column: 0 }, |d| {
            d.pos(part.as_ptr() as usize)
        })
    })
}

/// The position of the 1-based `line` and byte `column` (as serde_json counts) in `part`, a
/// slice of the registered text.
pub fn of_error(part: &str, line: usize, column: usize) -> Pos {
    let mut offset = 0;
    for _ in 1..line {
        match part[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => break,
        }
    }
    let offset = (offset + column.saturating_sub(1)).min(part.len());
    DOC.with(|d| {
        d.borrow().as_ref().map_or(Pos { line: 0, column: 0 }, |d| {
            d.pos(part.as_ptr() as usize + offset)
        })
    })
}

impl Doc {
    fn pos(&self, addr: usize) -> Pos {
        let Some(offset) = addr.checked_sub(self.start).filter(|&o| o <= self.len) else {
            return Pos { line: 0, column: 0 };
        };
        let (index, line_start) = self.lines.line_of(offset);
        let column = match &self.text {
            Some(text) => text
                .get(line_start..offset)
                .map_or(offset - line_start, |s| s.chars().count()),
            None => offset - line_start,
        };
        Pos {
            line: self.first_line + index as u32,
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }
}

/// Records where the first error inside a value was.
pub fn record(at: Pos) {
    DOC.with(|d| {
        if let Some(d) = d.borrow_mut().as_mut() {
            d.error_at.get_or_insert(at);
        }
    });
}

/// Reads an [`At`] from JSON: the value's raw text, its position, then the value from that
/// text.
pub fn at<'de, D, T>(d: D) -> Result<At<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let raw = <&'de RawValue>::deserialize(d)?;
    let text = raw.get();
    // A string is located at its first character, inside the quote, as YAML locates it.
    let referenced = of(text.strip_prefix('"').unwrap_or(text));
    let mut inner = serde_json::Deserializer::from_str(text);
    match T::deserialize(&mut inner) {
        Ok(value) => Ok(At { value, referenced }),
        Err(e) => {
            record(of_error(text, e.line(), e.column()));
            Err(de::Error::custom(message(&e)))
        }
    }
}

/// serde_json's message without the position it appends (" at line 1 column 5").
pub fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) if e.line() != 0 => text[..i].to_string(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<(String, Pos)> {
        let (parsed, _) = reading(text, 1, || {
            serde_json::from_str::<Vec<At<String>>>(text).unwrap()
        });
        parsed
            .into_iter()
            .map(|a| (a.value, a.referenced))
            .collect()
    }

    #[track_caller]
    fn case(text: &str, expected: &[(u32, u32)]) {
        let found: Vec<(u32, u32)> = ids(text).iter().map(|(_, p)| (p.line, p.column)).collect();
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn values_are_located_by_line_and_character() {
        case(r#"["a", "b"]"#, &[(1, 3), (1, 8)]);
        case("[\n  \"a\",\n    \"b\"]", &[(2, 4), (3, 6)]);
        case(r#"["é", "b"]"#, &[(1, 3), (1, 8)]);
        case("[\"ü\",\n\"€\", \"x\"]", &[(1, 3), (2, 2), (2, 7)]);
    }

    #[test]
    fn an_error_inside_a_value_is_located_at_the_value() {
        let text = r#"["a", 5]"#;
        let (parsed, at) = reading(text, 3, || serde_json::from_str::<Vec<At<String>>>(text));
        assert!(parsed.is_err());
        assert_eq!(at, Some(Pos { line: 3, column: 7 }));
    }

    #[test]
    fn outside_a_reading_nothing_is_active() {
        assert!(!active());
        let _ = reading("[]", 1, || assert!(active()));
        assert!(!active());
    }
}

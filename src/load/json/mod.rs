//! JSON claim files, a second front end over the same serde structs as YAML: `*.json` holds
//! one object with the YAML file's top-level keys, `*.jsonl` one entry per line (`lines.rs`,
//! with its `type` read by `item.rs`).
//!
//! JSON is read by serde_json (a much cheaper parse than YAML's, which is what a machine-made
//! corpus of a million claims needs; figures in `benches/README.md`), with the position of every value taken
//! from where it lies in the text (`position.rs`), so the same checks point at the same
//! places as in a YAML file.

pub(super) mod item;
pub(super) mod lines;
pub(super) mod position;
pub(super) mod stream;

use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_json::value::RawValue;

use super::file::{At, FILE_KEYS, Pos, RawFile};
use super::{Code, Diagnostic, Location};
use crate::suggest;

/// Parses a `*.json` claim file's text. When the whole file does not parse, each entry is
/// read on its own, so every broken entry is reported and every good one kept.
pub fn parse_document(path: &Path, text: &str) -> (Option<RawFile>, Vec<Diagnostic>) {
    if let Some(d) = not_an_object(path, text, 1, Shape::Document) {
        return (None, vec![d]);
    }
    let (parsed, at) = position::reading(text, 1, || serde_json::from_str::<RawFile>(text));
    let e = match parsed {
        Ok(raw) => return (Some(raw), Vec::new()),
        Err(e) => e,
    };
    let first = error(path, &e, at, text, 1);
    match recover(path, text) {
        Some((raw, mut diags)) if !diags.is_empty() => {
            if !diags.iter().any(|d| d.location == first.location) && first.code == Code::Syntax {
                diags.push(first);
            }
            (Some(raw), diags)
        }
        _ => (None, vec![first]),
    }
}

/// An object's keys, each with its position, and values, in order.
struct Object<V>(Vec<(At<String>, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Object<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Fields<V> {
            type Value = Object<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Object<V>, M::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Object(out))
            }
        }
        d.deserialize_map(Fields(std::marker::PhantomData))
    }
}

/// Re-reads a `*.json` file entry by entry; `None` when its outline does not parse.
fn recover(path: &Path, text: &str) -> Option<(RawFile, Vec<Diagnostic>)> {
    let (outline, _) = position::reading(text, 1, || {
        serde_json::from_str::<Object<Option<Vec<&RawValue>>>>(text)
    });
    let outline = outline.ok()?.0;
    let mut raw = RawFile::default();
    let mut diags = Vec::new();
    for (key, entries) in outline {
        let entries = entries.unwrap_or_default();
        let mut read = Entries {
            path,
            text,
            diags: &mut diags,
            broken: &mut raw.broken,
        };
        match key.value.as_str() {
            "sources" => raw.sources = read.all(&entries),
            "claims" => raw.claims = read.all(&entries),
            "relations" => raw.relations = read.all(&entries),
            "views" => raw.views = read.all(&entries),
            other => diags.push(unknown_key(path, other, key.referenced, FILE_KEYS)),
        }
    }
    Some((raw, diags))
}

/// Reads entries one by one, reporting the broken ones.
struct Entries<'a> {
    path: &'a Path,
    text: &'a str,
    diags: &'a mut Vec<Diagnostic>,
    broken: &'a mut Vec<String>,
}

impl Entries<'_> {
    fn all<T: for<'de> Deserialize<'de>>(&mut self, entries: &[&RawValue]) -> Vec<T> {
        let mut out = Vec::new();
        for entry in entries {
            let part = entry.get();
            let (parsed, at) = position::reading(self.text, 1, || serde_json::from_str::<T>(part));
            match parsed {
                Ok(item) => out.push(item),
                Err(e) => {
                    let start = position::reading(self.text, 1, || position::of(part)).0;
                    let at = at.or_else(|| {
                        position::reading(self.text, 1, || {
                            Some(position::of_error(part, e.line(), e.column()))
                        })
                        .0
                    });
                    let mut d = error(self.path, &e, at, part, start.line);
                    if d.code == Code::MissingField {
                        d.location = Location::at(self.path, start.line, start.column, 1);
                    }
                    self.diags.push(d);
                    self.broken.extend(broken_id(part));
                }
            }
        }
        out
    }
}

/// The id of an entry that did not parse, when it has one.
fn broken_id(part: &str) -> Option<String> {
    let (head, _) = position::reading(part, 1, || serde_json::from_str::<item::Head>(part));
    head.ok()?.id?.0
}

/// What the text should hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// A whole `*.json` file: one object.
    Document,
    /// A line of a `*.jsonl` file: one object.
    Line,
}

/// The error for a text that does not start an object, or `None` when it does.
pub(super) fn not_an_object(
    path: &Path,
    text: &str,
    line: u32,
    shape: Shape,
) -> Option<Diagnostic> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        return None;
    }
    let offset = text.len() - trimmed.len();
    let before = &text[..offset];
    let line = line + before.matches('\n').count() as u32;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    let at = Location::at(path, line, column, 1);
    let (ext, holds) = match shape {
        Shape::Document => (
            "json",
            "one JSON object with `sources`, `claims`, `relations` or `views`",
        ),
        Shape::Line => ("jsonl", "one JSON object per line, each with a `type`"),
    };
    if looks_like_yaml(trimmed) {
        let msg = format!("this is YAML, not JSON: a `.{ext}` file holds {holds}");
        return Some(Diagnostic::error(Code::Syntax, at, msg).with_hint(
            "rename the file to end in `.yaml` (`claimgraph --claims FILE.yaml export jsonl` then writes it as JSON Lines)",
        ));
    }
    let msg = format!("wrong type: expected a JSON object here; a `.{ext}` file holds {holds}");
    Some(Diagnostic::error(Code::WrongType, at, msg))
}

/// Whether a text that is not a JSON object starts like a YAML claim file.
fn looks_like_yaml(text: &str) -> bool {
    let first = text.lines().next().unwrap_or_default().trim_end();
    first == "---"
        || first.starts_with('#')
        || first.starts_with("- ")
        || FILE_KEYS
            .iter()
            .any(|k| first.starts_with(&format!("{k}:")))
        || first.split_once(':').is_some_and(|(key, _)| {
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        })
}

/// Turns a serde_json error into a diagnostic. `at`: where an error inside a value was (see
/// `position.rs`); otherwise the error's own place in `text`, whose first line is `first_line`.
pub(super) fn error(
    path: &Path,
    e: &serde_json::Error,
    at: Option<Pos>,
    text: &str,
    first_line: u32,
) -> Diagnostic {
    let pos = at.unwrap_or_else(|| {
        position::reading(text, first_line, || match e.is_eof() {
            // After the last character, where the rest is missing.
            true => position::of(&text[text.len()..]),
            false => position::of_error(text, e.line(), e.column()),
        })
        .0
    });
    let message = position::message(e);
    let located = |len: usize| Location::at(path, pos.line, pos.column, len as u32);
    if e.is_syntax() || e.is_eof() {
        return Diagnostic::error(Code::Syntax, located(1), format!("invalid JSON: {message}"));
    }
    if let Some(field) = between(&message, "unknown field `") {
        let expected = backticked(message.split_once("expected").map_or("", |(_, rest)| rest));
        let mut d = unknown_key(path, field, pos, &expected);
        // serde_json stops at the key's closing quote: point at the key's first character.
        d.location.column = pos
            .column
            .saturating_sub(field.chars().count() as u32)
            .max(1);
        return d;
    }
    if let Some(word) = between(&message, item::UNKNOWN_TYPE) {
        let hint = suggest::hint(word, item::TYPES.iter().copied()).unwrap_or_else(|| {
            format!(
                "expected {}",
                crate::model::keyword::expected_list(item::TYPES)
            )
        });
        return Diagnostic::error(Code::UnknownKeyword, located(word.chars().count()), message)
            .with_hint(hint);
    }
    if let Some(field) =
        between(&message, "missing field `").or_else(|| between(&message, "missing required key `"))
    {
        return Diagnostic::error(
            Code::MissingField,
            located(1),
            format!("missing required key `{field}`"),
        )
        .with_hint(format!("add `\"{field}\": ...` to this object"));
    }
    Diagnostic::error(Code::WrongType, located(1), message)
}

fn unknown_key(path: &Path, key: &str, at: Pos, expected: &[&str]) -> Diagnostic {
    let hint = suggest::hint(key, expected.iter().copied()).unwrap_or_else(|| {
        format!(
            "expected {}",
            crate::model::keyword::expected_list(expected)
        )
    });
    let at = Location::at(path, at.line, at.column, key.chars().count() as u32);
    Diagnostic::error(Code::UnknownKey, at, format!("unknown key `{key}`")).with_hint(hint)
}

/// The text after `start` up to the next backtick.
fn between<'a>(message: &'a str, start: &str) -> Option<&'a str> {
    let rest = message.strip_prefix(start)?;
    rest.split_once('`').map(|(word, _)| word)
}

/// Every word in backticks.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

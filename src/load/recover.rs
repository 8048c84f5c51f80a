//! Finding every error in a file that serde stopped reading at the first one.
//!
//! serde reports one error per document. When a file fails, this module reads its outline
//! (top-level keys, and where each list entry starts), cuts the text of each entry out, and
//! parses the entries one by one, so every broken entry gets its own diagnostic and every good
//! entry is still loaded. The cut-out text is padded to its original column and the reported
//! lines shifted back, so positions point into the real file.

use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{DuplicateKeyPolicy, Location as YamlLocation, Spanned};

use super::file::{FILE_KEYS, RawFile};
use super::parse::options;
use super::{Code, Diagnostic, Location};
use crate::suggest;

/// A file's outline: each top-level key with the positions of its list entries.
struct Outline(Vec<(Spanned<String>, Entries)>);

/// A top-level value: a list (with each entry's position) or anything else.
enum Entries {
    List(Vec<YamlLocation>),
    Other,
}

/// Re-reads a file entry by entry after a whole-file parse failed. Returns what could be
/// loaded and every problem found; `None` when even the outline cannot be read (a syntax
/// error), in which case the first error is all there is to say.
pub fn recover(path: &Path, text: &str) -> Option<(RawFile, Vec<Diagnostic>)> {
    // A key written twice inside an entry is that entry's error (reported when it is read on
    // its own below), not a reason to give up on the whole file.
    let mut outline_options = options(text.len());
    outline_options.duplicate_keys = DuplicateKeyPolicy::FirstWins;
    let outline: Outline = serde_saphyr::from_str_with_options(text, outline_options).ok()?;
    let lines: Vec<&str> = text.lines().collect();
    let mut raw = RawFile::default();
    let mut diags = Vec::new();
    for (key, entries) in outline.0 {
        let Entries::List(starts) = entries else {
            continue;
        };
        match key.value.as_str() {
            "sources" => {
                raw.sources = entries_of(path, &lines, &starts, &mut diags, &mut raw.broken)
            }
            "claims" => raw.claims = entries_of(path, &lines, &starts, &mut diags, &mut raw.broken),
            "relations" => {
                raw.relations = entries_of(path, &lines, &starts, &mut diags, &mut raw.broken)
            }
            "views" => raw.views = entries_of(path, &lines, &starts, &mut diags, &mut raw.broken),
            other => {
                let at = Location::at(
                    path,
                    key.referenced.line() as u32,
                    key.referenced.column() as u32,
                    other.chars().count() as u32,
                );
                let hint = suggest::hint(other, FILE_KEYS.iter().copied());
                diags.push(
                    Diagnostic::error(Code::UnknownKey, at, format!("unknown key `{other}`"))
                        .with_hint_opt(hint),
                );
            }
        }
    }
    Some((raw, diags))
}

/// Files with more entries than this are not re-read entry by entry (each entry's text is
/// padded with the lines before it, so the work grows with entries times lines).
const MAX_ENTRIES: usize = 5_000;

/// Just the id of an entry that failed to parse, so references to it are not reported too.
#[derive(Deserialize)]
struct IdOnly {
    id: String,
}

/// Parses each entry on its own, keeping the good ones and reporting the rest; the ids of
/// broken entries go to `broken`.
fn entries_of<T: DeserializeOwned>(
    path: &Path,
    lines: &[&str],
    starts: &[YamlLocation],
    diags: &mut Vec<Diagnostic>,
    broken: &mut Vec<String>,
) -> Vec<T> {
    let mut out = Vec::new();
    for start in starts.iter().take(MAX_ENTRIES) {
        let Some(snippet) = cut(lines, start.line() as usize, start.column() as usize) else {
            continue;
        };
        match serde_saphyr::from_str_with_options::<T>(&snippet, options(snippet.len())) {
            Ok(item) => out.push(item),
            Err(e) => {
                broken.extend(
                    serde_saphyr::from_str_with_options::<IdOnly>(&snippet, options(snippet.len()))
                        .ok()
                        .map(|i| i.id),
                );
                let mut d = super::parse::yaml_error(path, &e, &snippet);
                // serde notices a missing key at the entry's end, after its last key; a key
                // of the entry itself is missing from the entry, so point at its start.
                if d.code == Code::MissingField && d.location.column == start.column() as u32 {
                    d.location.line = start.line() as u32;
                }
                // A syntax error here is an artefact of cutting (a flow-style list, say): the
                // whole-file error already says what is wrong.
                if d.code != Code::Syntax {
                    diags.push(d);
                }
            }
        }
    }
    out
}

/// The text of the entry starting at `line`:`column` (1-based), at the same line and column
/// as in the file: blank lines for the lines before it, that line from the column on, then
/// every following line indented at least as deep (blank lines and comments included).
fn cut(lines: &[&str], line: usize, column: usize) -> Option<String> {
    let first = lines.get(line.checked_sub(1)?)?;
    let rest: String = first.chars().skip(column - 1).collect();
    let mut out = format!(
        "{}{}{rest}\n",
        "\n".repeat(line - 1),
        " ".repeat(column - 1)
    );
    for l in &lines[line..] {
        let trimmed = l.trim_start();
        let indent = l.len() - trimmed.len();
        if !trimmed.is_empty() && !trimmed.starts_with('#') && indent < column - 1 {
            break;
        }
        out.push_str(l);
        out.push('\n');
    }
    Some(out)
}

impl<'de> Deserialize<'de> for Outline {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Outline;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Outline, A::Error> {
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    out.push((key, map.next_value::<Entries>()?));
                }
                Ok(Outline(out))
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entries, A::Error> {
                let mut starts = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<IgnoredAny>>()? {
                    starts.push(item.referenced);
                }
                Ok(Entries::List(starts))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Entries::Other)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Entries, E> {
                Ok(Entries::Other)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Entries, E> {
                Ok(Entries::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Entries, E> {
                Ok(Entries::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Entries, E> {
                Ok(Entries::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Entries, E> {
                Ok(Entries::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Entries, E> {
                Ok(Entries::Other)
            }
        }
        d.deserialize_any(V)
    }
}

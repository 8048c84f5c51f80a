//! Parsing one file's bytes into a [`RawFile`], turning every YAML and serde error into a
//! located [`Diagnostic`]; a JSON file goes to `json/` instead.
//!
//! Resource limits scale with the file: a node or event needs at least one byte of input, so a
//! budget proportional to the file's size admits every honest file and rejects alias bombs
//! (a few hundred bytes that expand to billions of nodes) after bounded work and memory.

use std::path::Path;

use serde_saphyr::budget::Budget;
use serde_saphyr::{Error as YamlError, NonFiniteFloatPolicy, Options};

use super::file::{FILE_KEYS, RawFile};
use super::packed::{Hold, Packed};
use super::{Code, Diagnostic, Location};
use crate::suggest;

/// The syntax a claim file is written in, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Yaml,
    /// `*.json`: one object with the YAML file's top-level keys.
    Json,
    /// `*.jsonl`: one entry per line.
    JsonLines,
}

impl Syntax {
    fn of(path: &Path) -> Syntax {
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => Syntax::Json,
            Some("jsonl") => Syntax::JsonLines,
            _ => Syntax::Yaml,
        }
    }
}

/// Parses `bytes`, the content of `path`, by the syntax its name says (`*.json`, `*.jsonl`,
/// otherwise YAML), into packed parts (one, or a large JSON Lines file's chunks, in order),
/// each held as `hold` says (a JSON Lines text in memory is always encoded; files are read
/// in blocks by `json::stream`).
pub fn parse_packed(path: &Path, bytes: &[u8], hold: Hold) -> (Vec<Packed>, Vec<Diagnostic>) {
    let syntax = Syntax::of(path);
    if syntax == Syntax::Yaml {
        let (raw, diags) = parse(path, bytes);
        let held = raw.map(|raw| Packed::hold(raw, hold));
        return (held.into_iter().collect(), diags);
    }
    if syntax == Syntax::JsonLines {
        return super::json::stream::parse(path, bytes);
    }
    let text = match text_of(path, bytes, str::trim) {
        Ok(text) => text,
        Err(d) => return (Vec::new(), vec![d]),
    };
    let (raw, diags) = super::json::parse_document(path, text);
    let held = raw.map(|raw| Packed::hold(raw, hold));
    (held.into_iter().collect(), diags)
}

/// The text of `bytes` without a byte-order mark, or the diagnostic for bytes that are not
/// UTF-8 or a text that is blank (`trim` takes away what does not count).
fn text_of<'a>(
    path: &Path,
    bytes: &'a [u8],
    trim: impl Fn(&str) -> &str,
) -> Result<&'a str, Diagnostic> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return Err(not_utf8(path, bytes, e.valid_up_to())),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if trim(text).is_empty() {
        return Err(empty_file(path));
    }
    Ok(text)
}

/// The warning for a file that holds nothing.
pub(super) fn empty_file(path: &Path) -> Diagnostic {
    Diagnostic::warning(Code::EmptyFile, Location::file(path), "the file is empty")
        .with_hint("add `claims:` or `sources:`, or delete the file")
}

/// Whether `path` names a JSON Lines file, read in blocks (`json/stream.rs`) rather than whole.
pub(super) fn is_json_lines(path: &Path) -> bool {
    Syntax::of(path) == Syntax::JsonLines
}

/// Parses `bytes`, the content of `path`, as YAML.
pub fn parse(path: &Path, bytes: &[u8]) -> (Option<RawFile>, Vec<Diagnostic>) {
    let text = match text_of(path, bytes, |t| if is_blank(t) { "" } else { t }) {
        Ok(text) => text,
        Err(d) => return (None, vec![d]),
    };
    match serde_saphyr::from_str_with_options::<RawFile>(text, options(text.len())) {
        Ok(raw) => (Some(raw), Vec::new()),
        Err(e) => {
            let first = yaml_error(path, &e, text);
            match super::recover::recover(path, text) {
                Some((raw, mut diags)) => {
                    if !diags.iter().any(|d| same_problem(d, &first)) {
                        diags.push(first);
                    }
                    (Some(raw), diags)
                }
                None => (None, vec![first]),
            }
        }
    }
}

/// Whether the entry-by-entry diagnostic `d` already reports the whole-file error `first`:
/// the same problem at the same place, or a missing key (which the entry's diagnostic moves to
/// where the entry starts).
fn same_problem(d: &Diagnostic, first: &Diagnostic) -> bool {
    d.code == first.code
        && (d.location == first.location
            || (d.code == Code::MissingField && d.message == first.message))
}

/// Whether the text holds nothing but blank lines, comments and document markers.
fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---" || l == "...")
}

pub(super) fn options(len: usize) -> Options {
    // Without aliases, a file of `len` bytes cannot hold more than `len` nodes, events or
    // scalar bytes. Aliases may add a little on top; claim files need none.
    const ALIAS_ALLOWANCE: usize = 10_000;
    let mut budget = Budget::default();
    budget.max_events = len.saturating_mul(2).saturating_add(ALIAS_ALLOWANCE);
    budget.max_nodes = len.saturating_add(ALIAS_ALLOWANCE);
    budget.max_total_scalar_bytes = len.saturating_add(1 << 20);
    budget.max_reader_input_bytes = None;
    let mut options = Options::default();
    options.budget = Some(budget);
    // A number too large for a float (`1e400`) where any value may stand (a keyword, a date,
    // an entry read only for its outline) is kept as text, not an error: one such value must
    // not hide the rest of its file (see `recover.rs`). Where a number is required it is still
    // reported, at its key.
    options.non_finite_float_policy = NonFiniteFloatPolicy::AsString;
    options.alias_limits.max_total_replayed_events = ALIAS_ALLOWANCE;
    options
}

pub(super) fn not_utf8(path: &Path, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let before = String::from_utf8_lossy(&bytes[..valid_up_to]);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let msg = format!(
        "the file is not valid UTF-8 (invalid byte 0x{:02x})",
        bytes[valid_up_to]
    );
    Diagnostic::error(
        Code::NotUtf8,
        Location::at(path, line as u32, column as u32, 1),
        msg,
    )
    .with_hint("save the file as UTF-8")
}

/// Turns a serde-saphyr error into a diagnostic at its location in `text`.
pub(super) fn yaml_error(path: &Path, e: &YamlError, text: &str) -> Diagnostic {
    let e = e.without_snippet();
    let (line, column) = e
        .location()
        .map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
    let at = |len: usize| Location::at(path, line, column, len as u32);
    let (message, hint) = super::wording::explain(e, text);
    match e {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let expected: &[&str] = if expected.is_empty() {
                FILE_KEYS
            } else {
                expected
            };
            let hint = suggest::hint(field, expected.iter().copied()).unwrap_or_else(|| {
                format!(
                    "expected {}",
                    crate::model::keyword::expected_list(expected)
                )
            });
            Diagnostic::error(
                Code::UnknownKey,
                at(field.chars().count()),
                format!("unknown key `{field}`"),
            )
            .with_hint(hint)
        }
        YamlError::SerdeMissingField { field, .. } => Diagnostic::error(
            Code::MissingField,
            at(1),
            format!("missing required key `{field}`"),
        )
        .with_hint(format!("add `{field}: ...` to this entry")),
        YamlError::Unexpected { expected, .. } => {
            let what = match *expected {
                "string scalar" => "a string",
                "mapping start" => "a mapping (`key: value` lines)",
                "sequence start" => "a list (`[a, b]` or `- item` lines)",
                other => other,
            };
            Diagnostic::error(
                Code::WrongType,
                at(1),
                format!("wrong type: expected {what} here"),
            )
        }
        YamlError::SerdeInvalidType { .. }
        | YamlError::SerdeInvalidValue { .. }
        | YamlError::InvalidScalar { .. }
        | YamlError::NonFiniteFloat { .. }
        | YamlError::InvalidCharNull { .. }
        | YamlError::NullIntoString { .. } => {
            Diagnostic::error(Code::WrongType, at(1), message).with_hint_opt(hint)
        }
        YamlError::Budget { .. }
        | YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => too_complex(at(1), &message),
        _ if is_too_complex(&message) => too_complex(at(1), &message),
        _ => Diagnostic::error(Code::Syntax, at(1), message).with_hint_opt(hint),
    }
}

fn too_complex(at: Location, message: &str) -> Diagnostic {
    let msg = format!("the YAML is too costly to expand: {message}");
    Diagnostic::error(Code::TooComplex, at, msg)
        .with_hint("claim files need no anchors or aliases; write the values out")
}

/// Whether a message (of an error wrapped with alias locations) reports a resource limit.
fn is_too_complex(message: &str) -> bool {
    message.starts_with("YAML document too large or too complex")
        || message.contains("alias replay")
        || message.contains("alias expansion")
}

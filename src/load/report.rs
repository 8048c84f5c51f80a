//! Renders diagnostics for people: `file:line:col`, the offending line, a caret under the
//! exact spot, and the hint, in the style of rustc and just.
//!
//! The source line, the message (which may quote a bad value), notes, hints and paths come
//! from the user's files, so each goes through [`visible`]: a control character in a claim
//! file is shown as an escape, never sent to the terminal (the carets still line up).

use std::fmt::Write as _;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::lines::LineStarts;
use super::{Diagnostic, Location, Severity};
use crate::text::visible;

/// Renders diagnostics as text, reading files' lines on demand.
///
/// Only the files read last are kept ([`KEPT_FILES`]): diagnostics come sorted by file, so
/// each file is usually read once, and a `check` with warnings in every file of a large
/// corpus does not hold all of them in memory at the end.
#[derive(Debug, Default)]
pub struct Renderer {
    color: bool,
    /// The text of the files read last, most recent last; `None` for one that could not be
    /// read.
    files: Vec<(PathBuf, Option<Lines<File>>)>,
}

/// Where a file's lines start, and the open file to read one from, so finding a line neither
/// scans the file nor holds it: a JSON Lines file of a million claims is hundreds of MB, and
/// may have hundreds of warnings, rendered after the corpus and graph are built.
#[derive(Debug)]
struct Lines<F> {
    file: F,
    starts: LineStarts,
}

impl<F: Read + Seek> Lines<F> {
    fn read(mut file: F) -> std::io::Result<Lines<F>> {
        let starts = LineStarts::read(&mut file)?;
        Ok(Lines { file, starts })
    }

    /// Line `n` (from 0), without its line break; a byte that is not UTF-8 is shown as U+FFFD.
    fn get(&mut self, n: usize) -> Option<String> {
        let range = self.starts.range(n)?;
        let mut bytes = vec![0; range.len()];
        self.file.seek(SeekFrom::Start(range.start as u64)).ok()?;
        self.file.read_exact(&mut bytes).ok()?;
        let line = bytes.strip_suffix(b"\r").unwrap_or(&bytes);
        Some(String::from_utf8_lossy(line).into_owned())
    }
}

/// How many files a [`Renderer`] keeps: a diagnostic's own and the others it points to.
const KEPT_FILES: usize = 8;

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

impl Renderer {
    /// A renderer; `color` adds ANSI colours.
    pub fn new(color: bool) -> Renderer {
        Renderer {
            color,
            files: Vec::new(),
        }
    }

    /// Renders one diagnostic, ending with a blank line.
    pub fn render(&mut self, d: &Diagnostic) -> String {
        let style = Style { on: self.color };
        let (label, colour) = match d.severity {
            Severity::Error => ("error", "1;31"),
            Severity::Warning => ("warning", "1;33"),
        };
        let mut out = format!(
            "{}{}\n",
            style.paint(colour, &format!("{label}[{}]", d.code)),
            style.paint("1", &format!(": {}", shown(&d.message)))
        );
        let width = gutter_width(d);
        self.snippet(&mut out, &d.location, "^", None, width, colour, &style);
        for (loc, note) in &d.related {
            self.snippet(&mut out, loc, "-", Some(note), width, "1;34", &style);
        }
        let pad = " ".repeat(width);
        if let Some(hint) = &d.hint {
            let hint = shown(hint);
            let _ = writeln!(out, "{pad} {} help: {hint}", style.paint("1;34", "="));
        }
        out.push('\n');
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn snippet(
        &mut self,
        out: &mut String,
        loc: &Location,
        mark: &str,
        note: Option<&str>,
        width: usize,
        colour: &str,
        style: &Style,
    ) {
        let arrow = style.paint("1;34", "-->");
        let pad = " ".repeat(width);
        let _ = writeln!(out, "{pad}{arrow} {}", visible(&loc.to_string()));
        let note = note.map(shown);
        if loc.line == 0 {
            if let Some(note) = note {
                let _ = writeln!(out, "{pad} {} note: {note}", style.paint("1;34", "="));
            }
            return;
        }
        let Some(text) = self.line(&loc.file, loc.line) else {
            return;
        };
        let bar = style.paint("1;34", "|");
        let lineno = style.paint("1;34", &format!("{:>width$}", loc.line));
        let _ = writeln!(out, "{pad} {bar}\n{lineno} {bar} {}", visible(&text));
        // Widths as shown: an escaped character takes the width of its escape.
        let chars: Vec<char> = text.chars().collect();
        let before = (loc.column.saturating_sub(1) as usize).min(chars.len());
        let end = (before + loc.len as usize).min(chars.len());
        let indent = " ".repeat(shown_width(&chars[..before]));
        let carets = mark.repeat(shown_width(&chars[before..end]).max(1));
        let tail = note.map(|n| format!(" {n}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{pad} {bar} {indent}{}",
            style.paint(colour, &format!("{carets}{tail}"))
        );
    }

    fn line(&mut self, file: &Path, line: u32) -> Option<String> {
        let at = match self.files.iter().position(|(p, _)| p == file) {
            Some(at) => at,
            None => {
                // Through the loader's one reading rule, so a file swapped for a pipe or a
                // device since it was loaded cannot block or flood the renderer. No size limit:
                // the file was loaded under one already.
                let text = crate::fsutil::open_regular(file, u64::MAX)
                    .ok()
                    .and_then(|(file, _)| Lines::read(file).ok());
                if self.files.len() == KEPT_FILES {
                    self.files.remove(0);
                }
                self.files.push((file.to_path_buf(), text));
                self.files.len() - 1
            }
        };
        let text = self.files[at].1.as_mut()?;
        text.get(line.checked_sub(1)? as usize)
    }
}

/// `text` from the user's files with every line's hidden characters escaped ([`visible`]);
/// the line breaks of a message of several lines are kept.
fn shown(text: &str) -> String {
    crate::text::visible_lines(text)
}

/// How many characters `chars` take once shown through [`visible`].
fn shown_width(chars: &[char]) -> usize {
    visible(&chars.iter().collect::<String>()).chars().count()
}

fn gutter_width(d: &Diagnostic) -> usize {
    let max = d
        .related
        .iter()
        .map(|(l, _)| l.line)
        .chain([d.location.line])
        .max()
        .unwrap_or(0);
    max.to_string().len()
}

/// A one-line summary: `3 errors, 1 warning in 7 files`.
pub fn summary(diagnostics: &[Diagnostic], files: usize) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "file")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_found_as_str_lines_finds_it() {
        let text = "a\r\nbb\n\nccc\r\nd";
        let mut lines = Lines::read(std::io::Cursor::new(text)).unwrap();
        let found: Vec<String> = (0..5).filter_map(|n| lines.get(n)).collect();
        assert_eq!(found, text.lines().collect::<Vec<_>>());
        assert_eq!(lines.get(5), None);
    }
    use crate::load::Code;

    #[test]
    fn renders_caret_under_the_spot() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "claims:\n  - id: a\n    supports: [bee]\n").unwrap();
        let d = Diagnostic::error(
            Code::UnknownId,
            Location::at(&file, 3, 16, 3),
            "unknown claim `bee` in `supports`",
        )
        .with_hint("did you mean `b`?");
        let text = Renderer::new(false).render(&d);
        let expected = format!(
            "error[unknown-id]: unknown claim `bee` in `supports`\n --> {}:3:16\n  |\n3 |     supports: [bee]\n  |                ^^^\n  = help: did you mean `b`?\n\n",
            file.display()
        );
        assert_eq!(text, expected);
    }

    #[test]
    fn escapes_controls_in_the_line_message_and_hint_and_keeps_the_carets_under_the_spot() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "  - id: \"\u{1b}]0;x\u{7}\tbad\u{202e}\"\n").unwrap();
        let d = Diagnostic::error(
            Code::InvalidId,
            Location::at(&file, 1, 16, 4),
            "invalid id `\u{1b}]0;x\u{7}\tbad\u{202e}`",
        )
        .with_hint("not \u{9b}this");
        let text = Renderer::new(false).render(&d);
        // Under `\tbad`: after `  - id: "` (9), `\u{1b}` (6), `]0;x` (4) and `\u{7}` (5).
        let expected = format!(
            "error[invalid-id]: invalid id `\\u{{1b}}]0;x\\u{{7}}\\tbad\\u{{202e}}`\n --> {}:1:16\n  |\n\
             1 |   - id: \"\\u{{1b}}]0;x\\u{{7}}\\tbad\\u{{202e}}\"\n  | {}^^^^^\n  = help: not \\u{{9b}}this\n\n",
            file.display(),
            " ".repeat(24)
        );
        assert_eq!(text, expected);
        assert!(!text.contains(['\u{1b}', '\u{7}', '\t', '\u{9b}', '\u{202e}']));
    }

    #[test]
    fn keeps_only_the_files_read_last() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = Renderer::new(false);
        for i in 0..=KEPT_FILES {
            let file = dir.path().join(format!("{i}.yaml"));
            std::fs::write(&file, format!("line {i}\n")).unwrap();
            assert_eq!(r.line(&file, 1), Some(format!("line {i}")));
        }
        assert_eq!(r.files.len(), KEPT_FILES);
        let first = dir.path().join("0.yaml");
        assert!(r.files.iter().all(|(p, _)| *p != first));
        std::fs::write(&first, "read again\n").unwrap();
        assert_eq!(r.line(&first, 1), Some("read again".to_string()));
        assert_eq!(r.line(&dir.path().join("missing.yaml"), 1), None);
    }

    #[test]
    fn summary_counts() {
        let d = Diagnostic::warning(Code::EmptyFile, Location::file("x"), "empty");
        assert_eq!(summary(&[d], 1), "0 errors, 1 warning in 1 file");
        assert_eq!(summary(&[], 2), "0 errors, 0 warnings in 2 files");
    }
}

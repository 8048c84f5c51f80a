//! Archived documents: read once, hashed, normalised and indexed by word, with a map back to
//! the original line numbers and the list of headings that locators name.
//!
//! Headings. In Markdown (`.md`, `.markdown`) a heading is an ATX line, `#` to `######` then
//! a space and the title. In plain text a heading is a line of at most 80 characters that does
//! not end like a sentence or a clause (`.`, `,`, `;`, `!` or a closing quote after one of
//! them): the short title lines of an article saved as text. A final `:` belongs to the layout
//! and is ignored when comparing. The text before the first heading, when there is any, can be
//! named `Introduction`.
//!
//! HTML is not read: stripping a page to its text well (scripts, navigation, entities,
//! block structure) is a job of its own, so an `.html` archive is refused with a hint to save
//! the page as text.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap as HashMap;
use sha2::{Digest, Sha256};

use super::quotes::normal_char;

/// Why an archive could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArchiveError {
    /// No file at the path.
    #[error("archive `{0}` does not exist")]
    Missing(PathBuf),
    /// The file could not be read.
    #[error("archive `{0}` could not be read: {1}")]
    Unreadable(PathBuf, String),
    /// The file is not UTF-8 text.
    #[error("archive `{0}` is not UTF-8 text (first invalid byte on line {1})")]
    NotUtf8(PathBuf, usize),
    /// The file is HTML.
    #[error("archive `{0}` is HTML, which is not read")]
    Html(PathBuf),
}

/// A heading of an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The title as written (without `#` marks).
    pub title: String,
    /// Its 1-based line.
    pub line: u32,
    /// The title normalised for comparison with a locator (see [`heading_key`]).
    key: String,
}

/// One archived document, indexed.
#[derive(Debug)]
pub struct ArchiveIndex {
    path: PathBuf,
    sha256: String,
    text: String,
    line_starts: Vec<usize>,
    words: Vec<u32>,
    by_word: HashMap<String, Vec<u32>>,
    headings: Vec<Heading>,
}

impl ArchiveIndex {
    /// Reads and indexes the archive at `path`.
    ///
    /// # Errors
    /// When the file is missing, unreadable, not UTF-8 or HTML.
    pub fn read(path: &Path) -> Result<ArchiveIndex, ArchiveError> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm") {
            return Err(ArchiveError::Html(path.into()));
        }
        let bytes = std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ArchiveError::Missing(path.into()),
            _ => ArchiveError::Unreadable(path.into(), e.to_string()),
        })?;
        let sha256 = hex(&Sha256::digest(&bytes));
        let text = String::from_utf8(bytes).map_err(|e| {
            let bad = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..bad].iter().filter(|&&b| b == b'\n').count() + 1;
            ArchiveError::NotUtf8(path.into(), line)
        })?;
        let markdown = ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown");
        Ok(ArchiveIndex::new(path, sha256, &text, markdown))
    }

    /// Indexes `text`, the content of `path`.
    pub fn new(path: &Path, sha256: String, text: &str, markdown: bool) -> ArchiveIndex {
        let mut index = ArchiveIndex {
            path: path.into(),
            sha256,
            text: String::with_capacity(text.len()),
            line_starts: Vec::new(),
            words: Vec::new(),
            by_word: HashMap::default(),
            headings: headings(text, markdown),
        };
        for line in text.split('\n') {
            index.push_line(line);
        }
        for (i, &start) in index.words.iter().enumerate() {
            let word = index.word(i).unwrap_or_default().to_string();
            let _ = start;
            index.by_word.entry(word).or_default().push(i as u32);
        }
        index
    }

    /// Appends one line to the normalised text (a space between lines, like any whitespace).
    fn push_line(&mut self, line: &str) {
        self.line_starts.push(self.text.len());
        for c in line.chars() {
            match normal_char(c) {
                None => {}
                Some(c) => {
                    let at_word_start = self.text.is_empty() || self.text.ends_with(' ');
                    if at_word_start {
                        self.words.push(self.text.len() as u32);
                    }
                    self.text.push(c);
                    continue;
                }
            }
            self.space();
        }
        self.space();
    }

    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    /// The path it was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The SHA-256 of the file, lowercase hex.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// The normalised text (ends with a space when not empty).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The `i`-th word of the normalised text.
    pub fn word(&self, i: usize) -> Option<&str> {
        let start = *self.words.get(i)? as usize;
        let end = self.text[start..]
            .find(' ')
            .map_or(self.text.len(), |e| start + e);
        Some(&self.text[start..end])
    }

    /// How many words the text has.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The indices of the words equal to `word`.
    pub fn word_starts(&self, word: &str) -> &[u32] {
        self.by_word.get(word).map_or(&[], Vec::as_slice)
    }

    /// The byte offset in the normalised text of word `i`.
    pub fn word_offset(&self, i: usize) -> usize {
        self.words.get(i).map_or(self.text.len(), |&o| o as usize)
    }

    /// The 1-based line of the original file holding normalised byte `offset`.
    pub fn line_of(&self, offset: usize) -> u32 {
        let i = self.line_starts.partition_point(|&s| s <= offset);
        i.max(1) as u32
    }

    /// The headings, in file order.
    pub fn headings(&self) -> &[Heading] {
        &self.headings
    }

    /// The heading `locator` names, if any. A locator written exactly as the title (or
    /// without its final `:`) is found without normalising it.
    pub fn heading(&self, locator: &str) -> Option<&Heading> {
        let exact = self
            .headings
            .iter()
            .find(|h| h.title == locator || h.title.strip_suffix(':') == Some(locator));
        exact.or_else(|| {
            let key = heading_key(locator);
            self.headings.iter().find(|h| h.key == key)
        })
    }

    /// The heading whose title is closest to `locator` (Jaro-Winkler on the compared form).
    pub fn nearest_heading(&self, locator: &str) -> Option<&Heading> {
        let key = heading_key(locator);
        self.headings
            .iter()
            .map(|h| (strsim::jaro_winkler(&key, &h.key), h))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.line.cmp(&a.1.line)))
            .map(|(_, h)| h)
    }
}

/// A heading or locator as compared: normalised, without a final `:`, in lowercase.
pub fn heading_key(title: &str) -> String {
    let n = super::quotes::normalise(title);
    n.trim_end_matches(':').trim_end().to_lowercase()
}

/// The headings of a document (see the module docs for what counts as one).
pub fn headings(text: &str, markdown: bool) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut before_first = false;
    for (i, line) in text.lines().enumerate() {
        let title = if markdown {
            markdown_heading(line)
        } else {
            text_heading(line)
        };
        match title {
            Some(title) => out.push(Heading {
                key: heading_key(title),
                title: title.to_string(),
                line: i as u32 + 1,
            }),
            None if out.is_empty() && !line.trim().is_empty() => before_first = true,
            None => {}
        }
    }
    if before_first {
        let intro = "Introduction";
        out.insert(
            0,
            Heading {
                key: heading_key(intro),
                title: intro.into(),
                line: 1,
            },
        );
    }
    out
}

/// The title of an ATX Markdown heading.
fn markdown_heading(line: &str) -> Option<&str> {
    let marks = line.len() - line.trim_start_matches('#').len();
    let rest = &line[marks..];
    if !(1..=6).contains(&marks) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let title = rest.trim().trim_end_matches('#').trim_end();
    (!title.is_empty()).then_some(title)
}

/// The title of a plain-text heading: a short line that does not end like a sentence.
fn text_heading(line: &str) -> Option<&str> {
    let title = line.trim();
    let ends_sentence = title
        .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')'])
        .ends_with(['.', ',', ';', '!']);
    (!title.is_empty() && title.chars().count() <= 80 && !ends_sentence).then_some(title)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str, markdown: bool) -> Vec<(String, u32)> {
        headings(text, markdown)
            .into_iter()
            .map(|h| (h.title, h.line))
            .collect()
    }

    #[test]
    fn plain_text_headings_are_short_lines_without_final_punctuation() {
        let text = "Lead paragraph that is long enough to be a paragraph and not a title, it goes on.\nClaude AI:\nA body line.\nWho\u{2019}s Losing Ground?\n\u{201C}A quoted sentence.\u{201D}\n";
        assert_eq!(
            titles(text, false),
            [
                ("Introduction".to_string(), 1),
                ("Claude AI:".to_string(), 2),
                ("Who\u{2019}s Losing Ground?".to_string(), 4)
            ]
        );
    }

    #[test]
    fn markdown_headings_are_atx_lines() {
        let text = "# Title\nSome text.\n## Part two ##\n#hashtag\nshort line\n";
        assert_eq!(
            titles(text, true),
            [("Title".to_string(), 1), ("Part two".to_string(), 3)]
        );
    }

    #[test]
    fn locators_match_headings_ignoring_colon_case_and_typography() {
        let index = ArchiveIndex::new(
            Path::new("a.txt"),
            String::new(),
            "Alibaba\u{2019}s Qwen:\nText here.\nOpen\u{2013}Source Leadership\n",
            false,
        );
        assert_eq!(index.heading("Alibaba's Qwen").map(|h| h.line), Some(1));
        assert_eq!(
            index.heading("open-source leadership").map(|h| h.line),
            Some(3)
        );
        assert!(index.heading("Open Source").is_none());
        let near = index.nearest_heading("Open Source Leader").map(|h| h.line);
        assert_eq!(near, Some(3));
    }

    #[test]
    fn index_maps_words_back_to_lines() {
        let index = ArchiveIndex::new(Path::new("a.txt"), String::new(), "a  b\n\nc d\n", false);
        assert_eq!(index.text(), "a b c d ");
        assert_eq!(index.word(2), Some("c"));
        assert_eq!(index.line_of(index.word_offset(0)), 1);
        assert_eq!(index.line_of(index.word_offset(2)), 3);
        assert_eq!(index.word_starts("d"), &[3]);
    }
}

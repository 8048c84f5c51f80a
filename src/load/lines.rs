//! Where each line of a text starts, found once, so that a line's text (for a diagnostic's
//! source line) or the line of a byte offset (for a JSON value's position) is a look-up, not
//! a scan of the file: a JSON Lines file of a million claims is one text of hundreds of MB.

use std::io::{self, Read};
use std::ops::Range;

/// The byte offset of each line's start; the first line starts at 0.
#[derive(Debug, Clone)]
pub struct LineStarts {
    starts: Vec<usize>,
    len: usize,
}

impl LineStarts {
    /// The line starts of `text` (lines end at `\n`).
    pub fn new(text: &str) -> LineStarts {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineStarts {
            starts,
            len: text.len(),
        }
    }

    /// The line starts of what `reader` holds, read in small pieces: nothing of the text is
    /// kept, so a file's lines can be found without holding the file.
    ///
    /// # Errors
    /// When reading fails.
    pub fn read(mut reader: impl Read) -> io::Result<LineStarts> {
        let mut starts = vec![0];
        let mut buf = vec![0u8; 64 << 10];
        let mut len = 0;
        loop {
            let n = match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            starts.extend(memchr::memchr_iter(b'\n', &buf[..n]).map(|i| len + i + 1));
            len += n;
        }
        Ok(LineStarts { starts, len })
    }

    /// The 0-based line that holds byte `offset`, and the offset that line starts at.
    pub fn line_of(&self, offset: usize) -> (usize, usize) {
        // `starts[0]` is 0, so at least one start is at or before any offset.
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        (line, self.starts[line])
    }

    /// The bytes of 0-based line `n`, without its `\n`.
    pub fn range(&self, n: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(n)?;
        let end = self.starts.get(n + 1).map_or(self.len, |&e| e - 1);
        Some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_their_lines_and_lines_to_their_bytes() {
        let text = "ab\n\ncd";
        let lines = LineStarts::new(text);
        let found: Vec<_> = (0..=text.len()).map(|o| lines.line_of(o)).collect();
        assert_eq!(
            found,
            [(0, 0), (0, 0), (0, 0), (1, 3), (2, 4), (2, 4), (2, 4)]
        );
        let texts: Vec<_> = (0..3).map(|n| &text[lines.range(n).unwrap()]).collect();
        assert_eq!(texts, ["ab", "", "cd"]);
        assert_eq!(lines.range(3), None);
    }

    #[test]
    fn read_in_pieces_finds_the_same_starts() {
        let text = "ab\n\ncd\n".repeat(30_000);
        let read = LineStarts::read(text.as_bytes()).unwrap();
        let whole = LineStarts::new(&text);
        assert_eq!((read.starts, read.len), (whole.starts, whole.len));
    }
}

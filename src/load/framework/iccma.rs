//! ICCMA 2023 (`.af`): a header `p af N` naming arguments `1..N`, then one attack `i j` per
//! line. Lines starting with `#` are comments. Argument `k` becomes the claim `k`.
//!
//! The header is the one place where a file declares a size instead of spelling out what it
//! holds: arguments `1..N` exist whether or not an attack names them, so `N` alone decides
//! what the reader allocates. A count the file cannot back ([`max_arguments`]) is refused
//! with a located error instead of allocating gigabytes for a 15-byte file.

use std::path::Path;

use super::{AfFile, Builder, Pos, column, lines};
use crate::load::{Code, Diagnostic};

/// Arguments a header may declare in a file of any size: a framework this large takes about
/// 30 MB and a tenth of a second in `solve` (measured in a release build).
pub const FREE_ARGUMENTS: u32 = 100_000;

/// The most arguments a file of `bytes` bytes may declare: [`FREE_ARGUMENTS`], or one per
/// byte of the file when that is more. A real framework of more arguments lists attacks on
/// most of them, each on a line of at least four bytes; a count beyond this is a mistake or
/// an attack on the reader.
pub fn max_arguments(bytes: usize) -> u32 {
    u32::try_from(bytes).unwrap_or(u32::MAX).max(FREE_ARGUMENTS)
}

/// What the header said, as the lines after it are read.
#[derive(Clone, Copy)]
enum Header {
    /// Not read yet.
    Missing,
    /// Arguments `1..=n` (0 after a malformed header: every attack is then reported).
    Count(u32),
    /// A count the file cannot back: reported once, and the attacks are not checked against it.
    Refused,
}

/// Reads an ICCMA 2023 file.
pub fn read(path: &Path, text: &str) -> (AfFile, Vec<Diagnostic>) {
    let mut b = Builder::new(path);
    let mut state = Header::Missing;
    for (line_no, line, _) in lines(text) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let pos = Pos {
            line: line_no,
            column: column(line, line.len() - trimmed.len()),
        };
        match state {
            Header::Missing => {
                let words: Vec<&str> = trimmed.split_whitespace().collect();
                let count = header(&mut b, &words, pos, trimmed).unwrap_or(0);
                state = match backed(&mut b, count, text.len(), pos, trimmed) {
                    Some(n) => {
                        b.numbered(n, pos);
                        Header::Count(n)
                    }
                    None => Header::Refused,
                };
            }
            Header::Count(n) => attack(&mut b, pos, trimmed, n),
            Header::Refused => {}
        }
    }
    if let Header::Missing = state {
        let msg = "the file has no `p af N` header".to_string();
        let hint = "an ICCMA 2023 file starts with `p af N`, N the number of arguments";
        b.error(
            Code::Syntax,
            Pos { line: 1, column: 1 },
            1,
            msg,
            Some(hint.into()),
        );
    }
    b.finish()
}

fn header(b: &mut Builder, words: &[&str], pos: Pos, line: &str) -> Option<u32> {
    if let ["p", "af", count] = words
        && let Ok(count) = count.parse::<u32>()
    {
        return Some(count);
    }
    let msg = format!("expected the header `p af N`, found `{line}`");
    let hint = "an ICCMA 2023 file starts with `p af N`, N the number of arguments";
    b.error(
        Code::Syntax,
        pos,
        line.trim_end().chars().count(),
        msg,
        Some(hint.into()),
    );
    None
}

/// `count` when a file of `bytes` bytes can back it ([`max_arguments`]); otherwise reports the
/// count, located at it in the header `line` (which starts at `pos`).
fn backed(b: &mut Builder, count: u32, bytes: usize, pos: Pos, line: &str) -> Option<u32> {
    let max = max_arguments(bytes);
    if count <= max {
        return Some(count);
    }
    let word = line.split_whitespace().last().unwrap_or_default();
    let offset = line.trim_end().len() - word.len();
    let at = Pos {
        line: pos.line,
        column: pos.column + column(line, offset) - 1,
    };
    let msg = format!(
        "the header declares {count} arguments, more than a file of {bytes} bytes can hold \
         (at most {max})"
    );
    let hint = format!(
        "`N` in `p af N` is the number of arguments, numbered 1 to N; a file may declare up \
         to {FREE_ARGUMENTS}, or one per byte of the file"
    );
    b.error(Code::OutOfRange, at, word.chars().count(), msg, Some(hint));
    None
}

fn attack(b: &mut Builder, pos: Pos, line: &str, n: u32) {
    let parse = |w: Option<&str>| w?.parse::<u32>().ok().filter(|k| (1..=n).contains(k));
    let mut words = line.split_whitespace();
    if let (Some(from), Some(to), None) = (parse(words.next()), parse(words.next()), words.next()) {
        return b.attack(from - 1, to - 1, pos);
    }
    let msg = format!(
        "expected an attack `i j` with 1 ≤ i, j ≤ {n}, found `{}`",
        line.trim_end()
    );
    let hint = "each line after the header is two argument numbers".to_string();
    b.error(
        Code::Syntax,
        pos,
        line.trim_end().chars().count(),
        msg,
        Some(hint),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::framework::{AfFormat, read_for_test};

    #[track_caller]
    fn case(text: &str, names: usize, attacks: &[(u32, u32)], errors: &[&str]) {
        let (got_names, got_attacks, got_errors) = read_for_test(AfFormat::Iccma, "t.af", text);
        assert_eq!(got_names.len(), names, "arguments of {text:?}");
        assert_eq!(got_attacks, attacks, "attacks of {text:?}");
        assert_eq!(got_errors, errors, "diagnostics of {text:?}");
    }

    #[test]
    fn reads_numbered_arguments() {
        case("p af 3\n1 2\n# note\n3 3\n", 3, &[(0, 1), (2, 2)], &[]);
        case("# comment first\np af 0\n", 0, &[], &[]);
    }

    #[test]
    fn locates_errors() {
        case(
            "p af 2\n1 3\n",
            2,
            &[],
            &["t.af:2:1: expected an attack `i j` with 1 ≤ i, j ≤ 2, found `1 3`"],
        );
        case(
            "p cnf 2\n",
            0,
            &[],
            &["t.af:1:1: expected the header `p af N`, found `p cnf 2`"],
        );
        case("", 0, &[], &["t.af:1:1: the file has no `p af N` header"]);
    }

    #[test]
    fn refuses_a_count_the_file_cannot_hold() {
        // A count just past the floor, in a file too short to back it.
        case(
            "p af 100001\n",
            0,
            &[],
            &[
                "t.af:1:6: the header declares 100001 arguments, more than a file of 12 bytes \
               can hold (at most 100000)",
            ],
        );
        // 15 bytes declaring 20 million arguments: once 20 million ids, now an error at the
        // count, without one argument allocated.
        case(
            "p af 20000000\n",
            0,
            &[],
            &[
                "t.af:1:6: the header declares 20000000 arguments, more than a file of 14 bytes \
               can hold (at most 100000)",
            ],
        );
        case(
            "# big\n  p  af 4000000000\n1 2\n",
            0,
            &[],
            &[
                "t.af:2:9: the header declares 4000000000 arguments, more than a file of 29 \
               bytes can hold (at most 100000)",
            ],
        );
    }

    #[test]
    fn a_count_is_backed_up_to_a_floor_or_by_the_file_size() {
        case("p af 100000\n", 100_000, &[], &[]);
        assert_eq!(max_arguments(15), FREE_ARGUMENTS);
        assert_eq!(max_arguments(250_000), 250_000);
        assert_eq!(max_arguments(usize::MAX), u32::MAX);
        // A large framework written out in full is read whatever its count.
        let n = 150_000u32;
        let mut text = format!("p af {n}\n");
        for k in 1..n {
            text.push_str(&format!("{k} {}\n", k + 1));
        }
        let (file, diags) = AfFormat::Iccma.read(Path::new("t.af"), &text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(file.names.len(), n as usize);
    }
}

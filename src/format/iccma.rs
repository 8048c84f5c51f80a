//! ICCMA 2023 (`.af`): a header `p af N` naming arguments `1..N`, then one attack `i j` per
//! line. Lines starting with `#` are comments. Argument `k` becomes the claim `k`.

use std::fmt::Write as _;
use std::path::Path;

use super::af::{AfFile, Builder, Pos, column, lines};
use crate::eval::Attacks;
use crate::load::{Code, Diagnostic};

/// Reads an ICCMA 2023 file.
pub fn read(path: &Path, text: &str) -> (AfFile, Vec<Diagnostic>) {
    let mut b = Builder::new(path);
    let mut n: Option<u32> = None;
    let mut header_pos = Pos { line: 1, column: 1 };
    for (line_no, line, _) in lines(text) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let pos = Pos {
            line: line_no,
            column: column(line, line.len() - trimmed.len()),
        };
        match n {
            None => {
                let words: Vec<&str> = trimmed.split_whitespace().collect();
                n = Some(header(&mut b, &words, pos, trimmed).unwrap_or(0));
                header_pos = pos;
                b.numbered(n.unwrap_or(0), pos);
            }
            Some(n) => attack(&mut b, pos, trimmed, n),
        }
    }
    if n.is_none() {
        let msg = "the file has no `p af N` header".to_string();
        let hint = "an ICCMA 2023 file starts with `p af N`, N the number of arguments";
        b.error(Code::Syntax, header_pos, 1, msg, Some(hint.into()));
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

/// Writes the header and the attacks over arguments `1..n`.
pub fn write(attacks: &Attacks) -> String {
    let mut out = String::with_capacity(16 + attacks.attack_count() * 12);
    let _ = writeln!(out, "p af {}", attacks.len());
    for (a, b) in attacks.pairs() {
        let _ = writeln!(out, "{} {}", a + 1, b + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::af::{AfFormat, read_for_test};

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
    fn writes_header_and_attacks() {
        let attacks = Attacks::from_pairs(3, [(0, 2), (2, 1)]);
        assert_eq!(write(&attacks), "p af 3\n1 3\n3 2\n");
    }
}

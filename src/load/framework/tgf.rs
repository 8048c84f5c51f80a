//! Trivial Graph Format (`.tgf`): one argument per line (a name, then an optional label),
//! a line `#`, then one attack per line (two names, then an optional label). Blank lines are
//! skipped.

use std::path::Path;

use super::{AfFile, Builder, Pos, column, lines};
use crate::load::{Code, Diagnostic};

/// Reads a tgf file.
pub fn read(path: &Path, text: &str) -> (AfFile, Vec<Diagnostic>) {
    let mut b = Builder::new(path);
    let mut in_attacks = false;
    for (line_no, line, _) in lines(text) {
        let words = words(line, line_no);
        match words.as_slice() {
            [] => {}
            [("#", _)] => in_attacks = true,
            [(name, pos), ..] if !in_attacks => {
                b.argument(name, *pos);
            }
            [from, to, ..] => b.attack_by_name(*from, *to),
            [(word, pos)] => {
                let msg = format!("an attack needs two arguments, found only `{word}`");
                let hint = "after the `#` line, each line is `attacker attacked`".to_string();
                b.error(Code::Syntax, *pos, word.chars().count(), msg, Some(hint));
            }
        }
    }
    b.finish()
}

/// The whitespace-separated words of a line with their positions.
fn words(line: &str, line_no: u32) -> Vec<(&str, Pos)> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        let len = rest[start..]
            .find(char::is_whitespace)
            .unwrap_or(rest.len() - start);
        let offset = line.len() - rest.len() + start;
        let pos = Pos {
            line: line_no,
            column: column(line, offset),
        };
        out.push((&rest[start..start + len], pos));
        rest = &rest[start + len..];
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::load::framework::{AfFormat, read_for_test};

    #[track_caller]
    fn case(text: &str, names: &[&str], attacks: &[(u32, u32)], errors: &[&str]) {
        let (got_names, got_attacks, got_errors) = read_for_test(AfFormat::Tgf, "t.tgf", text);
        assert_eq!(got_names, names, "names of {text:?}");
        assert_eq!(got_attacks, attacks, "attacks of {text:?}");
        assert_eq!(got_errors, errors, "diagnostics of {text:?}");
    }

    #[test]
    fn reads_graphs() {
        case("a\nb\n#\na b\nb a", &["a", "b"], &[(0, 1), (1, 0)], &[]);
        case("1 first\n2\n\n#\n2 1 label\n", &["1", "2"], &[(1, 0)], &[]);
        case("a\n", &["a"], &[], &[]);
    }

    #[test]
    fn locates_errors() {
        case(
            "a\n#\na\n",
            &["a"],
            &[],
            &["t.tgf:3:1: an attack needs two arguments, found only `a`"],
        );
        case(
            "a\n#\n a  b\n",
            &["a"],
            &[],
            &["t.tgf:3:5: attack on or by `b`, which is not declared as an argument"],
        );
    }
}

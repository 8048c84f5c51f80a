//! ASPARTIX (`.apx`): one fact per line, `arg(a).` for an argument and `att(a,b).` for an
//! attack; blank lines and `%` comments are allowed. Arguments may be declared after the
//! attacks that name them.

use std::path::Path;

use super::{AfFile, Builder, Pos, column, lines};
use crate::load::{Code, Diagnostic};

/// Reads an apx file.
pub fn read(path: &Path, text: &str) -> (AfFile, Vec<Diagnostic>) {
    let mut b = Builder::new(path);
    for (line_no, line, complete) in lines(text) {
        let body = line.split('%').next().unwrap_or("");
        if body.trim().is_empty() {
            continue;
        }
        let mut c = Cursor {
            line,
            at: 0,
            line_no,
        };
        if let Err(e) = statement(&mut c, &mut b) {
            report(&mut b, &c, e, complete);
        }
    }
    b.finish()
}

/// What a statement lacked: the text expected at the cursor.
struct Expected(&'static str);

struct Cursor<'a> {
    line: &'a str,
    at: usize,
    line_no: u32,
}

impl<'a> Cursor<'a> {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line_no,
            column: column(self.line, self.at),
        }
    }

    fn skip_space(&mut self) {
        let rest = &self.line[self.at..];
        self.at += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, token: &'static str) -> Result<(), Expected> {
        self.skip_space();
        if self.line[self.at..].starts_with(token) {
            self.at += token.len();
            Ok(())
        } else {
            Err(Expected(token))
        }
    }

    /// A name: everything up to the next `,`, `(` or `)`, trimmed.
    fn name(&mut self) -> Result<(&'a str, Pos), Expected> {
        self.skip_space();
        let pos = self.pos();
        let rest = &self.line[self.at..];
        let len = rest.find([',', '(', ')']).unwrap_or(rest.len());
        let name = rest[..len].trim_end();
        if name.is_empty() {
            return Err(Expected("an argument name"));
        }
        self.at += len;
        Ok((name, pos))
    }

    fn at_end(&mut self) -> bool {
        self.skip_space();
        let rest = &self.line[self.at..];
        rest.is_empty() || rest.starts_with('%')
    }
}

fn statement(c: &mut Cursor<'_>, b: &mut Builder) -> Result<(), Expected> {
    c.skip_space();
    if c.line[c.at..].starts_with("arg") {
        c.at += 3;
        c.eat("(")?;
        let (name, pos) = c.name()?;
        c.eat(")")?;
        c.eat(".")?;
        end(c)?;
        b.argument(name, pos);
    } else if c.line[c.at..].starts_with("att") {
        c.at += 3;
        c.eat("(")?;
        let from = c.name()?;
        c.eat(",")?;
        let to = c.name()?;
        c.eat(")")?;
        c.eat(".")?;
        end(c)?;
        b.attack_by_name(from, to);
    } else {
        return Err(Expected("`arg(...)` or `att(...)`"));
    }
    Ok(())
}

fn end(c: &mut Cursor<'_>) -> Result<(), Expected> {
    if c.at_end() {
        Ok(())
    } else {
        Err(Expected("the end of the line (one fact per line)"))
    }
}

fn report(b: &mut Builder, c: &Cursor<'_>, Expected(what): Expected, complete: bool) {
    let start = c.line.len() - c.line.trim_start().len();
    let statement = c.line[start..].trim_end();
    let cut_off = !complete && c.at >= c.line.trim_end().len();
    let (pos, len, msg, hint) = if cut_off {
        let pos = Pos {
            line: c.line_no,
            column: column(c.line, start),
        };
        let msg = format!(
            "the file ends in the middle of `{statement}`: expected {}",
            quoted(what)
        );
        let hint = "the file looks cut off; regenerate or download it again";
        (pos, statement.chars().count(), msg, Some(hint.to_string()))
    } else {
        let found = c.line[c.at..].trim_end();
        let found = if found.is_empty() {
            "the end of the line".to_string()
        } else {
            format!("`{}`", found.chars().take(20).collect::<String>())
        };
        let msg = format!("expected {}, found {found}", quoted(what));
        let hint = "apx lines look like `arg(a).` or `att(a,b).`";
        (c.pos(), 1, msg, Some(hint.to_string()))
    };
    b.error(Code::Syntax, pos, len, msg, hint);
}

fn quoted(what: &str) -> String {
    if what.len() == 1 {
        format!("`{what}`")
    } else {
        what.to_string()
    }
}

#[cfg(test)]
mod tests {
    use crate::load::framework::{AfFormat, read_for_test};

    #[track_caller]
    fn case(text: &str, names: &[&str], attacks: &[(u32, u32)], errors: &[&str]) {
        let (got_names, got_attacks, got_errors) = read_for_test(AfFormat::Apx, "t.apx", text);
        assert_eq!(got_names, names, "names of {text:?}");
        assert_eq!(got_attacks, attacks, "attacks of {text:?}");
        assert_eq!(got_errors, errors, "diagnostics of {text:?}");
    }

    #[test]
    fn reads_facts() {
        case("arg(a).\narg(b).\natt(a,b).\n", &["a", "b"], &[(0, 1)], &[]);
        case(
            "  arg( a ) . % first\n\natt(b , a).\narg(b).",
            &["a", "b"],
            &[(1, 0)],
            &[],
        );
        case("", &[], &[], &[]);
    }

    #[test]
    fn locates_errors() {
        case(
            "arg(a).\natt(a,b\n",
            &["a"],
            &[],
            &["t.apx:2:8: expected `)`, found the end of the line"],
        );
        case(
            "arg(a).\natt(a,b",
            &["a"],
            &[],
            &["t.apx:2:1: the file ends in the middle of `att(a,b`: expected `)`"],
        );
        case(
            "arg(a).\nargue(b).\n",
            &["a"],
            &[],
            &["t.apx:2:4: expected `(`, found `ue(b).`"],
        );
        case(
            "arg(a).\natt(a,c).\n",
            &["a"],
            &[],
            &["t.apx:2:7: attack on or by `c`, which is not declared as an argument"],
        );
        case(
            "arg(A).\n",
            &[],
            &[],
            &[
                "t.apx:1:5: invalid argument name `A`: `A` is not allowed in an id (use lowercase letters, digits, `-`, `_` or `.`)",
            ],
        );
    }
}

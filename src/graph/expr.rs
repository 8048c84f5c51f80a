//! The `--where` language: a small boolean expression over the fields of claims and sources.
//!
//! Flags like `--tag` cover the common cases; an expression says what flags cannot, such as
//! "tagged `compute` and not rated `true`, or asserted by Kai-Fu Lee":
//!
//! ```text
//! expr    := or
//! or      := and ("or" and)*
//! and     := unary ("and" unary)*
//! unary   := "not" unary | primary
//! primary := "(" expr ")" | FIELD OP VALUE
//! OP      := "=" | "!=" | "~"          (equal, not equal, contains ignoring case)
//! VALUE   := word | "quoted" | 'quoted'
//! ```
//!
//! So `not` binds tighter than `and`, and `and` tighter than `or`. Keywords are matched
//! ignoring case; a word in value position is always a value. A field may hold several values
//! (a claim's tags); `=` and `~` hold when one of them matches, `!=` when none equals the value.
//! Parsing is linear in the length of the expression; errors carry the 1-based column.

use std::fmt;

use petgraph::stable_graph::NodeIndex;

use super::{ClaimGraph, NodeRef};
use crate::model::keyword::keyword_enum;
use crate::model::{Rating, RelationKind};

keyword_enum! {
    /// A field an expression can test.
    pub enum Field {
        /// A claim's tags.
        Tag = "tag",
        /// The source that asserts a claim.
        By = "by",
        /// The rating of a claim's verdict.
        Rating = "rating",
        /// `claim` or `source`.
        Kind = "kind",
        /// The item's id.
        Id = "id",
        /// A claim's text or a source's name.
        Text = "text",
        /// The kinds of relation (`supports`, `contradicts`) a claim takes part in.
        Relation = "relation",
        /// The file the item is defined in: its path, file name or file stem.
        File = "file",
    }
}

pub use crate::model::ItemKind;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `=`: one of the field's values equals the value.
    Eq,
    /// `!=`: none of the field's values equals the value.
    Ne,
    /// `~`: one of the field's values contains the value, ignoring case.
    Contains,
}

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// `field op value`.
    Test {
        /// The field.
        field: Field,
        /// The operator.
        op: Op,
        /// The value, unquoted.
        value: String,
        /// 1-based column of the value in the expression.
        column: usize,
    },
    /// `not e`.
    Not(Box<Expr>),
    /// `a and b`.
    And(Box<Expr>, Box<Expr>),
    /// `a or b`.
    Or(Box<Expr>, Box<Expr>),
}

/// What the parser wanted where it stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// The start of a test, `not` or `(`.
    Field,
    /// `=`, `!=` or `~`.
    Operator,
    /// A word or a quoted string.
    Value,
    /// `and`, `or` or the end.
    Connective,
    /// `and`, `or` or `)`.
    ConnectiveOrClose,
    /// The closing quote of a string.
    Quote,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Field => write!(f, "a field name ({})", Field::NAMES.join(", ")),
            Expected::Operator => f.write_str("an operator (`=`, `!=` or `~`)"),
            Expected::Value => f.write_str("a value"),
            Expected::Connective => f.write_str("`and`, `or` or the end of the expression"),
            Expected::ConnectiveOrClose => f.write_str("`and`, `or` or `)`"),
            Expected::Quote => f.write_str("a closing quote"),
        }
    }
}

/// Why an expression does not parse. Every variant has the 1-based column it points at.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExprError {
    /// Something else stood where `expected` was needed.
    #[error("expected {expected} at column {column}, found {found}")]
    Expected {
        /// What was needed.
        expected: Expected,
        /// What was there, ready to print.
        found: String,
        /// Where.
        column: usize,
    },
    /// A word in field position that names no field.
    #[error("expected {} at column {column}, found `{found}`{}", Expected::Field, hint(.suggestion))]
    UnknownField {
        /// The word.
        found: String,
        /// The closest field name.
        suggestion: Option<&'static str>,
        /// Where.
        column: usize,
    },
    /// A value outside the closed set a field takes (`rating`, `kind`, `relation`).
    #[error("expected a {field} ({}) at column {column}, found `{found}`{}", .expected.join(", "), hint(.suggestion))]
    BadValue {
        /// The field.
        field: Field,
        /// The value.
        found: String,
        /// The values the field takes.
        expected: &'static [&'static str],
        /// The closest of them.
        suggestion: Option<&'static str>,
        /// Where.
        column: usize,
    },
    /// More nesting or more tests than [`MAX_DEPTH`] or [`MAX_TESTS`]: parsing and matching
    /// recurse once a level, and 5,000 `(` overflowed the stack.
    #[error("the expression is too complex at column {column}: more than {limit} {what}")]
    TooComplex {
        /// What there is too much of.
        what: &'static str,
        /// How many are allowed.
        limit: usize,
        /// Where the limit was passed.
        column: usize,
    },
}

/// How deep `(` and `not` may nest.
pub const MAX_DEPTH: usize = 100;

/// How many tests an expression may hold (a chain of `and` or `or` is as deep as it is long).
pub const MAX_TESTS: usize = 1000;

fn hint(suggestion: &Option<&'static str>) -> String {
    suggestion
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}

impl ExprError {
    /// The 1-based column the error points at.
    pub fn column(&self) -> usize {
        match self {
            ExprError::Expected { column, .. }
            | ExprError::UnknownField { column, .. }
            | ExprError::BadValue { column, .. }
            | ExprError::TooComplex { column, .. } => *column,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Open,
    Close,
    Op(Op),
    Word(String),
    Quoted(String),
    Stray(char),
    End,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    column: usize,
}

impl Token {
    fn describe(&self) -> String {
        match &self.tok {
            Tok::Open => "`(`".into(),
            Tok::Close => "`)`".into(),
            Tok::Op(Op::Eq) => "`=`".into(),
            Tok::Op(Op::Ne) => "`!=`".into(),
            Tok::Op(Op::Contains) => "`~`".into(),
            Tok::Word(w) => format!("`{w}`"),
            Tok::Quoted(s) => format!("{s:?}"),
            Tok::Stray(c) => format!("`{c}`"),
            Tok::End => "the end of the expression".into(),
        }
    }

    fn keyword(&self, word: &str) -> bool {
        matches!(&self.tok, Tok::Word(w) if w.eq_ignore_ascii_case(word))
    }
}

fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '(' | ')' | '=' | '!' | '~' | '"' | '\'')
}

/// Splits an expression into tokens, ending with `Tok::End`.
fn lex(text: &str) -> Result<Vec<Token>, ExprError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (c, column) = (chars[i], i + 1);
        let (tok, next) = match c {
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            '(' => (Tok::Open, i + 1),
            ')' => (Tok::Close, i + 1),
            '=' => (Tok::Op(Op::Eq), i + 1),
            '~' => (Tok::Op(Op::Contains), i + 1),
            '!' if chars.get(i + 1) == Some(&'=') => (Tok::Op(Op::Ne), i + 2),
            '"' | '\'' => quoted(&chars, i)?,
            c if is_word_char(c) => {
                let end = (i..chars.len())
                    .find(|&j| !is_word_char(chars[j]))
                    .unwrap_or(chars.len());
                (Tok::Word(chars[i..end].iter().collect()), end)
            }
            c => (Tok::Stray(c), i + 1),
        };
        out.push(Token { tok, column });
        i = next;
    }
    out.push(Token {
        tok: Tok::End,
        column: chars.len() + 1,
    });
    Ok(out)
}

/// A quoted string starting at `start`; `\` escapes the next character.
fn quoted(chars: &[char], start: usize) -> Result<(Tok, usize), ExprError> {
    let quote = chars[start];
    let mut text = String::new();
    let mut i = start + 1;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' if i + 1 < chars.len() => {
                text.push(chars[i + 1]);
                i += 2;
            }
            c if c == quote => return Ok((Tok::Quoted(text), i + 1)),
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    Err(ExprError::Expected {
        expected: Expected::Quote,
        found: "the end of the expression".into(),
        column: chars.len() + 1,
    })
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    /// `(` and `not` around the current token.
    depth: usize,
    /// Tests read so far.
    tests: usize,
}

impl Parser {
    fn peek(&self) -> &Token {
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn bump(&mut self) -> Token {
        let t = self.peek().clone();
        self.pos += 1;
        t
    }

    fn or(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.and()?;
        while self.peek().keyword("or") {
            self.bump();
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.unary()?;
        while self.peek().keyword("and") {
            self.bump();
            left = Expr::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    /// Steps into a `(` or `not`, refusing to pass [`MAX_DEPTH`].
    fn deeper(&mut self) -> Result<(), ExprError> {
        let opened = self.bump();
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError::TooComplex {
                what: "levels of `(` and `not`",
                limit: MAX_DEPTH,
                column: opened.column,
            });
        }
        Ok(())
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        if self.peek().keyword("not") {
            self.deeper()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        if self.peek().tok == Tok::Open {
            self.deeper()?;
            let inner = self.or()?;
            self.depth -= 1;
            let close = self.bump();
            if close.tok != Tok::Close {
                return Err(expected(Expected::ConnectiveOrClose, &close));
            }
            return Ok(inner);
        }
        self.test()
    }

    fn test(&mut self) -> Result<Expr, ExprError> {
        let name = self.bump();
        self.tests += 1;
        if self.tests > MAX_TESTS {
            return Err(ExprError::TooComplex {
                what: "tests",
                limit: MAX_TESTS,
                column: name.column,
            });
        }
        let field = match &name.tok {
            Tok::Word(w) => w.parse::<Field>().map_err(|_| ExprError::UnknownField {
                found: w.clone(),
                suggestion: suggest(w, Field::NAMES),
                column: name.column,
            })?,
            _ => return Err(expected(Expected::Field, &name)),
        };
        let op = match self.bump() {
            Token {
                tok: Tok::Op(op), ..
            } => op,
            other => return Err(expected(Expected::Operator, &other)),
        };
        let value = self.bump();
        let (Tok::Word(text) | Tok::Quoted(text)) = value.tok else {
            return Err(expected(Expected::Value, &value));
        };
        check_value(field, op, &text, value.column)?;
        Ok(Expr::Test {
            field,
            op,
            value: text,
            column: value.column,
        })
    }
}

fn expected(expected: Expected, found: &Token) -> ExprError {
    ExprError::Expected {
        expected,
        found: found.describe(),
        column: found.column,
    }
}

fn suggest(word: &str, names: &'static [&'static str]) -> Option<&'static str> {
    crate::suggest::did_you_mean(word, names.iter().copied())
}

/// Fields with a closed set of values reject any other value compared with `=` or `!=`.
fn check_value(field: Field, op: Op, value: &str, column: usize) -> Result<(), ExprError> {
    let names = match field {
        Field::Rating => Rating::NAMES,
        Field::Kind => ItemKind::NAMES,
        Field::Relation => RelationKind::NAMES,
        _ => return Ok(()),
    };
    if op == Op::Contains || names.contains(&value) {
        return Ok(());
    }
    Err(ExprError::BadValue {
        field,
        found: value.to_string(),
        expected: names,
        suggestion: suggest(value, names),
        column,
    })
}

impl std::str::FromStr for Expr {
    type Err = ExprError;

    fn from_str(text: &str) -> Result<Expr, ExprError> {
        Expr::parse(text)
    }
}

impl Expr {
    /// Parses an expression.
    ///
    /// ```
    /// use claimgraph::graph::Expr;
    /// assert!(Expr::parse("tag = compute and not rating = true or by = kai-fu-lee").is_ok());
    /// let e = Expr::parse("tag = compute and").unwrap_err();
    /// assert_eq!(e.to_string(), "expected a field name (tag, by, rating, kind, id, text, relation, file) at column 18, found the end of the expression");
    /// ```
    pub fn parse(text: &str) -> Result<Expr, ExprError> {
        let mut parser = Parser {
            tokens: lex(text)?,
            pos: 0,
            depth: 0,
            tests: 0,
        };
        let expr = parser.or()?;
        let rest = parser.bump();
        if rest.tok != Tok::End {
            return Err(expected(Expected::Connective, &rest));
        }
        Ok(expr)
    }

    /// Whether the claim or source at `ix` satisfies the expression. O(size of the
    /// expression × values of the item).
    pub fn matches(&self, graph: &ClaimGraph, ix: NodeIndex) -> bool {
        match self {
            Expr::Test {
                field, op, value, ..
            } => test(graph, ix, *field, *op, value),
            Expr::Not(e) => !e.matches(graph, ix),
            Expr::And(a, b) => a.matches(graph, ix) && b.matches(graph, ix),
            Expr::Or(a, b) => a.matches(graph, ix) || b.matches(graph, ix),
        }
    }

    /// The `id` and `by` tests (with `=` or `!=`), whose value must name an item, as
    /// `(field, value, column)`: for "did you mean" checks against a graph.
    pub fn id_tests(&self) -> Vec<(Field, &str, usize)> {
        let mut out = Vec::new();
        self.walk(&mut |e| {
            if let Expr::Test {
                field: field @ (Field::Id | Field::By),
                op: Op::Eq | Op::Ne,
                value,
                column,
            } = e
            {
                out.push((*field, value.as_str(), *column));
            }
        });
        out
    }

    fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Expr)) {
        f(self);
        match self {
            Expr::Test { .. } => {}
            Expr::Not(e) => e.walk(f),
            Expr::And(a, b) | Expr::Or(a, b) => {
                a.walk(f);
                b.walk(f);
            }
        }
    }
}

fn test(graph: &ClaimGraph, ix: NodeIndex, field: Field, op: Op, value: &str) -> bool {
    let lower = value.to_lowercase();
    let hit = |v: &str| match op {
        Op::Eq | Op::Ne => v == value,
        Op::Contains => v.to_lowercase().contains(&lower),
    };
    let any = any_value(graph, ix, field, hit);
    if op == Op::Ne { !any } else { any }
}

/// Whether `hit` holds for one of the values `field` has on the item at `ix`.
fn any_value(graph: &ClaimGraph, ix: NodeIndex, field: Field, hit: impl Fn(&str) -> bool) -> bool {
    let Some(node) = graph.get(ix) else {
        return false;
    };
    match (field, node) {
        (Field::Id, n) => hit(n.id().as_str()),
        (Field::Kind, NodeRef::Claim(_)) => hit("claim"),
        (Field::Kind, NodeRef::Source(_)) => hit("source"),
        (Field::Text, NodeRef::Claim(c)) => hit(&c.text),
        (Field::Text, NodeRef::Source(s)) => hit(&s.name),
        (Field::Tag, NodeRef::Claim(c)) => c.tags.iter().any(|t| hit(t)),
        (Field::By, NodeRef::Claim(c)) => c.by.as_ref().is_some_and(|b| hit(b.as_str())),
        (Field::Rating, NodeRef::Claim(c)) => {
            c.verdict.as_ref().is_some_and(|v| hit(v.rating.as_str()))
        }
        (Field::Relation, NodeRef::Claim(_)) => {
            let args = graph.arguments();
            let mut ends = args.incoming(ix).iter().chain(args.outgoing(ix));
            ends.any(|a| hit(a.kind.as_str()))
        }
        (Field::File, n) => {
            let origin = match n {
                NodeRef::Claim(c) => c.origin,
                NodeRef::Source(s) => s.origin,
            };
            graph.corpus().files.path(origin.file).is_some_and(|p| {
                hit(&p.display().to_string())
                    || p.file_name().and_then(|s| s.to_str()).is_some_and(&hit)
                    || p.file_stem().and_then(|s| s.to_str()).is_some_and(&hit)
            })
        }
        (Field::Tag | Field::By | Field::Rating | Field::Relation, NodeRef::Source(_)) => false,
    }
}

#[cfg(test)]
mod tests;

//! Argdown's tokens, with the rules of Argdown's own lexer (version 1.7.5).
//!
//! Argdown's lexer tries its token patterns in a fixed order and takes the first that matches,
//! several of them only at the start of a line; relations and list items also emit `Indent` and
//! `Dedent` tokens from their indentation. Which files Argdown accepts depends on these details,
//! so they are followed exactly, pattern by pattern, in the order Argdown tries them.

use super::patterns::{
    data, escaped, followed_by_space, front_matter, heading, leading_dashes, link, mention,
    newline, one_trailing_break, reference, run, special, statement_number, tag, titled,
    trailing_breaks,
};
use super::seek::{Needle, Seek};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    FrontMatter,
    Data,
    EscapedChar,
    SpecialChar,
    Emptyline,
    Newline,
    Indent,
    Dedent,
    InferenceStart,
    InferenceEnd,
    ListDelimiter,
    IncomingSupport,
    IncomingAttack,
    OutgoingSupport,
    OutgoingAttack,
    Contradiction,
    IncomingUndercut,
    OutgoingUndercut,
    HeadingStart,
    StatementNumber,
    OrderedListItem,
    UnorderedListItem,
    BoldEnd(Range),
    ItalicEnd(Range),
    BoldStart(Range),
    ItalicStart(Range),
    Link,
    Tag,
    StatementDefinition,
    StatementReference,
    StatementMention,
    ArgumentDefinition,
    ArgumentReference,
    ArgumentMention,
    Freestyle,
    UnusedControlChar,
}

/// Which marker opened a bold or italic range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Range {
    Asterisk,
    Underscore,
}

/// A token: its kind, its text, and where it starts (byte offset, 1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    pub kind: Kind,
    pub text: String,
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

/// A lexing error: no token matches at a position (a lone `\` at the end of a line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LexError {
    pub line: usize,
    pub column: usize,
}

/// The relation symbols, in the order Argdown tries them (`+>` before `+`, `<-` before `-`);
/// a `_` followed by a space is an undercut too.
const RELATIONS: [(&str, Kind); 9] = [
    ("+>", Kind::IncomingSupport),
    ("->", Kind::IncomingAttack),
    ("<+", Kind::OutgoingSupport),
    ("+", Kind::OutgoingSupport),
    ("<-", Kind::OutgoingAttack),
    ("-", Kind::OutgoingAttack),
    ("><", Kind::Contradiction),
    ("_>", Kind::IncomingUndercut),
    ("<_", Kind::OutgoingUndercut),
];

struct Lexer<'a> {
    text: &'a str,
    /// Look-ahead for closing marks, remembered (see [`Seek`]).
    seek: &'a Seek<'a>,
    pos: usize,
    tokens: Vec<Token>,
    /// End offset of the last skipped token (spaces, comments), if after the last token.
    skipped_after_last: bool,
    indents: Vec<usize>,
    ranges: Vec<(bool, Range)>,
    inference: bool,
    /// The current line and column (1-based, the column in characters).
    line: usize,
    column: usize,
}

/// Splits `text` into tokens as Argdown does. Comments and spaces are dropped. Linear in the
/// length of the text.
pub(super) fn tokenize(text: &str) -> Result<Vec<Token>, LexError> {
    tokenize_with(text, &Seek::new(text))
}

/// [`tokenize`], looking ahead through `seek` (over `text`).
fn tokenize_with<'a>(text: &'a str, seek: &'a Seek<'a>) -> Result<Vec<Token>, LexError> {
    let mut lx = Lexer {
        text,
        seek,
        pos: 0,
        tokens: Vec::new(),
        skipped_after_last: false,
        indents: vec![0],
        ranges: Vec::new(),
        inference: false,
        line: 1,
        column: 1,
    };
    while lx.pos < text.len() {
        if !lx.step() {
            let (line, column) = position(text, lx.pos);
            return Err(LexError { line, column });
        }
    }
    if lx.last() == Some(Kind::Emptyline) {
        lx.tokens.pop();
    }
    lx.dedent_all();
    Ok(lx.tokens)
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

impl Lexer<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn last(&self) -> Option<Kind> {
        self.tokens.last().map(|t| t.kind)
    }

    fn at_line_start(&self) -> bool {
        matches!(self.last(), None | Some(Kind::Newline | Kind::Emptyline))
    }

    /// Line and column of the current position, counted as the lexer goes (not from the
    /// start of the text or line each time, which would make lexing quadratic).
    fn here(&self) -> (usize, usize) {
        (self.line, self.column)
    }

    fn advance(&mut self, len: usize) {
        let consumed = &self.text[self.pos..self.pos + len];
        match consumed.rfind('\n') {
            Some(last) => {
                self.line += consumed.matches('\n').count();
                self.column = consumed[last + 1..].chars().count() + 1;
            }
            None => self.column += consumed.chars().count(),
        }
        self.pos += len;
    }

    fn push(&mut self, kind: Kind, len: usize) {
        let (line, column) = self.here();
        let text = self.text[self.pos..self.pos + len].to_string();
        self.tokens.push(Token {
            kind,
            text,
            offset: self.pos,
            line,
            column,
        });
        self.advance(len);
        self.skipped_after_last = false;
    }

    fn skip(&mut self, len: usize) {
        self.advance(len);
        self.skipped_after_last = true;
    }

    fn marker(&mut self, kind: Kind) {
        let (line, column) = self.here();
        self.tokens.push(Token {
            kind,
            text: String::new(),
            offset: self.pos,
            line,
            column,
        });
    }

    fn dedent_all(&mut self) {
        while self.indents.len() > 1 {
            self.indents.pop();
            self.marker(Kind::Dedent);
        }
    }

    fn indent_to(&mut self, level: usize) {
        let last = *self.indents.last().unwrap_or(&0);
        if level > last {
            self.indents.push(level);
            self.marker(Kind::Indent);
        } else {
            while self.indents.len() > 1 && level < *self.indents.last().unwrap_or(&0) {
                self.indents.pop();
                self.marker(Kind::Dedent);
            }
        }
    }

    /// Tries every pattern in Argdown's order; false when none matches.
    fn step(&mut self) -> bool {
        if let Some(len) = self.comment() {
            self.skip(len);
            return true;
        }
        if self.inference {
            return self.inference_step();
        }
        let rest = self.rest();
        let simple = [
            (Kind::FrontMatter, front_matter(rest)),
            (Kind::Data, data(self.seek, rest)),
            (Kind::EscapedChar, escaped(rest)),
            (Kind::SpecialChar, special(rest)),
        ];
        for (kind, len) in simple {
            if let Some(len) = len {
                self.push(kind, len);
                return true;
            }
        }
        if let Some(len) = self.emptyline() {
            if len < self.rest().len() {
                self.dedent_all();
            }
            self.push(Kind::Emptyline, len);
            return true;
        }
        if let Some(len) = newline(self.rest()) {
            self.push(Kind::Newline, len);
            return true;
        }
        self.line_start_tokens() || self.inline_tokens()
    }

    fn inference_step(&mut self) -> bool {
        let rest = self.rest();
        let found = newline(rest)
            .map(|l| (Kind::Newline, l))
            .or_else(|| escaped(rest).map(|l| (Kind::EscapedChar, l)))
            .or_else(|| special(rest).map(|l| (Kind::SpecialChar, l)))
            .or_else(|| {
                run(rest, |c| c == '-')
                    .filter(|&l| l >= 2)
                    .map(|l| (Kind::InferenceEnd, l))
            })
            .or_else(|| data(self.seek, rest).map(|l| (Kind::Data, l)))
            .or_else(|| rest.starts_with(',').then_some((Kind::ListDelimiter, 1)));
        if let Some((kind, len)) = found {
            if kind == Kind::InferenceEnd {
                self.inference = false;
            }
            self.push(kind, len);
            return true;
        }
        self.spaces_or_text()
    }

    fn comment(&self) -> Option<usize> {
        let rest = self.rest();
        let body = if let Some(after) = rest.strip_prefix("<!--") {
            4 + self.seek.find(after, Needle::CommentEnd)? + 3
        } else if let Some(after) = rest.strip_prefix("/*") {
            2 + self.seek.find(after, Needle::BlockEnd)? + 2
        } else if rest.starts_with("//") {
            self.seek.find(rest, Needle::Break)?
        } else {
            return None;
        };
        let tail = &rest[body..];
        Some(
            body + match self.last() {
                Some(Kind::Emptyline) => trailing_breaks(tail),
                Some(Kind::Newline) => one_trailing_break(tail),
                _ => 0,
            },
        )
    }

    fn emptyline(&self) -> Option<usize> {
        if self.last() == Some(Kind::Emptyline) {
            return None;
        }
        let mut len = 0;
        let mut groups = 0;
        let rest = self.rest();
        loop {
            let after = &rest[len..];
            let spaces = run(after, |c| c == ' ' || c == '\t').unwrap_or(0);
            let br = match &after[spaces..] {
                s if s.starts_with("\r\n") => 2,
                s if s.starts_with('\n') => 1,
                _ => break,
            };
            len += spaces + br;
            groups += 1;
        }
        (groups >= 2).then_some(len)
    }

    /// Relations, inference starts, headings, statement numbers and list items: the tokens
    /// that only start a line.
    fn line_start_tokens(&mut self) -> bool {
        let after_newline = self.last() == Some(Kind::Newline);
        let rest = self.rest();
        if (self.tokens.is_empty() || after_newline)
            && let Some(len) = leading_dashes(rest)
        {
            self.dedent_all();
            self.push(Kind::InferenceStart, len);
            self.inference = true;
            return true;
        }
        if !self.at_line_start() {
            return false;
        }
        let indent = run(rest, |c| c == ' ' || c == '\t').unwrap_or(0);
        let after = &rest[indent..];
        let undercut = after.starts_with('_') && after[1..].starts_with(char::is_whitespace);
        let relation = RELATIONS
            .iter()
            .find(|(symbol, _)| after.starts_with(symbol))
            .map(|&(symbol, kind)| (kind, symbol.len()))
            .or(undercut.then_some((Kind::OutgoingUndercut, 1)));
        if let Some((kind, len)) = relation {
            self.indent_to(indent);
            self.push(kind, indent + len);
            return true;
        }
        if let Some(len) = heading(rest) {
            self.push(Kind::HeadingStart, len);
            return true;
        }
        if let Some(len) = statement_number(rest) {
            self.dedent_all();
            self.push(Kind::StatementNumber, len);
            return true;
        }
        let digits = run(after, |c| c.is_ascii_digit()).unwrap_or(0);
        if digits > 0 && after[digits..].starts_with('.') && followed_by_space(&after[digits + 1..])
        {
            self.indent_to(indent + 1);
            self.push(Kind::OrderedListItem, indent + digits + 1);
            return true;
        }
        if after.starts_with('*') && followed_by_space(&after[1..]) {
            self.indent_to(indent + 1);
            self.push(Kind::UnorderedListItem, indent + 1);
            return true;
        }
        false
    }

    /// Bold and italic markers, links, tags, titles, mentions, spaces and text.
    fn inline_tokens(&mut self) -> bool {
        if let Some((kind, len)) = self.range_end() {
            self.ranges.pop();
            self.push(kind, len);
            return true;
        }
        let rest = self.rest();
        for (marker, bold, range) in [
            ("**", true, Range::Asterisk),
            ("__", true, Range::Underscore),
            ("*", false, Range::Asterisk),
            ("_", false, Range::Underscore),
        ] {
            if let Some(after) = rest.strip_prefix(marker)
                && !after.starts_with(char::is_whitespace)
            {
                self.ranges.push((bold, range));
                let kind = if bold {
                    Kind::BoldStart(range)
                } else {
                    Kind::ItalicStart(range)
                };
                self.push(kind, marker.len());
                return true;
            }
        }
        let seek = self.seek;
        let found = link(seek, rest)
            .map(|l| (Kind::Link, l))
            .or_else(|| tag(seek, rest).map(|l| (Kind::Tag, l)))
            .or_else(|| titled(seek, rest, '[', ']', true).map(|l| (Kind::StatementDefinition, l)))
            .or_else(|| reference(seek, rest, '[', ']').map(|l| (Kind::StatementReference, l)))
            .or_else(|| mention(seek, rest, '[', ']').map(|l| (Kind::StatementMention, l)))
            .or_else(|| titled(seek, rest, '<', '>', true).map(|l| (Kind::ArgumentDefinition, l)))
            .or_else(|| reference(seek, rest, '<', '>').map(|l| (Kind::ArgumentReference, l)))
            .or_else(|| mention(seek, rest, '<', '>').map(|l| (Kind::ArgumentMention, l)));
        if let Some((kind, len)) = found {
            self.push(kind, len);
            return true;
        }
        self.spaces_or_text()
    }

    /// Spaces (skipped), or else text.
    fn spaces_or_text(&mut self) -> bool {
        if let Some(len) = run(self.rest(), |c| c == ' ' || c == '\t') {
            self.skip(len);
            return true;
        }
        self.text_tokens()
    }

    fn text_tokens(&mut self) -> bool {
        let rest = self.rest();
        if let Some(len) = run(rest, |c| !"\\@#*_[],.:;</>-\r\n(){}".contains(c)) {
            self.push(Kind::Freestyle, len);
            return true;
        }
        match rest.chars().next() {
            Some(c) if "@#*_[],.:;</>-(){}".contains(c) => {
                let len = 1 + usize::from(rest[1..].starts_with([' ', '\t']));
                self.push(Kind::UnusedControlChar, len);
                true
            }
            _ => false,
        }
    }

    /// The end marker of the innermost open bold or italic range, right after a token.
    fn range_end(&self) -> Option<(Kind, usize)> {
        let &(bold, range) = self.ranges.last()?;
        if self.tokens.is_empty() || self.skipped_after_last {
            return None;
        }
        let marker = match (bold, range) {
            (true, Range::Asterisk) => "**",
            (true, Range::Underscore) => "__",
            (false, Range::Asterisk) => "*",
            (false, Range::Underscore) => "_",
        };
        let after = self.rest().strip_prefix(marker)?;
        let len = match after.chars().next() {
            Some(' ' | '\t') => marker.len() + 1,
            None => marker.len(),
            Some(c) if "\n\r)}_.,!?;:-*".contains(c) => marker.len(),
            Some(_) => return None,
        };
        let kind = if bold {
            Kind::BoldEnd(range)
        } else {
            Kind::ItalicEnd(range)
        };
        Some((kind, len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        tokenize(text)
            .unwrap()
            .into_iter()
            .map(|t| t.kind)
            .collect()
    }

    #[test]
    fn statements_relations_and_indentation() {
        use Kind::*;
        assert_eq!(
            kinds("[A]: text\n  + [B]\n    - b\n"),
            [
                StatementDefinition,
                Freestyle,
                Newline,
                Indent,
                OutgoingSupport,
                StatementReference,
                Newline,
                Indent,
                OutgoingAttack,
                Freestyle,
                Newline,
                Dedent,
                Dedent
            ]
        );
    }

    #[test]
    fn long_runs_of_opening_marks_lex_in_linear_work() {
        // Each mark opens a pattern that looks ahead for its closing mark; none comes. Once
        // every position searched to the end: 100 KB of `[` took 17 s.
        let marks = [
            "[", "<", "{", "[a", "<a", "{a", "<!--", "/*", "//", "#(", "@[", "@<", "[x](", "{a}, ",
            "{\n", "[\n",
        ];
        for mark in marks {
            let text = mark.repeat(20_000 / mark.len());
            let seek = Seek::new(&text);
            let tokens = tokenize_with(&text, &seek).map(|t| t.len());
            assert!(tokens.is_ok_and(|n| n > 0), "{mark:?}");
            let work = seek.searched();
            assert!(work <= 4 * text.len(), "{mark:?}: {work} bytes searched");
        }
    }

    #[test]
    fn a_long_line_of_tokens_lexes_in_linear_time() {
        // 100,000 tokens on one line: counting each token's column from the start of its line
        // read 20 billion characters (minutes); counted as the lexer goes, 400,000.
        let text = "[a] ".repeat(100_000);
        let tokens = tokenize(&text).unwrap();
        let last = tokens.last().unwrap();
        assert_eq!((last.line, last.column), (1, 399_997));
    }

    #[test]
    fn patterns() {
        // Each pattern with look-ahead of its own over `text`.
        let data = |text| data(&Seek::new(text), text);
        let tag = |text| tag(&Seek::new(text), text);
        let link = |text| link(&Seek::new(text), text);
        assert_eq!(data("{a: 1} x"), Some(6));
        assert_eq!(data("{a: {b: 1}, c: 2} x"), Some(17));
        assert_eq!(data("{a: 1}, b"), None);
        assert_eq!(special(".g. x"), Some(4));
        assert_eq!(special(". x"), None);
        assert_eq!(special(":heart:"), Some(7));
        assert_eq!(tag("#(two words) x"), Some(13));
        assert_eq!(tag("#tag_x"), Some(6));
        let text = "[a] [b]: x";
        assert_eq!(titled(&Seek::new(text), text, '[', ']', true), Some(8));
        let text = "[a]\n[b]: x";
        assert_eq!(titled(&Seek::new(text), text, '[', ']', true), None);
        assert_eq!(reference(&Seek::new("[-x]"), "[-x]", '[', ']'), None);
        assert_eq!(reference(&Seek::new("[x\n]"), "[x\n]", '[', ']'), None);
        assert_eq!(front_matter("===\na: 1\n===\n"), Some(12));
        assert_eq!(link("[t](u) x"), Some(7));
    }
}

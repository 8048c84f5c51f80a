//! Argdown's tokens, with the rules of Argdown's own lexer (version 1.7.5).
//!
//! Argdown's lexer tries its token patterns in a fixed order and takes the first that matches,
//! several of them only at the start of a line; relations and list items also emit `Indent` and
//! `Dedent` tokens from their indentation. Which files Argdown accepts depends on these details,
//! so they are followed exactly, pattern by pattern, in the order Argdown tries them.

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
    pos: usize,
    tokens: Vec<Token>,
    /// End offset of the last skipped token (spaces, comments), if after the last token.
    skipped_after_last: bool,
    indents: Vec<usize>,
    ranges: Vec<(bool, Range)>,
    inference: bool,
}

/// Splits `text` into tokens as Argdown does. Comments and spaces are dropped.
pub(super) fn tokenize(text: &str) -> Result<Vec<Token>, LexError> {
    let mut lx = Lexer {
        text,
        pos: 0,
        tokens: Vec::new(),
        skipped_after_last: false,
        indents: vec![0],
        ranges: Vec::new(),
        inference: false,
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

    fn push(&mut self, kind: Kind, len: usize) {
        let (line, column) = position(self.text, self.pos);
        let text = self.text[self.pos..self.pos + len].to_string();
        self.tokens.push(Token {
            kind,
            text,
            offset: self.pos,
            line,
            column,
        });
        self.pos += len;
        self.skipped_after_last = false;
    }

    fn skip(&mut self, len: usize) {
        self.pos += len;
        self.skipped_after_last = true;
    }

    fn marker(&mut self, kind: Kind) {
        let (line, column) = position(self.text, self.pos);
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
            (Kind::Data, data(rest)),
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
            .or_else(|| data(rest).map(|l| (Kind::Data, l)))
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
            4 + after.find("-->")? + 3
        } else if let Some(after) = rest.strip_prefix("/*") {
            2 + after.find("*/")? + 2
        } else if rest.starts_with("//") {
            rest.find(['\n', '\r'])?
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
        let found = link(rest)
            .map(|l| (Kind::Link, l))
            .or_else(|| tag(rest).map(|l| (Kind::Tag, l)))
            .or_else(|| titled(rest, '[', ']', true).map(|l| (Kind::StatementDefinition, l)))
            .or_else(|| reference(rest, '[', ']').map(|l| (Kind::StatementReference, l)))
            .or_else(|| mention(rest, '[', ']').map(|l| (Kind::StatementMention, l)))
            .or_else(|| titled(rest, '<', '>', true).map(|l| (Kind::ArgumentDefinition, l)))
            .or_else(|| reference(rest, '<', '>').map(|l| (Kind::ArgumentReference, l)))
            .or_else(|| mention(rest, '<', '>').map(|l| (Kind::ArgumentMention, l)));
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

/// Length of the longest prefix of chars satisfying `f`, if not empty.
fn run(text: &str, f: impl Fn(char) -> bool) -> Option<usize> {
    let len = text.find(|c: char| !f(c)).unwrap_or(text.len());
    (len > 0).then_some(len)
}

fn followed_by_space(text: &str) -> bool {
    text.starts_with(char::is_whitespace)
}

/// `(?:[ \t]*\r\n|\n|\r)*`
fn trailing_breaks(text: &str) -> usize {
    let mut len = 0;
    loop {
        let rest = &text[len..];
        let spaces = run(rest, |c| c == ' ' || c == '\t').unwrap_or(0);
        if rest[spaces..].starts_with("\r\n") {
            len += spaces + 2;
        } else if rest.starts_with(['\n', '\r']) {
            len += 1;
        } else {
            return len;
        }
    }
}

/// `(?:[ \t]*(?:\r\n|\n|\r)(?![ \t]*(?:\r\n|\n|\r)))?`
fn one_trailing_break(text: &str) -> usize {
    let spaces = run(text, |c| c == ' ' || c == '\t').unwrap_or(0);
    let Some(br) = line_break(&text[spaces..]) else {
        return 0;
    };
    let after = &text[spaces + br..];
    let blank = run(after, |c| c == ' ' || c == '\t').unwrap_or(0);
    if line_break(&after[blank..]).is_some() {
        0
    } else {
        spaces + br
    }
}

fn line_break(text: &str) -> Option<usize> {
    if text.starts_with("\r\n") {
        Some(2)
    } else if text.starts_with(['\n', '\r']) {
        Some(1)
    } else {
        None
    }
}

/// `[ \t]*(?:\r\n|\n|\r)`
fn newline(text: &str) -> Option<usize> {
    let spaces = run(text, |c| c == ' ' || c == '\t').unwrap_or(0);
    Some(spaces + line_break(&text[spaces..])?)
}

/// `===+[\s\S]*?===+`
fn front_matter(text: &str) -> Option<usize> {
    let open = run(text, |c| c == '=').filter(|&n| n >= 3)?;
    if let Some(at) = text[open..].find("===") {
        let start = open + at;
        return Some(start + run(&text[start..], |c| c == '=').unwrap_or(0));
    }
    (open >= 6).then_some(open)
}

/// `{((?!}\s[^,}])(.|\n))*}(?!\s*(,|}))`: the last `}` reachable without passing a `\r` or a
/// `}` followed by a space and something other than `,` or `}`, and not itself followed by
/// (spaces and) `,` or `}`.
fn data(text: &str) -> Option<usize> {
    if !text.starts_with('{') {
        return None;
    }
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    let mut end = bytes.len();
    for (i, &(_, c)) in bytes.iter().enumerate().skip(1) {
        if c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            end = i;
            break;
        }
        let blocks = c == '}'
            && bytes.get(i + 1).is_some_and(|&(_, w)| w.is_whitespace())
            && bytes.get(i + 2).is_some_and(|&(_, n)| n != ',' && n != '}');
        if blocks {
            end = i + 1;
            break;
        }
    }
    (1..end).rev().find_map(|i| {
        let (at, c) = bytes[i];
        if c != '}' {
            return None;
        }
        let after = text[at + 1..].trim_start();
        (!after.starts_with([',', '}'])).then_some(at + 1)
    })
}

/// `\\.(?: )*`
fn escaped(text: &str) -> Option<usize> {
    let mut chars = text.chars();
    if chars.next() != Some('\\') {
        return None;
    }
    let c = chars
        .next()
        .filter(|c| !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'))?;
    let len = 1 + c.len_utf8();
    Some(len + run(&text[len..], |c| c == ' ').unwrap_or(0))
}

/// Whether Argdown reads a shortcode (`.x.` or `:x:`) at the start of `text`.
pub(super) fn is_special(text: &str) -> bool {
    special(text).is_some()
}

/// `(?:\.[^\s]+?\.[ \t]?)|(?::[^\s]+?:[ \t]?)`
fn special(text: &str) -> Option<usize> {
    let delim = text.chars().next().filter(|c| *c == '.' || *c == ':')?;
    let body = &text[1..];
    let end = body.find(|c: char| c == delim || c.is_whitespace())?;
    if end == 0 || !body[end..].starts_with(delim) {
        // `.+?` needs one character first, which may be the delimiter itself.
        if end == 0 && body.starts_with(delim) {
            let more = &body[1..];
            let close = more.find(|c: char| c == delim || c.is_whitespace())?;
            if !more[close..].starts_with(delim) {
                return None;
            }
            let len = 2 + close + 1;
            return Some(len + usize::from(text[len..].starts_with([' ', '\t'])));
        }
        return None;
    }
    let len = 1 + end + 1;
    Some(len + usize::from(text[len..].starts_with([' ', '\t'])))
}

/// `^[ \t]*-{2}` at a line start.
fn leading_dashes(text: &str) -> Option<usize> {
    let indent = run(text, |c| c == ' ' || c == '\t').unwrap_or(0);
    text[indent..].starts_with("--").then_some(indent + 2)
}

/// `^(#+) `
fn heading(text: &str) -> Option<usize> {
    let hashes = run(text, |c| c == '#')?;
    text[hashes..].starts_with(' ').then_some(hashes + 1)
}

/// `^[ \t]*\(\d+\)`
fn statement_number(text: &str) -> Option<usize> {
    let indent = run(text, |c| c == ' ' || c == '\t').unwrap_or(0);
    let after = text[indent..].strip_prefix('(')?;
    let digits = run(after, |c| c.is_ascii_digit())?;
    after[digits..]
        .starts_with(')')
        .then_some(indent + 1 + digits + 1)
}

/// `\[[^\]]+?\]\([^\)]+?\)[ \t]?`
fn link(text: &str) -> Option<usize> {
    let after = text.strip_prefix('[')?;
    let close = after.find(']')?;
    if close == 0 || !after[close..].starts_with("](") {
        return None;
    }
    let url = &after[close + 2..];
    let end = url.find(')')?;
    if end == 0 {
        return None;
    }
    let len = 1 + close + 2 + end + 1;
    Some(len + usize::from(text[len..].starts_with([' ', '\t'])))
}

fn is_tag_char(c: char) -> bool {
    matches!(c, 'A'..='z' | '0'..='9' | '-' | '\u{A0}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFEF}')
}

/// `#(?:\([^\)]+\)|[tag chars]+)[ \t]?`
fn tag(text: &str) -> Option<usize> {
    let after = text.strip_prefix('#')?;
    let len = if let Some(inner) = after.strip_prefix('(') {
        let close = inner.find(')')?;
        if close == 0 {
            return None;
        }
        1 + 1 + close + 1
    } else {
        1 + run(after, is_tag_char)?
    };
    Some(len + usize::from(text[len..].starts_with([' ', '\t'])))
}

/// `\[.+?\]:` (or `<.+?>:`): the first `]:` on the line after at least one character.
fn titled(text: &str, open: char, close: char, colon: bool) -> Option<usize> {
    let after = text.strip_prefix(open)?;
    let line_end = after
        .find(['\n', '\r', '\u{2028}', '\u{2029}'])
        .unwrap_or(after.len());
    let first = after.chars().next()?.len_utf8();
    if first > line_end {
        return None;
    }
    let pattern: String = if colon {
        format!("{close}:")
    } else {
        close.to_string()
    };
    let at = after[first..line_end].find(&pattern)?;
    Some(1 + first + at + pattern.len())
}

/// `\[[^-].*?\]` (or `<[^-].*?>`): the first character may be anything but `-`, even a line
/// break; the rest stays on its line.
fn reference(text: &str, open: char, close: char) -> Option<usize> {
    let after = text.strip_prefix(open)?;
    let first = after.chars().next().filter(|c| *c != '-')?;
    let rest = &after[first.len_utf8()..];
    let line_end = rest
        .find(['\n', '\r', '\u{2028}', '\u{2029}'])
        .unwrap_or(rest.len());
    let at = rest[..line_end].find(close)?;
    Some(1 + first.len_utf8() + at + 1)
}

/// `@\[.+?\][ \t]?` (or `@<.+?>[ \t]?`)
fn mention(text: &str, open: char, close: char) -> Option<usize> {
    let after = text.strip_prefix('@')?;
    let len = 1 + titled(after, open, close, false)?;
    Some(len + usize::from(text[len..].starts_with([' ', '\t'])))
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
    fn patterns() {
        assert_eq!(data("{a: 1} x"), Some(6));
        assert_eq!(data("{a: {b: 1}, c: 2} x"), Some(17));
        assert_eq!(data("{a: 1}, b"), None);
        assert_eq!(special(".g. x"), Some(4));
        assert_eq!(special(". x"), None);
        assert_eq!(special(":heart:"), Some(7));
        assert_eq!(tag("#(two words) x"), Some(13));
        assert_eq!(tag("#tag_x"), Some(6));
        assert_eq!(titled("[a] [b]: x", '[', ']', true), Some(8));
        assert_eq!(reference("[-x]", '[', ']'), None);
        assert_eq!(front_matter("===\na: 1\n===\n"), Some(12));
        assert_eq!(link("[t](u) x"), Some(7));
    }
}

//! Argdown's grammar (version 1.7.5), as a recursive-descent parser over [`lexer`] tokens.
//!
//! A document is blocks separated by empty lines: headings, statements (`[Title]: text`, a
//! reference `[Title]`, or plain text), arguments (`<Title>: text` or `<Title>`),
//! premise-conclusion structures (`(1) ...`, `--`, `(2) ...`) and lists. Statements and arguments
//! carry indented relations (`+ [Other]`, `-> <Argument>`), which nest. Argdown rejects a file
//! with any syntax error, and so does this parser: the first one is reported with its line and
//! column.

use super::lexer::{Kind, Range, Token};

/// Text with its tags.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Content {
    /// The text as Argdown reads it: markup removed, escapes resolved, tags and line breaks
    /// kept as written (tags are left out here and listed in `tags`).
    pub text: String,
    pub tags: Vec<String>,
}

/// How a statement or argument names itself.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Title {
    /// No title: plain text.
    None,
    /// `[Title]: text` or `<Title>: text`.
    Definition(String),
    /// `[Title]` or `<Title>`.
    Reference(String),
}

/// A statement: a title, text, `{data}` and the relations below it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Statement {
    pub title: Title,
    pub content: Content,
    pub data: Option<String>,
    pub relations: Vec<Relation>,
    pub line: usize,
}

/// A statement or an argument, where either may stand.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Member {
    Statement(Statement),
    Argument(Statement),
}

/// The relation symbols, each named by Argdown's lexer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RelationKind {
    /// `+>`: the parent supports the child.
    IncomingSupport,
    /// `->`: the parent attacks the child.
    IncomingAttack,
    /// `+` or `<+`: the child supports the parent.
    OutgoingSupport,
    /// `-` or `<-`: the child attacks the parent.
    OutgoingAttack,
    /// `><`: parent and child contradict each other.
    Contradiction,
    /// `_>`: the parent undercuts the child.
    IncomingUndercut,
    /// `<_` or `_`: the child undercuts the parent.
    OutgoingUndercut,
}

/// A relation below a statement or argument.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Relation {
    pub kind: RelationKind,
    pub member: Member,
}

/// One line of a premise-conclusion structure.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum PcsItem {
    Statement(Statement),
    /// An inference line, with the undercuts below it.
    Inference(Vec<Member>),
}

/// A top-level block.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    Heading(Content),
    Statement(Statement),
    Argument(Statement),
    Pcs(Vec<PcsItem>),
    List(Vec<Member>),
}

/// A parsed document.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Document {
    pub front_matter: Option<String>,
    pub blocks: Vec<Block>,
}

/// A syntax error: where, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

type Result<T> = std::result::Result<T, ParseError>;

/// How deep bold and italic ranges, and relations under relations, may nest. The parser and
/// the model builder recurse once a level, so without a bound a few kilobytes of `*a ` or of
/// ever deeper indentation overflow the stack; real maps nest a handful of levels.
pub(super) const MAX_NESTING: usize = 100;

/// Parses a token list into a document.
pub(super) fn parse(tokens: Vec<Token>, eof: (usize, usize)) -> Result<Document> {
    let mut p = Parser {
        tokens,
        at: 0,
        eof,
        depth: 0,
    };
    p.document()
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    eof: (usize, usize),
    /// How many ranges and indented relations enclose the current token.
    depth: usize,
}

fn is_freestyle(k: Kind) -> bool {
    matches!(
        k,
        Kind::Freestyle | Kind::UnusedControlChar | Kind::EscapedChar | Kind::SpecialChar
    )
}

fn is_content(k: Kind) -> bool {
    is_freestyle(k)
        || matches!(
            k,
            Kind::Link
                | Kind::BoldStart(_)
                | Kind::ItalicStart(_)
                | Kind::Tag
                | Kind::ArgumentMention
                | Kind::StatementMention
                | Kind::Newline
        )
}

fn is_statement_start(k: Kind) -> bool {
    is_content(k) || matches!(k, Kind::StatementReference | Kind::StatementDefinition)
}

fn relation_kind(k: Kind) -> Option<RelationKind> {
    Some(match k {
        Kind::IncomingSupport => RelationKind::IncomingSupport,
        Kind::IncomingAttack => RelationKind::IncomingAttack,
        Kind::OutgoingSupport => RelationKind::OutgoingSupport,
        Kind::OutgoingAttack => RelationKind::OutgoingAttack,
        Kind::Contradiction => RelationKind::Contradiction,
        Kind::IncomingUndercut => RelationKind::IncomingUndercut,
        Kind::OutgoingUndercut => RelationKind::OutgoingUndercut,
        _ => return None,
    })
}

fn describe(k: Kind) -> &'static str {
    match k {
        Kind::FrontMatter => "front matter (`===`)",
        Kind::Data => "data (`{...}`)",
        Kind::Emptyline => "an empty line",
        Kind::Newline => "a line break",
        Kind::Indent => "an indented line",
        Kind::Dedent => "the end of an indented block",
        Kind::InferenceStart | Kind::InferenceEnd => "an inference line (`--`)",
        Kind::HeadingStart => "a heading",
        Kind::StatementNumber => "a numbered statement (`(1)`)",
        Kind::OrderedListItem | Kind::UnorderedListItem => "a list item",
        Kind::StatementDefinition => "a statement definition (`[Title]:`)",
        Kind::StatementReference => "a statement reference (`[Title]`)",
        Kind::ArgumentDefinition => "an argument definition (`<Title>:`)",
        Kind::ArgumentReference => "an argument reference (`<Title>`)",
        k if relation_kind(k).is_some() => "a relation",
        _ => "text",
    }
}

impl Parser {
    fn peek(&self, ahead: usize) -> Option<Kind> {
        self.tokens.get(self.at + ahead).map(|t| t.kind)
    }

    fn next(&mut self) -> Option<&Token> {
        let t = self.tokens.get(self.at);
        self.at += 1;
        t
    }

    fn take(&mut self, kind: Kind) -> bool {
        if self.peek(0) == Some(kind) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn error(&self, expected: &str) -> ParseError {
        let (line, column, found) = match self.tokens.get(self.at) {
            Some(t) => (t.line, t.column, describe(t.kind)),
            None => (self.eof.0, self.eof.1, "the end of the file"),
        };
        ParseError {
            line,
            column,
            message: format!("expected {expected}, found {found}"),
        }
    }

    fn expect(&mut self, kind: Kind, expected: &str) -> Result<String> {
        match self.tokens.get(self.at) {
            Some(t) if t.kind == kind => {
                let text = t.text.clone();
                self.at += 1;
                Ok(text)
            }
            _ => Err(self.error(expected)),
        }
    }

    /// Runs `inner` one nesting level deeper, refusing to go past [`MAX_NESTING`] with an
    /// error at token `opened` (what opened the level).
    fn nested<T>(
        &mut self,
        what: &str,
        opened: usize,
        inner: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        if self.depth >= MAX_NESTING {
            let (line, column) = match self.tokens.get(opened) {
                Some(t) => (t.line, t.column),
                None => self.eof,
            };
            let message = format!("{what} nest more than {MAX_NESTING} levels deep");
            return Err(ParseError {
                line,
                column,
                message,
            });
        }
        self.depth += 1;
        let result = inner(self);
        self.depth -= 1;
        result
    }

    fn line(&self) -> usize {
        self.tokens.get(self.at).map_or(self.eof.0, |t| t.line)
    }

    fn document(&mut self) -> Result<Document> {
        let mut doc = Document::default();
        self.take(Kind::Newline);
        self.take(Kind::Emptyline);
        if self.peek(0) == Some(Kind::FrontMatter) {
            doc.front_matter = self.next().map(|t| t.text.clone());
            self.take(Kind::Newline);
            self.expect(Kind::Emptyline, "an empty line after the front matter")?;
        }
        loop {
            doc.blocks.push(self.block()?);
            if !self.take(Kind::Emptyline) {
                break;
            }
        }
        if self.at < self.tokens.len() {
            return Err(self.error("an empty line before a new paragraph"));
        }
        Ok(doc)
    }

    fn block(&mut self) -> Result<Block> {
        match self.peek(0) {
            Some(Kind::HeadingStart) => {
                self.at += 1;
                let content = self.content()?;
                self.data()?;
                Ok(Block::Heading(content))
            }
            Some(Kind::StatementNumber) => self.pcs().map(Block::Pcs),
            Some(Kind::ArgumentDefinition | Kind::ArgumentReference) => {
                self.argument().map(Block::Argument)
            }
            Some(Kind::Indent) if self.peek(1).and_then(relation_kind).is_some() => {
                self.at += 1;
                Err(self.error(
                    "a statement, argument, heading or list (a relation cannot start a paragraph: remove the empty line above it)",
                ))
            }
            Some(Kind::Indent) => self.list().map(Block::List),
            Some(k) if is_statement_start(k) => self.statement().map(Block::Statement),
            _ => Err(self.error("a statement, argument, heading or list")),
        }
    }

    /// `(Data Newline?)?`
    fn data(&mut self) -> Result<Option<String>> {
        if self.peek(0) != Some(Kind::Data) {
            return Ok(None);
        }
        let data = self.next().map(|t| t.text.clone());
        self.take(Kind::Newline);
        Ok(data)
    }

    fn statement(&mut self) -> Result<Statement> {
        let line = self.line();
        let (title, content) = match self.peek(0) {
            Some(Kind::StatementReference) => {
                let image = self.next().map(|t| t.text.clone()).unwrap_or_default();
                let content = self.tags();
                self.take(Kind::Newline);
                (Title::Reference(inner(&image, 1, 1)), content)
            }
            Some(Kind::StatementDefinition) => {
                let image = self.next().map(|t| t.text.clone()).unwrap_or_default();
                (Title::Definition(inner(&image, 1, 2)), self.content()?)
            }
            Some(k) if is_content(k) => (Title::None, self.content()?),
            _ => return Err(self.error("a statement")),
        };
        self.rest_of(title, content, line)
    }

    fn argument(&mut self) -> Result<Statement> {
        let line = self.line();
        let (title, content) = match self.peek(0) {
            Some(Kind::ArgumentDefinition) => {
                let image = self.next().map(|t| t.text.clone()).unwrap_or_default();
                (Title::Definition(inner(&image, 1, 2)), self.content()?)
            }
            Some(Kind::ArgumentReference) => {
                let image = self.next().map(|t| t.text.clone()).unwrap_or_default();
                let content = self.tags();
                self.take(Kind::Newline);
                (Title::Reference(inner(&image, 1, 1)), content)
            }
            _ => return Err(self.error("an argument")),
        };
        self.rest_of(title, content, line)
    }

    /// Data and relations after a statement's or argument's text.
    fn rest_of(&mut self, title: Title, content: Content, line: usize) -> Result<Statement> {
        let data = self.data()?;
        let relations = if self.peek(0) == Some(Kind::Indent) {
            self.nested("indented relations", self.at, Parser::relations)?
        } else {
            Vec::new()
        };
        Ok(Statement {
            title,
            content,
            data,
            relations,
            line,
        })
    }

    /// `Tag*` after a reference.
    fn tags(&mut self) -> Content {
        let mut content = Content::default();
        while self.peek(0) == Some(Kind::Tag) {
            if let Some(t) = self.next() {
                content.tags.push(tag_name(&t.text));
            }
        }
        content
    }

    fn member(&mut self) -> Result<Member> {
        match self.peek(0) {
            Some(Kind::ArgumentDefinition | Kind::ArgumentReference) => {
                self.argument().map(Member::Argument)
            }
            Some(k) if is_statement_start(k) => self.statement().map(Member::Statement),
            _ => Err(self.error("a statement or argument after the relation symbol")),
        }
    }

    fn relations(&mut self) -> Result<Vec<Relation>> {
        self.expect(Kind::Indent, "an indented relation")?;
        let mut out = Vec::new();
        loop {
            let Some(kind) = self.peek(0).and_then(relation_kind) else {
                return Err(self.error("a relation (`+`, `-`, `+>`, `->`, `><`, `_>`, `<_`)"));
            };
            self.at += 1;
            let member = if kind == RelationKind::Contradiction {
                Member::Statement(self.statement()?)
            } else {
                self.member()?
            };
            out.push(Relation { kind, member });
            if self.peek(0).and_then(relation_kind).is_none() {
                break;
            }
        }
        self.expect(Kind::Dedent, "the end of the indented relations")?;
        Ok(out)
    }

    fn list(&mut self) -> Result<Vec<Member>> {
        self.expect(Kind::Indent, "a list")?;
        let item = match self.peek(0) {
            Some(k @ (Kind::OrderedListItem | Kind::UnorderedListItem)) => k,
            _ => return Err(self.error("a list item")),
        };
        let mut out = Vec::new();
        while self.take(item) {
            out.push(self.member()?);
        }
        if out.is_empty() {
            return Err(self.error("a list item"));
        }
        self.expect(Kind::Dedent, "the end of the list")?;
        Ok(out)
    }

    fn pcs(&mut self) -> Result<Vec<PcsItem>> {
        let mut items = vec![self.pcs_statement()?];
        let mut tails = 0;
        while matches!(
            self.peek(0),
            Some(Kind::StatementNumber | Kind::InferenceStart)
        ) {
            while self.peek(0) == Some(Kind::StatementNumber) {
                items.push(self.pcs_statement()?);
            }
            items.push(self.inference()?);
            items.push(self.pcs_statement()?);
            tails += 1;
        }
        if tails == 0 {
            return Err(self.error("an inference line (`--`) and a conclusion"));
        }
        Ok(items)
    }

    fn pcs_statement(&mut self) -> Result<PcsItem> {
        self.expect(Kind::StatementNumber, "a numbered statement (`(1) ...`)")?;
        if matches!(
            self.peek(0),
            Some(Kind::ArgumentDefinition | Kind::ArgumentReference)
        ) {
            return Err(self.error(
                "a statement: an argument cannot be a premise or conclusion (use `[Title]`)",
            ));
        }
        self.statement().map(PcsItem::Statement)
    }

    fn inference(&mut self) -> Result<PcsItem> {
        self.expect(Kind::InferenceStart, "an inference line (`--`)")?;
        let rules_next = |p: &Parser, k: usize| p.peek(k).is_some_and(is_freestyle);
        if rules_next(self, 0) || (self.peek(0) == Some(Kind::Newline) && rules_next(self, 1)) {
            self.take(Kind::Newline);
            loop {
                if !rules_next(self, 0) {
                    return Err(self.error("an inference rule"));
                }
                while rules_next(self, 0) {
                    self.at += 1;
                }
                if !self.take(Kind::ListDelimiter) {
                    break;
                }
            }
        }
        self.take(Kind::Newline);
        self.data()?;
        self.expect(Kind::InferenceEnd, "the end of the inference (`--`)")?;
        self.expect(Kind::Newline, "a line break after the inference")?;
        let mut undercuts = Vec::new();
        if self.take(Kind::Indent) {
            loop {
                self.expect(Kind::OutgoingUndercut, "an undercut (`<_`)")?;
                undercuts.push(self.member()?);
                if self.peek(0) != Some(Kind::OutgoingUndercut) {
                    break;
                }
            }
            self.expect(Kind::Dedent, "the end of the undercuts")?;
        }
        Ok(PcsItem::Inference(undercuts))
    }

    /// `statementContent`: one or more text pieces, links, ranges, tags, mentions, line breaks.
    fn content(&mut self) -> Result<Content> {
        let mut content = Content::default();
        if !self.peek(0).is_some_and(is_content) {
            return Err(self.error("text"));
        }
        self.content_into(&mut content)?;
        Ok(content)
    }

    fn content_into(&mut self, content: &mut Content) -> Result<()> {
        while let Some(kind) = self.peek(0).filter(|k| is_content(*k)) {
            let Some(token) = self.next() else { break };
            let image = token.text.clone();
            match kind {
                Kind::Freestyle | Kind::UnusedControlChar | Kind::SpecialChar => {
                    content.text.push_str(&image)
                }
                Kind::EscapedChar => content.text.push_str(&image[1..]),
                Kind::Link => content.text.push_str(&link_text(&image)),
                Kind::Tag => content.tags.push(tag_name(&image)),
                Kind::ArgumentMention | Kind::StatementMention => content.text.push_str(&image),
                Kind::Newline => content.text.push(' '),
                Kind::BoldStart(range) => self.range(content, Kind::BoldEnd(range), range)?,
                Kind::ItalicStart(range) => self.range(content, Kind::ItalicEnd(range), range)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn range(&mut self, content: &mut Content, end: Kind, range: Range) -> Result<()> {
        let opened = self.at - 1;
        self.nested("bold and italic ranges", opened, |p| {
            p.content_into(content)
        })?;
        let marker = match (end, range) {
            (Kind::BoldEnd(_), Range::Asterisk) => "`**`",
            (Kind::BoldEnd(_), Range::Underscore) => "`__`",
            (_, Range::Asterisk) => "`*`",
            (_, Range::Underscore) => "`_`",
        };
        let image = self.expect(end, &format!("the closing {marker}"))?;
        if image.ends_with([' ', '\t']) {
            content.text.push(' ');
        }
        Ok(())
    }
}

/// `image` without `open` characters at the start and `close` at the end.
fn inner(image: &str, open: usize, close: usize) -> String {
    let end = image.len().saturating_sub(close).max(open);
    image[open..end].to_string()
}

/// The name of a tag: `#name` or `#(some name)`, without trailing space.
pub(super) fn tag_name(image: &str) -> String {
    let image = image.trim_end().trim_start_matches('#');
    image
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(image)
        .to_string()
}

/// The text of a link `[text](url)`, with its trailing space.
fn link_text(image: &str) -> String {
    let close = image.find("](").unwrap_or(image.len());
    let mut text = image.get(1..close).unwrap_or("").to_string();
    if image.ends_with([' ', '\t']) {
        text.push(' ');
    }
    text
}

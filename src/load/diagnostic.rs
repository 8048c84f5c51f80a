//! Diagnostics: what is wrong with the input, where, and how to fix it.
//!
//! Every problem the loader and the checks find becomes a [`Diagnostic`] with a stable
//! [`Code`], a file, line and column, and where it helps a hint. They are collected, never
//! thrown, so one run reports every problem.

use std::fmt;
use std::path::PathBuf;

use crate::model::keyword::keyword_enum;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; does not fail `check` unless `--deny-warnings`.
    Warning,
    /// The input is wrong.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

keyword_enum! {
    /// A stable, machine-readable name for each kind of problem.
    pub enum Code {
        /// The file could not be read.
        Io = "io",
        /// A path named like a claim file is a named pipe, a device or a socket.
        NotAFile = "not-a-file",
        /// The file is larger than the loader's size limit.
        TooLarge = "too-large",
        /// The file is not UTF-8.
        NotUtf8 = "not-utf8",
        /// The file holds no YAML document.
        EmptyFile = "empty-file",
        /// The YAML is malformed.
        Syntax = "syntax",
        /// The YAML is too costly to expand (an alias bomb, or nesting too deep).
        TooComplex = "too-complex",
        /// A value has the wrong type.
        WrongType = "wrong-type",
        /// A required key is missing.
        MissingField = "missing-field",
        /// A key is not part of the format.
        UnknownKey = "unknown-key",
        /// An id breaks the id rule.
        InvalidId = "invalid-id",
        /// Two items share an id.
        DuplicateId = "duplicate-id",
        /// A reference names no claim or source.
        UnknownId = "unknown-id",
        /// A reference names a claim where a source is required, or the reverse.
        WrongKind = "wrong-kind",
        /// A number is outside its range.
        OutOfRange = "out-of-range",
        /// A date is malformed or does not exist.
        InvalidDate = "invalid-date",
        /// A keyword (kind, rating) is not one of the allowed words.
        UnknownKeyword = "unknown-keyword",
        /// A claim supports or contradicts itself.
        SelfRelation = "self-relation",
        /// A claim has no speaker and no source.
        Unattributed = "unattributed",
        /// Claims support each other in a circle.
        SupportCycle = "support-cycle",
        /// A claim both supports and contradicts the same claim.
        MixedRelation = "supports-and-contradicts",
        /// A claim rated true or mostly-true is contradicted by another so rated.
        TrueContradicted = "true-contradicted",
        /// A claim rated true or mostly-true is supported only by claims rated false or mostly-false.
        SupportFromFalse = "support-from-false",
        /// A view's `where` expression does not parse.
        InvalidWhere = "invalid-where",
        /// A source's `url` is not one that diagrams and the report draw as a link.
        UnlinkedUrl = "unlinked-url",
        /// A verdict history is not in date order, oldest first.
        VerdictOrder = "verdict-order",
        /// A `sha256` is not 64 hexadecimal digits, or has no `archive` to check.
        InvalidSha256 = "invalid-sha256",
        /// A source's archive is missing, unreadable or not UTF-8.
        ArchiveUnreadable = "archive-unreadable",
        /// A source's archive no longer has the `sha256` written for it.
        ArchiveChanged = "archive-changed",
        /// A quote does not occur in its source's archive.
        QuoteNotFound = "quote-not-found",
        /// A locator names no heading of its source's archive.
        LocatorNotFound = "locator-not-found",
    }
}

/// A place in a file: 1-based line and column (in characters), and how many characters to
/// underline. Line 0 means "the whole file".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Location {
    /// The file.
    pub file: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u32,
    /// 1-based column in characters; 0 when unknown.
    pub column: u32,
    /// Characters to underline (at least one is drawn).
    #[serde(skip)]
    pub len: u32,
}

impl Location {
    /// A location covering a whole file.
    pub fn file(file: impl Into<PathBuf>) -> Location {
        Location {
            file: file.into(),
            line: 0,
            column: 0,
            len: 0,
        }
    }

    /// A location at `line`:`column`, underlining `len` characters.
    pub fn at(file: impl Into<PathBuf>, line: u32, column: u32, len: u32) -> Location {
        Location {
            file: file.into(),
            line,
            column,
            len,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        Ok(())
    }
}

/// One problem found in the input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    /// Where (sorts first, so diagnostics come out in file order).
    pub location: Location,
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem.
    pub code: Code,
    /// What is wrong, in a sentence starting lowercase.
    pub message: String,
    /// How to fix it, when there is something to say.
    pub hint: Option<String>,
    /// Other places involved, each with a note ("first defined here").
    pub related: Vec<(Location, String)>,
}

impl Diagnostic {
    /// An error at `location`.
    pub fn error(code: Code, location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            location,
            severity: Severity::Error,
            code,
            message: message.into(),
            hint: None,
            related: Vec::new(),
        }
    }

    /// A warning at `location`.
    pub fn warning(code: Code, location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, location, message)
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint when there is one.
    pub fn with_hint_opt(mut self, hint: Option<String>) -> Diagnostic {
        self.hint = hint;
        self
    }

    /// Adds a related place.
    pub fn with_related(mut self, location: Location, note: impl Into<String>) -> Diagnostic {
        self.related.push((location, note.into()));
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The JSON shape of a diagnostic, as printed by `check --format json`.
#[derive(Debug, serde::Serialize)]
pub struct DiagnosticJson<'a> {
    /// The file.
    pub file: String,
    /// 1-based line (0: whole file).
    pub line: u32,
    /// 1-based column (0: unknown).
    pub column: u32,
    /// `error` or `warning`.
    pub severity: Severity,
    /// The stable code.
    pub code: Code,
    /// The message.
    pub message: &'a str,
    /// The hint, or null.
    pub hint: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for DiagnosticJson<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        DiagnosticJson {
            file: d.location.file.display().to_string(),
            line: d.location.line,
            column: d.location.column,
            severity: d.severity,
            code: d.code,
            message: &d.message,
            hint: d.hint.as_deref(),
        }
    }
}

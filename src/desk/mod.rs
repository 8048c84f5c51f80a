//! The fact-checker's desk: proof of what a source said.
//!
//! A source may keep a local copy of its document (`archive:`). `check` then verifies each
//! citation of it against that copy, so a quote that drifted from the source, a locator that
//! names no section, or an archive that changed since its hash was written is caught where it
//! is written, not by a reader. Each archive is read and indexed once per run
//! ([`Archives`]), however many quotes cite it.
//!
//! [`archive`] reads and indexes documents (normalised words, original lines, headings);
//! [`quotes`] matches quotes, finds the closest passage of a miss and diffs it word by word.

pub mod archive;
pub mod quotes;

use std::path::PathBuf;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

pub use archive::{ArchiveError, ArchiveIndex, Heading};

use crate::load::{Code, Diagnostic, Location};
use crate::model::{Citation, Claim, Corpus, Id, Origin, Source};

/// The archives of a corpus's sources, each read and indexed once.
#[derive(Debug, Default)]
pub struct Archives {
    by_source: HashMap<String, Result<ArchiveIndex, ArchiveError>>,
}

impl Archives {
    /// Reads the archive of every source of `corpus` that has one.
    pub fn read(corpus: &Corpus) -> Archives {
        Archives::read_some(corpus, corpus.sources.iter())
    }

    /// Reads the archives of `sources` only.
    pub fn read_some<'a>(corpus: &Corpus, sources: impl Iterator<Item = &'a Source>) -> Archives {
        let mut by_source = HashMap::default();
        for source in sources {
            if let Some(path) = archive_path(corpus, source)
                && !by_source.contains_key(source.id.as_str())
            {
                by_source.insert(source.id.to_string(), ArchiveIndex::read(&path));
            }
        }
        Archives { by_source }
    }

    /// The archive of source `id`: `None` when it has none, an error when it could not be read.
    pub fn get(&self, id: &str) -> Option<&Result<ArchiveIndex, ArchiveError>> {
        self.by_source.get(id)
    }
}

/// Where the archive of `source` is on disk: its path, relative to the directory of the file
/// that defines the source.
pub fn archive_path(corpus: &Corpus, source: &Source) -> Option<PathBuf> {
    let archive = source.archive.as_ref()?;
    let file = corpus.files.path(source.origin.file)?;
    Some(file.parent().unwrap_or(file).join(&archive.path))
}

/// Where a quote stands in its source's archive.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct QuotePlace {
    /// The cited source.
    pub source: String,
    /// The archive's path.
    pub archive: String,
    /// Whether the quote occurs in it.
    pub found: bool,
    /// The line of its first occurrence, or of the closest passage when it is not found.
    pub line: Option<u32>,
}

/// Where each quote of `claim` stands in the archive of the source it cites, one entry per
/// citation: `None` for a citation without a quote or whose source has no readable archive.
pub fn quote_places(corpus: &Corpus, claim: &Claim) -> Vec<Option<QuotePlace>> {
    let cited = claim
        .sources
        .iter()
        .filter_map(|c| corpus.sources.iter().find(|s| s.id == c.source));
    let archives = Archives::read_some(corpus, cited);
    let place = |cit: &Citation| {
        let (Some(quote), Some(Ok(index))) = (&cit.quote, archives.get(cit.source.as_str())) else {
            return None;
        };
        let (found, line) = match locate(index, quote) {
            Ok(line) => (true, Some(line)),
            Err(miss) => (false, miss.map(|m| m.line)),
        };
        Some(QuotePlace {
            source: cit.source.to_string(),
            archive: index.path().display().to_string(),
            found,
            line,
        })
    };
    claim.sources.iter().map(place).collect()
}

impl std::fmt::Display for QuotePlace {
    /// `in PATH:LINE`, or `not found in PATH (closest passage: line N)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.found, self.line) {
            (true, Some(line)) => write!(f, "in {}:{line}", self.archive),
            (_, Some(line)) => write!(
                f,
                "not found in {} (closest passage: line {line})",
                self.archive
            ),
            (_, None) => write!(f, "not found in {}", self.archive),
        }
    }
}

/// The closest passage to a quote that was not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    /// Its 1-based line in the archive.
    pub line: u32,
    /// The difference, `[-quote-]{+archive+}`, long unchanged runs shortened.
    pub diff: String,
}

/// The line where `quote` first occurs in the archive, or the closest passage when it does
/// not occur (`None` when no passage shares a word with it).
pub fn locate(index: &ArchiveIndex, quote: &str) -> Result<u32, Option<Miss>> {
    let quote = quotes::normalised(quote);
    if let Some(at) = quotes::find(index, &quote) {
        return Ok(index.line_of(at));
    }
    let words: Vec<&str> = quote.split(' ').collect();
    let Some(start) = quotes::nearest(index, &words) else {
        return Err(None);
    };
    let end = (start + words.len() + 3).min(index.word_count());
    let passage: Vec<&str> = (start..end).filter_map(|i| index.word(i)).collect();
    Err(Some(Miss {
        line: index.line_of(index.word_offset(start)),
        diff: quotes::render(&quotes::diff(&words, &passage), 4),
    }))
}

/// Every problem with the archives of `corpus` and the citations of archived sources: missing
/// or unreadable archives, changed hashes, quotes not found, locators that name no heading.
pub fn verify(corpus: &Corpus) -> Vec<Diagnostic> {
    problems(corpus).into_iter().map(|(_, d)| d).collect()
}

/// [`verify`], each problem with the id of the item it concerns: the source, for its archive;
/// the claim, for a citation. `review` lists them by that id.
pub fn problems(corpus: &Corpus) -> Vec<(Id, Diagnostic)> {
    let archives = Archives::read(corpus);
    let mut out = Vec::new();
    for source in &corpus.sources {
        let problem = archive_problem(corpus, &archives, source);
        out.extend(problem.map(|d| (source.id.clone(), d)));
    }
    if archives.by_source.is_empty() {
        return out;
    }
    let citations = corpus.claims.par_iter().flat_map_iter(|claim| {
        claim
            .sources
            .iter()
            .flat_map(|cit| match archives.get(cit.source.as_str()) {
                Some(Ok(index)) => citation_problems(corpus, index, cit),
                _ => Vec::new(),
            })
            .map(|d| (claim.id.clone(), d))
    });
    out.par_extend(citations);
    out
}

/// The location of an origin in `corpus`'s files.
fn location(corpus: &Corpus, o: Origin, len: usize) -> Location {
    let path = corpus
        .files
        .path(o.file)
        .map(PathBuf::from)
        .unwrap_or_default();
    Location::at(path, o.line, o.column, len as u32)
}

/// The error for an archive that could not be read, or whose hash changed.
fn archive_problem(corpus: &Corpus, archives: &Archives, source: &Source) -> Option<Diagnostic> {
    let archive = source.archive.as_ref()?;
    let at = location(corpus, archive.origin, archive.path.chars().count());
    let index = match archives.get(source.id.as_str())? {
        Ok(index) => index,
        Err(e) => {
            let hint = match e {
                ArchiveError::Missing(_) => {
                    "the path is relative to the directory of the file that defines the source"
                }
                ArchiveError::Unreadable(..) => "check that the file is readable",
                ArchiveError::NotUtf8(..) => "save the archive as UTF-8 text",
                ArchiveError::Html(_) => "save the page as plain text (.txt) or Markdown (.md)",
            };
            let msg = format!("{e} (the archive of `{}`)", source.id);
            return Some(Diagnostic::error(Code::ArchiveUnreadable, at, msg).with_hint(hint));
        }
    };
    let expected = archive.sha256.as_deref()?;
    if expected == index.sha256() {
        return None;
    }
    let msg = format!(
        "archive `{}` of `{}` has changed: its sha256 is {}",
        index.path().display(),
        source.id,
        index.sha256()
    );
    let hint = format!(
        "restore the archived copy, or if the new copy is the right one, re-check its quotes and write `sha256: {}`",
        index.sha256()
    );
    let at = location(corpus, archive.sha256_origin, expected.len());
    Some(Diagnostic::error(Code::ArchiveChanged, at, msg).with_hint(hint))
}

/// The problems of one citation of an archived source.
fn citation_problems(corpus: &Corpus, index: &ArchiveIndex, cit: &Citation) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(quote) = &cit.quote
        && let Err(miss) = locate(index, quote)
    {
        out.push(quote_not_found(corpus, index, cit, quote, miss));
    }
    if let Some(locator) = &cit.locator
        && index.heading(locator).is_none()
    {
        let nearest = index
            .nearest_heading(locator)
            .map(|h| {
                format!(
                    "; the nearest is `{}` ({}:{})",
                    h.title,
                    index.path().display(),
                    h.line
                )
            })
            .unwrap_or_default();
        let msg = format!(
            "locator `{locator}` names no heading of the archive of `{}`{nearest}",
            cit.source
        );
        let at = location(corpus, cit.locator_origin, locator.chars().count());
        let hint = "write the heading as the archive has it (a final `:`, case and typographic quotes or dashes do not matter)";
        out.push(Diagnostic::warning(Code::LocatorNotFound, at, msg).with_hint(hint));
    }
    out
}

fn quote_not_found(
    corpus: &Corpus,
    index: &ArchiveIndex,
    cit: &Citation,
    quote: &str,
    miss: Option<Miss>,
) -> Diagnostic {
    let at = location(corpus, cit.quote_origin, quote.chars().count());
    let path = index.path().display();
    let Some(miss) = miss else {
        let msg = format!(
            "quote not found in the archive of `{}` ({path}), and no passage shares a word with it",
            cit.source
        );
        let hint = "check that the quote belongs to this source";
        return Diagnostic::error(Code::QuoteNotFound, at, msg).with_hint(hint);
    };
    let msg = format!(
        "quote not found in the archive of `{}`; the closest passage is at {path}:{}",
        cit.source, miss.line
    );
    let hint = format!(
        "quote the archive word for word; [-in the quote-]{{+in the archive+}}: {}",
        miss.diff
    );
    Diagnostic::error(Code::QuoteNotFound, at, msg).with_hint(hint)
}

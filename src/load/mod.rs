//! Loading claim files: find them, read them, parse them, resolve them into a [`Corpus`].
//!
//! Loading never stops at the first problem. Every file is read and every problem becomes a
//! [`Diagnostic`]; what could be understood still ends up in the corpus, so later checks can
//! report their problems too.
//!
//! Files are read and parsed in parallel (rayon), each kept packed until its turn (see
//! `packed.rs`), then resolved in file order, so the diagnostics are the same whatever the
//! number of threads. With a cache directory in
//! [`Options`], a corpus none of whose files changed since the last load is read back whole,
//! resolved, with its diagnostics (see `snapshot/`); otherwise the files unchanged since then
//! are not parsed again (see `cache.rs`).

mod cache;
mod diagnostic;
mod documents;
pub(crate) mod file;
pub mod framework;
mod json;
mod lines;
mod packed;
mod parse;
mod recover;
mod report;
mod resolve;
mod reuse;
mod snapshot;
mod view;
mod walk;
mod wording;

pub use cache::default_dir as default_cache_dir;
pub use diagnostic::{Code, Diagnostic, DiagnosticJson, Location, Severity};
pub use documents::{ParsedDocument, discover, load_documents, load_parsed, read_text};
pub use report::{Renderer, summary};
pub use reuse::Reuse;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::fsutil::ReadError;
use crate::model::{Corpus, FileId, Files};
use packed::{Hold, Packed};

/// The result of loading: the corpus and every problem found on the way.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// What was understood.
    pub corpus: Corpus,
    /// Every problem, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the time went.
    pub stats: Stats,
}

/// How to load.
#[derive(Default)]
pub struct Options<'a> {
    /// Where to keep the load cache ([`default_cache_dir`] is the usual place); `None`: no
    /// cache is read or written.
    pub cache_dir: Option<PathBuf>,
    /// Told how many files there are, then once per file read (from any thread).
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
    /// The largest file read, in bytes; `None`: [`MAX_FILE_SIZE`].
    pub max_file_size: Option<u64>,
    /// Parses kept from an earlier load (`diff`'s first version): the first load given it
    /// fills it, a later one does not parse again a file whose bytes are the same (see
    /// `reuse.rs`).
    pub reuse: Option<&'a Reuse>,
    /// Only the neighbourhood of this id is wanted (`show ID`): when the corpus comes from
    /// the snapshot, has no errors and has an item with the id, [`Loaded::corpus`] holds just
    /// that item, the items one edge away and the relations between them, and no warnings
    /// ([`Stats::focused`]); otherwise the whole corpus, as without it.
    pub focus: Option<&'a str>,
}

/// The largest claim file read by default: 64 MiB, about 170,000 claims in one file (the
/// benchmark corpus writes 500 claims, about 185 KB, per file). A larger file is refused with
/// an error rather than read into memory whole. A JSON Lines file is never read whole (see
/// `json/stream.rs`), but the limit applies to it too: what a file costs beside its text (its
/// parsed claims, its diagnostics, the graph) grows with its size.
pub const MAX_FILE_SIZE: u64 = 64 << 20;

impl fmt::Debug for Options<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Options")
            .field("cache_dir", &self.cache_dir)
            .field("progress", &self.progress.is_some())
            .field("max_file_size", &self.max_file_size)
            .field("reuse", &self.reuse.is_some())
            .field("focus", &self.focus)
            .finish()
    }
}

/// A progress event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// This many files will be read.
    Files(usize),
    /// One more file was read.
    Read,
}

/// Where loading spent its time, and what the cache saved.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Finding the files.
    pub discover: Duration,
    /// Reading and parsing them (or taking them from the cache).
    pub parse: Duration,
    /// Resolving ids into the corpus.
    pub resolve: Duration,
    /// Writing the corpus cache (after a change).
    pub cache_write: Duration,
    /// Files taken from the cache.
    pub cache_hits: usize,
    /// Files parsed (with a cache in use).
    pub cache_misses: usize,
    /// Files not parsed because an earlier load ([`Options::reuse`]) parsed the same bytes.
    pub reused: usize,
    /// Whether the whole corpus came from the cache (nothing parsed or resolved).
    pub corpus_cached: bool,
    /// When only [`Options::focus`]'s neighbourhood was read: its items, and the corpus's.
    pub focused: Option<(usize, usize)>,
}

impl Loaded {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads claim files. Each path is a file, or a directory walked recursively for `*.yaml`,
/// `*.yml`, `*.json` and `*.jsonl` files in sorted order (hidden entries skipped). Links are followed, but only
/// regular files are read, each once however many paths lead to it, and none larger than
/// [`MAX_FILE_SIZE`] (see [`Options::max_file_size`]). A file named `*.apx`, `*.tgf` or
/// `*.af` is read as an abstract argumentation framework ([`framework`]): each argument
/// becomes a claim, each attack a `contradicts` relation.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("a.yaml"), "claims:\n  - id: a\n    text: A.\n    by: x\nsources:\n  - id: x\n    name: X\n").unwrap();
/// let loaded = claimgraph::load::load(&[dir.path()]);
/// assert!(!loaded.has_errors());
/// assert_eq!(loaded.corpus.claims[0].text, "A.");
/// ```
pub fn load<P: AsRef<Path>>(paths: &[P]) -> Loaded {
    load_with(paths, &Options::default())
}

/// Loads claim files like [`load`], with a cache and progress reports.
pub fn load_with<P: AsRef<Path>>(paths: &[P], options: &Options<'_>) -> Loaded {
    let mut stats = Stats::default();
    let start = Instant::now();
    let limit = options.max_file_size.unwrap_or(MAX_FILE_SIZE);
    let found = Found::discover(paths);
    stats.discover = start.elapsed();
    let start = Instant::now();
    let cache_file = options
        .cache_dir
        .as_deref()
        .map(|d| cache::file_for(d, paths));
    // A snapshot is kept only of a corpus whose every input could be found and read.
    let snapshot_file = cache_file
        .as_deref()
        .filter(|_| found.diagnostics.is_empty())
        .map(snapshot::file_for);
    if let Some(cached) = snapshot_file
        .as_deref()
        .and_then(|file| from_snapshot(file, &found, limit, options.focus))
    {
        stats.parse = start.elapsed();
        stats.corpus_cached = true;
        stats.focused = cached.focused;
        return Loaded {
            corpus: cached.corpus,
            diagnostics: cached.diagnostics,
            stats,
        };
    }
    let Found {
        yaml,
        frameworks,
        mut diagnostics,
    } = found;
    let mut parsed = parse_all(paths, yaml, cache_file.as_deref(), options, limit);
    let mut read = framework::read_all(frameworks, limit, &mut parsed.files);
    (stats.cache_hits, stats.cache_misses) = (parsed.hits, parsed.misses);
    stats.reused = parsed.reused;
    diagnostics.append(&mut parsed.diagnostics);
    diagnostics.append(&mut read.diagnostics);
    let inputs = parsed.inputs.take().zip(read.inputs).map(|(mut yaml, af)| {
        yaml.extend(af);
        yaml
    });
    stats.parse = start.elapsed();
    let start = Instant::now();
    let (mut corpus, mut diags) = resolve::resolve(parsed.files, parsed.raws);
    diagnostics.append(&mut diags);
    for (file, id) in read.frameworks {
        diagnostics.extend(file.add_to(&mut corpus, id));
    }
    diagnostics.sort();
    stats.resolve = start.elapsed();
    if let (Some(file), Some(inputs)) = (snapshot_file, inputs) {
        let start = Instant::now();
        snapshot::write(&file, &inputs, &corpus, &diagnostics);
        stats.cache_write = start.elapsed();
    }
    Loaded {
        corpus,
        diagnostics,
        stats,
    }
}

/// The inputs found under the paths given, and the ones that could not be found.
struct Found {
    /// Claim files.
    yaml: Vec<PathBuf>,
    /// Abstract argumentation frameworks (.apx, .tgf, .af), read apart from the YAML files.
    frameworks: Vec<PathBuf>,
    /// A path that names nothing, or cannot be walked.
    diagnostics: Vec<Diagnostic>,
}

impl Found {
    fn discover<P: AsRef<Path>>(paths: &[P]) -> Found {
        let mut diagnostics = Vec::new();
        let (frameworks, yaml) = walk::discover(paths, &mut diagnostics)
            .into_iter()
            .partition(|p| framework::AfFormat::from_path(p).is_some());
        Found {
            yaml,
            frameworks,
            diagnostics,
        }
    }
}

/// What a load took from the snapshot.
struct Cached {
    corpus: Corpus,
    diagnostics: Vec<Diagnostic>,
    /// See [`Stats::focused`].
    focused: Option<(usize, usize)>,
}

/// The corpus and diagnostics of the snapshot in `file`, when every input is as it was: the
/// neighbourhood of `focus` when it can be read alone, else the whole corpus.
fn from_snapshot(file: &Path, found: &Found, limit: u64, focus: Option<&str>) -> Option<Cached> {
    let stored = snapshot::open(file)?;
    let inputs: Vec<&PathBuf> = found.yaml.iter().chain(&found.frameworks).collect();
    if !snapshot::is_current(&stored, &inputs, limit) {
        return None;
    }
    if let Some((corpus, all)) = focus.and_then(|id| stored.around(id)) {
        let items = corpus.sources.len() + corpus.claims.len();
        return Some(Cached {
            corpus,
            diagnostics: Vec::new(),
            focused: Some((items, all)),
        });
    }
    let (corpus, diagnostics) = stored.load()?;
    Some(Cached {
        corpus,
        diagnostics,
        focused: None,
    })
}

/// The claim files read and parsed (or taken from the per-file cache).
struct Parsed {
    files: Files,
    /// Each file that parsed, packed (a JSON Lines file in several parts), in file order.
    raws: Vec<(FileId, Packed)>,
    /// The key of every input, for the snapshot; `None` once one is missing.
    inputs: Option<Vec<snapshot::Input>>,
    diagnostics: Vec<Diagnostic>,
    /// Files taken from the cache, and parsed with a cache in use.
    hits: usize,
    misses: usize,
    /// Files taken from [`Options::reuse`].
    reused: usize,
}

/// Reads and parses the claim files (found under `roots`) in parallel, in order, through the
/// per-file cache in `cache_file` (which is rewritten when anything changed) and the parses
/// kept in [`Options::reuse`].
fn parse_all<P: AsRef<Path>>(
    roots: &[P],
    yaml: Vec<PathBuf>,
    cache_file: Option<&Path>,
    options: &Options<'_>,
    limit: u64,
) -> Parsed {
    let mut cached = cache_file.map(cache::read).unwrap_or_default();
    let drawing = options.reuse.filter(|r| r.is_filled());
    let kept = drawing.map_or_else(Vec::new, |r| r.take(roots, &yaml));
    let kept = kept.into_iter().chain(std::iter::repeat_with(|| None));
    let prior: Vec<Prior> = yaml
        .iter()
        .zip(kept)
        .map(|(p, kept)| Prior {
            cached: cached.remove(p),
            kept,
        })
        .collect();
    let had_prior = prior.iter().filter(|p| p.cached.is_some()).count();
    if let Some(report) = options.progress {
        report(Progress::Files(yaml.len()));
    }
    let use_cache = cache_file.is_some();
    let want_key = use_cache || options.reuse.is_some();
    // Encoded parses are what the cache and the reuse store; without either, a small corpus
    // is held as parsed.
    let as_parsed = (!want_key).then(|| AtomicU64::new(AS_PARSED_BYTES));
    let read: Vec<Read> = yaml
        .into_par_iter()
        .zip(prior)
        .map(|(path, prior)| {
            let read = read_one(path, prior, want_key, as_parsed.as_ref(), limit);
            if let Some(report) = options.progress {
                report(Progress::Read);
            }
            read
        })
        .collect();
    let (parsed, keys) = collect(read, use_cache);
    if let Some(cache_file) = cache_file {
        let stored = keys.iter().filter(|(_, k)| k.is_some()).count();
        let changed = stored != parsed.hits || had_prior != parsed.hits;
        if changed || !cached.is_empty() {
            write_cache(cache_file, &parsed, &keys);
        }
    }
    if let Some(reuse) = options.reuse.filter(|r| !r.is_filled()) {
        keep_all(reuse, roots, &parsed, &keys);
    }
    parsed
}

impl Parsed {
    /// The encoded parts of file `id` (one, or a JSON Lines file's several), if all are
    /// encoded. `raws` is in file order, so the parts are found by binary search, not by a
    /// scan per file.
    fn encoded_parts(&self, id: FileId) -> Option<Vec<&[u8]>> {
        let start = self.raws.partition_point(|(f, _)| *f < id);
        let end = self.raws.partition_point(|(f, _)| *f <= id);
        self.raws[start..end]
            .iter()
            .map(|(_, p)| p.encoded())
            .collect()
    }
}

/// Keeps each file that parsed cleanly in `reuse`, for a later load.
fn keep_all<P: AsRef<Path>>(
    reuse: &Reuse,
    roots: &[P],
    parsed: &Parsed,
    keys: &[(FileId, Option<cache::Key>)],
) {
    for &(id, key) in keys {
        let encoded = parsed.encoded_parts(id);
        if let (Some(path), Some(key), Some(encoded)) = (parsed.files.path(id), key, encoded) {
            reuse.keep(roots, path, key, &encoded);
        }
    }
    reuse.fill();
}

/// Gathers the files read, in order, with the cache key of each file that parsed cleanly
/// (by file: a JSON Lines file has several parts).
fn collect(read: Vec<Read>, use_cache: bool) -> (Parsed, Vec<(FileId, Option<cache::Key>)>) {
    let mut parsed = Parsed {
        files: Files::default(),
        raws: Vec::new(),
        inputs: Some(Vec::new()),
        diagnostics: Vec::new(),
        hits: 0,
        misses: 0,
        reused: 0,
    };
    let mut keys = Vec::new();
    for r in read {
        let (path, raw, mut diags, key, hit) = match r {
            Read::Failed(d) => {
                parsed.diagnostics.push(d);
                parsed.inputs = None;
                continue;
            }
            Read::Parsed {
                path,
                raw,
                diags,
                key,
                hit,
            } => (path, raw, diags, key, hit),
        };
        parsed.hits += usize::from(hit == Hit::Cache);
        parsed.misses += usize::from(use_cache && hit != Hit::Cache);
        parsed.reused += usize::from(hit == Hit::Reused);
        parsed.inputs = add_input(parsed.inputs, &path, key);
        // A file with diagnostics is parsed every time, so its messages are exact.
        let key = key.filter(|_| diags.is_empty());
        parsed.diagnostics.append(&mut diags);
        let id = parsed.files.push(path);
        if !raw.is_empty() {
            keys.push((id, key));
        }
        parsed.raws.extend(raw.into_iter().map(|part| (id, part)));
    }
    (parsed, keys)
}

/// Writes the per-file cache: each file that parsed cleanly, with its key and parts.
fn write_cache(cache_file: &Path, parsed: &Parsed, keys: &[(FileId, Option<cache::Key>)]) {
    let entries: Vec<cache::EntryRef<'_>> = keys
        .iter()
        .filter_map(|&(id, key)| {
            Some(cache::EntryRef {
                path: parsed.files.path(id)?,
                key: key?,
                raw: parsed.encoded_parts(id)?,
            })
        })
        .collect();
    cache::write(cache_file, &entries);
}

/// The snapshot's list of inputs with one more, or none once an input has no key.
fn add_input(
    inputs: Option<Vec<snapshot::Input>>,
    path: &Path,
    key: Option<cache::Key>,
) -> Option<Vec<snapshot::Input>> {
    let (mut list, key) = (inputs?, key?);
    list.push(snapshot::Input {
        path: path.to_path_buf(),
        key,
    });
    Some(list)
}

/// Loads one claim document held in memory, as if read from `path`: JSON for a `*.json`
/// path, JSON Lines for `*.jsonl`, YAML otherwise, with the same checks and located
/// diagnostics as [`load`].
///
/// ```
/// let text = r#"{"claims": [{"id": "a", "text": "A."}]}"#;
/// let loaded = claimgraph::load::load_text(std::path::Path::new("a.json"), text);
/// assert!(!loaded.has_errors());
/// assert_eq!(loaded.corpus.claims[0].text, "A.");
/// ```
pub fn load_text(path: &Path, text: &str) -> Loaded {
    load_documents(&[(path.to_path_buf(), text.to_string())])
}

/// One file, read and parsed (or taken from the cache).
enum Read {
    /// It could not be read.
    Failed(Diagnostic),
    /// It was read.
    Parsed {
        path: PathBuf,
        /// The parsed file, in one part or a JSON Lines file's several.
        raw: Vec<Packed>,
        diags: Vec<Diagnostic>,
        /// Its cache key (with a cache in use).
        key: Option<cache::Key>,
        /// Whether it was parsed, or where its parse came from.
        hit: Hit,
    },
}

/// Where a file's parse came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hit {
    /// It was parsed.
    Parsed,
    /// The per-file cache.
    Cache,
    /// An earlier load ([`Options::reuse`]).
    Reused,
}

/// What an earlier run or load kept of one file.
struct Prior {
    /// Its entry in the per-file cache.
    cached: Option<cache::Entry>,
    /// Its parse in an earlier load ([`Options::reuse`]).
    kept: Option<reuse::Kept>,
}

/// How many bytes of claim files a load may hold as parsed rather than encoded
/// ([`packed::Hold`]): a parsed file takes about three times its text, so this bounds that
/// memory to a few hundred MB, while a corpus of 100,000 claims (37 MB of YAML) skips encoding
/// and decoding every file (a tenth of the CPU of its `check`).
const AS_PARSED_BYTES: u64 = 64 << 20;

/// Takes `len` bytes from the `as_parsed` budget if it has them: whether the file they belong
/// to may be held as parsed.
fn hold_for(as_parsed: Option<&AtomicU64>, len: u64) -> Hold {
    let taken = as_parsed.is_some_and(|left| {
        left.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |l| l.checked_sub(len))
            .is_ok()
    });
    if taken { Hold::AsParsed } else { Hold::Encoded }
}

/// Reads and parses one file, using its `prior` parse when the content is unchanged. The
/// parse is held as parsed while `as_parsed` has room for its bytes, encoded otherwise.
fn read_one(
    path: PathBuf,
    prior: Prior,
    want_key: bool,
    as_parsed: Option<&AtomicU64>,
    limit: u64,
) -> Read {
    if parse::is_json_lines(&path) {
        // Read in blocks, its chunks held as parsed if the whole file fits the budget.
        return match read_json_lines(&path, prior, want_key, as_parsed, limit) {
            Ok((raw, diags, key, hit)) => Read::Parsed {
                path,
                raw,
                diags,
                key,
                hit,
            },
            Err(e) => Read::Failed(read_error(&path, e)),
        };
    }
    let (meta, bytes) = match read_file(&path, limit) {
        Ok(r) => r,
        Err(d) => return Read::Failed(d),
    };
    let key = want_key.then(|| cache::Key::of(&bytes, &meta));
    if let Some((raw, hit)) = key.and_then(|key| prior.matching(key)) {
        return Read::Parsed {
            path,
            raw,
            diags: Vec::new(),
            key,
            hit,
        };
    }
    let (raw, diags) = parse::parse_packed(&path, &bytes, hold_for(as_parsed, bytes.len() as u64));
    Read::Parsed {
        path,
        raw,
        diags,
        key,
        hit: Hit::Parsed,
    }
}

/// What reading a file gives: its parts, diagnostics, cache key (when wanted), and where its
/// parse came from.
type ReadParts = (Vec<Packed>, Vec<Diagnostic>, Option<cache::Key>, Hit);

/// Reads and parses a JSON Lines file in blocks (see `json/stream.rs`), using its `prior`
/// parse when the content is unchanged (found by hashing the file first, when there is one).
fn read_json_lines(
    path: &Path,
    prior: Prior,
    want_key: bool,
    as_parsed: Option<&AtomicU64>,
    limit: u64,
) -> Result<ReadParts, ReadError> {
    let (mut file, meta) = crate::fsutil::open_regular(path, limit)?;
    if want_key && (prior.cached.is_some() || prior.kept.is_some()) {
        let key = cache::Key::of_reader(&mut file, &meta)?;
        if let Some((raw, hit)) = prior.matching(key) {
            return Ok((raw, Vec::new(), Some(key), hit));
        }
        std::io::Seek::rewind(&mut file)?;
    }
    let hold = hold_for(as_parsed, meta.len());
    let read = json::stream::read(path, file, json::stream::BLOCK, limit, want_key, hold)?;
    let key = read.hash.map(|hash| cache::Key::hashed(&meta, hash));
    Ok((read.parts, read.diagnostics, key, Hit::Parsed))
}

impl Prior {
    /// The parse of the content with `key`, if kept, packed again (the cache and the reuse
    /// store the encoded bytes), and where it was kept.
    fn matching(self, key: cache::Key) -> Option<(Vec<Packed>, Hit)> {
        let (raw, hit) = match self.cached.filter(|e| e.key == key) {
            Some(entry) => (entry.raw, Hit::Cache),
            None => (self.kept?.matching(key)?, Hit::Reused),
        };
        Some((raw.into_iter().map(Packed::new).collect(), hit))
    }
}

/// A file's metadata and bytes, read through one handle (so they describe the same file), if
/// it is a regular file of at most `limit` bytes.
fn read_file(path: &Path, limit: u64) -> Result<(std::fs::Metadata, Vec<u8>), Diagnostic> {
    crate::fsutil::read_regular(path, limit).map_err(|e| read_error(path, e))
}

/// The diagnostic for a file that could not be read.
fn read_error(path: &Path, e: ReadError) -> Diagnostic {
    match e {
        ReadError::Io(e) => io_error(path, &e),
        ReadError::NotRegular { .. } => {
            let msg = format!("cannot read `{}`: {e}", path.display());
            Diagnostic::error(Code::NotAFile, Location::file(path), msg)
        }
        ReadError::TooLarge { size, limit } => too_large(path, size, limit),
    }
}

fn too_large(path: &Path, size: u64, limit: u64) -> Diagnostic {
    let limit = match limit {
        l if l >= 1 << 20 && l % (1 << 20) == 0 => format!("{} MiB", l >> 20),
        l => format!("{l} bytes"),
    };
    let msg = format!(
        "`{}` holds {size} bytes, more than the limit of {limit} for one claim file",
        path.display(),
    );
    Diagnostic::error(Code::TooLarge, Location::file(path), msg).with_hint(
        "split it into several files (every claim file under the directory is loaded), or raise \
         the limit with `CLAIMGRAPH_MAX_FILE_SIZE=BYTES` (a suffix `K`, `M` or `G` is allowed)",
    )
}

/// The text of a file, or a located diagnostic when it is not UTF-8.
pub fn utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    std::str::from_utf8(bytes).map_err(|e| parse::not_utf8(path, bytes, e.valid_up_to()))
}

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    let msg = format!(
        "cannot read `{}`: {}",
        path.display(),
        e.kind().to_string().to_lowercase()
    );
    let d = Diagnostic::error(Code::Io, Location::file(path), msg);
    if e.kind() == std::io::ErrorKind::NotFound {
        d.with_hint("pass a claim file or a directory of them (the default is `claims/`; `--claims DIR` changes it)")
    } else {
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_held_as_parsed_while_the_budget_lasts() {
        let budget = AtomicU64::new(100);
        let holds: Vec<Hold> = [60u64, 50, 40, 1]
            .into_iter()
            .map(|len| hold_for(Some(&budget), len))
            .collect();
        // 60 fits, 50 does not (40 left), 40 does, then nothing is left.
        use Hold::{AsParsed, Encoded};
        assert_eq!(holds, [AsParsed, Encoded, AsParsed, Encoded]);
        assert_eq!(hold_for(None, 0), Encoded);
    }

    #[test]
    fn a_load_without_the_cache_holds_files_as_parsed_and_gives_the_same_corpus() {
        let dir = std::env::temp_dir().join(format!("claimgraph-hold-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let yaml = "sources:\n  - {id: s, name: S}\nclaims:\n  - id: a\n    text: A.\n    by: s\n    supports: [b]\n  - id: b\n    text: B.\n    sources: [nope]\n";
        std::fs::write(dir.join("a.yaml"), yaml).unwrap();
        let plain = load(&[&dir]);
        let cached = load_with(
            &[&dir],
            &Options {
                cache_dir: Some(dir.join("cache")),
                ..Options::default()
            },
        );
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            format!("{:?}", plain.corpus),
            format!("{:?}", cached.corpus)
        );
        assert_eq!(plain.diagnostics, cached.diagnostics);
        assert_eq!(plain.diagnostics.len(), 1, "{:?}", plain.diagnostics);
    }
}

//! `claimgraph diff OLD NEW`: what changed between two versions of the claim files, each a
//! directory or a git revision, printed as text, JSON or a Markdown pull-request comment.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde_json::Value;

use super::args::Cli;
use super::paint::Paint;
use super::{Context, Failure, output};
use crate::diff::{self, Cause, Checkout, Diff, ItemChanges, RevisionError};
use crate::graph::ClaimGraph;
use crate::load::Reuse;
use crate::model::{Rating, Relation};
use crate::text::visible;

/// `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old version: a directory of claim files, or a git revision (`HEAD~1`, `main`, a
    /// tag) at which to read the `--claims` directory.
    pub old: String,
    /// The new version, likewise.
    pub new: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DiffFormat,
}

/// `diff --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DiffFormat {
    /// Text for people (coloured on a terminal).
    #[default]
    Text,
    /// JSON for scripts.
    Json,
    /// Markdown, for a pull-request comment.
    Markdown,
}

/// One side of the comparison: a path as given, or a revision written out for the run.
enum Version {
    Path(PathBuf),
    Revision(Checkout),
}

impl Version {
    /// A path that exists is read as it is; anything else is a revision of the repository
    /// that holds `claims`.
    fn open(spec: &str, claims: &Path) -> Result<Version, Failure> {
        let path = Path::new(spec);
        if path.exists() {
            return Ok(Version::Path(path.to_path_buf()));
        }
        diff::checkout(spec, claims)
            .map(Version::Revision)
            .map_err(revision_failure)
    }

    /// Loads this version; the first one loaded fills `reuse`, the second draws on it.
    fn load(&self, ctx: &Context, spec: &str, reuse: &Reuse) -> Result<ClaimGraph, Failure> {
        match self {
            Version::Path(path) => super::load_graph_reusing(ctx, path, ctx.cache, Some(reuse)),
            Version::Revision(checkout) => {
                let claims = checkout.claims();
                let graph = super::load_graph_reusing(ctx, claims, false, Some(reuse));
                if matches!(graph, Err(Failure::Invalid)) {
                    super::stderr::note!(
                        "note: these are the claim files of revision `{spec}` ({}), written out under `{}`",
                        checkout.commit(),
                        checkout.root().display()
                    );
                }
                graph
            }
        }
    }
}

/// A revision that cannot be read is a usage error (exit 2), unless git itself failed.
fn revision_failure(e: RevisionError) -> Failure {
    match e {
        RevisionError::Git { .. } => Failure::Error(e.into()),
        e => {
            let hint = e.hint();
            Failure::Usage(e.to_string(), hint)
        }
    }
}

/// Runs `diff`.
pub fn run(cli: &Cli, ctx: &Context, args: &DiffArgs) -> Result<(), Failure> {
    let old = Version::open(&args.old, &cli.claims)?;
    let new = Version::open(&args.new, &cli.claims)?;
    // A file whose bytes are the same in both versions is parsed once.
    let reuse = Reuse::new();
    let old_graph = old.load(ctx, &args.old, &reuse)?;
    let new_graph = new.load(ctx, &args.new, &reuse)?;
    let diff = ctx
        .timings
        .time("diff", || diff::diff(&old_graph, &new_graph));
    let result = match args.format {
        DiffFormat::Json => output::json(&diff),
        DiffFormat::Text => output::stdout(&text(&diff, Paint::new(ctx.color_stdout))),
        DiffFormat::Markdown => {
            output::stdout(&super::diff_markdown::markdown(&diff, &args.old, &args.new))
        }
    };
    super::keep_until_exit((old_graph, new_graph));
    result
}

/// `2 added, 1 changed` for the claims or sources of a diff.
pub(super) fn item_counts(items: &ItemChanges) -> String {
    counts(&[
        (items.added.len(), "added"),
        (items.removed.len(), "removed"),
        (items.changed.len(), "changed"),
    ])
}

/// The counts of a section: `1 added, 2 changed`, leaving out the zeros.
pub(super) fn counts(parts: &[(usize, &str)]) -> String {
    let shown: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    shown.join(", ")
}

/// The id and the words of an item as printed (`text` of a claim, `name` of a source).
pub(super) fn id_and_words<'a>(item: &'a Value, words: &str) -> (&'a str, &'a str) {
    let field = |k: &str| item.get(k).and_then(Value::as_str).unwrap_or("");
    (field("id"), field(words))
}

/// A field's value on one line: JSON, with hidden characters escaped.
pub(super) fn value_line(value: &Value) -> String {
    visible(&value.to_string()).into_owned()
}

/// `from contradicts to`, then its attributes when it has any: `{"date":"2025-04"}`.
pub(super) fn relation_words(r: &Relation) -> String {
    let mut words = format!("{} {} {}", r.from, r.kind, r.to);
    if let Ok(Value::Object(mut attributes)) = serde_json::to_value(r) {
        for key in ["from", "to", "kind"] {
            attributes.remove(key);
        }
        if !attributes.is_empty() {
            words.push(' ');
            words.push_str(&value_line(&Value::Object(attributes)));
        }
    }
    words
}

/// A rating, or `unrated`.
pub(super) fn rating_word(rating: Option<Rating>) -> &'static str {
    rating.map_or("unrated", Rating::as_str)
}

/// One cause of a flip in words: `+ a contradicts b`, `verdict of c: true -> unrated`.
pub(super) fn cause_words(cause: &Cause) -> String {
    match cause {
        Cause::Added { from, kind, to } => format!("+ {from} {kind} {to}"),
        Cause::Removed { from, kind, to } => format!("- {from} {kind} {to}"),
        Cause::Verdict { id, from, to } => format!(
            "verdict of {id}: {} -> {}",
            rating_word(*from),
            rating_word(*to)
        ),
    }
}

fn text(diff: &Diff, p: Paint) -> String {
    if diff.is_empty() {
        return "no changes\n".into();
    }
    let mut out = String::new();
    items_text(&mut out, p, "claims", "text", &diff.claims);
    items_text(&mut out, p, "sources", "name", &diff.sources);
    relations_text(&mut out, p, diff);
    verdicts_text(&mut out, p, diff);
    flips_text(&mut out, p, diff);
    out
}

fn items_text(out: &mut String, p: Paint, what: &str, words: &str, items: &ItemChanges) {
    if items.is_empty() {
        return;
    }
    let summary = item_counts(items);
    let _ = writeln!(out, "{}: {summary}", p.bold(what));
    for (sign, list) in [(p.good("+"), &items.added), (p.bad("-"), &items.removed)] {
        for item in list {
            let (id, text) = id_and_words(item, words);
            let _ = writeln!(out, "  {sign} {}  {}", p.id(id), visible(text));
        }
    }
    for changed in &items.changed {
        let _ = writeln!(out, "  {} {}", p.rating("~"), p.id(changed.id.as_str()));
        for f in &changed.fields {
            let (from, to) = (value_line(&f.from), value_line(&f.to));
            let _ = writeln!(out, "      {}: {from} {} {to}", f.field, p.dim("->"));
        }
    }
}

fn relations_text(out: &mut String, p: Paint, diff: &Diff) {
    let r = &diff.relations;
    if r.added.is_empty() && r.removed.is_empty() {
        return;
    }
    let summary = counts(&[(r.added.len(), "added"), (r.removed.len(), "removed")]);
    let _ = writeln!(out, "{}: {summary}", p.bold("relations"));
    for (sign, list) in [(p.good("+"), &r.added), (p.bad("-"), &r.removed)] {
        for relation in list {
            let _ = writeln!(out, "  {sign} {}", relation_words(relation));
        }
    }
}

fn verdicts_text(out: &mut String, p: Paint, diff: &Diff) {
    if diff.verdicts.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{}: {} changed",
        p.bold("verdicts"),
        diff.verdicts.len()
    );
    for v in &diff.verdicts {
        let (from, to) = (rating_word(v.from), rating_word(v.to));
        let arrow = p.dim("->");
        let _ = writeln!(
            out,
            "  {}: {} {arrow} {}",
            p.id(v.id.as_str()),
            p.rating(from),
            p.rating(to)
        );
    }
}

fn flips_text(out: &mut String, p: Paint, diff: &Diff) {
    if diff.eval.is_empty() {
        return;
    }
    let n = diff.eval.len();
    let _ = writeln!(
        out,
        "{}: {n} flipped (grounded, verdicts pinned)",
        p.bold("eval")
    );
    let label = |word: &str| match word {
        "stands" => p.good(word),
        "falls" => p.bad(word),
        _ => p.rating(word),
    };
    for flip in &diff.eval {
        let arrow = p.dim("->");
        let (id, from, to) = (p.id(flip.id.as_str()), label(flip.from), label(flip.to));
        let _ = writeln!(out, "  {id}: {from} {arrow} {to}");
        for cause in &flip.because {
            let _ = writeln!(out, "      {} {}", p.dim("because"), cause_words(cause));
        }
    }
}

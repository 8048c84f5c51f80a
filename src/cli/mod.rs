//! The command-line interface: parse arguments, call the library, print, and map every
//! outcome to an exit code. The only module that knows about clap, terminals and exit codes.
//!
//! Exit codes: 0 success; 1 the claim files have errors (or `check` found any); 2 a usage
//! error (bad flags, an id that names nothing); 3 the command failed for another reason (a file
//! could not be written, a renderer failed, `--strict` and a conversion would lose something).

mod args;
mod build;
mod check;
mod completions;
mod diff;
mod diff_markdown;
mod eval;
mod eval_report;
mod export;
mod import;
mod keyword;
mod limits;
mod list;
mod lsp;
mod man;
mod output;
mod paint;
mod query;
mod review;
mod schema;
mod select;
mod show;
mod solve;
pub(crate) mod stderr;
mod target;
mod timings;
mod watch;

pub use args::Cli;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use crate::graph::ClaimGraph;
use crate::load::{self, Diagnostic, Loaded, Renderer};
use crate::text::{visible, visible_lines};
use args::{ColorChoice, Command, OutputFormat, TableFormat};
use timings::Timings;

/// Why a command stopped.
#[derive(Debug)]
pub enum Failure {
    /// The claim files have errors; the diagnostics were printed.
    Invalid,
    /// The command line is wrong.
    Usage(String, Option<String>),
    /// Something else failed.
    Error(crate::Error),
    /// Standard output was closed (e.g. `| head`): stop quietly.
    BrokenPipe,
}

impl From<crate::Error> for Failure {
    fn from(e: crate::Error) -> Failure {
        match e {
            crate::Error::Invalid(_) => Failure::Invalid,
            e if e.is_usage() => {
                let hint = e.hint();
                Failure::Usage(e.to_string(), hint)
            }
            e => Failure::Error(e),
        }
    }
}

/// What every command gets: the parsed global settings.
#[derive(Debug)]
pub struct Context {
    /// Colour stdout.
    pub color_stdout: bool,
    /// Colour stderr.
    pub color_stderr: bool,
    /// Draw a progress bar on stderr during long loads.
    pub progress: bool,
    /// Keep parsed claim files between runs.
    pub cache: bool,
    /// The largest claim file read (`CLAIMGRAPH_MAX_FILE_SIZE`); `None`: the loader's default.
    pub max_file_size: Option<u64>,
    /// What `--timings` prints.
    pub timings: Timings,
    /// `--as-of`: the date whose corpus every command sees.
    pub as_of: Option<crate::model::Date>,
}

/// Runs the CLI with the process's arguments and returns the exit code.
pub fn main() -> ExitCode {
    completions::answer_if_asked();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let mut ctx = context(&cli);
    let result = limits::max_file_size().and_then(|max| {
        ctx.max_file_size = max;
        run(&cli, &ctx)
    });
    ctx.timings.print();
    match result {
        Ok(()) | Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Invalid) => ExitCode::from(1),
        Err(Failure::Usage(msg, hint)) => {
            print_error(&ctx, &msg, hint.as_deref());
            ExitCode::from(2)
        }
        Err(Failure::Error(e)) => {
            print_error(&ctx, &e.to_string(), e.hint().as_deref());
            ExitCode::from(3)
        }
    }
}

fn context(cli: &Cli) -> Context {
    let allowed = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let pick = |tty: bool| match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => allowed && tty,
    };
    let stderr_tty = std::io::stderr().is_terminal();
    Context {
        color_stdout: pick(std::io::stdout().is_terminal()),
        color_stderr: pick(stderr_tty),
        progress: stderr_tty && !wants_json(&cli.command),
        cache: !cli.no_cache,
        max_file_size: None,
        timings: Timings::new(cli.timings),
        as_of: cli.as_of,
    }
}

/// Whether the command prints JSON (no progress bar then, even on a terminal).
fn wants_json(command: &Command) -> bool {
    match command {
        Command::Check(a) => a.format == OutputFormat::Json,
        Command::Show(a) => a.format == OutputFormat::Json,
        Command::List(a) => a.format == TableFormat::Json,
        Command::Query(a) => a.query.common().format == TableFormat::Json,
        Command::Review(a) => a.format == TableFormat::Json,
        Command::Diff(a) => a.format != diff::DiffFormat::Text,
        _ => false,
    }
}

/// Prints an error and its hint. Either may quote the user's text (an id, a file name, a
/// reader's complaint about a value), so every line goes through [`visible_lines`]; the
/// message's own line breaks (the caret under a `--where` expression) are kept.
fn print_error(ctx: &Context, msg: &str, hint: Option<&str>) {
    let label = if ctx.color_stderr {
        "\x1b[1;31merror\x1b[0m"
    } else {
        "error"
    };
    stderr::note!("{label}: {}", visible_lines(msg));
    if let Some(hint) = hint {
        stderr::note!("  = help: {}", visible_lines(hint));
    }
}

/// Runs one parsed command line.
pub fn run(cli: &Cli, ctx: &Context) -> Result<(), Failure> {
    match &cli.command {
        Command::Check(args) => check::run(cli, ctx, args),
        Command::Show(args) => show::run(cli, ctx, args),
        Command::List(args) => list::run(cli, ctx, args),
        Command::Export(args) => export::run(cli, ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Build(args) => build::run(cli, ctx, args),
        Command::Watch(args) => watch::run(cli, ctx, args),
        Command::Query(args) => query::run(cli, ctx, args),
        Command::Eval(args) => eval::run(cli, ctx, args),
        Command::Review(args) => review::run(cli, ctx, args),
        Command::Diff(args) => diff::run(cli, ctx, args),
        Command::Solve(args) => solve::run(ctx, args),
        Command::Schema => schema::run(),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
        Command::Lsp => lsp::run(cli),
    }
}

/// Loads and builds the graph for commands that need valid input: errors are printed to
/// stderr and stop the command; warnings are left to `check`.
pub fn load_graph(ctx: &Context, path: &Path) -> Result<ClaimGraph, Failure> {
    load_graph_with(ctx, path, ctx.cache)
}

/// [`load_graph`], with the load cache on or off (off for files that are written out for one
/// run, such as a revision's claim files).
pub fn load_graph_with(ctx: &Context, path: &Path, cache: bool) -> Result<ClaimGraph, Failure> {
    load_graph_reusing(ctx, path, cache, None)
}

/// [`load_graph_with`], drawing on (or filling) the parses an earlier load kept in `reuse`.
pub fn load_graph_reusing(
    ctx: &Context,
    path: &Path,
    cache: bool,
    reuse: Option<&load::Reuse>,
) -> Result<ClaimGraph, Failure> {
    graph_of(ctx, load_with(ctx, &[path], cache, reuse, None))
}

/// [`load_graph`] for a command that looks at the item `id` and the items one edge away
/// (`show`): from a warm cache, the graph holds only them (see [`load::Options::focus`]),
/// and it is the whole graph otherwise, or with `--as-of` (the dated corpus is a filter of
/// the whole one).
pub fn load_graph_around(ctx: &Context, path: &Path, id: &str) -> Result<ClaimGraph, Failure> {
    let focus = Some(id).filter(|_| ctx.as_of.is_none());
    graph_of(ctx, load_with(ctx, &[path], ctx.cache, None, focus))
}

/// The graph of what was loaded; errors are printed and stop the command.
fn graph_of(ctx: &Context, loaded: Loaded) -> Result<ClaimGraph, Failure> {
    if loaded.has_errors() {
        print_diagnostics(ctx, &loaded.diagnostics, loaded.corpus.files.len(), true);
        return Err(Failure::Invalid);
    }
    ctx.timings
        .time("graph build", || ClaimGraph::build(loaded.corpus))
        .map_err(|e| Failure::Error(e.into()))
}

/// Leaves `value` to the operating system, which takes the whole heap back at exit, instead of
/// freeing it item by item: for the graph of a large corpus, freeing takes longer than a
/// `show`. Call it only at the end of a command.
pub fn keep_until_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Files below this many load without a progress bar (it would only flicker).
const PROGRESS_MIN_FILES: usize = 20;

/// Loads claim files with the cache and progress bar the command line asked for, then keeps
/// what stood on `--as-of` (after the cache, which keeps the whole corpus).
pub fn load<P: AsRef<Path>>(ctx: &Context, paths: &[P]) -> Loaded {
    load_with(ctx, paths, ctx.cache, None, None)
}

/// [`load`], with the load cache on or off, the parses kept by an earlier load, and the one
/// id whose neighbourhood is all the command needs ([`load::Options::focus`]).
fn load_with<P: AsRef<Path>>(
    ctx: &Context,
    paths: &[P],
    cache: bool,
    reuse: Option<&load::Reuse>,
    focus: Option<&str>,
) -> Loaded {
    let bar = ctx.progress.then(|| {
        indicatif::ProgressBar::hidden().with_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} reading claim files {bar:30} {pos}/{len}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        )
    });
    let report = |p: load::Progress| {
        let Some(bar) = &bar else { return };
        match p {
            load::Progress::Files(n) if n >= PROGRESS_MIN_FILES => {
                bar.set_length(n as u64);
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            load::Progress::Files(_) => {}
            load::Progress::Read => bar.inc(1),
        }
    };
    let options = load::Options {
        cache_dir: cache.then(load::default_cache_dir),
        progress: Some(&report),
        max_file_size: ctx.max_file_size,
        reuse,
        focus,
    };
    let mut loaded = load::load_with(paths, &options);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    ctx.timings.load(&loaded.stats, cache);
    if let Some(cutoff) = ctx.as_of {
        loaded.corpus = ctx.timings.time("as-of", || loaded.corpus.as_of(cutoff));
    }
    loaded
}

/// Prints diagnostics to stderr (`errors_only`: leave warnings out), then a summary.
pub fn print_diagnostics(
    ctx: &Context,
    diagnostics: &[Diagnostic],
    files: usize,
    errors_only: bool,
) {
    let mut renderer = Renderer::new(ctx.color_stderr);
    let shown: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| !errors_only || d.is_error())
        .cloned()
        .collect();
    for d in &shown {
        stderr::text(&renderer.render(d));
    }
    stderr::note!("{}", load::summary(&shown, files));
}

/// Looks up an id given on the command line.
pub fn lookup(graph: &ClaimGraph, id: &str) -> Result<petgraph::stable_graph::NodeIndex, Failure> {
    graph.lookup(id, None).map_err(|mut e| {
        // The id as typed may hold a line break, which no line of the message may fake.
        e.id = visible(id).into_owned();
        Failure::from(crate::Error::from(e))
    })
}

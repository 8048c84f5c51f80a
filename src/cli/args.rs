//! Command-line arguments (clap derive). Nothing here does work: [`super::run`] turns these
//! into calls to the library.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::ArgValueCandidates;

use super::completions::{claim_ids, ids};
use super::keyword::keyword;
pub use super::query::QueryArgs;
pub use super::select::SelectionArgs;
use crate::format::{Format, Renderer};
use crate::model::{ColorKey, GroupBy, RankDir, SourceMode};

/// Track claims, their sources and the arguments between them: check the claim files, ask
/// questions of the graph, and draw it.
#[derive(Debug, Parser)]
#[command(name = "claimgraph", version, about, max_term_width = 100)]
pub struct Cli {
    /// Directory (or file) of claim files to load.
    #[arg(long, global = true, value_name = "DIR", default_value = "claims")]
    pub claims: PathBuf,

    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Neither read nor write the load cache (parsed claim files kept between runs).
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Print where the time went (discover, parse, resolve, build, command) to stderr.
    #[arg(long, global = true)]
    pub timings: bool,

    /// See the claim files as they stood on DATE (YYYY, YYYY-MM or YYYY-MM-DD): leave out the
    /// claims, sources and relations dated later, and give each claim the latest verdict dated
    /// on or before it.
    #[arg(long, global = true, value_name = "DATE")]
    pub as_of: Option<crate::model::Date>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check claim files and report every problem with its file, line and column.
    Check(CheckArgs),
    /// Show everything about one claim or source.
    Show(ShowArgs),
    /// List claims or sources, optionally filtered.
    List(ListArgs),
    /// Write the graph as a diagram (DOT, SVG, Mermaid), in another tool's format, or its
    /// attack graph as apx, tgf or ICCMA `.af`.
    Export(ExportArgs),
    /// Read claims from another tool's format and write them as a claim file.
    Import(ImportArgs),
    /// Check the claims, then write the whole graph and one diagram per theme into a directory.
    Build(BuildArgs),
    /// Build, then rebuild whenever a claim file changes; a broken edit prints its diagnostics
    /// and leaves the last good output in place.
    Watch(BuildArgs),
    /// Ask a question of the graph: supporters, paths, conflicts, cycles, ...
    Query(QueryArgs),
    /// Which claims stand once every contradiction is weighed, and how strong each one is.
    Eval(super::eval::EvalArgs),
    /// What needs a fact-checker's attention, most pressing first: quotes not found, changed
    /// archives, verdicts the arguments disagree with or that newer items bear on, unrated
    /// claims under contradiction, evidence no reader can look up.
    Review(super::review::ReviewArgs),
    /// What changed between two versions of the claim files (directories or git revisions):
    /// items, fields, verdicts, and the claims whose `eval` label flipped, with the cause.
    Diff(super::diff::DiffArgs),
    /// Solve an ICCMA 2023 task on an argumentation framework file (the ICCMA solver interface).
    Solve(super::solve::SolveArgs),
    /// Print the JSON Schema (draft-07) of claim files, for editors and other tools.
    Schema,
    /// Print a shell's completion script (commands, flags, and the ids in the claim files).
    Completions(CompletionsArgs),
    /// Serve the Language Server Protocol on stdin and stdout, for editors: diagnostics as you
    /// type, go to definition, references, hover, symbols, completion, rename and quick fixes
    /// over the `--claims` directory (relative to the editor's workspace folder).
    Lsp,
    /// Print the manual page (roff) of claimgraph or of one of its commands.
    Man(ManArgs),
}

/// `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell, e.g. `source <(claimgraph completions bash)` in `~/.bashrc`.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The shells `completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
    /// Elvish.
    Elvish,
}

/// `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (`claimgraph-COMMAND(1)`); without it, `claimgraph(1)`.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// `--format` for commands that print data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// Text for people.
    #[default]
    Text,
    /// JSON for scripts.
    Json,
}

/// `--format` for commands that print lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TableFormat {
    /// Aligned text for people.
    #[default]
    Text,
    /// JSON for scripts.
    Json,
    /// Tab-separated values, one row per line, no header.
    Tsv,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when printing to a terminal and `NO_COLOR` is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check (default: the `--claims` directory).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Treat warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The claim or source id.
    #[arg(add = ArgValueCandidates::new(ids))]
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

/// What `list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ListWhat {
    /// Claims.
    #[default]
    Claims,
    /// Sources.
    Sources,
}

/// `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Claims or sources.
    #[arg(value_enum, default_value_t)]
    pub what: ListWhat,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: TableFormat,
    /// Which claims and sources.
    #[command(flatten)]
    pub selection: SelectionArgs,
}

/// `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to write.
    #[arg(value_parser = keyword::<Format>())]
    pub format: Format,
    /// Write to this file instead of standard output (for `neo4j`, a directory).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Fail (exit 3, writing nothing) when the format cannot carry everything.
    #[arg(long)]
    pub strict: bool,
    /// Which SVG renderer to use.
    #[arg(long, value_parser = keyword::<Renderer>(), default_value_t)]
    pub renderer: Renderer,
    /// A title drawn above the diagram.
    #[arg(long)]
    pub title: Option<String>,
    /// `claimreview`: the page that publishes the reviews; each review's `url` is `URL#ID`.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// How to draw it.
    #[command(flatten)]
    pub style: StyleArgs,
    /// Which part of the graph to draw.
    #[command(flatten)]
    pub selection: SelectionArgs,
}

/// How a diagram is drawn (`dot`, `svg` and `png`).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Style")]
pub struct StyleArgs {
    /// What a claim's fill says: its verdict's rating, whether it stands once every
    /// contradiction is weighed (`claimgraph eval` with its defaults, on the whole graph), its
    /// first tag, or who asserts it.
    #[arg(long, value_parser = keyword::<ColorKey>(), default_value_t)]
    pub color_by: ColorKey,
    /// Draw the claims of each file, first tag or speaker in a frame of their own (Graphviz
    /// only: the embedded renderer cannot draw frames).
    #[arg(long, value_parser = keyword::<GroupBy>())]
    pub group_by: Option<GroupBy>,
    /// Which way arguments flow: left to right or top to bottom.
    #[arg(long, value_parser = keyword::<RankDir>(), default_value_t)]
    pub rankdir: RankDir,
    /// Emphasise this claim and its neighbours; dim the rest.
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(claim_ids))]
    pub focus: Option<String>,
    /// Draw sources as nodes (`show`), leave them out (`hide`), or write each claim's speaker
    /// inside its box (`merge`).
    #[arg(long, value_parser = keyword::<SourceMode>(), default_value_t)]
    pub sources: SourceMode,
}

/// `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The format to read (`aif` also reads the OVA/xAIF wrapper, `claimreview` a Google Fact
    /// Check Tools API response).
    #[arg(value_parser = keyword::<Format>().only(Format::is_readable))]
    pub format: Format,
    /// The files to read.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// The claim file to write (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file when it exists.
    #[arg(long)]
    pub force: bool,
    /// Fail (exit 3, writing nothing) when the claim format cannot carry everything.
    #[arg(long)]
    pub strict: bool,
}

/// `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Directory to write the diagrams into.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// Which SVG renderer to use.
    #[arg(long, value_parser = keyword::<Renderer>(), default_value_t)]
    pub renderer: Renderer,
    /// Treat warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

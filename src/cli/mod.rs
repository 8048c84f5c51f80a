//! The command-line interface: parse arguments, call the library, print, and map every
//! outcome to an exit code. The only module that knows about clap, terminals and exit codes.
//!
//! Exit codes: 0 success; 1 the claim files have errors (or `check` found any); 2 a usage
//! error (bad flags, an id that names nothing); 3 the command failed for another reason (a file
//! could not be written, a renderer failed, `--strict` and a conversion would lose something).

mod args;
mod build;
mod check;
mod export;
mod import;
mod list;
mod output;
mod show;

pub use args::Cli;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use crate::graph::ClaimGraph;
use crate::load::{self, Diagnostic, Renderer};
use args::{ColorChoice, Command};

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
            crate::Error::UnknownId { .. } => {
                let hint = e.hint();
                Failure::Usage(e.to_string(), hint)
            }
            crate::Error::Invalid(_) => Failure::Invalid,
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
}

/// Runs the CLI with the process's arguments and returns the exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let ctx = context(cli.color);
    match run(&cli, &ctx) {
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

fn context(choice: ColorChoice) -> Context {
    let allowed = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let pick = |tty: bool| match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => allowed && tty,
    };
    Context {
        color_stdout: pick(std::io::stdout().is_terminal()),
        color_stderr: pick(std::io::stderr().is_terminal()),
    }
}

fn print_error(ctx: &Context, msg: &str, hint: Option<&str>) {
    let label = if ctx.color_stderr {
        "\x1b[1;31merror\x1b[0m"
    } else {
        "error"
    };
    eprintln!("{label}: {msg}");
    if let Some(hint) = hint {
        eprintln!("  = help: {hint}");
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
    }
}

/// Loads and builds the graph for commands that need valid input: errors are printed to
/// stderr and stop the command; warnings are left to `check`.
pub fn load_graph(ctx: &Context, path: &Path) -> Result<ClaimGraph, Failure> {
    let loaded = load::load(&[path]);
    if loaded.has_errors() {
        print_diagnostics(ctx, &loaded.diagnostics, loaded.corpus.files.len(), true);
        return Err(Failure::Invalid);
    }
    ClaimGraph::build(loaded.corpus).map_err(|e| Failure::Error(e.into()))
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
        eprint!("{}", renderer.render(d));
    }
    eprintln!("{}", load::summary(&shown, files));
}

/// Looks up an id given on the command line.
pub fn lookup(graph: &ClaimGraph, id: &str) -> Result<petgraph::stable_graph::NodeIndex, Failure> {
    graph.node(id).ok_or_else(|| {
        let suggestion =
            crate::suggest::did_you_mean(id, graph.ids().map(|i| i.as_str())).map(String::from);
        Failure::from(crate::Error::UnknownId {
            id: id.to_string(),
            suggestion,
        })
    })
}

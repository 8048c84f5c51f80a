//! `claimgraph solve -p TASK -f FILE [-a ARG]`: the ICCMA 2023 solver interface, so that
//! claimgraph's semantics can be run side by side with any ICCMA solver.
//!
//! Output is exactly what ICCMA 2023 expects on standard output: for `SE-σ` a line
//! `w 1 4 7` (an extension, arguments in file order) or `NO` when there is none; for `DC-σ`
//! `YES` and the line `w ...` of an extension containing the argument, or `NO`; for `DS-σ`
//! `YES`, or `NO` and the line `w ...` of an extension without it. `--problems` lists the
//! supported tasks and `--formats` the file formats.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use super::{Context, Failure, output, print_diagnostics};
use crate::eval::{Deadline, Framework, Label, Mode, Semantics, dung, extension};
use crate::load::framework;

/// `solve`.
#[derive(Debug, Args)]
#[command(arg_required_else_help = true)]
pub struct SolveArgs {
    /// The task, e.g. `SE-PR`, `DC-CO` or `DS-ST` (see `--problems`).
    #[arg(short = 'p', long = "problem", value_name = "TASK", required_unless_present_any = ["problems", "formats"])]
    pub problem: Option<String>,
    /// The framework: `.af` (ICCMA 2023), `.apx` or `.tgf`.
    #[arg(short = 'f', long = "file", value_name = "FILE", required_unless_present_any = ["problems", "formats"])]
    pub file: Option<PathBuf>,
    /// The query argument of `DC` and `DS` tasks.
    #[arg(short = 'a', long = "argument", value_name = "ARG")]
    pub argument: Option<String>,
    /// Give up after this many seconds (exit code 3).
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<f64>,
    /// Print the supported tasks and stop.
    #[arg(long)]
    pub problems: bool,
    /// Print the supported file formats and stop.
    #[arg(long)]
    pub formats: bool,
}

/// What an ICCMA task asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Query {
    /// Some extension.
    Some,
    /// Credulous acceptance.
    Credulous,
    /// Sceptical acceptance.
    Sceptical,
}

const QUERIES: [(&str, Query); 3] = [
    ("SE", Query::Some),
    ("DC", Query::Credulous),
    ("DS", Query::Sceptical),
];
const SEMANTICS: [(&str, Semantics); 4] = [
    ("CO", Semantics::Complete),
    ("GR", Semantics::Grounded),
    ("PR", Semantics::Preferred),
    ("ST", Semantics::Stable),
];

fn tasks() -> impl Iterator<Item = String> {
    QUERIES
        .iter()
        .flat_map(|(q, _)| SEMANTICS.iter().map(move |(s, _)| format!("{q}-{s}")))
}

fn parse_task(task: &str) -> Option<(Query, Semantics)> {
    let (q, s) = task.split_once('-')?;
    let query = QUERIES.iter().find(|(name, _)| *name == q)?.1;
    let semantics = SEMANTICS.iter().find(|(name, _)| *name == s)?.1;
    Some((query, semantics))
}

/// Runs `solve`.
pub fn run(ctx: &Context, args: &SolveArgs) -> Result<(), Failure> {
    if args.problems {
        return output::stdout(&format!("[{}]\n", tasks().collect::<Vec<_>>().join(",")));
    }
    if args.formats {
        return output::stdout("[af,apx,tgf]\n");
    }
    let (Some(task), Some(file)) = (&args.problem, &args.file) else {
        return Err(Failure::Usage(
            "`-p TASK` and `-f FILE` are required".into(),
            None,
        ));
    };
    let Some((query, semantics)) = parse_task(task) else {
        let hint =
            crate::suggest::hint(task, tasks().collect::<Vec<_>>().iter().map(String::as_str))
                .or_else(|| Some("`claimgraph solve --problems` lists the tasks".into()));
        return Err(Failure::Usage(format!("unknown task `{task}`"), hint));
    };
    let framework = framework::read(file)
        .map(Framework::from_file)
        .map_err(|diagnostics| {
            print_diagnostics(ctx, &diagnostics, 1, true);
            Failure::Invalid
        })?;
    let timeout = args.timeout.map(Duration::from_secs_f64);
    let deadline = Deadline::after(timeout);
    let answer = match query {
        Query::Some => dung::one(framework.attacks(), semantics, &deadline)
            .map(|found| some(&framework, found)),
        Query::Credulous | Query::Sceptical => {
            let a = argument(&framework, args.argument.as_deref(), task)?;
            let mode = if query == Query::Credulous {
                Mode::Credulous
            } else {
                Mode::Sceptical
            };
            dung::accept(framework.attacks(), semantics, mode, a, &deadline)
                .map(|acceptance| decision(&framework, query, acceptance))
        }
    };
    output::stdout(&answer.map_err(|e| Failure::Error(e.into()))?)
}

fn argument(framework: &Framework, name: Option<&str>, task: &str) -> Result<u32, Failure> {
    let Some(name) = name else {
        return Err(Failure::Usage(
            format!("`{task}` needs a query argument: `-a ARG`"),
            None,
        ));
    };
    framework.index(name).ok_or_else(|| {
        let names = framework.ids().iter().map(|i| i.as_str());
        let hint = crate::suggest::hint(name, names);
        Failure::Usage(format!("the framework has no argument `{name}`"), hint)
    })
}

fn some(framework: &Framework, found: Option<Vec<Label>>) -> String {
    match found {
        Some(labels) => witness(framework, &labels),
        None => "NO\n".into(),
    }
}

fn decision(framework: &Framework, query: Query, acceptance: dung::Acceptance) -> String {
    let answer = if acceptance.accepted { "YES\n" } else { "NO\n" };
    // ICCMA 2023 certifies a credulous yes and a sceptical no with an extension.
    let certified = acceptance.accepted == (query == Query::Credulous);
    match acceptance.witness.filter(|_| certified) {
        Some(labels) => format!("{answer}{}", witness(framework, &labels)),
        None => answer.into(),
    }
}

/// `w` and the arguments labelled in, in file order.
fn witness(framework: &Framework, labels: &[Label]) -> String {
    let mut line = String::from("w");
    for a in extension(labels) {
        if let Some(id) = framework.id(a) {
            line.push(' ');
            line.push_str(id.as_str());
        }
    }
    line.push('\n');
    line
}

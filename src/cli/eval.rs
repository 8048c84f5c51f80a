//! `claimgraph eval`: which claims stand (Dung labels) and how strong each is (gradual
//! strength); `claimgraph eval accept ID`: whether one claim is accepted, with a witness.

use std::fmt::Write as _;
use std::time::Duration;

use clap::{Args, Subcommand, ValueEnum};

use super::args::{Cli, OutputFormat};
use super::keyword::keyword;
use super::stderr::note;
use super::{Context, Failure, lookup, output};
use crate::eval::{self, Evaluation, Label, Mode, Model, Semantics, Settings, Support};
use crate::graph::ClaimGraph;
use crate::model::Id;
use crate::text::visible;

/// `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Ask about one claim instead of labelling them all.
    #[command(subcommand)]
    pub action: Option<EvalAction>,
    /// Which Dung semantics labels the claims.
    #[arg(long, value_parser = keyword::<Semantics>(), default_value_t = Semantics::Grounded, global = true)]
    pub semantics: Semantics,
    /// How `supports` edges add attacks before the semantics runs.
    #[arg(long, value_parser = keyword::<Support>(), default_value_t = Support::None, global = true)]
    pub support: Support,
    /// Whether verdicts pin labels: `true`/`mostly-true` in, `false`/`mostly-false` out.
    #[arg(long, value_enum, default_value_t = VerdictsArg::Apply, global = true)]
    pub verdicts: VerdictsArg,
    /// Give up on complete, preferred or stable extensions after this many seconds.
    #[arg(long, value_name = "SECS", global = true)]
    pub timeout: Option<f64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t, global = true)]
    pub format: OutputFormat,
    /// The gradual model for each claim's strength.
    #[arg(long, value_enum, default_value_t = StrengthArg::Dfquad)]
    pub strength: StrengthArg,
    /// For several extensions, one label per claim (in or out in all of them, else undec)
    /// instead of one column per extension.
    #[arg(long)]
    pub summary: bool,
}

/// `eval` subcommands.
#[derive(Debug, Subcommand)]
pub enum EvalAction {
    /// Whether one claim is accepted: YES or NO, with a witness extension.
    Accept(AcceptArgs),
}

/// `eval accept`.
#[derive(Debug, Args)]
pub struct AcceptArgs {
    /// The claim.
    pub id: String,
    /// In some extension (credulous) or in all of them (sceptical).
    #[arg(long, value_parser = keyword::<Mode>(), default_value_t = Mode::Credulous)]
    pub mode: Mode,
}

/// `--verdicts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerdictsArg {
    /// Pin the labels (and strengths) of rated claims.
    Apply,
    /// Let the arguments alone decide.
    Ignore,
}

/// `--strength`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StrengthArg {
    /// DF-QuAD.
    Dfquad,
    /// Quadratic energy.
    Energy,
    /// No strengths.
    None,
}

fn settings(args: &EvalArgs) -> Result<Settings, Failure> {
    let timeout = match args.timeout {
        Some(s) if !(s.is_finite() && s > 0.0) => {
            return Err(Failure::Usage(
                format!("`--timeout` must be a positive number of seconds, found {s}"),
                None,
            ));
        }
        other => other.map(Duration::from_secs_f64),
    };
    Ok(Settings {
        semantics: args.semantics,
        support: args.support,
        verdicts: args.verdicts == VerdictsArg::Apply,
        strength: match args.strength {
            StrengthArg::Dfquad => Some(Model::DfQuad),
            StrengthArg::Energy => Some(Model::Energy),
            StrengthArg::None => None,
        },
        timeout,
    })
}

/// Runs `eval`.
pub fn run(cli: &Cli, ctx: &Context, args: &EvalArgs) -> Result<(), Failure> {
    let settings = settings(args)?;
    let graph = super::load_graph(ctx, &cli.claims)?;
    if let Some(EvalAction::Accept(accept)) = &args.action {
        return run_accept(&graph, &settings, accept, args.format);
    }
    let evaluation = eval::evaluate(&graph, &settings).map_err(|e| Failure::Error(e.into()))?;
    if let Some(s) = evaluation.strength.as_ref().filter(|s| !s.converged) {
        note!(
            "warning: {} strengths did not converge in {} rounds (last change {:.1e}); the last round is shown",
            s.model,
            s.iterations,
            s.residual
        );
    }
    match args.format {
        OutputFormat::Json => output::json(&super::eval_report::report(
            &evaluation,
            &settings,
            args.summary,
        )),
        OutputFormat::Text => output::stdout(&text(&graph, &evaluation, &settings, args.summary)),
    }
}

fn header(evaluation: &Evaluation, settings: &Settings) -> String {
    let count = evaluation.labellings.len();
    let what = match settings.semantics {
        Semantics::Grounded => "grounded labelling".to_string(),
        s => format!(
            "{s} semantics: {count} extension{}",
            if count == 1 { "" } else { "s" }
        ),
    };
    let verdicts = if settings.verdicts {
        "pinned"
    } else {
        "ignored"
    };
    let mut line = format!(
        "{what} of {} claims (support: {}, verdicts: {verdicts})",
        evaluation.ids.len(),
        settings.support
    );
    if let Some(s) = &evaluation.strength {
        let how = if s.converged {
            "converged"
        } else {
            "did NOT converge"
        };
        let _ = write!(
            line,
            "; strength: {}, {how} in {} rounds",
            s.model, s.iterations
        );
    }
    line.push('\n');
    line
}

fn text(graph: &ClaimGraph, evaluation: &Evaluation, settings: &Settings, summary: bool) -> String {
    let mut out = header(evaluation, settings);
    let columns: Vec<Vec<Label>> = if settings.semantics == Semantics::Grounded || summary {
        vec![evaluation.summary()]
    } else {
        evaluation.labellings.clone()
    };
    let credulous = evaluation.credulous();
    let width = evaluation
        .ids
        .iter()
        .map(|i| i.as_str().len())
        .max()
        .unwrap_or(2)
        .max(2);
    let mut head = format!("\n{:<width$}", "id");
    if columns.len() == 1 {
        head.push_str("  label");
    } else {
        for k in 1..=columns.len() {
            let _ = write!(head, "  {:<5}", format!("#{k}"));
        }
    }
    if summary {
        head.push_str("  in some");
    }
    if evaluation.strength.is_some() {
        head.push_str("  strength");
    }
    let _ = writeln!(out, "{head}  text");
    for (i, id) in evaluation.ids.iter().enumerate() {
        let _ = write!(out, "{id:<width$}");
        for column in &columns {
            let _ = write!(out, "  {:<5}", column[i]);
        }
        if summary {
            let _ = write!(out, "  {:<7}", if credulous[i] { "yes" } else { "no" });
        }
        if let Some(s) = &evaluation.strength {
            let _ = write!(out, "  {:>8.3}", s.values[i]);
        }
        let text = claim_text(graph, id);
        let _ = writeln!(out, "  {}", visible(text));
    }
    out
}

fn claim_text<'a>(graph: &'a ClaimGraph, id: &Id) -> &'a str {
    graph
        .node(id.as_str())
        .and_then(|ix| graph.claim(ix))
        .map_or("", |c| c.text.as_str())
}

fn run_accept(
    graph: &ClaimGraph,
    settings: &Settings,
    args: &AcceptArgs,
    format: OutputFormat,
) -> Result<(), Failure> {
    let ix = lookup(graph, &args.id)?;
    if graph.claim(ix).is_none() {
        return Err(Failure::Usage(
            format!("`{}` is a source, not a claim", args.id),
            Some("`claimgraph list` shows the claims".into()),
        ));
    }
    let mode = args.mode;
    let acceptance = eval::accept(graph, settings, &args.id, mode)
        .map_err(|e| Failure::Error(e.into()))?
        .ok_or(Failure::Invalid)?;
    let ids: Vec<Id> = eval::Framework::from_graph(graph).ids().to_vec();
    let witness: Option<Vec<&Id>> = acceptance.witness.as_ref().map(|w| {
        eval::extension(w)
            .iter()
            .map(|&a| &ids[a as usize])
            .collect()
    });
    if format == OutputFormat::Json {
        return output::json(&serde_json::json!({
            "id": args.id,
            "semantics": settings.semantics,
            "mode": mode,
            "accepted": acceptance.accepted,
            "witness": witness,
        }));
    }
    let answer = if acceptance.accepted { "YES" } else { "NO" };
    let why = super::eval_report::explain(
        &args.id,
        settings.semantics,
        mode,
        &acceptance,
        witness.as_deref(),
    );
    output::stdout(&format!("{answer}\n{why}\n"))
}

//! Shell completions. `claimgraph completions SHELL` prints a short script for bash, zsh, fish,
//! PowerShell or Elvish that, on each Tab, asks claimgraph itself what fits
//! (`COMPLETE=SHELL claimgraph -- WORDS...`, clap_complete's dynamic completion). So commands,
//! flags and keywords come from the clap definition the arguments are parsed with, and the
//! arguments that take a claim or source id (`show`, the `query` ids, `--around`, `--focus`,
//! `--by`) complete with the ids in the claim files, read through the load cache: after the
//! first load, a Tab reads one cached snapshot instead of parsing YAML.
//!
//! Why dynamic rather than the static scripts ripgrep and fd ship: static scripts cannot know
//! the ids in the user's files, and adding an id hook by hand to five shells' scripts would be
//! five scripts to keep right. The script is still a file packagers can install (it calls
//! `claimgraph` on PATH).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use super::args::{Cli, CompletionsArgs, Shell};
use super::{Failure, output};
use crate::load;

/// The environment variable that turns a run into a completion request.
const VAR: &str = "COMPLETE";

/// Answers a completion request and exits, when this run is one (`COMPLETE` is set); returns
/// otherwise. Call it first thing, before anything is printed.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(VAR)
        .complete();
}

/// Runs `completions`.
pub fn run(args: &CompletionsArgs) -> Result<(), Failure> {
    let shell: &dyn EnvCompleter = match args.shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &Fish,
        Shell::Powershell => &Powershell,
        Shell::Elvish => &Elvish,
    };
    let mut script = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = shell.write_registration(VAR, "claimgraph", "claimgraph", "claimgraph", &mut script);
    output::stdout_bytes(&script)
}

/// Claim and source ids, each with its text or name as help.
pub fn ids() -> Vec<CompletionCandidate> {
    let corpus = corpus();
    let claims = corpus
        .claims
        .iter()
        .map(|c| candidate(c.id.as_str(), &c.text));
    let sources = corpus
        .sources
        .iter()
        .map(|s| candidate(s.id.as_str(), &s.name));
    claims.chain(sources).collect()
}

/// Claim ids, each with its text as help.
pub fn claim_ids() -> Vec<CompletionCandidate> {
    let corpus = corpus();
    let claims = corpus.claims.iter();
    claims.map(|c| candidate(c.id.as_str(), &c.text)).collect()
}

/// Source ids, each with its name as help.
pub fn source_ids() -> Vec<CompletionCandidate> {
    let corpus = corpus();
    let sources = corpus.sources.iter();
    sources.map(|s| candidate(s.id.as_str(), &s.name)).collect()
}

fn candidate(id: &str, help: &str) -> CompletionCandidate {
    CompletionCandidate::new(id).help(Some(help.to_string().into()))
}

/// The claims named by the command line being completed, through the load cache. Whatever
/// could be read, even from files with errors: a completion never fails.
fn corpus() -> crate::model::Corpus {
    let dir = claims_dir(std::env::args_os());
    let options = load::Options {
        cache_dir: Some(load::default_cache_dir()),
        progress: None,
        // A completion never fails: an unreadable size setting falls back to the default.
        max_file_size: super::limits::max_file_size().ok().flatten(),
        reuse: None,
        focus: None,
    };
    load::load_with(&[dir], &options).corpus
}

/// The `--claims` directory of the words being completed (`claimgraph -- claimgraph ...`), or
/// the default, `claims`.
fn claims_dir(args: impl Iterator<Item = OsString>) -> PathBuf {
    let mut dir = PathBuf::from("claims");
    let mut args = args.skip_while(|a| a != "--");
    while let Some(arg) = args.next() {
        if arg == "--claims" {
            if let Some(value) = args.next() {
                dir = value.into();
            }
        } else if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--claims=")) {
            dir = value.into();
        }
    }
    dir
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(words: &[&str], expected: &str) {
        let args = words.iter().map(OsString::from);
        assert_eq!(claims_dir(args), PathBuf::from(expected), "{words:?}");
    }

    #[test]
    fn the_claims_directory_comes_from_the_completed_words() {
        case(&["claimgraph", "--", "claimgraph", "show", ""], "claims");
        case(&["cg", "--", "cg", "--claims", "data", "show", "x"], "data");
        case(&["cg", "--", "cg", "show", "--claims=d/e", "x"], "d/e");
        // Before `--` are the completer's own arguments, not the user's.
        case(&["cg", "--claims", "no", "--", "cg", "show"], "claims");
    }
}

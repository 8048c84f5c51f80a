//! `claimgraph man [COMMAND]`: manual pages in roff, generated from the same clap definition
//! the arguments are parsed with (clap_mangen), so they list exactly the commands and flags
//! there are. `claimgraph man` is `claimgraph(1)`, whose COMMANDS section names each command;
//! `claimgraph man show` is `claimgraph-show(1)`, as git and cargo name their pages.
//! `claimgraph man | man -l -` reads one; packagers write them to `man1/`.

use clap::CommandFactory;

use super::args::{Cli, ManArgs};
use super::{Failure, output};

/// Runs `man`.
pub fn run(args: &ManArgs) -> Result<(), Failure> {
    let mut cmd = Cli::command();
    cmd.build();
    let page = match &args.command {
        None => cmd,
        Some(name) => subcommand_page(&cmd, name)?,
    };
    let mut out = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = clap_mangen::Man::new(page).render(&mut out);
    output::stdout_bytes(&out)
}

/// The page of one subcommand, named `claimgraph-NAME`.
fn subcommand_page(cmd: &clap::Command, name: &str) -> Result<clap::Command, Failure> {
    let visible = || {
        cmd.get_subcommands()
            .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    };
    let Some(sub) = visible().find(|s| s.get_name() == name) else {
        let names: Vec<&str> = visible().map(|s| s.get_name()).collect();
        let hint = crate::suggest::hint(name, names.iter().copied());
        return Err(Failure::Usage(
            format!("`claimgraph man`: there is no command `{name}`"),
            hint.or_else(|| Some(format!("the commands are {}", names.join(", ")))),
        ));
    };
    Ok(sub
        .clone()
        .name(format!("claimgraph-{name}"))
        .display_name(format!("claimgraph-{name}"))
        .bin_name(format!("claimgraph {name}")))
}

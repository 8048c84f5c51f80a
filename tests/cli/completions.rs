//! Shell completions and the man page, tried in the programs that read them: bash sources the
//! completion script and its completion function completes ids from the claim files; groff
//! renders the man page. Tests that need a program that is missing say so and skip.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::test::{Test, cache_dir, root};

/// Whether `program` is on PATH; prints what `test` skips when it is not.
fn have(program: &str, test: &str) -> bool {
    crate::tools::need(program, test, "install it").is_some()
}

/// PATH with the directory of the binary under test first, as an installed `claimgraph`.
fn path_with_binary() -> std::ffi::OsString {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_claimgraph"));
    let dir = bin.parent().unwrap().to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(dir).chain(std::env::split_paths(&rest))).unwrap()
}

/// Runs `script` in bash, in `dir`, with the binary on PATH; returns stdout.
fn bash(script: &str, dir: &Path) -> String {
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", script])
        .current_dir(dir)
        .env("PATH", path_with_binary())
        .env("CLAIMGRAPH_CACHE_DIR", cache_dir())
        .env_remove("COMPLETE")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "bash failed: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// What bash completes for the words `line` (the last one being completed), one per line.
fn complete(line: &str) -> Vec<String> {
    let script = format!(
        r#"source <(claimgraph completions bash)
COMP_WORDS=({line})
[[ "{line}" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="{line}"; COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9
_clap_complete_claimgraph claimgraph "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#
    );
    let mut words: Vec<String> = bash(&script, &root())
        .lines()
        .map(|w| w.trim_end().to_string())
        .filter(|w| !w.is_empty())
        .collect();
    words.sort();
    words
}

/// What bash completes for `line` that is not a flag (an empty word gets the flags too).
fn values(line: &str) -> Vec<String> {
    let words = complete(line).into_iter();
    words.filter(|w| !w.starts_with('-')).collect()
}

#[test]
fn every_shell_gets_a_script_that_calls_back_into_claimgraph() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        Test::new()
            .args(&["completions", shell])
            .stdout_contains("claimgraph")
            .stdout_contains("COMPLETE")
            .run();
    }
    Test::new()
        .args(&["completions", "tcsh"])
        .status(2)
        .stderr_contains("error: invalid value 'tcsh' for '<SHELL>'\n")
        .run();
}

#[test]
fn bash_sources_the_script_and_registers_the_function() {
    if !have("bash", "bash_sources_the_script_and_registers_the_function") {
        return;
    }
    let registered = bash(
        "source <(claimgraph completions bash) && complete -p claimgraph",
        &root(),
    );
    assert!(
        registered.contains("-F _clap_complete_claimgraph claimgraph"),
        "{registered}"
    );
}

#[test]
fn bash_completes_commands_flags_and_keywords() {
    if !have("bash", "bash_completes_commands_flags_and_keywords") {
        return;
    }
    let commands = complete("claimgraph sch");
    assert_eq!(commands, ["schema"]);
    let shells = values("claimgraph completions ");
    assert_eq!(shells, ["bash", "elvish", "fish", "powershell", "zsh"]);
    let flags = complete("claimgraph show --fo");
    assert_eq!(flags, ["--format"]);
    // The keyword flags complete the library enum's spellings.
    let colours = values("claimgraph export dot --color-by ");
    assert_eq!(colours, ["eval", "rating", "speaker", "tag"]);
    let readable = values("claimgraph import ");
    assert_eq!(readable, ["aif", "argdown", "claimreview", "json"]);
}

#[test]
fn bash_completes_claim_and_source_ids_from_the_claim_files() {
    if !have(
        "bash",
        "bash_completes_claim_and_source_ids_from_the_claim_files",
    ) {
        return;
    }
    // `show` takes claims and sources; the queries and `--around` take claims; `--by` sources.
    assert_eq!(
        complete("claimgraph show compute-ga"),
        ["compute-gap", "compute-gap-closing"]
    );
    assert_eq!(complete("claimgraph show kai-"), ["kai-fu-lee"]);
    assert_eq!(
        complete("claimgraph query supporters compute-gap-c"),
        ["compute-gap-closing"]
    );
    assert_eq!(
        complete("claimgraph query path compute-gap compute-gap-"),
        ["compute-gap-closing"]
    );
    assert_eq!(
        complete("claimgraph export dot --around compute-gap-"),
        ["compute-gap-closing"]
    );
    assert_eq!(complete("claimgraph list --by kai-"), ["kai-fu-lee"]);
    // From the `--claims` directory named on the line.
    assert_eq!(
        values("claimgraph --claims tests/data/small show "),
        [
            "article",
            "china-gaining",
            "compute-gap",
            "desk",
            "efficient",
            "lee"
        ]
    );
}

#[test]
fn the_man_pages_render() {
    let (page, _) = Test::new()
        .args(&["man"])
        .stdout_contains(".TH claimgraph 1")
        .run();
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{page}");
    let (show, _) = Test::new()
        .args(&["man", "show"])
        .stdout_contains(".TH claimgraph-show 1")
        .run();
    Test::new()
        .args(&["man", "shwo"])
        .status(2)
        .stderr(
            "error: `claimgraph man`: there is no command `shwo`\n  = help: did you mean `show`?\n",
        )
        .run();
    if !have("groff", "the_man_pages_render (groff)") {
        return;
    }
    for page in [page, show] {
        let rendered = groff(&page);
        assert!(rendered.contains("NAME"), "{rendered}");
    }
}

/// The page as groff renders it for a terminal; fails on any groff warning.
fn groff(page: &str) -> String {
    use std::io::Write;
    let mut child = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-P", "-cbou"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "groff: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

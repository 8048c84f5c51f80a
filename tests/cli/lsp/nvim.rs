//! The server under a real client that nobody here wrote: Neovim's built-in LSP client, run
//! headless on a copy of a small workspace (`tests/data/lsp/nvim.lua` drives it). Skipped, with a
//! `skipped:` line, when `nvim` is not installed; `.ci/run` installs Debian's.

use std::process::Command;

use super::client::workspace;
use crate::tools;

#[test]
fn neovim_sees_diagnostics_definition_hover_completion_and_rename() {
    let test = "lsp::nvim::neovim_sees_diagnostics_definition_hover_completion_and_rename";
    let Some(nvim) = tools::need("nvim", test, "install Neovim 0.7 or later") else {
        return;
    };
    let dir = workspace();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let out = root.join("out.txt");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/lsp/nvim.lua");
    let home = tempfile::tempdir().unwrap();
    let run = Command::new(nvim)
        .args(["--headless", "--clean", "-n", "-c"])
        .arg(format!("luafile {script}"))
        .env("CLAIMGRAPH", env!("CARGO_BIN_EXE_claimgraph"))
        .env("ROOT", &root)
        .env("OUT", &out)
        // Neovim's log and state go to a scratch home, not the user's.
        .env("HOME", home.path())
        .env("XDG_STATE_HOME", home.path())
        .env("XDG_CACHE_HOME", home.path())
        .env("XDG_DATA_HOME", home.path())
        .output()
        .unwrap();
    let said = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(
        run.status.success(),
        "{}\n{said}\n{}",
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        said,
        "diagnostic 3:8 unknown source `leee` in `by`\n\
         definition sources.yaml:1\n\
         hover **source** `lee`: Kai-Fu Lee\n\
         completion gap gaining\n\
         renamed claims.yaml 2\n\
         renamed more.yaml 1\n\
         renamed sources.yaml 1\n"
    );
}

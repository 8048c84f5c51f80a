//! A file system and output targets set up to hurt: link loops, named pipes, devices, huge
//! files, a cache file that is a pipe, claim files that share a name, `-o` onto an input, and
//! closed standard streams. Each case once hung, crashed, lost output or clobbered a file.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::test::Test;

const CLAIMS: &str =
    "sources:\n  - id: x\n    name: X\nclaims:\n  - id: a\n    text: A.\n    by: x\n";

/// A claims directory holding `a.yaml` (claim `a`, source `x`).
fn claims_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), CLAIMS).unwrap();
    dir
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.unwrap().success(), "mkfifo {}", path.display());
}

/// `check --format json` on `dir`: the `code` and `message` of each diagnostic.
fn check(dir: &Path, status: i32) -> Vec<(String, String)> {
    let (stdout, _) = Test::new()
        .args(&["--no-cache", "check", "--format", "json"])
        .path(dir)
        .timeout(60)
        .status(status)
        .any_stdout()
        .run();
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let field = |d: &serde_json::Value, k: &str| d[k].as_str().unwrap_or_default().to_string();
    json.as_array()
        .unwrap()
        .iter()
        .map(|d| (field(d, "code"), field(d, "message")))
        .collect()
}

/// Once, one loop read `a.yaml` 41 times (80 false duplicate ids) and two loops never ended.
#[test]
fn link_loops_read_each_file_once() {
    let dir = claims_dir();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    symlink("..", dir.path().join("sub/up")).unwrap();
    symlink(".", dir.path().join("here")).unwrap();
    symlink("a.yaml", dir.path().join("again.yaml")).unwrap();
    assert_eq!(check(dir.path(), 0), []);
}

/// Once, a `*.yaml` named pipe blocked the load for ever and a link to `/dev/zero` filled memory.
#[test]
fn pipes_and_devices_are_refused_without_opening_them() {
    let dir = claims_dir();
    mkfifo(&dir.path().join("pipe.yaml"));
    symlink("/dev/zero", dir.path().join("zero.yaml")).unwrap();
    let refused = |name: &str, kind: &str| {
        let path = dir.path().join(name);
        let message = format!(
            "`{}` is {kind}, not a regular file; claimgraph reads only regular files",
            path.display()
        );
        ("not-a-file".to_string(), message)
    };
    assert_eq!(
        check(dir.path(), 1),
        [
            refused("pipe.yaml", "a named pipe"),
            refused("zero.yaml", "a device")
        ]
    );
}

#[test]
fn a_file_above_the_size_limit_is_refused_with_the_way_out() {
    let dir = claims_dir();
    let (stdout, _) = Test::new()
        .env("CLAIMGRAPH_MAX_FILE_SIZE", "50")
        .args(&["--no-cache", "check", "--format", "json"])
        .path(dir.path())
        .status(1)
        .any_stdout()
        .run();
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let path = dir.path().join("a.yaml");
    let expected = format!(
        "`{}` holds {} bytes, more than the limit of 50 bytes for one claim file",
        path.display(),
        CLAIMS.len()
    );
    assert_eq!(json[0]["code"], "too-large", "{json}");
    assert_eq!(json[0]["message"], expected.as_str());
    assert!(
        json[0]["hint"]
            .as_str()
            .unwrap()
            .contains("CLAIMGRAPH_MAX_FILE_SIZE")
    );
    // The default limit is far above any honest claim file.
    assert_eq!(check(dir.path(), 0), []);
}

#[test]
fn a_size_limit_that_is_not_a_size_is_a_usage_error() {
    Test::new()
        .env("CLAIMGRAPH_MAX_FILE_SIZE", "lots")
        .args(&["check"])
        .status(2)
        .stderr("error: `CLAIMGRAPH_MAX_FILE_SIZE=lots` is not a size\n  = help: give a number of bytes, optionally with `K`, `M` or `G`: `256M`\n")
        .run();
}

/// Once, a named pipe in place of the cache file blocked every command.
#[test]
fn a_cache_file_that_is_a_pipe_is_a_miss() {
    let dir = claims_dir();
    let cache = tempfile::tempdir().unwrap();
    let cache_dir = cache.path().to_str().unwrap();
    let run = || {
        Test::new()
            .env("CLAIMGRAPH_CACHE_DIR", cache_dir)
            .args(&["check", "--format", "json"])
            .path(dir.path())
            .timeout(60)
            .stdout("[]\n")
            .run()
    };
    run();
    for entry in std::fs::read_dir(cache.path()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::remove_file(&path).unwrap();
        mkfifo(&path);
    }
    run();
}

/// Once, the third of three `x.yaml` in different directories wrote over the second's diagram.
#[test]
fn claim_files_with_one_name_get_a_diagram_each() {
    let dir = tempfile::tempdir().unwrap();
    let claims = dir.path().join("claims");
    for (sub, id) in [("a", "p"), ("b", "q"), ("c", "r")] {
        std::fs::create_dir_all(claims.join(sub)).unwrap();
        let text = format!(
            "claims:\n  - id: {id}\n    text: T.\n    by: x{id}\nsources:\n  - id: x{id}\n    name: X\n"
        );
        std::fs::write(claims.join(sub).join("x.yaml"), text).unwrap();
    }
    let out = dir.path().join("out");
    Test::new()
        .args(&["--no-cache", "--claims"])
        .path(&claims)
        .args(&["build", "--renderer", "embedded", "--out"])
        .path(&out)
        .stderr_contains("b-x.svg\n")
        .stderr_contains("\n3 claims, 3 sources: 13 files written, 0 unchanged in ")
        .run();
    let mut svgs: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".svg"))
        .collect();
    svgs.sort();
    assert_eq!(svgs, ["a-x.svg", "all.svg", "b-x.svg", "c-x.svg"]);
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    for name in ["a-x", "b-x", "c-x"] {
        assert!(page.contains(&format!("\"{name}\"")), "no tab `{name}`");
    }
}

/// `export -o` onto a claim file it read once replaced the claims with a diagram.
#[test]
fn export_onto_a_claim_file_is_refused_and_writes_nothing() {
    let dir = claims_dir();
    let target = dir.path().join("sub/../a.yaml");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let (_, stderr) = Test::new()
        .args(&["--no-cache", "--claims"])
        .path(dir.path())
        .args(&["export", "json", "-o"])
        .path(&target)
        .status(2)
        .stderr_contains("one of the files this command reads; refusing to overwrite it")
        .run();
    assert!(
        stderr.starts_with(&format!("error: `{}` is `", target.display())),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.yaml")).unwrap(),
        CLAIMS
    );
}

/// `import ... -o FILE --force` onto its own input once replaced it.
#[test]
fn import_onto_its_own_input_is_refused_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.json");
    let json = r#"{"claims": [{"id": "a", "text": "A."}]}"#;
    std::fs::write(&input, json).unwrap();
    Test::new()
        .args(&["import", "json"])
        .path(&input)
        .args(&["-o"])
        .path(&input)
        .args(&["--force"])
        .status(2)
        .stderr_contains("one of the files this command reads; refusing to overwrite it")
        .run();
    assert_eq!(std::fs::read_to_string(&input).unwrap(), json);
}

/// `export -o` and `import -o` make the directories they write into, as `build --out` does.
#[test]
fn export_and_import_create_missing_directories() {
    let dir = tempfile::tempdir().unwrap();
    let exported = dir.path().join("new/deeper/all.json");
    Test::new()
        .args(&["--no-cache", "export", "json"])
        .args(&["-o"])
        .path(&exported)
        .run();
    let imported = dir.path().join("other/new/claims.yaml");
    Test::new()
        .args(&["import", "json"])
        .path(&exported)
        .args(&["-o"])
        .path(&imported)
        .stderr_contains("imported ")
        .run();
    assert!(
        std::fs::read_to_string(&imported)
            .unwrap()
            .contains("claims:")
    );
}

/// Runs the binary with standard error (and, with `close_stdout`, standard output) a pipe
/// whose reading end is already closed, as in `claimgraph ... 2>&1 | true`.
fn run_with_closed_pipes(args: &[&str], close_stdout: bool) -> std::process::ExitStatus {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let stdout = if close_stdout {
        Stdio::from(writer.try_clone().unwrap())
    } else {
        Stdio::null()
    };
    std::process::Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .current_dir(crate::test::root())
        .env("CLAIMGRAPH_CACHE_DIR", crate::test::cache_dir())
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::from(writer))
        .status()
        .unwrap()
}

/// Once, `export aif -o x.json 2>&1 | true` panicked (exit 101) before writing `x.json`.
#[test]
fn a_closed_stderr_ends_quietly_after_the_output_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out: PathBuf = dir.path().join("x.json");
    let status = run_with_closed_pipes(&["export", "aif", "-o", out.to_str().unwrap()], false);
    assert_eq!(status.code(), Some(0));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(written["nodes"].as_array().is_some_and(|n| !n.is_empty()));
    let status = run_with_closed_pipes(&["export", "aif"], true);
    assert_eq!(status.code(), Some(0));
}

/// `--timings` and the note under a cut TSV answer were written with `eprint!`, which panics
/// (exit 101) when standard error is closed.
#[test]
fn timings_and_notes_survive_a_closed_stderr() {
    let supporters = [
        "--claims",
        "tests/data/queries",
        "query",
        "supporters",
        "growth",
        "--format",
        "tsv",
        "--limit",
        "1",
    ];
    for args in [&["--timings", "check"][..], &supporters] {
        let status = run_with_closed_pipes(args, false);
        assert_eq!(status.code(), Some(0), "{args:?}");
    }
}

/// A failing command still fails with its exit code when it cannot say why.
#[test]
fn a_closed_stderr_keeps_the_exit_code() {
    let status = run_with_closed_pipes(&["show", "no-such-claim"], true);
    assert_eq!(status.code(), Some(2));
}

/// `solve -f` reads a framework through the same rule: a named pipe called `x.af` once blocked
/// it for ever.
#[test]
fn solve_refuses_a_named_pipe_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("x.af");
    mkfifo(&pipe);
    let expected = format!(
        "error[not-a-file]: cannot read `{}`: it is a named pipe, not a regular file",
        pipe.display()
    );
    Test::new()
        .args(&["solve", "-p", "SE-GR", "-f"])
        .path(&pipe)
        .timeout(60)
        .status(1)
        .stderr_contains(&expected)
        .run();
}

//! `claimgraph diff`: two directories, two commits of a git repository, each format, an eval
//! flip with its cause, and each bad input.

use std::path::Path;
use std::process::Command;

use crate::test::{Test, copy_dir};

/// `tests/data/diff/VERSION/claims.yaml`: the fixture the manual's examples use too.
fn fixture(version: &str) -> String {
    let path = crate::test::data("diff").join(version).join("claims.yaml");
    std::fs::read_to_string(path).unwrap()
}

/// `old/claims.yaml` and `new/claims.yaml` in a fresh directory.
fn versions() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["old", "new"] {
        std::fs::create_dir(dir.path().join(name)).unwrap();
        std::fs::write(dir.path().join(name).join("claims.yaml"), fixture(name)).unwrap();
    }
    dir
}

const TEXT: &str = "\
claims: 1 added, 1 removed, 2 changed
  + slump  Output fell.
  - gone  Removed later.
  ~ growth
      text: \"The economy grows.\" -> \"The economy grows fast.\"
  ~ jobs
      verdict: null -> {\"rating\":\"unproven\"}
sources: 1 changed
  ~ paper
      url: null -> \"https://example.org/paper\"
relations: 1 added
  + slump contradicts growth
verdicts: 1 changed
  jobs: unrated -> unproven
eval: 1 flipped (grounded, verdicts pinned)
  growth: stands -> falls
      because + slump contradicts growth
";

#[test]
fn two_directories_as_text() {
    let dir = versions();
    Test::new()
        .current_dir(dir.path())
        .args(&["diff", "old", "new"])
        .stdout(TEXT)
        .stderr("")
        .run();
    Test::new()
        .current_dir(dir.path())
        .args(&["diff", "old", "old"])
        .stdout("no changes\n")
        .run();
}

#[test]
fn a_file_the_same_in_both_versions_is_parsed_once() {
    let dir = versions();
    let same = "claims:\n  - id: extra\n    text: Extra.\n    by: paper\n";
    for version in ["old", "new"] {
        std::fs::write(dir.path().join(version).join("same.yaml"), same).unwrap();
    }
    let (_, stderr) = Test::new()
        .current_dir(dir.path())
        .args(&["--no-cache", "--timings", "diff", "old", "new"])
        .stdout(TEXT)
        .stderr_contains("timings:\n")
        .run();
    let reads: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("read+parse"))
        .collect();
    assert_eq!(reads.len(), 2, "{stderr}");
    assert!(reads[0].ends_with("cache: off"), "{stderr}");
    assert!(
        reads[1].ends_with("cache: off; 1 reused from the other version"),
        "{stderr}"
    );
}

#[test]
fn text_is_coloured_only_when_asked() {
    let dir = versions();
    let out = assert_cmd::Command::cargo_bin("claimgraph")
        .unwrap()
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .args(["--color=always", "diff", "old", "new"])
        .output()
        .unwrap();
    let coloured = String::from_utf8(out.stdout).unwrap();
    assert!(
        coloured.contains("  \x1b[32m+\x1b[0m \x1b[1;36mslump\x1b[0m  Output fell.\n"),
        "{coloured:?}"
    );
    assert!(coloured.contains("\x1b[32mstands\x1b[0m \x1b[2m->\x1b[0m \x1b[31mfalls\x1b[0m"));
}

#[test]
fn json_has_the_documented_shape() {
    let dir = versions();
    let (stdout, _) = Test::new()
        .current_dir(dir.path())
        .args(&["diff", "old", "new", "--format", "json"])
        .any_stdout()
        .run();
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let expected = serde_json::json!({
        "claims": {
            "added": [{"id": "slump", "text": "Output fell."}],
            "removed": [{"id": "gone", "text": "Removed later."}],
            "changed": [
                {"id": "growth", "fields": [
                    {"field": "text", "from": "The economy grows.", "to": "The economy grows fast."}
                ]},
                {"id": "jobs", "fields": [
                    {"field": "verdict", "from": null, "to": {"rating": "unproven"}}
                ]}
            ]
        },
        "sources": {
            "added": [],
            "removed": [],
            "changed": [{"id": "paper", "fields": [
                {"field": "url", "from": null, "to": "https://example.org/paper"}
            ]}]
        },
        "relations": {
            "added": [{"from": "slump", "to": "growth", "kind": "contradicts"}],
            "removed": []
        },
        "verdicts": [{"id": "jobs", "from": null, "to": "unproven"}],
        "eval": [{
            "id": "growth", "from": "stands", "to": "falls",
            "because": [{"change": "added", "from": "slump", "kind": "contradicts", "to": "growth"}]
        }]
    });
    assert_eq!(json, expected);
}

#[test]
fn markdown_for_a_pull_request() {
    let dir = versions();
    Test::new()
        .current_dir(dir.path())
        .args(&["diff", "old", "new", "--format", "markdown"])
        .stdout(
            "### claimgraph diff `old` → `new`

**Claims** (1 added, 1 removed, 2 changed)

- added `slump`: Output fell.
- removed `gone`: Removed later.
- changed `growth`
  - text: `\"The economy grows.\"` → `\"The economy grows fast.\"`
- changed `jobs`
  - verdict: `null` → `{\"rating\":\"unproven\"}`

**Sources** (1 changed)

- changed `paper`
  - url: `null` → `\"https://example.org/paper\"`

**Relations** (1 added)

- added `slump contradicts growth`

**Verdicts** (1 changed)

- `jobs`: unrated → **unproven**

**Eval** (1 flipped; grounded, verdicts pinned)

- `growth`: stands → **falls**
  - because `+ slump contradicts growth`
",
        )
        .run();
}

#[test]
fn a_removed_attack_flips_the_chain_below_it() {
    // `cut` defeated `mid`, so `top` stood; without that attack `mid` stands and `top` falls,
    // both because of the one removed relation.
    let dir = tempfile::tempdir().unwrap();
    let chain = "claims:
  - {id: top, text: Top.}
  - {id: mid, text: Mid., contradicts: [top]}
  - {id: cut, text: Cut., contradicts: [mid]}
";
    for (name, text) in [
        ("a", chain.to_string()),
        ("b", chain.replace(", contradicts: [mid]", "")),
    ] {
        std::fs::create_dir(dir.path().join(name)).unwrap();
        std::fs::write(dir.path().join(name).join("c.yaml"), text).unwrap();
    }
    Test::new()
        .current_dir(dir.path())
        .args(&["diff", "a", "b"])
        .stdout(
            "relations: 1 removed
  - cut contradicts mid
eval: 2 flipped (grounded, verdicts pinned)
  top: stands -> falls
      because - cut contradicts mid
  mid: falls -> stands
      because - cut contradicts mid
",
        )
        .run();
}

/// Runs git in `dir`, which must succeed.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

/// A repository with `claims/claims.yaml` committed as the old fixture, then as the new one
/// (tagged `v1`, `v2`).
fn repository() -> Option<tempfile::TempDir> {
    let dir = empty_repository()?;
    let claims = dir.path().join("claims");
    std::fs::create_dir(&claims).unwrap();
    for (tag, version) in [("v1", "old"), ("v2", "new")] {
        std::fs::write(claims.join("claims.yaml"), fixture(version)).unwrap();
        git(dir.path(), &["add", "claims"]);
        git(dir.path(), &["commit", "-q", "-m", tag]);
        git(dir.path(), &["tag", tag]);
    }
    Some(dir)
}

/// A new git repository in a temporary directory (`None`, with a `skipped:` line, without git).
fn empty_repository() -> Option<tempfile::TempDir> {
    crate::tools::need("git", "the `diff` revision tests", "install git")?;
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    Some(dir)
}

/// The walkthrough (docs/src/walkthrough.md) shows `diff` of its steps 3 and 4 as two
/// directories, and says that in a repository where they are two commits of `claims/`,
/// `diff HEAD~1 HEAD` prints the same. This checks that it does.
#[test]
fn walkthrough_steps_as_commits() {
    let Some(repo) = empty_repository() else {
        return;
    };
    let steps =
        ["3-first-verdict", "4-second-verdict"].map(|s| crate::test::data("walkthrough").join(s));
    let claims = repo.path().join("claims");
    for step in &steps {
        if claims.exists() {
            std::fs::remove_dir_all(&claims).unwrap();
        }
        copy_dir(step, &claims);
        git(repo.path(), &["add", "-A", "claims"]);
        git(repo.path(), &["commit", "-q", "-m", "step"]);
    }
    let (directories, _) = Test::new()
        .args(&["diff"])
        .path(&steps[0])
        .path(&steps[1])
        .any_stdout()
        .run();
    assert!(
        directories.contains("verdicts: 1 changed\n  qwen-100-languages: unrated -> true\n"),
        "{directories}"
    );
    let tmp = tempfile::tempdir().unwrap();
    Test::new()
        .current_dir(repo.path())
        .env("TMPDIR", tmp.path().to_str().unwrap())
        .args(&["diff", "HEAD~1", "HEAD"])
        .stdout(&directories)
        .run();
}

#[test]
fn two_commits_of_a_repository() {
    let Some(repo) = repository() else { return };
    let tmp = tempfile::tempdir().unwrap();
    for (old, new) in [("HEAD~1", "HEAD"), ("v1", "v2"), ("HEAD~1", "claims")] {
        Test::new()
            .current_dir(repo.path())
            .env("TMPDIR", tmp.path().to_str().unwrap())
            .args(&["diff", old, new])
            .stdout(TEXT)
            .stderr("")
            .run();
    }
    // From a subdirectory, with `--claims` relative to it, in JSON.
    let (json, _) = Test::new()
        .current_dir(&repo.path().join("claims"))
        .args(&["--claims", ".", "diff", "v1", "HEAD", "--format", "json"])
        .stdout_contains("\"change\": \"added\"")
        .run();
    assert!(json.starts_with("{\n  \"claims\": {"), "{json}");
    // Every revision written out for the run is gone after it.
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn bad_revisions_are_usage_errors_and_print_nothing() {
    let Some(repo) = repository() else { return };
    let top = repo.path().canonicalize().unwrap();
    let top = top.display();
    let outside = tempfile::tempdir().unwrap();
    let cases: [(&[&str], String, &str); 4] = [
        (
            &["diff", "no-such-tag", "HEAD"],
            format!(
                "`no-such-tag` is neither a directory nor a revision of the git repository at `{top}`"
            ),
            "`git log --oneline` lists the commits; a directory must exist",
        ),
        (
            &["diff", "--format", "json", "HEAD", "--", "-x"],
            format!("`-x` is neither a directory nor a revision of the git repository at `{top}`"),
            "`git log --oneline` lists the commits; a directory must exist",
        ),
        (
            &["--claims", "elsewhere", "diff", "HEAD~1", "HEAD"],
            "`elsewhere` does not exist at revision `HEAD~1`".into(),
            "pick a later revision, or check `--claims`",
        ),
        (
            &[
                "--claims",
                outside.path().to_str().unwrap(),
                "diff",
                "HEAD~1",
                "HEAD",
            ],
            format!(
                "`HEAD~1` is not a directory, and `{}` is not in a git repository",
                outside.path().display()
            ),
            "point `--claims` at the claims directory inside the repository",
        ),
    ];
    for (args, error, help) in cases {
        Test::new()
            .current_dir(repo.path())
            .args(args)
            .status(2)
            .stdout("")
            .stderr(&format!("error: {error}\n  = help: {help}\n"))
            .run();
    }
}

#[test]
fn without_git_revisions_are_refused_and_directories_still_work() {
    let dir = versions();
    let empty = tempfile::tempdir().unwrap();
    let no_git = empty.path().to_str().unwrap();
    Test::new()
        .current_dir(dir.path())
        .env("PATH", no_git)
        .args(&["diff", "HEAD~1", "new"])
        .status(2)
        .stdout("")
        .stderr("error: `HEAD~1` is not a directory, and `git` is not installed to read it as a revision\n  = help: install git, or give two directories of claim files\n")
        .run();
    Test::new()
        .current_dir(dir.path())
        .env("PATH", no_git)
        .args(&["diff", "old", "new"])
        .stdout(TEXT)
        .run();
}

#[test]
fn invalid_claim_files_stop_the_diff_with_their_diagnostics() {
    let dir = versions();
    std::fs::write(dir.path().join("new/claims.yaml"), "claims:\n  - id: x\n").unwrap();
    Test::new()
        .current_dir(dir.path())
        .args(&["diff", "old", "new"])
        .status(1)
        .stderr_contains("new/claims.yaml:2:")
        .run();
}

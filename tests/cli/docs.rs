//! Every command example in the docs runs, and prints what the docs say it prints.
//!
//! The README and every page under `docs/src/` are read for fenced blocks whose info string is
//! `console`. In such a block, a line `$ claimgraph ARGS` is a command, an optional next line
//! `? N` its exit code (default 0), and the lines up to the next `$ ` line or the end of the
//! block (blank lines at the end left out) what it prints: standard output and standard error as one stream, in the order a
//! terminal shows them. Two elisions keep long outputs short: a line `...` stands for any number
//! of lines, and a line ending in `…` for any line that starts with the text before it. This is
//! the `trycmd` convention (which writes `[..]` where we write a trailing `…`).
//!
//! Why not `trycmd` itself: it runs a Markdown file's commands in that file's directory (or a
//! `NAME.in/` beside it), while our examples run from the repository root against `claims/` and
//! `tests/data/`, and those that write files (`build`, `export -o`) must write into a scratch
//! copy, never into the repository. Both take a few lines here; the block syntax is trycmd's, so
//! moving to it later is mechanical.
//!
//! Each block runs in a fresh temporary directory holding a copy of `claims/` and of the
//! fixtures under `tests/data/` that its commands name (not all of `tests/data/`, whose
//! `external/` alone is 12 MB), with the load cache kept apart from the user's. Blocks of any
//! other kind (`sh`, `text`, `yaml`, ...) are not run.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::test::{copy_dir, root};

/// The directory copied into every block's scratch directory, relative to the root.
const CLAIMS: &str = "claims";

/// Where the fixtures are, relative to the root: a block gets a copy of each one it names.
const FIXTURES: &str = "tests/data/";

/// What a command line may start with: the program, as a reader would run it.
const PROGRAMS: &[&str] = &["claimgraph", "cargo run --release --"];

/// One `$ ` line of a console block and what it should print.
#[derive(Debug, Clone, PartialEq)]
struct Example {
    /// Line number of the `$ ` line in its file, from 1.
    line: usize,
    /// The command line after `$ `.
    command: String,
    /// The expected exit code.
    status: i32,
    /// The expected output lines (with elisions).
    expected: Vec<String>,
}

/// A console block: its examples run one after the other in the same scratch directory.
#[derive(Debug, Clone, PartialEq)]
struct Block {
    /// Line number of the opening fence, from 1.
    line: usize,
    examples: Vec<Example>,
}

/// The Markdown files whose examples are run: the README and `docs/src/**/*.md`.
fn doc_files() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md")];
    let mut dirs = vec![root().join("docs/src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// A code fence: its indentation, its run of backticks and its info string.
fn fence(line: &str) -> Option<(usize, usize, &str)> {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
    (ticks >= 3).then(|| (indent, ticks, trimmed[ticks..].trim()))
}

/// The console blocks of a Markdown text.
fn blocks(text: &str) -> Vec<Block> {
    let mut found = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let Some((indent, ticks, info)) = fence(line) else {
            continue;
        };
        let mut body = Vec::new();
        for (j, inner) in lines.by_ref() {
            if fence(inner).is_some_and(|(_, t, rest)| t >= ticks && rest.is_empty()) {
                break;
            }
            let strip = inner.len() - inner.trim_start().len();
            body.push((j + 1, &inner[strip.min(indent)..]));
        }
        if info == "console" {
            found.push(Block {
                line: i + 1,
                examples: examples(&body),
            });
        }
    }
    found
}

/// The examples in a console block's lines.
fn examples(body: &[(usize, &str)]) -> Vec<Example> {
    let mut found: Vec<Example> = Vec::new();
    for &(line, text) in body {
        if let Some(command) = text.strip_prefix("$ ") {
            found.push(Example {
                line,
                command: command.to_string(),
                status: 0,
                expected: Vec::new(),
            });
        } else if let Some(last) = found.last_mut() {
            match text.strip_prefix("? ").map(str::parse) {
                Some(Ok(status)) if last.expected.is_empty() => last.status = status,
                _ => last.expected.push(text.to_string()),
            }
        }
    }
    for example in &mut found {
        trim_blank_end(&mut example.expected);
    }
    found
}

/// `lines` without blank lines at the end (they only space out a block).
fn trim_blank_end<T: AsRef<str>>(lines: &mut Vec<T>) {
    while lines.last().is_some_and(|l| l.as_ref().trim().is_empty()) {
        lines.pop();
    }
}

/// The words of a command line: split at spaces, with `'...'` and `"..."` quoting.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_default().push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_default();
            }
            (None, ' ') => words.extend(word.take()),
            (None, c) => word.get_or_insert_default().push(c),
        }
    }
    words.extend(word);
    words
}

/// The arguments to the binary of a command line, or `None` when it runs another program.
fn arguments(command: &str) -> Option<Vec<String>> {
    let rest = PROGRAMS
        .iter()
        .find_map(|p| command.strip_prefix(p).filter(|r| r.starts_with(' ')))?;
    Some(words(rest))
}

/// Whether `actual` lines match `expected`, where `...` matches any lines and a line ending in
/// `…` any line starting with what comes before it.
fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == "..." => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual.split_first().is_some_and(|(line, more)| {
            let same = match first.strip_suffix('…') {
                Some(prefix) => line.starts_with(prefix),
                None => line == first,
            };
            same && matches(rest, more)
        }),
    }
}

/// The fixtures `block`'s commands name (`tests/data/small` for `tests/data/small/claims.yaml`),
/// relative to the root, each once.
fn fixtures(block: &Block) -> Vec<String> {
    let mut found: Vec<String> = block
        .examples
        .iter()
        .flat_map(|example| words(&example.command))
        .filter_map(|word| {
            let (_, path) = word.split_once(FIXTURES)?;
            let name = path.split('/').next()?;
            (!name.is_empty()).then(|| format!("{FIXTURES}{name}"))
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

/// A scratch directory with copies of `claims/` and of the fixtures `block` names.
fn scratch(block: &Block) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for fixture in std::iter::once(CLAIMS.to_string()).chain(fixtures(block)) {
        let from = root().join(&fixture);
        let to = dir.path().join(&fixture);
        if from.is_dir() {
            copy_dir(&from, &to);
        } else if from.is_file() {
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(&from, &to).unwrap();
        }
    }
    dir
}

/// Runs `args` in `dir`: exit code, and stdout and stderr as one stream.
fn run(dir: &Path, args: &[String]) -> (i32, String) {
    let bin = assert_cmd::cargo::cargo_bin("claimgraph");
    let out = Command::new("/bin/sh")
        .arg("-c")
        .arg("exec \"$0\" \"$@\" 2>&1")
        .arg(bin)
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("CLAIMGRAPH_CACHE_DIR", dir.join(".cache"))
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code().unwrap_or(-1), text)
}

/// Runs a block's examples; a message for each that fails.
fn check_block(file: &str, block: &Block) -> Vec<String> {
    let dir = scratch(block);
    let mut failures = Vec::new();
    for example in &block.examples {
        let Some(args) = arguments(&example.command) else {
            failures.push(format!(
                "{file}:{}: `{}` does not run claimgraph (start it with `claimgraph `)",
                example.line, example.command
            ));
            continue;
        };
        let (status, output) = run(dir.path(), &args);
        let mut lines: Vec<&str> = output.lines().collect();
        trim_blank_end(&mut lines);
        let what = if status != example.status {
            format!("exited with {status}, not {}", example.status)
        } else if !matches(&example.expected, &lines) {
            "printed something else".to_string()
        } else {
            continue;
        };
        failures.push(format!(
            "{file}:{}: `{}` {what}; it printed:\n{output}",
            example.line, example.command
        ));
    }
    failures
}

#[test]
fn every_console_example_in_the_docs_prints_what_it_shows() {
    let mut failures = Vec::new();
    let mut count = 0;
    for path in doc_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path.strip_prefix(root()).unwrap().display().to_string();
        for block in blocks(&text) {
            count += block.examples.len();
            if block.examples.is_empty() {
                failures.push(format!(
                    "{file}:{}: a console block with no `$ ` line",
                    block.line
                ));
            }
            failures.extend(check_block(&file, &block));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} doc examples fail (the output shown is what the command printed):\n\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        count >= 60,
        "only {count} examples found: is the parser broken?"
    );
    eprintln!("{count} doc examples run");
}

#[cfg(test)]
mod unit {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(String::from).collect()
    }

    #[track_caller]
    fn case(expected: &str, actual: &str, want: bool) {
        let actual: Vec<&str> = actual.lines().collect();
        assert_eq!(
            matches(&lines(expected), &actual),
            want,
            "{expected:?} vs {actual:?}"
        );
    }

    #[test]
    fn matching_with_elisions() {
        case("a\nb", "a\nb", true);
        case("a\nb", "a\nc", false);
        case("a", "a\nb", false);
        case("a\n...\nd", "a\nb\nc\nd", true);
        case("a\n...\nd", "a\nd", true);
        case("a\n...\nd", "a\nb\nc", false);
        case("...", "", true);
        case("long li…", "long line here", true);
        case("long li…", "short line", false);
        case("a…\n...", "abc\nx\ny", true);
    }

    #[test]
    fn a_block_gets_the_fixtures_it_names() {
        let example = |command: &str| Example {
            line: 1,
            command: command.into(),
            status: 0,
            expected: Vec::new(),
        };
        let block = Block {
            line: 1,
            examples: vec![
                example("claimgraph check tests/data/broken/syntax.yaml"),
                example("claimgraph --claims=tests/data/small list"),
                example("claimgraph check tests/data/broken/"),
                example("claimgraph export dot -o out.dot"),
            ],
        };
        assert_eq!(fixtures(&block), ["tests/data/broken", "tests/data/small"]);
    }

    #[test]
    fn words_follow_shell_quoting() {
        assert_eq!(
            words("list --where 'tag = compute' -o \"a b\"  x"),
            ["list", "--where", "tag = compute", "-o", "a b", "x"]
        );
        assert_eq!(arguments("claimgraph check"), Some(vec!["check".into()]));
        assert_eq!(
            arguments("cargo run --release -- build"),
            Some(vec!["build".into()])
        );
        assert_eq!(arguments("claimgraphs check"), None);
        assert_eq!(arguments("ls"), None);
    }

    #[test]
    fn console_blocks_are_found_with_their_examples() {
        let text = "text\n```console\n$ claimgraph check\n? 1\nerror\n\n$ claimgraph x\n```\n\
                    ```sh\n$ claimgraph no\n```\n  ```console\n  $ claimgraph indented\n  out\n  ```\n\
                    ````markdown\n```console\n$ claimgraph inside\n```\n````\n";
        let found = blocks(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].line, 2);
        assert_eq!(
            found[0].examples,
            [
                Example {
                    line: 3,
                    command: "claimgraph check".into(),
                    status: 1,
                    expected: lines("error\n"),
                },
                Example {
                    line: 7,
                    command: "claimgraph x".into(),
                    status: 0,
                    expected: vec![],
                },
            ]
        );
        assert_eq!(found[1].examples[0].command, "claimgraph indented");
        assert_eq!(found[1].examples[0].expected, ["out"]);
    }
}

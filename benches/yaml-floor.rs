//! The YAML parse floor: every `*.yaml` file of a claims directory deserialised on one thread
//! into plain serde structs mirroring format v1 (no positions, no checks, no graph), the
//! baseline `check --no-cache` on the same directory is measured against (issue 17, item 2).
//!
//! ```text
//! cargo run --release --example yaml-floor -- serde_yaml DIR
//! cargo run --release --example yaml-floor -- serde-saphyr DIR
//! ```
//!
//! `serde_yaml` (libyaml underneath) is the crate the design first named; `serde-saphyr` is the
//! one claimgraph parses with (for value positions and the alias-bomb guard). The files are
//! read into memory first (timed apart, as `read`); the parse is timed alone. Prints the number
//! of sources and claims, so the work cannot be optimised away.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde::Deserialize;

#[path = "support/plain.rs"]
mod plain;

use plain::{Citation, Verdict};

#[derive(Deserialize)]
#[allow(dead_code)]
struct File {
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    claims: Vec<Claim>,
    #[serde(default)]
    relations: Vec<Relation>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Source {
    id: String,
    name: String,
    kind: Option<String>,
    description: Option<String>,
    url: Option<String>,
    date: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Claim {
    id: String,
    text: String,
    by: Option<String>,
    #[serde(default)]
    sources: Vec<Citation>,
    date: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    confidence: Option<f64>,
    verdict: Option<Verdict>,
    #[serde(default)]
    supports: Vec<String>,
    #[serde(default)]
    contradicts: Vec<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Relation {
    from: String,
    to: String,
    kind: String,
    strength: Option<f64>,
    note: Option<String>,
}

/// The parsers measured.
#[derive(Clone, Copy)]
enum Parser {
    SerdeYaml,
    SerdeSaphyr,
}

impl Parser {
    fn parse(self, text: &str) -> Result<File, String> {
        match self {
            Parser::SerdeYaml => serde_yaml::from_str(text).map_err(|e| e.to_string()),
            Parser::SerdeSaphyr => serde_saphyr::from_str(text).map_err(|e| e.to_string()),
        }
    }
}

fn yaml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

fn run(parser: Parser, dir: &Path) -> Result<String, String> {
    let start = Instant::now();
    let paths = yaml_files(dir).map_err(|e| format!("cannot list `{}`: {e}", dir.display()))?;
    let texts = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).map_err(|e| format!("`{}`: {e}", p.display())))
        .collect::<Result<Vec<String>, String>>()?;
    let read = start.elapsed();
    let start = Instant::now();
    let (mut sources, mut claims) = (0, 0);
    for (path, text) in paths.iter().zip(&texts) {
        let file = parser
            .parse(text)
            .map_err(|e| format!("`{}`: {e}", path.display()))?;
        sources += file.sources.len();
        claims += file.claims.len();
    }
    let parse = start.elapsed();
    Ok(format!(
        "{} files, {sources} sources, {claims} claims: read {:.3} s, parse {:.3} s",
        paths.len(),
        read.as_secs_f64(),
        parse.as_secs_f64()
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parser = match args.first().map(String::as_str) {
        Some("serde_yaml") => Parser::SerdeYaml,
        Some("serde-saphyr") => Parser::SerdeSaphyr,
        _ => {
            eprintln!("usage: yaml-floor serde_yaml|serde-saphyr DIR");
            return ExitCode::from(2);
        }
    };
    let Some(dir) = args.get(1) else {
        eprintln!("usage: yaml-floor serde_yaml|serde-saphyr DIR");
        return ExitCode::from(2);
    };
    match run(parser, Path::new(dir)) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

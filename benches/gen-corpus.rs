//! Writes a deterministic synthetic corpus for benchmarks.
//!
//! ```text
//! cargo run --release --example gen-corpus -- N DIR [--seed S] [--argdown FILE] [--jsonl]
//! ```
//!
//! `N` claims as format-v1 files under `DIR` (YAML files of 500 claims; with `--jsonl`, one
//! JSON Lines file `DIR/claims.jsonl` instead); with `--argdown`, the same graph as one Argdown
//! document. See `benches/corpus/mod.rs` for the shape.

#[path = "corpus/mod.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("error: {msg}");
            eprintln!("usage: gen-corpus N DIR [--seed S] [--argdown FILE] [--jsonl]");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut positional = Vec::new();
    let mut seed = 7;
    let mut argdown = None;
    let mut jsonl = false;
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seed" => {
                let s = it.next().ok_or("`--seed` needs a value")?;
                seed = s.parse().map_err(|_| format!("invalid seed `{s}`"))?;
            }
            "--argdown" => {
                argdown = Some(PathBuf::from(it.next().ok_or("`--argdown` needs a file")?))
            }
            "--jsonl" => jsonl = true,
            _ => positional.push(arg),
        }
    }
    let [n, dir] = positional.as_slice() else {
        return Err("expected N and DIR".into());
    };
    let n: usize = n
        .parse()
        .map_err(|_| format!("invalid claim count `{n}`"))?;
    let corpus = corpus::Corpus::generate(n, seed);
    let written = if jsonl {
        write_jsonl(&corpus, &PathBuf::from(dir))
    } else {
        corpus.write_yaml(&PathBuf::from(dir))
    };
    written.map_err(|e| format!("cannot write `{dir}`: {e}"))?;
    if let Some(path) = argdown {
        std::fs::write(&path, corpus.argdown())
            .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    }
    eprintln!(
        "wrote {} claims, {} sources, {} relations to {dir}",
        corpus.len(),
        corpus.sources,
        corpus.relations()
    );
    Ok(())
}

/// Writes `DIR/claims.jsonl` (the directory created if missing), line by line.
fn write_jsonl(corpus: &corpus::Corpus, dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let file = std::fs::File::create(dir.join("claims.jsonl"))?;
    let mut out = std::io::BufWriter::new(file);
    corpus.write_jsonl(&mut out)?;
    std::io::Write::flush(&mut out)
}

//! `claimgraph import FORMAT FILE... -o claims/NAME.yaml`: other tools' files as a claim file.
//!
//! The claim file is YAML, or JSON or JSON Lines when `-o` names a `.json` or `.jsonl` file.
//! A YAML or JSON file is checked by loading it back before anything is written; a JSON Lines
//! file, which may be large, is written line by line as it is made (its writer is tested to
//! load back the same corpus). Every output is written atomically; an existing file is
//! replaced only with `--force`.

use std::path::{Path, PathBuf};

use super::args::ImportArgs;
use super::export::report_losses;
use super::stderr::note;
use super::{Context, Failure, output, print_diagnostics, target};
use crate::format::{self, ImportError};
use crate::fsutil::ReadError;
use crate::load;

/// Runs `import`.
pub fn run(ctx: &Context, args: &ImportArgs) -> Result<(), Failure> {
    let format = args.format;
    if let Some(path) = &args.output {
        target::refuse_input(path, args.files.iter().map(PathBuf::as_path))?;
    }
    if let Some(path) = args.output.as_ref().filter(|p| p.exists() && !args.force) {
        return Err(Failure::Usage(
            format!("`{}` exists; refusing to overwrite it", path.display()),
            Some("pass `--force` to replace it, or choose another `-o FILE`".into()),
        ));
    }
    let mut inputs: Vec<(PathBuf, String)> = Vec::new();
    for path in &args.files {
        inputs.push((path.clone(), read(path, ctx)?));
    }
    let imported = match format::import(format, &inputs) {
        Ok(imported) => imported,
        Err(ImportError::Invalid(diagnostics)) => {
            print_diagnostics(ctx, &diagnostics, inputs.len(), true);
            return Err(Failure::Invalid);
        }
        Err(e) => return Err(crate::Error::from(e).into()),
    };
    report_losses(format, &imported.losses, args.strict)?;
    let corpus = &imported.corpus;
    if let Some(path) = args.output.as_deref().filter(|p| has_extension(p, "jsonl")) {
        // Written line by line as it is made: a large import is never held as one text.
        target::create_parent(path)?;
        output::file_with(path, |w| format::jsonl::write(corpus, w))?;
        note_imported(corpus);
        return Ok(());
    }
    let text = match args.output.as_deref() {
        Some(path) if has_extension(path, "json") => format::json::corpus_to_json(corpus),
        _ => {
            let names: Vec<String> = args.files.iter().map(|p| p.display().to_string()).collect();
            let header = vec![format!(
                "Imported by `claimgraph import {format}` from {}.",
                names.join(", ")
            )];
            format::yaml::to_claim_file(corpus, &header)
        }
    };
    let target = args.output.clone().unwrap_or_else(|| "<stdout>".into());
    let check = load::load_text(&target, &text);
    if check.has_errors() {
        print_diagnostics(ctx, &check.diagnostics, 1, true);
        return Err(crate::Error::Internal("the imported claims did not load back").into());
    }
    note_imported(corpus);
    match &args.output {
        Some(path) => target::create_parent(path).and_then(|()| output::file(path, &text)),
        None => output::stdout(&text),
    }
}

fn note_imported(corpus: &crate::model::Corpus) {
    note!(
        "imported {} claims, {} sources, {} relations",
        corpus.claims.len(),
        corpus.sources.len(),
        corpus.relations.len()
    );
}

/// Whether `path`'s name ends in `.ext`: the claim file syntax written (`.jsonl`, `.json`,
/// otherwise YAML).
fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension().and_then(|e| e.to_str()) == Some(ext)
}

/// The text of one file to import: a regular file within the claim file size limit, in UTF-8.
fn read(path: &std::path::Path, ctx: &Context) -> Result<String, Failure> {
    let limit = ctx.max_file_size.unwrap_or(load::MAX_FILE_SIZE);
    let io = |source| {
        Failure::Error(crate::Error::Io {
            action: "read",
            path: path.to_path_buf(),
            source,
        })
    };
    let (_, bytes) = crate::fsutil::read_regular(path, limit).map_err(|e| match e {
        ReadError::Io(e) => io(e),
        e => io(std::io::Error::other(e.to_string())),
    })?;
    String::from_utf8(bytes)
        .map_err(|e| io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

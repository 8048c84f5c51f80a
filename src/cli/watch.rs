//! `claimgraph watch`: rebuild the output whenever a claim file changes.
//!
//! Each rebuild is exactly `claimgraph build` (see [`super::build`]): it loads the claims
//! afresh, prints their diagnostics, and writes only when they check, so a broken edit leaves
//! the last good output in place until the files are valid again. The load cache cannot serve
//! stale data: it takes a file from the cache only when its content hash matches the bytes just
//! read.
//!
//! Changes are debounced (an editor's burst of writes costs one rebuild), and only changes
//! count: the watcher also reports files being opened and read, by the rebuild itself among
//! others, and rebuilding on those would never stop.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecursiveMode, Watcher};

use super::args::{BuildArgs, Cli};
use super::stderr::note;
use super::{Context, Failure};

/// How long the claim files must be quiet before a rebuild.
const QUIET: Duration = Duration::from_millis(300);

/// Runs `watch` until interrupted.
pub fn run(cli: &Cli, ctx: &Context, args: &BuildArgs) -> Result<(), Failure> {
    let (tx, rx) = mpsc::channel();
    let claims = std::fs::canonicalize(&cli.claims).map_err(|e| watch_failed(&cli.claims, e))?;
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| watch_failed(&claims, e))?;
    watcher
        .watch(&claims, RecursiveMode::Recursive)
        .map_err(|e| watch_failed(&cli.claims, e))?;
    rebuild(ctx, cli, args);
    // Events carry absolute paths (the watched directory is), so compare with an absolute `out`.
    let out = std::fs::canonicalize(&args.out)
        .or_else(|_| std::path::absolute(&args.out))
        .unwrap_or_else(|_| args.out.clone());
    while let Ok(first) = rx.recv() {
        let mut changed = is_change(&first, &out, &claims);
        loop {
            match rx.recv_timeout(QUIET) {
                Ok(event) => changed |= is_change(&event, &out, &claims),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
        if changed {
            rebuild(ctx, cli, args);
        }
    }
    Ok(())
}

/// One build; its failures are reported and the watch goes on.
fn rebuild(ctx: &Context, cli: &Cli, args: &BuildArgs) {
    match super::build::run(cli, ctx, args) {
        Ok(()) => {}
        Err(Failure::Invalid) => note!(
            "{} keeps the last good build; waiting for the claim files to be fixed",
            args.out.display()
        ),
        Err(Failure::Usage(msg, hint)) => super::print_error(ctx, &msg, hint.as_deref()),
        Err(Failure::Error(e)) => super::print_error(ctx, &e.to_string(), e.hint().as_deref()),
        Err(Failure::BrokenPipe) => {}
    }
    note!(
        "watching {} for changes (Ctrl-C to stop)",
        cli.claims.display()
    );
}

/// Whether `event` changed a claim file (`*.yaml`, `*.yml`) outside the output directory `out`
/// (which may sit inside the claims directory), or the claims directory itself. Watcher errors
/// are reported and count as changes, so nothing is missed.
fn is_change(event: &notify::Result<Event>, out: &Path, claims: &Path) -> bool {
    let event = match event {
        Ok(event) => event,
        Err(e) => {
            note!("warning: watching {}: {e}", claims.display());
            return true;
        }
    };
    let writes = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    };
    let claim_file = |path: &PathBuf| {
        let yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        (yaml && !path.starts_with(out)) || path == claims
    };
    writes && event.paths.iter().any(claim_file)
}

fn watch_failed(dir: &Path, e: impl std::fmt::Display) -> Failure {
    Failure::Usage(
        format!("cannot watch `{}`: {e}", dir.display()),
        Some("pass an existing directory with `--claims DIR`".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, ModifyKind, RemoveKind};

    #[track_caller]
    fn case(kind: EventKind, path: &str, expected: bool) {
        let event = Ok(Event::new(kind).add_path(PathBuf::from(path)));
        let (out, claims) = (Path::new("/claims/output"), Path::new("/claims"));
        assert_eq!(is_change(&event, out, claims), expected, "{kind:?} {path}");
    }

    #[test]
    fn only_changes_to_claim_files_outside_the_output_count() {
        let modify = EventKind::Modify(ModifyKind::Any);
        case(modify, "/claims/a.yaml", true);
        case(modify, "/claims/deep/b.yml", true);
        case(EventKind::Create(CreateKind::File), "/claims/c.yaml", true);
        case(EventKind::Remove(RemoveKind::File), "/claims/c.yaml", true);
        case(EventKind::Remove(RemoveKind::Folder), "/claims", true);
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        case(closed, "/claims/a.yaml", true);
        // Reading is no change (the rebuild reads every file).
        let read = EventKind::Access(AccessKind::Open(AccessMode::Any));
        case(read, "/claims/a.yaml", false);
        case(
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            "/claims/a.yaml",
            false,
        );
        // Editors' swap files, and the output inside the claims directory.
        case(modify, "/claims/.a.yaml.swp", false);
        case(modify, "/claims/4913", false);
        case(modify, "/claims/output/all.svg", false);
        case(modify, "/claims/output/x.yaml", false);
    }
}

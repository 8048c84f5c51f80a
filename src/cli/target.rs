//! Where `-o FILE` writes: never over an input, and into a directory made on the way.
//!
//! `export -o claims/a.yaml` once replaced a claim file with a diagram, and `import json x.json
//! -o x.json --force` replaced its own input. A target that is one of the files the command read
//! (by device and inode, so another spelling of the path does not slip through) is refused before
//! anything is written.

use std::path::Path;

use super::Failure;

/// Refuses `target` when it is one of `inputs` (exit code 2, nothing written).
pub fn refuse_input<'a>(
    target: &Path,
    mut inputs: impl Iterator<Item = &'a Path>,
) -> Result<(), Failure> {
    match inputs.find(|input| crate::fsutil::same_file(target, input)) {
        None => Ok(()),
        Some(input) => Err(Failure::Usage(
            format!(
                "`{}` is `{}`, one of the files this command reads; refusing to overwrite it",
                target.display(),
                input.display()
            ),
            Some("choose another `-o FILE`, for example one under `output/`".into()),
        )),
    }
}

/// Creates the directory `path` goes into, if missing (as `build --out` does).
pub fn create_parent(path: &Path) -> Result<(), Failure> {
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    std::fs::create_dir_all(dir).map_err(|source| {
        Failure::Error(crate::Error::Io {
            action: "create the directory",
            path: dir.to_path_buf(),
            source,
        })
    })
}

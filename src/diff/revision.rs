//! Reading the claims directory as it was at a git revision.
//!
//! `git` itself does the reading (`rev-parse`, `ls-tree`, `cat-file --batch`): one process
//! per step, whatever the number of files, and the user's own git answers for revision syntax,
//! worktrees and packed refs. We measured it against the gix crate; see the `diff` section of
//! the manual for the figures. The files are written into a private temporary directory, then
//! loaded like any other claim files; the directory is removed when the [`Checkout`] is dropped.

use std::io::{BufRead, BufReader, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

/// Why a revision could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RevisionError {
    /// `git` is not installed.
    #[error("`{spec}` is not a directory, and `git` is not installed to read it as a revision")]
    NoGit {
        /// The argument as given.
        spec: String,
    },
    /// The claims path is in no git repository.
    #[error("`{spec}` is not a directory, and `{claims}` is not in a git repository")]
    NoRepository {
        /// The argument as given.
        spec: String,
        /// The claims path.
        claims: PathBuf,
    },
    /// The claims path is outside the repository found.
    #[error("`{claims}` is outside the git repository at `{repo}`")]
    Outside {
        /// The claims path.
        claims: PathBuf,
        /// The repository's top directory.
        repo: PathBuf,
    },
    /// The argument names no commit.
    #[error("`{spec}` is neither a directory nor a revision of the git repository at `{repo}`")]
    Unknown {
        /// The argument as given.
        spec: String,
        /// The repository's top directory.
        repo: PathBuf,
    },
    /// The claims path did not exist at that revision.
    #[error("`{path}` does not exist at revision `{spec}`")]
    Missing {
        /// The path inside the repository.
        path: String,
        /// The revision as given.
        spec: String,
    },
    /// Running git or writing the files failed.
    #[error("cannot read revision `{spec}`: {detail}")]
    Git {
        /// The revision as given.
        spec: String,
        /// What went wrong.
        detail: String,
    },
}

impl RevisionError {
    /// A hint for the user, when there is one.
    pub fn hint(&self) -> Option<String> {
        match self {
            RevisionError::NoGit { .. } => {
                Some("install git, or give two directories of claim files".into())
            }
            RevisionError::NoRepository { .. } | RevisionError::Outside { .. } => {
                Some("point `--claims` at the claims directory inside the repository".into())
            }
            RevisionError::Unknown { .. } => {
                Some("`git log --oneline` lists the commits; a directory must exist".into())
            }
            RevisionError::Missing { .. } => {
                Some("pick a later revision, or check `--claims`".into())
            }
            RevisionError::Git { .. } => None,
        }
    }
}

/// Claim files written out from a revision; removed from disk when dropped.
#[derive(Debug)]
pub struct Checkout {
    dir: tempfile::TempDir,
    claims: PathBuf,
    commit: String,
}

impl Checkout {
    /// The claims path inside the checkout: load this.
    pub fn claims(&self) -> &Path {
        &self.claims
    }

    /// The full commit id the revision named.
    pub fn commit(&self) -> &str {
        &self.commit
    }

    /// The temporary directory everything was written under.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }
}

/// Writes out `claims` (a directory or file inside a git work tree) as it was at revision
/// `spec` of that repository.
///
/// # Errors
/// A [`RevisionError`] for each way this can fail: no git, no repository, a path outside it,
/// an unknown revision, a path missing at that revision, or git failing.
pub fn checkout(spec: &str, claims: &Path) -> Result<Checkout, RevisionError> {
    let (repo, prefix) = locate(spec, claims)?;
    let commit = commit(spec, &repo)?;
    let entries = list(spec, &repo, &commit, &prefix)?;
    if entries.is_empty() {
        return Err(RevisionError::Missing {
            path: if prefix.is_empty() {
                ".".into()
            } else {
                prefix
            },
            spec: spec.into(),
        });
    }
    let git_err = |detail: String| RevisionError::Git {
        spec: spec.into(),
        detail,
    };
    let dir = tempfile::Builder::new()
        .prefix("claimgraph-diff-")
        .tempdir()
        .map_err(|e| git_err(format!("cannot make a temporary directory: {e}")))?;
    write_blobs(&repo, &entries, dir.path()).map_err(git_err)?;
    let claims = dir.path().join(&prefix);
    Ok(Checkout {
        dir,
        claims,
        commit,
    })
}

/// The repository's top directory, and `claims` relative to it (`/`-separated, `""` for the
/// top itself).
fn locate(spec: &str, claims: &Path) -> Result<(PathBuf, String), RevisionError> {
    let absolute = std::path::absolute(claims).unwrap_or_else(|_| claims.to_path_buf());
    // The nearest directory that exists now: the claims may be gone from the work tree.
    let mut anchor = absolute.as_path();
    while !anchor.is_dir() {
        anchor = anchor.parent().unwrap_or(Path::new("/"));
    }
    let no_repo = || RevisionError::NoRepository {
        spec: spec.into(),
        claims: claims.to_path_buf(),
    };
    let top = git(anchor, &["rev-parse", "--show-toplevel"], spec)?.ok_or_else(no_repo)?;
    let repo = PathBuf::from(top.trim_end_matches('\n'));
    let repo = repo.canonicalize().unwrap_or(repo);
    let real = anchor
        .canonicalize()
        .unwrap_or_else(|_| anchor.to_path_buf());
    let rest = absolute.strip_prefix(anchor).unwrap_or(Path::new(""));
    let outside = || RevisionError::Outside {
        claims: claims.to_path_buf(),
        repo: repo.clone(),
    };
    let relative = real.join(rest);
    let relative = relative.strip_prefix(&repo).map_err(|_| outside())?;
    let mut parts = Vec::new();
    for c in relative.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => return Err(outside()),
        }
    }
    Ok((repo, parts.join("/")))
}

/// The commit `spec` names in `repo`.
fn commit(spec: &str, repo: &Path) -> Result<String, RevisionError> {
    let unknown = || RevisionError::Unknown {
        spec: spec.into(),
        repo: repo.to_path_buf(),
    };
    if spec.is_empty() || spec.starts_with('-') {
        return Err(unknown());
    }
    let peeled = format!("{spec}^{{commit}}");
    let args = [
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &peeled,
    ];
    let out = git(repo, &args, spec)?.ok_or_else(unknown)?;
    Ok(out.trim_end_matches('\n').to_string())
}

/// One file of the tree: its object id and path inside the repository.
struct Entry {
    oid: String,
    path: String,
}

/// The regular files under `prefix` at `commit` (links and submodules are left out).
fn list(spec: &str, repo: &Path, commit: &str, prefix: &str) -> Result<Vec<Entry>, RevisionError> {
    let mut args = vec!["ls-tree", "-r", "-z", "--full-tree", commit];
    if !prefix.is_empty() {
        args.extend(["--", prefix]);
    }
    let out = git(repo, &args, spec)?.ok_or_else(|| RevisionError::Git {
        spec: spec.into(),
        detail: "`git ls-tree` failed".into(),
    })?;
    Ok(out.split('\0').filter_map(parse_entry).collect())
}

/// `<mode> <type> <oid>\t<path>`, kept when it is a regular file.
fn parse_entry(line: &str) -> Option<Entry> {
    let (meta, path) = line.split_once('\t')?;
    let mut meta = meta.split(' ');
    let mode = meta.next()?;
    let (kind, oid) = (meta.next()?, meta.next()?);
    (kind == "blob" && (mode == "100644" || mode == "100755")).then(|| Entry {
        oid: oid.to_string(),
        path: path.to_string(),
    })
}

/// Runs git in `dir`: `Ok(Some(stdout))` on success, `Ok(None)` when it exits non-zero.
fn git(dir: &Path, args: &[&str], spec: &str) -> Result<Option<String>, RevisionError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => RevisionError::NoGit { spec: spec.into() },
            _ => RevisionError::Git {
                spec: spec.into(),
                detail: format!("cannot run `git`: {e}"),
            },
        })?;
    Ok(out
        .status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned()))
}

/// Writes every entry's content under `root`, read through one `git cat-file --batch`.
fn write_blobs(repo: &Path, entries: &[Entry], root: &Path) -> Result<(), String> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run `git cat-file`: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no pipe to `git cat-file`")?;
    let oids: String = entries.iter().map(|e| format!("{}\n", e.oid)).collect();
    let feeder = std::thread::spawn(move || stdin.write_all(oids.as_bytes()));
    let stdout = child.stdout.take().ok_or("no pipe from `git cat-file`")?;
    let result = read_batch(BufReader::new(stdout), entries, root);
    let _ = feeder.join();
    let _ = child.wait();
    result
}

/// Reads `<oid> <type> <size>\n<content>\n` per entry and writes each file.
fn read_batch(mut out: impl BufRead, entries: &[Entry], root: &Path) -> Result<(), String> {
    let mut header = String::new();
    for entry in entries {
        header.clear();
        out.read_line(&mut header).map_err(|e| e.to_string())?;
        let size: usize = header
            .trim_end()
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("unexpected answer from `git cat-file`: {header:?}"))?;
        let mut content = vec![0; size + 1];
        out.read_exact(&mut content).map_err(|e| e.to_string())?;
        content.pop();
        let path = safe_join(root, &entry.path)
            .ok_or_else(|| format!("refusing the path `{}` in the tree", entry.path))?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&path, content).map_err(|e| format!("`{}`: {e}", path.display()))?;
    }
    Ok(())
}

/// `root` joined with a `/`-separated path from a tree, or `None` when a part of it could
/// leave `root` (empty, `.`, `..`, or holding a separator of this platform).
fn safe_join(root: &Path, path: &str) -> Option<PathBuf> {
    let mut joined = root.to_path_buf();
    for part in path.split('/') {
        let mut parts = Path::new(part).components();
        match (parts.next(), parts.next()) {
            (Some(Component::Normal(p)), None) if p == part => joined.push(p),
            _ => return None,
        }
    }
    Some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_join_keeps_paths_inside() {
        let root = Path::new("/r");
        assert_eq!(
            safe_join(root, "claims/a.yaml"),
            Some(PathBuf::from("/r/claims/a.yaml"))
        );
        for bad in ["../x", "a/../../x", "/etc/passwd", "a//b", "./a", ""] {
            assert_eq!(safe_join(root, bad), None, "{bad}");
        }
    }

    #[test]
    fn parse_entry_keeps_regular_files() {
        let e = parse_entry("100644 blob abc123\tclaims/a.yaml").expect("a file");
        assert_eq!(
            (e.oid.as_str(), e.path.as_str()),
            ("abc123", "claims/a.yaml")
        );
        assert!(parse_entry("120000 blob abc\tlink").is_none());
        assert!(parse_entry("160000 commit abc\tsub").is_none());
        assert!(parse_entry("").is_none());
    }
}

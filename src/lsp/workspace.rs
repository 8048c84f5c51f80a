//! The workspace: the claims directory as the editor sees it. Open documents are held as the
//! editor sent them (unsaved text wins over the file on disk). After an edit only the edited
//! document is parsed and scanned again (its ids are indexed at once). Resolving the whole
//! corpus from the kept parses, linting it as `check` lints it and evaluating it waits
//! ([`Workspace::refresh_if_stale`]) until the server has no message waiting or a request
//! needs the graph: on a large corpus that takes seconds, and a burst of keystrokes then costs
//! one refresh, not one each. Opening the workspace, saving without text and closing a
//! document read the directory again.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rayon::prelude::*;

use super::index::Index;
use crate::eval::{self, Label};
use crate::graph::ClaimGraph;
use crate::load::{self, Diagnostic, ParsedDocument};
use crate::model::Id;

/// How long the evaluation behind hover's labels may take on each change.
const EVAL_TIMEOUT: Duration = Duration::from_secs(2);

/// The claims directory, its open documents, and what was last loaded from them.
#[derive(Debug)]
pub struct Workspace {
    /// The claims directory (or file), absolute.
    root: PathBuf,
    open: HashMap<PathBuf, String>,
    /// Each document's parse, kept until its text changes.
    parsed: HashMap<PathBuf, ParsedDocument>,
    /// What finding and reading the files reported.
    unread: Vec<Diagnostic>,
    /// Whether a document changed since the last refresh (diagnostics, graph and labels are
    /// older than the texts and the index).
    stale: bool,
    state: State,
}

/// What one load of the workspace gave.
#[derive(Debug, Default)]
pub struct State {
    /// Every claim document's text, in load order.
    pub texts: BTreeMap<PathBuf, String>,
    /// `check`'s diagnostics, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The graph, when it could be built.
    pub graph: Option<ClaimGraph>,
    /// Each claim's label under grounded semantics (empty when evaluation timed out).
    pub labels: HashMap<Id, Label>,
    /// Where each id is written.
    pub index: Index,
}

impl Workspace {
    /// A workspace over the claims directory `root`, loaded once.
    pub fn new(root: PathBuf) -> Workspace {
        let root = std::fs::canonicalize(&root).unwrap_or(root);
        let mut workspace = Workspace {
            root,
            open: HashMap::new(),
            parsed: HashMap::new(),
            stale: false,
            unread: Vec::new(),
            state: State::default(),
        };
        workspace.reload();
        workspace
    }

    /// The last loaded state.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// Whether `path` is a claim document of this workspace (a `.yaml` or `.yml` file under
    /// the claims directory).
    pub fn contains(&self, path: &Path) -> bool {
        let yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        yaml && (path.starts_with(&self.root) || path == self.root)
    }

    /// The editor opened or changed `path`: its text is now `text`. Returns whether the
    /// workspace changed (documents outside it are ignored); only `path` is parsed again.
    pub fn set(&mut self, path: PathBuf, text: String) -> bool {
        if !self.contains(&path) {
            return false;
        }
        self.open.insert(path.clone(), text.clone());
        if self.state.texts.get(&path) != Some(&text) {
            self.parsed
                .insert(path.clone(), ParsedDocument::new(&path, &text));
            self.state.index.set(path.clone(), &text);
            self.state.texts.insert(path, text);
            self.stale = true;
        }
        true
    }

    /// The editor closed `path`: the file on disk counts again.
    pub fn close(&mut self, path: &Path) -> bool {
        if self.open.remove(path).is_none() {
            return false;
        }
        self.reload();
        true
    }

    /// Reads the directory again: the open documents from their text, the others from disk,
    /// each parsed and scanned.
    pub fn reload(&mut self) {
        let (paths, mut unread) = load::discover(&[&self.root]);
        let mut texts = BTreeMap::new();
        for path in paths {
            let text = match self.open.get(&path) {
                Some(text) => text.clone(),
                None => match load::read_text(&path) {
                    Ok(text) => text,
                    Err(d) => {
                        unread.push(d);
                        continue;
                    }
                },
            };
            texts.insert(path, text);
        }
        for (path, text) in &self.open {
            texts.entry(path.clone()).or_insert_with(|| text.clone());
        }
        self.parsed = texts
            .par_iter()
            .map(|(path, text)| (path.clone(), ParsedDocument::new(path, text)))
            .collect();
        self.state.index = Index::new(&texts);
        self.state.texts = texts;
        self.unread = unread;
        self.refresh();
    }

    /// Whether an edit waits for its refresh.
    pub fn is_stale(&self) -> bool {
        self.stale
    }

    /// Brings diagnostics, graph and labels up to the texts after an edit. Returns whether it
    /// had to (and the diagnostics may have changed).
    pub fn refresh_if_stale(&mut self) -> bool {
        let stale = self.stale;
        if stale {
            self.refresh();
        }
        stale
    }

    /// Resolves, lints and evaluates the kept parses, as `check` would the same files on disk.
    fn refresh(&mut self) {
        let docs: Vec<_> = (self.state.texts.iter())
            .filter_map(|(path, text)| Some((path, text, self.parsed.get(path)?)))
            .collect();
        let loaded = load::load_parsed(&docs);
        let (report, graph) = crate::check::check_loaded(loaded);
        let mut diagnostics = self.unread.clone();
        diagnostics.extend(report.diagnostics);
        diagnostics.sort();
        let settings = eval::Settings {
            timeout: Some(EVAL_TIMEOUT),
            ..eval::Settings::default()
        };
        self.state.labels = graph
            .as_ref()
            .and_then(|g| eval::labels_for(g, &settings).ok())
            .unwrap_or_default();
        self.state.diagnostics = diagnostics;
        self.state.graph = graph;
        self.stale = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLAIMS: &str = "claims:\n  - id: a\n    text: A.\n";

    #[test]
    fn an_edit_indexes_at_once_and_checks_on_refresh() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("claims.yaml");
        std::fs::write(&file, CLAIMS).unwrap();
        let mut workspace = Workspace::new(dir.path().to_path_buf());
        assert!(!workspace.is_stale());
        assert!(!workspace.refresh_if_stale());
        let before = workspace.state().diagnostics.clone();

        let edited = format!("{CLAIMS}  - id: b\n    text: B.\n    supports: [nowhere]\n");
        let file = std::fs::canonicalize(&file).unwrap();
        assert!(workspace.set(file.clone(), edited));
        // The id index already has the new claim; the diagnostics wait for the refresh.
        assert!(workspace.is_stale());
        assert!(workspace.state().index.declaration("b").is_some());
        assert_eq!(workspace.state().diagnostics, before);

        assert!(workspace.refresh_if_stale());
        assert!(!workspace.is_stale());
        let codes: Vec<_> = (workspace.state().diagnostics.iter())
            .map(|d| d.code)
            .collect();
        assert!(
            codes.contains(&load::Code::UnknownId),
            "{:#?}",
            workspace.state().diagnostics
        );
        assert!(!workspace.refresh_if_stale());
    }
}

//! The workspace: the claims directory as the editor sees it. Open documents are held as the
//! editor sent them (unsaved text wins over the file on disk); after every change the whole
//! directory is loaded again from those texts, linted as `check` lints it, evaluated, and
//! indexed, so every request reads a consistent state.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::index::Index;
use crate::eval::{self, Label};
use crate::graph::ClaimGraph;
use crate::load::{self, Diagnostic};
use crate::model::Id;

/// How long the evaluation behind hover's labels may take on each change.
const EVAL_TIMEOUT: Duration = Duration::from_secs(2);

/// The claims directory, its open documents, and what was last loaded from them.
#[derive(Debug)]
pub struct Workspace {
    /// The claims directory (or file), absolute.
    root: PathBuf,
    open: HashMap<PathBuf, String>,
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
    /// workspace was reloaded (documents outside it are ignored).
    pub fn set(&mut self, path: PathBuf, text: String) -> bool {
        if !self.contains(&path) {
            return false;
        }
        self.open.insert(path, text);
        self.reload();
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

    /// Loads every document again: the open ones from their text, the others from disk.
    pub fn reload(&mut self) {
        let (paths, mut diagnostics) = load::discover(&[&self.root]);
        let mut texts = BTreeMap::new();
        for path in paths {
            match self.open.get(&path) {
                Some(text) => {
                    texts.insert(path, text.clone());
                }
                None => match load::read_text(&path) {
                    Ok(text) => {
                        texts.insert(path, text);
                    }
                    Err(d) => diagnostics.push(d),
                },
            }
        }
        for (path, text) in &self.open {
            texts.entry(path.clone()).or_insert_with(|| text.clone());
        }
        self.state = load_state(texts, diagnostics);
    }
}

/// Loads, lints, evaluates and indexes `texts`, as `check` would the same files on disk.
fn load_state(texts: BTreeMap<PathBuf, String>, mut diagnostics: Vec<Diagnostic>) -> State {
    let docs: Vec<(PathBuf, String)> = texts.into_iter().collect();
    let loaded = load::load_documents(&docs);
    let (report, graph) = crate::check::check_loaded(loaded);
    diagnostics.extend(report.diagnostics);
    diagnostics.sort();
    let settings = eval::Settings {
        timeout: Some(EVAL_TIMEOUT),
        ..eval::Settings::default()
    };
    let labels = graph
        .as_ref()
        .and_then(|g| eval::labels_for(g, &settings).ok())
        .unwrap_or_default();
    let index = Index::new(&docs);
    State {
        texts: docs.into_iter().collect(),
        diagnostics,
        graph,
        labels,
        index,
    }
}

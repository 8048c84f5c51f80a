//! `check`'s diagnostics as the editor's: the same codes and messages, grouped by file, with
//! the hint on a line of its own. Every file that has any is published, not just the open
//! ones, so an edit that breaks another file shows there; a file that had some and has none
//! now is published empty, which clears it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use lsp_types::{DiagnosticSeverity, NumberOrString, PublishDiagnosticsParams};

use super::position;
use super::workspace::State;
use crate::load::{Diagnostic, Severity};

/// The diagnostics to publish for `state`, given the files published last time (which is
/// updated): one entry per file that has diagnostics or had some.
pub fn publish(state: &State, published: &mut BTreeSet<PathBuf>) -> Vec<PublishDiagnosticsParams> {
    let mut by_file: BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>> = BTreeMap::new();
    for d in &state.diagnostics {
        let text = state.texts.get(&d.location.file).map_or("", String::as_str);
        by_file
            .entry(d.location.file.clone())
            .or_default()
            .push(convert(text, d));
    }
    for gone in published.iter() {
        by_file.entry(gone.clone()).or_default();
    }
    *published = by_file
        .iter()
        .filter(|(_, ds)| !ds.is_empty())
        .map(|(p, _)| p.clone())
        .collect();
    by_file
        .into_iter()
        .filter_map(|(path, diagnostics)| {
            Some(PublishDiagnosticsParams::new(
                position::url(&path)?,
                diagnostics,
                None,
            ))
        })
        .collect()
}

/// One diagnostic in the editor's terms.
pub fn convert(text: &str, d: &Diagnostic) -> lsp_types::Diagnostic {
    let severity = match d.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
    };
    let message = match &d.hint {
        Some(hint) => format!("{}\nhint: {hint}", d.message),
        None => d.message.clone(),
    };
    lsp_types::Diagnostic {
        range: position::range(text, &d.location),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.code.as_str().to_owned())),
        source: Some("claimgraph".to_owned()),
        message,
        ..lsp_types::Diagnostic::default()
    }
}

//! Code actions: the fixes `check` already suggests, one click away. A diagnostic whose hint
//! is "did you mean `x`?" (a misspelt key, keyword or id) becomes a quick fix that writes `x`
//! over the word it underlines.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Range, TextEdit,
    WorkspaceEdit,
};

use super::diagnostics::convert;
use super::position;
use super::workspace::State;
use crate::suggest::suggested;

/// The quick fixes for the diagnostics that touch the requested range.
pub fn actions(state: &State, params: &CodeActionParams) -> Option<Vec<CodeActionOrCommand>> {
    let url = &params.text_document.uri;
    let path = position::path(url)?;
    let text = state.texts.get(&path).map_or("", String::as_str);
    let fixes = state
        .diagnostics
        .iter()
        .filter(|d| d.location.file == path)
        .filter_map(|d| {
            let word = suggested(d.hint.as_deref()?)?;
            let diagnostic = convert(text, d);
            if !overlaps(diagnostic.range, params.range) {
                return None;
            }
            let written = position::slice(text, diagnostic.range)?;
            let replaceable = !written.is_empty() && !written.contains([' ', ':', '[', ',']);
            (replaceable && written != word).then(|| fix(url, written, word, diagnostic))
        })
        .collect();
    Some(fixes)
}

/// The quick fix that writes `word` over `written`, the word `diagnostic` underlines.
fn fix(
    url: &lsp_types::Url,
    written: &str,
    word: &str,
    diagnostic: lsp_types::Diagnostic,
) -> CodeActionOrCommand {
    let edit = TextEdit::new(diagnostic.range, word.to_owned());
    let changes = HashMap::from([(url.clone(), vec![edit])]);
    CodeActionOrCommand::CodeAction(CodeAction {
        title: format!("replace `{}` with `{word}`", crate::text::visible(written)),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(WorkspaceEdit::new(changes)),
        is_preferred: Some(true),
        ..CodeAction::default()
    })
}

/// Whether two ranges share a position (a cursor on either end counts).
fn overlaps(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

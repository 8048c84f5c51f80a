//! Rename: an id changed everywhere it is written, in every file of the workspace, as one edit
//! the editor applies (open or not). `prepareRename` tells the editor what the rename would
//! change, and refuses a place that is not an id, so the editor does not ask for a new name
//! there.

use std::collections::HashMap;

use lsp_server::ErrorCode;
use lsp_types::{
    PrepareRenameResponse, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit,
};

use super::index::Occurrence;
use super::navigate::{span, under};
use super::position;
use super::workspace::State;
use crate::model::Id;

/// Why a request was refused: its LSP error code and a message for the user.
pub type Refusal = (ErrorCode, String);

/// The id under the cursor and its span, or why there is nothing to rename there.
pub fn prepare(
    state: &State,
    at: &TextDocumentPositionParams,
) -> Result<PrepareRenameResponse, Refusal> {
    let o = renamable(state, at)?;
    Ok(PrepareRenameResponse::RangeWithPlaceholder {
        range: span(o),
        placeholder: o.id.clone(),
    })
}

/// Every place the id under the cursor is written, changed to the new name.
pub fn rename(state: &State, params: &RenameParams) -> Result<WorkspaceEdit, Refusal> {
    let o = renamable(state, &params.text_document_position)?;
    let new = Id::new(&params.new_name).map_err(|e| {
        let message = format!(
            "`{}` cannot be an id: {e}; use lowercase letters, digits, `-`, `_` and `.`",
            crate::text::visible(&params.new_name)
        );
        (ErrorCode::InvalidParams, message)
    })?;
    if new.as_str() != o.id
        && let Some((file, taken)) = state.index.declaration(new.as_str())
    {
        let message = format!(
            "`{new}` is already an id ({}:{}): choose a name no claim or source has",
            file.display(),
            taken.line + 1
        );
        return Err((ErrorCode::RequestFailed, message));
    }
    let mut changes: HashMap<_, Vec<TextEdit>> = HashMap::new();
    for (file, at) in state.index.occurrences(&o.id) {
        let Some(url) = position::url(file) else {
            continue;
        };
        let edit = TextEdit::new(span(at), new.to_string());
        changes.entry(url).or_default().push(edit);
    }
    Ok(WorkspaceEdit::new(changes))
}

/// The occurrence under the cursor, or the refusal that says what can be renamed.
fn renamable<'a>(
    state: &'a State,
    at: &TextDocumentPositionParams,
) -> Result<&'a Occurrence, Refusal> {
    under(state, at).ok_or_else(|| {
        let message = "there is no claim or source id here to rename: put the cursor on an id \
                       (after `id:`, `by:`, `supports:`, `sources:`, ...)";
        (ErrorCode::RequestFailed, message.to_owned())
    })
}

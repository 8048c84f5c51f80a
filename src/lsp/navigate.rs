//! Go to definition and find references: from the id under the cursor to its `id:` line, or
//! to every place it is written, in every file of the workspace.

use lsp_types::{
    GotoDefinitionParams, GotoDefinitionResponse, Location, Position, Range, ReferenceParams,
    TextDocumentPositionParams,
};

use super::index::Occurrence;
use super::position;
use super::workspace::State;

/// The occurrence under the cursor, if the cursor is on an id.
pub fn under<'a>(state: &'a State, at: &TextDocumentPositionParams) -> Option<&'a Occurrence> {
    let path = position::path(&at.text_document.uri)?;
    state
        .index
        .at(&path, at.position.line, at.position.character)
}

/// Where the id under the cursor is declared.
pub fn definition(state: &State, params: &GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let id = &under(state, &params.text_document_position_params)?.id;
    let (file, declaration) = state.index.declaration(id)?;
    Some(GotoDefinitionResponse::Scalar(location(file, declaration)?))
}

/// Every place the id under the cursor is written, its declaration when the client asks.
pub fn references(state: &State, params: &ReferenceParams) -> Option<Vec<Location>> {
    let id = &under(state, &params.text_document_position)?.id;
    let with_declaration = params.context.include_declaration;
    let found = state
        .index
        .occurrences(id)
        .filter(|(_, o)| with_declaration || !o.declaration)
        .filter_map(|(file, o)| location(file, o))
        .collect();
    Some(found)
}

/// Where an occurrence is, for the editor.
pub fn location(file: &std::path::Path, o: &Occurrence) -> Option<Location> {
    Some(Location::new(position::url(file)?, span(o)))
}

/// The range an occurrence covers.
pub fn span(o: &Occurrence) -> Range {
    Range::new(Position::new(o.line, o.start), Position::new(o.line, o.end))
}

//! Document symbols (the outline: each claim and source of a file, with its id and a short
//! text) and workspace symbols (the same over every file, filtered by the client's query).

use lsp_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolInformation, SymbolKind,
    WorkspaceSymbolParams, WorkspaceSymbolResponse,
};

use super::index::{Occurrence, Want};
use super::navigate::{location, span};
use super::position;
use super::workspace::State;

/// How many characters of a claim's text the outline shows.
const SHORT: usize = 80;

/// At most this many workspace symbols are answered: a list of every claim of a large
/// corpus helps nobody and takes the editor long to read; typing more narrows it.
const MAX_SYMBOLS: usize = 256;

/// The claims and sources declared in one document, in order.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be given.
pub fn document(state: &State, params: &DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
    let path = position::path(&params.text_document.uri)?;
    let symbols = state
        .index
        .declarations_in(&path)
        .map(|o| DocumentSymbol {
            name: o.id.clone(),
            detail: Some(short(state, &o.id)),
            kind: kind(o),
            tags: None,
            deprecated: None,
            range: span(o),
            selection_range: span(o),
            children: None,
        })
        .collect();
    Some(DocumentSymbolResponse::Nested(symbols))
}

/// The first [`MAX_SYMBOLS`] claims and sources whose id or short text contains the query
/// (ignoring case).
#[allow(deprecated)] // `SymbolInformation::deprecated` must still be given.
pub fn workspace(state: &State, params: &WorkspaceSymbolParams) -> Option<WorkspaceSymbolResponse> {
    let query = params.query.to_lowercase();
    let symbols = state
        .index
        .all()
        .filter(|(_, o)| o.declaration)
        .filter_map(|(file, o)| {
            let detail = short(state, &o.id);
            let found = o.id.contains(&query) || detail.to_lowercase().contains(&query);
            found.then_some(SymbolInformation {
                name: o.id.clone(),
                kind: kind(o),
                tags: None,
                deprecated: None,
                location: location(file, o)?,
                container_name: Some(detail),
            })
        })
        .take(MAX_SYMBOLS)
        .collect();
    Some(WorkspaceSymbolResponse::Flat(symbols))
}

fn kind(o: &Occurrence) -> SymbolKind {
    match o.want {
        Want::Source => SymbolKind::OBJECT,
        Want::Claim | Want::Any => SymbolKind::STRING,
    }
}

/// A claim's text or a source's name, cut to [`SHORT`] characters.
pub(super) fn short(state: &State, id: &str) -> String {
    let Some(graph) = &state.graph else {
        return String::new();
    };
    let text = graph
        .node(id)
        .map_or("", |ix| match (graph.claim(ix), graph.source(ix)) {
            (Some(c), _) => c.text.as_str(),
            (_, Some(s)) => s.name.as_str(),
            _ => "",
        });
    match text.char_indices().nth(SHORT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

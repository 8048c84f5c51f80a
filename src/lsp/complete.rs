//! Completion: the ids of claims where a claim is expected and of sources where a source is,
//! the keys of the mapping being written, and the keywords a value may be. Where the cursor is
//! comes from [`cursor`]; what is allowed there from the format's shape ([`shape`]); the ids
//! from the workspace's index.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionParams, CompletionResponse,
    CompletionTextEdit, Position, Range, TextEdit,
};

use super::cursor::{self, Cursor, Writing};
use super::index::Want;
use super::workspace::State;
use super::{position, shape, symbols};

/// At most this many ids are offered at once; the list is marked incomplete when there are
/// more, so the editor asks again as the word grows.
const MAX_IDS: usize = 200;

/// What may be written at the cursor.
pub fn complete(state: &State, params: &CompletionParams) -> Option<CompletionResponse> {
    let at = &params.text_document_position;
    let path = position::path(&at.text_document.uri)?;
    let text = state.texts.get(&path)?;
    let Position { line, character } = at.position;
    let cursor = cursor::at(text, line, character)?;
    let range = Range::new(Position::new(line, cursor.start), at.position);
    let mut items = Vec::new();
    let allowed = match cursor.writing {
        Writing::Value { key } => shape::allowed(&[cursor.keys.as_slice(), &[key]].concat()),
        Writing::KeyOrItem { .. } => {
            let allowed = shape::allowed(&cursor.keys);
            let keys = allowed
                .keys
                .iter()
                .filter(|k| k.starts_with(cursor.partial));
            items.extend(
                keys.map(|k| item(k, CompletionItemKind::PROPERTY, range, format!("{k}: "))),
            );
            shape::Allowed::default()
        }
    };
    let words = allowed
        .words
        .iter()
        .filter(|w| w.starts_with(cursor.partial));
    items.extend(words.map(|w| item(w, CompletionItemKind::ENUM_MEMBER, range, w.clone())));
    let complete = ids(state, &cursor, range, &mut items);
    Some(CompletionResponse::List(CompletionList {
        is_incomplete: !complete,
        items,
    }))
}

/// Adds the ids that may be written at the cursor and contain the word typed so far; returns
/// whether all of them fitted.
fn ids(state: &State, cursor: &Cursor<'_>, range: Range, items: &mut Vec<CompletionItem>) -> bool {
    let Some(want) = cursor.want else {
        return true;
    };
    let mut found = state
        .index
        .all()
        .filter(|(_, o)| o.declaration && fits(want, o.want) && o.id.contains(cursor.partial));
    for (_, o) in found.by_ref().take(MAX_IDS) {
        let mut it = item(&o.id, CompletionItemKind::REFERENCE, range, o.id.clone());
        it.detail = Some(symbols::short(state, &o.id));
        items.push(it);
    }
    found.next().is_none()
}

/// Whether an item declared as `declared` may be written where `want` is expected.
fn fits(want: Want, declared: Want) -> bool {
    want == Want::Any || want == declared
}

fn item(label: &str, kind: CompletionItemKind, range: Range, text: String) -> CompletionItem {
    CompletionItem {
        label: label.to_owned(),
        kind: Some(kind),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, text))),
        ..CompletionItem::default()
    }
}

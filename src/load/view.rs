//! Resolving a claim file's `views:`: names checked for shape and clashes, ids for existence and
//! kind, keywords for spelling, each problem pointed at where it was written.
//!
//! A view's `where` expression is parsed later, by `check`, since the expression language
//! belongs to the graph layer.

use super::diagnostic::{Code, Diagnostic};
use super::file::{At, Pos, RawSelect, RawStyle, RawView};
use super::resolve::{Resolver, Want};
use crate::model::{FileId, Id, Style, View, ViewSelection};

/// View names `build` uses for files of its own.
pub const RESERVED: [&str; 2] = ["all", "index"];

impl Resolver<'_> {
    /// The view `raw` declares in file `f`, or `None` (with diagnostics) when its name is
    /// invalid, reserved or taken by one of `earlier`. Bad ids and keywords inside a view are
    /// reported and left out; the view is kept.
    pub(super) fn view(&mut self, f: FileId, raw: RawView, earlier: &[View]) -> Option<View> {
        let name = self.view_name(f, &raw.name, earlier)?;
        let select = self.view_selection(f, raw.select);
        let style = self.view_style(f, raw.style);
        Some(View {
            name,
            title: raw.title,
            description: raw.description,
            select,
            style,
            origin: Self::origin(f, &raw.name.referenced),
        })
    }

    fn view_name(&mut self, f: FileId, name: &At<String>, earlier: &[View]) -> Option<Id> {
        let at = self.loc_of(f, name);
        let id = match Id::new(&name.value) {
            Ok(id) => id,
            Err(e) => {
                let hint = Id::slugify(&name.value)
                    .map(|s| format!("write it as `{s}` (a view's name is its file name)"));
                let msg = format!("invalid view name `{}`: {e}", name.value);
                self.diags
                    .push(Diagnostic::error(Code::InvalidId, at, msg).with_hint_opt(hint));
                return None;
            }
        };
        if RESERVED.contains(&id.as_str()) {
            let msg = format!("the view name `{id}` is reserved");
            let hint = "`all` is the whole graph and `index` the HTML report; choose another name";
            self.diags
                .push(Diagnostic::error(Code::DuplicateId, at, msg).with_hint(hint));
            return None;
        }
        if let Some(first) = earlier.iter().find(|v| v.name == id) {
            let pos = Pos {
                line: first.origin.line,
                column: first.origin.column,
            };
            let first = self.loc(first.origin.file, &pos, id.as_str().chars().count());
            let msg = format!("duplicate view name `{id}`");
            self.diags.push(
                Diagnostic::error(Code::DuplicateId, at, msg)
                    .with_related(first, "first defined here")
                    .with_hint("view names must be unique across all files"),
            );
            return None;
        }
        Some(id)
    }

    fn view_selection(&mut self, f: FileId, raw: RawSelect) -> ViewSelection {
        let around = raw
            .around
            .iter()
            .filter_map(|a| self.reference(f, a, Want::Claim, "around"))
            .collect();
        ViewSelection {
            around,
            depth: raw.depth.map(|d| d as usize),
            direction: raw
                .direction
                .and_then(|d| self.keyword(f, &d, "direction"))
                .unwrap_or_default(),
            tags: raw.tags,
            by: raw
                .by
                .and_then(|b| self.reference(f, &b, Want::Source, "by")),
            rating: raw.rating.and_then(|r| self.keyword(f, &r, "rating")),
            kind: raw.kind.and_then(|k| self.keyword(f, &k, "kind")),
            relation: raw.relation.and_then(|r| self.keyword(f, &r, "relation")),
            no_sources: raw.no_sources,
            filter: raw
                .filter
                .map(|w| (w.value, Self::origin(f, &w.referenced))),
        }
    }

    fn view_style(&mut self, f: FileId, raw: RawStyle) -> Style {
        Style {
            color_by: raw
                .color_by
                .and_then(|c| self.keyword(f, &c, "color_by"))
                .unwrap_or_default(),
            group_by: raw.group_by.and_then(|g| self.keyword(f, &g, "group_by")),
            rankdir: raw
                .rankdir
                .and_then(|r| self.keyword(f, &r, "rankdir"))
                .unwrap_or_default(),
            focus: raw
                .focus
                .and_then(|x| self.reference(f, &x, Want::Any, "focus")),
            sources: raw
                .sources
                .and_then(|s| self.keyword(f, &s, "sources"))
                .unwrap_or_default(),
        }
    }
}

//! Named views in the corpus cache: few and small, so stored plainly, ids and keywords as text
//! (read back through the same parsers as the claim files). Destructured field by field, like
//! the rest of the cache, so a field added to a view fails to compile here until it is stored.

use serde::{Deserialize, Serialize};

use crate::model::{Id, Origin, Style, View, ViewSelection};

/// A view as stored.
#[derive(Debug, Serialize, Deserialize)]
pub struct ViewRec {
    name: String,
    title: Option<String>,
    description: Option<String>,
    around: Vec<String>,
    depth: Option<u64>,
    direction: String,
    tags: Vec<String>,
    by: Option<String>,
    rating: Option<String>,
    kind: Option<String>,
    relation: Option<String>,
    no_sources: bool,
    filter: Option<(String, (u32, u32, u32))>,
    color_by: String,
    group_by: Option<String>,
    rankdir: String,
    focus: Option<String>,
    sources: String,
    origin: (u32, u32, u32),
}

fn pos(o: Origin) -> (u32, u32, u32) {
    (o.file.0, o.line, o.column)
}

fn origin((file, line, column): (u32, u32, u32)) -> Origin {
    Origin {
        file: crate::model::FileId(file),
        line,
        column,
    }
}

fn text<T: ToString>(value: &Option<T>) -> Option<String> {
    value.as_ref().map(ToString::to_string)
}

/// `Some(None)` for no value, `Some(Some(v))` for a value that parses, `None` otherwise.
fn parse<T: std::str::FromStr>(value: Option<String>) -> Option<Option<T>> {
    match value {
        None => Some(None),
        Some(v) => v.parse().ok().map(Some),
    }
}

/// Like [`parse`], for an id.
fn parse_id(value: Option<String>) -> Option<Option<Id>> {
    match value {
        None => Some(None),
        Some(v) => Id::new(&v).ok().map(Some),
    }
}

impl ViewRec {
    /// The stored shape of `view`.
    pub fn new(view: &View) -> ViewRec {
        let View {
            name,
            title,
            description,
            select,
            style,
            origin,
        } = view;
        let ViewSelection {
            around,
            depth,
            direction,
            tags,
            by,
            rating,
            kind,
            relation,
            no_sources,
            filter,
        } = select;
        let Style {
            color_by,
            group_by,
            rankdir,
            focus,
            sources,
        } = style;
        ViewRec {
            name: name.to_string(),
            title: title.clone(),
            description: description.clone(),
            around: around.iter().map(ToString::to_string).collect(),
            depth: depth.map(|d| d as u64),
            direction: direction.to_string(),
            tags: tags.clone(),
            by: text(by),
            rating: text(rating),
            kind: text(kind),
            relation: text(relation),
            no_sources: *no_sources,
            filter: filter.as_ref().map(|(t, o)| (t.clone(), pos(*o))),
            color_by: color_by.to_string(),
            group_by: text(group_by),
            rankdir: rankdir.to_string(),
            focus: text(focus),
            sources: sources.to_string(),
            origin: pos(*origin),
        }
    }

    /// The view back, or `None` when the stored data does not parse.
    pub fn into_view(self) -> Option<View> {
        let ids =
            |all: Vec<String>| -> Option<Vec<Id>> { all.iter().map(|s| Id::new(s).ok()).collect() };
        Some(View {
            name: Id::new(&self.name).ok()?,
            title: self.title,
            description: self.description,
            select: ViewSelection {
                around: ids(self.around)?,
                depth: self.depth.map(|d| d as usize),
                direction: self.direction.parse().ok()?,
                tags: self.tags,
                by: parse_id(self.by)?,
                rating: parse(self.rating)?,
                kind: parse(self.kind)?,
                relation: parse(self.relation)?,
                no_sources: self.no_sources,
                filter: self.filter.map(|(t, o)| (t, origin(o))),
            },
            style: Style {
                color_by: self.color_by.parse().ok()?,
                group_by: parse(self.group_by)?,
                rankdir: self.rankdir.parse().ok()?,
                focus: parse_id(self.focus)?,
                sources: self.sources.parse().ok()?,
            },
            origin: origin(self.origin),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ColorKey, Direction, GroupBy, ItemKind, RankDir, Rating, RelationKind};
    use crate::model::{FileId, SourceMode};

    #[test]
    fn every_field_survives_the_cache() {
        let id = |s: &str| Id::new(s).unwrap();
        let at = Origin {
            file: FileId(2),
            line: 7,
            column: 5,
        };
        let view = View {
            name: id("compute"),
            title: Some("Compute".into()),
            description: Some("Twice the compute?".into()),
            select: ViewSelection {
                around: vec![id("compute-gap"), id("deepseek")],
                depth: Some(2),
                direction: Direction::Up,
                tags: vec!["compute".into()],
                by: Some(id("kai-fu-lee")),
                rating: Some(Rating::Misleading),
                kind: Some(ItemKind::Claim),
                relation: Some(RelationKind::Contradicts),
                no_sources: true,
                filter: Some(("tag = compute".into(), at)),
            },
            style: Style {
                color_by: ColorKey::Speaker,
                group_by: Some(GroupBy::File),
                rankdir: RankDir::TopBottom,
                focus: Some(id("compute-gap")),
                sources: SourceMode::Merge,
            },
            origin: at,
        };
        let bytes = postcard::to_stdvec(&ViewRec::new(&view)).unwrap();
        let back: ViewRec = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back.into_view(), Some(view));
        let plain = View {
            select: ViewSelection::default(),
            style: Style::default(),
            title: None,
            description: None,
            ..view_named("plain")
        };
        assert_eq!(ViewRec::new(&plain).into_view(), Some(plain));
    }

    fn view_named(name: &str) -> View {
        View {
            name: Id::new(name).unwrap(),
            title: None,
            description: None,
            select: ViewSelection::default(),
            style: Style::default(),
            origin: Origin::default(),
        }
    }
}

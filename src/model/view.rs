//! Named views: a part of the graph drawn in a style, declared in a claim file's `views:` list
//! and drawn by `claimgraph build` into `output/<name>.svg`.

use super::keyword::keyword_enum;
use super::{Id, Origin, Rating, RelationKind, Style};

keyword_enum! {
    /// Which way a neighbourhood walk follows argument edges.
    #[derive(Default)]
    pub enum Direction {
        /// Towards what bears on the start claims (their supporters and attackers).
        Up = "up",
        /// Towards what the start claims bear on.
        Down = "down",
        /// Both ways.
        #[default]
        Both = "both",
    }
}

keyword_enum! {
    /// What a selection keeps: claims or sources.
    pub enum ItemKind {
        /// Claims.
        Claim = "claim",
        /// Sources.
        Source = "source",
    }
}

/// A named view. Serialises in the claim file format's shape.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct View {
    /// Its name, which is also its file name in `output/`.
    pub name: Id,
    /// The title drawn above it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What it shows, in a sentence or two (for the HTML report).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Which part of the graph it draws.
    pub select: ViewSelection,
    /// How it draws it.
    pub style: Style,
    /// Where it was declared.
    #[serde(skip)]
    pub origin: Origin,
}

/// A view's selection: the fields of `claimgraph`'s selection flags, ids already checked.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct ViewSelection {
    /// Start from these claims and walk `depth` argument edges.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub around: Vec<Id>,
    /// How far to walk (default 1 with `around`, else 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depth: Option<usize>,
    /// Which way to walk.
    pub direction: Direction,
    /// Keep claims carrying every one of these tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Keep claims asserted by this source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Id>,
    /// Keep claims whose verdict has this rating.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// Keep only claims or only sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ItemKind>,
    /// Keep claims in a relation of this kind, and only relations of this kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<RelationKind>,
    /// Leave sources out.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub no_sources: bool,
    /// A `where` expression (checked when the graph is built), and where it was written.
    #[serde(
        rename = "where",
        skip_serializing_if = "Option::is_none",
        serialize_with = "expression_text"
    )]
    pub filter: Option<(String, Origin)>,
}

/// Serialises a `where` expression as its text.
fn expression_text<S: serde::Serializer>(
    filter: &Option<(String, Origin)>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match filter {
        Some((text, _)) => s.serialize_str(text),
        None => s.serialize_none(),
    }
}

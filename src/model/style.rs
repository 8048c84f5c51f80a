//! How a diagram is drawn: the style settings a view in a claim file (and `export`'s flags) can
//! choose. Plain keywords here; the `format` module turns them into colours and shapes.

use super::keyword::keyword_enum;

keyword_enum! {
    /// What a claim's fill colour says.
    #[derive(Default)]
    pub enum ColorKey {
        /// The rating of its verdict.
        #[default]
        Rating = "rating",
        /// Its label under grounded evaluation (stands, falls, open).
        Eval = "eval",
        /// Its first tag.
        Tag = "tag",
        /// Who asserts it.
        Speaker = "speaker",
    }
}

keyword_enum! {
    /// What claims are grouped by (Graphviz clusters).
    pub enum GroupBy {
        /// The claim file that defines them.
        File = "file",
        /// Their first tag.
        Tag = "tag",
        /// Who asserts them.
        Speaker = "speaker",
    }
}

keyword_enum! {
    /// Which way the diagram's arguments flow.
    #[derive(Default)]
    pub enum RankDir {
        /// Left to right.
        #[default]
        LeftRight = "LR",
        /// Top to bottom.
        TopBottom = "TB",
    }
}

keyword_enum! {
    /// How sources appear in a diagram.
    #[derive(Default)]
    pub enum SourceMode {
        /// As nodes of their own, linked to the claims that cite them.
        #[default]
        Show = "show",
        /// Not at all.
        Hide = "hide",
        /// Not as nodes; the speaker's name is written inside each claim's box.
        Merge = "merge",
    }
}

/// How a diagram is drawn: the style of a view, or `export`'s style flags.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Style {
    /// What a claim's fill says.
    pub color_by: ColorKey,
    /// What claims are grouped by, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_by: Option<GroupBy>,
    /// Which way arguments flow.
    pub rankdir: RankDir,
    /// A claim to emphasise with its neighbours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focus: Option<super::Id>,
    /// How sources appear.
    pub sources: SourceMode,
}

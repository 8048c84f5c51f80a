//! The typed model of claims, sources, relations and verdicts.
//!
//! Plain data with validated ids, dates and keywords: no I/O, no graph. The loader builds it
//! from YAML, importers from other formats, and a library user may build it by hand.

mod as_of;
mod claim;
mod corpus;
mod date;
mod id;
pub(crate) mod keyword;
mod origin;
mod relation;
mod source;
mod style;
mod verdict;
mod view;

pub use claim::{Citation, Claim};
pub use corpus::Corpus;
pub use date::{Date, DateError};
pub use id::{Id, IdError, is_id_char};
pub use keyword::{Keyword, UnknownKeyword};
pub use origin::{FileId, Files, Origin};
pub use relation::{Relation, RelationKind};
pub use source::{Archive, Source, SourceKind};
pub use style::{ColorKey, GroupBy, RankDir, SourceMode, Style};
pub use verdict::{Rating, Verdict};
pub use view::{Direction, ItemKind, View, ViewSelection};

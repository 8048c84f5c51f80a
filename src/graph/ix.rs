//! Typed indices into a [`Corpus`](crate::model::Corpus): a claim's, a source's and a
//! relation's position in its vector, as petgraph types its `NodeIndex`.
//!
//! The graph's node and edge weights are such indices. As bare `usize`s, a claim's index could
//! be used to look up a source without the compiler noticing; each type here only indexes the
//! items of its own kind, and these are the only places the position is made or read.

use crate::model::{Claim, Relation, Source};

macro_rules! corpus_index {
    ($(#[$meta:meta])* $name:ident => $item:ty) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(usize);

        impl $name {
            /// The index of position `i`.
            pub fn new(i: usize) -> $name {
                $name(i)
            }

            /// The position.
            pub fn index(self) -> usize {
                self.0
            }

            /// The item at this index of `items`. Panics when out of range, as slice
            /// indexing does: an index is only made for the corpus it points into.
            pub fn of(self, items: &[$item]) -> &$item {
                &items[self.0]
            }

            /// Every item of `items` with its index.
            pub fn enumerate(items: &[$item]) -> impl Iterator<Item = ($name, &$item)> {
                items.iter().enumerate().map(|(i, item)| ($name(i), item))
            }

            /// Pushes `item` onto `items`, returning its index.
            pub fn push(items: &mut Vec<$item>, item: $item) -> $name {
                items.push(item);
                $name(items.len() - 1)
            }
        }
    };
}

corpus_index! {
    /// A position in [`Corpus::claims`](crate::model::Corpus::claims).
    ClaimIx => Claim
}

corpus_index! {
    /// A position in [`Corpus::sources`](crate::model::Corpus::sources).
    SourceIx => Source
}

corpus_index! {
    /// A position in [`Corpus::relations`](crate::model::Corpus::relations).
    RelationIx => Relation
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, RelationKind};

    fn relation(from: &str, to: &str) -> Relation {
        let id = |s: &str| Id::new(s).expect("a valid id");
        Relation::new(id(from), id(to), RelationKind::Supports)
    }

    #[test]
    fn an_index_finds_what_was_pushed_at_it() {
        let mut relations = vec![relation("a", "b")];
        let ix = RelationIx::push(&mut relations, relation("b", "c"));
        assert_eq!(ix, RelationIx::new(1));
        assert_eq!(ix.index(), 1);
        assert_eq!(ix.of(&relations).from.as_str(), "b");
        let all: Vec<RelationIx> = RelationIx::enumerate(&relations).map(|(i, _)| i).collect();
        assert_eq!(all, [RelationIx::new(0), ix]);
    }
}

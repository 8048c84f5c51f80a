//! [`Shared`]: a sequence that many answers share the storage of.
//!
//! `supporters --all` on a 100,000-claim graph answers 100,000 chains of about ten claims
//! each. Giving each chain two vectors of its own costs 200,000 allocations and a million ids
//! copied. A [`Shared`] is a path in the [`Tree`] of the walk that found the chains, read by
//! following its parent links, or a plain sequence (a chain found otherwise). It iterates,
//! compares, prints and serialises without copying; used as a slice (`[i]`, `[1..]`, slice
//! methods) a path is copied out once, on first use.

use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use super::tree::{Tree, Up};

/// A read-only sequence, stored in a shared tree or on its own. Iterates with [`iter`](Self::iter)
/// and dereferences to `[T]`; compares, prints and serialises as that slice. Cloning it is
/// O(1) until it has been read as a slice.
#[derive(Clone)]
pub struct Shared<T> {
    repr: Repr<T>,
}

#[derive(Clone)]
enum Repr<T> {
    Items(Arc<[T]>),
    Path {
        tree: Arc<Tree<T>>,
        from: u32,
        len: u32,
        /// The path as a slice, once something asked for one.
        copy: OnceLock<Box<[T]>>,
    },
}

impl<T> Shared<T> {
    /// The path of `len` items of `tree` from node `from` (see [`Tree::up`]).
    pub(crate) fn path(tree: Arc<Tree<T>>, from: u32, len: usize) -> Shared<T> {
        Shared {
            repr: Repr::Path {
                tree,
                from,
                len: u32::try_from(len).unwrap_or(u32::MAX),
                copy: OnceLock::new(),
            },
        }
    }

    /// Number of items. O(1).
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Items(items) => items.len(),
            Repr::Path { len, .. } => *len as usize,
        }
    }

    /// Whether there is no item. O(1).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<T: Clone> Shared<T> {
    /// The items in order, without copying them out (except for a path read from the root
    /// down, which is copied once). O(1) a step.
    pub fn iter(&self) -> SharedIter<'_, T> {
        match &self.repr {
            Repr::Path {
                tree, from, len, ..
            } if !tree.downward() => SharedIter(IterRepr::Up(tree.up(*from, *len as usize))),
            _ => SharedIter(IterRepr::Slice((**self).iter())),
        }
    }

    /// The first item. O(1) but for a path read from the root down.
    pub fn first(&self) -> Option<&T> {
        self.iter().next()
    }
}

/// The items of a [`Shared`]; see [`Shared::iter`].
#[derive(Debug)]
pub struct SharedIter<'s, T>(IterRepr<'s, T>);

#[derive(Debug)]
enum IterRepr<'s, T> {
    Slice(std::slice::Iter<'s, T>),
    Up(Up<'s, T>),
}

impl<'s, T> Iterator for SharedIter<'s, T> {
    type Item = &'s T;

    fn next(&mut self) -> Option<&'s T> {
        match &mut self.0 {
            IterRepr::Slice(it) => it.next(),
            IterRepr::Up(it) => it.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.0 {
            IterRepr::Slice(it) => it.size_hint(),
            IterRepr::Up(it) => it.size_hint(),
        }
    }
}

impl<T> ExactSizeIterator for SharedIter<'_, T> {}

impl<'s, T: Clone> IntoIterator for &'s Shared<T> {
    type Item = &'s T;
    type IntoIter = SharedIter<'s, T>;

    fn into_iter(self) -> SharedIter<'s, T> {
        self.iter()
    }
}

impl<T> From<Vec<T>> for Shared<T> {
    fn from(items: Vec<T>) -> Shared<T> {
        Shared {
            repr: Repr::Items(items.into()),
        }
    }
}

impl<T: Clone> Deref for Shared<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match &self.repr {
            Repr::Items(items) => items,
            Repr::Path {
                tree,
                from,
                len,
                copy,
            } => copy.get_or_init(|| {
                let mut items: Box<[T]> = tree.up(*from, *len as usize).cloned().collect();
                if tree.downward() {
                    items.reverse();
                }
                items
            }),
        }
    }
}

impl<T: fmt::Debug + Clone> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: PartialEq + Clone> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<T: serde::Serialize + Clone> serde::Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_compares_and_serialises_as_its_slice() {
        let middle = Shared::from(vec![2, 3]);
        assert_eq!(&*middle, &[2, 3]);
        assert_eq!(middle.clone(), Shared::from(vec![2, 3]));
        assert_ne!(middle, Shared::from(vec![3, 4]));
        assert_eq!(format!("{middle:?}"), "[2, 3]");
        assert_eq!(serde_json::to_string(&middle).unwrap(), "[2,3]");
        assert!(Shared::<u8>::from(Vec::new()).is_empty());
    }

    #[test]
    fn a_path_reads_like_the_slice_it_stands_for() {
        // 0 is the root; 1 hangs from 0, 2 from 1.
        let parent = Arc::new(vec![0, 0, 1]);
        for (downward, expected) in [(false, [12, 11, 10]), (true, [10, 11, 12])] {
            let tree = Arc::new(Tree::new(
                Arc::clone(&parent),
                Arc::new(vec![10, 11, 12]),
                0,
                downward,
            ));
            let path = Shared::path(Arc::clone(&tree), 2, 3);
            assert_eq!(path.len(), 3);
            assert_eq!(path.first(), Some(&expected[0]));
            assert_eq!(path.iter().copied().collect::<Vec<_>>(), expected);
            assert_eq!(path, Shared::from(expected.to_vec()));
            assert_eq!(format!("{path:?}"), format!("{expected:?}"));
            let json = serde_json::to_string(&expected).unwrap();
            assert_eq!(serde_json::to_string(&path).unwrap(), json);
            assert_eq!(&path[1..], &expected[1..]);
            assert_eq!(path.clone(), path);
            assert!(Shared::path(tree, 2, 0).is_empty());
        }
    }
}

//! [`Tree`]: the shortest chains of a walk, kept as the walk's own parent links.
//!
//! `supporters --all` on a 100,000-claim graph answers 100,000 chains of about ten claims.
//! Copying each out costs a million ids written, and most answers are only printed once; a
//! chain is instead a node of the walk's tree and a length, read by following parent links
//! (see [`Shared`](super::Shared)), and copied out only when asked for as a slice.

use std::sync::Arc;

/// A tree over node numbers `0..n` stored as parent links, with an item for each node. The
/// path of a node reads the items from it up to the root, or, for a `downward` tree, from the
/// root down to it.
#[derive(Debug)]
pub(crate) struct Tree<T> {
    /// By node: its parent (the root's is never read).
    parent: Arc<Vec<u32>>,
    /// By node number shifted right by `shift`: the node's item.
    items: Arc<Vec<T>>,
    shift: u32,
    downward: bool,
}

impl<T> Tree<T> {
    /// A tree of the links `parent` (which several trees may share, as they may `items`)
    /// whose node `n` holds `items[n >> shift]`.
    pub fn new(parent: Arc<Vec<u32>>, items: Arc<Vec<T>>, shift: u32, downward: bool) -> Tree<T> {
        Tree {
            parent,
            items,
            shift,
            downward,
        }
    }

    /// Whether paths read from the root down.
    pub fn downward(&self) -> bool {
        self.downward
    }

    /// The `len` items from node `from` towards the root, nearest first. O(1) to start,
    /// O(1) a step.
    ///
    /// # Panics
    /// When the path leaves the tree (a bug in the caller, never user input).
    pub fn up(&self, from: u32, len: usize) -> Up<'_, T> {
        Up {
            tree: self,
            at: from,
            left: len,
        }
    }
}

/// The items on a path towards the root; see [`Tree::up`].
#[derive(Debug)]
pub(crate) struct Up<'t, T> {
    tree: &'t Tree<T>,
    at: u32,
    left: usize,
}

impl<'t, T> Iterator for Up<'t, T> {
    type Item = &'t T;

    fn next(&mut self) -> Option<&'t T> {
        if self.left == 0 {
            return None;
        }
        let item = &self.tree.items[(self.at >> self.tree.shift) as usize];
        self.left -= 1;
        if self.left > 0 {
            self.at = self.tree.parent[self.at as usize];
        }
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<T> ExactSizeIterator for Up<'_, T> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_parent_links() {
        // 0 is the root; 1 and 2 hang from 0, 3 from 2. Items are by node number / 2.
        let parent = Arc::new(vec![0, 0, 0, 2]);
        let tree = Tree::new(Arc::clone(&parent), Arc::new(vec!['a', 'b']), 1, false);
        assert_eq!(tree.up(3, 3).collect::<String>(), "bba");
        assert_eq!(tree.up(3, 1).collect::<String>(), "b");
        assert_eq!(tree.up(1, 0).len(), 0);
        let tree = Tree::new(parent, Arc::new(vec!['r', 'x', 'y', 'z']), 0, true);
        assert_eq!(tree.up(3, 3).collect::<String>(), "zyr");
        assert!(tree.downward());
    }
}

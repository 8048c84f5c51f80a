//! [`Shared`]: a slice of a buffer that many answers share.
//!
//! `supporters --all` on a 100,000-claim graph answers 100,000 chains of about ten claims
//! each. Giving each chain two vectors of its own costs 200,000 allocations to build and as
//! many to free; laying them out end to end in one buffer costs two. A [`Shared`] is one
//! chain's part of that buffer: it reads as a slice, compares, prints and serialises as one.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

/// A read-only slice of a shared buffer. Dereferences to `[T]`; compares, prints and
/// serialises as that slice. Cloning it is O(1).
#[derive(Clone)]
pub struct Shared<T> {
    buffer: Arc<Vec<T>>,
    range: Range<usize>,
}

impl<T> Shared<T> {
    /// The part `range` of `buffer`.
    ///
    /// # Panics
    /// When `range` is not within `buffer` (a bug in the caller, never user input).
    pub(crate) fn new(buffer: Arc<Vec<T>>, range: Range<usize>) -> Shared<T> {
        assert!(
            range.start <= range.end && range.end <= buffer.len(),
            "range {range:?} outside a buffer of {}",
            buffer.len()
        );
        Shared { buffer, range }
    }
}

impl<T> From<Vec<T>> for Shared<T> {
    fn from(items: Vec<T>) -> Shared<T> {
        let range = 0..items.len();
        Shared {
            buffer: Arc::new(items),
            range,
        }
    }
}

impl<T> Deref for Shared<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.buffer[self.range.clone()]
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        **self == **other
    }
}

impl<T: serde::Serialize> serde::Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_compares_and_serialises_as_its_slice() {
        let buffer = Arc::new(vec![1, 2, 3, 4]);
        let middle = Shared::new(Arc::clone(&buffer), 1..3);
        assert_eq!(&*middle, &[2, 3]);
        assert_eq!(middle, Shared::from(vec![2, 3]));
        assert_ne!(middle, Shared::new(buffer, 2..4));
        assert_eq!(format!("{middle:?}"), "[2, 3]");
        assert_eq!(serde_json::to_string(&middle).unwrap(), "[2,3]");
        assert!(Shared::<u8>::from(Vec::new()).is_empty());
    }
}

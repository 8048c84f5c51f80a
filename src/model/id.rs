//! Identifiers of claims and sources.
//!
//! Claims and sources share one id space, so an [`Id`] alone says which node of the graph is
//! meant. Ids are validated once, when they are made, so the rest of the crate can rely on them
//! being well formed (and safe to use as file names, DOT ids and URL fragments).

use std::fmt;
use std::sync::Arc;

/// A validated claim or source id: one or more lowercase ASCII letters, digits, `-`, `_` or `.`.
///
/// Cloning is cheap (the text is shared), because the same id is referenced from many places.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(Arc<str>);

/// Why a string is not a valid [`Id`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The id is the empty string.
    #[error("an id cannot be empty")]
    Empty,
    /// The id contains a character outside the allowed set.
    #[error("`{ch}` is not allowed in an id (use lowercase letters, digits, `-`, `_` or `.`)")]
    BadChar {
        /// The first offending character.
        ch: char,
        /// Its character index in the id.
        index: usize,
    },
}

impl Id {
    /// Validates `text` against the id rule.
    ///
    /// ```
    /// use claimgraph::model::Id;
    /// assert!(Id::new("compute-gap").is_ok());
    /// assert!(Id::new("Compute Gap").is_err());
    /// ```
    pub fn new(text: &str) -> Result<Id, IdError> {
        if text.is_empty() {
            return Err(IdError::Empty);
        }
        if let Some((index, ch)) = text.chars().enumerate().find(|&(_, c)| !is_id_char(c)) {
            return Err(IdError::BadChar { ch, index });
        }
        Ok(Id(Arc::from(text)))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address of the id's text, shared by every clone of this `Id`: two ids with the same
    /// address are equal. Lets the loader and the graph index ids that are clones of one
    /// another without hashing their text. (Equal ids made apart have different addresses.)
    pub fn addr(&self) -> usize {
        Arc::as_ptr(&self.0).cast::<u8>() as usize
    }

    /// Turns arbitrary text into a valid id (lowercased, other characters replaced by `-`),
    /// for importers and generated data. Returns `None` when nothing usable is left.
    pub fn slugify(text: &str) -> Option<Id> {
        let mut out = String::with_capacity(text.len());
        for c in text.chars().flat_map(char::to_lowercase) {
            if is_id_char(c) {
                out.push(c);
            } else if !out.ends_with('-') {
                out.push('-');
            }
        }
        let trimmed = out.trim_matches('-');
        Id::new(trimmed).ok()
    }
}

/// Whether `c` may appear in an id.
pub fn is_id_char(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | '-' | '_' | '.')
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: Result<(), IdError>) {
        assert_eq!(Id::new(text).map(|_| ()), expected, "id {text:?}");
    }

    #[test]
    fn id_rule() {
        case("compute-gap", Ok(()));
        case("a.b_c-9", Ok(()));
        case("0", Ok(()));
        case("", Err(IdError::Empty));
        case("Compute", Err(IdError::BadChar { ch: 'C', index: 0 }));
        case("a b", Err(IdError::BadChar { ch: ' ', index: 1 }));
        case("café", Err(IdError::BadChar { ch: 'é', index: 3 }));
    }

    #[test]
    fn slugify_makes_valid_ids() {
        assert_eq!(
            Id::slugify("Kai-Fu Lee").map(|i| i.to_string()),
            Some("kai-fu-lee".into())
        );
        assert_eq!(
            Id::slugify("  Hello,  World! ").map(|i| i.to_string()),
            Some("hello-world".into())
        );
        assert_eq!(Id::slugify("!!!"), None);
    }
}

//! One line of a JSON Lines claim file: an object whose `"type"` says which entry of format
//! v1 it is, and whose other keys are that entry's.
//!
//! serde's internally tagged enums would buffer each object (losing the positions inside it,
//! see `position.rs`) and cost a second copy of every string. Instead the `type` is read
//! first, when it is the first key (as every writer puts it), and the rest of the object goes
//! straight to the entry's own strict struct; otherwise the line is scanned once for its
//! `type` and then read again knowing it.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer, StringDeserializer};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::position;
use crate::load::file::{At, RawClaim, RawRelation, RawSource, RawView};
use crate::model::keyword::expected_list;

/// An entry of format v1.
#[derive(Debug)]
pub enum Item {
    Source(RawSource),
    Claim(RawClaim),
    Relation(RawRelation),
    View(RawView),
}

/// What a line's `type` may say.
pub const TYPES: &[&str] = &["source", "claim", "relation", "view"];

/// The start of the message for a `type` that is none of [`TYPES`].
pub const UNKNOWN_TYPE: &str = "unknown type `";

/// The start of the message for an object without a `type`.
pub const NO_TYPE: &str = "missing required key `type`";

#[derive(Debug, Clone, Copy)]
enum Kind {
    Source,
    Claim,
    Relation,
    View,
}

impl Kind {
    fn from_word<E: de::Error>(word: &str) -> Result<Kind, E> {
        Ok(match word {
            "source" => Kind::Source,
            "claim" => Kind::Claim,
            "relation" => Kind::Relation,
            "view" => Kind::View,
            other => return Err(E::custom(format!("{UNKNOWN_TYPE}{other}`"))),
        })
    }

    /// [`Kind::from_word`], with an error located at the word.
    fn located<E: de::Error>(word: &At<String>) -> Result<Kind, E> {
        Kind::from_word(&word.value).inspect_err(|_| position::record(word.referenced))
    }

    fn read<'de, M: MapAccess<'de>>(self, map: M) -> Result<Item, M::Error> {
        let d = MapAccessDeserializer::new(map);
        Ok(match self {
            Kind::Source => Item::Source(RawSource::deserialize(d)?),
            Kind::Claim => Item::Claim(RawClaim::deserialize(d)?),
            Kind::Relation => Item::Relation(RawRelation::deserialize(d)?),
            Kind::View => Item::View(RawView::deserialize(d)?),
        })
    }
}

/// Reads one line's object (the line must be registered with `position::reading`).
///
/// # Errors
/// serde_json's error, with [`UNKNOWN_TYPE`] or [`NO_TYPE`] for a bad or missing `type`.
pub fn parse(line: &str) -> Result<Item, serde_json::Error> {
    let kind = if type_first(line) {
        None
    } else {
        let head: Head = serde_json::from_str(line)?;
        let kind = head
            .kind
            .ok_or_else(|| de::Error::custom(NO_TYPE))
            .and_then(|k| Kind::located(&k));
        Some(kind?)
    };
    let mut d = serde_json::Deserializer::from_str(line);
    let item = ItemSeed(kind).deserialize(&mut d)?;
    d.end()?;
    Ok(item)
}

/// Whether the line's first key is `type`, written plainly.
fn type_first(line: &str) -> bool {
    line.trim_start()
        .strip_prefix('{')
        .is_some_and(|rest| rest.trim_start().starts_with("\"type\""))
}

/// A line read only for its `type` and `id` (anything else is skipped unchecked).
#[derive(Deserialize)]
pub struct Head {
    #[serde(rename = "type")]
    kind: Option<At<String>>,
    /// The entry's id, so references to a broken entry are not reported again.
    pub id: Option<IgnoreType<String>>,
}

/// A value read when it has the expected type, and skipped otherwise.
pub struct IgnoreType<T>(pub Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for IgnoreType<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::value::Value::deserialize(d)?;
        Ok(IgnoreType(T::deserialize(value).ok()))
    }
}

/// Reads the object: with the kind known, every key but `type` goes to the entry; without
/// it, the first key must be `type`.
struct ItemSeed(Option<Kind>);

impl<'de> DeserializeSeed<'de> for ItemSeed {
    type Value = Item;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Item, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ItemSeed {
    type Value = Item;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with a `type` of {}", expected_list(TYPES))
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Item, M::Error> {
        let kind = match self.0 {
            Some(kind) => kind,
            None => match map.next_key::<Key<'de>>()? {
                Some(key) if key.0 == "type" => Kind::located(&map.next_value::<At<String>>()?)?,
                _ => return Err(de::Error::custom(NO_TYPE)),
            },
        };
        kind.read(WithoutType(map))
    }
}

/// A key, borrowed from the line when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
        }
        d.deserialize_str(V)
    }
}

/// The object's keys and values without its `type` (already read, or read before).
struct WithoutType<M>(M);

impl<'de, M: MapAccess<'de>> MapAccess<'de> for WithoutType<M> {
    type Error = M::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, M::Error> {
        loop {
            match self.0.next_key::<Key<'de>>()? {
                None => return Ok(None),
                Some(Key(key)) if key == "type" => {
                    self.0.next_value::<IgnoredAny>()?;
                }
                Some(Key(Cow::Borrowed(key))) => {
                    return seed
                        .deserialize(BorrowedStrDeserializer::new(key))
                        .map(Some);
                }
                Some(Key(Cow::Owned(key))) => {
                    return seed.deserialize(StringDeserializer::new(key)).map(Some);
                }
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, M::Error> {
        self.0.next_value_seed(seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Result<Item, String> {
        position::reading(line, 1, || parse(line))
            .0
            .map_err(|e| position::message(&e))
    }

    #[test]
    fn the_type_may_come_anywhere() {
        for line in [
            r#"{"type": "claim", "id": "a", "text": "A."}"#,
            r#"{"id": "a", "type": "claim", "text": "A."}"#,
            r#"{"id": "a", "text": "A.", "type": "claim"}"#,
        ] {
            match read(line) {
                Ok(Item::Claim(c)) => {
                    assert_eq!((c.id.value.as_str(), c.text.as_str()), ("a", "A."))
                }
                other => panic!("{line}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_bad_type_is_named() {
        let cases = [
            (r#"{"type": "clam", "id": "a"}"#, "unknown type `clam`"),
            (r#"{"id": "a", "type": "clam"}"#, "unknown type `clam`"),
            (r#"{"id": "a", "text": "A."}"#, NO_TYPE),
            (
                r#"{"type": "claim", "id": "a", "txt": "A."}"#,
                "unknown field `txt`",
            ),
        ];
        for (line, start) in cases {
            let message = read(line).unwrap_err();
            assert!(message.starts_with(start), "{line}: {message}");
        }
    }
}

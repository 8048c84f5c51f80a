//! The serde structs of claim file format version 1, exactly as written on disk.
//!
//! Keys are strict (`deny_unknown_fields`); values are kept loose where a user can get them
//! wrong in ways worth a precise message (ids, references, keywords, dates, numbers), each
//! with its position, so [`resolve`](super::resolve) can check them all and point at each one.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_saphyr::Spanned;

/// A value with the position it was written at.
pub type At<T> = Spanned<T>;

/// One claim file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub claims: Vec<RawClaim>,
    #[serde(default)]
    pub relations: Vec<RawRelation>,
    /// Ids of entries that could not be read (already reported): references to them are not
    /// reported again.
    #[serde(skip)]
    pub broken: Vec<String>,
}

/// The top-level keys, for hints.
pub const FILE_KEYS: &[&str] = &["sources", "claims", "relations"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: At<String>,
    pub name: String,
    pub kind: Option<At<Scalar>>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub date: Option<At<Scalar>>,
    pub reliability: Option<At<f64>>,
    pub part_of: Option<At<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    pub id: At<String>,
    pub text: String,
    pub by: Option<At<String>>,
    #[serde(default)]
    pub sources: Vec<At<RawCitation>>,
    pub date: Option<At<Scalar>>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub confidence: Option<At<f64>>,
    pub verdict: Option<RawVerdict>,
    #[serde(default)]
    pub supports: Vec<At<String>>,
    #[serde(default)]
    pub contradicts: Vec<At<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVerdict {
    pub rating: At<Scalar>,
    pub by: Option<At<String>>,
    pub date: Option<At<Scalar>>,
    pub note: Option<String>,
    #[serde(default)]
    pub evidence: Vec<At<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    pub from: At<String>,
    pub to: At<String>,
    pub kind: At<Scalar>,
    pub strength: Option<At<f64>>,
    pub note: Option<String>,
    #[serde(default)]
    pub sources: Vec<At<String>>,
}

/// A citation: either a bare source id or `{source, quote, locator}`.
///
/// Written by hand rather than as an untagged enum, because serde's untagged enums buffer the
/// input and lose the positions inside it.
#[derive(Debug)]
pub enum RawCitation {
    Short(String),
    Long {
        source: At<String>,
        quote: Option<String>,
        locator: Option<String>,
    },
}

const CITATION_KEYS: &[&str] = &["source", "quote", "locator"];

impl<'de> Deserialize<'de> for RawCitation {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CitationVisitor)
    }
}

struct CitationVisitor;

impl<'de> Visitor<'de> for CitationVisitor {
    type Value = RawCitation;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a source id or a mapping with `source`, `quote` and `locator`")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawCitation, E> {
        Ok(RawCitation::Short(v.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawCitation, A::Error> {
        let (mut source, mut quote, mut locator) = (None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "source" if source.is_none() => source = Some(map.next_value()?),
                "quote" if quote.is_none() => quote = Some(map.next_value()?),
                "locator" if locator.is_none() => locator = Some(map.next_value()?),
                "source" | "quote" | "locator" => {
                    return Err(de::Error::custom(format!("duplicate field `{key}`")));
                }
                _ => return Err(de::Error::unknown_field(&key, CITATION_KEYS)),
            }
        }
        let source = source.ok_or_else(|| de::Error::missing_field("source"))?;
        Ok(RawCitation::Long {
            source,
            quote,
            locator,
        })
    }
}

/// Any scalar, kept as the text it was written as: `rating: true` (a YAML boolean) and
/// `date: 2025` (a YAML integer) are read as the words `true` and `2025`.
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl Visitor<'_> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a single word or date")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }
}

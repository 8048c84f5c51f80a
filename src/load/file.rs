//! The serde structs of claim file format version 1, exactly as written on disk.
//!
//! Keys are strict (`deny_unknown_fields`); values are kept loose where a user can get them
//! wrong in ways worth a precise message (ids, references, keywords, dates, numbers), each
//! with its position, so [`resolve`](super::resolve) can check them all and point at each one.
//!
//! The same structs also go to and from the load cache in a compact binary form: each
//! hand-written `Deserialize` reads YAML when the format is human-readable and the cache's
//! shape otherwise (`Deserializer::is_human_readable`). JSON claim files are read into them
//! too, each position then taken from where the value lies in the text (see `json/`).

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

/// A value with the position it was written at.
#[derive(Debug, Clone, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub referenced: Pos,
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            let (value, referenced) = <(T, Pos)>::deserialize(d)?;
            return Ok(At { value, referenced });
        }
        if super::json::position::active() {
            return super::json::position::at(d);
        }
        let s = Spanned::<T>::deserialize(d)?;
        let referenced = Pos {
            line: u32::try_from(s.referenced.line()).unwrap_or(u32::MAX),
            column: u32::try_from(s.referenced.column()).unwrap_or(u32::MAX),
        };
        Ok(At {
            value: s.value,
            referenced,
        })
    }
}

impl<T: Serialize> Serialize for At<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.value, self.referenced).serialize(s)
    }
}

/// One claim file.
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "ClaimFile")]
pub struct RawFile {
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub claims: Vec<RawClaim>,
    #[serde(default)]
    pub relations: Vec<RawRelation>,
    #[serde(default)]
    pub views: Vec<RawView>,
    /// Ids of entries that could not be read (already reported): references to them are not
    /// reported again.
    #[serde(skip)]
    pub broken: Vec<String>,
}

/// The top-level keys, for hints.
pub const FILE_KEYS: &[&str] = &["sources", "claims", "relations", "views"];

/// A source: a person, organisation, publication, document or data set.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Source")]
pub struct RawSource {
    #[schemars(with = "crate::schema::IdText")]
    pub id: At<String>,
    pub name: String,
    #[schemars(with = "Option<crate::schema::Keyword<crate::model::SourceKind>>")]
    pub kind: Option<At<Scalar>>,
    pub description: Option<String>,
    pub url: Option<String>,
    #[schemars(with = "Option<crate::schema::DateText>")]
    pub date: Option<At<Scalar>>,
    /// Prior trust in the source.
    #[schemars(with = "Option<crate::schema::Fraction>")]
    pub reliability: Option<At<f64>>,
    /// The source this one is part of: a post on a site, a chapter in a book.
    #[schemars(with = "Option<crate::schema::IdText>")]
    pub part_of: Option<At<String>>,
    /// A local copy of the document, relative to this claim file (plain text or Markdown):
    /// `check` verifies every quote of this source against it.
    #[schemars(with = "Option<String>")]
    pub archive: Option<At<String>>,
    /// When the archived copy was taken.
    #[schemars(with = "Option<crate::schema::DateText>")]
    pub retrieved: Option<At<Scalar>>,
    /// The SHA-256 of the archive (64 hexadecimal digits): `check` reports a changed archive.
    #[schemars(with = "Option<crate::schema::Sha256Text>")]
    pub sha256: Option<At<String>>,
}

/// A claim: what someone asserts, where it appears, and what it bears on.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Claim")]
pub struct RawClaim {
    #[schemars(with = "crate::schema::IdText")]
    pub id: At<String>,
    pub text: String,
    /// Who asserts it (a source id).
    #[schemars(with = "Option<crate::schema::IdText>")]
    pub by: Option<At<String>>,
    #[serde(default)]
    pub sources: Vec<At<RawCitation>>,
    #[schemars(with = "Option<crate::schema::DateText>")]
    pub date: Option<At<Scalar>>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Base score for gradual evaluation (default 0.5).
    #[schemars(with = "Option<crate::schema::Fraction>")]
    pub confidence: Option<At<f64>>,
    /// The fact-check result, or its history (a list, oldest first, each entry dated).
    #[schemars(with = "Option<crate::schema::Verdicts>")]
    pub verdict: Option<RawVerdicts>,
    /// Claims this one is a reason for.
    #[serde(default)]
    #[schemars(with = "Vec<crate::schema::IdText>")]
    pub supports: Vec<At<String>>,
    /// Claims this one is a reason against.
    #[serde(default)]
    #[schemars(with = "Vec<crate::schema::IdText>")]
    pub contradicts: Vec<At<String>>,
}

/// A fact-check result.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Verdict")]
pub struct RawVerdict {
    #[schemars(with = "crate::schema::Keyword<crate::model::Rating>")]
    pub rating: At<Scalar>,
    /// The reviewer (a source id).
    #[schemars(with = "Option<crate::schema::IdText>")]
    pub by: Option<At<String>>,
    #[schemars(with = "Option<crate::schema::DateText>")]
    pub date: Option<At<Scalar>>,
    pub note: Option<String>,
    /// Claim or source ids.
    #[serde(default)]
    #[schemars(with = "Vec<crate::schema::IdText>")]
    pub evidence: Vec<At<String>>,
}

/// A relation that carries attributes.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Relation")]
pub struct RawRelation {
    #[schemars(with = "crate::schema::IdText")]
    pub from: At<String>,
    #[schemars(with = "crate::schema::IdText")]
    pub to: At<String>,
    #[schemars(with = "crate::schema::Keyword<crate::model::RelationKind>")]
    pub kind: At<Scalar>,
    #[schemars(with = "Option<crate::schema::Fraction>")]
    pub strength: Option<At<f64>>,
    pub note: Option<String>,
    #[serde(default)]
    #[schemars(with = "Vec<crate::schema::IdText>")]
    pub sources: Vec<At<String>>,
    /// When the relation was first made (commands `--as-of` an earlier date leave it out).
    #[schemars(with = "Option<crate::schema::DateText>")]
    pub date: Option<At<Scalar>>,
}

/// A named view: a selection drawn in a style.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "View")]
pub struct RawView {
    #[schemars(with = "crate::schema::IdText")]
    pub name: At<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub select: RawSelect,
    #[serde(default)]
    pub style: RawStyle,
}

/// A view's selection: the keys of the selection flags.
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Select")]
pub struct RawSelect {
    #[serde(default)]
    #[schemars(with = "Vec<crate::schema::IdText>")]
    pub around: Vec<At<String>>,
    pub depth: Option<u32>,
    #[schemars(with = "Option<crate::schema::Keyword<crate::model::Direction>>")]
    pub direction: Option<At<Scalar>>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[schemars(with = "Option<crate::schema::IdText>")]
    pub by: Option<At<String>>,
    #[schemars(with = "Option<crate::schema::Keyword<crate::model::Rating>>")]
    pub rating: Option<At<Scalar>>,
    #[schemars(with = "Option<crate::schema::Keyword<crate::model::ItemKind>>")]
    pub kind: Option<At<Scalar>>,
    #[schemars(with = "Option<crate::schema::Keyword<crate::model::RelationKind>>")]
    pub relation: Option<At<Scalar>>,
    #[serde(default)]
    pub no_sources: bool,
    #[serde(rename = "where")]
    pub filter: Option<At<String>>,
}

/// A view's style: the keys of the style flags.
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Style")]
pub struct RawStyle {
    #[schemars(with = "Option<crate::schema::Keyword<crate::model::ColorKey>>")]
    pub color_by: Option<At<Scalar>>,
    #[schemars(with = "Option<crate::schema::Keyword<crate::model::GroupBy>>")]
    pub group_by: Option<At<Scalar>>,
    #[schemars(with = "Option<crate::schema::Keyword<crate::model::RankDir>>")]
    pub rankdir: Option<At<Scalar>>,
    #[schemars(with = "Option<crate::schema::IdText>")]
    pub focus: Option<At<String>>,
    #[schemars(with = "Option<crate::schema::Keyword<crate::model::SourceMode>>")]
    pub sources: Option<At<Scalar>>,
}

/// A citation: either a bare source id or `{source, quote, locator}`.
///
/// Written by hand rather than as an untagged enum, because serde's untagged enums buffer the
/// input and lose the positions inside it.
#[derive(Debug, Clone)]
pub enum RawCitation {
    Short(String),
    Long {
        source: At<String>,
        quote: Option<At<String>>,
        locator: Option<At<String>>,
    },
}

const CITATION_KEYS: &[&str] = &["source", "quote", "locator"];

impl<'de> Deserialize<'de> for RawCitation {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            return Ok(match CitationBin::deserialize(d)? {
                CitationBin::Short(id) => RawCitation::Short(id),
                CitationBin::Long(source, quote, locator) => RawCitation::Long {
                    source,
                    quote,
                    locator,
                },
            });
        }
        d.deserialize_any(CitationVisitor)
    }
}

/// The cache's shape of a citation.
#[derive(Serialize, Deserialize)]
enum CitationBin {
    Short(String),
    Long(At<String>, Option<At<String>>, Option<At<String>>),
}

impl Serialize for RawCitation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.clone() {
            RawCitation::Short(id) => CitationBin::Short(id),
            RawCitation::Long {
                source,
                quote,
                locator,
            } => CitationBin::Long(source, quote, locator),
        }
        .serialize(s)
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

/// `verdict:`: one verdict, or a history of them, oldest first (each entry with its position,
/// so an undated or out-of-order entry can be pointed at).
#[derive(Debug, Serialize)]
pub enum RawVerdicts {
    One(RawVerdict),
    Many(Vec<At<RawVerdict>>),
}

/// The cache's shape of [`RawVerdicts`] (the derived `Serialize` above writes it).
#[derive(Deserialize)]
enum VerdictsBin {
    One(RawVerdict),
    Many(Vec<At<RawVerdict>>),
}

impl<'de> Deserialize<'de> for RawVerdicts {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            return Ok(match VerdictsBin::deserialize(d)? {
                VerdictsBin::One(v) => RawVerdicts::One(v),
                VerdictsBin::Many(list) => RawVerdicts::Many(list),
            });
        }
        d.deserialize_any(VerdictsVisitor)
    }
}

struct VerdictsVisitor;

impl<'de> Visitor<'de> for VerdictsVisitor {
    type Value = RawVerdicts;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a verdict (a mapping with `rating`) or a list of dated verdicts, oldest first")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawVerdicts, A::Error> {
        RawVerdict::deserialize(de::value::MapAccessDeserializer::new(map)).map(RawVerdicts::One)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<RawVerdicts, A::Error> {
        Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(RawVerdicts::Many)
    }
}

/// Any scalar, kept as the text it was written as: `rating: true` (a YAML boolean) and
/// `date: 2025` (a YAML integer) are read as the words `true` and `2025`.
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            return String::deserialize(d).map(Scalar);
        }
        d.deserialize_any(ScalarVisitor)
    }
}

impl Serialize for Scalar {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
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

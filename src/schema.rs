//! The JSON Schema of claim file format version 1, for editors (yaml-language-server reads
//! draft-07) and other tools.
//!
//! It is generated from the serde structs the loader reads claim files with (`load/file.rs`),
//! so the schema and the loader cannot drift: a key added there appears here. Those structs keep
//! ids, keywords, dates and numbers loose (the loader checks them itself, with better messages
//! than a schema can give), so this module says what each loose value must look like: the id
//! rule of [`Id`](crate::model::Id), the keyword lists of the model's enums, the date shapes of
//! [`Date`](crate::model::Date), and the `0..1` range of weights. Whatever a schema cannot
//! judge (an id that names nothing, a duplicate, a support cycle) is left to `check`. One
//! difference: the loader takes an optional key written empty (`by:`) as absent; the schema
//! wants it left out, which lets a validator point at a wrong value itself.

use std::borrow::Cow;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator, generate::SchemaSettings, json_schema};
use serde_json::Value;

use crate::load::file::{At, RawCitation, RawFile, RawVerdict};

/// Where the schema is kept in the repository, relative to a claim file in `claims/`: what the
/// `# yaml-language-server: $schema=...` line at the top of each claim file names.
pub const SCHEMA_PATH: &str = "schema/claims-v1.json";

/// The JSON Schema (draft-07) of a claim file, as pretty-printed JSON with a final newline.
pub fn claims_v1() -> String {
    let mut text = serde_json::to_string_pretty(&claims_v1_value()).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of a claim file as a JSON value: what [`claims_v1`] prints, for tools that
/// read the format's shape (the language server's completion).
pub fn claims_v1_value() -> Value {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<RawFile>();
    let mut value = schema.to_value();
    drop_null(&mut value);
    if let Value::Object(map) = &mut value {
        map.insert(
            "title".into(),
            "claimgraph claim file (format version 1)".into(),
        );
    }
    value
}

/// Removes the `null` that schemars allows for every `Option`: an optional key is left out, not
/// written empty, and without the `anyOf` a validator (and an editor) points at the wrong key
/// itself instead of at the mapping around it.
fn drop_null(value: &mut Value) {
    let null = serde_json::json!({ "type": "null" });
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(options)) = map.get("anyOf")
                && options.len() == 2
                && options.contains(&null)
            {
                let kept = options.iter().find(|o| **o != null).cloned();
                map.remove("anyOf");
                if let Some(Value::Object(kept)) = kept {
                    map.extend(kept);
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// A value read with its position is, to a schema, just the value.
impl<T: JsonSchema> JsonSchema for At<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
}

/// A citation: a source id, or a mapping with `source`, `quote` and `locator`.
impl JsonSchema for RawCitation {
    fn schema_name() -> Cow<'static, str> {
        "Citation".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let id = generator.subschema_for::<IdText>();
        json_schema!({
            "description": "Where the claim appears: a source id, or the source with the words \
                            quoted and where in it they are.",
            "anyOf": [
                id,
                {
                    "type": "object",
                    "properties": {
                        "source": id,
                        "quote": { "type": "string", "description": "The words as the source has them." },
                        "locator": { "type": "string", "description": "Where in the source: a heading, page or timestamp." }
                    },
                    "required": ["source"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// A claim, source or view id, or a reference to one.
pub(crate) struct IdText;

impl JsonSchema for IdText {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[a-z0-9._-]+$",
            "description": "An id: lowercase letters, digits, `-`, `_` or `.`. Claims and \
                            sources share one id space."
        })
    }
}

/// A date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub(crate) struct DateText;

impl JsonSchema for DateText {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date as YYYY, YYYY-MM or YYYY-MM-DD (a bare year reads as a number).",
            "anyOf": [
                { "type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" },
                { "type": "integer", "minimum": 1000, "maximum": 9999 }
            ]
        })
    }
}

/// A weight in `0..1`: confidence, reliability, strength.
pub(crate) struct Fraction;

impl JsonSchema for Fraction {
    fn schema_name() -> Cow<'static, str> {
        "Fraction".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "A number from 0 to 1."
        })
    }
}

/// One keyword of the set `K`.
pub(crate) struct Keyword<K>(PhantomData<K>);

impl<K: crate::model::Keyword> JsonSchema for Keyword<K> {
    fn schema_name() -> Cow<'static, str> {
        K::NAME.into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "enum": yaml_words(K::NAMES) })
    }
}

/// The values YAML reads the words as: `true` and `false` unquoted are booleans, which the
/// loader reads back as the words (a rating of `true` need not be quoted).
fn yaml_words(names: &[&str]) -> Vec<Value> {
    let mut values: Vec<Value> = names.iter().map(|&n| Value::from(n)).collect();
    for word in ["true", "false"] {
        if names.contains(&word) {
            values.push(Value::Bool(word == "true"));
        }
    }
    values
}

/// A SHA-256 digest as written in a claim file.
pub(crate) struct Sha256Text;

impl JsonSchema for Sha256Text {
    fn schema_name() -> Cow<'static, str> {
        "Sha256".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9a-fA-F]{64}$",
            "description": "A SHA-256 digest: 64 hexadecimal digits."
        })
    }
}

/// `verdict:`: one verdict, or a history of them, oldest first, each with its `date`.
pub(crate) struct Verdicts;

impl JsonSchema for Verdicts {
    fn schema_name() -> Cow<'static, str> {
        "Verdicts".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<RawVerdict>();
        json_schema!({
            "description": "A verdict, or a history of verdicts, oldest first; in a history every \
                            entry has its `date`, and the last is the current one.",
            // if/then/else rather than anyOf, so that a validator points at the wrong key in
            // the verdict, not at the whole `verdict` value.
            "if": { "type": "array" },
            "then": { "type": "array", "items": { "allOf": [one, { "required": ["date"] }] } },
            "else": one
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Rating, SourceKind};

    #[test]
    fn ratings_accept_yaml_booleans() {
        let words = yaml_words(Rating::NAMES);
        assert!(words.contains(&Value::Bool(true)));
        assert!(words.contains(&Value::Bool(false)));
        assert!(!yaml_words(SourceKind::NAMES).contains(&Value::Bool(true)));
    }

    #[test]
    fn optional_keys_are_not_nullable() {
        let mut value = serde_json::json!({
            "a": { "anyOf": [{ "$ref": "#/definitions/Id" }, { "type": "null" }], "description": "A." },
            "b": { "type": ["string", "null"] },
            "c": { "anyOf": [{ "type": "string" }, { "type": "integer" }] }
        });
        drop_null(&mut value);
        let expected = serde_json::json!({
            "a": { "$ref": "#/definitions/Id", "description": "A." },
            "b": { "type": "string" },
            "c": { "anyOf": [{ "type": "string" }, { "type": "integer" }] }
        });
        assert_eq!(value, expected);
    }

    #[test]
    fn the_schema_is_draft_07_and_strict() {
        let schema: Value = serde_json::from_str(&claims_v1()).expect("JSON");
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(schema["additionalProperties"], false);
        let claim = &schema["definitions"]["Claim"];
        assert_eq!(claim["additionalProperties"], false);
        assert_eq!(claim["required"], serde_json::json!(["id", "text"]));
    }
}

//! The claim format's shape, for completion: which keys a mapping at some key path takes, and
//! which words a key's value may be.
//!
//! It is read from the JSON Schema ([`crate::schema`]), which is generated from the loader's
//! own serde structs and the model's keyword enums, so the keys and keywords offered are the
//! ones the loader accepts, without a second list to keep in step.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde_json::Value;

/// What the format allows at one key path.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Allowed {
    /// The keys of the mapping there, in name order.
    pub keys: BTreeSet<String>,
    /// The keywords its value may be, in the keyword set's order.
    pub words: Vec<String>,
}

/// What the format allows under `path` (keys from the top of a file; lists are passed
/// through, so `["claims", "verdict"]` is a claim's verdict).
pub fn allowed(path: &[&str]) -> Allowed {
    let root = schema();
    let mut nodes = expand(root, root);
    for key in path {
        let inner = nodes
            .iter()
            .filter_map(|n| n.get("properties")?.get(*key))
            .collect::<Vec<_>>();
        nodes = inner.into_iter().flat_map(|n| expand(root, n)).collect();
    }
    let mut out = Allowed::default();
    for node in nodes {
        if let Some(Value::Object(properties)) = node.get("properties") {
            out.keys.extend(properties.keys().cloned());
        }
        let words = node.get("enum").and_then(Value::as_array).into_iter();
        for word in words.flatten().filter_map(Value::as_str) {
            if !out.words.iter().any(|w| w == word) {
                out.words.push(word.to_owned());
            }
        }
    }
    out
}

/// The schema, generated once.
fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(crate::schema::claims_v1_value)
}

/// The plain schemas `node` stands for: references followed, alternatives (`anyOf`, `allOf`,
/// `then`, `else`) and list items taken apart.
fn expand<'a>(root: &'a Value, node: &'a Value) -> Vec<&'a Value> {
    let mut out = Vec::new();
    let mut todo = vec![node];
    // The schema has no cycles through these keys, but a bound costs nothing.
    while let Some(node) = todo.pop().filter(|_| out.len() < 64) {
        if let Some(target) = node.get("$ref").and_then(Value::as_str) {
            todo.extend(follow(root, target));
            continue;
        }
        for key in ["anyOf", "allOf", "oneOf"] {
            todo.extend(
                node.get(key)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten(),
            );
        }
        todo.extend(
            ["then", "else", "items"]
                .iter()
                .filter_map(|k| node.get(*k)),
        );
        out.push(node);
    }
    out
}

/// The schema a local `$ref` (`#/definitions/Name`) names.
fn follow<'a>(root: &'a Value, target: &str) -> Option<&'a Value> {
    root.pointer(target.strip_prefix('#')?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn keys(path: &[&str], expected: &[&str]) {
        let got: Vec<String> = allowed(path).keys.into_iter().collect();
        assert_eq!(got, expected);
    }

    #[track_caller]
    fn words(path: &[&str], expected: &[&str]) {
        assert_eq!(allowed(path).words, expected);
    }

    #[test]
    fn keys_of_each_mapping() {
        keys(&[], &["claims", "relations", "sources", "views"]);
        keys(
            &["claims", "verdict"],
            &["by", "date", "evidence", "note", "rating"],
        );
        keys(&["claims", "sources"], &["locator", "quote", "source"]);
        keys(
            &["relations"],
            &["date", "from", "kind", "note", "sources", "strength", "to"],
        );
        keys(&["claims", "text"], &[]);
        keys(&["nothing"], &[]);
    }

    #[test]
    fn keywords_of_each_value() {
        words(
            &["sources", "kind"],
            &[
                "person",
                "organization",
                "publication",
                "document",
                "dataset",
                "other",
            ],
        );
        use crate::model::Rating;
        words(&["claims", "verdict", "rating"], Rating::NAMES);
        words(&["views", "style", "sources"], &["show", "hide", "merge"]);
        words(&["claims", "by"], &[]);
    }
}

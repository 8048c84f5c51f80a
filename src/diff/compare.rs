//! What changed between two corpora, item by item: claims and sources added, removed and
//! changed (field by field), relations added and removed, and verdict ratings that moved.
//!
//! Items are matched by id. Where an item was written (file, line) is not part of it: moving a
//! claim to another file, or lines shifting above it, is no change. A relation has no id: it is
//! its endpoints, kind and attributes together, so a relation whose `note` changed is reported
//! as removed and added.

use rustc_hash::FxHashMap as HashMap;
use serde_json::{Map, Value};

use super::fields;
use crate::model::{Claim, Corpus, Id, Rating, Relation};

/// Claims or sources added, removed and changed, each as it is written in a claim file.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct ItemChanges {
    /// In the new version only, in its order.
    pub added: Vec<Value>,
    /// In the old version only, in its order.
    pub removed: Vec<Value>,
    /// In both, with some field changed; in the new version's order.
    pub changed: Vec<Changed>,
}

impl ItemChanges {
    /// Whether nothing was added, removed or changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// One item in both versions, and how its fields differ.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Changed {
    /// The item's id.
    pub id: Id,
    /// Each field that differs, in the order of the field names.
    pub fields: Vec<FieldChange>,
}

/// One field of an item, before and after (`null` where it is absent).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FieldChange {
    /// The key as written in a claim file (`text`, `tags`, `verdict`, ...).
    pub field: String,
    /// The old value.
    pub from: Value,
    /// The new value.
    pub to: Value,
}

/// Relations added and removed.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct RelationChanges {
    /// In the new version only.
    pub added: Vec<Relation>,
    /// In the old version only.
    pub removed: Vec<Relation>,
}

/// A claim in both versions whose current verdict's rating differs (`None`: unrated).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VerdictChange {
    /// The claim.
    pub id: Id,
    /// The old rating.
    pub from: Option<Rating>,
    /// The new rating.
    pub to: Option<Rating>,
}

/// The claims of two corpora compared.
pub fn claims(old: &Corpus, new: &Corpus) -> ItemChanges {
    items(&old.claims, &new.claims, |c| &c.id, fields::same_claim)
}

/// The sources of two corpora compared.
pub fn sources(old: &Corpus, new: &Corpus) -> ItemChanges {
    items(&old.sources, &new.sources, |s| &s.id, fields::same_source)
}

fn items<T: serde::Serialize>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &Id,
    same: impl Fn(&T, &T) -> bool,
) -> ItemChanges {
    let before: HashMap<&Id, &T> = old.iter().map(|t| (id(t), t)).collect();
    let after: HashMap<&Id, &T> = new.iter().map(|t| (id(t), t)).collect();
    let mut changes = ItemChanges::default();
    for item in new {
        match before.get(id(item)) {
            None => changes.added.push(to_value(item)),
            Some(was) if !same(was, item) => changes.changed.push(Changed {
                id: id(item).clone(),
                fields: field_changes(&to_value(*was), &to_value(item)),
            }),
            Some(_) => {}
        }
    }
    let removed = old.iter().filter(|t| !after.contains_key(id(t)));
    changes.removed = removed.map(to_value).collect();
    changes
}

fn to_value<T: serde::Serialize>(item: &T) -> Value {
    serde_json::to_value(item).unwrap_or(Value::Null)
}

/// The keys whose values differ between two JSON objects, in key order.
fn field_changes(old: &Value, new: &Value) -> Vec<FieldChange> {
    let empty = Map::new();
    let (old, new) = (
        old.as_object().unwrap_or(&empty),
        new.as_object().unwrap_or(&empty),
    );
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let (from, to) = (old.get(k), new.get(k));
            (from != to).then(|| FieldChange {
                field: k.clone(),
                from: from.cloned().unwrap_or(Value::Null),
                to: to.cloned().unwrap_or(Value::Null),
            })
        })
        .collect()
}

/// The relations of two corpora compared, as multisets of [`fields::RelationKey`]s.
pub fn relations(old: &Corpus, new: &Corpus) -> RelationChanges {
    let mut left: HashMap<fields::RelationKey<'_>, usize> = HashMap::default();
    for r in &old.relations {
        *left.entry(fields::RelationKey::of(r)).or_default() += 1;
    }
    let mut added = Vec::new();
    for r in &new.relations {
        match left.get_mut(&fields::RelationKey::of(r)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => added.push(r.clone()),
        }
    }
    let mut removed = Vec::new();
    for r in &old.relations {
        if let Some(n) = left
            .get_mut(&fields::RelationKey::of(r))
            .filter(|n| **n > 0)
        {
            *n -= 1;
            removed.push(r.clone());
        }
    }
    RelationChanges { added, removed }
}

/// The claims in both corpora whose current rating differs, in the new corpus's order.
pub fn verdicts(old: &Corpus, new: &Corpus) -> Vec<VerdictChange> {
    let rating = |c: &Claim| c.verdict.as_ref().map(|v| v.rating);
    let before: HashMap<&Id, Option<Rating>> =
        old.claims.iter().map(|c| (&c.id, rating(c))).collect();
    new.claims
        .iter()
        .filter_map(|c| {
            let from = *before.get(&c.id)?;
            let to = rating(c);
            (from != to).then(|| VerdictChange {
                id: c.id.clone(),
                from,
                to,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::test_graph;

    const OLD: &str = "
sources:
  - {id: s, name: S}
claims:
  - {id: a, text: A., tags: [x], contradicts: [b]}
  - {id: b, text: B., verdict: {rating: unproven}}
  - {id: gone, text: Gone.}
relations:
  - {from: a, to: b, kind: supports, note: first}
";

    fn compared(old: &str, new: &str) -> (ItemChanges, ItemChanges, RelationChanges) {
        let (old, new) = (test_graph(old), test_graph(new));
        let (a, b) = (old.corpus(), new.corpus());
        (claims(a, b), sources(a, b), relations(a, b))
    }

    #[test]
    fn where_an_item_was_written_is_no_change() {
        let moved = format!("\n\n# a comment\n{OLD}");
        let (claims, sources, relations) = compared(OLD, &moved);
        assert!(
            claims.is_empty() && sources.is_empty(),
            "{claims:?} {sources:?}"
        );
        assert_eq!(relations, RelationChanges::default());
    }

    #[test]
    fn items_added_removed_and_changed_field_by_field() {
        let new = OLD
            .replace(
                "{id: a, text: A., tags: [x],",
                "{id: a, text: A!, tags: [x, y],",
            )
            .replace(
                "  - {id: gone, text: Gone.}\n",
                "  - {id: new, text: New.}\n",
            )
            .replace(
                "{id: s, name: S}",
                "{id: s, name: S, url: https://s.example}",
            );
        let (claims, sources, _) = compared(OLD, &new);
        let ids = |v: &[Value]| -> Vec<String> { v.iter().map(|c| c["id"].to_string()).collect() };
        assert_eq!(ids(&claims.added), ["\"new\""]);
        assert_eq!(ids(&claims.removed), ["\"gone\""]);
        let [changed] = &claims.changed[..] else {
            panic!("{:?}", claims.changed)
        };
        let fields: Vec<(&str, String, String)> = changed
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.from.to_string(), f.to.to_string()))
            .collect();
        assert_eq!(
            fields,
            [
                ("tags", r#"["x"]"#.into(), r#"["x","y"]"#.into()),
                ("text", r#""A.""#.into(), r#""A!""#.into()),
            ]
        );
        assert_eq!(sources.changed[0].fields[0].field, "url");
        assert_eq!(sources.changed[0].fields[0].from, Value::Null);
    }

    #[test]
    fn a_relation_with_a_new_note_is_removed_and_added() {
        let new = OLD.replace("note: first", "note: second");
        let (_, _, relations) = compared(OLD, &new);
        let notes =
            |r: &[Relation]| -> Vec<Option<String>> { r.iter().map(|r| r.note.clone()).collect() };
        assert_eq!(notes(&relations.added), [Some("second".to_string())]);
        assert_eq!(notes(&relations.removed), [Some("first".to_string())]);
    }

    #[test]
    fn ratings_that_moved() {
        let new = OLD.replace("rating: unproven", "rating: false");
        let (old, new) = (test_graph(OLD), test_graph(&new));
        let changes = verdicts(old.corpus(), new.corpus());
        assert_eq!(
            changes,
            [VerdictChange {
                id: Id::new("b").expect("an id"),
                from: Some(Rating::Unproven),
                to: Some(Rating::False),
            }]
        );
    }
}

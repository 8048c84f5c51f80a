//! The Argument Interchange Format (AIF) as JSON: the format of AIFdb, OVA and the argument
//! mining corpora built with them.
//!
//! AIF is a graph of information nodes (I-nodes: claims) and scheme nodes between them: an RA
//! node is an inference (its premises support its conclusion), a CA node a conflict (attackers
//! against a target), an MA node a rephrase. Dialogue is recorded alongside: L-nodes
//! (locutions) are anchored to the I-nodes they assert through YA-nodes, and `locutions` and
//! `participants` say who spoke.
//!
//! Writing: a claim is an I-node (its id is the node id), a `supports` relation an RA-node, a
//! `contradicts` relation a CA-node; a claim's speaker becomes a participant with an L-node
//! anchored by an `Asserting` YA-node. Reading does the reverse, and also takes the xAIF
//! wrapper (`{"AIF": {...}, "OVA": ..., "text": ...}`) and OVA's `id`/`from`/`to` spellings.
//! An RA- or CA-node with several premises becomes one relation per premise; an MA-node is read
//! as a `supports` relation (a rephrase is a reason for what it rephrases); an attack on an
//! inference (a CA-node aimed at an RA- or CA-node, an undercut) has no counterpart in claim
//! files and is dropped. Every such change is reported as a loss.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::import::{Draft, error, json_error};
use super::loss::{Carried, Loss, not_carried};
use crate::graph::ClaimGraph;
use crate::load::Diagnostic;
use crate::model::{Id, RelationKind, Source, SourceKind};

#[derive(Serialize)]
struct Document {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    locutions: Vec<Locution>,
    participants: Vec<Participant>,
}

#[derive(Serialize)]
struct Node {
    #[serde(rename = "nodeID")]
    id: String,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct Edge {
    #[serde(rename = "edgeID")]
    id: String,
    #[serde(rename = "fromID")]
    from: String,
    #[serde(rename = "toID")]
    to: String,
}

#[derive(Serialize)]
struct Locution {
    #[serde(rename = "nodeID")]
    node: String,
    #[serde(rename = "personID")]
    person: String,
}

#[derive(Serialize)]
struct Participant {
    #[serde(rename = "participantID")]
    id: String,
    firstname: String,
    surname: String,
}

/// The AIF JSON of `graph`, and what AIF cannot carry. Scheme and dialogue nodes get upper-case
/// ids (`RA1`, `L1`), which no claim id can collide with.
pub fn to_aif(graph: &ClaimGraph) -> (String, Vec<Loss>) {
    let mut doc = Document {
        nodes: Vec::new(),
        edges: Vec::new(),
        locutions: Vec::new(),
        participants: Vec::new(),
    };
    for (_, c) in graph.claims() {
        doc.node(c.id.to_string(), c.text.clone(), "I");
    }
    for (n, r) in graph.corpus().relations.iter().enumerate() {
        let (kind, text, prefix) = match r.kind {
            RelationKind::Supports => ("RA", "Default Inference", "RA"),
            RelationKind::Contradicts => ("CA", "Default Conflict", "CA"),
        };
        let id = format!("{prefix}{}", n + 1);
        doc.node(id.clone(), text.into(), kind);
        doc.edge(r.from.to_string(), id.clone());
        doc.edge(id, r.to.to_string());
    }
    for (n, (_, c)) in graph.claims().enumerate() {
        let Some(source) = c.by.as_ref().and_then(|b| graph.node(b.as_str())) else {
            continue;
        };
        let Some(source) = graph.source(source) else {
            continue;
        };
        let (l, ya) = (format!("L{}", n + 1), format!("YA{}", n + 1));
        doc.node(l.clone(), format!("{} : {}", source.name, c.text), "L");
        doc.node(ya.clone(), "Asserting".into(), "YA");
        doc.edge(l.clone(), ya.clone());
        doc.edge(ya, c.id.to_string());
        doc.speaker(l, source);
    }
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    let carried = Carried {
        speakers: true,
        ..Carried::default()
    };
    (text, not_carried(graph.corpus(), "AIF", carried).into_vec())
}

impl Document {
    fn node(&mut self, id: String, text: String, kind: &'static str) {
        self.nodes.push(Node { id, text, kind });
    }

    fn edge(&mut self, from: String, to: String) {
        let id = format!("E{}", self.edges.len() + 1);
        self.edges.push(Edge { id, from, to });
    }

    fn speaker(&mut self, locution: String, source: &Source) {
        let person = source.id.to_string();
        if !self.participants.iter().any(|p| p.id == person) {
            let name = source.name.trim();
            let (first, last) = match source.kind {
                Some(SourceKind::Person) => name.rsplit_once(' ').unwrap_or((name, "")),
                _ => (name, ""),
            };
            self.participants.push(Participant {
                id: person.clone(),
                firstname: first.to_string(),
                surname: last.to_string(),
            });
        }
        self.locutions.push(Locution {
            node: locution,
            person,
        });
    }
}

/// An AIF graph as read, before it becomes claims.
#[derive(Debug, Default)]
struct Graph {
    /// Node id, type, text; in file order.
    nodes: Vec<(String, String, String)>,
    /// From, to.
    edges: Vec<(String, String)>,
    /// Locution node -> speaker name and participant id.
    speakers: HashMap<String, (String, String)>,
}

/// Reads AIF JSON (plain, or in the xAIF/OVA wrapper) from `text`, the content of `path`.
///
/// # Errors
/// Malformed JSON (at its line and column) or a document that is not AIF (at its JSON path).
pub fn read(path: &Path, text: &str, draft: &mut Draft) -> Result<(), Vec<Diagnostic>> {
    let value: Value = serde_json::from_str(text).map_err(|e| vec![json_error(path, &e)])?;
    let graph =
        parse(&value).map_err(|(at, msg)| vec![error(path, 0, 0, format!("at `{at}`: {msg}"))])?;
    into_claims(&graph, draft);
    Ok(())
}

type Problem = (String, String);

fn parse(value: &Value) -> Result<Graph, Problem> {
    let (root, prefix) = match value.get("AIF") {
        Some(aif) => (aif, "AIF."),
        None => (value, ""),
    };
    let nodes = array(root, "nodes", prefix)?;
    let edges = array(root, "edges", prefix)?;
    let mut graph = Graph::default();
    for (i, node) in nodes.iter().enumerate() {
        let at = format!("{prefix}nodes[{i}]");
        let id = id_of(node, &["nodeID", "id"], &at)?;
        let kind = node.get("type").and_then(Value::as_str).ok_or_else(|| {
            (
                format!("{at}.type"),
                "expected the node type as a string".into(),
            )
        })?;
        let text = match node.get("text") {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err((format!("{at}.text"), "expected a string".into())),
        };
        graph.nodes.push((id, kind.to_string(), text));
    }
    for (i, edge) in edges.iter().enumerate() {
        let at = format!("{prefix}edges[{i}]");
        let from = id_of(edge, &["fromID", "from"], &at)?;
        let to = id_of(edge, &["toID", "to"], &at)?;
        graph.edges.push((from, to));
    }
    graph.speakers = speakers(root, prefix)?;
    Ok(graph)
}

fn array<'a>(root: &'a Value, key: &str, prefix: &str) -> Result<&'a Vec<Value>, Problem> {
    match root.get(key) {
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err((format!("{prefix}{key}"), "expected a list".into())),
        None => Err((
            format!("{prefix}{key}"),
            format!("missing `{key}`: this is not an AIF document"),
        )),
    }
}

/// The id under the first of `keys` present: a string, a number, or OVA's `{"id": ...}`.
fn id_of(item: &Value, keys: &[&str], at: &str) -> Result<String, Problem> {
    let Some((key, value)) = keys.iter().find_map(|k| item.get(*k).map(|v| (*k, v))) else {
        return Err((at.to_string(), format!("missing `{}`", keys[0])));
    };
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Object(_) => id_of(value, &["id", "nodeID"], &format!("{at}.{key}")),
        _ => Err((
            format!("{at}.{key}"),
            "expected an id (a string or a number)".into(),
        )),
    }
}

/// Locution node -> speaker name and participant id, from `locutions` and `participants`.
fn speakers(root: &Value, prefix: &str) -> Result<HashMap<String, (String, String)>, Problem> {
    let mut names = HashMap::new();
    if let Some(Value::Array(people)) = root.get("participants") {
        for (i, p) in people.iter().enumerate() {
            let at = format!("{prefix}participants[{i}]");
            let id = id_of(p, &["participantID"], &at)?;
            let part = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or("").trim();
            let name = format!("{} {}", part("firstname"), part("surname"));
            names.insert(id, name.trim().to_string());
        }
    }
    let mut out = HashMap::new();
    if let Some(Value::Array(locutions)) = root.get("locutions") {
        for (i, l) in locutions.iter().enumerate() {
            let at = format!("{prefix}locutions[{i}]");
            let node = id_of(l, &["nodeID"], &at)?;
            if let Ok(person) = id_of(l, &["personID"], &at)
                && let Some(name) = names.get(&person).filter(|n| !n.is_empty())
            {
                out.insert(node, (name.clone(), person));
            }
        }
    }
    Ok(out)
}

/// Turns the AIF graph into claims and relations, recording every change.
fn into_claims(graph: &Graph, draft: &mut Draft) {
    let kinds: HashMap<&str, &str> = graph
        .nodes
        .iter()
        .map(|(id, kind, _)| (id.as_str(), kind.as_str()))
        .collect();
    let mut claims: HashMap<&str, Id> = HashMap::new();
    for (id, kind, text) in &graph.nodes {
        if kind == "I" {
            let wanted = if id.bytes().all(|b| b.is_ascii_digit()) {
                text
            } else {
                id
            };
            claims.insert(id, draft.add_claim(wanted, text));
        }
    }
    let mut into: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    for (from, to) in &graph.edges {
        if !kinds.contains_key(from.as_str()) || !kinds.contains_key(to.as_str()) {
            let example = format!("{from} -> {to}");
            draft
                .losses
                .dropped("AIF edges to nodes the document lacks", "edges", example);
            continue;
        }
        into.entry(to).or_default().push(from);
        out.entry(from).or_default().push(to);
    }
    for (id, kind, _) in &graph.nodes {
        let ins = into.get(id.as_str()).map_or(&[][..], Vec::as_slice);
        let outs = out.get(id.as_str()).map_or(&[][..], Vec::as_slice);
        match kind.as_str() {
            "I" | "L" => {}
            "RA" | "CA" | "MA" => scheme(id, kind, ins, outs, &kinds, &claims, draft),
            "YA" => speaker(ins, outs, graph, &kinds, &claims, draft),
            other => draft.losses.dropped(
                &format!("AIF {other}-nodes have no counterpart in claim files"),
                &format!("{other}-nodes"),
                id.as_str(),
            ),
        }
    }
}

/// One RA-, CA- or MA-node: a relation from each I-node premise to each I-node conclusion.
fn scheme(
    id: &str,
    kind: &str,
    ins: &[&str],
    outs: &[&str],
    kinds: &HashMap<&str, &str>,
    claims: &HashMap<&str, Id>,
    draft: &mut Draft,
) {
    let relation = if kind == "CA" {
        RelationKind::Contradicts
    } else {
        RelationKind::Supports
    };
    let premises: Vec<&Id> = ins.iter().filter_map(|p| claims.get(p)).collect();
    let targets: Vec<&Id> = outs.iter().filter_map(|c| claims.get(c)).collect();
    if outs.iter().any(|o| kinds.get(o).is_some_and(|k| *k != "I")) {
        let what = if kind == "CA" {
            "attacks on inferences (undercuts)"
        } else {
            "supports of inferences"
        };
        draft
            .losses
            .dropped("claim files relate claims, not relations", what, id);
    }
    if kind == "MA" {
        draft.losses.record(
            "claim files have no rephrase relation",
            "AIF rephrases (MA-nodes)",
            "read as supports",
            id,
        );
    }
    if premises.len() > 1 && !targets.is_empty() {
        draft.losses.record(
            "claim files have no linked premises",
            "AIF scheme nodes with several premises",
            "read as one relation per premise",
            id,
        );
    }
    for from in &premises {
        for to in &targets {
            draft.relate(from, to, relation);
        }
    }
}

/// A YA-node anchoring a locution (L) to an I-node: the locution's speaker asserts the claim.
fn speaker(
    ins: &[&str],
    outs: &[&str],
    graph: &Graph,
    kinds: &HashMap<&str, &str>,
    claims: &HashMap<&str, Id>,
    draft: &mut Draft,
) {
    let Some(locution) = ins.iter().find(|n| kinds.get(*n) == Some(&"L")) else {
        return;
    };
    let speaker = graph.speakers.get(*locution).cloned().or_else(|| {
        let text = &graph.nodes.iter().find(|(id, _, _)| id == locution)?.2;
        let (who, _) = text.split_once(" : ")?;
        let who = who.trim().to_string();
        (!who.is_empty()).then(|| (who, String::new()))
    });
    let Some((name, person)) = speaker else {
        return;
    };
    // A participant id that is a word (not AIFdb's numbers) is kept as the source's id.
    let wanted = Some(person.as_str()).filter(|p| !p.bytes().all(|b| b.is_ascii_digit()));
    for claim in outs.iter().filter_map(|o| claims.get(o)) {
        let source = draft.source(&name, wanted, Some(SourceKind::Person), None);
        let Some(c) = draft.claim_mut(claim) else {
            continue;
        };
        match &c.by {
            None => c.by = Some(source),
            Some(by) if *by == source => {}
            Some(_) => draft.losses.dropped(
                "a claim has one speaker",
                "further speakers",
                claim.as_str(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fixture;
    use crate::format::{Format, ImportError, import};

    fn read_str(text: &str) -> Result<crate::format::Imported, ImportError> {
        import(Format::Aif, &[("g.json".into(), text.into())])
    }

    #[test]
    fn snapshot() {
        let (text, losses) = to_aif(&fixture::graph());
        insta::with_settings!({ snapshot_path => "snapshots" }, {
            insta::assert_snapshot!("aif", fixture::with_losses(&text, &losses));
        });
    }

    #[test]
    fn reading_what_we_wrote_keeps_claims_speakers_and_relations() {
        let graph = fixture::graph();
        let (text, _) = to_aif(&graph);
        let imported = read_str(&text).unwrap();
        assert!(imported.losses.is_empty(), "{:?}", imported.losses);
        let c = &imported.corpus;
        let ids: Vec<&str> = c.claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "compute-gap",
                "deepseek-efficient",
                "china-resilient",
                "china-catching-up"
            ]
        );
        assert_eq!(c.relations.len(), 3);
        assert_eq!(c.claims[0].by.as_ref().map(Id::as_str), Some("kai-fu-lee"));
        assert_eq!(c.sources[0].name, "Kai-Fu Lee");
    }

    #[test]
    fn undercuts_linked_premises_and_rephrases_are_reported() {
        let text = r#"{"nodes": [
            {"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "B", "type": "I"},
            {"nodeID": "3", "text": "C", "type": "I"}, {"nodeID": "4", "text": "D", "type": "I"},
            {"nodeID": 5, "text": "Default Inference", "type": "RA"},
            {"nodeID": 6, "text": "Default Conflict", "type": "CA"},
            {"nodeID": 7, "text": "Default Rephrase", "type": "MA"}],
          "edges": [{"fromID": "1", "toID": "5"}, {"fromID": "2", "toID": "5"},
            {"fromID": "5", "toID": "3"}, {"fromID": "4", "toID": "6"},
            {"fromID": "6", "toID": "5"}, {"fromID": "4", "toID": "7"}, {"fromID": "7", "toID": "1"}],
          "locutions": []}"#;
        let imported = read_str(text).unwrap();
        let rels: Vec<String> = imported
            .corpus
            .relations
            .iter()
            .map(|r| format!("{} {} {}", r.from, r.kind, r.to))
            .collect();
        assert_eq!(rels, ["a supports c", "b supports c", "d supports a"]);
        let losses: Vec<String> = imported.losses.iter().map(ToString::to_string).collect();
        assert_eq!(
            losses,
            [
                "claim files have no linked premises: 1 AIF scheme nodes with several premises read as one relation per premise (`5`)",
                "claim files relate claims, not relations: 1 attacks on inferences (undercuts) dropped (`6`)",
                "claim files have no rephrase relation: 1 AIF rephrases (MA-nodes) read as supports (`7`)",
            ]
        );
    }

    #[test]
    fn reads_the_xaif_wrapper_and_ova_ids() {
        let text = r#"{"AIF": {"nodes": [{"id": 1, "text": "A", "type": "I"},
            {"id": 2, "text": "B", "type": "I"}, {"id": 3, "text": "", "type": "RA"}],
            "edges": [{"from": {"id": 1}, "to": {"id": 3}}, {"from": {"id": 3}, "to": {"id": 2}}]},
            "OVA": {}, "text": ""}"#;
        let imported = read_str(text).unwrap();
        assert_eq!(imported.corpus.relations.len(), 1);
    }

    #[test]
    fn bad_input_is_located() {
        let messages = |text: &str| match read_str(text) {
            Err(ImportError::Invalid(d)) => d
                .iter()
                .map(|d| format!("{} {}", d.location, d.message))
                .collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            messages("{\"nodes\": [\n  {\"nodeID\": \"1\", \"type\": }\n]}"),
            ["g.json:2:27 invalid JSON: expected value"]
        );
        assert_eq!(
            messages(r#"{"nodes": [{"nodeID": "1", "type": 3}], "edges": []}"#),
            ["g.json at `nodes[0].type`: expected the node type as a string"]
        );
        assert_eq!(
            messages(r#"{"claims": []}"#),
            ["g.json at `nodes`: missing `nodes`: this is not an AIF document"]
        );
    }
}

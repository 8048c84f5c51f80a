//! Reading AIF JSON (AIFdb, OVA, xAIF) into claims, relations and speakers.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use crate::format::import::{Draft, error, json_error};
use crate::load::Diagnostic;
use crate::model::{Id, RelationKind, SourceKind};
use crate::text::visible;

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
                &format!(
                    "AIF {}-nodes have no counterpart in claim files",
                    visible(other)
                ),
                &format!("{}-nodes", visible(other)),
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

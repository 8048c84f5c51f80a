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
    /// The nodes, in file order.
    nodes: Vec<Node>,
    /// From, to.
    edges: Vec<(String, String)>,
    /// Locution node -> speaker name and participant id.
    speakers: HashMap<String, (String, String)>,
}

/// One AIF node.
#[derive(Debug)]
struct Node {
    /// Its `nodeID`.
    id: String,
    /// What it is, from its `type`.
    kind: Kind,
    /// Its `text` (empty when absent).
    text: String,
}

/// What an AIF node is. The types claim files have a counterpart for are variants; any other
/// is kept by name, to report it lost.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// `I`: a proposition, which becomes a claim.
    Information,
    /// `L`: a locution, someone's utterance.
    Locution,
    /// `RA`, `CA` or `MA`: a scheme relating propositions.
    Scheme(Scheme),
    /// `YA`: anchors a locution to the proposition it asserts.
    Illocution,
    /// Any other type (`TA`, `PA`, ...).
    Other(String),
}

/// The scheme nodes claimgraph reads as relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    /// `RA`: an inference, read as `supports`.
    Inference,
    /// `CA`: a conflict, read as `contradicts`.
    Conflict,
    /// `MA`: a rephrase, read as `supports` (and reported).
    Rephrase,
}

impl Kind {
    fn parse(kind: &str) -> Kind {
        match kind {
            "I" => Kind::Information,
            "L" => Kind::Locution,
            "RA" => Kind::Scheme(Scheme::Inference),
            "CA" => Kind::Scheme(Scheme::Conflict),
            "MA" => Kind::Scheme(Scheme::Rephrase),
            "YA" => Kind::Illocution,
            other => Kind::Other(other.to_string()),
        }
    }
}

/// The nodes by id (the last of a repeated id wins).
type Index<'a> = HashMap<&'a str, &'a Node>;

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
        let kind = Kind::parse(kind);
        graph.nodes.push(Node { id, kind, text });
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
    let index: Index<'_> = graph.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut claims: HashMap<&str, Id> = HashMap::new();
    for node in graph.nodes.iter().filter(|n| n.kind == Kind::Information) {
        let wanted = if node.id.bytes().all(|b| b.is_ascii_digit()) {
            &node.text
        } else {
            &node.id
        };
        claims.insert(&node.id, draft.add_claim(wanted, &node.text));
    }
    let mut into: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    for (from, to) in &graph.edges {
        if !index.contains_key(from.as_str()) || !index.contains_key(to.as_str()) {
            let example = format!("{from} -> {to}");
            draft
                .losses
                .dropped("AIF edges to nodes the document lacks", "edges", example);
            continue;
        }
        into.entry(to).or_default().push(from);
        out.entry(from).or_default().push(to);
    }
    for node in &graph.nodes {
        let id = node.id.as_str();
        let ins = into.get(id).map_or(&[][..], Vec::as_slice);
        let outs = out.get(id).map_or(&[][..], Vec::as_slice);
        match &node.kind {
            Kind::Information | Kind::Locution => {}
            Kind::Scheme(s) => scheme(id, *s, ins, outs, &index, &claims, draft),
            Kind::Illocution => speaker(ins, outs, graph, &index, &claims, draft),
            Kind::Other(other) => draft.losses.dropped(
                &format!(
                    "AIF {}-nodes have no counterpart in claim files",
                    visible(other)
                ),
                &format!("{}-nodes", visible(other)),
                id,
            ),
        }
    }
}

/// One RA-, CA- or MA-node: a relation from each I-node premise to each I-node conclusion.
fn scheme(
    id: &str,
    kind: Scheme,
    ins: &[&str],
    outs: &[&str],
    index: &Index<'_>,
    claims: &HashMap<&str, Id>,
    draft: &mut Draft,
) {
    let relation = match kind {
        Scheme::Conflict => RelationKind::Contradicts,
        Scheme::Inference | Scheme::Rephrase => RelationKind::Supports,
    };
    let premises: Vec<&Id> = ins.iter().filter_map(|p| claims.get(p)).collect();
    let targets: Vec<&Id> = outs.iter().filter_map(|c| claims.get(c)).collect();
    if outs
        .iter()
        .any(|o| index.get(o).is_some_and(|n| n.kind != Kind::Information))
    {
        let what = match kind {
            Scheme::Conflict => "attacks on inferences (undercuts)",
            Scheme::Inference | Scheme::Rephrase => "supports of inferences",
        };
        draft
            .losses
            .dropped("claim files relate claims, not relations", what, id);
    }
    if kind == Scheme::Rephrase {
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
    index: &Index<'_>,
    claims: &HashMap<&str, Id>,
    draft: &mut Draft,
) {
    let Some(locution) = ins
        .iter()
        .find_map(|n| index.get(n).filter(|n| n.kind == Kind::Locution))
    else {
        return;
    };
    let speaker = graph.speakers.get(&locution.id).cloned().or_else(|| {
        let (who, _) = locution.text.split_once(" : ")?;
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

    #[test]
    fn node_types_become_kinds() {
        assert_eq!(Kind::parse("I"), Kind::Information);
        assert_eq!(Kind::parse("L"), Kind::Locution);
        assert_eq!(Kind::parse("RA"), Kind::Scheme(Scheme::Inference));
        assert_eq!(Kind::parse("CA"), Kind::Scheme(Scheme::Conflict));
        assert_eq!(Kind::parse("MA"), Kind::Scheme(Scheme::Rephrase));
        assert_eq!(Kind::parse("YA"), Kind::Illocution);
        assert_eq!(Kind::parse("TA"), Kind::Other("TA".into()));
        assert_eq!(Kind::parse("i"), Kind::Other("i".into()));
    }
}

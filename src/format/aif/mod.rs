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

mod read;

pub use read::read;

use serde::Serialize;

use super::loss::{Carried, Loss, not_carried};
use crate::graph::ClaimGraph;
use crate::model::{RelationKind, Source, SourceKind};

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
    let mut text = crate::format::json_text::to_string_pretty(&doc);
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

#[cfg(test)]
mod tests;

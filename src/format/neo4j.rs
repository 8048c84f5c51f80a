//! Neo4j: CSV files in the header format of `neo4j-admin database import full`, and a Cypher
//! script that loads the same files with `LOAD CSV` into a running database.
//!
//! `nodes.csv` holds claims and sources (label `Claim` or `Source`), `relationships.csv` every
//! edge (`SUPPORTS`, `CONTRADICTS`, `BY`, `CITES`, `REVIEWED_BY`, `EVIDENCE`, `PART_OF`) with its
//! attributes. Arrays (tags, relation sources) use `;`, `neo4j-admin`'s default array delimiter.
//! Every field is carried, so nothing is lost.

use super::edges::edges;
use super::loss::Loss;
use crate::graph::{ClaimGraph, EdgeKind};
use crate::model::{Claim, Id, Source};

/// The node file's name.
pub const NODES: &str = "nodes.csv";
/// The relationship file's name.
pub const RELATIONSHIPS: &str = "relationships.csv";
/// The Cypher script's name.
pub const SCRIPT: &str = "import.cypher";

const NODE_HEADER: &[&str] = &[
    "id:ID",
    ":LABEL",
    "text",
    "name",
    "kind",
    "by",
    "date",
    "tags:string[]",
    "confidence:double",
    "rating",
    "verdict_by",
    "verdict_date",
    "verdict_note",
    "evidence:string[]",
    "description",
    "url",
    "reliability:double",
];

const RELATIONSHIP_HEADER: &[&str] = &[
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "strength:double",
    "note",
    "sources:string[]",
    "quote",
    "locator",
];

/// The three files (name, content) for `graph`. Neo4j carries every field.
pub fn to_neo4j(graph: &ClaimGraph) -> (Vec<(String, String)>, Vec<Loss>) {
    let mut nodes = csv_line(NODE_HEADER.iter().map(|h| h.to_string()));
    for (_, c) in graph.claims() {
        nodes.push_str(&csv_line(claim_row(c)));
    }
    for (_, s) in graph.sources() {
        nodes.push_str(&csv_line(source_row(s)));
    }
    let mut rels = csv_line(RELATIONSHIP_HEADER.iter().map(|h| h.to_string()));
    for e in edges(graph) {
        let relation = e.relation;
        let citation = e.citation;
        let sources = relation.map(|r| array(&r.sources)).unwrap_or_default();
        rels.push_str(&csv_line([
            e.from.to_string(),
            e.to.to_string(),
            rel_type(e.kind).to_string(),
            opt(relation.and_then(|r| r.strength)),
            relation.and_then(|r| r.note.clone()).unwrap_or_default(),
            sources,
            citation.and_then(|c| c.quote.clone()).unwrap_or_default(),
            citation.and_then(|c| c.locator.clone()).unwrap_or_default(),
        ]));
    }
    let files = vec![
        (NODES.to_string(), nodes),
        (RELATIONSHIPS.to_string(), rels),
        (SCRIPT.to_string(), script()),
    ];
    (files, Vec::new())
}

fn claim_row(c: &Claim) -> Vec<String> {
    let v = c.verdict.as_ref();
    vec![
        c.id.to_string(),
        "Claim".into(),
        c.text.clone(),
        String::new(),
        String::new(),
        opt(c.by.as_ref()),
        opt(c.date),
        c.tags.join(";"),
        opt(c.confidence),
        opt(v.map(|v| v.rating)),
        opt(v.and_then(|v| v.by.as_ref())),
        opt(v.and_then(|v| v.date)),
        v.and_then(|v| v.note.clone()).unwrap_or_default(),
        v.map(|v| array(&v.evidence)).unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

fn source_row(s: &Source) -> Vec<String> {
    vec![
        s.id.to_string(),
        "Source".into(),
        String::new(),
        s.name.clone(),
        opt(s.kind),
        String::new(),
        opt(s.date),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        s.description.clone().unwrap_or_default(),
        s.url.clone().unwrap_or_default(),
        opt(s.reliability),
    ]
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn array(ids: &[Id]) -> String {
    let ids: Vec<&str> = ids.iter().map(Id::as_str).collect();
    ids.join(";")
}

/// The relationship type of an edge kind.
pub fn rel_type(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Supports => "SUPPORTS",
        EdgeKind::Contradicts => "CONTRADICTS",
        EdgeKind::AssertedBy => "BY",
        EdgeKind::Cites => "CITES",
        EdgeKind::ReviewedBy => "REVIEWED_BY",
        EdgeKind::Evidence => "EVIDENCE",
        EdgeKind::PartOf => "PART_OF",
    }
}

/// One CSV line (RFC 4180): every non-empty field quoted, quotes doubled; an empty field is
/// left empty, which both importers read as "no value".
fn csv_line(fields: impl IntoIterator<Item = String>) -> String {
    let quoted: Vec<String> = fields
        .into_iter()
        .map(|f| {
            if f.is_empty() {
                f
            } else {
                format!("\"{}\"", f.replace('"', "\"\""))
            }
        })
        .collect();
    format!("{}\n", quoted.join(","))
}

/// The `LOAD CSV` script: constraints, nodes by label, relationships by type, in batches.
fn script() -> String {
    let mut out = String::from(
        "// Load the claim graph into a running Neo4j (5.x): copy nodes.csv and relationships.csv\n\
         // into the database's import directory, then run\n\
         //   cypher-shell -u neo4j -p PASSWORD -f import.cypher\n\
         // For a large graph into a new database, `neo4j-admin database import full` reads the\n\
         // same CSV files much faster (see the README).\n\
         CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;\n\
         CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;\n",
    );
    out.push_str(
        "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n\
         WITH row WHERE row.`:LABEL` = 'Claim'\n\
         CALL {\n  WITH row\n  MERGE (n:Claim {id: row.`id:ID`})\n  SET n.text = row.text, n.by = row.by, n.date = row.date,\n      \
         n.tags = [t IN split(row.`tags:string[]`, ';') WHERE t <> ''],\n      \
         n.confidence = toFloat(row.`confidence:double`), n.rating = row.rating,\n      \
         n.verdict_by = row.verdict_by, n.verdict_date = row.verdict_date,\n      \
         n.verdict_note = row.verdict_note,\n      \
         n.evidence = [e IN split(row.`evidence:string[]`, ';') WHERE e <> '']\n\
         } IN TRANSACTIONS OF 1000 ROWS;\n",
    );
    out.push_str(
        "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n\
         WITH row WHERE row.`:LABEL` = 'Source'\n\
         CALL {\n  WITH row\n  MERGE (n:Source {id: row.`id:ID`})\n  SET n.name = row.name, n.kind = row.kind, n.date = row.date,\n      \
         n.description = row.description, n.url = row.url,\n      \
         n.reliability = toFloat(row.`reliability:double`)\n\
         } IN TRANSACTIONS OF 1000 ROWS;\n",
    );
    let claim = "MATCH (a:Claim {id: row.`:START_ID`})";
    let to = |label: &str| format!("MATCH (b:{label} {{id: row.`:END_ID`}})");
    let either = "OPTIONAL MATCH (c:Claim {id: row.`:END_ID`})\n  \
                  OPTIONAL MATCH (s:Source {id: row.`:END_ID`})\n  \
                  WITH row, a, coalesce(c, s) AS b WHERE b IS NOT NULL"
        .to_string();
    let kinds = [
        (EdgeKind::Supports, claim, to("Claim")),
        (EdgeKind::Contradicts, claim, to("Claim")),
        (EdgeKind::AssertedBy, claim, to("Source")),
        (EdgeKind::Cites, claim, to("Source")),
        (EdgeKind::ReviewedBy, claim, to("Source")),
        (EdgeKind::Evidence, claim, either),
        (
            EdgeKind::PartOf,
            "MATCH (a:Source {id: row.`:START_ID`})",
            to("Source"),
        ),
    ];
    for (kind, from, to) in kinds {
        let ty = rel_type(kind);
        out.push_str(&format!(
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\n\
             WITH row WHERE row.`:TYPE` = '{ty}'\n\
             CALL {{\n  WITH row\n  {from}\n  {to}\n  \
             CREATE (a)-[r:{ty}]->(b)\n  \
             SET r.strength = toFloat(row.`strength:double`), r.note = row.note,\n      \
             r.sources = [s IN split(row.`sources:string[]`, ';') WHERE s <> ''],\n      \
             r.quote = row.quote, r.locator = row.locator\n\
             }} IN TRANSACTIONS OF 1000 ROWS;\n"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fixture;

    #[test]
    fn snapshot() {
        let (files, losses) = to_neo4j(&fixture::graph());
        assert!(losses.is_empty());
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, [NODES, RELATIONSHIPS, SCRIPT]);
        let all: Vec<String> = files
            .iter()
            .map(|(name, text)| format!("== {name}\n{text}"))
            .collect();
        insta::with_settings!({ snapshot_path => "snapshots" }, {
            insta::assert_snapshot!("neo4j", all.join("\n"));
        });
    }

    #[test]
    fn csv_quotes_everything() {
        assert_eq!(
            csv_line(["a".into(), "say \"hi\", ok".into(), "".into()]),
            "\"a\",\"say \"\"hi\"\", ok\",\n"
        );
    }
}

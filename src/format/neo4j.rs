//! Neo4j: CSV files in the header format of `neo4j-admin database import full`, and a Cypher
//! script that loads the same files with `LOAD CSV` into a running database.
//!
//! `nodes.csv` holds claims and sources (label `Claim` or `Source`), `relationships.csv` every
//! edge (`SUPPORTS`, `CONTRADICTS`, `BY`, `CITES`, `REVIEWED_BY`, `EVIDENCE`, `PART_OF`) with its
//! attributes. Arrays (tags, relation sources) use `;`, `neo4j-admin`'s default array delimiter.
//! Every field is carried, with two changes a CSV file opened in a spreadsheet needs (both
//! reported as losses): a free-text cell that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return, which a spreadsheet would run as a formula, gets a leading `'` (OWASP's
//! advice for CSV injection); and a `;` inside a tag, which would split it into two array
//! items, is written as `；` (U+FF1B). Ids need neither: the id rule allows no formula.

use super::edges::edges;
use super::loss::{Loss, Losses};
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
    let mut losses = Losses::default();
    let mut nodes = csv_line(NODE_HEADER.iter().map(|h| h.to_string()));
    for (_, c) in graph.claims() {
        nodes.push_str(&csv_line(claim_row(c, &mut losses)));
    }
    for (_, s) in graph.sources() {
        nodes.push_str(&csv_line(source_row(s, &mut losses)));
    }
    let mut rels = csv_line(RELATIONSHIP_HEADER.iter().map(|h| h.to_string()));
    for e in edges(graph) {
        let relation = e.relation;
        let citation = e.citation;
        let sources = relation.map(|r| array(&r.sources)).unwrap_or_default();
        let mut text =
            |t: Option<&String>| text_cell(t.map_or("", String::as_str), e.from, &mut losses);
        rels.push_str(&csv_line([
            e.from.to_string(),
            e.to.to_string(),
            rel_type(e.kind).to_string(),
            opt(relation.and_then(|r| r.strength)),
            text(relation.and_then(|r| r.note.as_ref())),
            sources,
            text(citation.and_then(|c| c.quote.as_ref())),
            text(citation.and_then(|c| c.locator.as_ref())),
        ]));
    }
    let files = vec![
        (NODES.to_string(), nodes),
        (RELATIONSHIPS.to_string(), rels),
        (SCRIPT.to_string(), script()),
    ];
    (files, losses.into_vec())
}

fn claim_row(c: &Claim, losses: &mut Losses) -> Vec<String> {
    let v = c.verdict.as_ref();
    let note = v.and_then(|v| v.note.as_deref()).unwrap_or_default();
    vec![
        c.id.to_string(),
        "Claim".into(),
        text_cell(&c.text, &c.id, losses),
        String::new(),
        String::new(),
        opt(c.by.as_ref()),
        opt(c.date),
        tags_cell(&c.tags, &c.id, losses),
        opt(c.confidence),
        opt(v.map(|v| v.rating)),
        opt(v.and_then(|v| v.by.as_ref())),
        opt(v.and_then(|v| v.date)),
        text_cell(note, &c.id, losses),
        v.map(|v| array(&v.evidence)).unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

fn source_row(s: &Source, losses: &mut Losses) -> Vec<String> {
    let mut text = |t: Option<&String>| text_cell(t.map_or("", String::as_str), &s.id, losses);
    vec![
        s.id.to_string(),
        "Source".into(),
        String::new(),
        text(Some(&s.name)),
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
        text(s.description.as_ref()),
        text(s.url.as_ref()),
        opt(s.reliability),
    ]
}

/// What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A free-text cell of `item`'s row: `text`, with a leading `'` when a spreadsheet would read
/// it as a formula (recorded in `losses`).
fn text_cell(text: &str, item: &Id, losses: &mut Losses) -> String {
    if !text.starts_with(FORMULA_START) {
        return text.to_string();
    }
    losses.record(
        "a spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula",
        "texts",
        "written with a leading `'`",
        item.as_str(),
    );
    format!("'{text}")
}

/// The tags of `item` as one array cell: each tag a [`text_cell`], with any `;` (the array
/// delimiter) written as `；` (recorded in `losses`).
fn tags_cell(tags: &[String], item: &Id, losses: &mut Losses) -> String {
    let cells: Vec<String> = tags
        .iter()
        .map(|tag| {
            if !tag.contains(';') {
                return text_cell(tag, item, losses);
            }
            let reason = "`;` separates the items of a Neo4j array";
            losses.record(reason, "tags", "written with `；` for `;`", item.as_str());
            text_cell(&tag.replace(';', "\u{ff1b}"), item, losses)
        })
        .collect();
    cells.join(";")
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
    fn formulas_are_defused_and_tags_stay_whole() {
        let id = |s: &str| Id::new(s).unwrap();
        let mut claim = Claim::new(id("c"), "=HYPERLINK(\"http://x\")");
        claim.tags = vec!["x;y".into(), "@z".into(), "ok".into()];
        let mut source = Source::new(id("s"), "-1+1");
        source.description = Some("fine = fine".into());
        let corpus = crate::model::Corpus {
            claims: vec![claim],
            sources: vec![source],
            ..Default::default()
        };
        let (files, losses) = to_neo4j(&ClaimGraph::build(corpus).unwrap());
        let nodes = &files[0].1;
        assert!(
            nodes.contains("\"c\",\"Claim\",\"'=HYPERLINK(\"\"http://x\"\")\""),
            "{nodes}"
        );
        assert!(nodes.contains(",\"x\u{ff1b}y;'@z;ok\","), "{nodes}");
        assert!(nodes.contains("\"s\",\"Source\",,\"'-1+1\""), "{nodes}");
        assert!(nodes.contains(",\"fine = fine\","), "{nodes}");
        let said: Vec<String> = losses.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "a spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula: 3 texts written with a leading `'` (`c`, `s`, ...)",
                "`;` separates the items of a Neo4j array: 1 tags written with `；` for `;` (`c`)",
            ]
        );
    }

    #[test]
    fn csv_quotes_everything() {
        assert_eq!(
            csv_line(["a".into(), "say \"hi\", ok".into(), "".into()]),
            "\"a\",\"say \"\"hi\"\", ok\",\n"
        );
    }
}

use super::*;
use crate::format::fixture;
use crate::format::{Format, ImportError, import};
use crate::model::Id;

fn read_str(text: &str) -> Result<crate::format::Imported, ImportError> {
    import(Format::Aif, &[("g.json".into(), text.into())])
}

#[test]
fn snapshot() {
    let (text, losses) = to_aif(&fixture::graph());
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
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

//! Property tests: what a round trip through JSON, Argdown or AIF must keep, on generated
//! graphs. JSON keeps everything; Argdown and AIF keep what they carry: ids, texts and
//! relations always, speakers (both), tags and ratings (Argdown).

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::{Format, import};
use crate::graph::ClaimGraph;
use crate::model::{
    Claim, Corpus, Id, Rating, Relation, RelationKind, Source, SourceKind, Verdict,
};

/// A word of claim text, with the characters the formats must escape.
fn word() -> impl Strategy<Value = String> {
    "[A-Za-z0-9,.;:!?'\"()<>#*_@{}/=+&%\\[\\]\\\\-]{1,8}"
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..6).prop_map(|w| w.join(" "))
}

fn corpus() -> impl Strategy<Value = Corpus> {
    let ids = prop::collection::btree_set("[a-z][a-z0-9_.-]{0,8}", 1..7);
    let texts = prop::collection::vec(text(), 7);
    let tags = prop::collection::vec(prop::collection::vec("[a-z][a-z -]{0,6}[a-z]", 0..3), 7);
    let speakers = prop::collection::vec(prop::option::of(0..2usize), 7);
    let ratings = prop::collection::vec(prop::option::of(prop::sample::select(Rating::ALL)), 7);
    let relations = prop::collection::vec((0..7usize, 0..7usize, any::<bool>()), 0..10);
    (ids, texts, tags, speakers, ratings, relations).prop_map(
        |(ids, texts, tags, speakers, ratings, relations)| {
            build(ids, &texts, &tags, &speakers, &ratings, &relations)
        },
    )
}

fn build(
    ids: BTreeSet<String>,
    texts: &[String],
    tags: &[Vec<String>],
    speakers: &[Option<usize>],
    ratings: &[Option<Rating>],
    relations: &[(usize, usize, bool)],
) -> Corpus {
    let id = |s: &str| Id::new(s).expect("generated ids are valid");
    let mut lee = Source::new(id("lee"), "Kai-Fu Lee");
    lee.kind = Some(SourceKind::Person);
    let sources = vec![lee, Source::new(id("desk"), "Fact desk")];
    let ids: Vec<Id> = ids
        .iter()
        .filter(|i| *i != "lee" && *i != "desk")
        .map(|s| id(s))
        .collect();
    let claims: Vec<Claim> = ids
        .iter()
        .enumerate()
        .map(|(i, cid)| {
            let mut c = Claim::new(cid.clone(), texts[i].clone());
            c.tags = tags[i].iter().map(|t| t.trim().to_string()).collect();
            c.tags.dedup();
            c.by = speakers[i].map(|s| sources[s].id.clone());
            c.verdict = ratings[i].map(|rating| Verdict {
                rating,
                by: None,
                date: None,
                note: None,
                evidence: Vec::new(),
            });
            c
        })
        .collect();
    let mut rels: Vec<Relation> = Vec::new();
    for &(a, b, supports) in relations {
        let (Some(from), Some(to)) = (ids.get(a), ids.get(b)) else {
            continue;
        };
        let kind = if supports {
            RelationKind::Supports
        } else {
            RelationKind::Contradicts
        };
        if from != to
            && !rels
                .iter()
                .any(|r| &r.from == from && &r.to == to && r.kind == kind)
        {
            rels.push(Relation::new(from.clone(), to.clone(), kind));
        }
    }
    Corpus {
        sources,
        claims,
        relations: rels,
        ..Corpus::default()
    }
}

fn write_and_read(corpus: &Corpus, format: Format) -> Corpus {
    let graph = ClaimGraph::build(corpus.clone()).expect("generated graphs are consistent");
    let text = super::export(&graph, format, &Default::default())
        .expect("writes")
        .document
        .into_text()
        .expect("a text format");
    import(format, &[("g".into(), text.clone())])
        .unwrap_or_else(|e| panic!("{e:?}\n{text}"))
        .corpus
}

/// `corpus` written as a YAML claim file, loaded, written as JSON Lines and loaded again: the
/// graph of the YAML file and the graph of the JSON Lines.
fn yaml_then_jsonl(corpus: &Corpus) -> (ClaimGraph, ClaimGraph) {
    let yaml = super::yaml::to_claim_file(corpus, &[]);
    let from_yaml = crate::load::load_text(std::path::Path::new("c.yaml"), &yaml);
    assert!(
        !from_yaml.has_errors(),
        "{:?}\n{yaml}",
        from_yaml.diagnostics
    );
    let graph = ClaimGraph::build(from_yaml.corpus).expect("the YAML loads");
    let jsonl = super::jsonl::to_jsonl(&graph);
    let from_jsonl = crate::load::load_text(std::path::Path::new("c.jsonl"), &jsonl);
    assert!(
        !from_jsonl.has_errors(),
        "{:?}\n{jsonl}",
        from_jsonl.diagnostics
    );
    (
        graph,
        ClaimGraph::build(from_jsonl.corpus).expect("the JSON Lines load"),
    )
}

type Essence = (
    Vec<(String, String)>,
    BTreeSet<(String, String, RelationKind)>,
    Vec<Option<String>>,
);

fn essence(c: &Corpus) -> Essence {
    let claims = c
        .claims
        .iter()
        .map(|c| (c.id.to_string(), c.text.clone()))
        .collect();
    let relations = c
        .relations
        .iter()
        .map(|r| (r.from.to_string(), r.to.to_string(), r.kind))
        .collect();
    let speakers = c
        .claims
        .iter()
        .map(|c| c.by.as_ref().map(Id::to_string))
        .collect();
    (claims, relations, speakers)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn json_keeps_everything(corpus in corpus()) {
        let graph = ClaimGraph::build(corpus.clone()).unwrap();
        let first = super::json::to_json(&graph);
        let again = ClaimGraph::build(write_and_read(&corpus, Format::Json)).unwrap();
        prop_assert_eq!(super::json::to_json(&again), first);
    }

    #[test]
    fn yaml_to_jsonl_keeps_everything(corpus in corpus()) {
        let (yaml, jsonl) = yaml_then_jsonl(&corpus);
        prop_assert_eq!(super::json::to_json(&jsonl), super::json::to_json(&yaml));
    }

    #[test]
    fn argdown_keeps_ids_texts_relations_speakers_tags_and_ratings(corpus in corpus()) {
        let back = write_and_read(&corpus, Format::Argdown);
        prop_assert_eq!(essence(&back), essence(&corpus));
        let extra = |c: &Corpus| -> Vec<(Vec<String>, Option<Rating>)> {
            c.claims.iter().map(|c| (c.tags.clone(), c.verdict.as_ref().map(|v| v.rating))).collect()
        };
        prop_assert_eq!(extra(&back), extra(&corpus));
    }

    #[test]
    fn aif_keeps_ids_texts_relations_and_speakers(corpus in corpus()) {
        let back = write_and_read(&corpus, Format::Aif);
        prop_assert_eq!(essence(&back), essence(&corpus));
    }
}

/// Arbitrary Unicode, rich in what formats and readers treat specially: controls (C0, DEL,
/// C1), separators, the byte order mark, noncharacters, quotes and markup.
fn any_text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        "\u{7f}",
        "\u{80}",
        "\u{85}",
        "\u{9f}",
        "\u{2028}",
        "\u{2029}",
        "\u{feff}",
        "\u{fffe}",
        "\u{ffff}",
        "\u{fdd0}",
        "\u{1fffe}",
        "\u{10ffff}",
        "\u{202e}",
        "\u{1b}",
        "\0",
        "\t",
        "\n",
        "\r",
        " ",
        "\"",
        "\\",
        "'",
        ": ",
        " #",
        "- ",
        "{",
        "}",
        "[",
        "]",
        "&",
        "<",
        "%",
    ]);
    let piece = prop_oneof![any::<String>(), special.prop_map(String::from)];
    prop::collection::vec(piece, 0..10).prop_map(|pieces| pieces.concat())
}

/// A corpus of one source and one claim, with `text` in the claim's text and tag and the
/// source's name (each starting with a letter: an empty text is not a claim).
fn one_claim(text: &str) -> Corpus {
    let id = |s: &str| Id::new(s).expect("valid id");
    let text = format!("a{text}");
    let mut claim = Claim::new(id("c"), text.clone());
    claim.tags = vec![text.clone()];
    claim.by = Some(id("s"));
    claim.verdict = Some(Verdict {
        rating: Rating::Mixed,
        by: None,
        date: None,
        note: Some(text.clone()),
        evidence: Vec::new(),
    });
    Corpus {
        sources: vec![Source::new(id("s"), text)],
        claims: vec![claim],
        ..Corpus::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any Unicode in a text, a name, a tag or a note: what JSON writes, it reads back.
    #[test]
    fn json_keeps_any_text(text in any_text()) {
        let corpus = one_claim(&text);
        let graph = ClaimGraph::build(corpus.clone()).unwrap();
        let again = ClaimGraph::build(write_and_read(&corpus, Format::Json)).unwrap();
        prop_assert_eq!(super::json::to_json(&again), super::json::to_json(&graph));
    }

    /// Any Unicode in a text, a name, a tag or a note: JSON Lines reads it back.
    #[test]
    fn jsonl_keeps_any_text(text in any_text()) {
        let (yaml, jsonl) = yaml_then_jsonl(&one_claim(&text));
        prop_assert_eq!(super::json::to_json(&jsonl), super::json::to_json(&yaml));
    }

    /// Any Unicode in a claim's text: AIF reads it back.
    #[test]
    fn aif_keeps_any_text(text in any_text()) {
        let corpus = one_claim(&text);
        let back = write_and_read(&corpus, Format::Aif);
        prop_assert_eq!(essence(&back), essence(&corpus));
    }

    /// Any Unicode: the claim file `import` writes loads back as the same corpus.
    #[test]
    fn claim_file_keeps_any_text(text in any_text()) {
        let corpus = one_claim(&text);
        let yaml = super::yaml::to_claim_file(&corpus, &[]);
        let loaded = crate::load::load_text(std::path::Path::new("c.yaml"), &yaml);
        prop_assert!(!loaded.has_errors(), "{:?}\n{}", loaded.diagnostics, yaml);
        let graph = ClaimGraph::build(corpus).unwrap();
        let again = ClaimGraph::build(loaded.corpus).unwrap();
        prop_assert_eq!(super::json::to_json(&again), super::json::to_json(&graph));
    }
}

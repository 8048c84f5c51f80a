//! `check`, `show` and `list` on the small fixture graph and on the article's data set.

use serde_json::{Value, json};

use crate::test::Test;

const SMALL: &[&str] = &["--claims", "tests/data/small"];

fn small(args: &[&str]) -> Test {
    Test::new().args(SMALL).args(args)
}

/// The JSON a run prints, for the test to compare.
fn json_of(test: Test) -> Value {
    let (stdout, _) = test.any_stdout().run();
    serde_json::from_str(&stdout).expect("valid JSON")
}

#[test]
fn check_passes_on_the_fixture_and_the_data_set() {
    small(&["check"])
        .stdout("0 errors, 0 warnings in 2 files\n")
        .run();
    Test::new()
        .args(&["check"])
        .stdout_contains("0 errors, 0 warnings in ")
        .run();
    small(&["check", "--format", "json"]).stdout("[]\n").run();
}

#[test]
fn show_claim_text() {
    small(&["show", "efficient"])
        .stdout(
            "claim efficient
  DeepSeek used far fewer resources than ChatGPT.
by:          The Article (article)
tags:        compute, deepseek
verdict:     mixed (by desk, 2025-06-01)
  note:      Counts only the final training run.
  evidence:  compute-gap
sources:
  - article
supports:
  - china-gaining: China is gaining ground in AI.
      (strength 0.6; Efficiency is the article's main evidence.)
contradicts:
  - compute-gap: Chinese firms use about twice the compute for the same results.
defined at: tests/data/small/claims.yaml:11:9
",
        )
        .run();
}

#[test]
fn show_claim_with_quote_and_attackers() {
    small(&["show", "compute-gap"])
        .stdout(
            "claim compute-gap
  Chinese firms use about twice the compute for the same results.
by:          Kai-Fu Lee (lee)
tags:        compute
sources:
  - article: \"twice the computing power\" (Efficiency)
contradicted by:
  - efficient: DeepSeek used far fewer resources than ChatGPT.
cited as evidence by:
  - efficient: DeepSeek used far fewer resources than ChatGPT.
defined at: tests/data/small/claims.yaml:3:9
",
        )
        .run();
}

#[test]
fn show_source_text() {
    small(&["show", "article"])
        .stdout(
            "source article
  The Article
kind:        publication
url:         https://example.org/article
date:        2025-02
asserts:
  - efficient: DeepSeek used far fewer resources than ChatGPT.
  - china-gaining: China is gaining ground in AI.
cited by:
  - compute-gap: Chinese firms use about twice the compute for the same results.
  - efficient: DeepSeek used far fewer resources than ChatGPT.
  - china-gaining: China is gaining ground in AI.
defined at: tests/data/small/sources.yaml:3:9
",
        )
        .run();
}

#[test]
fn show_json_shape() {
    let v = json_of(small(&["show", "compute-gap", "--format", "json"]));
    assert_eq!(
        v,
        json!({
            "type": "claim",
            "id": "compute-gap",
            "text": "Chinese firms use about twice the compute for the same results.",
            "by": "lee",
            "sources": [{"source": "article", "quote": "twice the computing power", "locator": "Efficiency"}],
            "tags": ["compute"],
            "supports": [],
            "contradicts": [],
            "supported_by": [],
            "contradicted_by": ["efficient"],
            "defined": {"file": "tests/data/small/claims.yaml", "line": 3, "column": 9}
        })
    );
    let v = json_of(small(&["show", "desk", "--format", "json"]));
    assert_eq!(v["type"], "source");
    assert_eq!(v["kind"], "organization");
    assert_eq!(v["reviewed"], json!(["efficient"]));
}

#[test]
fn show_unknown_id_is_a_usage_error_with_a_suggestion() {
    small(&["show", "compute-gapp"])
        .status(2)
        .stdout("")
        .stderr("error: no claim or source has the id `compute-gapp`\n  = help: did you mean `compute-gap`?\n")
        .run();
}

#[test]
fn list_claims_and_filters() {
    small(&["list"])
        .stdout(
            "compute-gap    Chinese firms use about twice the compute for the same results.
efficient      [mixed] DeepSeek used far fewer resources than ChatGPT.
china-gaining  China is gaining ground in AI.
",
        )
        .run();
    small(&["list", "--tag", "compute", "--by", "article"])
        .stdout("efficient  [mixed] DeepSeek used far fewer resources than ChatGPT.\n")
        .run();
    small(&["list", "--rating", "mixed"])
        .stdout("efficient  [mixed] DeepSeek used far fewer resources than ChatGPT.\n")
        .run();
    small(&["list", "--tag", "nothing"])
        .stdout("no claims match\n")
        .run();
    small(&["list", "--rating", "mostly_true"])
        .status(2)
        .stderr_contains("[possible values: true, mostly-true, mixed,")
        .stderr_contains("tip: a similar value exists: 'mostly-true'")
        .run();
    small(&["list", "--by", "nobody"])
        .status(2)
        .stderr("error: no claim or source has the id `nobody`\n  = help: `claimgraph list` shows every id\n")
        .run();
}

#[test]
fn list_sources_and_json() {
    small(&["list", "sources"])
        .stdout("article  The Article (publication)\nlee      Kai-Fu Lee (person)\ndesk     Fact desk (organization)\n")
        .run();
    let v = json_of(small(&["list", "--tag", "framing", "--format", "json"]));
    let ids: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(ids, ["china-gaining"]);
    assert_eq!(v[0]["supported_by"], json!(["efficient"]));
}

#[test]
fn commands_refuse_broken_input_with_exit_1() {
    let (_, stderr) = Test::new()
        .args(&["--claims", "tests/data/broken/unknown-id.yaml", "list"])
        .status(1)
        .stderr_contains("error[unknown-id]")
        .run();
    assert!(
        stderr.ends_with("1 error, 0 warnings in 1 file\n"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    Test::new()
        .args(&["frobnicate"])
        .status(2)
        .stderr_contains("error: unrecognized subcommand 'frobnicate'\n")
        .run();
    Test::new()
        .args(&["check", "--format", "xml"])
        .status(2)
        .stderr_contains("error: invalid value 'xml' for '--format <FORMAT>'\n")
        .run();
}

/// Every keyword flag takes its values from the library's enum: a bad value is refused with
/// the whole list (and a close one suggested), and `--help` lists each value with its meaning.
#[test]
fn keyword_flags_list_their_values() {
    Test::new()
        .args(&["export", "dot", "--color-by", "tags"])
        .status(2)
        .stderr(
            "error: invalid value 'tags' for '--color-by <COLOR_BY>'\n  \
             [possible values: rating, eval, tag, speaker]\n\n  \
             tip: a similar value exists: 'tag'\n\n\
             For more information, try '--help'.\n",
        )
        .run();
    Test::new()
        .args(&["import", "svg", "x.svg"])
        .status(2)
        .stderr(
            "error: invalid value 'svg' for '<FORMAT>'\n  \
             [possible values: json, argdown, aif, claimreview]\n\n\
             For more information, try '--help'.\n",
        )
        .run();
    Test::new()
        .args(&["export", "--help"])
        .stdout_contains("- neo4j:       Neo4j CSV files and Cypher script (`-o DIR` is required)")
        .stdout_contains("- embedded: The embedded pure-Rust renderer")
        .stdout_contains(
            "- merge: Not as nodes; the speaker's name is written inside each claim's box",
        )
        .stdout_contains("- mostly-true:  Accurate but needs clarification")
        .stdout_contains(
            "- contradicts: The source claim is a reason against the target (an attack)",
        )
        .run();
}

#[test]
fn data_set_has_the_promised_shape() {
    let claims = json_of(Test::new().args(&["list", "--format", "json"]));
    let claims = claims.as_array().expect("array");
    let sources = json_of(Test::new().args(&["list", "sources", "--format", "json"]));
    let contradicts: usize = claims
        .iter()
        .map(|c| c["contradicts"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(claims.len() >= 40, "{} claims", claims.len());
    assert!(sources.as_array().expect("array").len() >= 15);
    assert!(contradicts >= 8, "{contradicts} contradicts");
    let article_quote = |c: &&Value| {
        c["sources"].as_array().is_some_and(|s| {
            s.iter()
                .any(|s| s["source"] == "article" && s["quote"].is_string())
        })
    };
    let from_article: Vec<&Value> = claims.iter().filter(article_quote).collect();
    let article = crate::test::root().join("claims/archive/article.txt");
    let text =
        std::fs::read_to_string(&article).unwrap_or_else(|e| panic!("{}: {e}", article.display()));
    for claim in &from_article {
        for cit in claim["sources"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|s| s["source"] == "article")
        {
            assert!(
                cit["locator"].is_string(),
                "{} cites the article without a locator",
                claim["id"]
            );
            if let Some(quote) = cit["quote"].as_str() {
                assert!(
                    text.contains(quote),
                    "{}: quote not in the article: {quote}",
                    claim["id"]
                );
            }
        }
    }
}

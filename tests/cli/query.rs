//! `query` and the selection flags on the hand-made fixture `tests/data/queries`: every
//! answer below was worked out from the fixture's files by hand.
//!
//! The fixture: `growth` is supported by `jobs`, `exports` and `spending`; `spending` and
//! `exports` contradict each other; `tariffs` (like `exports`, asserted by `ben`) contradicts
//! `exports`; `spending -> confidence -> investment -> spending` is a support cycle; `rates`
//! supports `spending` and has no source; `moon <- shadows <- physics` is a second component.

use serde_json::{Value, json};

use crate::test::Test;

fn fixture(args: &[&str]) -> Test {
    Test::new()
        .args(&["--claims", "tests/data/queries"])
        .args(args)
}

fn query(args: &[&str]) -> Test {
    fixture(&["query"]).args(args)
}

/// The JSON a run prints, for the test to compare.
fn json_of(test: Test) -> Value {
    let (stdout, _) = test.args(&["--format", "json"]).any_stdout().run();
    serde_json::from_str(&stdout).expect("valid JSON")
}

fn chain(claims: &[&str], relations: &[&str], stance: &str) -> Value {
    json!({"claims": claims, "relations": relations, "stance": stance})
}

#[test]
fn supporters_direct_and_transitive() {
    query(&["supporters", "growth"])
        .stdout(
            "3 supporters of growth (direct):
  jobs      Unemployment is falling.
  exports   Exports are rising.
  spending  Consumer spending, not exports, drives the recovery.
",
        )
        .run();
    query(&["supporters", "growth", "--all"])
        .stdout(
            "7 supporters of growth (any number of relations):
  1  jobs        Unemployment is falling.
  1  exports     Exports are rising.
  1  spending    Consumer spending, not exports, drives the recovery.
  2  investment  Firms are investing more.
                 investment -supports-> spending -supports-> growth
  2  rates       Interest rates will fall.
                 rates -supports-> spending -supports-> growth
  3  tariffs     New tariffs will cut exports.
                 tariffs -contradicts-> exports -contradicts-> spending -supports-> growth
  3  confidence  Business confidence is high.
                 confidence -supports-> investment -supports-> spending -supports-> growth
",
        )
        .run();
    query(&["supporters", "growth", "--depth", "2", "--format", "tsv"])
        .stdout(
            "1\tjobs\tjobs supports growth\tUnemployment is falling.
1\texports\texports supports growth\tExports are rising.
1\tspending\tspending supports growth\tConsumer spending, not exports, drives the recovery.
2\tinvestment\tinvestment supports spending supports growth\tFirms are investing more.
2\trates\trates supports spending supports growth\tInterest rates will fall.
",
        )
        .run();
}

#[test]
fn attackers_follow_the_sign_of_the_chain() {
    query(&["attackers", "exports"])
        .stdout(
            "2 attackers of exports (direct):
  tariffs   New tariffs will cut exports.
  spending  Consumer spending, not exports, drives the recovery.
",
        )
        .run();
    query(&["attackers", "growth", "--depth", "3"])
        .stdout(
            "5 attackers of growth (within 3 relations):
  2  exports     Exports are rising.
                 exports -contradicts-> spending -supports-> growth
  2  tariffs     New tariffs will cut exports.
                 tariffs -contradicts-> exports -supports-> growth
  2  spending    Consumer spending, not exports, drives the recovery.
                 spending -contradicts-> exports -supports-> growth
  3  investment  Firms are investing more.
                 investment -supports-> spending -contradicts-> exports -supports-> growth
  3  rates       Interest rates will fall.
                 rates -supports-> spending -contradicts-> exports -supports-> growth
",
        )
        .run();
    let v = json_of(query(&["attackers", "growth", "--all"]));
    let found: Vec<(&str, u64)> = v["results"]
        .as_array()
        .expect("array")
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap_or(""),
                r["distance"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("exports", 2),
            ("tariffs", 2),
            ("spending", 2),
            ("investment", 3),
            ("rates", 3),
            ("confidence", 4)
        ]
    );
    assert_eq!(v["depth"], Value::Null);
    assert_eq!(
        v["results"][5]["chain"],
        chain(
            &["confidence", "investment", "spending", "exports", "growth"],
            &["supports", "supports", "contradicts", "supports"],
            "against"
        )
    );
}

#[test]
fn reach_json_shape() {
    assert_eq!(
        json_of(query(&["supporters", "rates", "--around", "rates"])),
        json!({"target": "rates", "stance": "for", "depth": 1, "results": [],
               "total": 0, "truncated": false})
    );
    assert_eq!(
        json_of(query(&["attackers", "shadows"])),
        json!({
            "target": "shadows",
            "stance": "against",
            "depth": 1,
            "results": [{
                "id": "physics",
                "text": "The shadows match one light source on uneven ground.",
                "distance": 1,
                "chain": chain(&["physics", "shadows"], &["contradicts"], "against")
            }],
            "total": 1,
            "truncated": false
        })
    );
}

#[test]
fn empty_answers_say_so() {
    query(&["supporters", "rates"])
        .stdout("no supporters of rates (direct)\n")
        .run();
    // The only chains into `exports` of even sign end at `exports` itself.
    query(&["supporters", "exports", "--all"])
        .stdout("no supporters of exports (any number of relations)\n")
        .run();
    query(&["attackers", "jobs", "--format", "tsv"])
        .stdout("")
        .run();
    query(&["path", "moon", "growth"])
        .stdout("no path from moon to growth\n")
        .run();
    query(&["path", "tariffs", "growth", "--all", "--max-len", "1"])
        .stdout("no path from tariffs to growth of at most 1 relation\n")
        .run();
    query(&["impact", "moon"])
        .stdout("nothing rests on moon\n")
        .run();
    let space = ["--tag", "space"];
    query(&["unsupported"])
        .args(&space)
        .stdout("every claim has a source or a supporting claim\n")
        .run();
    query(&["cycles"])
        .args(&space)
        .stdout("no support cycles\n")
        .run();
    query(&["cycles", "--format", "json"])
        .args(&space)
        .stdout("[]\n")
        .run();
    query(&["conflicts", "--tag", "labour"])
        .stdout("no conflicts\n")
        .run();
    query(&["central", "--tag", "nothing"])
        .stdout("no claims\n")
        .run();
}

#[test]
fn path_shortest_and_all() {
    query(&["path", "rates", "growth"])
        .stdout(
            "shortest path from rates to growth:
  for  rates -supports-> spending -supports-> growth
",
        )
        .run();
    query(&["path", "tariffs", "growth", "--all"])
        .stdout(
            "2 paths from tariffs to growth of at most 6 relations:
  against  tariffs -contradicts-> exports -supports-> growth
  for      tariffs -contradicts-> exports -contradicts-> spending -supports-> growth
",
        )
        .run();
    query(&["path", "tariffs", "growth", "--all", "--limit", "1"])
        .stdout(
            "1 path from tariffs to growth of at most 6 relations:
  against  tariffs -contradicts-> exports -supports-> growth
stopped after 1 paths; `--limit N` shows more
",
        )
        .run();
    query(&["path", "tariffs", "growth", "--all", "--format", "tsv"])
        .stdout(
            "against\t2\ttariffs contradicts exports supports growth
for\t3\ttariffs contradicts exports contradicts spending supports growth
",
        )
        .run();
    assert_eq!(
        json_of(query(&[
            "path",
            "tariffs",
            "growth",
            "--all",
            "--max-len",
            "2"
        ])),
        json!({
            "from": "tariffs",
            "to": "growth",
            "max_len": 2,
            "paths": [chain(&["tariffs", "exports", "growth"], &["contradicts", "supports"], "against")],
            "truncated": false
        })
    );
    assert_eq!(
        json_of(query(&["path", "rates", "growth"])),
        json!({
            "from": "rates",
            "to": "growth",
            "max_len": null,
            "paths": [chain(&["rates", "spending", "growth"], &["supports", "supports"], "for")],
            "truncated": false
        })
    );
}

#[test]
fn why_prints_the_support_tree() {
    query(&["why", "growth"])
        .stdout(
            "growth: The economy will grow next year.
├─ by ana: Ana Economist
├─ cites paper: Quarterly report
├─ supported by jobs [mostly-true]: Unemployment is falling.
│  ├─ by ana: Ana Economist
│  ├─ cites paper: Quarterly report
│  └─ evidence paper: Quarterly report
├─ supported by exports: Exports are rising.
│  └─ by ben: Ben Pundit
└─ supported by spending: Consumer spending, not exports, drives the recovery.
   ├─ by ana: Ana Economist
   ├─ supported by investment: Firms are investing more.
   │  ├─ cites paper: Quarterly report
   │  └─ supported by confidence: Business confidence is high.
   │     └─ supported by spending: Consumer spending, not exports, drives the recovery. (circular)
   └─ supported by rates: Interest rates will fall.
",
        )
        .run();
    query(&["why", "moon", "--format", "tsv"])
        .stdout(
            "0\t\tclaim\tmoon\t\tThe moon landing was staged.
1\tby\tsource\tben\t\tBen Pundit
1\tevidence\tclaim\tphysics\t\tThe shadows match one light source on uneven ground.
1\tsupports\tclaim\tshadows\t\tThe shadows in the photos are inconsistent.
2\tby\tsource\tben\t\tBen Pundit
",
        )
        .run();
    let line = |depth, parent: Value, via: Value, kind, id, text, rating: Value| {
        json!({"depth": depth, "parent": parent, "via": via, "type": kind, "id": id,
               "text": text, "rating": rating, "repeat": null})
    };
    assert_eq!(
        json_of(query(&["why", "physics"])),
        json!({"target": "physics", "lines": [
            line(0, Value::Null, Value::Null, "claim", "physics",
                 "The shadows match one light source on uneven ground.", json!("true")),
            line(1, json!(0), json!("by"), "source", "desk", "Fact desk", Value::Null),
        ], "total": 2, "truncated": false})
    );
}

#[test]
fn impact_lists_what_rests_on_a_claim() {
    query(&["impact", "spending"])
        .stdout(
            "3 claims rest on spending:
  1  growth      The economy will grow next year.
  1  confidence  Business confidence is high.  (would lose all support)
  2  investment  Firms are investing more.
                 spending -supports-> confidence -supports-> investment
",
        )
        .run();
    query(&["impact", "spending", "--format", "tsv"])
        .stdout(
            "1\tgrowth\tno\tspending supports growth\tThe economy will grow next year.
1\tconfidence\tyes\tspending supports confidence\tBusiness confidence is high.
2\tinvestment\tno\tspending supports confidence supports investment\tFirms are investing more.
",
        )
        .run();
    assert_eq!(
        json_of(query(&["impact", "shadows"])),
        json!({"target": "shadows", "results": [{
            "id": "moon",
            "text": "The moon landing was staged.",
            "distance": 1,
            "chain": chain(&["shadows", "moon"], &["supports"], "for"),
            "loses_all_support": false
        }], "total": 1, "truncated": false})
    );
}

#[test]
fn conflicts_direct_and_indirect() {
    query(&["conflicts"])
        .stdout(
            "5 conflicts:
  direct      tariffs contradicts exports
  source      ben asserts both: tariffs contradicts exports
  direct      spending and exports contradict each other
  supporters  spending and exports contradict each other; both support growth
  direct      physics contradicts shadows
",
        )
        .run();
    query(&["conflicts", "--format", "tsv"])
        .stdout(
            "direct\ttariffs\texports\tno\t
source\ttariffs\texports\tno\tben
direct\tspending\texports\tyes\t
supporters\tspending\texports\tyes\tgrowth
direct\tphysics\tshadows\tno\t
",
        )
        .run();
    let conflict = |kind, a, b, mutual, via: Value| json!({"kind": kind, "a": a, "b": b, "mutual": mutual, "via": via});
    assert_eq!(
        json_of(query(&["conflicts"])),
        json!([
            conflict("direct", "tariffs", "exports", false, Value::Null),
            conflict("source", "tariffs", "exports", false, json!("ben")),
            conflict("direct", "spending", "exports", true, Value::Null),
            conflict("supporters", "spending", "exports", true, json!("growth")),
            conflict("direct", "physics", "shadows", false, Value::Null),
        ])
    );
}

#[test]
fn unsupported_and_cycles() {
    query(&["unsupported"])
        .stdout(
            "1 claim has neither a source nor a supporting claim:
  rates  Interest rates will fall.
",
        )
        .run();
    assert_eq!(
        json_of(query(&["unsupported"])),
        json!([{"id": "rates", "text": "Interest rates will fall."}])
    );
    query(&["cycles"])
        .stdout(
            "1 support cycle:
  spending -supports-> confidence -supports-> investment -supports-> spending
",
        )
        .run();
    query(&["cycles", "--format", "tsv"])
        .stdout("spending,confidence,investment\tspending confidence investment spending\n")
        .run();
    assert_eq!(
        json_of(query(&["cycles"])),
        json!([{
            "claims": [
                {"id": "spending", "text": "Consumer spending, not exports, drives the recovery."},
                {"id": "confidence", "text": "Business confidence is high."},
                {"id": "investment", "text": "Firms are investing more."}
            ],
            "cycle": ["spending", "confidence", "investment", "spending"]
        }])
    );
}

#[test]
fn central_ranks_by_pagerank() {
    // Scores from power iteration to convergence on the fixture's 11 claims and 12
    // relations, damping 0.85, checked against an independent implementation.
    query(&["central", "--top", "4"])
        .stdout(
            "top 4 of 11 claims by PageRank over supports and contradicts (damping 0.85, 28 iterations):
  rank  score     for  against  claim       text
     1  0.211052    2        1  spending    Consumer spending, not exports, drives the recovery.
     2  0.174429    3        0  growth      The economy will grow next year.
     3  0.122406    0        2  exports     Exports are rising.
     4  0.113436    1        0  investment  Firms are investing more.
",
        )
        .run();
    query(&["central", "--tag", "space", "--format", "tsv"])
        .stdout(
            "1\t0.474412\t1\t0\tmoon\tThe moon landing was staged.
2\t0.341171\t0\t1\tshadows\tThe shadows in the photos are inconsistent.
3\t0.184417\t0\t0\tphysics\tThe shadows match one light source on uneven ground.
",
        )
        .run();
    let v = json_of(query(&["central", "--top", "1"]));
    assert_eq!(
        v,
        json!({"damping": 0.85, "iterations": 28, "claims": 11, "results": [{
            "rank": 1, "id": "spending",
            "text": "Consumer spending, not exports, drives the recovery.",
            "score": 0.211052, "supporters": 2, "attackers": 1
        }]})
    );
}

#[test]
fn stats_counts_everything() {
    query(&["stats"])
        .stdout(
            "claims:            11
sources:           4
relations:         12 (supports 8, contradicts 4)
components:        2 (largest: 8 claims)
sources by kind:   person 2, organization 1, document 1
claims by rating:  true 1, mostly-true 1, false 1, unrated 8
claims by tag:     economy 6, space 3, trade 2, labour 1
most supported:    growth 3, spending 2, confidence 1, investment 1, moon 1
most attacked:     exports 2, spending 1, shadows 1
",
        )
        .run();
    let v = json_of(query(&["stats"]));
    let top = |id, text, count| json!({"id": id, "text": text, "count": count});
    assert_eq!(
        v,
        json!({
            "claims": 11,
            "sources": 4,
            "sources_by_kind": {"person": 2, "organization": 1, "publication": 0, "document": 1,
                                "dataset": 0, "other": 0, "unspecified": 0},
            "claims_by_rating": {"true": 1, "mostly-true": 1, "mixed": 0, "mostly-false": 0,
                                 "false": 1, "misleading": 0, "unproven": 0, "outdated": 0,
                                 "unrated": 8},
            "claims_by_tag": {"economy": 6, "space": 3, "trade": 2, "labour": 1},
            "relations": {"supports": 8, "contradicts": 4},
            "components": 2,
            "largest_component": 8,
            "most_supported": [
                top("growth", "The economy will grow next year.", 2 + 1),
                top("spending", "Consumer spending, not exports, drives the recovery.", 2),
                top("confidence", "Business confidence is high.", 1),
                top("investment", "Firms are investing more.", 1),
                top("moon", "The moon landing was staged.", 1),
            ],
            "most_attacked": [
                top("exports", "Exports are rising.", 2),
                top("spending", "Consumer spending, not exports, drives the recovery.", 1),
                top("shadows", "The shadows in the photos are inconsistent.", 1),
            ]
        })
    );
    let (tsv, _) = query(&["stats", "--format", "tsv"])
        .stdout_contains("\ncomponents\tcount\t2\ncomponents\tlargest\t8\n")
        .run();
    assert!(
        tsv.starts_with("total\tclaims\t11\ntotal\tsources\t4\n"),
        "{tsv}"
    );
    assert!(tsv.ends_with("most-attacked\tshadows\t1\n"), "{tsv}");
    // The same from inside the directory: `--claims` is relative to where the command runs.
    Test::new()
        .current_dir(&crate::test::data("queries"))
        .args(&["--claims", ".", "query", "stats", "--format", "tsv"])
        .stdout(&tsv)
        .run();
}

#[test]
fn unknown_ids_are_usage_errors_with_a_suggestion() {
    query(&["supporters", "grwth"])
        .status(2)
        .stdout("")
        .stderr("error: no claim or source has the id `grwth`\n  = help: did you mean `growth`?\n")
        .run();
    query(&["path", "rates", "nowhere"])
        .status(2)
        .stderr("error: no claim or source has the id `nowhere`\n  = help: `claimgraph list` shows every id\n")
        .run();
    query(&["why", "ana"])
        .status(2)
        .stderr("error: `ana` is a source, but `why` takes a claim\n  = help: `claimgraph list claims` shows every claim id\n")
        .run();
    query(&["impact", "growth", "--tag", "space"])
        .status(2)
        .stderr("error: `growth` is not in the selection\n  = help: drop or widen the selection flags (`--around`, `--tag`, `--where`, ...)\n")
        .run();
    query(&["stats", "--around", "growht"])
        .status(2)
        .stderr("error: no claim or source has the id `growht`\n  = help: did you mean `growth`?\n")
        .run();
    query(&["stats", "--by", "bne"])
        .status(2)
        .stderr("error: no claim or source has the id `bne`\n  = help: `claimgraph list` shows every id\n")
        .run();
    fixture(&["list", "--by", "growth"])
        .status(2)
        .stderr("error: `growth` is a claim, but `--by` takes a source\n  = help: `claimgraph list sources` shows every source id\n")
        .run();
    fixture(&["list", "--around", "ana"])
        .status(2)
        .stderr("error: `ana` is a source, but `--around` takes a claim\n  = help: `claimgraph list claims` shows every claim id\n")
        .run();
}

/// The ids `list` prints with `args`, for the test to compare.
fn list(args: &[&str]) -> String {
    let (stdout, _) = fixture(&["list", "--format", "tsv"])
        .args(args)
        .any_stdout()
        .run();
    stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn selection_flags_combine_with_and() {
    assert_eq!(
        list(&["--around", "spending"]),
        "growth exports spending confidence investment rates"
    );
    assert_eq!(
        list(&["--around", "spending", "--direction", "up"]),
        "exports spending investment rates"
    );
    assert_eq!(
        list(&[
            "--around",
            "spending",
            "--direction",
            "down",
            "--depth",
            "2"
        ]),
        "growth exports spending confidence investment"
    );
    assert_eq!(
        list(&["--around", "moon,growth", "--depth", "0"]),
        "growth moon"
    );
    assert_eq!(list(&["--tag", "economy", "--tag", "trade"]), "exports");
    assert_eq!(list(&["--by", "ben"]), "exports tariffs moon shadows");
    assert_eq!(list(&["--rating", "false"]), "moon");
    assert_eq!(
        list(&["--relation", "contradicts", "--by", "ben"]),
        "exports tariffs shadows"
    );
    assert_eq!(list(&["--kind", "source"]), "");
    assert_eq!(list(&["sources", "--kind", "source"]), "ana ben paper desk");
    assert_eq!(list(&["sources", "--tag", "space"]), "ben desk");
    assert_eq!(list(&["sources", "--tag", "space", "--no-sources"]), "");
    assert_eq!(
        list(&["--where", "tag = economy and not by = ana or rating = true"]),
        "exports confidence rates physics"
    );
    assert_eq!(
        list(&[
            "--where",
            "tag = economy and not (by = ana or rating = true)"
        ]),
        "exports confidence rates"
    );
    assert_eq!(
        list(&["--where", "text ~ SHADOWS", "--by", "ben"]),
        "shadows"
    );
    assert_eq!(
        list(&["--where", "file = space and relation != contradicts"]),
        "moon"
    );
    assert_eq!(
        list(&["sources", "--where", "kind = source and text ~ a"]),
        "ana paper desk"
    );
}

#[test]
fn selection_applies_to_queries_and_export() {
    query(&["supporters", "growth", "--around", "rates", "--depth", "2"])
        .stdout(
            "4 supporters of growth (within 2 relations):
  1  exports     Exports are rising.
  1  spending    Consumer spending, not exports, drives the recovery.
  2  investment  Firms are investing more.
                 investment -supports-> spending -supports-> growth
  2  rates       Interest rates will fall.
                 rates -supports-> spending -supports-> growth
",
        )
        .run();
    query(&[
        "conflicts",
        "--relation",
        "contradicts",
        "--where",
        "by = ben",
    ])
    .stdout(
        "2 conflicts:
  direct  tariffs contradicts exports
  source  ben asserts both: tariffs contradicts exports
",
    )
    .run();
    let (dot, _) = fixture(&["export", "dot", "--tag", "space", "--no-sources"])
        .any_stdout()
        .run();
    for id in ["\"moon\"", "\"shadows\"", "\"physics\""] {
        assert!(dot.contains(id), "{id} missing:\n{dot}");
    }
    for id in ["\"growth\"", "\"ben\"", "\"desk\""] {
        assert!(!dot.contains(id), "{id} kept:\n{dot}");
    }
}

#[test]
fn bad_where_expressions_point_at_the_column() {
    fixture(&["list", "--where", "tag = economy and"])
        .status(2)
        .stdout("")
        .stderr(
            "error: invalid `--where` expression: expected a field name (tag, by, rating, kind, id, text, relation, file) at column 18, found the end of the expression
  |
  | tag = economy and
  |                  ^
",
        )
        .run();
    query(&["stats", "--where", "rating = flase"])
        .status(2)
        .stderr(
            "error: invalid `--where` expression: expected a rating (true, mostly-true, mixed, mostly-false, false, misleading, unproven, outdated) at column 10, found `flase` (did you mean `false`?)
  |
  | rating = flase
  |          ^
",
        )
        .run();
    fixture(&["list", "--where", "by = bne or id = growth"])
        .status(2)
        .stderr(
            "error: no claim or source has the id `bne` (`--where`, column 6)
  |
  | by = bne or id = growth
  |      ^
  = help: `claimgraph list` shows every id
",
        )
        .run();
}

#[test]
fn closed_pipe_exits_quietly() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("claimgraph"))
        .current_dir(crate::test::root())
        .args(["--claims", "tests/data/queries", "query", "why", "growth"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Close the reading end before the binary has loaded anything, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("the binary exits");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// A run without the `--color=never` that [`Test`] passes.
fn coloured(color: &str, no_color: Option<&str>) -> String {
    let mut cmd = assert_cmd::Command::cargo_bin("claimgraph").expect("the binary is built");
    cmd.current_dir(crate::test::root())
        .env_remove("NO_COLOR")
        .args(["--color", color, "--claims", "tests/data/queries"])
        .args(["query", "supporters", "growth"]);
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    let out = cmd.output().expect("the binary runs");
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn colour_only_when_asked_and_not_with_no_color() {
    let (plain, _) = query(&["supporters", "growth"])
        .stdout_contains("jobs      Unemployment")
        .run();
    let coloured_text = coloured("always", None);
    assert!(
        coloured_text.contains("\x1b[1;36mjobs    \x1b[0m  Unemployment"),
        "{coloured_text:?}"
    );
    let stripped: String = coloured_text
        .split("\x1b[")
        .enumerate()
        .map(|(i, part)| match part.split_once('m') {
            Some((_, rest)) if i > 0 => rest,
            _ => part,
        })
        .collect();
    assert_eq!(stripped, plain);
    // `auto` never colours a pipe, NO_COLOR or not; `always` overrides NO_COLOR.
    assert_eq!(coloured("auto", None), plain);
    assert_eq!(coloured("auto", Some("1")), plain);
    assert_eq!(coloured("always", Some("1")), coloured_text);
}

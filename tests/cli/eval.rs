//! `eval`, `eval accept`, the verdict lints of `check` and `export apx|tgf|iccma`, on a small
//! fixture where verdicts decide and on the article's data set.

use serde_json::{Value, json};

use crate::test::{Test, data, root};

const VERDICTS: &[&str] = &["--claims", "tests/data/verdicts"];

fn verdicts(args: &[&str]) -> Test {
    Test::new().args(VERDICTS).args(args)
}

/// The JSON a run prints, for the test to compare.
fn json_of(test: Test) -> Value {
    let (stdout, _) = test.any_stdout().run();
    serde_json::from_str(&stdout).expect("valid JSON")
}

#[test]
fn grounded_with_verdicts_pinned() {
    verdicts(&["eval"])
        .stdout(
            "grounded labelling of 6 claims (support: none, verdicts: pinned); strength: dfquad, converged in 22 rounds

id          label  strength  text
rumour      out       0.000  The factory closed in March.
layoffs     in        1.000  Hundreds lost their jobs at the factory.
official    in        1.000  The company says the factory is open.
open-house  in        0.400  The factory held an open house in April.
union       undec     0.286  The union says the night shift was cut.
manager     undec     0.286  The manager says every shift still runs.
",
        )
        .run();
}

#[test]
fn preferred_extensions_without_verdicts() {
    verdicts(&[
        "eval",
        "--semantics",
        "preferred",
        "--verdicts",
        "ignore",
        "--strength",
        "none",
    ])
    .stdout(
        "preferred semantics: 2 extensions of 6 claims (support: none, verdicts: ignored)

id          #1     #2     text
rumour      out    out    The factory closed in March.
layoffs     out    out    Hundreds lost their jobs at the factory.
official    in     in     The company says the factory is open.
open-house  in     in     The factory held an open house in April.
union       in     out    The union says the night shift was cut.
manager     out    in     The manager says every shift still runs.
",
    )
    .run();
}

#[test]
fn json_shapes() {
    let grounded = json_of(verdicts(&[
        "eval",
        "--format",
        "json",
        "--strength",
        "energy",
    ]));
    assert_eq!(grounded["labels"]["rumour"], "out");
    assert_eq!(grounded["labels"]["union"], "undec");
    assert_eq!(grounded["count"], 1);
    assert_eq!(grounded["gradual"]["model"], "energy");
    assert_eq!(grounded["gradual"]["converged"], true);
    let strengths = grounded["strength"].as_object().expect("an object");
    assert_eq!(strengths.len(), 6);
    assert!(
        strengths
            .values()
            .all(|v| (0.0..=1.0).contains(&v.as_f64().unwrap_or(-1.0)))
    );

    let all = json_of(verdicts(&[
        "eval",
        "--format",
        "json",
        "--semantics",
        "stable",
        "--strength",
        "none",
    ]));
    assert_eq!(all["count"], 2);
    assert_eq!(all["extensions"][0]["labels"]["union"], "in");
    assert_eq!(all["extensions"][1]["labels"]["union"], "out");
    assert!(all.get("strength").is_none() && all.get("labels").is_none());

    let summary = json_of(verdicts(&[
        "eval",
        "--format",
        "json",
        "--semantics",
        "preferred",
        "--summary",
    ]));
    assert_eq!(summary["labels"]["union"], "undec");
    assert_eq!(summary["labels"]["layoffs"], "in");
    assert_eq!(summary["credulous"]["union"], true);
    assert_eq!(summary["credulous"]["rumour"], false);
}

#[test]
fn accept_answers_with_a_witness() {
    verdicts(&["eval", "accept", "union", "--semantics", "preferred", "--mode", "sceptical"])
        .stdout("NO\nwitness: a preferred extension without `union`: {layoffs, official, open-house, manager}\n")
        .run();
    verdicts(&["eval", "--semantics", "stable", "accept", "union"])
        .stdout("YES\nwitness: a stable extension containing `union`: {layoffs, official, open-house, union}\n")
        .run();
    verdicts(&["eval", "accept", "official", "--mode", "sceptical"])
        .stdout("YES\nwitness: the grounded extension, inside every complete one, contains `official`: {layoffs, official, open-house}\n")
        .run();
    verdicts(&["eval", "accept", "rumour", "--semantics", "preferred"])
        .stdout("NO\nno preferred extension contains `rumour`\n")
        .run();
    // Without the verdicts, the rumour still falls to the open house; the report too, to the
    // official denial.
    let j = json_of(verdicts(&[
        "eval",
        "accept",
        "layoffs",
        "--verdicts",
        "ignore",
        "--format",
        "json",
    ]));
    assert_eq!(
        j,
        json!({"id": "layoffs", "semantics": "grounded", "mode": "credulous", "accepted": false,
               "witness": ["official", "open-house"]})
    );
}

#[test]
fn usage_errors() {
    verdicts(&["eval", "accept", "layofs"])
        .status(2)
        .stderr(
            "error: no claim or source has the id `layofs`\n  = help: did you mean `layoffs`?\n",
        )
        .run();
    verdicts(&["eval", "accept", "wire"])
        .status(2)
        .stderr("error: `wire` is a source, not a claim\n  = help: `claimgraph list` shows the claims\n")
        .run();
    verdicts(&["eval", "--timeout", "0"])
        .status(2)
        .stderr("error: `--timeout` must be a positive number of seconds, found 0\n")
        .run();
}

#[test]
fn a_search_that_runs_out_of_time_says_so() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    // 60 separate mutual attacks: 3^60 complete labellings.
    let mut text = String::from("p af 120\n");
    for i in 0..60 {
        text.push_str(&format!(
            "{} {}\n{} {}\n",
            2 * i + 1,
            2 * i + 2,
            2 * i + 2,
            2 * i + 1
        ));
    }
    let file = dir.path().join("pairs.af");
    std::fs::write(&file, text).expect("written");
    Test::new()
        .args(&["--claims"])
        .path(&file)
        .args(&["eval", "--semantics", "complete", "--timeout", "0.2"])
        .status(3)
        .stderr("error: the search for extensions ran out of time after 0.2 s\n  = help: raise `--timeout`, or use `--semantics grounded`, which takes linear time\n")
        .run();
}

#[test]
fn check_reports_verdict_clashes() {
    let json = json_of(verdicts(&["check", "--format", "json"]));
    let got: Vec<String> = json
        .as_array()
        .expect("an array")
        .iter()
        .map(|d| {
            format!(
                "{}:{} {} {}",
                d["line"],
                d["column"],
                d["code"].as_str().unwrap_or("?"),
                d["message"].as_str().unwrap_or("?")
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "17:9 true-contradicted `layoffs` (rated true) is contradicted by `official` (rated mostly-true)",
            "17:9 support-from-false `layoffs` is rated true, but its only support comes from claims rated false: `rumour`",
        ]
    );
}

#[test]
fn export_attack_graphs_with_a_map() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let claims = data("verdicts");
    let export = |format: &str, file: &str| {
        Test::new()
            .current_dir(dir.path())
            .args(&["--claims"])
            .path(&claims)
            .args(&["export", format, "-o", file])
            .stderr(&format!("wrote {file} and {file}.map.tsv\n"))
            .run()
    };
    export("iccma", "v.af");
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).expect("written");
    assert_eq!(read("v.af"), "p af 6\n3 1\n3 2\n4 1\n5 6\n6 5\n");
    assert_eq!(
        read("v.af.map.tsv"),
        "number\tid\n1\trumour\n2\tlayoffs\n3\tofficial\n4\topen-house\n5\tunion\n6\tmanager\n"
    );
    export("apx", "v.apx");
    assert!(read("v.apx").starts_with("arg(a1).\n"));
    assert!(read("v.apx").ends_with("att(a6,a5).\n"));
    export("tgf", "v.tgf");
    assert!(read("v.tgf").contains("\n#\na3 a1\n"));
    // Read back, the exported graph has the same preferred extensions (by number).
    for file in ["v.af", "v.apx", "v.tgf"] {
        let j = json_of(
            Test::new()
                .args(&["--claims"])
                .path(&dir.path().join(file))
                .args(&[
                    "eval",
                    "--semantics",
                    "preferred",
                    "--summary",
                    "--format",
                    "json",
                ]),
        );
        let labels: Vec<&str> = j["labels"]
            .as_object()
            .expect("labels")
            .values()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(
            labels,
            ["out", "out", "in", "in", "undec", "undec"],
            "{file}"
        );
    }
}

/// The article's tensions, as the README tells them.
#[test]
fn the_article_data_set() {
    let j = json_of(Test::new().args(&["eval", "--format", "json"]));
    let label = |id: &str| j["labels"][id].as_str().unwrap_or("?").to_string();
    let strength = |id: &str| j["strength"][id].as_f64().unwrap_or(-1.0);
    assert!(root().join("claims").is_dir());
    assert_eq!(j["gradual"]["converged"], true);
    // Tension 1: Lee's compute remark stands, the article's efficiency claim falls.
    assert_eq!(label("compute-gap"), "in");
    assert_eq!(label("deepseek-fewer-resources"), "out");
    // Tension 2: LeCun's reading stands; what it disputes, the stakes section's assumption that
    // Chinese models are already a step ahead, falls (the article's own "US retains significant
    // advantages" attacks it too). The headline question's "yes" falls to the same section.
    assert_eq!(label("lecun-open-beats-proprietary"), "in");
    assert_eq!(label("chinese-models-step-ahead"), "out");
    assert_eq!(label("china-winning"), "out");
    // The NVIDIA claim rated misleading falls to the facts that contradict it; Qwen's launch
    // "after DeepSeek", rated mostly-false, is pinned out. Qwen's 100 languages has a verdict
    // history: mostly-false in the article's window, true since Qwen3 (2025-04-29); its
    // current verdict, the latest, pins it in.
    assert_eq!(label("us-ordered-nvidia-halt-china-sales"), "out");
    assert_eq!(strength("qwen-100-languages"), 1.0);
    assert_eq!(strength("alibaba-launched-qwen"), 0.0);
    // The quotas were accurate when written: the rescission is part of their verdict history
    // (evidence), not an attack, so it does not make them fall.
    assert_eq!(label("intermediate-country-quotas"), "in");
    assert_eq!(label("ai-diffusion-rule-rescinded"), "in");
    // LeCun does not deny that China is gaining ground: the article's conclusion stands, strong.
    assert_eq!(label("china-gaining-ground"), "in");
    assert!(strength("china-gaining-ground") > 0.8);
}

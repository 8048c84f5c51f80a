//! Hostile sizes (issue 14, classes 3 and 4): counts declared by the input, and answers that
//! grow faster than the graph. Each input here is small; without the guards each one made
//! claimgraph allocate gigabytes or print hundreds of megabytes.

use std::fmt::Write as _;
use std::path::Path;

use crate::test::Test;

/// A claim file with a support chain `c0 supports c1 supports ... c(n-1)`.
fn support_chain(dir: &Path, n: usize) {
    let mut yaml = String::from("claims:\n");
    for i in 0..n {
        let _ = writeln!(yaml, "  - id: c{i}\n    text: Claim {i}.");
        if i + 1 < n {
            let _ = writeln!(yaml, "    supports: [c{}]", i + 1);
        }
    }
    std::fs::write(dir.join("chain.yaml"), yaml).unwrap();
}

/// Once, `export svg` through Graphviz ran for minutes on a graph the embedded renderer
/// refused at once; both now share one guard, its hint and its override.
#[test]
fn graphviz_is_refused_a_graph_too_large_to_lay_out() {
    if !crate::tools::graphviz("graphviz_is_refused_a_graph_too_large_to_lay_out") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    support_chain(dir.path(), 400);
    let hint = "  = help: draw a smaller selection (e.g. `--tag TAG` or `--around ID --depth 2`), or set `CLAIMGRAPH_MAX_NODES` above the limit and expect the layout to take minutes\n";
    for renderer in ["auto", "graphviz", "embedded"] {
        let who = if renderer == "embedded" {
            "the embedded renderer"
        } else {
            "Graphviz"
        };
        Test::new()
            .args(&["--claims", dir.path().to_str().unwrap()])
            .args(&["export", "svg", "--renderer", renderer])
            .timeout(60)
            .status(3)
            .stderr(&format!(
                "error: the graph has 400 nodes, more than {who} lays out in reasonable time (limit 350)\n{hint}"
            ))
            .run();
    }
    // The same override lowers (or raises) the limit for both, and for PNG.
    let png = dir.path().join("never.png");
    Test::new()
        .env("CLAIMGRAPH_MAX_NODES", "5")
        .args(&["--claims", "tests/data/small", "export", "png", "-o"])
        .path(&png)
        .status(3)
        .stderr(&format!(
            "error: the graph has 6 nodes, more than Graphviz lays out in reasonable time (limit 5)\n{hint}"
        ))
        .run();
    assert!(!png.exists());
    Test::new()
        .env("CLAIMGRAPH_MAX_NODES", "many")
        .args(&["--claims", "tests/data/small", "export", "svg"])
        .status(3)
        .stderr("error: `CLAIMGRAPH_MAX_NODES=many` is not a number of nodes\n  = help: give a whole number of nodes: `CLAIMGRAPH_MAX_NODES=1000`\n")
        .run();
}

#[test]
fn a_framework_header_cannot_declare_more_than_the_file_holds() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.af");
    std::fs::write(&file, "p af 4000000000\n").unwrap();
    Test::new()
        .args(&["solve", "-p", "SE-GR", "-f"])
        .path(&file)
        .status(1)
        .stderr_contains("error[out-of-range]: the header declares 4000000000 arguments, more than a file of 16 bytes can hold (at most 100000)")
        // Located at the count.
        .stderr_contains(":1:6\n")
        .run();
    // The loader reads the same file the same way.
    Test::new()
        .args(&["--claims"])
        .path(&file)
        .args(&["check"])
        .status(1)
        .stdout_contains("the header declares 4000000000 arguments")
        .run();
}

#[test]
fn transitive_answers_on_a_long_chain_stay_bounded() {
    // On 10,000 claims `impact c0` printed 50 million ids (900 MB, 2 GB of memory).
    let dir = tempfile::tempdir().unwrap();
    support_chain(dir.path(), 10_000);
    let claims = dir.path().to_str().unwrap();
    // Each answer is checked below, its size here; `stderr` is exact.
    let run = |args: &[&str], stderr: &str| {
        let (stdout, _) = Test::new()
            .args(&["--claims", claims])
            .args(args)
            .any_stdout()
            .stderr(stderr)
            .run();
        assert!(
            stdout.len() < 20_000_000,
            "{args:?}: {} bytes",
            stdout.len()
        );
        stdout
    };
    let text = run(&["query", "impact", "c0"], "");
    assert!(
        text.starts_with("9999 claims rest on c0:\n"),
        "{}",
        &text[..200]
    );
    assert!(text.ends_with("  … 8999 more claims not shown (`--limit 0` shows all 9999)\n"));
    let json = run(
        &["query", "impact", "c0", "--format", "json", "--limit", "5"],
        "",
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["results"].as_array().map(Vec::len), Some(5));
    assert_eq!(
        (&json["total"], &json["truncated"]),
        (&9999.into(), &true.into())
    );
    let tsv = run(
        &["query", "supporters", "c9999", "--all", "--format", "tsv"],
        "note: 8999 more claims not shown (`--limit 0` shows all 9999)\n",
    );
    assert_eq!(tsv.lines().count(), 1000);
    let why = run(&["query", "why", "c9999", "--limit", "3"], "");
    assert_eq!(
        why,
        "c9999: Claim 9999.\n└─ supported by c9998: Claim 9998.\n   └─ supported by c9997: Claim 9997.\n  … 9997 more lines not shown (`--limit 0` shows all 10000)\n"
    );
}

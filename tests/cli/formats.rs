//! `export` in every format and `import` back, on the small fixture: losses on stderr,
//! `--strict`, Neo4j's directory, and claim files that load back.

use std::path::Path;

use crate::test::{Test, data};

const SMALL: &[&str] = &["--claims", "tests/data/small"];

/// Exports the fixture to stdout; stderr may only list what the format loses.
fn export(format: &str) -> (String, String) {
    // ClaimReview leaves out a review without an absolute `url`: give it a base.
    let base: &[&str] = match format {
        "claimreview" => &["--base-url", "https://example.org/checks"],
        _ => &[],
    };
    let (stdout, stderr) = Test::new()
        .args(SMALL)
        .args(&["export", format])
        .args(base)
        .any_stdout()
        .any_stderr()
        .run();
    assert_only_losses(&stderr);
    (stdout, stderr)
}

/// Fails unless every line of `stderr` names a loss.
#[track_caller]
fn assert_only_losses(stderr: &str) {
    assert!(stderr.lines().all(|l| l.starts_with("lost: ")), "{stderr}");
}

#[test]
fn every_writer_exports_the_fixture() {
    for format in [
        "json",
        "argdown",
        "aif",
        "claimreview",
        "graphml",
        "mermaid",
    ] {
        let (stdout, _) = export(format);
        assert!(stdout.len() > 100, "{format}: {stdout}");
    }
    let (json, stderr) = export("json");
    assert_eq!(stderr, "", "JSON loses nothing");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["claims"].as_array().unwrap().len(), 3);
    let (graphml, _) = export("graphml");
    roxmltree::Document::parse(&graphml).unwrap();
    let (mermaid, _) = export("mermaid");
    assert!(mermaid.starts_with("flowchart LR\n"), "{mermaid}");
}

#[test]
fn losses_go_to_stderr_one_per_line_and_strict_refuses() {
    let (_, stderr) = export("aif");
    assert!(
        stderr.lines().all(|l| l.starts_with("lost: AIF has no ")),
        "{stderr}"
    );
    assert!(
        stderr.contains("lost: AIF has no verdicts: 1 verdicts dropped (`efficient`)"),
        "{stderr}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.json");
    Test::new()
        .args(SMALL)
        .args(&["export", "aif", "--strict", "-o"])
        .path(&file)
        .status(3)
        .stderr_contains("lost: AIF has no verdicts: 1 verdicts dropped (`efficient`)\n")
        .stderr_contains("error: aif cannot carry everything")
        .run();
    assert!(!file.exists(), "--strict writes nothing");
    Test::new()
        .args(SMALL)
        .args(&["export", "json", "--strict"])
        .stdout_contains("\"claims\": [")
        .run();
}

#[test]
fn neo4j_writes_a_directory() {
    Test::new()
        .args(SMALL)
        .args(&["export", "neo4j"])
        .status(2)
        .stderr("error: `neo4j` writes several files: pass `-o DIR`\n  = help: for example `claimgraph export neo4j -o neo4j/`\n")
        .run();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("neo4j");
    Test::new()
        .args(SMALL)
        .args(&["export", "neo4j", "-o"])
        .path(&out)
        .stdout("")
        .stderr("")
        .run();
    let nodes = std::fs::read_to_string(out.join("nodes.csv")).unwrap();
    assert!(nodes.starts_with("\"id:ID\",\":LABEL\","), "{nodes}");
    assert_eq!(nodes.lines().count(), 1 + 3 + 3);
    let rels = std::fs::read_to_string(out.join("relationships.csv")).unwrap();
    assert!(
        rels.contains("\"efficient\",\"compute-gap\",\"CONTRADICTS\""),
        "{rels}"
    );
    assert!(out.join("import.cypher").exists());
}

/// Exports the fixture in `format`, imports it into a claim file (which says `imported`), and
/// loads that back; returns what `list` prints.
fn round_trip(format: &str, ext: &str, imported: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let exported = dir.path().join(format!("small.{ext}"));
    let (_, losses) = Test::new()
        .args(SMALL)
        .args(&["export", format, "-o"])
        .path(&exported)
        .any_stderr()
        .run();
    assert_only_losses(&losses);
    let claims = dir.path().join("claims");
    std::fs::create_dir(&claims).unwrap();
    let yaml = claims.join("imported.yaml");
    Test::new()
        .args(&["import", format])
        .path(&exported)
        .args(&["-o"])
        .path(&yaml)
        .stderr(imported)
        .run();
    Test::new()
        .args(&["--claims"])
        .path(&claims)
        .args(&["check"])
        .stdout("0 errors, 0 warnings in 1 file\n")
        .run();
    let (list, _) = Test::new()
        .args(&["--claims"])
        .path(&claims)
        .args(&["list"])
        .any_stdout()
        .run();
    list
}

#[test]
fn json_argdown_and_aif_import_what_export_wrote() {
    let (original, _) = Test::new().args(SMALL).args(&["list"]).any_stdout().run();
    let all = "imported 3 claims, 3 sources, 2 relations\n";
    assert_eq!(round_trip("json", "json", all), original);
    assert_eq!(round_trip("argdown", "argdown", all), original);
    // AIF has no sources beyond speakers: the reviewer `desk` is lost.
    let aif = round_trip("aif", "json", "imported 3 claims, 2 sources, 2 relations\n");
    let ids = |list: &str| -> Vec<String> {
        list.lines()
            .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(ids(&aif), ids(&original));
}

#[test]
fn import_refuses_to_overwrite_without_force_and_reports_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("x.yaml");
    std::fs::write(&yaml, "claims: []\n").unwrap();
    let input = data("small/claims.yaml");
    let json = dir.path().join("in.json");
    let (text, _) = export("json");
    std::fs::write(&json, text).unwrap();
    Test::new()
        .args(&["import", "json"])
        .path(&json)
        .args(&["-o"])
        .path(&yaml)
        .status(2)
        .stderr_contains("exists; refusing to overwrite it")
        .run();
    assert_eq!(std::fs::read_to_string(&yaml).unwrap(), "claims: []\n");
    Test::new()
        .args(&["import", "json", "--force"])
        .path(&json)
        .args(&["-o"])
        .path(&yaml)
        .stderr("imported 3 claims, 3 sources, 2 relations\n")
        .run();
    assert!(
        std::fs::read_to_string(&yaml)
            .unwrap()
            .contains("id: efficient")
    );
    Test::new()
        .args(&["import", "aif"])
        .path(&input)
        .status(1)
        .stderr_contains("claims.yaml:1:1")
        .stderr_contains("invalid JSON")
        .run();
}

#[test]
fn import_strict_refuses_a_lossy_conversion() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.argdown");
    std::fs::write(&input, "# A section\n\n[a]: A.\n  + [b]: B.\n").unwrap();
    let yaml = dir.path().join("out.yaml");
    Test::new()
        .args(&["import", "argdown", "--strict"])
        .path(&input)
        .args(&["-o"])
        .path(&yaml)
        .status(3)
        .stderr_contains("lost: claim files have no sections: 1 Argdown headings dropped")
        .stderr_contains("error: argdown cannot carry everything")
        .run();
    assert!(!Path::new(&yaml).exists());
    Test::new()
        .args(&["import", "argdown"])
        .path(&input)
        .stdout_contains("supports: [a]")
        .stderr("lost: claim files have no sections: 1 Argdown headings dropped\nimported 2 claims, 0 sources, 1 relations\n")
        .run();
}

/// The style flags reach the DOT: clusters per speaker, top to bottom, speakers merged into
/// the boxes (no source nodes), the focus outlined and what is not next to it faint.
#[test]
fn style_flags_shape_the_dot() {
    let (dot, _) = Test::new()
        .args(SMALL)
        .args(&[
            "export",
            "dot",
            "--color-by",
            "tag",
            "--group-by",
            "speaker",
            "--rankdir",
            "TB",
            "--sources",
            "merge",
            "--focus",
            "china-gaining",
        ])
        .any_stdout()
        .run();
    assert!(dot.contains("rankdir=TB"), "{dot}");
    assert!(
        dot.contains("subgraph cluster_group0 {\n      label=\"Kai-Fu Lee\""),
        "{dot}"
    );
    assert!(dot.contains("— Kai-Fu Lee"), "{dot}");
    assert!(!dot.contains("shape=note"), "no source nodes: {dot}");
    assert!(dot.contains("claims, filled by first tag"), "{dot}");
    // compute-gap is two steps from the focus: faint; efficient supports it: not.
    let node = |id: &str| {
        let start = dot.find(&format!("\"{id}\"[")).unwrap();
        dot[start..start + dot[start..].find("]\n").unwrap()].to_string()
    };
    assert!(
        node("compute-gap").contains("fontcolor=\"#22222266\""),
        "{dot}"
    );
    assert!(!node("efficient").contains("fontcolor"), "{dot}");
    assert!(node("china-gaining").contains("penwidth=3"), "{dot}");
}

#[test]
fn unknown_style_values_are_usage_errors() {
    Test::new()
        .args(SMALL)
        .args(&["export", "dot", "--focus", "compute-gpa"])
        .status(2)
        .stderr("error: no claim or source has the id `compute-gpa`\n  = help: did you mean `compute-gap`?\n")
        .run();
    Test::new()
        .args(SMALL)
        .args(&["export", "dot", "--group-by", "speakers"])
        .status(2)
        .stderr_contains("[possible values: file, tag, speaker]")
        .stderr_contains("tip: a similar value exists: 'speaker'")
        .run();
}

#[test]
fn png_is_drawn_at_twice_the_diagram_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.png");
    Test::new()
        .args(SMALL)
        .args(&["export", "png", "--renderer", "embedded", "-o"])
        .path(&path)
        .stderr("rendered SVG with the embedded renderer\n")
        .run();
    let png = std::fs::read(&path).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // Width and height from the header: the diagram at twice its size.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert!(width > 800, "{width}");
}

/// Views survive export to JSON and import back to a claim file.
#[test]
fn views_round_trip_through_json_and_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("views.json");
    Test::new()
        .args(&["--claims", "tests/data/views", "export", "json", "-o"])
        .path(&json)
        .run();
    let yaml_dir = dir.path().join("claims");
    std::fs::create_dir(&yaml_dir).unwrap();
    Test::new()
        .args(&["import", "json"])
        .path(&json)
        .args(&["-o"])
        .path(&yaml_dir.join("claims.yaml"))
        .stderr("imported 3 claims, 2 sources, 2 relations\n")
        .run();
    let (again, _) = Test::new()
        .args(&["--claims"])
        .path(&yaml_dir)
        .args(&["export", "json"])
        .any_stdout()
        .run();
    let views =
        |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap()["views"].clone();
    let original = std::fs::read_to_string(&json).unwrap();
    assert_eq!(views(&again), views(&original));
    assert_eq!(views(&original).as_array().map(Vec::len), Some(2));
}

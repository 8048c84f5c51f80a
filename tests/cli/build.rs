//! `build` and `export`: the main job end to end, with and without Graphviz.

use std::collections::BTreeSet;
use std::path::Path;

use claimgraph::build::{dot_hash, recorded_dot_hash};

use crate::test::{Test, root};

/// A PATH with no Graphviz on it (the binary itself needs nothing from PATH).
fn no_graphviz_path() -> String {
    let dir = std::env::temp_dir().join("claimgraph-empty-path");
    let _ = std::fs::create_dir_all(&dir);
    dir.display().to_string()
}

fn files_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("readable dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".dot") || n.ends_with(".svg"))
        .collect()
}

#[track_caller]
fn assert_valid_svg(path: &Path) {
    let text = std::fs::read_to_string(path).expect("SVG is UTF-8");
    let doc = roxmltree::Document::parse(&text)
        .unwrap_or_else(|e| panic!("{} is not well-formed XML: {e}", path.display()));
    assert_eq!(
        doc.root_element().tag_name().name(),
        "svg",
        "{}",
        path.display()
    );
}

#[test]
fn build_without_graphviz_uses_the_embedded_renderer() {
    let out = tempfile::tempdir().expect("temp dir");
    let (_, stderr) = Test::new()
        .env("PATH", &no_graphviz_path())
        .args(&["build", "--out"])
        .path(out.path())
        .run();
    assert!(
        stderr.contains("SVG drawn by the embedded renderer (Graphviz `dot` is not on PATH)"),
        "{stderr}"
    );
    let files = files_in(out.path());
    assert!(
        files.contains("all.svg") && files.contains("all.dot"),
        "{files:?}"
    );
    for name in files.iter().filter(|n| n.ends_with(".svg")) {
        assert_valid_svg(&out.path().join(name));
    }
}

#[test]
fn output_is_current() {
    let out = tempfile::tempdir().expect("temp dir");
    Test::new()
        .env("PATH", &no_graphviz_path())
        .args(&["build", "--renderer", "embedded", "--out"])
        .path(out.path())
        .run();
    let committed = root().join("output");
    let stale = "output/ is stale: run `cargo run --release -- build` and commit the result";
    assert_eq!(files_in(&committed), files_in(out.path()), "{stale}");
    for name in files_in(out.path()).iter().filter(|n| n.ends_with(".dot")) {
        let fresh = std::fs::read_to_string(out.path().join(name)).expect("fresh DOT");
        let old = std::fs::read_to_string(committed.join(name)).expect("committed DOT");
        assert!(fresh == old, "{name}: {stale}");
        let svg_name = name.replace(".dot", ".svg");
        let svg = std::fs::read_to_string(committed.join(&svg_name)).expect("committed SVG");
        assert_eq!(
            recorded_dot_hash(&svg),
            Some(dot_hash(&fresh)),
            "{svg_name} was drawn from another DOT: {stale}"
        );
    }
}

#[test]
fn build_never_overwrites_files_it_did_not_write() {
    let out = tempfile::tempdir().expect("temp dir");
    std::fs::write(out.path().join("all.svg"), "<svg>mine</svg>").expect("write");
    let (_, stderr) = Test::new()
        .args(&["build", "--renderer", "embedded", "--out"])
        .path(out.path())
        .status(2)
        .run();
    assert!(
        stderr.contains("was not written by claimgraph; refusing to overwrite it"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(out.path().join("all.svg")).expect("read"),
        "<svg>mine</svg>"
    );
}

#[test]
fn rebuild_removes_views_that_are_gone_and_keeps_other_files() {
    let claims = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("temp dir");
    let small = root().join("tests/data/small");
    for name in ["sources.yaml", "claims.yaml"] {
        std::fs::copy(small.join(name), claims.path().join(name)).expect("copy");
    }
    std::fs::write(out.path().join("notes.svg"), "<svg/>").expect("write");
    let build = || {
        Test::new()
            .args(&["--claims"])
            .path(claims.path())
            .args(&["build", "--renderer", "embedded", "--out"])
            .path(out.path())
    };
    build().run();
    assert!(out.path().join("claims.svg").exists());
    std::fs::rename(
        claims.path().join("claims.yaml"),
        claims.path().join("renamed.yaml"),
    )
    .expect("rename");
    let (_, stderr) = build().run();
    assert!(
        stderr.contains("claims.svg (its theme is gone)"),
        "{stderr}"
    );
    assert!(!out.path().join("claims.svg").exists());
    assert!(out.path().join("renamed.svg").exists());
    assert!(
        out.path().join("notes.svg").exists(),
        "a file claimgraph did not write must stay"
    );
}

#[test]
fn build_refuses_broken_claims_and_writes_nothing() {
    let out = tempfile::tempdir().expect("temp dir");
    Test::new()
        .args(&[
            "--claims",
            "tests/data/broken/unknown-id.yaml",
            "build",
            "--out",
        ])
        .path(out.path())
        .status(1)
        .run();
    assert!(files_in(out.path()).is_empty());
}

#[test]
fn export_dot_to_stdout_and_file() {
    let (dot, _) = Test::new()
        .args(&["--claims", "tests/data/small", "export", "dot"])
        .run();
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(dot.contains("\"compute-gap\""), "{dot}");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("g.dot");
    Test::new()
        .args(&["--claims", "tests/data/small", "export", "dot", "-o"])
        .path(&file)
        .stdout("")
        .run();
    assert_eq!(std::fs::read_to_string(&file).expect("written"), dot);
}

#[test]
fn export_svg_says_which_renderer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("g.svg");
    let (_, stderr) = Test::new()
        .env("PATH", &no_graphviz_path())
        .args(&["--claims", "tests/data/small", "export", "svg", "-o"])
        .path(&file)
        .run();
    assert_eq!(stderr, "rendered SVG with the embedded renderer\n");
    assert_valid_svg(&file);
    let (_, stderr) = Test::new()
        .env("PATH", &no_graphviz_path())
        .args(&[
            "--claims",
            "tests/data/small",
            "export",
            "svg",
            "--renderer",
            "graphviz",
        ])
        .status(3)
        .run();
    assert!(
        stderr.contains("Graphviz `dot` was not found on PATH"),
        "{stderr}"
    );
}

#[test]
fn export_colours_by_evaluation() {
    // In the fixture `efficient` (unattacked) contradicts `compute-gap`: grounded semantics
    // keeps `efficient` and `china-gaining`, and drops `compute-gap`.
    let (dot, _) = Test::new()
        .args(&[
            "--claims",
            "tests/data/small",
            "export",
            "dot",
            "--color-by",
            "eval",
        ])
        .run();
    assert!(dot.contains("claims, filled by evaluation"), "{dot}");
    let node = |id: &str| {
        let start = dot.find(&format!("\"{id}\"[")).expect("node is drawn");
        dot[start..start + dot[start..].find("\n    ]").expect("attributes end")].to_string()
    };
    assert!(
        node("compute-gap").contains("fillcolor=\"#EE8866\""),
        "{}",
        node("compute-gap")
    );
    assert!(
        node("compute-gap").contains("[falls]"),
        "{}",
        node("compute-gap")
    );
    assert!(
        node("efficient").contains("[stands; rated mixed]"),
        "{}",
        node("efficient")
    );
    assert!(
        node("china-gaining").contains("fillcolor=\"#44BB99\""),
        "{}",
        node("china-gaining")
    );
    let (svg, _) = Test::new()
        .env("PATH", &no_graphviz_path())
        .args(&[
            "--claims",
            "tests/data/small",
            "export",
            "svg",
            "--color-by",
            "eval",
        ])
        .run();
    assert!(svg.contains("claims, filled by evaluation"), "{svg}");
}

use std::io::Write as _;
use std::path::PathBuf;

use super::*;
use crate::format::fixture;
use crate::format::wrap::{WIDTH, wrap};
use crate::model::{Claim, Corpus, Id, Relation, RelationKind, Source};

fn options(renderer: Renderer, title: Option<&str>) -> ExportOptions {
    ExportOptions {
        title: title.map(String::from),
        renderer,
        ..ExportOptions::default()
    }
}

fn embedded(graph: &ClaimGraph, title: Option<&str>) -> String {
    match render(graph, &options(Renderer::Embedded, title), None) {
        Ok((svg, UsedRenderer::Embedded)) => svg,
        other => panic!("expected an embedded SVG, got {other:?}"),
    }
}

/// A corpus shaped like a real one: `claims` claims, a source per two claims, each claim
/// asserted by one source and citing another and the hub `s0` ("the article"), most of them
/// bearing on an earlier claim.
pub(super) fn generated(claims: usize) -> ClaimGraph {
    let id = |s: String| Id::new(&s).expect("generated ids are valid");
    let sources = claims.div_ceil(2).max(1);
    let mut corpus = Corpus::default();
    for s in 0..sources {
        corpus.sources.push(Source::new(
            id(format!("s{s}")),
            format!("Source number {s}"),
        ));
    }
    for c in 0..claims {
        let mut claim = Claim::new(
            id(format!("c{c}")),
            format!("Claim {c} says something about AI and chips."),
        );
        claim.by = Some(id(format!("s{}", c % sources)));
        claim.sources.push(crate::model::Citation::new(id(format!(
            "s{}",
            (c * 7 + 3) % sources
        ))));
        claim
            .sources
            .push(crate::model::Citation::new(id("s0".into())));
        corpus.claims.push(claim);
        if c > 0 && c % 5 != 0 {
            let kind = if c % 3 == 0 {
                RelationKind::Contradicts
            } else {
                RelationKind::Supports
            };
            let target = (c * 31 + 17) % c;
            corpus.relations.push(Relation::new(
                id(format!("c{c}")),
                id(format!("c{target}")),
                kind,
            ));
        }
    }
    ClaimGraph::build(corpus).expect("the generated corpus is consistent")
}

/// The `viewBox` of `svg` as (x, y, width, height).
fn view_box(doc: &roxmltree::Document<'_>) -> [f64; 4] {
    let view = doc.root_element().attribute("viewBox").unwrap_or_default();
    let numbers: Vec<f64> = view
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    numbers
        .try_into()
        .unwrap_or_else(|n| panic!("bad viewBox {n:?}"))
}

#[test]
fn embedded_draws_every_node_and_the_legend() {
    let graph = fixture::graph();
    let svg = embedded(&graph, Some("A <title> & more"));
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let text: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    for (_, claim) in graph.claims() {
        let first = &wrap(&claim.text, WIDTH)[0];
        assert!(text.contains(first.as_str()), "missing {first:?}");
    }
    for (_, source) in graph.sources() {
        assert!(text.contains(&source.name), "missing {:?}", source.name);
    }
    for word in [
        "[misleading]",
        "A <title> & more",
        "Legend",
        "contradicts",
        "unrated",
    ] {
        assert!(text.contains(word), "missing {word:?}");
    }
    let titles = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .count();
    assert_eq!(titles, 7, "one tooltip per node");
    let link = doc
        .descendants()
        .find(|n| n.has_tag_name("a"))
        .and_then(|a| a.attribute("href"));
    assert_eq!(link, Some("https://example.org/ai?lang=en&page=2"));
}

#[test]
fn embedded_is_cropped_to_the_drawing() {
    let svg = embedded(&fixture::graph(), None);
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}"));
    let [x, y, w, h] = view_box(&doc);
    let rects = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("rx").is_some());
    let (mut min, mut max) = ([f64::MAX; 2], [f64::MIN; 2]);
    for r in rects {
        let num = |a: &str| {
            r.attribute(a)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        let (rx, ry, rw, rh) = (num("x"), num("y"), num("width"), num("height"));
        min = [min[0].min(rx), min[1].min(ry)];
        max = [max[0].max(rx + rw), max[1].max(ry + rh)];
    }
    // Every box is inside the frame, and the frame leaves little more than the padding around
    // them (edges may bulge out a little further than boxes).
    let margins = [min[0] - x, min[1] - y, x + w - max[0], y + h - max[1]];
    assert!(
        margins.iter().all(|m| (11.0..60.0).contains(m)),
        "margins {margins:?}"
    );
    assert_eq!(
        doc.root_element().attribute("width"),
        Some(format!("{w:.0}").as_str())
    );
}

#[test]
fn embedded_is_deterministic() {
    let first = embedded(&generated(30), Some("t"));
    assert_eq!(embedded(&generated(30), Some("t")), first);
}

#[test]
fn embedded_escapes_text() {
    let claim = Claim::new(
        Id::new("x").expect("valid"),
        "<script>alert(\"&\")</script>\u{0} 'quoted'",
    );
    let graph = ClaimGraph::build(Corpus {
        claims: vec![claim],
        ..Corpus::default()
    })
    .expect("one claim");
    let svg = embedded(&graph, None);
    assert!(!svg.contains("<script>"));
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|t| t.text());
    assert_eq!(title, Some("<script>alert(\"&\")</script> 'quoted'"));
}

/// A graph of `claims` one-word claims with the given relations (by index; self-loops and
/// duplicates allowed) and every claim citing source `s`.
fn awkward(claims: usize, relations: &[(usize, usize, bool)]) -> ClaimGraph {
    let id = |s: String| Id::new(&s).expect("valid id");
    let mut corpus = Corpus {
        sources: vec![Source::new(id("s".into()), "S")],
        ..Corpus::default()
    };
    for c in 0..claims {
        let mut claim = Claim::new(id(format!("c{c}")), format!("claim {c}"));
        claim
            .sources
            .push(crate::model::Citation::new(id("s".into())));
        corpus.claims.push(claim);
    }
    for &(from, to, supports) in relations {
        let kind = if supports {
            RelationKind::Supports
        } else {
            RelationKind::Contradicts
        };
        corpus.relations.push(Relation::new(
            id(format!("c{}", from % claims)),
            id(format!("c{}", to % claims)),
            kind,
        ));
    }
    ClaimGraph::build(corpus).expect("consistent")
}

#[test]
fn embedded_survives_cycles_loops_and_duplicates() {
    let cases: [&[(usize, usize, bool)]; 4] = [
        &[(0, 0, true)],
        &[(0, 1, true), (1, 0, false)],
        &[(0, 1, true), (0, 1, true), (0, 1, false)],
        &[(0, 1, true), (1, 2, true), (2, 0, false), (2, 2, false)],
    ];
    for relations in cases {
        let svg = embedded(&awkward(3, relations), None);
        roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{relations:?}: {e}"));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Whatever the shape of a small graph, the embedded renderer returns an SVG or an error,
    /// and never lets a panic out.
    #[test]
    fn embedded_never_panics(
        claims in 1..12usize,
        relations in proptest::collection::vec((0..12usize, 0..12usize, proptest::bool::ANY), 0..24),
    ) {
        let graph = awkward(claims, &relations);
        match embedded::render(&graph, &options(Renderer::Embedded, None)) {
            Ok(svg) => proptest::prop_assert!(roxmltree::Document::parse(&svg).is_ok()),
            Err(e) => proptest::prop_assert!(matches!(e, ExportError::Embedded(_)), "{e}"),
        }
    }
}

#[test]
fn empty_graph_says_so() {
    let svg = embedded(&ClaimGraph::default(), Some("Nothing"));
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let text: String = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(
        text.contains("no claims") && text.contains("Nothing"),
        "{svg}"
    );
    let [_, _, w, h] = view_box(&doc);
    assert!(w < 400.0 && h < 200.0, "{w}x{h}");
}

/// How quickly it is refused is measured by `cargo bench --bench svg`.
#[test]
fn too_large_is_refused() {
    let graph = generated(EMBEDDED_LIMIT);
    let nodes = graph.petgraph().node_count();
    assert!(nodes > EMBEDDED_LIMIT);
    match render(&graph, &options(Renderer::Auto, None), None) {
        Err(ExportError::TooLarge {
            nodes: n,
            limit,
            renderer,
        }) => assert_eq!(
            (n, limit, renderer),
            (nodes, EMBEDDED_LIMIT, "the embedded renderer")
        ),
        other => panic!("expected TooLarge, got {:?}", other.map(|(_, used)| used)),
    }
}

/// Graphviz is refused the same graph before it is run (`/bin/false` would fail if it were).
#[test]
fn too_large_for_graphviz_is_refused_before_dot_runs() {
    let graph = generated(EMBEDDED_LIMIT);
    let dot = Some(PathBuf::from("/bin/false"));
    for renderer in [Renderer::Auto, Renderer::Graphviz] {
        match render(&graph, &options(renderer, None), dot.clone()) {
            Err(ExportError::TooLarge { renderer, .. }) => assert_eq!(renderer, "Graphviz"),
            other => panic!("expected TooLarge, got {:?}", other.map(|(_, used)| used)),
        }
    }
}

#[test]
fn renderer_choice_without_graphviz() {
    let graph = fixture::graph();
    let missing = render(&graph, &options(Renderer::Graphviz, None), None);
    assert!(
        matches!(missing, Err(ExportError::GraphvizMissing)),
        "{:?}",
        missing.map(|r| r.1)
    );
    let auto = render(&graph, &options(Renderer::Auto, None), None).map(|r| r.1);
    assert!(matches!(auto, Ok(UsedRenderer::Embedded)), "{auto:?}");
}

#[test]
fn a_failing_graphviz_falls_back_to_the_embedded_renderer() {
    let graph = fixture::graph();
    let broken = Some(PathBuf::from("/bin/false"));
    let auto = render(&graph, &options(Renderer::Auto, None), broken.clone()).map(|r| r.1);
    assert!(
        matches!(auto, Ok(UsedRenderer::EmbeddedAfterGraphvizFailed)),
        "{auto:?}"
    );
    let strict = render(&graph, &options(Renderer::Graphviz, None), broken).map(|r| r.1);
    assert!(
        matches!(strict, Err(ExportError::Graphviz(_))),
        "{strict:?}"
    );
}

#[test]
fn graphviz_when_installed() {
    let Some(dot) = find_dot() else {
        // Past the harness's capture, so that a plain `cargo test` says what it did not run.
        let _ = writeln!(
            std::io::stderr(),
            "skipped: graphviz_when_installed: Graphviz `dot` is not on PATH"
        );
        return;
    };
    assert!(graphviz_available());
    let graph = fixture::graph();
    let (svg, used) = render(
        &graph,
        &options(Renderer::Auto, Some("T")),
        Some(dot.clone()),
    )
    .expect("dot runs");
    assert_eq!(used, UsedRenderer::Graphviz);
    let dtd = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc =
        roxmltree::Document::parse_with_options(&svg, dtd).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let text: String = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(
        text.contains("[misleading]") && text.contains("Legend"),
        "{svg}"
    );
    match run_dot(&dot, "digraph { a -> }") {
        Err(ExportError::Graphviz(message)) => {
            assert!(message.contains("syntax error"), "{message}")
        }
        other => panic!("expected a Graphviz error, got {other:?}"),
    }
}

/// How long layout-rs takes as graphs grow; how [`EMBEDDED_LIMIT`] was chosen. Run with
/// `cargo test --release --lib format::svg::tests::time_layout -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a test"]
fn time_layout() {
    let sizes: Vec<usize> = std::env::var("CLAIMGRAPH_LAYOUT_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 200, 300, 400]);
    for claims in sizes {
        let graph = generated(claims);
        let nodes = graph.petgraph().node_count();
        let started = std::time::Instant::now();
        let result = embedded::render(&graph, &options(Renderer::Embedded, None));
        let ok = if result.is_ok() { "ok" } else { "failed" };
        eprintln!(
            "{nodes:>5} nodes {:>5} edges: {:>8.2?} ({ok})",
            graph.petgraph().edge_count(),
            started.elapsed()
        );
    }
}

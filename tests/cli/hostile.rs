//! Hostile input (issue 14): what a claim file holds must reach every output as text, never as
//! markup, script, a link that runs code, a Graphviz escape, a Mermaid directive, a
//! spreadsheet formula or a terminal control sequence. The fixture is `tests/data/hostile`.
//!
//! Tests that need Graphviz's `dot` say that they skipped when it is not on PATH (CI installs
//! it).

use std::path::Path;

use crate::test::{Test, data};
use crate::tools::graphviz;

/// The hostile fixture's SVG drawn by `renderer`, written into `dir`.
fn svg(renderer: &str, dir: &Path) -> String {
    let out = dir.join(format!("{renderer}.svg"));
    Test::new()
        .args(&["--claims"])
        .path(&data("hostile"))
        .args(&["export", "svg", "--renderer", renderer, "-o"])
        .path(&out)
        .stderr(&format!("rendered SVG with the {renderer} renderer\n"))
        .run();
    std::fs::read_to_string(out).unwrap()
}

/// The renderers to test: the embedded one, and Graphviz when it is installed.
fn renderers(what: &str) -> Vec<&'static str> {
    let mut all = vec!["embedded"];
    if graphviz(what) {
        all.push("graphviz");
    }
    all
}

/// `text` parsed as XML, Graphviz's doctype allowed.
fn parse(text: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options)
}

/// Every attribute of every element of `doc`, as (element, attribute name, value).
fn attributes<'a>(doc: &'a roxmltree::Document<'a>) -> Vec<(&'a str, &'a str, &'a str)> {
    doc.descendants()
        .filter(roxmltree::Node::is_element)
        .flat_map(|n| {
            let element = n.tag_name().name();
            n.attributes().map(move |a| (element, a.name(), a.value()))
        })
        .collect()
}

#[test]
fn diagrams_link_only_web_and_mail_urls_and_stay_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    for renderer in renderers("the Graphviz half of the link test") {
        let text = svg(renderer, dir.path());
        let doc = parse(&text).unwrap_or_else(|e| panic!("{renderer}: malformed SVG: {e}\n{text}"));
        let attributes = attributes(&doc);
        let mut links: Vec<&str> = attributes
            .iter()
            .filter(|(_, name, _)| *name == "href")
            .map(|(_, _, value)| *value)
            .filter(|v| !v.starts_with('#'))
            .collect();
        links.sort_unstable();
        links.dedup();
        assert_eq!(
            links,
            [
                "https://example.org/a%3Cb%3E%22onload=%22window.__pwned=4%22%27x",
                "mailto:desk@example.org"
            ],
            "{renderer}"
        );
        for (element, name, value) in &attributes {
            assert!(
                !name.starts_with("on"),
                "{renderer}: {element} {name}={value}"
            );
        }
        assert!(
            doc.descendants().all(|n| n.tag_name().name() != "script"),
            "{renderer}: a script element"
        );
    }
}

#[test]
fn graphviz_shows_its_escapes_as_written() {
    if !graphviz("the Graphviz escape test") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let text = svg("graphviz", dir.path());
    let doc = parse(&text).unwrap();
    let titles: Vec<&str> = attributes(&doc)
        .into_iter()
        .filter(|(_, name, _)| *name == "title")
        .map(|(_, _, value)| value)
        .collect();
    let source = "Evil <script>window.__pwned=1</script> \\N \\G: \
                  <img src=x onerror=\"window.__pwned=2\"> \\E \\T";
    let note = "note \\E <img src=x onerror=\"window.__pwned=8\"> `x` %%{init}%%";
    assert!(titles.contains(&source), "{titles:#?}");
    assert!(titles.contains(&note), "{titles:#?}");
    let label: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "text")
        .filter_map(|n| n.text())
        .collect();
    assert!(label.contains(&"\\N \\G"), "{label:#?}");
}

#[test]
fn check_warns_about_urls_that_are_not_links() {
    let (stdout, _) = Test::new()
        .args(&["--claims"])
        .path(&data("hostile"))
        .args(&["check"])
        .stdout_contains("\n0 errors, 2 warnings in 1 file\n")
        .run();
    let warnings: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("warning[unlinked-url]"))
        .collect();
    assert_eq!(
        warnings,
        [
            "warning[unlinked-url]: the `url` of source `evil` is not drawn as a link: its scheme `javascript` is not http, https or mailto",
            "warning[unlinked-url]: the `url` of source `data` is not drawn as a link: its scheme `data` is not http, https or mailto",
        ],
        "{stdout}"
    );
}

#[test]
fn report_links_only_web_and_mail_urls() {
    let out = tempfile::tempdir().unwrap();
    Test::new()
        .args(&["--claims"])
        .path(&data("hostile"))
        .args(&["build", "--renderer", "embedded", "--out"])
        .path(out.path())
        .stderr_contains("warning[unlinked-url]: the `url` of source `evil` is not drawn as a link")
        .stderr_contains("warning[unlinked-url]: the `url` of source `data` is not drawn as a link")
        .stderr_contains("\n3 claims, 4 sources: 9 files written, 0 unchanged in ")
        .run();
    let page = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    for bad in [
        "javascript:",
        "data:text",
        "'unsafe-inline'; img",
        "script-src 'unsafe",
    ] {
        assert!(!page.contains(bad), "{bad} in the page");
    }
    assert!(page.contains("href=\"mailto:desk@example.org\""));
}

#[test]
fn mermaid_labels_hold_no_directive() {
    let (stdout, _) = Test::new()
        .args(&["--claims"])
        .path(&data("hostile"))
        .args(&["export", "mermaid"])
        .stdout_contains("#37;#37;{init")
        .stderr(
            "lost: Mermaid has no tags: 2 tags dropped (`title`, `bidi`)
lost: Mermaid has no verdict notes: 1 verdict notes dropped (`formula`)
lost: Mermaid has no relation notes: 1 relation notes dropped (`formula`)
lost: Mermaid has no source details: 4 source details dropped (`evil`, `angle`, `data`, ...)
",
        )
        .run();
    assert!(!stdout.contains('%'), "{stdout}");
}

#[test]
fn neo4j_cells_hold_no_formula_and_tags_stay_whole() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("neo4j");
    Test::new()
        .args(&["--claims"])
        .path(&data("hostile"))
        .args(&["export", "neo4j", "-o"])
        .path(&dir)
        .stderr(
            "lost: `;` separates the items of a Neo4j array: 1 tags written with `\u{ff1b}` for `;` (`title`)
lost: a spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula: 5 texts written with a leading `'` (`title`, `formula`, `bidi`, ...)
",
        )
        .run();
    let nodes = std::fs::read_to_string(dir.join("nodes.csv")).unwrap();
    for cell in nodes.split(",\"").skip(1) {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a formula cell: {cell}"
        );
    }
    let title = nodes.lines().find(|l| l.starts_with("\"title\"")).unwrap();
    assert!(
        title
            .contains(",\"x\u{ff1b}y;'=cmd|' /C calc'!A0;%%{init: {'securityLevel':'loose'}}%%\","),
        "{title}"
    );
}

/// Once, an id typed on the command line, an AIF node type and a value serde_json refused
/// reached the terminal raw inside error and loss messages.
#[test]
fn errors_and_losses_show_the_users_text_escaped() {
    Test::new()
        .args(&["--claims", "tests/data/small", "show", "x\u{1b}]0;pwned\u{7}\nfake"])
        .status(2)
        .stderr("error: no claim or source has the id `x\\u{1b}]0;pwned\\u{7}\\nfake`\n  = help: `claimgraph list` shows every id\n")
        .run();
    let dir = tempfile::tempdir().unwrap();
    let aif = dir.path().join("map.json");
    std::fs::write(
        &aif,
        r#"{"nodes": [{"nodeID": "1", "text": "A.", "type": "I"},
                      {"nodeID": "2", "text": "B.", "type": "X\u001b]0;pwned\u0007"}],
            "edges": []}"#,
    )
    .unwrap();
    Test::new()
        .args(&["import", "aif"])
        .path(&aif)
        .stdout_contains("text: A.")
        .stderr("lost: AIF X\\u{1b}]0;pwned\\u{7}-nodes have no counterpart in claim files: 1 X\\u{1b}]0;pwned\\u{7}-nodes dropped (`2`)\nimported 1 claims, 0 sources, 0 relations\n")
        .run();
}

/// The characters of `text` a terminal would act on (line breaks between lines aside).
fn hidden(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c != '\n' && claimgraph::text::is_hidden(c))
        .collect()
}

#[test]
fn the_terminal_sees_no_control_character() {
    let commands: [&[&str]; 12] = [
        &["list"],
        &["list", "--format", "tsv"],
        &["list", "sources"],
        &["show", "title"],
        &["show", "formula"],
        &["show", "evil"],
        &["query", "why", "title"],
        &["query", "central"],
        &["query", "supporters", "formula", "--format", "tsv"],
        &["query", "stats"],
        &["eval"],
        &["check"],
    ];
    for args in commands {
        // stderr stays empty; stdout is checked below, character by character.
        let (stdout, _) = Test::new()
            .args(&["--claims"])
            .path(&data("hostile"))
            .args(args)
            .any_stdout()
            .run();
        // TSV separates its fields with tabs; nothing else may be hidden.
        let tsv = args.contains(&"tsv");
        let mut shown = hidden(&stdout);
        shown.retain(|&c| !(tsv && c == '\t'));
        assert_eq!(shown, Vec::<char>::new(), "{args:?}: {stdout}");
    }
    // A line break in a text does not fake a row.
    let (list, _) = Test::new()
        .args(&["--claims"])
        .path(&data("hostile"))
        .args(&["list"])
        .stdout_contains("line one\\nfake-row")
        .run();
    assert_eq!(list.lines().count(), 3, "{list}");
}

#[test]
fn diagnostics_echo_source_lines_without_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("claims.yaml"),
        "claims:\n  - id: a\n    text: \"\u{1b}]0;pwned\u{7} \u{9b}2J\"\n    supports: [\u{1b}[2Jnope]\n",
    )
    .unwrap();
    let (stdout, _) = Test::new()
        .args(&["--claims"])
        .path(dir.path())
        .args(&["check"])
        .status(1)
        .stdout_contains("3 |     text: \"\\u{1b}]0;pwned\\u{7} \\u{9b}2J\"")
        .run();
    assert_eq!(hidden(&stdout), Vec::<char>::new(), "{stdout}");
}

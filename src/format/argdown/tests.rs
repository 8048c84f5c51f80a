use std::path::Path;

use super::*;
use crate::format::fixture;
use crate::format::{Format, ImportError, import};
use crate::graph::ClaimGraph;

fn summary(text: &str) -> Summary {
    summarize(Path::new("t.argdown"), text).unwrap()
}

fn relations(s: &Summary) -> Vec<(&'static str, usize)> {
    s.relations.iter().map(|(k, v)| (*k, *v)).collect()
}

#[test]
fn statements_relations_and_untitled_text() {
    let s = summary(
        "[Intro]: Argdown is simple.\n  + Writing pros is easy.\n  - <Con>: Too simple.\n\nPlain text is a statement.\n\n[Intro]\n  -> <Argument 1>\n",
    );
    assert_eq!(s.statements, 3);
    assert_eq!(s.arguments, 2);
    assert_eq!(relations(&s), [("attack", 2), ("support", 1)]);
}

#[test]
fn reconstructed_arguments_and_strict_mode() {
    let text = "===\nmodel:\n  mode: strict\n===\n\n<A>\n\n(1) [P]: p\n(2) q\n----\n(3) [C]: c\n  - [D]: d\n\n[P]\n  - [E]: e\n";
    let s = summary(text);
    assert_eq!(s.statements, 5);
    assert_eq!(s.arguments, 1);
    assert_eq!(relations(&s), [("contrary", 2)]);
}

#[test]
fn syntax_errors_are_located() {
    let err = |text: &str| {
        let d = summarize(Path::new("t.argdown"), text).unwrap_err();
        format!("{} {}", d.location, d.message)
    };
    assert_eq!(
        err("[A]: a\n\n  + b\n"),
        "t.argdown:3:1 invalid Argdown: expected a statement, argument, heading or list (a relation cannot start a paragraph: remove the empty line above it), found a relation"
    );
    assert_eq!(
        err("[A] more text\n"),
        "t.argdown:1:5 invalid Argdown: expected an empty line before a new paragraph, found text"
    );
    assert!(
        err("@include(other.argdown)\n").starts_with("t.argdown:1:1 `@include` is not supported")
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let err = |text: &str| {
        let d = summarize(Path::new("t.argdown"), text).unwrap_err();
        format!("{} {}", d.location, d.message)
    };
    // Each `*a ` opens an italic range inside the last: 4 KB of them overflowed the stack.
    let ranges = "*a ".repeat(50_000);
    assert_eq!(
        err(&ranges),
        "t.argdown:1:301 invalid Argdown: bold and italic ranges nest more than 100 levels deep"
    );
    // Each line one space deeper: a relation under the relation above.
    let mut relations = String::from("[A]: a\n");
    for depth in 1..=150 {
        relations.push_str(&format!("{}+ [s{depth}]: b\n", " ".repeat(depth)));
    }
    assert_eq!(
        err(&relations),
        "t.argdown:102:1 invalid Argdown: indented relations nest more than 100 levels deep"
    );
    // As deep as allowed, the error is the missing closing mark.
    let ranges = "*a ".repeat(parser::MAX_NESTING);
    assert!(err(&ranges).ends_with("expected the closing `*`, found the end of the file"));
}

#[test]
fn snapshot() {
    let (text, losses) = to_argdown(&fixture::graph());
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!("argdown", fixture::with_losses(&text, &losses));
    });
}

#[test]
fn reading_what_we_wrote_keeps_ids_texts_and_relations() {
    let graph = fixture::graph();
    let (text, _) = to_argdown(&graph);
    let s = summary(&text);
    assert_eq!(s.statements, 4);
    assert_eq!(relations(&s), [("attack", 1), ("support", 2)]);
    let imported = import(Format::Argdown, &[("g.argdown".into(), text)]).unwrap();
    assert!(imported.losses.is_empty(), "{:?}", imported.losses);
    let again = ClaimGraph::build(imported.corpus).unwrap();
    let ids = |g: &ClaimGraph| -> Vec<(String, String)> {
        g.corpus()
            .claims
            .iter()
            .map(|c| (c.id.to_string(), c.text.clone()))
            .collect()
    };
    assert_eq!(ids(&again), ids(&graph));
    let efficient = &again.corpus().claims[1];
    assert_eq!(
        efficient.verdict.as_ref().map(|v| v.rating),
        Some(Rating::Misleading)
    );
    assert_eq!(
        efficient
            .verdict
            .as_ref()
            .and_then(|v| v.by.as_ref())
            .map(Id::as_str),
        Some("desk")
    );
}

#[test]
fn escaped_text_reads_back_unchanged() {
    for text in [
        "Brackets [a] and <b>: #tag *bold* _it_ @[x] {data} // not a comment",
        "Shortcodes :heart: and .g. e.g. stay text; a\\b = c === d.",
        "Trailing backslash \\",
    ] {
        let written = format!("[x]: {}\n", writer::escape(text));
        let imported = import(Format::Argdown, &[("t.argdown".into(), written.clone())])
            .unwrap_or_else(|e| panic!("{written}: {e:?}"));
        assert_eq!(imported.corpus.claims[0].text, text, "{written}");
    }
}

#[test]
fn bad_data_is_an_error() {
    let err = import(
        Format::Argdown,
        &[("t.argdown".into(), "[x]: text {a: [1,2]; b}\n".into())],
    );
    assert!(matches!(err, Err(ImportError::Invalid(_))), "{err:?}");
}

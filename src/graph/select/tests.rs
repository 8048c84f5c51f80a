use super::*;
use crate::model::{Citation, Relation, RelationKind, Source};

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

/// a -supports-> b -supports-> c, d -contradicts-> c; a cites src (part of site).
fn graph() -> ClaimGraph {
    let mut a = Claim::new(id("a"), "A");
    a.sources.push(Citation::new(id("src")));
    a.tags.push("x".into());
    let mut d = Claim::new(id("d"), "D");
    d.tags.push("x".into());
    let mut src = Source::new(id("src"), "Src");
    src.part_of = Some(id("site"));
    let corpus = Corpus {
        sources: vec![
            src,
            Source::new(id("site"), "Site"),
            Source::new(id("other"), "Other"),
        ],
        claims: vec![a, Claim::new(id("b"), "B"), Claim::new(id("c"), "C"), d],
        relations: vec![
            Relation::new(id("a"), id("b"), RelationKind::Supports),
            Relation::new(id("b"), id("c"), RelationKind::Supports),
            Relation::new(id("d"), id("c"), RelationKind::Contradicts),
        ],
        ..Corpus::default()
    };
    ClaimGraph::build(corpus).unwrap()
}

fn ids(g: &ClaimGraph) -> Vec<String> {
    let mut v: Vec<String> = g.corpus().claims.iter().map(|c| c.id.to_string()).collect();
    v.extend(g.corpus().sources.iter().map(|s| format!("src:{}", s.id)));
    v
}

#[track_caller]
fn case(sel: Selection, expected: &[&str]) {
    assert_eq!(ids(&sel.apply(&graph())), expected);
}

#[test]
fn selections() {
    case(
        Selection::default(),
        &["a", "b", "c", "d", "src:src", "src:site", "src:other"],
    );
    case(
        Selection {
            tags: vec!["x".into()],
            ..Default::default()
        },
        &["a", "d", "src:src", "src:site"],
    );
    case(
        Selection {
            tags: vec!["x".into()],
            no_sources: true,
            ..Default::default()
        },
        &["a", "d"],
    );
    let around = |dir, depth| Selection {
        around: vec![id("b")],
        depth,
        direction: dir,
        no_sources: true,
        ..Default::default()
    };
    case(around(Direction::Both, 1), &["a", "b", "c"]);
    case(around(Direction::Up, 1), &["a", "b"]);
    case(around(Direction::Down, 2), &["b", "c"]);
    case(around(Direction::Both, 2), &["a", "b", "c", "d"]);
    case(around(Direction::Both, 0), &["b"]);
}

#[test]
fn subgraph_keeps_only_inner_relations() {
    let g = Selection {
        tags: vec!["x".into()],
        ..Default::default()
    }
    .apply(&graph());
    assert!(g.corpus().relations.is_empty());
}

fn filter(text: &str) -> Option<Expr> {
    Some(Expr::parse(text).unwrap())
}

#[test]
fn kind_relation_and_where() {
    case(
        Selection {
            kind: Some(ItemKind::Source),
            ..Default::default()
        },
        &["src:src", "src:site", "src:other"],
    );
    case(
        Selection {
            kind: Some(ItemKind::Claim),
            ..Default::default()
        },
        &["a", "b", "c", "d", "src:src", "src:site"],
    );
    case(
        Selection {
            relation: Some(RelationKind::Contradicts),
            ..Default::default()
        },
        &["c", "d"],
    );
    case(
        Selection {
            filter: filter("id = b or text ~ sit"),
            ..Default::default()
        },
        &["b", "src:site"],
    );
    case(
        Selection {
            filter: filter("not tag = x"),
            tags: vec![],
            no_sources: true,
            ..Default::default()
        },
        &["b", "c"],
    );
    // Flags and the expression combine with AND; a claim-only flag keeps sources as context.
    case(
        Selection {
            filter: filter("id = a or id = b"),
            tags: vec!["x".into()],
            ..Default::default()
        },
        &["a", "src:src", "src:site"],
    );
}

#[test]
fn relation_keeps_only_its_edges_and_walks_only_them() {
    let g = Selection {
        relation: Some(RelationKind::Supports),
        around: vec![id("c")],
        depth: 5,
        ..Default::default()
    }
    .apply(&graph());
    assert_eq!(ids(&g), ["a", "b", "c", "src:src", "src:site"]);
    assert!(
        g.corpus()
            .relations
            .iter()
            .all(|r| r.kind == RelationKind::Supports)
    );
}

#[track_caller]
fn error(sel: Selection, message: &str, hint: &str) {
    let err = sel.check(&graph()).unwrap_err();
    assert_eq!(err.to_string(), message);
    assert_eq!(err.hint().as_deref(), Some(hint));
}

#[test]
fn check_reports_unknown_ids_and_wrong_kinds() {
    assert_eq!(
        Selection {
            around: vec![id("a")],
            by: Some(id("src")),
            filter: filter("by = src or id = site"),
            ..Default::default()
        }
        .check(&graph()),
        Ok(())
    );
    error(
        Selection {
            around: vec![id("src")],
            ..Default::default()
        },
        "`src` is a source, but `--around` takes a claim",
        "`claimgraph list claims` shows every claim id",
    );
    error(
        Selection {
            by: Some(id("a")),
            ..Default::default()
        },
        "`a` is a claim, but `--by` takes a source",
        "`claimgraph list sources` shows every source id",
    );
    error(
        Selection {
            filter: filter("tag = x and by = sitee"),
            ..Default::default()
        },
        "no claim or source has the id `sitee` (`--where`, column 18)",
        "did you mean `site`?",
    );
    error(
        Selection {
            filter: filter("id != zzz"),
            ..Default::default()
        },
        "no claim or source has the id `zzz` (`--where`, column 7)",
        "`claimgraph list` shows every id",
    );
}

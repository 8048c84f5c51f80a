use super::*;
use crate::model::{Citation, Corpus, Relation, RelationKind, Source};
use petgraph::visit::EdgeRef;

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

/// What `ClaimGraph::build` makes of the corpus filtered to `keep`: the subgraph as it was
/// built before `subgraph` copied it from the graph.
fn rebuilt(g: &ClaimGraph, keep: &HashSet<Id>, relation: Option<RelationKind>) -> ClaimGraph {
    let has = |id: &Id| keep.contains(id);
    let old = g.corpus();
    let mut corpus = old.clone();
    corpus.sources.retain(|s| has(&s.id));
    for s in &mut corpus.sources {
        s.part_of = s.part_of.take().filter(has);
    }
    corpus.claims.retain(|c| has(&c.id));
    for c in &mut corpus.claims {
        c.by = c.by.take().filter(has);
        c.sources.retain(|cit| has(&cit.source));
        if let Some(v) = &mut c.verdict {
            v.by = v.by.take().filter(has);
            v.evidence.retain(has);
        }
    }
    corpus
        .relations
        .retain(|r| has(&r.from) && has(&r.to) && relation.is_none_or(|k| r.kind == k));
    ClaimGraph::build(corpus).unwrap()
}

/// Everything a graph holds, in its order: corpus, nodes, edges, the id index.
fn contents(g: &ClaimGraph) -> (Corpus, Vec<String>, Vec<String>) {
    use petgraph::visit::IntoEdgeReferences;
    let pg = g.petgraph();
    let nodes = pg
        .node_indices()
        .map(|ix| {
            format!(
                "{ix:?} {:?} {:?}",
                pg[ix],
                g.node(g.get(ix).unwrap().id().as_str())
            )
        })
        .collect();
    let edges = pg
        .edge_references()
        .map(|e| format!("{:?}->{:?} {:?}", e.source(), e.target(), e.weight()))
        .collect();
    (g.corpus().clone(), nodes, edges)
}

#[test]
fn subgraph_is_the_graph_build_makes_of_the_filtered_corpus() {
    use crate::model::Verdict;
    let mut g = graph();
    // More references: b by src and reviewed with evidence a and site; c cites other twice.
    let mut corpus = g.corpus().clone();
    corpus.claims[1].by = Some(id("src"));
    corpus.claims[1].verdict = Some(Verdict {
        rating: Rating::False,
        by: Some(id("other")),
        date: None,
        note: None,
        evidence: vec![id("a"), id("site")],
    });
    corpus.claims[2].sources = vec![Citation::new(id("other")), Citation::new(id("other"))];
    corpus
        .relations
        .push(Relation::new(id("c"), id("a"), RelationKind::Contradicts));
    g = ClaimGraph::build(corpus).unwrap();
    let all = ["a", "b", "c", "d", "src", "site", "other"];
    // Every subset of the seven items, with and without a relation filter.
    for mask in 0u32..(1 << all.len()) {
        let keep: HashSet<Id> = (0..all.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| id(all[i]))
            .collect();
        for relation in [None, Some(RelationKind::Supports)] {
            let mut flags = vec![false; g.node_bound()];
            for k in &keep {
                flags[g.node(k.as_str()).unwrap().index()] = true;
            }
            let got = contents(&g.subgraph(&flags, relation));
            assert_eq!(
                got,
                contents(&rebuilt(&g, &keep, relation)),
                "{keep:?} {relation:?}"
            );
        }
    }
    let some: HashSet<Id> = [id("b"), id("a"), id("src")].into();
    let sub = contents(&g.restricted_to(&some));
    // src, a, b: a cites src, b is by src with a as evidence, a supports b.
    assert_eq!(
        sub.2,
        [
            "NodeIndex(1)->NodeIndex(0) Edge { kind: Cites, relation: None }",
            "NodeIndex(2)->NodeIndex(0) Edge { kind: AssertedBy, relation: None }",
            "NodeIndex(2)->NodeIndex(1) Edge { kind: Evidence, relation: None }",
            "NodeIndex(1)->NodeIndex(2) Edge { kind: Supports, relation: Some(RelationIx(0)) }",
        ]
    );
}

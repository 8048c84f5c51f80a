//! The queries on small graphs written inline: `a+b` is "a supports b", `a-b` "a contradicts
//! b"; a claim written `a*` has a source of its own (`by: s`).

use super::*;
use crate::model::{Corpus, Id, Relation, Source};

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn graph(claims: &str, relations: &str) -> ClaimGraph {
    let claims = claims
        .split_whitespace()
        .map(|c| {
            let mut claim = Claim::new(id(c.trim_end_matches('*')), c.to_uppercase());
            if c.ends_with('*') {
                claim.by = Some(id("s"));
            }
            claim
        })
        .collect();
    let relations = relations
        .split_whitespace()
        .map(|r| {
            let (kind, sep) = if r.contains('+') {
                (RelationKind::Supports, '+')
            } else {
                (RelationKind::Contradicts, '-')
            };
            let (from, to) = r.split_once(sep).unwrap();
            Relation::new(id(from), id(to), kind)
        })
        .collect();
    ClaimGraph::build(Corpus {
        sources: vec![Source::new(id("s"), "S")],
        claims,
        relations,
        ..Corpus::default()
    })
    .unwrap()
}

/// `id@distance:chain` with the chain as `a+b-c`.
fn found(r: &Reached<'_>) -> String {
    format!("{}@{}:{}", r.claim.id, r.distance, chain(&r.chain))
}

fn chain(c: &Chain<'_>) -> String {
    let mut out = c.claims[0].to_string();
    for (k, id) in c.relations.iter().zip(&c.claims[1..]) {
        out.push(if *k == RelationKind::Supports {
            '+'
        } else {
            '-'
        });
        out.push_str(id.as_str());
    }
    out
}

#[track_caller]
fn case_reach(
    g: &ClaimGraph,
    stance: Stance,
    target: &str,
    depth: Option<usize>,
    expected: &[&str],
) {
    let reach = match stance {
        Stance::For => supporters(g, target, depth),
        Stance::Against => attackers(g, target, depth),
    }
    .unwrap();
    let got: Vec<String> = reach.results.iter().map(found).collect();
    assert_eq!(got, expected, "{stance:?} of {target} within {depth:?}");
}

#[test]
fn supporters_and_attackers_follow_the_sign_of_the_chain() {
    // x supports t; y attacks t; z attacks y (so defends t); w supports y (so attacks t).
    let g = graph("t x y z w", "x+t y-t z-y w+y");
    case_reach(&g, Stance::For, "t", Some(1), &["x@1:x+t"]);
    case_reach(&g, Stance::Against, "t", Some(1), &["y@1:y-t"]);
    case_reach(&g, Stance::For, "t", None, &["x@1:x+t", "z@2:z-y-t"]);
    case_reach(&g, Stance::Against, "t", Some(2), &["y@1:y-t", "w@2:w+y-t"]);
    case_reach(&g, Stance::For, "z", None, &[]);
    // In a support cycle the target itself is never listed.
    let g = graph("a b c", "a+b b+c c+a");
    case_reach(&g, Stance::For, "a", None, &["c@1:c+a", "b@2:b+c+a"]);
}

#[test]
fn unknown_ids_and_sources_are_errors() {
    let g = graph("compute-gap", "");
    assert_eq!(
        supporters(&g, "compute-gapp", None).unwrap_err(),
        QueryError::UnknownId(crate::graph::UnknownId {
            id: "compute-gapp".into(),
            suggestion: Some(id("compute-gap"))
        })
    );
    assert_eq!(
        why(&g, "s").unwrap_err(),
        QueryError::NotAClaim {
            id: id("s"),
            query: "why"
        }
    );
}

#[track_caller]
fn case_paths(answer: Paths<'_>, expected: &[&str], truncated: bool) {
    let got: Vec<String> = answer
        .paths
        .iter()
        .map(|c| format!("{} {}", c.stance.as_str(), chain(c)))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(answer.truncated, truncated);
}

#[test]
fn paths_shortest_and_all() {
    let g = graph("a b c d e", "a+b b+e a-c c-d d+e a+d b-a c+b");
    case_paths(path(&g, "a", "e").unwrap(), &["for a+b+e"], false);
    case_paths(path(&g, "e", "a").unwrap(), &[], false);
    case_paths(path(&g, "b", "b").unwrap(), &["for b"], false);
    case_paths(
        all_paths(&g, "a", "e", 6, 100).unwrap(),
        &["for a+b+e", "for a+d+e", "for a-c-d+e", "against a-c+b+e"],
        false,
    );
    case_paths(
        all_paths(&g, "a", "e", 2, 100).unwrap(),
        &["for a+b+e", "for a+d+e"],
        false,
    );
    case_paths(all_paths(&g, "a", "e", 6, 1).unwrap(), &["for a+b+e"], true);
    case_paths(
        all_paths(&g, "a", "e", 6, 4).unwrap(),
        &["for a+b+e", "for a+d+e", "for a-c-d+e", "against a-c+b+e"],
        false,
    );
    case_paths(all_paths(&g, "a", "e", 1, 100).unwrap(), &[], false);
}

#[test]
fn why_expands_each_claim_once() {
    // a <- b <- c <- a (a cycle), a <- d, d <- b; b has a source.
    let g = graph("a b* c d", "b+a c+b a+c d+a b+d");
    let w = why(&g, "a").unwrap();
    let got: Vec<String> = w
        .lines
        .iter()
        .map(|l| {
            let via = l.via.map_or("root", |v| v.as_str());
            let repeat = match l.repeat {
                Some(Repeat::Above) => " above",
                Some(Repeat::Circular) => " circular",
                None => "",
            };
            format!("{}{via} {}{repeat}", "  ".repeat(l.depth), l.id)
        })
        .collect();
    assert_eq!(
        got,
        [
            "root a",
            "  supports b",
            "    by s",
            "    supports c",
            "      supports a circular",
            "  supports d",
            "    supports b above",
        ]
    );
    assert_eq!(w.lines[4].parent, Some(3));
}

#[test]
fn impact_says_what_would_lose_all_support() {
    // a supports b and c; b supports d; c has its own source; e supports d too.
    let g = graph("a* b c* d e", "a+b a+c b+d e+d");
    let got: Vec<String> = impact(&g, "a")
        .unwrap()
        .results
        .iter()
        .map(|r| format!("{} {}", found(&r.reached), r.loses_all_support))
        .collect();
    // d keeps e as a supporter, but e rests on nothing: d loses all support too.
    assert_eq!(got, ["b@1:a+b true", "c@1:a+c false", "d@2:a+b+d true"]);
    let g = graph("a* b c* d e*", "a+b a+c b+d e+d");
    let d = &impact(&g, "a").unwrap().results[2];
    assert!(!d.loses_all_support);
}

#[test]
fn conflicts_unsupported_and_cycles() {
    // a and b both support t and contradict each other both ways, both said by s;
    // c contradicts a; u rests on nothing; p <-> q support each other.
    let g = graph("t a* b* c u p q", "a+t b+t a-b b-a c-a p+q q+p");
    let got: Vec<String> = conflicts(&g)
        .iter()
        .map(|c| {
            let via = c.via.map_or("", |v| v.as_str());
            format!("{} {}>{} {} {via}", c.kind.as_str(), c.a, c.b, c.mutual)
        })
        .collect();
    assert_eq!(
        got,
        [
            "direct a>b true ",
            "supporters a>b true t",
            "source a>b true s",
            "direct c>a false ",
        ]
    );
    let none: Vec<&str> = unsupported(&g).iter().map(|c| c.id.as_str()).collect();
    assert_eq!(none, ["c", "u"]);
    let found: Vec<Vec<&str>> = cycles(&g)
        .iter()
        .map(|c| c.cycle.iter().map(|i| i.as_str()).collect())
        .collect();
    assert_eq!(found, [["p", "q", "p"]]);
    assert!(cycles(&graph("a b", "a+b")).is_empty());
}

#[test]
fn central_ranks_what_is_argued_over() {
    let g = graph("hub a b c lone", "a+hub b+hub c-hub");
    let answer = central(&g, Some(2));
    let got: Vec<(&str, usize, usize)> = answer
        .results
        .iter()
        .map(|r| (r.claim.id.as_str(), r.supporters, r.attackers))
        .collect();
    assert_eq!(got, [("hub", 2, 1), ("a", 0, 0)]);
    assert_eq!(answer.claims, 5);
    let total: f64 = central(&g, None).results.iter().map(|r| r.score).sum();
    assert!((total - 1.0).abs() < 1e-5, "{total}");
    assert!(central(&graph("", ""), None).results.is_empty());
}

#[test]
fn stats_count_and_join() {
    let g = graph("a* b c d", "a+b c-b a+b");
    let s = stats(&g);
    assert_eq!((s.claims, s.sources), (4, 1));
    assert_eq!((s.components, s.largest_component), (2, 3));
    let rel: Vec<(&str, usize)> = s
        .relations
        .0
        .iter()
        .map(|c| (c.name.as_str(), c.count))
        .collect();
    assert_eq!(rel, [("supports", 2), ("contradicts", 1)]);
    let top: Vec<(&str, usize)> = s
        .most_supported
        .iter()
        .map(|t| (t.claim.id.as_str(), t.count))
        .collect();
    assert_eq!(top, [("b", 2)]);
    assert_eq!(s.claims_by_rating.0.last().map(|c| c.count), Some(4));
}

#[test]
fn chains_laid_out_together_match_walking_back_from_each_state() {
    use petgraph::Direction::{Incoming, Outgoing};
    // Cycles, both signs, a claim reached both for and against, and one not reached (u).
    let g = graph(
        "a b c d e f u",
        "a+b b+c c+a a-d d+c e-d f+e c-f b+e d-a f+b",
    );
    for dir in [Incoming, Outgoing] {
        for polarity in [false, true] {
            for depth in [None, Some(2)] {
                let start = g.node("c").unwrap();
                let walk = walk::Walk::run(&g, start, dir, |_| true, polarity, depth);
                let chains = walk.chains(&g, dir);
                let one_by_one: Vec<String> = (0..walk.order.len())
                    .map(|at| chain(&walk.chain(&g, at, dir)))
                    .collect();
                let together: Vec<String> = (0..walk.order.len())
                    .map(|at| chain(&chains.get(at)))
                    .collect();
                assert_eq!(together, one_by_one, "{dir:?} {polarity} {depth:?}");
                if (dir, polarity, depth) == (Incoming, false, Some(2)) {
                    assert_eq!(together, ["c", "b+c", "d+c", "a+b+c", "f+b+c", "e-d+c"]);
                }
                if (dir, polarity, depth) == (Outgoing, true, None) {
                    assert_eq!(together.len(), 12, "{together:?}");
                }
            }
        }
    }
}

#[test]
fn central_on_a_graph_of_many_blocks_agrees_with_a_plain_power_iteration() {
    // 20,000 claims (three blocks of the parallel pass), each bearing on up to two earlier
    // ones, picked by a fixed linear congruential sequence.
    let n = 20_000;
    let names: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
    let mut x: u64 = 7;
    let mut next = |below: usize| {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (x >> 33) as usize % below
    };
    let mut relations = Vec::new();
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for i in 1..n {
        for _ in 0..next(3) {
            let j = next(i);
            let kind = if next(4) == 0 { '-' } else { '+' };
            relations.push(format!("c{i}{kind}c{j}"));
            edges.push((i, j));
        }
    }
    let g = graph(&names.join(" "), &relations.join(" "));
    let answer = central(&g, None);

    // The same PageRank, written plainly.
    let mut out_degree = vec![0usize; n];
    for &(i, _) in &edges {
        out_degree[i] += 1;
    }
    let mut rank = vec![1.0 / n as f64; n];
    let mut iterations = 0;
    while iterations < rank::MAX_ITERATIONS {
        iterations += 1;
        let dangling: f64 = (0..n)
            .filter(|&v| out_degree[v] == 0)
            .map(|v| rank[v])
            .sum();
        let mut new =
            vec![(1.0 - rank::DAMPING) / n as f64 + rank::DAMPING * dangling / n as f64; n];
        for &(i, j) in &edges {
            new[j] += rank::DAMPING * rank[i] / out_degree[i] as f64;
        }
        let delta: f64 = new.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = new;
        if delta < rank::TOLERANCE {
            break;
        }
    }
    assert_eq!(answer.claims, n);
    assert!(
        answer.iterations.abs_diff(iterations) <= 1,
        "{} vs {iterations}",
        answer.iterations
    );
    for r in &answer.results {
        let v: usize = r.claim.id.as_str()[1..].parse().unwrap();
        assert!(
            (r.score - rank[v]).abs() < 2e-6,
            "{}: {} vs {}",
            r.claim.id,
            r.score,
            rank[v]
        );
    }
    assert!(
        answer.results[0].score > 10.0 / n as f64,
        "{}",
        answer.results[0].score
    );
}

#[test]
fn a_limit_keeps_the_nearest_results_and_says_how_many_there_were() {
    // c0 supports c1 supports ... c99: every answer about an end holds 99 chains of up to 99
    // relations, 4,950 links in all.
    let ids: Vec<String> = (0..100).map(|i| format!("c{i}")).collect();
    let links: Vec<String> = (1..100).map(|i| format!("c{}+c{i}", i - 1)).collect();
    let g = graph(&ids.join(" "), &links.join(" "));
    let near = impact(&g, "c0").unwrap().limited(Limit::First(3));
    let got: Vec<String> = near.results.iter().map(|r| found(&r.reached)).collect();
    assert_eq!(got, ["c1@1:c0+c1", "c2@2:c0+c1+c2", "c3@3:c0+c1+c2+c3"]);
    assert_eq!((near.total, near.truncated), (99, true));
    let reach = supporters(&g, "c99", None)
        .unwrap()
        .limited(Limit::First(2));
    let got: Vec<String> = reach.results.iter().map(found).collect();
    assert_eq!(got, ["c98@1:c98+c99", "c97@2:c97+c98+c99"]);
    assert_eq!((reach.total, reach.truncated), (99, true));
    let tree = why(&g, "c99").unwrap().limited(Limit::First(4));
    let depths: Vec<usize> = tree.lines.iter().map(|l| l.depth).collect();
    assert_eq!(depths, [0, 1, 2, 3]);
    assert_eq!((tree.total, tree.truncated), (100, true));
    // No limit, or one above the count, keeps everything.
    let all = attackers(&g, "c99", None).unwrap().limited(Limit::All);
    assert_eq!((all.results.len(), all.total, all.truncated), (0, 0, false));
    let all = impact(&g, "c0").unwrap().limited(Limit::First(500));
    assert_eq!(
        (all.results.len(), all.total, all.truncated),
        (99, 99, false)
    );
}

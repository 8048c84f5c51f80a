//! Subgraph selection: which claims and sources a command works on.
//!
//! A [`Selection`] is a plain value (filters combined with AND, then an optional neighbourhood
//! expansion) applied in one place, [`Selection::apply`], so every command that takes a
//! selection means the same thing by it.

use std::collections::{HashSet, VecDeque};

use petgraph::Direction as PgDirection;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::{ClaimGraph, NodeRef};
use crate::model::{Claim, Corpus, FileId, Id, Rating};

/// Which way `--around` walks argument edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Towards what bears on the start claims (their supporters and attackers).
    Up,
    /// Towards what the start claims bear on.
    Down,
    /// Both ways.
    #[default]
    Both,
}

/// Which claims to keep. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// Keep claims carrying every one of these tags.
    pub tags: Vec<String>,
    /// Keep claims asserted by this source.
    pub by: Option<Id>,
    /// Keep claims whose verdict has this rating.
    pub rating: Option<Rating>,
    /// Keep claims defined in this file.
    pub file: Option<FileId>,
    /// Start from these claims instead of all matching ones, and walk `depth` argument edges.
    pub around: Vec<Id>,
    /// How far `around` walks.
    pub depth: usize,
    /// Which way `around` walks.
    pub direction: Direction,
    /// Leave sources out (claims only).
    pub no_sources: bool,
}

impl Selection {
    /// Whether the selection keeps everything.
    pub fn is_everything(&self) -> bool {
        *self == Selection::default()
    }

    /// Whether `claim` passes the field filters (not `around`).
    pub fn matches(&self, claim: &Claim) -> bool {
        self.tags.iter().all(|t| claim.has_tag(t))
            && self
                .by
                .as_ref()
                .is_none_or(|by| claim.by.as_ref() == Some(by))
            && self
                .rating
                .is_none_or(|r| claim.verdict.as_ref().map(|v| v.rating) == Some(r))
            && self.file.is_none_or(|f| claim.origin.file == f)
    }

    /// The claims the selection keeps: the matching claims, expanded `depth` argument edges
    /// from the `around` ids (or from the matching claims when `around` is empty but a depth is
    /// set). Unknown `around` ids are ignored here; callers check them first.
    pub fn claims(&self, graph: &ClaimGraph) -> HashSet<NodeIndex> {
        let matching: HashSet<NodeIndex> = graph
            .claims()
            .filter(|(_, c)| self.matches(c))
            .map(|(ix, _)| ix)
            .collect();
        let start: Vec<NodeIndex> = if self.around.is_empty() {
            if self.depth == 0 {
                return matching;
            }
            matching.iter().copied().collect()
        } else {
            self.around
                .iter()
                .filter_map(|id| graph.node(id.as_str()))
                .collect()
        };
        let mut kept = expand(graph, &start, self.depth, self.direction);
        if !self.around.is_empty() {
            // The start claims always stay; the neighbourhood is filtered by the field filters.
            kept.retain(|ix| start.contains(ix) || matching.contains(ix));
        }
        kept
    }

    /// The subgraph this selection keeps: selected claims, the relations among them, and
    /// (unless `no_sources`) the sources they reference, with the sources' `part_of` parents.
    pub fn apply(&self, graph: &ClaimGraph) -> ClaimGraph {
        if self.is_everything() {
            return graph.clone();
        }
        let claims = self.claims(graph);
        let mut keep: HashSet<Id> = claims
            .iter()
            .filter_map(|&ix| graph.claim(ix))
            .map(|c| c.id.clone())
            .collect();
        if !self.no_sources {
            for &ix in &claims {
                for (target, edge) in graph
                    .petgraph()
                    .edges(ix)
                    .map(|e| (e.target(), *e.weight()))
                {
                    if !edge.kind.is_relation()
                        && let Some(NodeRef::Source(s)) = graph.get(target)
                    {
                        add_with_parents(graph, s.id.clone(), &mut keep);
                    }
                }
            }
        }
        graph.restricted_to(&keep)
    }
}

fn add_with_parents(graph: &ClaimGraph, id: Id, keep: &mut HashSet<Id>) {
    let mut next = Some(id);
    while let Some(id) = next.take() {
        let parent = graph
            .node(id.as_str())
            .and_then(|ix| graph.source(ix))
            .and_then(|s| s.part_of.clone());
        if !keep.insert(id) {
            break;
        }
        next = parent;
    }
}

/// Breadth-first walk over argument edges, at most `depth` steps from `start`.
fn expand(
    graph: &ClaimGraph,
    start: &[NodeIndex],
    depth: usize,
    direction: Direction,
) -> HashSet<NodeIndex> {
    let dirs: &[PgDirection] = match direction {
        Direction::Up => &[PgDirection::Incoming],
        Direction::Down => &[PgDirection::Outgoing],
        Direction::Both => &[PgDirection::Incoming, PgDirection::Outgoing],
    };
    let mut seen: HashSet<NodeIndex> = start.iter().copied().collect();
    let mut queue: VecDeque<(NodeIndex, usize)> = start.iter().map(|&ix| (ix, 0)).collect();
    while let Some((ix, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for &dir in dirs {
            for e in graph.petgraph().edges_directed(ix, dir) {
                if !e.weight().kind.is_relation() {
                    continue;
                }
                let other = if dir == PgDirection::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                if seen.insert(other) {
                    queue.push_back((other, d + 1));
                }
            }
        }
    }
    seen
}

impl ClaimGraph {
    /// The subgraph of the items whose ids are in `keep`. References to items left out are
    /// dropped (a citation of a source not kept, a relation to a claim not kept).
    pub fn restricted_to(&self, keep: &HashSet<Id>) -> ClaimGraph {
        let has = |id: &Id| keep.contains(id);
        let old = self.corpus();
        let sources = old
            .sources
            .iter()
            .filter(|s| has(&s.id))
            .map(|s| {
                let mut s = s.clone();
                s.part_of = s.part_of.filter(has);
                s
            })
            .collect();
        let claims = old
            .claims
            .iter()
            .filter(|c| has(&c.id))
            .map(|c| {
                let mut c = c.clone();
                c.by = c.by.filter(has);
                c.sources.retain(|cit| has(&cit.source));
                if let Some(v) = &mut c.verdict {
                    v.by = v.by.take().filter(has);
                    v.evidence.retain(has);
                }
                c
            })
            .collect();
        let relations = old
            .relations
            .iter()
            .filter(|r| has(&r.from) && has(&r.to))
            .cloned()
            .collect();
        let corpus = Corpus {
            files: old.files.clone(),
            sources,
            claims,
            relations,
        };
        // Every reference left points inside `keep`, and ids were unique before.
        ClaimGraph::build(corpus).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
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
}

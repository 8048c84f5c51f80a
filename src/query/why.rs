//! Why believe a claim: its support tree, down to the sources and evidence it rests on.

use petgraph::stable_graph::NodeIndex;

use super::{Limit, QueryError, claim_node};
use crate::graph::{ClaimGraph, EdgeKind, ItemKind, NodeRef};
use crate::model::{Id, Rating, RelationKind};

/// The answer of [`why`]: the tree as lines in pre-order, each with its depth and parent, so
/// it prints as an indented tree and reads back into one.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Why<'a> {
    /// The claim asked about.
    pub target: &'a Id,
    /// The tree, root first.
    pub lines: Vec<WhyLine<'a>>,
    /// How many lines the whole tree has: more than `lines` holds when a [`Limit`] left some
    /// out.
    pub total: usize,
    /// Whether a [`Limit`] left some out.
    pub truncated: bool,
}

impl Why<'_> {
    /// Keeps the first lines of the tree within `limit` (see [`Limit`]); a line's parent is
    /// always above it, so what is kept is still a tree.
    pub fn limited(mut self, limit: Limit) -> Self {
        self.total = limit.apply(&mut self.lines);
        self.truncated = self.lines.len() < self.total;
        self
    }
}

/// How an item of the tree bears on its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// A claim that supports its parent.
    Supports,
    /// The source that asserts its parent.
    By,
    /// A source its parent appears in.
    Cites,
    /// A claim or source its parent's verdict rests on.
    Evidence,
}

impl Via {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Supports => "supports",
            Via::By => "by",
            Via::Cites => "cites",
            Via::Evidence => "evidence",
        }
    }
}

/// Why a claim is not expanded again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Repeat {
    /// It was expanded on an earlier line.
    Above,
    /// It is its own ancestor here: circular reasoning.
    Circular,
}

/// One item of the tree. It refers to the claim or source rather than copying its text and
/// rating: [`text`](Self::text) and [`rating`](Self::rating) read them when the line is
/// printed, so a tree of 350,000 lines is built without reading 350,000 claims.
#[derive(Debug, Clone)]
pub struct WhyLine<'a> {
    /// 0 for the root.
    pub depth: usize,
    /// Index of the parent line; `None` for the root.
    pub parent: Option<usize>,
    /// How the item bears on its parent; `None` for the root.
    pub via: Option<Via>,
    /// `claim` or `source`.
    pub kind: ItemKind,
    /// The item's id.
    pub id: &'a Id,
    /// Set when a claim already appeared; its children are not repeated.
    pub repeat: Option<Repeat>,
    item: NodeRef<'a>,
}

impl<'a> WhyLine<'a> {
    /// A claim's text or a source's name.
    pub fn text(&self) -> &'a str {
        match self.item {
            NodeRef::Claim(c) => &c.text,
            NodeRef::Source(s) => &s.name,
        }
    }

    /// A claim's verdict rating.
    pub fn rating(&self) -> Option<Rating> {
        match self.item {
            NodeRef::Claim(c) => c.verdict.as_ref().map(|v| v.rating),
            NodeRef::Source(_) => None,
        }
    }
}

impl PartialEq for WhyLine<'_> {
    fn eq(&self, other: &Self) -> bool {
        (
            self.depth,
            self.parent,
            self.via,
            self.kind,
            self.id,
            self.repeat,
        ) == (
            other.depth,
            other.parent,
            other.via,
            other.kind,
            other.id,
            other.repeat,
        ) && self.text() == other.text()
            && self.rating() == other.rating()
    }
}

/// The documented JSON shape: `depth`, `parent`, `via`, `type`, `id`, `text`, `rating`,
/// `repeat`, in that order.
impl serde::Serialize for WhyLine<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut line = serializer.serialize_struct("WhyLine", 8)?;
        line.serialize_field("depth", &self.depth)?;
        line.serialize_field("parent", &self.parent)?;
        line.serialize_field("via", &self.via)?;
        line.serialize_field("type", &self.kind)?;
        line.serialize_field("id", self.id)?;
        line.serialize_field("text", self.text())?;
        line.serialize_field("rating", &self.rating())?;
        line.serialize_field("repeat", &self.repeat)?;
        line.end()
    }
}

struct Frame {
    ix: NodeIndex,
    depth: usize,
    parent: Option<usize>,
    via: Option<Via>,
}

/// The support tree of claim `id`: its source (`by`), the sources it appears in, its
/// verdict's evidence, and its supporting claims, each expanded the same way. A claim is
/// expanded once, at its first line; later lines say `above`, or `circular` when the claim is
/// its own ancestor. O(V + E).
pub fn why<'a>(graph: &'a ClaimGraph, id: &str) -> Result<Why<'a>, QueryError> {
    let (root, claim) = claim_node(graph, id, "why")?;
    let bound = graph.node_bound();
    let (mut expanded, mut on_path) = (vec![false; bound], vec![false; bound]);
    let mut path: Vec<NodeIndex> = Vec::new();
    let mut lines = Vec::new();
    let mut stack = vec![Frame {
        ix: root,
        depth: 0,
        parent: None,
        via: None,
    }];
    while let Some(frame) = stack.pop() {
        for gone in path.drain(frame.depth.min(path.len())..) {
            on_path[gone.index()] = false;
        }
        let Some(node) = graph.get(frame.ix) else {
            continue;
        };
        let i = frame.ix.index();
        let is_claim = node.kind() == ItemKind::Claim;
        let repeat = match (is_claim && expanded[i], on_path[i]) {
            (false, _) => None,
            (true, true) => Some(Repeat::Circular),
            (true, false) => Some(Repeat::Above),
        };
        lines.push(line(node, &frame, repeat));
        if !is_claim || repeat.is_some() || frame.via == Some(Via::Evidence) {
            continue;
        }
        expanded[i] = true;
        on_path[i] = true;
        path.push(frame.ix);
        let me = lines.len() - 1;
        push_children(graph, frame.ix, &mut |ix, via| {
            stack.push(Frame {
                ix,
                depth: frame.depth + 1,
                parent: Some(me),
                via: Some(via),
            });
        });
    }
    Ok(Why {
        target: &claim.id,
        total: lines.len(),
        truncated: false,
        lines,
    })
}

fn line<'a>(node: NodeRef<'a>, frame: &Frame, repeat: Option<Repeat>) -> WhyLine<'a> {
    WhyLine {
        depth: frame.depth,
        parent: frame.parent,
        via: frame.via,
        kind: node.kind(),
        id: node.id(),
        repeat,
        item: node,
    }
}

/// Pushes what a claim rests on so that it pops in the order the tree shows it: `by`,
/// `cites` and `evidence` in the order written, then the supporting claims in the order
/// written. Reads the claim's two compact rows, with no allocation.
fn push_children(graph: &ClaimGraph, ix: NodeIndex, push: &mut impl FnMut(NodeIndex, Via)) {
    let supporters = graph.arguments().incoming(ix);
    for arg in supporters.iter().rev() {
        if arg.kind == RelationKind::Supports {
            push(arg.node, Via::Supports);
        }
    }
    for r in graph.references().outgoing(ix).iter().rev() {
        let via = match r.kind {
            EdgeKind::AssertedBy => Via::By,
            EdgeKind::Cites => Via::Cites,
            EdgeKind::Evidence => Via::Evidence,
            _ => continue,
        };
        push(r.node, via);
    }
}

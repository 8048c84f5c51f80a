//! What an Argdown document means, as Argdown's own model builder (version 1.7.5) sees it.
//!
//! Statements with the same title are one *equivalence class* (a claim); untitled statements
//! and arguments get titles `Untitled 1`, `Untitled 2`, ... in the order Argdown's tree walk
//! finishes them. Relations are collected from the indentation tree, merged when repeated, and
//! then rewritten as Argdown does: a relation from a reconstructed argument (one with premises
//! and a conclusion) starts at its conclusion; an undercut of one targets its inference; in
//! strict mode, support between statements is entailment and attack is contrariety; an attack
//! on an argument that repeats an attack on one of its premises is dropped. The counts of
//! statements and relations per kind then equal Argdown's own JSON export.

use std::collections::HashMap;

use super::parser::{Block, Content, Document, Member, PcsItem, RelationKind, Statement, Title};

/// A relation's kind, as Argdown names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum RelationType {
    Support,
    Attack,
    Undercut,
    Contradictory,
    Contrary,
    Entails,
}

impl RelationType {
    /// The name in Argdown's JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::Support => "support",
            RelationType::Attack => "attack",
            RelationType::Undercut => "undercut",
            RelationType::Contradictory => "contradictory",
            RelationType::Contrary => "contrary",
            RelationType::Entails => "entails",
        }
    }
}

/// A node relations connect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Node {
    /// An equivalence class (statement), by index.
    Statement(usize),
    /// An argument, by index.
    Argument(usize),
    /// An inference of a premise-conclusion structure, by index.
    Inference(usize),
}

/// One occurrence of a statement or argument description.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Occurrence {
    pub content: Content,
    pub data: Option<String>,
    pub is_reference: bool,
    pub line: usize,
}

/// An equivalence class or argument: its title, occurrences and relations.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Item {
    pub title: String,
    /// Whether Argdown made the title up (`Untitled N`).
    pub untitled: bool,
    pub members: Vec<Occurrence>,
    relations: Vec<usize>,
}

/// A premise-conclusion structure: each statement, and whether an inference leads to it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PcsEntry {
    pub statement: usize,
    pub inference: Option<usize>,
}

/// A relation.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Relation {
    pub from: Node,
    pub to: Node,
    pub kind: RelationType,
}

/// The meaning of a document: statements, arguments and the relations between them.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Model {
    pub statements: Vec<Item>,
    pub arguments: Vec<Item>,
    /// Each argument's premise-conclusion structure (empty when not reconstructed).
    pub pcs: Vec<Vec<PcsEntry>>,
    pub inferences: usize,
    all: Vec<Relation>,
    inference_relations: Vec<Vec<usize>>,
    /// Indices into `all` of the relations in force, in order.
    order: Vec<usize>,
    pub headings: usize,
}

/// Why a document that parses has no model: Argdown's model builder refuses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ModelError {
    pub line: usize,
    pub message: String,
}

impl Model {
    /// The relations, in order.
    pub fn relations(&self) -> impl Iterator<Item = &Relation> {
        self.order.iter().map(|&i| &self.all[i])
    }
}

/// Builds the model of a parsed document; `strict` is Argdown's strict interpretation mode.
pub(super) fn build(doc: &Document, strict: bool) -> Result<Model, ModelError> {
    let mut b = Builder::default();
    let mut previous_argument: Option<usize> = None;
    for block in &doc.blocks {
        let mut argument = None;
        match block {
            Block::Heading(_) => b.model.headings += 1,
            Block::Statement(s) => {
                b.statement(s);
            }
            Block::Argument(a) => argument = Some(b.argument(a)),
            Block::Pcs(items) => b.pcs(items, previous_argument)?,
            Block::List(members) => {
                for m in members {
                    b.member(m);
                }
            }
        }
        previous_argument = argument;
    }
    b.transform_argument_relations();
    if strict {
        b.transform_statement_relations();
    }
    b.remove_redundant_attacks();
    Ok(b.model)
}

#[derive(Default)]
struct Builder {
    model: Model,
    untitled: usize,
    statement_index: HashMap<String, usize>,
    argument_index: HashMap<String, usize>,
    /// Argdown's stack of relation parents; inferences are pushed and never popped.
    parents: Vec<Node>,
    current_inference: Option<usize>,
}

impl Builder {
    fn unique_title(&mut self) -> String {
        self.untitled += 1;
        format!("Untitled {}", self.untitled)
    }

    fn item(
        list: &mut Vec<Item>,
        index: &mut HashMap<String, usize>,
        title: &str,
        untitled: bool,
    ) -> usize {
        *index.entry(title.to_string()).or_insert_with(|| {
            list.push(Item {
                title: title.to_string(),
                untitled,
                members: Vec::new(),
                relations: Vec::new(),
            });
            list.len() - 1
        })
    }

    fn ec(&mut self, title: &str, untitled: bool) -> usize {
        Self::item(
            &mut self.model.statements,
            &mut self.statement_index,
            title,
            untitled,
        )
    }

    fn arg(&mut self, title: &str, untitled: bool) -> usize {
        let i = Self::item(
            &mut self.model.arguments,
            &mut self.argument_index,
            title,
            untitled,
        );
        if self.model.pcs.len() < self.model.arguments.len() {
            self.model
                .pcs
                .resize(self.model.arguments.len(), Vec::new());
        }
        i
    }

    fn title_of(&mut self, s: &Statement) -> (String, bool) {
        match &s.title {
            Title::Definition(t) | Title::Reference(t) => (t.clone(), false),
            Title::None => (self.unique_title(), true),
        }
    }

    fn occurrence(s: &Statement) -> Occurrence {
        Occurrence {
            content: s.content.clone(),
            data: s.data.clone(),
            is_reference: matches!(s.title, Title::Reference(_)),
            line: s.line,
        }
    }

    fn member(&mut self, m: &Member) -> Node {
        match m {
            Member::Statement(s) => self.titled(s, false),
            Member::Argument(a) => self.titled(a, true),
        }
    }

    fn statement(&mut self, s: &Statement) -> usize {
        match self.titled(s, false) {
            Node::Statement(i) | Node::Argument(i) | Node::Inference(i) => i,
        }
    }

    fn argument(&mut self, a: &Statement) -> usize {
        match self.titled(a, true) {
            Node::Statement(i) | Node::Argument(i) | Node::Inference(i) => i,
        }
    }

    /// A statement or argument. Argdown settles an untitled one's title when its relations
    /// start, or when it ends if it has none: either way before anything else gets one.
    fn titled(&mut self, s: &Statement, argument: bool) -> Node {
        let (title, untitled) = self.title_of(s);
        let node = if argument {
            Node::Argument(self.arg(&title, untitled))
        } else {
            Node::Statement(self.ec(&title, untitled))
        };
        if !s.relations.is_empty() {
            self.relations(node, s);
        }
        let occurrence = Self::occurrence(s);
        match node {
            Node::Argument(i) => self.model.arguments[i].members.push(occurrence),
            Node::Statement(i) => self.model.statements[i].members.push(occurrence),
            Node::Inference(_) => {}
        }
        node
    }

    fn relations(&mut self, parent: Node, s: &Statement) {
        self.parents.push(parent);
        for rel in &s.relations {
            let target = *self.parents.last().unwrap_or(&parent);
            let child = self.member(&rel.member);
            let (from, to, kind) = match rel.kind {
                RelationKind::IncomingSupport => (target, child, RelationType::Support),
                RelationKind::IncomingAttack => (target, child, RelationType::Attack),
                RelationKind::OutgoingSupport => (child, target, RelationType::Support),
                RelationKind::OutgoingAttack => (child, target, RelationType::Attack),
                RelationKind::Contradiction => (target, child, RelationType::Contradictory),
                RelationKind::IncomingUndercut => (target, child, RelationType::Undercut),
                RelationKind::OutgoingUndercut => {
                    let to = match (target, self.current_inference) {
                        (Node::Statement(_), Some(inf)) => Node::Inference(inf),
                        _ => target,
                    };
                    (child, to, RelationType::Undercut)
                }
            };
            self.add(from, to, kind);
        }
        self.parents.pop();
    }

    fn relations_of(&mut self, node: Node) -> &mut Vec<usize> {
        match node {
            Node::Statement(i) => &mut self.model.statements[i].relations,
            Node::Argument(i) => &mut self.model.arguments[i].relations,
            Node::Inference(i) => &mut self.model.inference_relations[i],
        }
    }

    /// Adds a relation unless its source already has it (contradictions either way).
    fn add(&mut self, from: Node, to: Node, kind: RelationType) {
        let all = &self.model.all;
        let exists = self.model_relations(from).iter().any(|&r| {
            let e = &all[r];
            (e.to == to && e.kind == kind)
                || (kind == RelationType::Contradictory
                    && e.kind == kind
                    && e.from == to
                    && e.to == from)
        });
        if exists {
            return;
        }
        let index = self.model.all.len();
        self.model.all.push(Relation { from, to, kind });
        self.model.order.push(index);
        self.relations_of(from).push(index);
        self.relations_of(to).push(index);
    }

    fn model_relations(&self, node: Node) -> &[usize] {
        match node {
            Node::Statement(i) => &self.model.statements[i].relations,
            Node::Argument(i) => &self.model.arguments[i].relations,
            Node::Inference(i) => &self.model.inference_relations[i],
        }
    }

    fn pcs(&mut self, items: &[PcsItem], previous: Option<usize>) -> Result<(), ModelError> {
        let arg = match previous {
            Some(a) => a,
            None => {
                let t = self.unique_title();
                self.arg(&t, true)
            }
        };
        if !self.model.pcs[arg].is_empty() {
            let line = items.iter().find_map(|i| match i {
                PcsItem::Statement(s) => Some(s.line),
                PcsItem::Inference(_) => None,
            });
            return Err(ModelError {
                line: line.unwrap_or(0),
                message: format!(
                    "argument <{}> has more than one premise-conclusion structure",
                    self.model.arguments[arg].title
                ),
            });
        }
        let mut entries = Vec::new();
        let mut inference = None;
        for item in items {
            match item {
                PcsItem::Statement(s) => {
                    let statement = self.statement(s);
                    entries.push(PcsEntry {
                        statement,
                        inference: inference.take(),
                    });
                }
                PcsItem::Inference(undercuts) => {
                    let i = self.model.inferences;
                    self.model.inferences += 1;
                    self.model.inference_relations.push(Vec::new());
                    self.current_inference = Some(i);
                    self.parents.push(Node::Inference(i));
                    for m in undercuts {
                        let child = self.member(m);
                        self.add(child, Node::Inference(i), RelationType::Undercut);
                    }
                    inference = Some(i);
                }
            }
        }
        self.model.pcs[arg] = entries;
        Ok(())
    }

    fn is_reconstructed(&self, node: Node) -> bool {
        matches!(node, Node::Argument(a) if !self.model.pcs[a].is_empty())
    }

    fn remove_from(&mut self, node: Node, relation: usize) {
        let list = self.relations_of(node);
        match list.iter().position(|&r| r == relation) {
            Some(p) => {
                list.remove(p);
            }
            // Argdown removes with `splice(indexOf(...), 1)`: a missing relation takes the
            // last one with it.
            None => {
                list.pop();
            }
        }
    }

    /// Relations from a reconstructed argument start at its conclusion; undercuts of one
    /// target its last inference.
    fn transform_argument_relations(&mut self) {
        let mut kept = Vec::new();
        for index in std::mem::take(&mut self.model.order) {
            let mut keep = true;
            let Relation { from, to, kind } = self.model.all[index].clone();
            if let Node::Argument(a) = from
                && self.is_reconstructed(from)
            {
                self.remove_from(from, index);
                let conclusion = self.model.pcs[a].last().map_or(0, |e| e.statement);
                let ec = Node::Statement(conclusion);
                self.model.all[index].from = ec;
                let all = &self.model.all;
                let exists = self
                    .model_relations(ec)
                    .iter()
                    .any(|&r| all[r].to == to && all[r].kind == kind);
                if exists {
                    self.remove_from(to, index);
                    keep = false;
                } else {
                    self.relations_of(ec).push(index);
                }
            }
            let last_inference = match to {
                Node::Argument(a) if kind == RelationType::Undercut => {
                    self.model.pcs[a].last().and_then(|e| e.inference)
                }
                _ => None,
            };
            if let Some(inf) = last_inference {
                let inference = Node::Inference(inf);
                self.model.all[index].to = inference;
                self.remove_from(inference, index);
                let from = self.model.all[index].from;
                let all = &self.model.all;
                let exists = self
                    .model_relations(inference)
                    .iter()
                    .any(|&r| all[r].from == from && all[r].kind == kind);
                if exists {
                    self.remove_from(from, index);
                    keep = false;
                } else {
                    self.relations_of(inference).push(index);
                }
            }
            if keep {
                kept.push(index);
            }
        }
        self.model.order = kept;
    }

    /// Strict mode: support between statements is entailment, attack is contrariety.
    fn transform_statement_relations(&mut self) {
        let mut kept = Vec::new();
        for index in std::mem::take(&mut self.model.order) {
            let Relation { from, to, kind } = self.model.all[index].clone();
            if matches!((from, to), (Node::Statement(_), Node::Statement(_))) {
                if kind == RelationType::Support {
                    self.model.all[index].kind = RelationType::Entails;
                } else if kind == RelationType::Attack {
                    let all = &self.model.all;
                    let exists = self.model_relations(from).iter().any(|&r| {
                        all[r].kind == RelationType::Contrary
                            && ((all[r].from == from && all[r].to == to)
                                || (all[r].from == to && all[r].to == from))
                    });
                    if exists {
                        self.remove_from(from, index);
                        self.remove_from(to, index);
                        continue;
                    }
                    self.model.all[index].kind = RelationType::Contrary;
                }
            }
            kept.push(index);
        }
        self.model.order = kept;
    }

    /// An attack of a statement on a reconstructed argument is dropped when the statement
    /// already attacks (or contradicts) one of the argument's premises.
    fn remove_redundant_attacks(&mut self) {
        let mut kept = Vec::new();
        for index in std::mem::take(&mut self.model.order) {
            let Relation { from, to, kind } = self.model.all[index].clone();
            let (Node::Statement(_), Node::Argument(a), RelationType::Attack) = (from, to, kind)
            else {
                kept.push(index);
                continue;
            };
            let premises: Vec<usize> = self.model.pcs[a]
                .iter()
                .filter(|e| e.inference.is_none())
                .map(|e| e.statement)
                .collect();
            let all = &self.model.all;
            let redundant = self.model_relations(from).iter().any(|&r| {
                let e = &all[r];
                let other = if e.from == from { e.to } else { e.from };
                let attacks = (e.kind == RelationType::Attack && e.from == from)
                    || matches!(e.kind, RelationType::Contradictory | RelationType::Contrary);
                matches!(other, Node::Statement(s) if premises.contains(&s)) && attacks
            });
            if redundant {
                self.remove_from(from, index);
                self.remove_from(to, index);
            } else {
                kept.push(index);
            }
        }
        self.model.order = kept;
    }
}

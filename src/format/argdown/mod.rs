//! Argdown, the argument-mapping language (<https://argdown.org>).
//!
//! Reading follows Argdown's own lexer, grammar and model builder (version 1.7.5) closely
//! enough that a file reads exactly when Argdown's CLI accepts it, with the same statements and
//! relations: [`lexer`] splits the text into Argdown's tokens, [`parser`] builds the indentation
//! tree, [`model`] turns it into equivalence classes, arguments and relations. Those then become
//! claims: each statement (equivalence class) is a claim, an argument without premises and
//! conclusion is a claim too, the premises of a reconstructed argument support its conclusion,
//! support and entailment are `supports`, attack, contrariety and contradiction `contradicts`.
//! `{...}` data on a statement carries a speaker (`by`, `by_id`), where it appears (`url`,
//! `source`, `source_id`), its date and confidence, and a verdict (`verdict`, `reviewer`,
//! `reviewer_id`, `verdict_date`, `note`).
//!
//! Writing ([`writer`]) puts every claim as a top-level statement `[id]: text #(tag) {data}`
//! with the claims that bear on it indented below it (`+ [id]` supports, `- [id]` contradicts).

mod lexer;
mod model;
mod parser;
mod patterns;
mod seek;
mod writer;

pub use writer::to_argdown;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use self::model::{Model, Node, RelationType};
use super::import::{Draft, error};
use crate::load::Diagnostic;
use crate::model::{Citation, Date, Id, Rating, RelationKind, SourceKind, Verdict};

/// What Argdown itself would count in a document: statements (equivalence classes),
/// arguments, and relations by Argdown's name for their kind (`support`, `attack`,
/// `contrary`, `contradictory`, `undercut`, `entails`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Equivalence classes.
    pub statements: usize,
    /// Arguments.
    pub arguments: usize,
    /// Relations by kind.
    pub relations: BTreeMap<&'static str, usize>,
}

/// Parses an Argdown document as Argdown does and counts what it holds.
///
/// # Errors
/// The first syntax error (which makes Argdown reject the file too), located.
pub fn summarize(path: &Path, text: &str) -> Result<Summary, Diagnostic> {
    let model = model_of(path, text)?;
    let mut relations = BTreeMap::new();
    for r in model.relations() {
        *relations.entry(r.kind.as_str()).or_insert(0) += 1;
    }
    Ok(Summary {
        statements: model.statements.len(),
        arguments: model.arguments.len(),
        relations,
    })
}

fn model_of(path: &Path, text: &str) -> Result<Model, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((n, line)) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with("@include("))
    {
        let column = line.len() - line.trim_start().len() + 1;
        let msg = "`@include` is not supported: read the included files themselves".to_string();
        return Err(error(path, n + 1, column, msg));
    }
    let tokens = lexer::tokenize(text).map_err(|e| {
        let msg = "a lone `\\` at the end of a line (write `\\\\` for a backslash)".to_string();
        error(path, e.line, e.column, msg)
    })?;
    let eof = lexer::position(text, text.len());
    let doc = parser::parse(tokens, eof).map_err(|e| {
        error(
            path,
            e.line,
            e.column,
            format!("invalid Argdown: {}", e.message),
        )
    })?;
    let strict = match &doc.front_matter {
        Some(fm) => is_strict(fm).map_err(|msg| error(path, 1, 1, msg))?,
        None => false,
    };
    model::build(&doc, strict).map_err(|e| error(path, e.line, 1, e.message))
}

/// Whether front matter sets `model: {mode: strict}`.
fn is_strict(front_matter: &str) -> Result<bool, String> {
    let body = front_matter.trim().trim_matches('=');
    let value = yaml(body).map_err(|e| format!("invalid front matter: {e}"))?;
    Ok(value
        .get("model")
        .and_then(|m| m.get("mode"))
        .and_then(Value::as_str)
        == Some("strict"))
}

/// Parses YAML (front matter or `{...}` data) into a JSON value.
fn yaml(text: &str) -> Result<Value, String> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_saphyr::from_str::<Value>(text).map_err(|e| {
        let msg = e.to_string();
        msg.lines().next().unwrap_or("").to_string()
    })
}

/// `{...}` data: a flow mapping, or (spread over lines) a block mapping inside braces.
fn data(image: &str) -> Result<Value, String> {
    let block = image.strip_prefix('{').filter(|rest| {
        rest.trim_start_matches([' ', '\t'])
            .starts_with(['\n', '\r'])
    });
    match block {
        Some(rest) => yaml(rest.trim_end().trim_end_matches('}')),
        None => yaml(image),
    }
}

/// Reads an Argdown document from `text` (the content of `path`) into `draft`.
///
/// # Errors
/// A syntax error Argdown would reject the file for, invalid `{...}` data or front matter, or
/// an `@include`: located.
pub fn read(path: &Path, text: &str, draft: &mut Draft) -> Result<(), Vec<Diagnostic>> {
    let model = model_of(path, text).map_err(|d| vec![d])?;
    Reader::new(&model, draft).read(path)
}

struct Reader<'a> {
    model: &'a Model,
    draft: &'a mut Draft,
    statements: Vec<Id>,
    arguments: Vec<Option<Id>>,
}

impl<'a> Reader<'a> {
    fn new(model: &'a Model, draft: &'a mut Draft) -> Reader<'a> {
        Reader {
            model,
            draft,
            statements: Vec::new(),
            arguments: Vec::new(),
        }
    }

    fn read(mut self, path: &Path) -> Result<(), Vec<Diagnostic>> {
        let mut errors = Vec::new();
        // Claims in the order they are defined (a reference may come first).
        let mut order: Vec<usize> = (0..self.model.statements.len()).collect();
        order.sort_by_key(|&i| {
            let members = &self.model.statements[i].members;
            let defined = members.iter().find(|m| !m.is_reference);
            defined.or(members.first()).map_or(0, |m| m.line)
        });
        let mut ids = vec![None; order.len()];
        for i in order {
            let model = self.model;
            ids[i] = self
                .claim(&model.statements[i], path)
                .map_err(|d| errors.push(d))
                .ok();
        }
        self.statements = ids
            .into_iter()
            .map(|id| id.unwrap_or_else(|| Id::new("x").expect("valid")))
            .collect();
        for (i, arg) in self.model.arguments.iter().enumerate() {
            let reconstructed = !self.model.pcs[i].is_empty();
            let has_text = arg
                .members
                .iter()
                .any(|m| !m.content.text.trim().is_empty());
            if reconstructed {
                if has_text {
                    let reason = "an argument with premises and a conclusion is read as them";
                    self.draft
                        .losses
                        .dropped(reason, "argument descriptions", &arg.title);
                }
                self.arguments.push(None);
            } else {
                let id = self.claim(arg, path).map_err(|d| errors.push(d)).ok();
                self.arguments.push(id);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.premises();
        self.relations();
        for _ in 0..self.model.headings {
            let reason = "claim files have no sections";
            self.draft.losses.dropped(reason, "Argdown headings", "");
        }
        Ok(())
    }

    /// A statement or argument as a claim: text from its first definition, tags from all
    /// occurrences, data merged.
    fn claim(&mut self, item: &model::Item, path: &Path) -> Result<Id, Diagnostic> {
        let text = item
            .members
            .iter()
            .map(|m| collapse(&m.content.text))
            .find(|t| !t.is_empty())
            .unwrap_or_else(|| item.title.clone());
        let wanted = if item.untitled { &text } else { &item.title };
        let id = self.draft.add_claim(wanted, &text);
        let mut tags: Vec<String> = Vec::new();
        let mut fields = serde_json::Map::new();
        for m in &item.members {
            for t in &m.content.tags {
                if !tags.contains(t) {
                    tags.push(t.clone());
                }
            }
            if let Some(image) = &m.data {
                match data(image) {
                    Ok(Value::Object(map)) => fields.extend(map),
                    Ok(_) => {}
                    Err(e) => {
                        return Err(error(
                            path,
                            m.line,
                            1,
                            format!("invalid data `{image}`: {e}"),
                        ));
                    }
                }
            }
        }
        if let Some(claim) = self.draft.claim_mut(&id) {
            claim.tags = tags;
        }
        self.apply(&id, &fields);
        Ok(id)
    }

    /// The `{...}` data claimgraph understands; other keys are reported.
    fn apply(&mut self, id: &Id, fields: &serde_json::Map<String, Value>) {
        let text = |k: &str| fields.get(k).and_then(scalar_text);
        let by = text("by").map(|name| {
            self.draft
                .source(&name, text("by_id").as_deref(), None, None)
        });
        let url = text("url");
        let citation = url.as_ref().map(|url| {
            let name = text("source").unwrap_or_else(|| url.clone());
            let source = self.draft.source(
                &name,
                text("source_id").as_deref(),
                Some(SourceKind::Publication),
                Some(url),
            );
            Citation::new(source)
        });
        let date = self.date(id, text("date"));
        let confidence = fields
            .get("confidence")
            .and_then(Value::as_f64)
            .filter(|c| (0.0..=1.0).contains(c));
        let verdict = self.verdict(id, fields);
        for key in fields.keys() {
            if !KEYS.contains(&key.as_str()) {
                let reason = "claim files have no place for other Argdown data";
                self.draft
                    .losses
                    .dropped(reason, "data fields", key.as_str());
            }
        }
        if let Some(claim) = self.draft.claim_mut(id) {
            claim.by = by;
            claim.sources.extend(citation);
            claim.date = date;
            claim.confidence = confidence;
            claim.verdict = verdict;
        }
    }

    fn date(&mut self, id: &Id, text: Option<String>) -> Option<Date> {
        let text = text?;
        let parsed = text.parse().ok();
        if parsed.is_none() {
            let reason = "dates must be YYYY, YYYY-MM or YYYY-MM-DD";
            self.draft
                .losses
                .dropped(reason, "unreadable dates", id.as_str());
        }
        parsed
    }

    fn verdict(&mut self, id: &Id, fields: &serde_json::Map<String, Value>) -> Option<Verdict> {
        let text = |k: &str| fields.get(k).and_then(scalar_text);
        let word = text("verdict")?;
        let rating = word
            .parse::<Rating>()
            .ok()
            .or_else(|| super::claimreview::rating_from_text(&word));
        let Some(rating) = rating else {
            let reason = "no rating claimgraph understands";
            self.draft.losses.dropped(reason, "verdicts", id.as_str());
            return None;
        };
        let by = text("reviewer").map(|name| {
            self.draft.source(
                &name,
                text("reviewer_id").as_deref(),
                Some(SourceKind::Organization),
                None,
            )
        });
        Some(Verdict {
            rating,
            by,
            date: self.date(id, text("verdict_date")),
            note: text("note"),
            evidence: Vec::new(),
        })
    }

    /// The claim a relation end stands for: a statement, an argument without premises, or a
    /// reconstructed argument's conclusion. Inferences have none.
    fn end(&mut self, node: Node) -> Option<Id> {
        match node {
            Node::Statement(i) => Some(self.statements[i].clone()),
            Node::Argument(i) => match &self.arguments[i] {
                Some(id) => Some(id.clone()),
                None => {
                    let conclusion = self.model.pcs[i].last()?.statement;
                    let reason = "relations to a reconstructed argument";
                    let title = &self.model.arguments[i].title;
                    self.draft.losses.record(
                        reason,
                        "relations",
                        "read as relations to its conclusion",
                        title,
                    );
                    Some(self.statements[conclusion].clone())
                }
            },
            Node::Inference(_) => None,
        }
    }

    /// Each premise supports the conclusion it leads to; an intermediate conclusion supports
    /// the next.
    fn premises(&mut self) {
        for pcs in &self.model.pcs {
            let mut premises: Vec<usize> = Vec::new();
            for entry in pcs {
                if entry.inference.is_none() {
                    premises.push(entry.statement);
                    continue;
                }
                let conclusion = self.statements[entry.statement].clone();
                for p in premises.drain(..) {
                    let premise = self.statements[p].clone();
                    self.draft
                        .relate(&premise, &conclusion, RelationKind::Supports);
                }
                premises.push(entry.statement);
            }
        }
    }

    fn relations(&mut self) {
        for r in self.model.relations() {
            let (Some(from), Some(to)) = (self.end(r.from), self.end(r.to)) else {
                let reason = "claim files relate claims, not inferences";
                self.draft
                    .losses
                    .dropped(reason, "undercuts of inferences", "");
                continue;
            };
            let kind = match r.kind {
                RelationType::Support | RelationType::Entails => RelationKind::Supports,
                RelationType::Attack | RelationType::Contrary => RelationKind::Contradicts,
                RelationType::Contradictory => {
                    self.draft.relate(&to, &from, RelationKind::Contradicts);
                    RelationKind::Contradicts
                }
                RelationType::Undercut => {
                    let reason = "claim files have no undercuts";
                    self.draft.losses.record(
                        reason,
                        "undercuts",
                        "read as contradicts",
                        from.as_str(),
                    );
                    RelationKind::Contradicts
                }
            };
            self.draft.relate(&from, &to, kind);
        }
    }
}

/// The data keys claimgraph reads and writes.
const KEYS: &[&str] = &[
    "by",
    "by_id",
    "url",
    "source",
    "source_id",
    "date",
    "confidence",
    "verdict",
    "reviewer",
    "reviewer_id",
    "verdict_date",
    "note",
];

/// A string, number or boolean as text.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Runs of whitespace as one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;

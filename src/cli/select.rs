//! The selection flags (`--around`, `--tag`, `--where`, ...): one clap struct flattened into
//! every command that works on part of the graph, turned once into a library [`Selection`].

use clap::Args;

use super::keyword::keyword;
use super::{Failure, lookup};
use crate::graph::{ClaimGraph, Direction, Expr, ExprError, ItemKind, Selection, SelectionError};
use crate::model::{Id, Rating, RelationKind};

/// Which part of the graph to work on. Flags combine with AND.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Selection")]
pub struct SelectionArgs {
    /// Keep the claims within `--depth` relations of these claims.
    #[arg(long, value_name = "ID[,ID...]", value_delimiter = ',',
          add = clap_complete::ArgValueCandidates::new(super::completions::claim_ids))]
    pub around: Vec<String>,
    /// How many relations `--around` walks [default: 1]; without `--around`, widen the
    /// selection by this many relations.
    #[arg(long, value_name = "N")]
    pub depth: Option<usize>,
    /// Which way `--around` walks: `up` to what bears on the claims, `down` to what they bear on.
    #[arg(long, value_name = "WAY", value_parser = keyword::<Direction>(), default_value_t)]
    pub direction: Direction,
    /// Only claims with this tag (repeat to require several).
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// Only claims asserted by this source.
    #[arg(long, value_name = "SOURCE",
          add = clap_complete::ArgValueCandidates::new(super::completions::source_ids))]
    pub by: Option<String>,
    /// Only claims whose verdict has this rating.
    #[arg(long, value_parser = keyword::<Rating>())]
    pub rating: Option<Rating>,
    /// Only claims or only sources.
    #[arg(long, value_parser = keyword::<ItemKind>())]
    pub kind: Option<ItemKind>,
    /// Only claims in a relation of this kind, and only relations of this kind.
    #[arg(long, value_parser = keyword::<RelationKind>())]
    pub relation: Option<RelationKind>,
    /// Leave sources out (claims only).
    #[arg(long)]
    pub no_sources: bool,
    /// Only items for which EXPR holds, e.g. `tag = compute and not rating = true`. Fields:
    /// tag, by, rating, kind, id, text, relation, file; operators `=`, `!=`, `~` (contains);
    /// `and`, `or`, `not`, parentheses.
    #[arg(long = "where", value_name = "EXPR")]
    pub filter: Option<String>,
}

impl SelectionArgs {
    /// The selection these flags describe, with every id checked against `graph`. With
    /// `depth_is_the_querys`, `--depth` widens the selection only together with `--around`
    /// (`supporters` and `attackers` use it for their own walk).
    pub fn selection(
        &self,
        graph: &ClaimGraph,
        depth_is_the_querys: bool,
    ) -> Result<Selection, Failure> {
        let filter = match &self.filter {
            Some(text) => Some(Expr::parse(text).map_err(|e| where_error(text, &e))?),
            None => None,
        };
        let around = self
            .around
            .iter()
            .map(|s| id_arg(graph, s))
            .collect::<Result<Vec<Id>, Failure>>()?;
        let by = self.by.as_deref().map(|s| id_arg(graph, s)).transpose()?;
        let depth = match (around.is_empty(), depth_is_the_querys) {
            (false, _) => self.depth.unwrap_or(1),
            (true, true) => 0,
            (true, false) => self.depth.unwrap_or(0),
        };
        let selection = Selection {
            tags: self.tag.clone(),
            by,
            rating: self.rating,
            kind: self.kind,
            relation: self.relation,
            filter,
            file: None,
            around,
            depth,
            direction: self.direction,
            no_sources: self.no_sources,
        };
        selection
            .check(graph)
            .map_err(|e| selection_error(self.filter.as_deref(), &e))?;
        Ok(selection)
    }
}

/// The subgraph `selection` keeps (the graph itself when it keeps everything).
pub fn apply(graph: ClaimGraph, selection: &Selection) -> ClaimGraph {
    if selection.is_everything() {
        graph
    } else {
        selection.apply(&graph)
    }
}

/// An id given on the command line, which must name an item of `graph`.
fn id_arg(graph: &ClaimGraph, text: &str) -> Result<Id, Failure> {
    match Id::new(text) {
        Ok(id) => Ok(id),
        Err(_) => lookup(graph, text).and_then(|ix| {
            graph
                .get(ix)
                .map(|n| n.id().clone())
                .ok_or(Failure::Invalid)
        }),
    }
}

/// The expression with a caret under `column`.
fn snippet(text: &str, column: usize) -> String {
    format!(
        "\n  |\n  | {text}\n  | {}^",
        " ".repeat(column.saturating_sub(1))
    )
}

fn where_error(text: &str, e: &ExprError) -> Failure {
    Failure::Usage(
        format!(
            "invalid `--where` expression: {e}{}",
            snippet(text, e.column())
        ),
        None,
    )
}

fn selection_error(filter: Option<&str>, e: &SelectionError) -> Failure {
    let mut msg = e.to_string();
    if let (
        SelectionError::UnknownId {
            column: Some(c), ..
        },
        Some(text),
    ) = (e, filter)
    {
        msg.push_str(&snippet(text, *c));
    }
    Failure::Usage(msg, e.hint())
}

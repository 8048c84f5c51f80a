//! Output formats. A closed [`Format`] enum and one module per format; [`export`] is the one
//! place that dispatches on it.

pub mod af;
pub mod apx;
pub mod dot;
pub mod iccma;
pub mod svg;
pub mod tgf;

#[cfg(test)]
mod fixture;
mod style;
mod wrap;

use std::fmt;
use std::str::FromStr;

use crate::graph::ClaimGraph;
use crate::model::keyword::keyword_enum;

pub use svg::{Renderer, UsedRenderer};

keyword_enum! {
    /// A format `claimgraph export` can write.
    pub enum Format {
        /// Graphviz DOT.
        Dot = "dot",
        /// SVG, laid out by Graphviz or the embedded renderer.
        Svg = "svg",
        /// The attack graph in ASPARTIX apx (see [`af`]).
        Apx = "apx",
        /// The attack graph in Trivial Graph Format.
        Tgf = "tgf",
        /// The attack graph in ICCMA 2023 `.af`.
        Iccma = "iccma",
    }
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self.attack_graph() {
            Some(af) => af.extension(),
            None => self.as_str(),
        }
    }

    /// For the attack-graph formats, which one (they also need [`af::map_tsv`]).
    pub fn attack_graph(self) -> Option<af::AfFormat> {
        match self {
            Format::Apx => Some(af::AfFormat::Apx),
            Format::Tgf => Some(af::AfFormat::Tgf),
            Format::Iccma => Some(af::AfFormat::Iccma),
            Format::Dot | Format::Svg => None,
        }
    }
}

/// Settings shared by the diagram formats.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// A title drawn above the diagram.
    pub title: Option<String>,
    /// Which SVG renderer to use.
    pub renderer: Renderer,
    /// What a claim's fill says.
    pub color_by: ColorBy,
}

/// What a claim's fill says in a diagram.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum ColorBy {
    /// The rating of its verdict.
    #[default]
    Rating,
    /// Its evaluation label (`in`, `out`, `undec`), as [`crate::eval::labels_for`] gives them.
    Eval(std::collections::HashMap<crate::model::Id, crate::eval::Label>),
}

/// What an export produced.
#[derive(Debug, Clone)]
pub struct Exported {
    /// The document.
    pub text: String,
    /// For SVG, which renderer drew it.
    pub renderer: Option<UsedRenderer>,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Graphviz was asked for but is not installed.
    #[error("Graphviz `dot` was not found on PATH")]
    GraphvizMissing,
    /// Graphviz ran and failed.
    #[error("Graphviz `dot` failed: {0}")]
    Graphviz(String),
    /// The embedded renderer failed.
    #[error("the embedded renderer failed: {0}")]
    Embedded(String),
    /// The graph is too large for the embedded renderer to lay out in reasonable time.
    #[error(
        "the graph has {nodes} nodes, more than the embedded renderer lays out in reasonable time (limit {limit})"
    )]
    TooLarge {
        /// Nodes in the graph.
        nodes: usize,
        /// The limit.
        limit: usize,
    },
}

impl ExportError {
    /// What the user can do about it.
    pub fn hint(&self) -> Option<String> {
        match self {
            ExportError::GraphvizMissing => {
                Some("install Graphviz (e.g. `apt-get install graphviz`), or use `--renderer embedded`".into())
            }
            ExportError::TooLarge { .. } => Some(
                "draw a smaller selection (e.g. `--tag TAG` or `--around ID --depth 2`), export `dot` and lay it out with Graphviz, or install Graphviz".into(),
            ),
            _ => None,
        }
    }
}

/// Writes `graph` in `format`.
pub fn export(
    graph: &ClaimGraph,
    format: Format,
    options: &ExportOptions,
) -> Result<Exported, ExportError> {
    match format {
        Format::Dot => Ok(Exported {
            text: dot::to_dot(graph, options),
            renderer: None,
        }),
        Format::Svg => {
            let (text, used) = svg::to_svg(graph, options)?;
            Ok(Exported {
                text,
                renderer: Some(used),
            })
        }
        Format::Apx | Format::Tgf | Format::Iccma => {
            let framework = crate::eval::Framework::from_graph(graph);
            Ok(Exported {
                text: format
                    .attack_graph()
                    .map(|af| af.write(&framework))
                    .unwrap_or_default(),
                renderer: None,
            })
        }
    }
}

impl fmt::Display for UsedRenderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UsedRenderer::Graphviz => "graphviz",
            UsedRenderer::Embedded => "embedded",
        })
    }
}

impl FromStr for Renderer {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "auto" => Ok(Renderer::Auto),
            "graphviz" => Ok(Renderer::Graphviz),
            "embedded" => Ok(Renderer::Embedded),
            _ => Err(format!(
                "unknown renderer `{s}` (use auto, graphviz or embedded)"
            )),
        }
    }
}

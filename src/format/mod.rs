//! Output and input formats. A closed [`Format`] enum and one module per format, reader and
//! writer side by side; [`export`] and [`import()`] are the places that dispatch on it.

pub mod af;
pub mod aif;
pub mod apx;
pub mod argdown;
pub mod category;
pub mod claimreview;
pub mod dot;
mod drawing;
mod edges;
pub mod graphml;
pub mod html;
pub mod iccma;
pub mod import;
pub mod json;
mod json_text;
pub mod jsonl;
pub mod loss;
mod markup;
pub mod mermaid;
pub mod neo4j;
pub mod png;
pub mod svg;
pub mod tgf;
pub mod yaml;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod roundtrip;
mod style;
mod wrap;

use std::fmt;

use crate::graph::ClaimGraph;
use crate::model::keyword::keyword_enum;
use crate::model::{ColorKey, GroupBy, Id, RankDir, SourceMode, Style};

pub use category::{Categories, CategoryKind};

pub use import::{ImportError, Imported, import};
pub use loss::Loss;
pub use svg::{Renderer, UsedRenderer};

keyword_enum! {
    /// A format `claimgraph export` can write (and [`Format::is_readable`], `import` read). Each
    /// variant's doc is its help in `claimgraph export --help`.
    pub enum Format {
        /// Graphviz DOT.
        Dot = "dot",
        /// SVG (Graphviz when installed, otherwise the embedded renderer).
        Svg = "svg",
        /// PNG: the SVG rasterised in pure Rust (needs `-o FILE` or a pipe).
        Png = "png",
        /// The attack graph as ASPARTIX apx (with `-o FILE`, also `FILE.map.tsv`).
        Apx = "apx",
        /// The attack graph as Trivial Graph Format (with `-o FILE`, also `FILE.map.tsv`).
        Tgf = "tgf",
        /// The attack graph as ICCMA 2023 `.af` (with `-o FILE`, also `FILE.map.tsv`).
        Iccma = "iccma",
        /// claimgraph's own JSON (lossless).
        Json = "json",
        /// JSON Lines claim file: one entry per line (lossless; `check` reads it back).
        Jsonl = "jsonl",
        /// Argdown.
        Argdown = "argdown",
        /// AIF JSON (Argument Interchange Format).
        Aif = "aif",
        /// schema.org ClaimReview JSON-LD.
        Claimreview = "claimreview",
        /// GraphML (yEd, Gephi, Cytoscape).
        Graphml = "graphml",
        /// Mermaid flowchart.
        Mermaid = "mermaid",
        /// Neo4j CSV files and Cypher script (`-o DIR` is required).
        Neo4j = "neo4j",
    }
}

impl Format {
    /// The usual file extension (for Neo4j, which writes a directory, none).
    pub fn extension(self) -> &'static str {
        if let Some(af) = self.attack_graph() {
            return af.extension();
        }
        match self {
            Format::Aif => "aif.json",
            Format::Claimreview => "claimreview.jsonld",
            Format::Mermaid => "mmd",
            Format::Neo4j => "",
            other => other.as_str(),
        }
    }

    /// For the attack-graph formats, which one (they also need [`af::map_tsv`]).
    pub fn attack_graph(self) -> Option<af::AfFormat> {
        match self {
            Format::Apx => Some(af::AfFormat::Apx),
            Format::Tgf => Some(af::AfFormat::Tgf),
            Format::Iccma => Some(af::AfFormat::Iccma),
            _ => None,
        }
    }

    /// Whether claimgraph can read the format (`claimgraph import`).
    pub fn is_readable(self) -> bool {
        matches!(
            self,
            Format::Json | Format::Argdown | Format::Aif | Format::Claimreview
        )
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
    /// What claims are grouped by (Graphviz clusters), if anything.
    pub group_by: Option<GroupBy>,
    /// Which way arguments flow.
    pub rankdir: RankDir,
    /// A claim to emphasise with its neighbours, dimming the rest.
    pub focus: Option<Id>,
    /// How sources appear.
    pub sources: SourceMode,
    /// Where ClaimReview `url`s point.
    pub review_urls: claimreview::ReviewUrls,
}

/// What a claim's fill says in a diagram.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum ColorBy {
    /// The rating of its verdict.
    #[default]
    Rating,
    /// Its evaluation label (`in`, `out`, `undec`), as [`crate::eval::labels_for`] gives them.
    Eval(std::collections::HashMap<Id, crate::eval::Label>),
    /// Its category (first tag or speaker), as [`Categories::new`] gives them.
    Category(Categories),
}

impl ExportOptions {
    /// The options that draw `style`, with colours decided on `graph` (the whole graph, before
    /// any selection, so that a claim's colour does not depend on what else is drawn).
    ///
    /// # Errors
    /// When colouring by evaluation and the evaluation runs out of time.
    pub fn styled(
        graph: &ClaimGraph,
        style: &Style,
        title: Option<String>,
        renderer: Renderer,
    ) -> Result<ExportOptions, crate::eval::Timeout> {
        Ok(ExportOptions {
            title,
            renderer,
            color_by: ColorBy::new(graph, style.color_by)?,
            group_by: style.group_by,
            rankdir: style.rankdir,
            focus: style.focus.clone(),
            sources: style.sources,
            review_urls: claimreview::ReviewUrls::default(),
        })
    }
}

impl ColorBy {
    /// The colouring `key` asks for, decided on `graph`.
    ///
    /// # Errors
    /// When colouring by evaluation and the evaluation runs out of time.
    pub fn new(graph: &ClaimGraph, key: ColorKey) -> Result<ColorBy, crate::eval::Timeout> {
        Ok(match key {
            ColorKey::Rating => ColorBy::Rating,
            ColorKey::Eval => ColorBy::Eval(crate::eval::labels_for(
                graph,
                &crate::eval::Settings::default(),
            )?),
            ColorKey::Tag => ColorBy::Category(Categories::new(graph, CategoryKind::Tag)),
            ColorKey::Speaker => ColorBy::Category(Categories::new(graph, CategoryKind::Speaker)),
        })
    }
}

/// What an export produced.
#[derive(Debug, Clone)]
pub struct Exported {
    /// The document written.
    pub document: Document,
    /// For SVG and PNG, which renderer drew it.
    pub renderer: Option<UsedRenderer>,
    /// What the format could not carry.
    pub losses: Vec<Loss>,
    /// For ClaimReview: the rated claims left out for lack of a field Google requires.
    pub incomplete: Vec<claimreview::Incomplete>,
}

/// The document a format writes: text, bytes (PNG) or a directory of files (Neo4j).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    /// A text document (every format but PNG and Neo4j).
    Text(String),
    /// A binary file's bytes (PNG).
    Bytes(Vec<u8>),
    /// Several files to write into a directory (Neo4j): each file's name and content.
    Files(Vec<(String, String)>),
}

impl Document {
    /// The text of a text document; `None` for bytes or files.
    pub fn into_text(self) -> Option<String> {
        match self {
            Document::Text(text) => Some(text),
            Document::Bytes(_) | Document::Files(_) => None,
        }
    }
}

impl Exported {
    fn new(document: Document, losses: Vec<Loss>) -> Exported {
        Exported {
            document,
            renderer: None,
            losses,
            incomplete: Vec::new(),
        }
    }

    fn drawn(document: Document, renderer: UsedRenderer) -> Exported {
        Exported {
            renderer: Some(renderer),
            ..Exported::new(document, Vec::new())
        }
    }
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
    /// Rasterising the SVG failed.
    #[error("cannot draw the PNG: {0}")]
    Png(String),
    /// The graph is too large to lay out in reasonable time (see `svg::guard`).
    #[error(
        "the graph has {nodes} nodes, more than {renderer} lays out in reasonable time (limit {limit})"
    )]
    TooLarge {
        /// Nodes in the graph.
        nodes: usize,
        /// The limit.
        limit: usize,
        /// The renderer that would have drawn it.
        renderer: &'static str,
    },
    /// `CLAIMGRAPH_MAX_NODES` is not a number.
    #[error("`CLAIMGRAPH_MAX_NODES={0}` is not a number of nodes")]
    BadNodeLimit(String),
}

impl ExportError {
    /// What the user can do about it.
    pub fn hint(&self) -> Option<String> {
        match self {
            ExportError::GraphvizMissing => {
                Some("install Graphviz (e.g. `apt-get install graphviz`), or use `--renderer embedded`".into())
            }
            ExportError::TooLarge { .. } => Some(
                "draw a smaller selection (e.g. `--tag TAG` or `--around ID --depth 2`), or set `CLAIMGRAPH_MAX_NODES` above the limit and expect the layout to take minutes".into(),
            ),
            ExportError::BadNodeLimit(_) => {
                Some("give a whole number of nodes: `CLAIMGRAPH_MAX_NODES=1000`".into())
            }
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
    let (text, losses) = match format {
        Format::Dot => (dot::to_dot(graph, options), Vec::new()),
        Format::Svg => {
            let (text, used) = svg::to_svg(graph, options)?;
            return Ok(Exported::drawn(Document::Text(text), used));
        }
        Format::Png => {
            let (bytes, used) = png::to_png(graph, options)?;
            return Ok(Exported::drawn(Document::Bytes(bytes), used));
        }
        Format::Apx | Format::Tgf | Format::Iccma => {
            let framework = crate::eval::Framework::from_graph(graph);
            let text = format
                .attack_graph()
                .map(|af| af::write(af, &framework))
                .unwrap_or_default();
            (text, Vec::new())
        }
        Format::Json => (json::to_json(graph), Vec::new()),
        Format::Jsonl => (jsonl::to_jsonl(graph), Vec::new()),
        Format::Argdown => argdown::to_argdown(graph),
        Format::Aif => aif::to_aif(graph),
        Format::Claimreview => {
            let (text, losses, incomplete) =
                claimreview::to_claimreview(graph, &options.review_urls);
            return Ok(Exported {
                incomplete,
                ..Exported::new(Document::Text(text), losses)
            });
        }
        Format::Graphml => graphml::to_graphml(graph),
        Format::Mermaid => mermaid::to_mermaid(graph),
        Format::Neo4j => {
            let (files, losses) = neo4j::to_neo4j(graph);
            return Ok(Exported::new(Document::Files(files), losses));
        }
    };
    Ok(Exported::new(Document::Text(text), losses))
}

impl fmt::Display for UsedRenderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UsedRenderer::Graphviz => "graphviz",
            UsedRenderer::Embedded => "embedded",
            UsedRenderer::EmbeddedAfterGraphvizFailed => "embedded (Graphviz `dot` failed)",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_writes_one_kind_of_document() {
        let graph = fixture::graph();
        let options = ExportOptions {
            renderer: Renderer::Embedded,
            ..ExportOptions::default()
        };
        for &format in Format::ALL {
            let exported = export(&graph, format, &options).expect("the fixture exports");
            let drawn = matches!(format, Format::Svg | Format::Png);
            assert_eq!(exported.renderer.is_some(), drawn, "{format}");
            match (format, exported.document) {
                (Format::Png, Document::Bytes(png)) => assert!(png.starts_with(b"\x89PNG")),
                (Format::Neo4j, Document::Files(files)) => assert!(!files.is_empty()),
                (Format::Png | Format::Neo4j, other) => panic!("{format}: {other:?}"),
                (_, Document::Text(text)) => assert!(!text.is_empty(), "{format}"),
                (_, other) => panic!("{format}: {other:?}"),
            }
        }
    }
}

//! One diagram about to be drawn: the graph as the diagram shows it, and what the style options
//! decide for each node: its fill and label, whether it is emphasised or dimmed (`focus`),
//! which group it is drawn in (`group_by`) and whose name it carries (`sources: merge`).
//!
//! The DOT writer and the embedded renderer both draw from a [`Drawing`], so the options mean
//! the same in both.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use petgraph::Direction as PgDirection;

use super::category::{self, CategoryKind, speaker_name};
use super::style;
use super::wrap::{WIDTH, printable, wrap, wrap_into};
use super::{ColorBy, ExportOptions, GroupBy, SourceMode};
use crate::graph::{ClaimGraph, Selection};
use crate::model::{Claim, Id};

/// A graph and the options it is drawn with.
#[derive(Debug)]
pub(crate) struct Drawing<'a> {
    /// The graph as drawn: without sources when they are hidden or merged.
    pub graph: Cow<'a, ClaimGraph>,
    /// The options.
    pub options: &'a ExportOptions,
    /// With `sources: merge`, each claim's speaker's name.
    speakers: HashMap<Id, String>,
    /// With a focus in the graph: the focus and its neighbours, which are not dimmed.
    emphasised: Option<HashSet<Id>>,
    /// With `group_by`, each grouped claim's group, and the groups in order of appearance.
    groups: HashMap<Id, usize>,
    group_names: Vec<String>,
}

impl<'a> Drawing<'a> {
    /// Prepares `graph` for drawing with `options`.
    pub fn new(graph: &'a ClaimGraph, options: &'a ExportOptions) -> Drawing<'a> {
        // Coloured by speaker, the bracketed category line already names the speaker.
        let by_speaker =
            matches!(&options.color_by, ColorBy::Category(c) if c.kind() == CategoryKind::Speaker);
        let speakers = match options.sources {
            SourceMode::Merge if !by_speaker => graph
                .claims()
                .filter_map(|(_, c)| Some((c.id.clone(), speaker_name(graph, c)?)))
                .collect(),
            _ => HashMap::new(),
        };
        let emphasised = options
            .focus
            .as_ref()
            .and_then(|id| neighbourhood(graph, id));
        let (groups, group_names) = match options.group_by {
            Some(by) => groups(graph, by),
            None => (HashMap::new(), Vec::new()),
        };
        let graph = match options.sources {
            SourceMode::Show => Cow::Borrowed(graph),
            SourceMode::Hide | SourceMode::Merge => Cow::Owned(
                Selection {
                    no_sources: true,
                    ..Selection::default()
                }
                .apply(graph),
            ),
        };
        Drawing {
            graph,
            options,
            speakers,
            emphasised,
            groups,
            group_names,
        }
    }

    /// The fill of `claim`.
    pub fn claim_fill(&self, claim: &Claim) -> &'static str {
        style::claim_fill(claim, &self.options.color_by)
    }

    /// The lines of `claim`'s label: its text, with `sources: merge` its speaker's name, then
    /// what its fill says (see [`style::claim_bracket`]).
    #[cfg(test)]
    pub fn claim_lines(&self, claim: &Claim) -> Vec<String> {
        self.claim_label(claim).0
    }

    /// [`Drawing::claim_lines`], and whether the last line is the bracketed rating or label.
    pub fn claim_label(&self, claim: &Claim) -> (Vec<String>, bool) {
        let mut lines = wrap(&claim.text, WIDTH);
        let (speaker, bracket) = self.label_extras(claim);
        let has_bracket = bracket.is_some();
        lines.extend(speaker.into_iter().chain(bracket));
        (lines, has_bracket)
    }

    /// [`Drawing::claim_lines`] joined by line breaks, written into one buffer: a label for a
    /// writer that has no use for the lines apart (DOT).
    pub fn claim_text(&self, claim: &Claim) -> String {
        let mut label = String::new();
        wrap_into(&mut label, &claim.text, WIDTH);
        let (speaker, bracket) = self.label_extras(claim);
        for line in speaker.into_iter().chain(bracket) {
            label.push_str(&line);
            label.push('\n');
        }
        label.pop();
        label
    }

    /// The lines of `claim`'s label after its text: with `sources: merge` its speaker's name,
    /// and what its fill says (see [`style::claim_bracket`]).
    fn label_extras(&self, claim: &Claim) -> (Option<String>, Option<String>) {
        let speaker = self
            .speakers
            .get(&claim.id)
            .map(|name| format!("— {}", printable(name)));
        let bracket = style::claim_bracket(claim, &self.options.color_by);
        (speaker, bracket)
    }

    /// Whether the node `id` is drawn faintly, away from the focus.
    pub fn dimmed(&self, id: &Id) -> bool {
        self.emphasised.as_ref().is_some_and(|e| !e.contains(id))
    }

    /// The legend's heading and swatches. Coloured by category, only the categories of the
    /// claims drawn (and `none` only when a drawn claim has none).
    pub fn legend_fills(&self) -> (&'static str, Vec<(String, &'static str)>) {
        let (heading, mut fills) = style::legend_fills(&self.options.color_by);
        if let ColorBy::Category(categories) = &self.options.color_by {
            let drawn: HashSet<&str> = self
                .graph
                .claims()
                .map(|(_, c)| {
                    categories
                        .of(&c.id)
                        .map_or(category::NONE, |(name, _)| name)
                })
                .collect();
            fills.retain(|(name, _)| drawn.contains(name.as_str()));
        }
        (heading, fills)
    }

    /// Whether `id` is the focus.
    pub fn is_focus(&self, id: &Id) -> bool {
        self.emphasised.is_some() && self.options.focus.as_ref() == Some(id)
    }

    /// The groups (their names, in order of first appearance); empty without `group_by`.
    pub fn group_names(&self) -> &[String] {
        &self.group_names
    }

    /// The index into [`Drawing::group_names`] of `id`'s group, if it is in one.
    pub fn group(&self, id: &Id) -> Option<usize> {
        self.groups.get(id).copied()
    }
}

/// `id` and every node one edge away from it (either way, any kind), or `None` when `id` is not
/// in `graph`.
fn neighbourhood(graph: &ClaimGraph, id: &Id) -> Option<HashSet<Id>> {
    let ix = graph.node(id.as_str())?;
    let pg = graph.petgraph();
    let mut ids: HashSet<Id> = [PgDirection::Outgoing, PgDirection::Incoming]
        .into_iter()
        .flat_map(|dir| pg.neighbors_directed(ix, dir))
        .filter_map(|n| graph.get(n).map(|r| r.id().clone()))
        .collect();
    ids.insert(id.clone());
    Some(ids)
}

/// Each claim's group under `by`, and the group names in order of first appearance. Claims
/// without a group (no tag, no speaker) are in none.
fn groups(graph: &ClaimGraph, by: GroupBy) -> (HashMap<Id, usize>, Vec<String>) {
    let mut names: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut of = HashMap::new();
    for (_, claim) in graph.claims() {
        let name = match by {
            GroupBy::File => graph
                .corpus()
                .files
                .path(claim.origin.file)
                .and_then(|p| p.file_stem())
                .map(|s| s.to_string_lossy().into_owned()),
            GroupBy::Tag => claim.tags.first().cloned(),
            GroupBy::Speaker => speaker_name(graph, claim),
        };
        let Some(name) = name else { continue };
        let next = names.len();
        let i = *index.entry(name.clone()).or_insert(next);
        if i == next {
            names.push(name);
        }
        of.insert(claim.id.clone(), i);
    }
    (of, names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fixture;

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    #[test]
    fn focus_keeps_the_neighbours_bright_and_dims_the_rest() {
        let graph = fixture::graph();
        let options = ExportOptions {
            focus: Some(id("compute-gap")),
            ..ExportOptions::default()
        };
        let drawing = Drawing::new(&graph, &options);
        let mut bright: Vec<&str> = graph
            .ids()
            .filter(|i| !drawing.dimmed(i))
            .map(Id::as_str)
            .collect();
        bright.sort_unstable();
        // Its speaker and citation, the claim it contradicts (whose verdict cites it back).
        assert_eq!(
            bright,
            ["article", "compute-gap", "deepseek-efficient", "kai-fu-lee"]
        );
        assert!(drawing.is_focus(&id("compute-gap")));
        assert!(!drawing.is_focus(&id("deepseek-efficient")));
        let unknown = ExportOptions {
            focus: Some(id("nowhere")),
            ..ExportOptions::default()
        };
        let drawing = Drawing::new(&graph, &unknown);
        assert!(graph.ids().all(|i| !drawing.dimmed(i)));
    }

    #[test]
    fn merge_writes_the_speaker_into_the_box_and_drops_sources() {
        let graph = fixture::graph();
        let options = ExportOptions {
            sources: SourceMode::Merge,
            ..ExportOptions::default()
        };
        let drawing = Drawing::new(&graph, &options);
        assert_eq!(drawing.graph.source_count(), 0);
        assert_eq!(drawing.graph.claim_count(), 4);
        let (_, gap) = graph.claims().next().unwrap();
        let lines = drawing.claim_lines(gap);
        assert_eq!(lines.last().map(String::as_str), Some("— Kai-Fu Lee"));
        assert!(
            !drawing.claim_label(gap).1,
            "the speaker line is not a bracket"
        );
        let (_, rated) = graph.claims().nth(1).unwrap();
        for (_, claim) in graph.claims() {
            assert_eq!(
                drawing.claim_text(claim),
                drawing.claim_lines(claim).join("\n")
            );
        }
        assert_eq!(
            drawing.claim_text(rated),
            "DeepSeek used far fewer resources than\nChatGPT.\n[misleading]"
        );
        assert_eq!(
            drawing.claim_lines(rated),
            [
                "DeepSeek used far fewer resources than",
                "ChatGPT.",
                "[misleading]"
            ]
        );
        let hide = ExportOptions {
            sources: SourceMode::Hide,
            ..ExportOptions::default()
        };
        let drawing = Drawing::new(&graph, &hide);
        assert_eq!(drawing.graph.source_count(), 0);
        assert_eq!(
            drawing.claim_lines(gap),
            style::claim_lines(gap, &crate::format::ColorBy::Rating)
        );
    }

    #[test]
    fn a_category_legend_lists_only_what_is_drawn() {
        let graph = fixture::graph();
        let style = crate::model::Style {
            color_by: crate::model::ColorKey::Speaker,
            ..crate::model::Style::default()
        };
        let all = ExportOptions::styled(&graph, &style, None, Default::default()).unwrap();
        let words = |drawing: &Drawing<'_>| -> Vec<String> {
            drawing
                .legend_fills()
                .1
                .into_iter()
                .map(|(w, _)| w)
                .collect()
        };
        assert_eq!(words(&Drawing::new(&graph, &all)), ["Kai-Fu Lee", "none"]);
        let unspoken = crate::graph::Selection {
            around: vec![id("china-catching-up")],
            depth: 1,
            ..crate::graph::Selection::default()
        }
        .apply(&graph);
        assert_eq!(words(&Drawing::new(&unspoken, &all)), ["none"]);
        let rated = ExportOptions::default();
        assert_eq!(words(&Drawing::new(&unspoken, &rated)).len(), 9);
    }

    #[test]
    fn groups_follow_first_appearance() {
        let graph = fixture::graph();
        let options = ExportOptions {
            group_by: Some(GroupBy::Speaker),
            ..ExportOptions::default()
        };
        let drawing = Drawing::new(&graph, &options);
        assert_eq!(drawing.group_names(), ["Kai-Fu Lee"]);
        assert_eq!(drawing.group(&id("compute-gap")), Some(0));
        assert_eq!(drawing.group(&id("deepseek-efficient")), None);
    }
}

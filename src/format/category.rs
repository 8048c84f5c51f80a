//! Colouring claims by a category (their first tag, or who asserts them): which category each
//! claim is in and which colour each category gets, decided once for the whole graph so that
//! every view of it uses the same colours.

use std::collections::HashMap;

use crate::graph::ClaimGraph;
use crate::model::{Claim, Id};

/// Paul Tol's "light" and "pale" qualitative colours: light enough for dark text and told
/// apart by the common kinds of colour blindness. Categories beyond these share [`OTHER`].
const PALETTE: [&str; 9] = [
    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00",
    "#CCDDAA",
];

/// The fill of categories past the palette's end, and the legend word for them.
const OTHER: (&str, &str) = ("other", "#DDDDDD");

/// What a category colouring groups claims by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryKind {
    /// A claim's first tag.
    Tag,
    /// The name of the source that asserts a claim.
    Speaker,
}

/// Each claim's category and each category's colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Categories {
    kind: CategoryKind,
    /// Category names, most claims first (ties by name), each with its fill.
    names: Vec<(String, &'static str)>,
    /// Each categorised claim's index into `names`.
    of: HashMap<Id, usize>,
}

/// The word for claims without a category (no tag, no speaker).
pub const NONE: &str = "none";

impl Categories {
    /// Categorises the claims of `graph`. The most common categories get the palette's colours
    /// in order; the rest share a grey legend entry "other".
    pub fn new(graph: &ClaimGraph, kind: CategoryKind) -> Categories {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut claim_category: Vec<(Id, String)> = Vec::new();
        for (_, claim) in graph.claims() {
            if let Some(name) = category(graph, claim, kind) {
                *counts.entry(name.clone()).or_default() += 1;
                claim_category.push((claim.id.clone(), name));
            }
        }
        let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut names: Vec<(String, &'static str)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, (name, _)) in ranked.into_iter().enumerate() {
            match PALETTE.get(i) {
                Some(&fill) => {
                    index.insert(name.clone(), names.len());
                    names.push((name, fill));
                }
                None => {
                    if names.last().is_none_or(|(n, _)| n != OTHER.0) {
                        names.push((OTHER.0.to_string(), OTHER.1));
                    }
                    index.insert(name, names.len() - 1);
                }
            }
        }
        let of = claim_category
            .into_iter()
            .filter_map(|(id, name)| Some((id, *index.get(&name)?)))
            .collect();
        Categories { kind, names, of }
    }

    /// What the categories are.
    pub fn kind(&self) -> CategoryKind {
        self.kind
    }

    /// The category of `id` and its fill, if it has one.
    pub fn of(&self, id: &Id) -> Option<(&str, &'static str)> {
        let (name, fill) = self.names.get(*self.of.get(id)?)?;
        Some((name.as_str(), fill))
    }

    /// Every category with its fill, most claims first (then "other", when there is one).
    pub fn legend(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.names.iter().map(|(n, f)| (n.as_str(), *f))
    }
}

/// The category of `claim`: its first tag, or the name of its speaker.
fn category(graph: &ClaimGraph, claim: &Claim, kind: CategoryKind) -> Option<String> {
    match kind {
        CategoryKind::Tag => claim.tags.first().cloned(),
        CategoryKind::Speaker => speaker_name(graph, claim),
    }
}

/// The name of the source that asserts `claim`, if it is in `graph`.
pub(crate) fn speaker_name(graph: &ClaimGraph, claim: &Claim) -> Option<String> {
    let by = claim.by.as_ref()?;
    let ix = graph.node(by.as_str())?;
    graph.source(ix).map(|s| s.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fixture;

    #[test]
    fn the_most_common_category_gets_the_first_colour() {
        let mut corpus = fixture::graph().corpus().clone();
        // Twelve tags: `common` on three claims, `rare-a` .. on one each.
        corpus.claims[0].tags = vec!["common".into(), "rare-z".into()];
        corpus.claims[1].tags = vec!["common".into()];
        corpus.claims[2].tags = vec!["common".into()];
        for i in 0..10 {
            let mut extra = corpus.claims[3].clone();
            extra.id = Id::new(&format!("extra-{i}")).unwrap();
            extra.tags = vec![format!("rare-{}", (b'a' + i) as char)];
            corpus.claims.push(extra);
        }
        let graph = ClaimGraph::build(corpus).unwrap();
        let tags = Categories::new(&graph, CategoryKind::Tag);
        let id = |s: &str| Id::new(s).unwrap();
        assert_eq!(tags.of(&id("compute-gap")), Some(("common", PALETTE[0])));
        // Ties are broken by name: rare-a is second, rare-h the last with a colour of its own.
        assert_eq!(tags.of(&id("extra-0")), Some(("rare-a", PALETTE[1])));
        assert_eq!(tags.of(&id("extra-7")), Some(("rare-h", PALETTE[8])));
        assert_eq!(tags.of(&id("extra-8")), Some(OTHER));
        assert_eq!(tags.of(&id("extra-9")), Some(OTHER));
        assert_eq!(tags.of(&id("china-catching-up")), None);
        assert_eq!(tags.legend().count(), 10);
        assert_eq!(tags.legend().last(), Some(OTHER));

        let speakers = Categories::new(&graph, CategoryKind::Speaker);
        let legend: Vec<_> = speakers.legend().collect();
        assert_eq!(legend, [("Kai-Fu Lee", PALETTE[0])]);
        assert_eq!(
            speakers.of(&id("compute-gap")),
            Some(("Kai-Fu Lee", PALETTE[0]))
        );
    }
}

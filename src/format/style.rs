//! The visual vocabulary of the diagrams: colours, shapes, line styles and label texts.
//!
//! The DOT writer and the embedded SVG renderer draw the same picture with different tools.
//! Everything a reader learns from the legend (what a fill colour, a dashed line or a `tee`
//! arrowhead means) is decided here once, so the two cannot drift apart.

use super::ColorBy;
use super::category::{self, CategoryKind};
use super::wrap::{WIDTH, printable, wrap};
use crate::eval::Label;
use crate::graph::EdgeKind;
use crate::model::{Claim, Rating, Source};

/// The font family, as a CSS/Graphviz fallback list.
pub(crate) const FONT: &str = "Helvetica,Arial,sans-serif";
/// Text colour.
pub(crate) const INK: &str = "#222222";
/// Border of claim boxes.
pub(crate) const CLAIM_BORDER: &str = "#555555";
/// Fill of sources.
pub(crate) const SOURCE_FILL: &str = "#F2F2F2";
/// Border of sources.
pub(crate) const SOURCE_BORDER: &str = "#999999";
/// Fill of unrated claims.
pub(crate) const UNRATED_FILL: &str = "#FFFFFF";
/// Word shown in the legend for unrated claims.
pub(crate) const UNRATED: &str = "unrated";

/// `color` (`#RRGGBB`) at 40% opacity, for what is drawn away from a diagram's focus: still
/// legible, clearly behind what is in focus.
pub(crate) fn faint(color: &str) -> String {
    format!("{color}66")
}

/// The fill of a claim with `rating`.
///
/// Paul Tol's "light" scheme: distinct for the common kinds of colour blindness and light enough
/// for dark text; the rating word is also written in the label, so nothing depends on the colour
/// alone (greyscale prints included).
pub(crate) fn rating_fill(rating: Option<Rating>) -> &'static str {
    match rating {
        None => UNRATED_FILL,
        Some(Rating::True) => "#44BB99",
        Some(Rating::MostlyTrue) => "#BBCC33",
        Some(Rating::Mixed) => "#EEDD88",
        Some(Rating::MostlyFalse) => "#FFAABB",
        Some(Rating::False) => "#EE8866",
        Some(Rating::Misleading) => "#77AADD",
        Some(Rating::Unproven) => "#DDDDDD",
        Some(Rating::Outdated) => "#99DDFF",
    }
}

/// How an edge line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    /// Unbroken.
    Solid,
    /// Long dashes.
    Dashed,
    /// Dots.
    Dotted,
}

/// The arrowhead at an edge's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Head {
    /// A filled triangle.
    Normal,
    /// A bar across the line: "stops" the target.
    Tee,
    /// A small open chevron.
    Vee,
}

/// How an edge of some kind is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct EdgeStyle {
    /// Stroke colour.
    pub color: &'static str,
    /// Line pattern.
    pub line: Line,
    /// Arrowhead.
    pub head: Head,
    /// Stroke width in points.
    pub width: f64,
    /// Text written along the edge, if any.
    pub label: Option<&'static str>,
}

/// Grey for reference edges.
const REFERENCE: &str = "#999999";

/// How edges of `kind` are drawn. `supports` and `contradicts` differ in colour, line pattern
/// and arrowhead; references are thin grey dotted lines, labelled unless they are citations
/// (the most common kind, which would drown the picture in labels).
pub(crate) fn edge_style(kind: EdgeKind) -> EdgeStyle {
    let reference = |label| EdgeStyle {
        color: REFERENCE,
        line: Line::Dotted,
        head: Head::Vee,
        width: 0.8,
        label,
    };
    match kind {
        EdgeKind::Supports => EdgeStyle {
            color: "#228833",
            line: Line::Solid,
            head: Head::Normal,
            width: 1.6,
            label: None,
        },
        EdgeKind::Contradicts => EdgeStyle {
            color: "#CC3311",
            line: Line::Dashed,
            head: Head::Tee,
            width: 1.6,
            label: None,
        },
        EdgeKind::AssertedBy => reference(Some("by")),
        EdgeKind::Cites => reference(None),
        EdgeKind::ReviewedBy => reference(Some("reviewed by")),
        EdgeKind::Evidence => reference(Some("evidence")),
        EdgeKind::PartOf => reference(Some("part of")),
    }
}

/// The edge kinds the legend shows, with what it says about them. All references look alike,
/// so one row stands for them.
pub(crate) const LEGEND_EDGES: [(EdgeKind, &str); 3] = [
    (EdgeKind::Supports, "supports"),
    (EdgeKind::Contradicts, "contradicts"),
    (
        EdgeKind::AssertedBy,
        "by, cites, reviewed by, evidence, part of",
    ),
];

/// The legend's rating rows: each rating word with its fill, then unrated.
pub(crate) fn legend_ratings() -> impl Iterator<Item = (&'static str, &'static str)> {
    let rated = Rating::ALL
        .iter()
        .map(|&r| (r.as_str(), rating_fill(Some(r))));
    rated.chain(std::iter::once((UNRATED, UNRATED_FILL)))
}

/// The fill of an evaluation label: Paul Tol's light green, orange and yellow (told apart in
/// greyscale too, and the label word is written in the box).
pub(crate) fn label_fill(label: Label) -> &'static str {
    match label {
        Label::In => "#44BB99",
        Label::Out => "#EE8866",
        Label::Undec => "#EEDD88",
    }
}

/// The word a box shows for an evaluation label.
pub(crate) fn label_word(label: Label) -> &'static str {
    label.word()
}

/// The legend heading and its swatches (word, fill) for a colouring.
pub(crate) fn legend_fills(by: &ColorBy) -> (&'static str, Vec<(String, &'static str)>) {
    let owned = |(w, f): (&str, &'static str)| (w.to_string(), f);
    match by {
        ColorBy::Rating => (
            "claims, filled by verdict",
            legend_ratings().map(owned).collect(),
        ),
        ColorBy::Eval(_) => (
            "claims, filled by evaluation",
            [Label::In, Label::Out, Label::Undec]
                .iter()
                .map(|&l| (label_word(l).to_string(), label_fill(l)))
                .collect(),
        ),
        ColorBy::Category(categories) => {
            let heading = match categories.kind() {
                CategoryKind::Tag => "claims, filled by first tag",
                CategoryKind::Speaker => "claims, filled by speaker",
            };
            let none = std::iter::once((category::NONE, UNRATED_FILL));
            (
                heading,
                categories.legend().chain(none).map(owned).collect(),
            )
        }
    }
}

/// The fill of a claim under a colouring.
pub(crate) fn claim_fill(claim: &Claim, by: &ColorBy) -> &'static str {
    match by {
        ColorBy::Rating => rating_fill(claim.verdict.as_ref().map(|v| v.rating)),
        ColorBy::Eval(labels) => labels
            .get(&claim.id)
            .map_or(UNRATED_FILL, |&l| label_fill(l)),
        ColorBy::Category(categories) => categories
            .of(&claim.id)
            .map_or(UNRATED_FILL, |(_, fill)| fill),
    }
}

/// The lines of a claim's label: its text, wrapped, then in brackets what its fill says (its
/// evaluation label or category, unless coloured by rating) and its rating, so that nothing
/// depends on colour alone.
pub(crate) fn claim_lines(claim: &Claim, by: &ColorBy) -> Vec<String> {
    let mut lines = wrap(&claim.text, WIDTH);
    lines.extend(claim_bracket(claim, by));
    lines
}

/// The last line of a claim's label, when it has one: in brackets what its fill says and its
/// rating (`[falls; rated misleading]`).
pub(crate) fn claim_bracket(claim: &Claim, by: &ColorBy) -> Option<String> {
    let rating = claim.verdict.as_ref().map(|v| v.rating);
    let fill_word = match by {
        ColorBy::Rating => None,
        ColorBy::Eval(labels) => labels.get(&claim.id).map(|&l| label_word(l)),
        ColorBy::Category(categories) => categories.of(&claim.id).map(|(name, _)| name),
    };
    match (fill_word, rating) {
        (Some(l), Some(r)) => Some(format!("[{}; rated {r}]", printable(l))),
        (Some(l), None) => Some(format!("[{}]", printable(l))),
        (None, Some(r)) => Some(format!("[{r}]")),
        (None, None) => None,
    }
}

/// The lines of a source's label: its name, wrapped, then its kind in parentheses.
pub(crate) fn source_lines(source: &Source) -> Vec<String> {
    let mut lines = wrap(&source.name, WIDTH);
    if let Some(kind) = source.kind {
        lines.push(format!("({kind})"));
    }
    lines
}

/// A claim's tooltip: its full text.
pub(crate) fn claim_tooltip(claim: &Claim) -> String {
    printable(&claim.text).into_owned()
}

/// A source's tooltip: its name, and its description when it has one.
pub(crate) fn source_tooltip(source: &Source) -> String {
    match &source.description {
        Some(d) => printable(&format!("{}: {d}", source.name)).into_owned(),
        None => printable(&source.name).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, SourceKind, Verdict};

    fn id(s: &str) -> Id {
        Id::new(s).expect("valid id")
    }

    #[test]
    fn every_rating_has_its_own_fill() {
        let mut fills: Vec<&str> = legend_ratings().map(|(_, fill)| fill).collect();
        let count = fills.len();
        fills.sort_unstable();
        fills.dedup();
        assert_eq!(fills.len(), count);
        assert_eq!(count, Rating::ALL.len() + 1);
    }

    #[test]
    fn arguments_differ_in_more_than_colour() {
        let (s, c) = (
            edge_style(EdgeKind::Supports),
            edge_style(EdgeKind::Contradicts),
        );
        assert_ne!(s.color, c.color);
        assert_ne!(s.line, c.line);
        assert_ne!(s.head, c.head);
    }

    fn misleading() -> Verdict {
        Verdict {
            rating: Rating::Misleading,
            by: None,
            date: None,
            note: None,
            evidence: vec![],
        }
    }

    #[test]
    fn labels_carry_rating_and_kind() {
        let mut claim = Claim::new(id("c"), "A claim.");
        assert_eq!(claim_lines(&claim, &ColorBy::Rating), ["A claim."]);
        claim.verdict = Some(misleading());
        assert_eq!(
            claim_lines(&claim, &ColorBy::Rating),
            ["A claim.", "[misleading]"]
        );
        let mut source = Source::new(id("s"), "Kai-Fu Lee");
        source.kind = Some(SourceKind::Person);
        assert_eq!(source_lines(&source), ["Kai-Fu Lee", "(person)"]);
        assert_eq!(source_tooltip(&source), "Kai-Fu Lee");
        source.description = Some("CEO".into());
        assert_eq!(source_tooltip(&source), "Kai-Fu Lee: CEO");
    }

    #[test]
    fn eval_colouring_fills_and_names_the_label() {
        let mut claim = Claim::new(id("c"), "A claim.");
        let by = ColorBy::Eval([(id("c"), Label::Out)].into_iter().collect());
        assert_eq!(claim_fill(&claim, &by), label_fill(Label::Out));
        assert_eq!(claim_lines(&claim, &by), ["A claim.", "[falls]"]);
        claim.verdict = Some(misleading());
        assert_eq!(
            claim_lines(&claim, &by),
            ["A claim.", "[falls; rated misleading]"]
        );
        let unknown = Claim::new(id("d"), "Not evaluated.");
        assert_eq!(claim_fill(&unknown, &by), UNRATED_FILL);
        let (heading, fills) = legend_fills(&by);
        assert_eq!(heading, "claims, filled by evaluation");
        let words: Vec<&str> = fills.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["stands", "falls", "open"]);
        let distinct: std::collections::HashSet<&str> = fills.iter().map(|(_, f)| *f).collect();
        assert_eq!(distinct.len(), 3);
    }
}

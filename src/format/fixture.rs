//! A small hand-built graph for the format tests: every node and edge style once.

use crate::graph::ClaimGraph;
use crate::model::{
    Citation, Claim, Corpus, Id, Rating, Relation, RelationKind, Source, SourceKind, Verdict,
};

fn id(s: &str) -> Id {
    Id::new(s).expect("fixture ids are valid")
}

fn sources() -> Vec<Source> {
    let mut lee = Source::new(id("kai-fu-lee"), "Kai-Fu Lee");
    lee.kind = Some(SourceKind::Person);
    lee.description = Some("CEO of Sinovation Ventures".into());
    let mut article = Source::new(id("article"), "China's AI \"Sputnik moment\"");
    article.kind = Some(SourceKind::Publication);
    article.url = Some("https://example.org/ai?lang=en&page=2".into());
    let mut desk = Source::new(id("desk"), "Fact-check desk");
    desk.kind = Some(SourceKind::Organization);
    vec![lee, article, desk]
}

fn claims() -> Vec<Claim> {
    let mut gap = Claim::new(
        id("compute-gap"),
        "Chinese AI firms often need about twice the computing power to reach the same results as US models.",
    );
    gap.by = Some(id("kai-fu-lee"));
    gap.sources.push(Citation::new(id("article")));
    let mut efficient = Claim::new(
        id("deepseek-efficient"),
        "DeepSeek used far fewer resources than ChatGPT.",
    );
    efficient.sources.push(Citation::new(id("article")));
    efficient.verdict = Some(Verdict {
        rating: Rating::Misleading,
        by: Some(id("desk")),
        date: None,
        note: Some("The cost figure covers only the final training run.".into()),
        evidence: vec![id("compute-gap")],
    });
    let resilient = Claim::new(
        id("china-resilient"),
        "China's AI sector is resilient & adaptable.",
    );
    let catching_up = Claim::new(
        id("china-catching-up"),
        "China is catching up with the US in AI.",
    );
    vec![gap, efficient, resilient, catching_up]
}

/// Three sources (one with a URL and awkward characters in its name), four claims (one rated,
/// one with `&` in its text), both relation kinds and every kind of reference but `part_of`.
pub(crate) fn graph() -> ClaimGraph {
    let mut contradiction = Relation::new(
        id("compute-gap"),
        id("deepseek-efficient"),
        RelationKind::Contradicts,
    );
    contradiction.note = Some("Twice the compute is not \"fewer resources\".".into());
    let corpus = Corpus {
        sources: sources(),
        claims: claims(),
        relations: vec![
            Relation::new(
                id("deepseek-efficient"),
                id("china-resilient"),
                RelationKind::Supports,
            ),
            Relation::new(
                id("china-resilient"),
                id("china-catching-up"),
                RelationKind::Supports,
            ),
            contradiction,
        ],
        ..Corpus::default()
    };
    ClaimGraph::build(corpus).expect("the fixture is consistent")
}

/// A writer's output followed by its losses, one per line: what a snapshot should show.
pub(crate) fn with_losses(text: &str, losses: &[crate::format::Loss]) -> String {
    let losses: Vec<String> = losses.iter().map(ToString::to_string).collect();
    format!("{text}---\n{}", losses.join("\n"))
}

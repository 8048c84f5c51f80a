//! The corpus as it stood on a date (`--as-of`): one filter over a loaded [`Corpus`], applied
//! before the graph is built, so every command sees the same dated corpus.
//!
//! Claims, sources and relations dated after the cutoff are left out; undated ones stay.
//! Each claim's verdict becomes the latest one dated on or before the cutoff (an undated single
//! verdict stays). Whatever referred to a removed item loses that reference, so the corpus
//! still resolves: a relation with a removed endpoint goes, a citation, `by`, `part_of`,
//! evidence item or relation source naming a removed item is dropped. Dates compare as the
//! periods they name ([`Date::on_or_before`]).

use rustc_hash::FxHashSet as HashSet;

use super::{Claim, Corpus, Date, Id, Relation, Source, Verdict};

impl Corpus {
    /// The corpus as it stood on `cutoff`. See the [module docs](self).
    pub fn as_of(mut self, cutoff: Date) -> Corpus {
        let kept = |date: Option<Date>| date.is_none_or(|d| d.on_or_before(cutoff));
        self.sources.retain(|s| kept(s.date));
        self.claims.retain(|c| kept(c.date));
        self.relations.retain(|r| kept(r.date));
        let ids: HashSet<Id> = (self.sources.iter().map(|s| s.id.clone()))
            .chain(self.claims.iter().map(|c| c.id.clone()))
            .collect();
        let live = |id: &Id| ids.contains(id);
        for source in &mut self.sources {
            prune_source(source, &live);
        }
        for claim in &mut self.claims {
            date_verdicts(claim, cutoff);
            prune_claim(claim, &live);
        }
        self.relations.retain(|r| live(&r.from) && live(&r.to));
        for relation in &mut self.relations {
            prune_relation(relation, &live);
        }
        self
    }
}

fn prune_source(source: &mut Source, live: &impl Fn(&Id) -> bool) {
    if source.part_of.as_ref().is_some_and(|p| !live(p)) {
        source.part_of = None;
    }
}

/// Keeps the verdicts dated on or before `cutoff` (and an undated one); the latest is current.
fn date_verdicts(claim: &mut Claim, cutoff: Date) {
    if claim.verdict.is_none() {
        return;
    }
    let holds = |v: &Verdict| v.date.is_none_or(|d| d.on_or_before(cutoff));
    let mut all: Vec<Verdict> = std::mem::take(&mut claim.history);
    all.extend(claim.verdict.take());
    all.retain(holds);
    claim.verdict = all.pop();
    claim.history = all;
}

fn prune_claim(claim: &mut Claim, live: &impl Fn(&Id) -> bool) {
    if claim.by.as_ref().is_some_and(|b| !live(b)) {
        claim.by = None;
    }
    claim.sources.retain(|c| live(&c.source));
    for verdict in claim.history.iter_mut().chain(claim.verdict.as_mut()) {
        prune_verdict(verdict, live);
    }
}

fn prune_verdict(verdict: &mut Verdict, live: &impl Fn(&Id) -> bool) {
    if verdict.by.as_ref().is_some_and(|b| !live(b)) {
        verdict.by = None;
    }
    verdict.evidence.retain(|e| live(e));
}

fn prune_relation(relation: &mut Relation, live: &impl Fn(&Id) -> bool) {
    relation.sources.retain(|s| live(s));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Rating, RelationKind};

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    fn date(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    fn verdict(rating: Rating, on: &str) -> Verdict {
        Verdict {
            rating,
            by: Some(id("desk")),
            date: date(on),
            note: None,
            evidence: vec![id("later")],
        }
    }

    fn corpus() -> Corpus {
        let mut c = Claim::new(id("c"), "C.");
        c.history = vec![verdict(Rating::True, "2025-01-13")];
        c.verdict = Some(verdict(Rating::Outdated, "2025-05-13"));
        let mut later = Claim::new(id("later"), "Later.");
        later.date = date("2025-05");
        let mut desk = Source::new(id("desk"), "Desk");
        desk.date = date("2024");
        let mut rel = Relation::new(id("later"), id("c"), RelationKind::Contradicts);
        rel.sources = vec![id("desk")];
        let mut dated = Relation::new(id("c"), id("c2"), RelationKind::Supports);
        dated.date = date("2025-03");
        Corpus {
            sources: vec![desk],
            claims: vec![c, later, Claim::new(id("c2"), "Undated.")],
            relations: vec![rel, dated],
            ..Corpus::default()
        }
    }

    fn ids(corpus: &Corpus) -> Vec<&str> {
        corpus.claims.iter().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn before_the_rescission_the_first_verdict_holds_and_later_items_go() {
        let then = corpus().as_of("2025-04".parse().unwrap());
        assert_eq!(ids(&then), ["c", "c2"]);
        let c = &then.claims[0];
        assert_eq!(c.verdict.as_ref().map(|v| v.rating), Some(Rating::True));
        assert!(c.history.is_empty());
        assert!(
            c.verdict.as_ref().unwrap().evidence.is_empty(),
            "evidence `later` is gone"
        );
        assert_eq!(
            then.relations.len(),
            1,
            "the relation from `later` goes with it"
        );
        assert_eq!(then.relations[0].to.as_str(), "c2");
    }

    #[test]
    fn after_it_everything_stays_and_before_any_verdict_there_is_none() {
        let now = corpus().as_of("2025-05-13".parse().unwrap());
        assert_eq!(now, corpus());
        let early = corpus().as_of("2025-01-12".parse().unwrap());
        assert_eq!(early.claims[0].verdict, None);
        assert_eq!(early.relations.len(), 0);
        let none = corpus().as_of("2023".parse().unwrap());
        assert!(none.sources.is_empty());
        assert_eq!(ids(&none), ["c", "c2"]);
    }
}

//! From raw files to the typed model: ids become references, every problem is collected.
//!
//! Two passes. The first declares every id (reporting invalid and duplicate ones); the second
//! builds each item, checking every reference, keyword, date and number against it. An item
//! with a bad id is dropped; a bad value or reference is dropped from its item, which is kept,
//! so one mistake is reported once and does not cascade.

use rustc_hash::FxHashMap as HashMap;
use std::str::FromStr;

use super::file::{
    At, Pos, RawCitation, RawClaim, RawFile, RawRelation, RawSource, RawVerdict, RawVerdicts,
    Scalar,
};
use super::packed::Packed;
use super::{Code, Diagnostic, Location};
use crate::model::{
    Citation, Claim, Corpus, Date, FileId, Files, Id, Origin, Relation, RelationKind, Source,
    UnknownKeyword, Verdict,
};
use crate::suggest;

mod desk;

/// What a reference must point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Want {
    Claim,
    Source,
    Any,
}

impl Want {
    fn noun(self) -> &'static str {
        match self {
            Want::Claim => "claim",
            Want::Source => "source",
            Want::Any => "claim or source",
        }
    }
}

/// What an id was declared as, and where (a file and position rather than a [`Location`], so
/// the table holds no path per id). The [`Id`] is made once here, and every reference to it
/// is a clone: the corpus shares one copy of each id's text, and the graph can index ids by
/// that copy's address ([`Id::addr`]) without reading the text again.
#[derive(Debug, Clone)]
enum Declared {
    Claim(FileId, Pos, Id),
    Source(FileId, Pos, Id),
    /// Declared with an invalid id, or in an entry that could not be read: references to it
    /// are not reported again.
    Invalid,
}

/// Turns parsed files into a corpus, collecting every problem. Each file is unpacked when its
/// turn comes and dropped once resolved, so only one is ever held whole.
pub fn resolve(files: Files, mut packed: Vec<(FileId, Packed)>) -> (Corpus, Vec<Diagnostic>) {
    let mut r = Resolver {
        files: &files,
        diags: Vec::new(),
        table: HashMap::default(),
        claim_ids: Vec::new(),
        source_ids: Vec::new(),
    };
    let (mut sources, mut claims, mut relations) = (0, 0, 0);
    let mut broken = Vec::new();
    for (f, p) in &mut packed {
        let d = std::mem::take(&mut p.declarations);
        for (i, (id, at)) in d.ids().enumerate() {
            let want = if i < d.sources {
                Want::Source
            } else {
                Want::Claim
            };
            r.declare(*f, id, at, want);
        }
        (sources, claims, relations) = (
            sources + d.sources,
            claims + d.claims(),
            relations + d.relations,
        );
        broken.extend(d.broken);
    }
    for id in broken {
        r.table.entry(id).or_insert(Declared::Invalid);
    }
    // Sized up front: growing vectors of a million claims copies them and touches new pages.
    let mut corpus = Corpus::default();
    corpus.sources.reserve(sources);
    corpus.claims.reserve(claims);
    corpus.relations.reserve(relations);
    for_each_unpacked(packed, |f, raw| match raw {
        Ok(raw) => r.file(f, raw, &mut corpus),
        Err(e) => r.diags.push(unpack_failed(&files, f, &e)),
    });
    r.mixed_relations(&corpus.relations);
    let diags = r.diags;
    corpus.files = files;
    (corpus, diags)
}

/// How many files may wait unpacked for the resolver: enough to keep both threads busy, few
/// enough that memory holds a handful of parsed files, not the corpus.
const UNPACKED_AHEAD: usize = 2;

/// Calls `resolve` with each packed file unpacked, in order. The unpacking (about half of
/// resolving's time) runs on a thread of its own, a few files ahead of the resolver, which
/// must take the files one at a time and in order.
fn for_each_unpacked(
    packed: Vec<(FileId, Packed)>,
    mut resolve: impl FnMut(FileId, Result<RawFile, String>),
) {
    if packed.len() < 2 {
        return packed.into_iter().for_each(|(f, p)| resolve(f, p.unpack()));
    }
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(UNPACKED_AHEAD);
        scope.spawn(move || {
            for (f, p) in packed {
                if tx.send((f, p.unpack())).is_err() {
                    break;
                }
            }
        });
        rx.into_iter().for_each(|(f, raw)| resolve(f, raw));
    });
}

/// The error for a parsed file that could not be read back: a bug, reported rather than hidden.
fn unpack_failed(files: &Files, f: FileId, e: &str) -> Diagnostic {
    let path = files.path(f).unwrap_or_else(|| std::path::Path::new("?"));
    Diagnostic::error(
        Code::Io,
        Location::file(path),
        format!("internal error: the parsed file could not be read back ({e})"),
    )
    .with_hint("this is a bug in claimgraph; please report it with the file")
}

pub(super) struct Resolver<'a> {
    files: &'a Files,
    pub(super) diags: Vec<Diagnostic>,
    table: HashMap<String, Declared>,
    claim_ids: Vec<Id>,
    source_ids: Vec<Id>,
}

impl Resolver<'_> {
    pub(super) fn loc(&self, f: FileId, at: &Pos, len: usize) -> Location {
        let path = self
            .files
            .path(f)
            .unwrap_or_else(|| std::path::Path::new("?"));
        Location::at(path, at.line, at.column, len as u32)
    }

    pub(super) fn loc_of(&self, f: FileId, value: &At<String>) -> Location {
        self.loc(f, &value.referenced, value.value.chars().count())
    }

    pub(super) fn origin(f: FileId, at: &Pos) -> Origin {
        Origin {
            file: f,
            line: at.line,
            column: at.column,
        }
    }

    /// Resolves the items of one file into `corpus`.
    fn file(&mut self, f: FileId, raw: RawFile, corpus: &mut Corpus) {
        for s in raw.sources {
            // A duplicate is still checked, then left out.
            if let Some((source, true)) = self.source(f, s) {
                corpus.sources.push(source);
            }
        }
        for c in raw.claims {
            if let Some((claim, relations, true)) = self.claim(f, c) {
                corpus.claims.push(claim);
                corpus.relations.extend(relations);
            }
        }
        for rel in raw.relations {
            if let Some(rel) = self.relation(f, rel) {
                corpus.relations.push(rel);
            }
        }
        for view in raw.views {
            if let Some(view) = self.view(f, view, &corpus.views) {
                corpus.views.push(view);
            }
        }
    }

    fn declare(&mut self, f: FileId, value: &str, at: Pos, want: Want) {
        let valid = match Id::new(value) {
            Ok(valid) => valid,
            Err(e) => {
                let hint = Id::slugify(value).map(|s| format!("write it as `{s}`"));
                self.diags.push(
                    Diagnostic::error(
                        Code::InvalidId,
                        self.loc(f, &at, value.chars().count()),
                        format!("invalid id `{}`: {e}", value),
                    )
                    .with_hint_opt(hint),
                );
                self.table
                    .entry(value.to_string())
                    .or_insert(Declared::Invalid);
                return;
            }
        };
        match self.table.get(value) {
            Some(
                &(Declared::Claim(first_file, first, _) | Declared::Source(first_file, first, _)),
            ) => {
                let first = self.loc(first_file, &first, value.chars().count());
                let d = Diagnostic::error(
                    Code::DuplicateId,
                    self.loc(f, &at, value.chars().count()),
                    format!("duplicate id `{}`", value),
                )
                .with_related(first, "first defined here")
                .with_hint(
                    "ids must be unique across all files (claims and sources share one id space)",
                );
                self.diags.push(d);
            }
            _ => {
                let declared = if want == Want::Claim {
                    self.claim_ids.push(valid.clone());
                    Declared::Claim(f, at, valid)
                } else {
                    self.source_ids.push(valid.clone());
                    Declared::Source(f, at, valid)
                };
                self.table.insert(value.to_string(), declared);
            }
        }
    }

    /// The id of an item, and whether it is the one declared under that id (not a later
    /// duplicate). `None` for an invalid id.
    fn own_id(&self, f: FileId, id: &At<String>) -> Option<(Id, bool)> {
        match self.table.get(&id.value) {
            Some(Declared::Claim(file, at, own) | Declared::Source(file, at, own))
                if (*file, *at) == (f, id.referenced) =>
            {
                Some((own.clone(), true))
            }
            _ => Some((Id::new(&id.value).ok()?, false)),
        }
    }

    pub(super) fn reference(
        &mut self,
        f: FileId,
        value: &At<String>,
        want: Want,
        field: &str,
    ) -> Option<Id> {
        let (found, id) = match self.table.get(&value.value) {
            Some(Declared::Claim(_, _, id)) => (Want::Claim, id.clone()),
            Some(Declared::Source(_, _, id)) => (Want::Source, id.clone()),
            Some(Declared::Invalid) => return None,
            None => {
                let candidates: Box<dyn Iterator<Item = &Id>> = match want {
                    Want::Claim => Box::new(self.claim_ids.iter()),
                    Want::Source => Box::new(self.source_ids.iter()),
                    Want::Any => Box::new(self.claim_ids.iter().chain(&self.source_ids)),
                };
                let hint = suggest::hint(&value.value, candidates.map(Id::as_str));
                let msg = format!("unknown {} `{}` in `{field}`", want.noun(), value.value);
                let d = Diagnostic::error(Code::UnknownId, self.loc_of(f, value), msg)
                    .with_hint_opt(hint);
                self.diags.push(d);
                return None;
            }
        };
        if want != Want::Any && want != found {
            let msg = format!(
                "`{}` is a {}, but `{field}` must name a {}",
                value.value,
                found.noun(),
                want.noun()
            );
            let hint = match want {
                Want::Source => {
                    "speakers, citations and reviewers are sources: define it under `sources:`"
                }
                _ => {
                    "`supports` and `contradicts` link claims to claims; a source backs a claim through the claim's `sources`"
                }
            };
            self.diags.push(
                Diagnostic::error(Code::WrongKind, self.loc_of(f, value), msg).with_hint(hint),
            );
            return None;
        }
        Some(id)
    }

    fn references(&mut self, f: FileId, values: &[At<String>], want: Want, field: &str) -> Vec<Id> {
        // Sized to what was written: collecting a filter starts at four places, which for the
        // one or two references a claim usually has wastes more than it holds.
        let mut ids = Vec::with_capacity(values.len());
        ids.extend(
            values
                .iter()
                .filter_map(|v| self.reference(f, v, want, field)),
        );
        ids
    }

    fn unit(&mut self, f: FileId, value: Option<At<f64>>, field: &str) -> Option<f64> {
        let value = value?;
        if (0.0..=1.0).contains(&value.value) {
            return Some(value.value);
        }
        let loc = self.loc(f, &value.referenced, value.value.to_string().len());
        let msg = format!("`{field}` must be between 0 and 1, found {}", value.value);
        self.diags.push(
            Diagnostic::error(Code::OutOfRange, loc, msg)
                .with_hint("write a number from 0 to 1, e.g. 0.7"),
        );
        None
    }

    fn date(&mut self, f: FileId, value: Option<At<Scalar>>, field: &str) -> Option<Date> {
        let value = value?;
        match Date::from_str(&value.value.0) {
            Ok(d) => Some(d),
            Err(e) => {
                let loc = self.loc(f, &value.referenced, value.value.0.chars().count());
                let msg = format!("invalid date `{}` in `{field}`: {e}", value.value.0);
                self.diags.push(
                    Diagnostic::error(Code::InvalidDate, loc, msg)
                        .with_hint("for example 2025, 2025-01 or 2025-01-20"),
                );
                None
            }
        }
    }

    pub(super) fn keyword<T: FromStr<Err = UnknownKeyword>>(
        &mut self,
        f: FileId,
        value: &At<Scalar>,
        field: &str,
    ) -> Option<T> {
        match T::from_str(&value.value.0) {
            Ok(k) => Some(k),
            Err(e) => {
                let loc = self.loc(f, &value.referenced, value.value.0.chars().count());
                let hint = suggest::hint(&value.value.0, e.expected.iter().copied())
                    .unwrap_or_else(|| {
                        format!(
                            "use one of {}",
                            crate::model::keyword::expected_list(e.expected)
                        )
                    });
                let msg = format!("unknown {field} `{}`", value.value.0);
                self.diags
                    .push(Diagnostic::error(Code::UnknownKeyword, loc, msg).with_hint(hint));
                None
            }
        }
    }

    fn source(&mut self, f: FileId, s: RawSource) -> Option<(Source, bool)> {
        let (id, primary) = self.own_id(f, &s.id)?;
        let kind = s
            .kind
            .as_ref()
            .and_then(|k| self.keyword(f, k, "source kind"));
        let part_of = s
            .part_of
            .as_ref()
            .and_then(|p| self.self_ref(f, p, &id, "part_of", Want::Source));
        let archive = self.archive(f, s.archive, s.sha256);
        let source = Source {
            archive,
            retrieved: self.date(f, s.retrieved, "retrieved"),
            kind,
            description: s.description,
            url: s.url,
            date: self.date(f, s.date, "date"),
            reliability: self.unit(f, s.reliability, "reliability"),
            part_of,
            origin: Self::origin(f, &s.id.referenced),
            name: s.name,
            id,
        };
        Some((source, primary))
    }

    /// A reference that must not name the item holding it.
    fn self_ref(
        &mut self,
        f: FileId,
        value: &At<String>,
        own: &Id,
        field: &str,
        want: Want,
    ) -> Option<Id> {
        if value.value == own.as_str() {
            let verb = match field {
                "supports" => "support itself",
                "contradicts" => "contradict itself",
                "part_of" => "be part of itself",
                _ => "refer to itself",
            };
            let msg = format!("`{own}` cannot {verb}");
            self.diags.push(Diagnostic::error(
                Code::SelfRelation,
                self.loc_of(f, value),
                msg,
            ));
            return None;
        }
        self.reference(f, value, want, field)
    }

    fn claim(&mut self, f: FileId, c: RawClaim) -> Option<(Claim, Vec<Relation>, bool)> {
        let (id, primary) = self.own_id(f, &c.id)?;
        let origin = Self::origin(f, &c.id.referenced);
        let by =
            c.by.as_ref()
                .and_then(|b| self.reference(f, b, Want::Source, "by"));
        let mut sources = Vec::with_capacity(c.sources.len());
        sources.extend(c.sources.iter().filter_map(|cit| self.citation(f, cit)));
        let (verdict, history) = match c.verdict {
            Some(RawVerdicts::One(v)) => (self.verdict(f, v), Vec::new()),
            Some(RawVerdicts::Many(list)) => self.history(f, &c.id, list),
            None => (None, Vec::new()),
        };
        let mut relations = Vec::new();
        for (targets, kind) in [
            (&c.supports, RelationKind::Supports),
            (&c.contradicts, RelationKind::Contradicts),
        ] {
            for target in targets {
                if let Some(to) = self.self_ref(f, target, &id, kind.as_str(), Want::Claim) {
                    let mut rel = Relation::new(id.clone(), to, kind);
                    rel.origin = Self::origin(f, &target.referenced);
                    relations.push(rel);
                }
            }
        }
        let claim = Claim {
            text: c.text,
            by,
            sources,
            date: self.date(f, c.date, "date"),
            tags: c.tags,
            confidence: self.unit(f, c.confidence, "confidence"),
            verdict,
            history,
            origin,
            id,
        };
        if c.by.is_none() && c.sources.is_empty() {
            let loc = self.loc_of(f, &c.id);
            let msg = format!("claim `{}` has no `by` and no `sources`", claim.id);
            let hint =
                "say who made the claim (`by: SOURCE`) or where it appears (`sources: [SOURCE]`)";
            self.diags
                .push(Diagnostic::warning(Code::Unattributed, loc, msg).with_hint(hint));
        }
        Some((claim, relations, primary))
    }

    fn citation(&mut self, f: FileId, cit: &At<RawCitation>) -> Option<Citation> {
        match &cit.value {
            RawCitation::Short(id) => {
                let spanned = At {
                    value: id.clone(),
                    referenced: cit.referenced,
                };
                self.reference(f, &spanned, Want::Source, "sources")
                    .map(Citation::new)
            }
            RawCitation::Long {
                source,
                quote,
                locator,
            } => {
                let source = self.reference(f, source, Want::Source, "sources")?;
                let origin = |v: &Option<At<String>>| {
                    v.as_ref()
                        .map_or(Origin::default(), |v| Self::origin(f, &v.referenced))
                };
                Some(Citation {
                    source,
                    quote_origin: origin(quote),
                    locator_origin: origin(locator),
                    quote: quote.as_ref().map(|q| q.value.clone()),
                    locator: locator.as_ref().map(|l| l.value.clone()),
                })
            }
        }
    }

    fn verdict(&mut self, f: FileId, v: RawVerdict) -> Option<Verdict> {
        let rating = self.keyword(f, &v.rating, "rating");
        let by =
            v.by.as_ref()
                .and_then(|b| self.reference(f, b, Want::Source, "verdict.by"));
        let evidence = self.references(f, &v.evidence, Want::Any, "verdict.evidence");
        let date = self.date(f, v.date, "verdict.date");
        Some(Verdict {
            rating: rating?,
            by,
            date,
            note: v.note,
            evidence,
        })
    }

    fn relation(&mut self, f: FileId, rel: RawRelation) -> Option<Relation> {
        let kind = self.keyword::<RelationKind>(f, &rel.kind, "relation kind");
        let from = self.reference(f, &rel.from, Want::Claim, "from");
        let to = if rel.from.value == rel.to.value {
            let verb = match kind {
                Some(RelationKind::Supports) => "support",
                Some(RelationKind::Contradicts) => "contradict",
                None => "relate to",
            };
            let msg = format!("`{}` cannot {verb} itself", rel.from.value);
            self.diags.push(Diagnostic::error(
                Code::SelfRelation,
                self.loc_of(f, &rel.to),
                msg,
            ));
            None
        } else {
            self.reference(f, &rel.to, Want::Claim, "to")
        };
        let strength = self.unit(f, rel.strength, "strength");
        let sources = self.references(f, &rel.sources, Want::Source, "sources");
        let date = self.date(f, rel.date, "date");
        Some(Relation {
            from: from?,
            to: to?,
            kind: kind?,
            strength,
            note: rel.note,
            sources,
            date,
            origin: Self::origin(f, &rel.from.referenced),
        })
    }

    /// Warns when a claim both supports and contradicts the same claim.
    fn mixed_relations(&mut self, relations: &[Relation]) {
        // Keyed by the ids' addresses: every id in `relations` is a clone of the one declared.
        let mut first: HashMap<(usize, usize), &Relation> = HashMap::default();
        first.reserve(relations.len());
        for rel in relations {
            match first.get(&(rel.from.addr(), rel.to.addr())) {
                Some(prev) if prev.kind != rel.kind => {
                    let msg = format!("`{}` both supports and contradicts `{}`", rel.from, rel.to);
                    let d = Diagnostic::warning(Code::MixedRelation, self.origin_loc(rel.origin, rel.to.as_str().len()), msg)
                        .with_related(self.origin_loc(prev.origin, prev.to.as_str().len()), format!("{} written here", prev.kind))
                        .with_hint("keep the one you mean, or split the claim into the part that supports and the part that contradicts");
                    self.diags.push(d);
                }
                Some(_) => {}
                None => {
                    first.insert((rel.from.addr(), rel.to.addr()), rel);
                }
            }
        }
    }

    fn origin_loc(&self, o: Origin, len: usize) -> Location {
        let path = self
            .files
            .path(o.file)
            .unwrap_or_else(|| std::path::Path::new("?"));
        Location::at(path, o.line, o.column, len as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packed(id: &str) -> Packed {
        let yaml = format!("claims:\n  - id: {id}\n    text: T.\n");
        let path = std::path::Path::new("a.yaml");
        let (raw, _) = super::super::parse::parse(path, yaml.as_bytes());
        Packed::new(raw.unwrap_or_default())
    }

    #[test]
    fn files_reach_the_resolver_unpacked_and_in_order() {
        let files: Vec<_> = (0..40)
            .map(|i| (FileId(i), packed(&format!("c{i}"))))
            .collect();
        let mut seen = Vec::new();
        for_each_unpacked(files, |f, raw| {
            let claims = raw.map(|r| r.claims.iter().map(|c| c.id.value.clone()).collect());
            seen.push((f.0, claims));
        });
        let want: Vec<(u32, Result<Vec<String>, String>)> =
            (0..40).map(|i| (i, Ok(vec![format!("c{i}")]))).collect();
        assert_eq!(seen, want);
    }
}

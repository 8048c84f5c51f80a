//! From raw files to the typed model: ids become references, every problem is collected.
//!
//! Two passes. The first declares every id (reporting invalid and duplicate ones); the second
//! builds each item, checking every reference, keyword, date and number against it. An item
//! with a bad id is dropped; a bad value or reference is dropped from its item, which is kept,
//! so one mistake is reported once and does not cascade.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::str::FromStr;

use super::file::{
    At, Pos, RawCitation, RawClaim, RawFile, RawRelation, RawSource, RawVerdict, RawVerdicts,
    RawView, Scalar,
};
use super::packed::Packed;
use super::{Code, Diagnostic, Location};
use crate::model::{
    Citation, Claim, Corpus, Date, FileId, Files, Id, Origin, Relation, RelationKind, Source,
    UnknownKeyword, Verdict,
};
use crate::suggest;

mod declare;
mod desk;

use declare::Table;

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

/// Turns parsed files into a corpus, collecting every problem. Every id is declared first
/// (a reference may name an id of a later file); then the files are resolved a few at a time
/// on every core, each unpacked when its turn comes and dropped once resolved, and their
/// items appended in file order.
pub fn resolve(files: Files, mut packed: Vec<(FileId, Packed)>) -> (Corpus, Vec<Diagnostic>) {
    let (table, mut diags, counts) = declare::declare_all(&files, &mut packed);
    // Sized up front: growing vectors of a million claims copies them and touches new pages.
    let mut corpus = Corpus::default();
    corpus.sources.reserve(counts.sources);
    corpus.claims.reserve(counts.claims);
    corpus.relations.reserve(counts.relations);
    let mut views = Vec::new();
    for_each_resolved(packed, &files, &table, |part| {
        corpus.sources.extend(part.sources);
        corpus.claims.extend(part.claims);
        corpus.relations.extend(part.relations);
        views.extend(part.views);
        diags.extend(part.diags);
    });
    // Views come last and in order: a view's name is checked against the earlier ones.
    let mut r = Resolver::new(&files, &table);
    for (f, view) in views {
        if let Some(view) = r.view(f, view, &corpus.views) {
            corpus.views.push(view);
        }
    }
    r.mixed_relations(&corpus.relations);
    diags.append(&mut r.diags);
    corpus.files = files;
    (corpus, diags)
}

/// What one file resolves to, views still unresolved.
#[derive(Default)]
struct Part {
    sources: Vec<Source>,
    claims: Vec<Claim>,
    relations: Vec<Relation>,
    views: Vec<(FileId, RawView)>,
    diags: Vec<Diagnostic>,
}

/// How many files are resolved at once: enough to keep every core busy, few enough that
/// memory holds a handful of parsed files and their items twice, not the corpus.
const AT_ONCE: usize = 8;

/// Unpacks and resolves the files `AT_ONCE` at a time in parallel, and hands each file's
/// [`Part`] to `sink` in file order.
fn for_each_resolved(
    packed: Vec<(FileId, Packed)>,
    files: &Files,
    table: &Table,
    mut sink: impl FnMut(Part),
) {
    let mut packed = packed.into_iter();
    loop {
        let batch: Vec<(FileId, Packed)> = packed.by_ref().take(AT_ONCE).collect();
        if batch.is_empty() {
            return;
        }
        let parts: Vec<Part> = batch
            .into_par_iter()
            .map(|(f, p)| {
                let mut r = Resolver::new(files, table);
                let mut part = match p.unpack() {
                    Ok(raw) => r.file(f, raw),
                    Err(e) => Part {
                        diags: vec![unpack_failed(files, f, &e)],
                        ..Part::default()
                    },
                };
                part.diags.append(&mut r.diags);
                part
            })
            .collect();
        parts.into_iter().for_each(&mut sink);
    }
}

/// The error for a parsed file that could not be read back: a bug, reported rather than hidden.
fn unpack_failed(files: &Files, f: FileId, e: &str) -> Diagnostic {
    Diagnostic::error(
        Code::Io,
        Location::file(path_of(files, f)),
        format!("internal error: the parsed file could not be read back ({e})"),
    )
    .with_hint("this is a bug in claimgraph; please report it with the file")
}

pub(super) struct Resolver<'a> {
    files: &'a Files,
    pub(super) diags: Vec<Diagnostic>,
    table: &'a Table,
}

/// The path of file `f`, or `?` for a file the corpus does not know (a bug, still located).
fn path_of(files: &Files, f: FileId) -> &std::path::Path {
    files.path(f).unwrap_or_else(|| std::path::Path::new("?"))
}

/// Where `len` characters at `at` in file `f` are.
fn location(files: &Files, f: FileId, at: &Pos, len: usize) -> Location {
    Location::at(path_of(files, f), at.line, at.column, len as u32)
}

impl<'a> Resolver<'a> {
    fn new(files: &'a Files, table: &'a Table) -> Resolver<'a> {
        Resolver {
            files,
            diags: Vec::new(),
            table,
        }
    }

    pub(super) fn loc(&self, f: FileId, at: &Pos, len: usize) -> Location {
        location(self.files, f, at, len)
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

    /// Resolves the items of one file; its views are left for [`resolve`] to take in order.
    fn file(&mut self, f: FileId, raw: RawFile) -> Part {
        let mut part = Part::default();
        for s in raw.sources {
            // A duplicate is still checked, then left out.
            if let Some((source, true)) = self.source(f, s) {
                part.sources.push(source);
            }
        }
        for c in raw.claims {
            if let Some((claim, relations, true)) = self.claim(f, c) {
                part.claims.push(claim);
                part.relations.extend(relations);
            }
        }
        for rel in raw.relations {
            if let Some(rel) = self.relation(f, rel) {
                part.relations.push(rel);
            }
        }
        part.views = raw.views.into_iter().map(|v| (f, v)).collect();
        part
    }

    /// The id of an item, and whether it is the one declared under that id (not a later
    /// duplicate). `None` for an invalid id.
    fn own_id(&self, f: FileId, id: &At<String>) -> Option<(Id, bool)> {
        match self.table.ids.get(&id.value) {
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
        let (found, id) = match self.table.ids.get(&value.value) {
            Some(Declared::Claim(_, _, id)) => (Want::Claim, id.clone()),
            Some(Declared::Source(_, _, id)) => (Want::Source, id.clone()),
            Some(Declared::Invalid) => return None,
            None => {
                let candidates: Box<dyn Iterator<Item = &Id>> = match want {
                    Want::Claim => Box::new(self.table.claim_ids.iter()),
                    Want::Source => Box::new(self.table.source_ids.iter()),
                    Want::Any => {
                        Box::new(self.table.claim_ids.iter().chain(&self.table.source_ids))
                    }
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
        Location::at(path_of(self.files, o.file), o.line, o.column, len as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packed(yaml: &str, hold: crate::load::packed::Hold) -> Packed {
        let path = std::path::Path::new("a.yaml");
        let (raw, diags) = super::super::parse::parse(path, yaml.as_bytes());
        assert!(diags.is_empty(), "{diags:?}");
        Packed::hold(raw.unwrap_or_default(), hold)
    }

    /// File `i` declares claim `c{i}`, which supports `c{i+1}` (a later file's) and, in file
    /// 17, an id that is nowhere; files 3 and 30 both define the view `v`.
    fn corpus_of(n: u32) -> (Files, Vec<(FileId, Packed)>) {
        use crate::load::packed::Hold;
        let mut files = Files::default();
        let packed = (0..n)
            .map(|i| {
                let f = files.push(format!("f{i:02}.yaml").into());
                let target = if i == 17 {
                    "gone".to_string()
                } else {
                    format!("c{}", (i + 1) % n)
                };
                let mut yaml =
                    format!("claims:\n  - id: c{i}\n    text: T.\n    supports: [{target}]\n");
                if i == 3 || i == 30 {
                    yaml.push_str("views:\n  - name: v\n    select: {tags: [x]}\n");
                }
                let hold = if i % 2 == 0 {
                    Hold::Encoded
                } else {
                    Hold::AsParsed
                };
                (f, packed(&yaml, hold))
            })
            .collect();
        (files, packed)
    }

    #[test]
    fn files_resolved_in_parallel_come_out_in_file_order() {
        let (files, packed) = corpus_of(40);
        let (corpus, diags) = resolve(files, packed);
        let claims: Vec<String> = corpus.claims.iter().map(|c| c.id.to_string()).collect();
        let want: Vec<String> = (0..40).map(|i| format!("c{i}")).collect();
        assert_eq!(claims, want);
        let relations: Vec<(String, String)> = corpus
            .relations
            .iter()
            .map(|r| (r.from.to_string(), r.to.to_string()))
            .collect();
        let want: Vec<(String, String)> = (0..40)
            .filter(|&i| i != 17)
            .map(|i| (format!("c{i}"), format!("c{}", (i + 1) % 40)))
            .collect();
        assert_eq!(relations, want);
        assert_eq!(corpus.views.len(), 1);
        assert_eq!(corpus.views[0].origin.file, FileId(3));
        let mut found: Vec<(Code, String)> = diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| (d.code, d.location.file.display().to_string()))
            .collect();
        found.sort();
        let want = [
            (Code::UnknownId, "f17.yaml".to_string()),
            (Code::DuplicateId, "f30.yaml".to_string()),
        ];
        let mut want = want.to_vec();
        want.sort();
        assert_eq!(found, want, "{diags:?}");
    }
}

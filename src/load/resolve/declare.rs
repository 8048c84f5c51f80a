//! The first pass of resolving: every id of every file declared in one table, before any
//! reference is looked up (a reference may name an id declared in a later file). Invalid and
//! duplicate ids are reported here, once, at their declaration.

use rustc_hash::FxHashMap as HashMap;

use super::{Declared, Want, location};
use crate::load::file::Pos;
use crate::load::packed::Packed;
use crate::load::{Code, Diagnostic};
use crate::model::{FileId, Files, Id};

/// Every declared id, read (never written) by the second pass on every core.
#[derive(Debug, Default)]
pub struct Table {
    /// What each id was declared as.
    pub ids: HashMap<String, Declared>,
    /// The valid claim ids, in declaration order (for "did you mean").
    pub claim_ids: Vec<Id>,
    /// The valid source ids, in declaration order.
    pub source_ids: Vec<Id>,
}

/// How many items the files declare, to size the corpus up front.
#[derive(Debug, Default)]
pub struct Counts {
    pub sources: usize,
    pub claims: usize,
    pub relations: usize,
}

/// Declares the ids of every file in `packed`, in order, taking each file's declarations.
pub fn declare_all(
    files: &Files,
    packed: &mut [(FileId, Packed)],
) -> (Table, Vec<Diagnostic>, Counts) {
    let counts = packed.iter().fold(Counts::default(), |c, (_, p)| {
        let d = &p.declarations;
        Counts {
            sources: c.sources + d.sources,
            claims: c.claims + d.claims(),
            relations: c.relations + d.relations,
        }
    });
    // Sized up front: growing a table of a million ids rehashes (and rereads) every key again
    // at each doubling.
    let mut table = Table {
        ids: HashMap::with_capacity_and_hasher(counts.sources + counts.claims, Default::default()),
        claim_ids: Vec::with_capacity(counts.claims),
        source_ids: Vec::with_capacity(counts.sources),
    };
    let mut diags = Vec::new();
    let mut broken = Vec::new();
    for (f, p) in packed {
        let d = std::mem::take(&mut p.declarations);
        for (i, (id, at)) in d.ids().enumerate() {
            let want = if i < d.sources {
                Want::Source
            } else {
                Want::Claim
            };
            if let Some(diag) = table.declare(files, *f, id, at, want) {
                diags.push(diag);
            }
        }
        broken.extend(d.broken);
    }
    for id in broken {
        table.ids.entry(id).or_insert(Declared::Invalid);
    }
    (table, diags, counts)
}

impl Table {
    /// Declares `value`, written at `at` in file `f`; the error, for an invalid or duplicate
    /// id.
    fn declare(
        &mut self,
        files: &Files,
        f: FileId,
        value: &str,
        at: Pos,
        want: Want,
    ) -> Option<Diagnostic> {
        let len = value.chars().count();
        let valid = match Id::new(value) {
            Ok(valid) => valid,
            Err(e) => {
                let hint = Id::slugify(value).map(|s| format!("write it as `{s}`"));
                self.ids
                    .entry(value.to_string())
                    .or_insert(Declared::Invalid);
                let msg = format!("invalid id `{value}`: {e}");
                let at = location(files, f, &at, len);
                return Some(Diagnostic::error(Code::InvalidId, at, msg).with_hint_opt(hint));
            }
        };
        if let Some(
            &(Declared::Claim(first_file, first, _) | Declared::Source(first_file, first, _)),
        ) = self.ids.get(value)
        {
            let first = location(files, first_file, &first, len);
            let d = Diagnostic::error(
                Code::DuplicateId,
                location(files, f, &at, len),
                format!("duplicate id `{value}`"),
            )
            .with_related(first, "first defined here")
            .with_hint(
                "ids must be unique across all files (claims and sources share one id space)",
            );
            return Some(d);
        }
        let declared = if want == Want::Claim {
            self.claim_ids.push(valid.clone());
            Declared::Claim(f, at, valid)
        } else {
            self.source_ids.push(valid.clone());
            Declared::Source(f, at, valid)
        };
        self.ids.insert(value.to_string(), declared);
        None
    }
}

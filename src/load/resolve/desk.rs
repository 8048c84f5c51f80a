//! The fields of the fact-checker's desk, resolved: a source's archive and its hash, and a
//! verdict history.
//!
//! Only what a single file can show is checked here (a hash's shape, an undated or
//! out-of-order verdict); reading the archive and matching quotes waits for `check`
//! ([`crate::desk`]), so loading stays free of I/O beyond the claim files.

use super::Resolver;
use crate::load::file::{At, RawVerdict};
use crate::load::{Code, Diagnostic};
use crate::model::{Archive, Date, FileId, Verdict};

impl Resolver<'_> {
    /// The archive of a source, with its hash when that is well formed.
    pub(super) fn archive(
        &mut self,
        f: FileId,
        path: Option<At<String>>,
        sha256: Option<At<String>>,
    ) -> Option<Archive> {
        let sha256 = sha256.filter(|h| self.well_formed_hash(f, h, path.is_some()));
        let path = path?;
        Some(Archive {
            origin: Self::origin(f, &path.referenced),
            sha256_origin: sha256
                .as_ref()
                .map(|h| Self::origin(f, &h.referenced))
                .unwrap_or_default(),
            sha256: sha256.map(|h| h.value.to_ascii_lowercase()),
            path: path.value,
        })
    }

    fn well_formed_hash(&mut self, f: FileId, hash: &At<String>, has_archive: bool) -> bool {
        let loc = self.loc_of(f, hash);
        let problem = if !has_archive {
            "`sha256` is given without an `archive` to check it against"
        } else if hash.value.len() != 64 || !hash.value.bytes().all(|b| b.is_ascii_hexdigit()) {
            "`sha256` must be 64 hexadecimal digits"
        } else {
            return true;
        };
        let hint = "write the output of `sha256sum ARCHIVE` next to `archive: ARCHIVE`";
        self.diags
            .push(Diagnostic::error(Code::InvalidSha256, loc, problem).with_hint(hint));
        false
    }

    /// A verdict history: every entry dated, oldest first. Returns the current (last) verdict
    /// and the earlier ones; an undated entry is reported and left out, and so is one dated
    /// before the entry above it.
    pub(super) fn history(
        &mut self,
        f: FileId,
        claim: &At<String>,
        list: Vec<At<RawVerdict>>,
    ) -> (Option<Verdict>, Vec<Verdict>) {
        let mut kept: Vec<Verdict> = Vec::with_capacity(list.len());
        let mut last: Option<(Date, At<String>)> = None;
        for (i, entry) in list.into_iter().enumerate() {
            let date_at = entry.value.date.as_ref().map(|d| At {
                value: d.value.0.clone(),
                referenced: d.referenced,
            });
            let Some(verdict) = self.verdict(f, entry.value) else {
                continue;
            };
            let (Some(date), Some(date_at)) = (verdict.date, date_at.clone()) else {
                if date_at.is_none() {
                    self.undated(f, claim, i, &entry.referenced);
                }
                continue;
            };
            if let Some((prev, prev_at)) = &last
                && date < *prev
            {
                self.out_of_order(f, claim, &date_at, prev_at);
                continue;
            }
            last = Some((date, date_at));
            kept.push(verdict);
        }
        let current = kept.pop();
        (current, kept)
    }

    fn undated(&mut self, f: FileId, claim: &At<String>, i: usize, at: &super::Pos) {
        let msg = format!(
            "verdict {} in the history of `{}` has no `date`",
            i + 1,
            claim.value
        );
        let hint = "in a list of verdicts each entry needs a `date` (from when the rating holds), oldest first";
        self.diags
            .push(Diagnostic::error(Code::MissingField, self.loc(f, at, 1), msg).with_hint(hint));
    }

    fn out_of_order(
        &mut self,
        f: FileId,
        claim: &At<String>,
        date: &At<String>,
        prev: &At<String>,
    ) {
        let msg = format!(
            "the verdicts of `{}` are out of order: {} comes after {}",
            claim.value, date.value, prev.value
        );
        let hint = "list the verdicts oldest first; the last one is the current verdict";
        self.diags.push(
            Diagnostic::error(Code::VerdictOrder, self.loc_of(f, date), msg)
                .with_related(self.loc_of(f, prev), "the entry above is dated here")
                .with_hint(hint),
        );
    }
}

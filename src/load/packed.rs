//! A parsed file kept small between parsing and resolving.
//!
//! Resolving a file needs every id of every file declared first (a reference may name an id
//! declared in a later file), so all files are parsed before the first is resolved. Kept as
//! [`RawFile`]s, a million claims take over a gigabyte: every id and reference is its own
//! `String` with a position, in the parsing threads' heaps, where the main thread cannot reuse
//! the memory once they are freed. So each file is packed where it was parsed: the ids it
//! declares are kept apart (what the first pass of resolving reads), the rest is encoded in
//! the load cache's compact binary form (one buffer, about a third of the size), and the
//! resolver unpacks one file at a time and drops it before the next.

use super::file::{Pos, RawFile};

/// What the first pass of resolving needs from a file: the ids it declares, and how many
/// items the corpus will get from it (to size the corpus up front). The ids are kept end to
/// end in one string, a few bytes each rather than a `String` and its allocation.
#[derive(Debug, Default, Clone)]
pub struct Declarations {
    /// The declared ids, sources first, then claims.
    text: String,
    /// Where each id ends in `text`, and where it was written.
    ends: Vec<(u32, Pos)>,
    /// How many of the ids are sources' (the first ones).
    pub sources: usize,
    /// Ids of entries that could not be read ([`RawFile::broken`]).
    pub broken: Vec<String>,
    /// Relations written in it: under `relations:`, and in its claims' `supports` and
    /// `contradicts`.
    pub relations: usize,
}

impl Declarations {
    fn new(raw: &RawFile) -> Declarations {
        let ids = || {
            let sources = raw.sources.iter().map(|s| &s.id);
            sources.chain(raw.claims.iter().map(|c| &c.id))
        };
        let mut text = String::with_capacity(ids().map(|id| id.value.len()).sum());
        let mut ends = Vec::with_capacity(raw.sources.len() + raw.claims.len());
        for id in ids() {
            text.push_str(&id.value);
            ends.push((u32::try_from(text.len()).unwrap_or(u32::MAX), id.referenced));
        }
        Declarations {
            text,
            ends,
            sources: raw.sources.len(),
            broken: raw.broken.clone(),
            relations: raw.relations.len()
                + raw
                    .claims
                    .iter()
                    .map(|c| c.supports.len() + c.contradicts.len())
                    .sum::<usize>(),
        }
    }

    /// The declared ids with their positions: the sources', then the claims'.
    pub fn ids(&self) -> impl Iterator<Item = (&str, Pos)> {
        let starts = std::iter::once(0).chain(self.ends.iter().map(|&(end, _)| end));
        starts.zip(&self.ends).map(|(start, &(end, at))| {
            let id = self
                .text
                .get(start as usize..end as usize)
                .unwrap_or_default();
            (id, at)
        })
    }

    /// How many of the ids are claims'.
    pub fn claims(&self) -> usize {
        self.ends.len() - self.sources
    }
}

/// A parsed file: its declarations, and the whole file encoded.
#[derive(Debug)]
pub struct Packed {
    /// The ids it declares.
    pub declarations: Declarations,
    body: Body,
}

#[derive(Debug)]
enum Body {
    /// The file in the cache's binary form (without `broken`, which the declarations keep).
    Encoded(Vec<u8>),
    /// The file as parsed, when it could not be encoded.
    Plain(RawFile),
}

/// How a parsed file waits for the resolver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// Encoded: a third of the size, for large corpora, and the bytes the load cache and
    /// `diff`'s reuse store.
    Encoded,
    /// As parsed: no encoding now and no decoding later, when memory is not the concern.
    AsParsed,
}

impl Packed {
    /// Keeps a parsed file as `hold` says.
    pub fn hold(raw: RawFile, hold: Hold) -> Packed {
        match hold {
            Hold::Encoded => Packed::new(raw),
            Hold::AsParsed => Packed {
                declarations: Declarations::new(&raw),
                body: Body::Plain(raw),
            },
        }
    }

    /// Packs a parsed file.
    pub fn new(raw: RawFile) -> Packed {
        let declarations = Declarations::new(&raw);
        let body = match postcard::to_allocvec(&raw) {
            Ok(mut bytes) => {
                bytes.shrink_to_fit();
                Body::Encoded(bytes)
            }
            Err(_) => Body::Plain(raw),
        };
        Packed { declarations, body }
    }

    /// A copy, when the file is held encoded (a copy of the bytes, not a parse); `None` for a
    /// file held as parsed.
    pub fn try_clone(&self) -> Option<Packed> {
        let bytes = self.encoded()?.to_vec();
        Some(Packed {
            declarations: self.declarations.clone(),
            body: Body::Encoded(bytes),
        })
    }

    /// The file in the load cache's binary form, or `None` when it is not held encoded.
    pub fn encoded(&self) -> Option<&[u8]> {
        match &self.body {
            Body::Encoded(bytes) => Some(bytes),
            Body::Plain(_) => None,
        }
    }

    /// The file as parsed (with [`RawFile::broken`] left empty: the declarations hold it).
    ///
    /// # Errors
    /// The decoder's message, when the bytes do not decode: bytes this module encoded always
    /// do, so that is a bug.
    pub fn unpack(self) -> Result<RawFile, String> {
        match self.body {
            Body::Encoded(bytes) => postcard::from_bytes(&bytes).map_err(|e| e.to_string()),
            Body::Plain(raw) => Ok(raw),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_file_unpacks_to_what_was_parsed() {
        let yaml = "sources:\n  - id: x\n    name: X\n    kind: person\nclaims:\n  - id: a\n    text: A.\n    by: x\n    sources: [x, {source: x, quote: q}]\n    date: 2025\n    supports: [b]\n    contradicts: [c]\n  - id: b\n    text: B.\nrelations:\n  - {from: b, to: a, kind: contradicts}\n";
        // The desk's fields (archive, a verdict history, a relation date) travel too.
        let yaml = yaml.replace("    kind: person\n", "    kind: person\n    archive: x.txt\n    retrieved: 2025-01\n    sha256: ab\n")
            .replace("    text: B.\n", "    text: B.\n    verdict:\n      - {rating: true, date: 2025}\n      - {rating: false, date: 2026}\n")
            .replace("kind: contradicts}", "kind: contradicts, date: 2025-02}");
        let yaml = yaml.as_str();
        let (raw, diags) = super::super::parse::parse(Path::new("a.yaml"), yaml.as_bytes());
        assert!(diags.is_empty(), "{diags:?}");
        let raw = raw.unwrap();
        let before = format!("{raw:?}");
        let packed = Packed::new(raw);
        let d = &packed.declarations;
        let pos = |line, column| Pos { line, column };
        let ids: Vec<_> = d.ids().collect();
        assert_eq!(ids, [("x", pos(2, 9)), ("a", pos(9, 9)), ("b", pos(16, 9))]);
        assert_eq!((d.sources, d.claims()), (1, 2));
        assert_eq!(packed.declarations.relations, 3);
        assert!(packed.encoded().is_some());
        assert_eq!(format!("{:?}", packed.unpack().unwrap()), before);
    }

    #[test]
    fn a_file_held_as_parsed_is_not_encoded_and_unpacks_the_same() {
        let yaml = "claims:\n  - id: a\n    text: A.\n    supports: [b]\n  - id: b\n    text: B.\n";
        let (raw, _) = super::super::parse::parse(Path::new("a.yaml"), yaml.as_bytes());
        let raw = raw.unwrap();
        let before = format!("{raw:?}");
        let held = Packed::hold(raw, Hold::AsParsed);
        assert!(held.encoded().is_none());
        assert_eq!(held.declarations.ids().count(), 2);
        assert_eq!(held.declarations.relations, 1);
        assert_eq!(format!("{:?}", held.unpack().unwrap()), before);
    }

    #[test]
    fn broken_ids_are_declared_and_not_encoded() {
        let raw = RawFile {
            broken: vec!["gone".to_string()],
            ..RawFile::default()
        };
        let packed = Packed::new(raw);
        assert_eq!(packed.declarations.broken, ["gone"]);
        assert!(packed.unpack().unwrap().broken.is_empty());
    }
}

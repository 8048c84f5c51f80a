//! A deterministic synthetic corpus for benchmarks: format-v1 claim files, and the same graph
//! as Argdown, so claimgraph and Argdown can be measured on identical input.
//!
//! Shape per claim, on average: two `supports` (always to an earlier claim, so supports never
//! form a cycle), half a `contradicts` (to any other claim, never one it also supports), a
//! verdict on one claim in ten; about one source per twenty claims. Claims are spread over
//! files of [`CLAIMS_PER_FILE`] claims, each file also holding its share of the sources.
//! The same `n` and `seed` always give byte-identical output.

use std::fmt::Write as _;
use std::path::Path;

/// Claims per file.
pub const CLAIMS_PER_FILE: usize = 500;

const WORDS: &[&str] = &[
    "compute",
    "model",
    "training",
    "export",
    "chips",
    "firms",
    "china",
    "research",
    "open",
    "closed",
    "efficiency",
    "data",
    "costs",
    "labs",
    "policy",
    "growth",
    "talent",
    "market",
    "energy",
    "safety",
    "benchmark",
    "release",
    "funding",
    "cloud",
    "inference",
    "startup",
    "government",
    "rules",
    "results",
    "scale",
];

const RATINGS: &[&str] = &[
    "true",
    "mostly-true",
    "mixed",
    "mostly-false",
    "false",
    "misleading",
];

/// A small deterministic generator (SplitMix64): no dependency, same numbers everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One generated claim, before it is written in either syntax.
struct Claim {
    text: String,
    by: usize,
    tags: [usize; 2],
    supports: Vec<usize>,
    contradicts: Vec<usize>,
    verdict: Option<(usize, usize)>,
}

/// A generated corpus.
pub struct Corpus {
    /// Number of sources.
    pub sources: usize,
    claims: Vec<Claim>,
}

impl Corpus {
    /// Generates `n` claims from `seed`.
    pub fn generate(n: usize, seed: u64) -> Corpus {
        let mut rng = Rng(seed);
        let sources = (n / 20).max(1);
        let claims = (0..n).map(|i| claim(&mut rng, i, n, sources)).collect();
        Corpus { sources, claims }
    }

    /// Number of claims.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    /// The claim files: (file name, content).
    pub fn yaml_files(&self) -> Vec<(String, String)> {
        let files = self.claims.len().div_ceil(CLAIMS_PER_FILE).max(1);
        let sources_per_file = self.sources.div_ceil(files);
        (0..files)
            .map(|f| {
                let mut out = String::from("sources:\n");
                let first = f * sources_per_file;
                for s in first..(first + sources_per_file).min(self.sources) {
                    let _ = writeln!(
                        out,
                        "  - id: s{s}\n    name: Source {s}\n    kind: organization"
                    );
                }
                if out == "sources:\n" {
                    out.clear();
                }
                out.push_str("claims:\n");
                let first = f * CLAIMS_PER_FILE;
                for i in first..(first + CLAIMS_PER_FILE).min(self.claims.len()) {
                    self.write_yaml_claim(&mut out, i);
                }
                (format!("claims-{f:05}.yaml"), out)
            })
            .collect()
    }

    fn write_yaml_claim(&self, out: &mut String, i: usize) {
        let c = &self.claims[i];
        let _ = write!(
            out,
            "  - id: c{i}\n    text: {}\n    by: s{}\n    sources: [s{}]\n    date: 2025-{:02}\n    tags: [{}, {}]\n",
            c.text,
            c.by,
            c.by,
            1 + i % 12,
            WORDS[c.tags[0]],
            WORDS[c.tags[1]]
        );
        if !c.supports.is_empty() {
            let _ = writeln!(out, "    supports: [{}]", ids(&c.supports));
        }
        if !c.contradicts.is_empty() {
            let _ = writeln!(out, "    contradicts: [{}]", ids(&c.contradicts));
        }
        if let Some((rating, by)) = c.verdict {
            let _ = write!(
                out,
                "    verdict:\n      rating: {}\n      by: s{by}\n      date: 2025-06-01\n",
                RATINGS[rating]
            );
        }
    }

    /// The same claims and relations as one Argdown document (statements and their outgoing
    /// `+>` / `->` relations; sources and verdicts have no Argdown counterpart and are left out).
    pub fn argdown(&self) -> String {
        let mut out = String::new();
        for (i, c) in self.claims.iter().enumerate() {
            let _ = writeln!(out, "[c{i}]: {}", c.text);
            for t in &c.supports {
                let _ = writeln!(out, "  +> [c{t}]");
            }
            for t in &c.contradicts {
                let _ = writeln!(out, "  -> [c{t}]");
            }
            out.push('\n');
        }
        out
    }

    /// The same corpus as one JSON Lines claim file: every source, then every claim, one
    /// object per line (written to `out` as it is made).
    pub fn write_jsonl(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        for s in 0..self.sources {
            writeln!(
                out,
                r#"{{"type":"source","id":"s{s}","name":"Source {s}","kind":"organization"}}"#
            )?;
        }
        let mut line = String::new();
        for i in 0..self.claims.len() {
            line.clear();
            self.write_jsonl_claim(&mut line, i);
            out.write_all(line.as_bytes())?;
        }
        Ok(())
    }

    fn write_jsonl_claim(&self, out: &mut String, i: usize) {
        let c = &self.claims[i];
        let _ = write!(
            out,
            r#"{{"type":"claim","id":"c{i}","text":"{}","by":"s{}","sources":["s{}"],"date":"2025-{:02}","tags":["{}","{}"]"#,
            c.text,
            c.by,
            c.by,
            1 + i % 12,
            WORDS[c.tags[0]],
            WORDS[c.tags[1]]
        );
        let quoted = |targets: &[usize]| {
            let ids: Vec<String> = targets.iter().map(|t| format!("\"c{t}\"")).collect();
            ids.join(",")
        };
        if !c.supports.is_empty() {
            let _ = write!(out, r#","supports":[{}]"#, quoted(&c.supports));
        }
        if !c.contradicts.is_empty() {
            let _ = write!(out, r#","contradicts":[{}]"#, quoted(&c.contradicts));
        }
        if let Some((rating, by)) = c.verdict {
            let _ = write!(
                out,
                r#","verdict":{{"rating":"{}","by":"s{by}","date":"2025-06-01"}}"#,
                RATINGS[rating]
            );
        }
        out.push_str("}\n");
    }

    /// Writes the claim files into `dir` (created if missing).
    pub fn write_yaml(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, text) in self.yaml_files() {
            std::fs::write(dir.join(name), text)?;
        }
        Ok(())
    }

    /// Number of relations (supports plus contradicts).
    pub fn relations(&self) -> usize {
        self.claims
            .iter()
            .map(|c| c.supports.len() + c.contradicts.len())
            .sum()
    }
}

fn ids(targets: &[usize]) -> String {
    let ids: Vec<String> = targets.iter().map(|t| format!("c{t}")).collect();
    ids.join(", ")
}

fn claim(rng: &mut Rng, i: usize, n: usize, sources: usize) -> Claim {
    let words = 21 + rng.below(16);
    let text: Vec<&str> = (0..words).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    let mut text = text.join(" ");
    if let Some(first) = text.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    text.push_str(&format!(" number {i}."));
    // 0 to 4 supports (mean 2), to earlier claims only.
    let mut supports: Vec<usize> = if i == 0 {
        Vec::new()
    } else {
        (0..rng.below(5)).map(|_| rng.below(i)).collect()
    };
    supports.sort_unstable();
    supports.dedup();
    // A contradiction on every other claim, to any claim it neither is nor supports.
    let mut contradicts = Vec::new();
    if n > 1 && rng.below(2) == 0 {
        let t = rng.below(n);
        if t != i && !supports.contains(&t) {
            contradicts.push(t);
        }
    }
    let verdict = (rng.below(10) == 0).then(|| (rng.below(RATINGS.len()), rng.below(sources)));
    Claim {
        text,
        by: rng.below(sources),
        tags: [rng.below(WORDS.len()), rng.below(WORDS.len())],
        supports,
        contradicts,
        verdict,
    }
}

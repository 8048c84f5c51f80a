//! Which claims matter most: PageRank over the argument edges.
//!
//! petgraph's `page_rank` is quadratic in the number of nodes and, on a `StableGraph` with
//! removed nodes, scores indices that hold no node; this module compacts the claims into
//! dense indices and their relations into compressed adjacency (CSR) first, then iterates.

use super::ClaimRef;
use crate::graph::ClaimGraph;
use crate::model::RelationKind;

/// The damping factor: the chance of following a relation rather than jumping anywhere.
pub const DAMPING: f64 = 0.85;
/// Iteration stops when the ranks move less than this in total (L1), or after
/// [`MAX_ITERATIONS`]; the scores are then within about 6e-7 in total of the limit, below the
/// 6 decimals reported.
pub const TOLERANCE: f64 = 1e-7;
/// The most iterations run.
pub const MAX_ITERATIONS: usize = 200;

/// The answer of [`central`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Central<'a> {
    /// The damping factor used.
    pub damping: f64,
    /// Iterations run before the ranks settled.
    pub iterations: usize,
    /// Claims ranked (all of them; `results` may hold fewer).
    pub claims: usize,
    /// The claims, most central first (at most the number asked for).
    pub results: Vec<Ranked<'a>>,
}

/// One claim ranked by [`central`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Ranked<'a> {
    /// 1-based place.
    pub rank: usize,
    /// The claim.
    #[serde(flatten)]
    pub claim: ClaimRef<'a>,
    /// Its PageRank, rounded to 6 decimals; the scores of all claims add up to 1.
    pub score: f64,
    /// Claims that support it directly.
    pub supporters: usize,
    /// Claims that contradict it directly.
    pub attackers: usize,
}

/// Claims ranked by PageRank over `supports` and `contradicts` edges: a claim ranks high when
/// many claims, or highly ranked ones, bear on it, for or against (contested conclusions
/// rank high). Claims that bear on nothing spread their rank evenly. Ties keep file order.
/// Returns the `top` best (all when `None`). O(I · (V + E) + V + k log k) for I iterations
/// (at most [`MAX_ITERATIONS`]) and k claims returned.
pub fn central(graph: &ClaimGraph, top: Option<usize>) -> Central<'_> {
    let csr = Csr::new(graph);
    let (ranks, iterations) = csr.page_rank();
    let mut idx: Vec<usize> = (0..ranks.len()).collect();
    let best_first = |&a: &usize, &b: &usize| ranks[b].total_cmp(&ranks[a]).then(a.cmp(&b));
    if let Some(top) = top.filter(|&t| t < idx.len()) {
        idx.select_nth_unstable_by(top, best_first);
        idx.truncate(top);
    }
    idx.sort_by(best_first);
    let results = idx
        .into_iter()
        .enumerate()
        .filter_map(|(place, i)| {
            let ix = csr.nodes[i];
            let count = |kind| {
                let incoming = graph.arguments().incoming(ix);
                incoming.iter().filter(|a| a.kind == kind).count()
            };
            Some(Ranked {
                rank: place + 1,
                claim: ClaimRef::at(graph, ix)?,
                score: (ranks[i] * 1e6).round() / 1e6,
                supporters: count(RelationKind::Supports),
                attackers: count(RelationKind::Contradicts),
            })
        })
        .collect();
    Central {
        damping: DAMPING,
        iterations,
        claims: ranks.len(),
        results,
    }
}

/// Claims in file order as dense indices, with the argument edges into each.
struct Csr {
    nodes: Vec<petgraph::stable_graph::NodeIndex>,
    /// `sources[start[v]..start[v + 1]]` are the claims with an edge into `v`.
    start: Vec<u32>,
    sources: Vec<u32>,
    out_degree: Vec<u32>,
}

impl Csr {
    fn new(graph: &ClaimGraph) -> Csr {
        let nodes: Vec<_> = graph.claims().map(|(ix, _)| ix).collect();
        let mut dense = vec![u32::MAX; graph.node_bound()];
        for (i, ix) in nodes.iter().enumerate() {
            dense[ix.index()] = i as u32;
        }
        let mut start = Vec::with_capacity(nodes.len() + 1);
        let mut sources = Vec::new();
        let mut out_degree = vec![0; nodes.len()];
        for &ix in &nodes {
            start.push(sources.len() as u32);
            for arg in graph.arguments().incoming(ix) {
                let from = dense[arg.node.index()];
                if from != u32::MAX {
                    sources.push(from);
                    out_degree[from as usize] += 1;
                }
            }
        }
        start.push(sources.len() as u32);
        Csr {
            nodes,
            start,
            sources,
            out_degree,
        }
    }

    /// Power iteration, pulling rank along incoming edges. Returns the ranks and the number
    /// of iterations run.
    ///
    /// Each iteration is one pass over blocks of claims (in parallel on large graphs) that
    /// computes every claim's new rank, its share for the next iteration and the block's
    /// sums; the blocks' sums are then added in block order. Every value is computed the same
    /// way whatever the number of threads, so the ranks and the iteration count are too.
    fn page_rank(&self) -> (Vec<f64>, usize) {
        let n = self.nodes.len();
        if n == 0 {
            return (Vec::new(), 0);
        }
        let base = (1.0 - DAMPING) / n as f64;
        let mut rank = vec![1.0 / n as f64; n];
        // Each claim's share of its rank per relation; f32 halves the memory the inner loop
        // reads at random, and its 24 bits are far below the 6 decimals reported.
        let mut share = vec![0.0f32; n];
        let mut dangling = self.spread_out(&rank, &mut share);
        let mut next = vec![0.0; n];
        let mut next_share = vec![0.0f32; n];
        for iteration in 1..=MAX_ITERATIONS {
            let spread = base + DAMPING * dangling / n as f64;
            let sums = self.pull(spread, &share, &rank, &mut next, &mut next_share);
            let delta = sums.iter().map(|s| s.delta).sum::<f64>();
            dangling = sums.iter().map(|s| s.dangling).sum();
            std::mem::swap(&mut rank, &mut next);
            std::mem::swap(&mut share, &mut next_share);
            if delta < TOLERANCE {
                return (rank, iteration);
            }
        }
        (rank, MAX_ITERATIONS)
    }

    /// Each claim's share of `rank` per relation it bears on (`share`, left alone for claims
    /// that bear on nothing); returns the rank of those, summed in claim order.
    fn spread_out(&self, rank: &[f64], share: &mut [f32]) -> f64 {
        let mut dangling = 0.0;
        for (v, &r) in rank.iter().enumerate() {
            match self.out_degree[v] {
                0 => dangling += r,
                d => share[v] = (r / f64::from(d)) as f32,
            }
        }
        dangling
    }

    /// One iteration: the new ranks (`next`) and shares (`next_share`) from the previous
    /// ranks and shares and the rank every claim gets anyway (`spread`), with the sums of
    /// each block of [`BLOCK`] claims. Parallel over blocks on graphs of more than one block.
    fn pull(
        &self,
        spread: f64,
        share: &[f32],
        rank: &[f64],
        next: &mut [f64],
        next_share: &mut [f32],
    ) -> Vec<Sums> {
        use rayon::prelude::*;
        let block = |(b, ((next, next_share), rank))| {
            self.pull_block(b * BLOCK, spread, share, rank, next, next_share)
        };
        if next.len() <= BLOCK {
            let blocks = next.chunks_mut(BLOCK).zip(next_share.chunks_mut(BLOCK));
            blocks
                .zip(rank.chunks(BLOCK))
                .enumerate()
                .map(block)
                .collect()
        } else {
            let blocks = next
                .par_chunks_mut(BLOCK)
                .zip(next_share.par_chunks_mut(BLOCK));
            blocks
                .zip(rank.par_chunks(BLOCK))
                .enumerate()
                .map(block)
                .collect()
        }
    }

    /// [`pull`](Self::pull) for the claims from `first` on, as many as `next` holds.
    fn pull_block(
        &self,
        first: usize,
        spread: f64,
        share: &[f32],
        rank: &[f64],
        next: &mut [f64],
        next_share: &mut [f32],
    ) -> Sums {
        let mut sums = Sums::default();
        let claims = next.iter_mut().zip(next_share).zip(rank);
        for (v, ((new, own), &old)) in (first..).zip(claims) {
            let (from, to) = (self.start[v] as usize, self.start[v + 1] as usize);
            let pulled: f64 = self.sources[from..to]
                .iter()
                .map(|&u| f64::from(share[u as usize]))
                .sum();
            *new = spread + DAMPING * pulled;
            sums.delta += (*new - old).abs();
            match self.out_degree[v] {
                0 => sums.dangling += *new,
                d => *own = (*new / f64::from(d)) as f32,
            }
        }
        sums
    }
}

/// Claims per block of [`Csr::pull`]. Graphs up to one block sum in claim order, as a plain
/// loop would.
const BLOCK: usize = 8192;

/// What an iteration sums over a block of claims.
#[derive(Debug, Default, Clone, Copy)]
struct Sums {
    /// How much the ranks moved (L1).
    delta: f64,
    /// The new rank of the claims that bear on nothing.
    dangling: f64,
}

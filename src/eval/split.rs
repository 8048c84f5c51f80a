//! Splitting a framework where the grounded labelling leaves it undecided.
//!
//! Every complete labelling agrees with the grounded one on the arguments the grounded one
//! decides; on the others it is a complete labelling of the framework restricted to them (an
//! undecided argument has no attacker in, and attackers that are out change nothing). That
//! restriction falls apart into weakly connected components that share no attack, and the
//! complete (preferred, stable) labellings of the whole are all combinations of one labelling
//! per component. Searching each component on its own makes the work grow with the sum of the
//! components' labellings, not their product: ten independent tensions in a claim graph cost
//! ten small searches, then the 1,024 combinations are only written out.

use super::{Attacks, Deadline, Label, Timeout};

/// One component: its arguments (global indices, ascending) and its attacks over local
/// indices `0..args.len()`.
#[derive(Debug, Clone)]
pub(super) struct Part {
    pub args: Vec<u32>,
    pub attacks: Attacks,
}

impl Part {
    /// Writes a labelling of the part into a labelling of the whole.
    pub fn overlay(&self, local: &[Label], whole: &mut [Label]) {
        for (&a, &l) in self.args.iter().zip(local) {
            whole[a as usize] = l;
        }
    }

    /// The local index of global argument `a`, if it is in the part.
    pub fn local(&self, a: u32) -> Option<usize> {
        self.args.binary_search(&a).ok()
    }
}

/// The weakly connected components of the arguments `grounded` leaves undecided. O(V + E).
pub(super) fn parts(af: &Attacks, grounded: &[Label]) -> Vec<Part> {
    let undecided = |a: u32| grounded[a as usize] == Label::Undec;
    let mut local = vec![u32::MAX; af.len()];
    let mut parts = Vec::new();
    for start in (0..af.len() as u32).filter(|&a| undecided(a)) {
        if local[start as usize] != u32::MAX {
            continue;
        }
        let mut args = vec![start];
        local[start as usize] = 0;
        let mut next = 0;
        while let Some(&a) = args.get(next) {
            next += 1;
            for &b in af.attackers(a).iter().chain(af.attacked(a)) {
                if undecided(b) && local[b as usize] == u32::MAX {
                    local[b as usize] = 0;
                    args.push(b);
                }
            }
        }
        args.sort_unstable();
        for (i, &a) in args.iter().enumerate() {
            local[a as usize] = i as u32;
        }
        let pairs = args.iter().flat_map(|&a| {
            af.attacked(a)
                .iter()
                .filter(|&&b| undecided(b))
                .map(|&b| (local[a as usize], local[b as usize]))
                .collect::<Vec<_>>()
        });
        let attacks = Attacks::from_pairs(args.len(), pairs);
        parts.push(Part { args, attacks });
    }
    parts
}

/// Every combination of one labelling per part, over the grounded labelling.
pub(super) fn combine(
    grounded: &[Label],
    parts: &[Part],
    each: &[Vec<Vec<Label>>],
    deadline: &Deadline,
) -> Result<Vec<Vec<Label>>, Timeout> {
    if each.iter().any(Vec::is_empty) {
        return Ok(Vec::new());
    }
    let mut choice = vec![0usize; parts.len()];
    let mut out = Vec::new();
    loop {
        let mut whole = grounded.to_vec();
        for ((part, found), &k) in parts.iter().zip(each).zip(&choice) {
            part.overlay(&found[k], &mut whole);
        }
        out.push(whole);
        if out.len().is_multiple_of(1024) {
            deadline.check()?;
        }
        // Advance the odometer; done when every digit has wrapped.
        let mut i = 0;
        loop {
            let Some(k) = choice.get_mut(i) else {
                return Ok(out);
            };
            *k += 1;
            if *k < each[i].len() {
                break;
            }
            *k = 0;
            i += 1;
        }
    }
}

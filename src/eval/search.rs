//! The labelling search behind complete, preferred and stable semantics.
//!
//! Each argument has a domain, a subset of {in, out, undec}. A complete labelling is one where
//! every argument's label is a function of its attackers' labels: in when all are out, out
//! when one is in, undec otherwise. The search keeps that constraint arc-consistent in both
//! directions (an argument that must be in forces its attackers out; an argument that must be
//! out with a single possible in-attacker forces it in; ...), branches on an undecided argument
//! (in first, then out, then undec), and undoes its changes from a trail when it backtracks.
//! It starts from the grounded labelling, which every complete labelling extends, so only the
//! arguments the grounded labelling leaves undecided are ever branched on.

use super::{Attacks, Deadline, Label, Timeout, dung};

pub(super) const IN: u8 = 1;
pub(super) const OUT: u8 = 2;
pub(super) const UNDEC: u8 = 4;
const ALL: u8 = IN | OUT | UNDEC;

/// What a visitor tells the search after a solution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Control {
    /// Look for more.
    Continue,
    /// Stop now.
    Stop,
}

/// Sees the search's solutions and may cut branches.
pub(super) trait Visitor {
    /// Called with every complete (or stable) labelling found.
    fn solution(&mut self, labels: &[Label]) -> Control;

    /// Whether to give up on a branch, given the current domains. Default: never.
    fn prune(&mut self, _domains: &[u8]) -> bool {
        false
    }
}

struct Frame {
    arg: u32,
    untried: u8,
    mark: usize,
}

/// A labelling search over one framework.
pub(super) struct Search<'a> {
    af: &'a Attacks,
    domains: Vec<u8>,
    trail: Vec<(u32, u8)>,
    queue: Vec<u32>,
    queued: Vec<bool>,
    /// Arguments the grounded labelling leaves undecided, most connected first.
    order: Vec<u32>,
    deadline: &'a Deadline,
    steps: u32,
}

impl<'a> Search<'a> {
    /// A search for complete labellings (`stable`: with nothing undecided).
    pub fn new(af: &'a Attacks, stable: bool, deadline: &'a Deadline) -> Search<'a> {
        let open = if stable { IN | OUT } else { ALL };
        let domains: Vec<u8> = dung::grounded(af)
            .iter()
            .map(|l| match l {
                Label::In => IN,
                Label::Out => OUT,
                Label::Undec => open,
            })
            .collect();
        let mut order: Vec<u32> = (0..af.len() as u32)
            .filter(|&a| domains[a as usize].count_ones() > 1)
            .collect();
        order.sort_by_key(|&a| std::cmp::Reverse(af.attackers(a).len() + af.attacked(a).len()));
        let mut search = Search {
            af,
            queue: order.clone(),
            queued: vec![false; af.len()],
            domains,
            trail: Vec::new(),
            order,
            deadline,
            steps: 0,
        };
        for &a in &search.queue {
            search.queued[a as usize] = true;
        }
        search
    }

    /// The arguments the search may branch on: those the grounded labelling leaves undecided.
    pub fn open(&self) -> &[u32] {
        &self.order
    }

    /// Restricts `a` to `mask` before the search starts (e.g. to ask for `a` in).
    /// Returns `false` when that leaves no labelling.
    pub fn require(&mut self, a: u32, mask: u8) -> bool {
        self.restrict(a, mask)
    }

    /// Runs the search, handing every labelling found to `visitor`.
    pub fn run(&mut self, visitor: &mut dyn Visitor) -> Result<(), Timeout> {
        if !self.propagate() || visitor.prune(&self.domains) {
            return Ok(());
        }
        let mut stack: Vec<Frame> = Vec::new();
        loop {
            match self.pick() {
                Some(arg) => stack.push(Frame {
                    arg,
                    untried: self.domains[arg as usize],
                    mark: self.trail.len(),
                }),
                None => {
                    if visitor.solution(&self.labels()) == Control::Stop {
                        return Ok(());
                    }
                }
            }
            if !self.next_branch(&mut stack, visitor)? {
                return Ok(());
            }
        }
    }

    /// Backtracks to the next value worth trying; `false` when the search space is exhausted.
    fn next_branch(
        &mut self,
        stack: &mut Vec<Frame>,
        visitor: &mut dyn Visitor,
    ) -> Result<bool, Timeout> {
        loop {
            let Some(top) = stack.last_mut() else {
                return Ok(false);
            };
            let (arg, mark) = (top.arg, top.mark);
            self.undo(mark);
            if top.untried == 0 {
                stack.pop();
                continue;
            }
            let value = top.untried & top.untried.wrapping_neg();
            top.untried &= !value;
            self.tick()?;
            if self.restrict(arg, value) && self.propagate() && !visitor.prune(&self.domains) {
                return Ok(true);
            }
        }
    }

    fn tick(&mut self) -> Result<(), Timeout> {
        self.steps = self.steps.wrapping_add(1);
        if self.steps.is_multiple_of(1024) {
            self.deadline.check()?;
        }
        Ok(())
    }

    fn pick(&self) -> Option<u32> {
        self.order
            .iter()
            .copied()
            .find(|&a| self.domains[a as usize].count_ones() > 1)
    }

    fn labels(&self) -> Vec<Label> {
        self.domains
            .iter()
            .map(|&d| match d {
                IN => Label::In,
                OUT => Label::Out,
                _ => Label::Undec,
            })
            .collect()
    }

    fn undo(&mut self, mark: usize) {
        while self.trail.len() > mark {
            if let Some((a, old)) = self.trail.pop() {
                self.domains[a as usize] = old;
            }
        }
    }

    /// Narrows the domain of `a` to `mask`; `false` when it becomes empty.
    fn restrict(&mut self, a: u32, mask: u8) -> bool {
        let old = self.domains[a as usize];
        let new = old & mask;
        if new == old {
            return true;
        }
        self.trail.push((a, old));
        self.domains[a as usize] = new;
        if new == 0 {
            return false;
        }
        self.enqueue(a);
        let af = self.af;
        for &b in af.attacked(a) {
            self.enqueue(b);
        }
        true
    }

    fn enqueue(&mut self, a: u32) {
        if !self.queued[a as usize] {
            self.queued[a as usize] = true;
            self.queue.push(a);
        }
    }

    /// Runs every queued constraint to a fixed point; `false` on a contradiction.
    fn propagate(&mut self) -> bool {
        while let Some(a) = self.queue.pop() {
            self.queued[a as usize] = false;
            if !self.revise(a) {
                for a in self.queue.drain(..) {
                    self.queued[a as usize] = false;
                }
                return false;
            }
        }
        true
    }

    /// Makes the constraint "label(a) follows from its attackers' labels" consistent.
    fn revise(&mut self, a: u32) -> bool {
        let af = self.af;
        let attackers = af.attackers(a);
        let (mut all_can_out, mut can_avoid_in, mut some_can_in, mut some_can_undec) =
            (true, true, false, false);
        for &b in attackers {
            let d = self.domains[b as usize];
            all_can_out &= d & OUT != 0;
            can_avoid_in &= d & (OUT | UNDEC) != 0;
            some_can_in |= d & IN != 0;
            some_can_undec |= d & UNDEC != 0;
        }
        let mut possible = 0;
        if all_can_out {
            possible |= IN;
        }
        if some_can_in {
            possible |= OUT;
        }
        if can_avoid_in && some_can_undec {
            possible |= UNDEC;
        }
        if !self.restrict(a, possible) {
            return false;
        }
        self.revise_attackers(a, attackers)
    }

    /// What the domain of `a` says about its attackers.
    fn revise_attackers(&mut self, a: u32, attackers: &[u32]) -> bool {
        let d = self.domains[a as usize];
        if d == IN {
            return attackers.iter().all(|&b| self.restrict(b, OUT));
        }
        if d & OUT == 0 && !attackers.iter().all(|&b| self.restrict(b, OUT | UNDEC)) {
            return false;
        }
        // The one attacker that can still make `a` what it must be.
        let need = match d {
            OUT => IN,
            UNDEC => UNDEC,
            d if d == OUT | UNDEC => IN | UNDEC,
            _ => return true,
        };
        let mut candidates = attackers
            .iter()
            .copied()
            .filter(|&b| self.domains[b as usize] & need != 0);
        match (candidates.next(), candidates.next()) {
            (Some(only), None) => self.restrict(only, need),
            (None, _) => false,
            _ => true,
        }
    }
}

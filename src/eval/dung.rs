//! Dung semantics: the grounded labelling in linear time, and complete, preferred and stable
//! labellings by the search in [`super::search`], with credulous and sceptical acceptance.
//!
//! Grounded is O(V + E). The others are NP-hard or worse in general: they run a labelling
//! search that starts from the grounded labelling and propagates constraints, and give up with
//! [`Timeout`] when the [`Deadline`] passes. Enumeration searches each independent part of the
//! undecided arguments on its own ([`super::split`]). On claim graphs of a few hundred claims
//! they take milliseconds.

use super::search::{Control, IN, OUT, Search, Visitor};
use super::{Attacks, Deadline, Label, Mode, Semantics, Timeout, extension, split};

/// The grounded labelling: a worklist from the unattacked arguments. Each argument whose
/// attackers are all out becomes in, everything it attacks becomes out, and the arguments
/// those attack lose one live attacker. What is left is undecided. O(V + E).
pub fn grounded(af: &Attacks) -> Vec<Label> {
    let n = af.len();
    let mut labels = vec![Label::Undec; n];
    let mut live: Vec<u32> = (0..n as u32)
        .map(|a| af.attackers(a).len() as u32)
        .collect();
    let mut work: Vec<u32> = (0..n as u32).filter(|&a| live[a as usize] == 0).collect();
    while let Some(a) = work.pop() {
        labels[a as usize] = Label::In;
        for &b in af.attacked(a) {
            if labels[b as usize] != Label::Undec {
                continue;
            }
            labels[b as usize] = Label::Out;
            for &c in af.attacked(b) {
                let count = &mut live[c as usize];
                *count -= 1;
                if *count == 0 && labels[c as usize] == Label::Undec {
                    work.push(c);
                }
            }
        }
    }
    labels
}

/// Every labelling of `semantics`: one for grounded; all complete, preferred or stable ones
/// otherwise (none when there is no stable labelling), in search order.
///
/// # Errors
/// [`Timeout`] when the deadline passes first.
pub fn labellings(
    af: &Attacks,
    semantics: Semantics,
    deadline: &Deadline,
) -> Result<Vec<Vec<Label>>, Timeout> {
    let g = grounded(af);
    if semantics == Semantics::Grounded {
        return Ok(vec![g]);
    }
    let parts = split::parts(af, &g);
    let mut each = Vec::with_capacity(parts.len());
    for part in &parts {
        each.push(match semantics {
            Semantics::Preferred => preferred(&part.attacks, deadline)?,
            _ => {
                let mut all = Collect::default();
                let stable = semantics == Semantics::Stable;
                Search::new(&part.attacks, stable, deadline).run(&mut all)?;
                all.found
            }
        });
    }
    split::combine(&g, &parts, &each, deadline)
}

/// One labelling of `semantics`, or `None` when there is none (only stable can have none).
///
/// # Errors
/// [`Timeout`] when the deadline passes first.
pub fn one(
    af: &Attacks,
    semantics: Semantics,
    deadline: &Deadline,
) -> Result<Option<Vec<Label>>, Timeout> {
    match semantics {
        Semantics::Grounded | Semantics::Complete => Ok(Some(grounded(af))),
        Semantics::Preferred => maximise(af, grounded(af), deadline).map(Some),
        Semantics::Stable => first(af, true, &[], deadline),
    }
}

/// Whether an argument is accepted, with an extension that shows it when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    /// The answer.
    pub accepted: bool,
    /// A labelling of the semantics that shows the answer: for credulous acceptance one where
    /// the argument is in; for a sceptical "no" one where it is not. For grounded (and for
    /// sceptical complete), the grounded labelling either way. `None` when no single
    /// labelling can show the answer (a credulous "no", a sceptical "yes" under preferred or
    /// stable).
    pub witness: Option<Vec<Label>>,
}

/// Whether argument `a` is accepted under `semantics` in `mode`.
///
/// # Errors
/// [`Timeout`] when the deadline passes first.
///
/// # Panics
/// When `a` is not an argument of `af`.
pub fn accept(
    af: &Attacks,
    semantics: Semantics,
    mode: Mode,
    a: u32,
    deadline: &Deadline,
) -> Result<Acceptance, Timeout> {
    let grounded_labels = || {
        let g = grounded(af);
        Acceptance {
            accepted: g[a as usize] == Label::In,
            witness: Some(g),
        }
    };
    let found = |witness: Option<Vec<Label>>, when_found: bool| Acceptance {
        accepted: witness.is_some() == when_found,
        witness,
    };
    Ok(match (semantics, mode) {
        (Semantics::Grounded, _) | (Semantics::Complete, Mode::Sceptical) => grounded_labels(),
        (Semantics::Complete, Mode::Credulous) => {
            found(first(af, false, &[(a, IN)], deadline)?, true)
        }
        (Semantics::Preferred, Mode::Credulous) => match first(af, false, &[(a, IN)], deadline)? {
            Some(complete) => found(Some(maximise(af, complete, deadline)?), true),
            None => found(None, true),
        },
        (Semantics::Preferred, Mode::Sceptical) => sceptical_preferred(af, a, deadline)?,
        (Semantics::Stable, Mode::Credulous) => found(first(af, true, &[(a, IN)], deadline)?, true),
        (Semantics::Stable, Mode::Sceptical) => {
            found(first(af, true, &[(a, OUT)], deadline)?, false)
        }
    })
}

/// Sceptical acceptance under preferred: no when some preferred labelling leaves `a` out or
/// undecided. A complete labelling with `a` out grows into such a preferred one; failing that,
/// the preferred labellings are enumerated.
fn sceptical_preferred(af: &Attacks, a: u32, deadline: &Deadline) -> Result<Acceptance, Timeout> {
    if grounded(af)[a as usize] == Label::In {
        return Ok(Acceptance {
            accepted: true,
            witness: None,
        });
    }
    if let Some(complete) = first(af, false, &[(a, OUT)], deadline)? {
        return Ok(Acceptance {
            accepted: false,
            witness: Some(maximise(af, complete, deadline)?),
        });
    }
    // Only the part of the undecided arguments that holds `a` can keep it out.
    let g = grounded(af);
    let parts = split::parts(af, &g);
    let Some((part, local)) = parts.iter().find_map(|p| Some((p, p.local(a)?))) else {
        return Ok(Acceptance {
            accepted: false,
            witness: Some(g),
        });
    };
    let without = preferred(&part.attacks, deadline)?
        .into_iter()
        .find(|l| l[local] != Label::In);
    let Some(without) = without else {
        return Ok(Acceptance {
            accepted: true,
            witness: None,
        });
    };
    // The other parts, still undecided, grow into a preferred labelling of the whole.
    let mut whole = g;
    part.overlay(&without, &mut whole);
    Ok(Acceptance {
        accepted: false,
        witness: Some(maximise(af, whole, deadline)?),
    })
}

/// The first labelling found with each `(argument, domain)` requirement, if any.
fn first(
    af: &Attacks,
    stable: bool,
    require: &[(u32, u8)],
    deadline: &Deadline,
) -> Result<Option<Vec<Label>>, Timeout> {
    let mut search = Search::new(af, stable, deadline);
    if !require.iter().all(|&(a, mask)| search.require(a, mask)) {
        return Ok(None);
    }
    let mut one = First(None);
    search.run(&mut one)?;
    Ok(one.0)
}

/// Grows a complete labelling into a preferred one that contains it: each argument it leaves
/// undecided is tried once, in with everything already in (an argument that cannot join now
/// cannot join a larger set later). At most V searches.
fn maximise(
    af: &Attacks,
    mut labels: Vec<Label>,
    deadline: &Deadline,
) -> Result<Vec<Label>, Timeout> {
    for x in 0..af.len() as u32 {
        if labels[x as usize] != Label::Undec {
            continue;
        }
        let mut require: Vec<(u32, u8)> = extension(&labels).into_iter().map(|a| (a, IN)).collect();
        require.push((x, IN));
        if let Some(bigger) = first(af, false, &require, deadline)? {
            labels = bigger;
        }
    }
    Ok(labels)
}

/// Every preferred labelling: complete labellings are searched in-first, a branch is cut as
/// soon as everything it could still accept lies inside one already found, and what is left at
/// the end is exactly the maximal ones.
fn preferred(af: &Attacks, deadline: &Deadline) -> Result<Vec<Vec<Label>>, Timeout> {
    let mut search = Search::new(af, false, deadline);
    let mut maximal = Maximal::new(search.open());
    search.run(&mut maximal)?;
    Ok(maximal
        .found
        .into_iter()
        .map(|(_, labels)| labels)
        .collect())
}

#[derive(Default)]
struct Collect {
    found: Vec<Vec<Label>>,
}

impl Visitor for Collect {
    fn solution(&mut self, labels: &[Label]) -> Control {
        self.found.push(labels.to_vec());
        Control::Continue
    }
}

struct First(Option<Vec<Label>>);

impl Visitor for First {
    fn solution(&mut self, labels: &[Label]) -> Control {
        self.0 = Some(labels.to_vec());
        Control::Stop
    }
}

/// Keeps the maximal labellings found so far. Sets are compared as bitsets over the arguments
/// the search branches on (all others have the same label in every complete labelling), so a
/// comparison costs V / 64 words.
struct Maximal {
    open: Vec<u32>,
    found: Vec<(Vec<u64>, Vec<Label>)>,
}

impl Maximal {
    fn new(open: &[u32]) -> Maximal {
        Maximal {
            open: open.to_vec(),
            found: Vec::new(),
        }
    }

    /// The open arguments for which `keep` holds, as a bitset.
    fn bits(&self, keep: impl Fn(u32) -> bool) -> Vec<u64> {
        let mut bits = vec![0u64; self.open.len().div_ceil(64)];
        for (k, &a) in self.open.iter().enumerate() {
            if keep(a) {
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        bits
    }
}

fn subset(small: &[u64], big: &[u64]) -> bool {
    small.iter().zip(big).all(|(s, b)| s & !b == 0)
}

impl Visitor for Maximal {
    fn solution(&mut self, labels: &[Label]) -> Control {
        // Reached only when not inside an earlier one (see `prune`): drop those inside it.
        let bits = self.bits(|a| labels[a as usize] == Label::In);
        self.found.retain(|(f, _)| !subset(f, &bits));
        self.found.push((bits, labels.to_vec()));
        Control::Continue
    }

    fn prune(&mut self, domains: &[u8]) -> bool {
        let possible = self.bits(|a| domains[a as usize] & IN != 0);
        self.found.iter().any(|(f, _)| subset(&possible, f))
    }
}

/// Whether `labels` is a complete labelling of `af`.
pub fn is_complete(af: &Attacks, labels: &[Label]) -> bool {
    (0..af.len() as u32).all(|a| {
        let attackers = af.attackers(a).iter().map(|&b| labels[b as usize]);
        let expected = if attackers.clone().any(|l| l == Label::In) {
            Label::Out
        } else if attackers.clone().all(|l| l == Label::Out) {
            Label::In
        } else {
            Label::Undec
        };
        labels[a as usize] == expected
    })
}

#[cfg(test)]
mod tests;

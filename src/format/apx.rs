//! ASPARTIX (`.apx`) writing: `arg(aN).` per argument, `att(aI,aJ).` per attack. The
//! reader is in `load/framework/apx.rs`, below the loader that reads these files.

use std::fmt::Write as _;

use crate::eval::Attacks;

/// Writes arguments `a1..an` and their attacks.
pub fn write(attacks: &Attacks) -> String {
    let mut out = String::with_capacity(attacks.len() * 10 + attacks.attack_count() * 14);
    for a in 1..=attacks.len() {
        let _ = writeln!(out, "arg(a{a}).");
    }
    for (a, b) in attacks.pairs() {
        let _ = writeln!(out, "att(a{},a{}).", a + 1, b + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_numbered_arguments() {
        let attacks = Attacks::from_pairs(2, [(1, 0)]);
        assert_eq!(write(&attacks), "arg(a1).\narg(a2).\natt(a2,a1).\n");
    }
}

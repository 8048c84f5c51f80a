//! Trivial Graph Format (`.tgf`) writing: argument lines, `#`, then attack lines. The reader is
//! in `load/framework/tgf.rs`, below the loader that reads these files.

use std::fmt::Write as _;

use crate::eval::Attacks;

/// Writes arguments `a1..an` and their attacks.
pub fn write(attacks: &Attacks) -> String {
    let mut out = String::with_capacity(attacks.len() * 5 + attacks.attack_count() * 10);
    for a in 1..=attacks.len() {
        let _ = writeln!(out, "a{a}");
    }
    out.push_str("#\n");
    for (a, b) in attacks.pairs() {
        let _ = writeln!(out, "a{} a{}", a + 1, b + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_numbered_arguments() {
        let attacks = Attacks::from_pairs(2, [(0, 1)]);
        assert_eq!(write(&attacks), "a1\na2\n#\na1 a2\n");
    }
}

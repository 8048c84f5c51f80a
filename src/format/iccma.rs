//! ICCMA 2023 (`.af`) writing: a header `p af N`, then one attack `i j` per line. The reader
//! is in `load/framework/iccma.rs`, below the loader that reads these files.

use std::fmt::Write as _;

use crate::eval::Attacks;

/// Writes the header and the attacks over arguments `1..n`.
pub fn write(attacks: &Attacks) -> String {
    let mut out = String::with_capacity(16 + attacks.attack_count() * 12);
    let _ = writeln!(out, "p af {}", attacks.len());
    for (a, b) in attacks.pairs() {
        let _ = writeln!(out, "{} {}", a + 1, b + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_header_and_attacks() {
        let attacks = Attacks::from_pairs(3, [(0, 2), (2, 1)]);
        assert_eq!(write(&attacks), "p af 3\n1 3\n3 2\n");
    }
}

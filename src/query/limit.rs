//! [`Limit`]: how much of a transitive answer to print.
//!
//! The answers themselves stay linear in the graph (chains share their storage, see
//! [`Shared`](super::Shared)), but printing each claim with its whole chain is not: on a support
//! chain of 10,000 claims, `impact` of the first prints 50 million ids (900 MB), and `why` of
//! the last draws 10,000 lines with a guide as deep as the line. Answers come nearest first
//! (or, for `why`, in pre-order), so keeping the first `n` results keeps chains of at most `n`
//! relations: at most `n` rows and `n²/2` links printed, whatever the graph.

/// How many results of a transitive answer to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Every result.
    All,
    /// The first `n` results (nearest first).
    First(usize),
}

impl Limit {
    /// The default of the `--limit` flag: 1,000 results, so at most 500,000 links printed.
    pub const DEFAULT: Limit = Limit::First(1000);

    /// The limit of a `--limit N` flag: `0` for every result.
    pub fn from_flag(n: usize) -> Limit {
        if n == 0 { Limit::All } else { Limit::First(n) }
    }

    /// Keeps the first results of `items` within the limit; returns how many there were.
    pub(super) fn apply<T>(self, items: &mut Vec<T>) -> usize {
        let total = items.len();
        if let Limit::First(n) = self {
            items.truncate(n);
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_results() {
        let mut items = vec![1, 2, 3];
        assert_eq!(Limit::First(2).apply(&mut items), 3);
        assert_eq!(items, [1, 2]);
        assert_eq!(Limit::from_flag(0).apply(&mut items), 2);
        assert_eq!(items, [1, 2]);
        assert_eq!(Limit::from_flag(5), Limit::First(5));
    }
}

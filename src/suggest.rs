//! "Did you mean" suggestions for misspelt ids, keys and keywords.

/// The candidate closest to `word`, if one is close enough to be a likely typo.
///
/// Scans every candidate (O(n)); callers with huge candidate sets should only ask for the few
/// words that are reported to a user.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut best: Option<(f64, &'a str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(word, candidate);
        if score >= 0.8 && best.is_none_or(|(b, c)| score > b || (score == b && candidate < c)) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// `did you mean `x`?` for [`did_you_mean`].
pub fn hint<'a, I>(word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    did_you_mean(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// The word a [`hint`] suggests: `x` for "did you mean `x`?". The language server reads it back
/// from a diagnostic's hint to offer the replacement as a quick fix; it sits beside [`hint`]
/// so the two cannot drift apart.
pub fn suggested(hint: &str) -> Option<&str> {
    let word = hint.strip_prefix("did you mean `")?.strip_suffix("`?")?;
    (!word.is_empty() && !word.contains('`')).then_some(word)
}

/// The hint for an id that names nothing: the closest id, or where to find every id.
pub fn unknown_id_hint(suggestion: Option<&str>) -> String {
    match suggestion {
        Some(s) => format!("did you mean `{s}`?"),
        None => "`claimgraph list` shows every id".into(),
    }
}

/// The hint for an id of the wrong kind: where to find every id of the `expected` kind.
pub fn kind_hint(expected: &str) -> String {
    format!("`claimgraph list {expected}s` shows every {expected} id")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(word: &str, candidates: &[&str], expected: Option<&str>) {
        assert_eq!(did_you_mean(word, candidates.iter().copied()), expected);
    }

    #[test]
    fn suggested_reads_back_each_hint() {
        let hint = hint("kidn", ["kind", "name"]).unwrap();
        assert_eq!(suggested(&hint), Some("kind"));
        assert_eq!(suggested(&unknown_id_hint(Some("lee"))), Some("lee"));
        assert_eq!(suggested(&unknown_id_hint(None)), None);
        assert_eq!(suggested("did you mean ``?"), None);
    }

    #[test]
    fn suggestions() {
        case(
            "compute-gapp",
            &["compute-gap", "china-winning"],
            Some("compute-gap"),
        );
        case("txt", &["id", "text", "tags"], Some("text"));
        case(
            "mostly_true",
            &["true", "mostly-true", "mostly-false"],
            Some("mostly-true"),
        );
        case("zzz", &["compute-gap", "china-winning"], None);
        case("x", &[], None);
    }
}

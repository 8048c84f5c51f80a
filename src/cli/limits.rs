//! Limits set from the environment: `CLAIMGRAPH_MAX_FILE_SIZE`, the largest claim file read.
//!
//! The loader refuses larger files (see [`crate::load::MAX_FILE_SIZE`]) so that a runaway or
//! hostile file cannot exhaust memory; a corpus that really has larger files raises the limit
//! here, without a flag on every command.

use super::Failure;

/// The variable that raises (or lowers) the size limit.
pub const MAX_FILE_SIZE_VAR: &str = "CLAIMGRAPH_MAX_FILE_SIZE";

/// The size limit the environment asks for, if any.
pub fn max_file_size() -> Result<Option<u64>, Failure> {
    let Some(value) = std::env::var_os(MAX_FILE_SIZE_VAR).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let text = value.to_string_lossy();
    parse_size(&text).map(Some).ok_or_else(|| {
        Failure::Usage(
            format!("`{MAX_FILE_SIZE_VAR}={text}` is not a size"),
            Some("give a number of bytes, optionally with `K`, `M` or `G`: `256M`".into()),
        )
    })
}

/// `123`, `64K`, `256M` or `2G` (powers of 1024) as a number of bytes.
fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let (digits, shift) = match text.char_indices().last()? {
        (i, 'k' | 'K') => (&text[..i], 10),
        (i, 'm' | 'M') => (&text[..i], 20),
        (i, 'g' | 'G') => (&text[..i], 30),
        _ => (text, 0),
    };
    let n: u64 = digits.trim().parse().ok()?;
    n.checked_mul(1 << shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: Option<u64>) {
        assert_eq!(parse_size(text), expected, "{text:?}");
    }

    #[test]
    fn sizes() {
        case("123", Some(123));
        case("64K", Some(64 << 10));
        case("256m", Some(256 << 20));
        case(" 2G ", Some(2 << 30));
        case("", None);
        case("G", None);
        case("-1", None);
        case("1.5G", None);
        case("99999999999999999999G", None);
        case("18014398509481984G", None);
    }
}

//! The one size guard of both renderers.
//!
//! Layout time grows much faster than the graph, with Graphviz's `dot` as with the embedded
//! renderer: on generated corpora shaped like the article's (a source per two claims, most
//! claims bearing on another), `dot -Tsvg` took 5 s for 200 nodes, 16 s for 350, 41 s for 600
//! and did not finish 1,500 in five minutes (on a shared, loaded machine); the embedded
//! renderer's figures are at [`LIMIT`]. So a graph above the limit is refused at once, before
//! either renderer starts, with the same message, hint and override (`CLAIMGRAPH_MAX_NODES`)
//! whichever would have drawn it: no command runs for minutes without a word.

use super::ExportError;

/// The most nodes (claims and sources) drawn as SVG unless `CLAIMGRAPH_MAX_NODES` says more.
///
/// Layout-rs's time grows with about the cube of the size. Measured in a release build on
/// generated corpora shaped like the article's (`time_layout` in `svg`'s tests): 101
/// nodes take 0.23 s, 201 take 1.9 s, 300 take 4.9 s, 351 take 7.6 s, 401 take 12.5 s and
/// 1001 take 123 s. Graphviz's `dot` is no faster on such graphs (see the module docs).
pub const LIMIT: usize = 350;

/// The variable that raises (or lowers) [`LIMIT`].
pub const MAX_NODES_VAR: &str = "CLAIMGRAPH_MAX_NODES";

/// The limit in force: `CLAIMGRAPH_MAX_NODES` when it is set, else [`LIMIT`].
///
/// # Errors
/// [`ExportError::BadNodeLimit`] when the variable is set to something other than a number.
pub fn limit() -> Result<usize, ExportError> {
    match std::env::var_os(MAX_NODES_VAR).filter(|v| !v.is_empty()) {
        None => Ok(LIMIT),
        Some(value) => parse(&value.to_string_lossy()),
    }
}

/// A limit as written in the variable.
fn parse(text: &str) -> Result<usize, ExportError> {
    text.trim()
        .parse()
        .map_err(|_| ExportError::BadNodeLimit(crate::text::visible(text).into_owned()))
}

/// Refuses a graph of `nodes` nodes above `limit`; `renderer` names who would have drawn it.
///
/// # Errors
/// [`ExportError::TooLarge`] above the limit.
pub fn check(nodes: usize, limit: usize, renderer: &'static str) -> Result<(), ExportError> {
    if nodes > limit {
        return Err(ExportError::TooLarge {
            nodes,
            limit,
            renderer,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_inclusive_and_names_the_renderer() {
        assert!(check(LIMIT, LIMIT, "Graphviz").is_ok());
        match check(LIMIT + 1, LIMIT, "Graphviz") {
            Err(e @ ExportError::TooLarge { .. }) => {
                assert_eq!(
                    e.to_string(),
                    "the graph has 351 nodes, more than Graphviz lays out in reasonable time (limit 350)"
                );
                let hint = e.hint().unwrap_or_default();
                assert!(hint.contains(MAX_NODES_VAR), "{hint}");
            }
            other => panic!("expected TooLarge, got {other:?}"),
        }
        assert!(check(10, 5, "the embedded renderer").is_err());
    }

    #[test]
    fn a_limit_is_a_whole_number() {
        assert_eq!(parse(" 2000 ").ok(), Some(2000));
        for bad in ["lots", "-1", "1.5", "1e3"] {
            assert!(
                matches!(parse(bad), Err(ExportError::BadNodeLimit(_))),
                "{bad}"
            );
        }
        let e = parse("x\u{1b}[2J").err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("`CLAIMGRAPH_MAX_NODES=x\\u{1b}[2J` is not a number of nodes")
        );
    }
}

use super::*;
use crate::model::{Claim, Corpus, Id, Relation, Source, Verdict};

/// The expression as an S-expression, to pin precedence.
fn sexp(e: &Expr) -> String {
    match e {
        Expr::Test {
            field, op, value, ..
        } => {
            let op = match op {
                Op::Eq => "=",
                Op::Ne => "!=",
                Op::Contains => "~",
            };
            format!("{field}{op}{value}")
        }
        Expr::Not(e) => format!("(not {})", sexp(e)),
        Expr::And(a, b) => format!("(and {} {})", sexp(a), sexp(b)),
        Expr::Or(a, b) => format!("(or {} {})", sexp(a), sexp(b)),
    }
}

#[track_caller]
fn parses(text: &str, expected: &str) {
    match Expr::parse(text) {
        Ok(e) => assert_eq!(sexp(&e), expected, "{text:?}"),
        Err(e) => panic!("{text:?}: {e}"),
    }
}

#[track_caller]
fn fails(text: &str, column: usize, message: &str) {
    let err = Expr::parse(text).expect_err(text);
    assert_eq!(err.to_string(), message, "{text:?}");
    assert_eq!(err.column(), column, "{text:?}");
}

#[test]
fn precedence_is_not_then_and_then_or() {
    parses(
        "tag = compute and not rating = true or by = kai-fu-lee",
        "(or (and tag=compute (not rating=true)) by=kai-fu-lee)",
    );
    parses(
        "tag = a or tag = b and tag = c",
        "(or tag=a (and tag=b tag=c))",
    );
    parses(
        "(tag = a or tag = b) and tag = c",
        "(and (or tag=a tag=b) tag=c)",
    );
    parses("not not tag = a", "(not (not tag=a))");
    parses("not (tag=a and tag=b)", "(not (and tag=a tag=b))");
    parses(
        "tag=a AND Not tag=b Or tag=c",
        "(or (and tag=a (not tag=b)) tag=c)",
    );
}

#[test]
fn values_words_and_strings() {
    parses("text ~ \"twice the compute\"", "text~twice the compute");
    parses("text = 'it\\'s'", "text=it's");
    parses("file = claims/compute.yaml", "file=claims/compute.yaml");
    parses("id != and", "id!=and");
    parses("rating ~ true", "rating~true");
    parses("relation = contradicts", "relation=contradicts");
}

#[test]
fn errors_point_at_the_column() {
    let fields = "a field name (tag, by, rating, kind, id, text, relation, file)";
    fails(
        "",
        1,
        &format!("expected {fields} at column 1, found the end of the expression"),
    );
    fails(
        "tag = compute and",
        18,
        &format!("expected {fields} at column 18, found the end of the expression"),
    );
    fails(
        "= a",
        1,
        &format!("expected {fields} at column 1, found `=`"),
    );
    fails(
        "tags = x",
        1,
        &format!("expected {fields} at column 1, found `tags` (did you mean `tag`?)"),
    );
    fails(
        "tag",
        4,
        "expected an operator (`=`, `!=` or `~`) at column 4, found the end of the expression",
    );
    fails(
        "tag ! a",
        5,
        "expected an operator (`=`, `!=` or `~`) at column 5, found `!`",
    );
    fails(
        "tag =",
        6,
        "expected a value at column 6, found the end of the expression",
    );
    fails("tag = (", 7, "expected a value at column 7, found `(`");
    fails(
        "tag = a b",
        9,
        "expected `and`, `or` or the end of the expression at column 9, found `b`",
    );
    fails(
        "tag = a)",
        8,
        "expected `and`, `or` or the end of the expression at column 8, found `)`",
    );
    fails(
        "(tag = a",
        9,
        "expected `and`, `or` or `)` at column 9, found the end of the expression",
    );
    fails(
        "text = \"abc",
        12,
        "expected a closing quote at column 12, found the end of the expression",
    );
    fails(
        "rating = mostly_true",
        10,
        "expected a rating (true, mostly-true, mixed, mostly-false, false, misleading, unproven, outdated) at column 10, found `mostly_true` (did you mean `mostly-true`?)",
    );
    fails(
        "kind = claims",
        8,
        "expected a kind (claim, source) at column 8, found `claims` (did you mean `claim`?)",
    );
    // Columns count characters, not bytes.
    fails(
        "text = 'naïve' x",
        16,
        "expected `and`, `or` or the end of the expression at column 16, found `x`",
    );
}

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn graph() -> ClaimGraph {
    let mut a = Claim::new(id("a"), "Twice the compute");
    a.tags = vec!["compute".into(), "china".into()];
    a.by = Some(id("lee"));
    let mut b = Claim::new(id("b"), "Efficient");
    b.tags = vec!["compute".into()];
    b.verdict = Some(Verdict {
        rating: Rating::True,
        by: None,
        date: None,
        note: None,
        evidence: vec![],
    });
    let c = Claim::new(id("c"), "Alone");
    ClaimGraph::build(Corpus {
        sources: vec![Source::new(id("lee"), "Kai-Fu Lee")],
        claims: vec![a, b, c],
        relations: vec![Relation::new(id("b"), id("a"), RelationKind::Contradicts)],
        ..Corpus::default()
    })
    .unwrap()
}

#[track_caller]
fn selects(text: &str, expected: &[&str]) {
    let g = graph();
    let e = Expr::parse(text).unwrap();
    let got: Vec<&str> = ["a", "b", "c", "lee"]
        .into_iter()
        .filter(|i| e.matches(&g, g.node(i).unwrap()))
        .collect();
    assert_eq!(got, expected, "{text:?}");
}

#[test]
fn evaluates_against_claims_and_sources() {
    selects("tag = compute", &["a", "b"]);
    selects("tag != compute", &["c", "lee"]);
    selects("tag = compute and not rating = true", &["a"]);
    selects("tag = compute and not rating = true or by = lee", &["a"]);
    selects("rating != true", &["a", "c", "lee"]);
    selects("kind = source", &["lee"]);
    selects("text ~ KAI or text ~ 'the comp'", &["a", "lee"]);
    selects("relation = contradicts", &["a", "b"]);
    selects("relation = supports", &[]);
    selects("tag ~ chi", &["a"]);
    selects("id = c or id = lee", &["c", "lee"]);
}

#[test]
fn lists_the_tests_that_name_items() {
    let e = Expr::parse("by = lee and (id != x or tag = y) or by ~ l").unwrap();
    assert_eq!(
        e.id_tests(),
        vec![(Field::By, "lee", 6), (Field::Id, "x", 21)]
    );
}

#[test]
fn deep_or_long_expressions_are_errors_not_stack_overflows() {
    // 5,000 `(` overflowed the stack and aborted.
    let parens = "(".repeat(5000);
    fails(
        &parens,
        101,
        "the expression is too complex at column 101: more than 100 levels of `(` and `not`",
    );
    let nots = format!("{}tag = a", "not ".repeat(20_000));
    fails(
        &nots,
        401,
        "the expression is too complex at column 401: more than 100 levels of `(` and `not`",
    );
    let tests = vec!["tag = a"; 1001].join(" and ");
    fails(
        &tests,
        12001,
        "the expression is too complex at column 12001: more than 1000 tests",
    );
    // Up to the limits is fine.
    let deep = format!("{}tag = a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    assert!(Expr::parse(&deep).is_ok());
    assert!(Expr::parse(&vec!["tag = a"; MAX_TESTS].join(" or ")).is_ok());
}

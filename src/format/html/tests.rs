use std::collections::HashMap;

use serde_json::json;

use super::*;
use crate::format::fixture;
use crate::graph::ClaimGraph;

const HOSTILE: &str = "</script><script>alert(1)</script> <!-- & </SCRIPT >";

/// The fixture with a hostile text in `china-resilient`.
fn hostile_graph() -> ClaimGraph {
    let mut corpus = fixture::graph().corpus().clone();
    for claim in corpus
        .claims
        .iter_mut()
        .filter(|c| c.id.as_str() == "china-resilient")
    {
        claim.text = HOSTILE.into();
    }
    ClaimGraph::build(corpus).unwrap()
}

fn diagram<'a>(name: &'a str, title: &'a str, svg: &'a str) -> Diagram<'a> {
    Diagram {
        name,
        title,
        description: (name == "compute").then_some("Twice the compute <or> not?"),
        svg,
    }
}

/// The text of the claims blob, from its start tag to the first `</script`.
fn blob(page: &str) -> &str {
    let start = page
        .find("<script type=\"application/json\" id=\"claims\">")
        .unwrap();
    let body = &page[start..];
    let open = body.find('>').unwrap() + 1;
    let end = body.to_ascii_lowercase().find("</script").unwrap();
    &body[open..end]
}

#[test]
fn script_end_in_a_claim_cannot_leave_the_data_blob() {
    let page = report(&hostile_graph(), &HashMap::new(), &[]);
    let text = blob(&page);
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(value["claims"][2]["id"], "china-resilient");
    assert_eq!(value["claims"][2]["text"], HOSTILE);
    assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
    // Elsewhere (the table) the text is escaped: no script element but the page's own two.
    assert_eq!(page.matches("<script").count(), 2);
    assert!(page.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &amp;"));
}

#[test]
fn script_safe_escapes_only_markup_characters() {
    assert_eq!(
        data::script_safe(r#"{"a":"</b> & é"}"#),
        r#"{"a":"\u003c/b\u003e \u0026 é"}"#
    );
}

#[test]
fn each_claim_carries_its_details_and_neighbours() {
    let graph = fixture::graph();
    let labels: HashMap<Id, Label> = crate::eval::labels_for(&graph, &Default::default()).unwrap();
    let data = data::Data::new(&graph, &labels);
    let value: serde_json::Value = serde_json::from_str(&data.to_script_json()).unwrap();
    assert_eq!(
        value["claims"][1],
        json!({
            "id": "deepseek-efficient",
            "text": "DeepSeek used far fewer resources than ChatGPT.",
            "tags": [],
            "sources": [{"source": "article"}],
            "verdict": {
                "rating": "misleading",
                "by": "desk",
                "note": "The cost figure covers only the final training run.",
                "evidence": ["compute-gap"]
            },
            "fill": "#77AADD",
            "label": "out",
            "label_word": "falls",
            "file": "",
            "supporters": [],
            "attackers": [{"id": "compute-gap", "note": "Twice the compute is not \"fewer resources\"."}],
            "supports": [{"id": "china-resilient"}],
            "contradicts": []
        })
    );
    assert_eq!(value["claims"][0]["by"], "kai-fu-lee");
    assert_eq!(
        value["claims"][0]["contradicts"],
        json!([{"id": "deepseek-efficient", "note": "Twice the compute is not \"fewer resources\"."}])
    );
    assert_eq!(
        value["sources"][1]["url"],
        "https://example.org/ai?lang=en&page=2"
    );
    assert_eq!(value["sources"].as_array().map(Vec::len), Some(3));
}

#[test]
fn page_has_a_tab_and_a_frame_per_view_and_a_row_per_claim() {
    let svg = "<?xml version=\"1.0\"?>\n<svg><g id=\"claim-compute-gap\"/></svg>\n";
    let page = report(
        &fixture::graph(),
        &HashMap::new(),
        &[
            diagram("all", "The all view", svg),
            diagram("compute", "The compute view", svg),
        ],
    );
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"));
    assert_eq!(page.matches("role=\"tab\"").count(), 2);
    assert!(page.contains(
        "<button type=\"button\" role=\"tab\" data-view=\"compute\" aria-selected=\"false\" title=\"The compute view\">compute</button>"
    ));
    assert_eq!(page.matches("<figure class=\"view\"").count(), 2);
    assert!(page.contains("<figure class=\"view\" data-view=\"all\"><figcaption>"));
    assert!(page.contains("<figure class=\"view\" data-view=\"compute\" hidden><figcaption>"));
    assert!(page.contains(
        "<span class=\"description\">Twice the compute &lt;or&gt; not?</span></figcaption>"
    ));
    assert!(page.contains("<svg><g id=\"v0-claim-compute-gap\"/></svg>"));
    assert!(page.contains("<svg><g id=\"v1-claim-compute-gap\"/></svg>"));
    assert!(!page.contains("<?xml"));
    assert_eq!(page.matches("<tr data-id=").count(), 4);
    assert!(page.contains("<p class=\"summary\">4 claims, 3 sources, 2 views</p>"));
    // Every placeholder was filled, and nothing is loaded from elsewhere.
    assert!(!page.contains("{{"));
    for outside in [" src=", "<link", "@import", "url(http"] {
        assert!(!page.contains(outside), "{outside}");
    }
}

#[test]
fn rows_show_speaker_rating_label_and_linked_sources() {
    let graph = fixture::graph();
    let labels = crate::eval::labels_for(&graph, &Default::default()).unwrap();
    let rows = table::rows(&graph, &labels);
    let first = rows.lines().next().unwrap();
    assert_eq!(
        first,
        "<tr data-id=\"compute-gap\" data-tags=\"\" data-speaker=\"kai-fu-lee\" data-rating=\"unrated\">\
         <td class=\"id\"><a href=\"#claim/compute-gap\">compute-gap</a></td>\
         <td>Chinese AI firms often need about twice the computing power to reach the same results as US models.</td>\
         <td>Kai-Fu Lee</td>\
         <td><span class=\"badge\" style=\"background:#FFFFFF\">unrated</span></td>\
         <td><span class=\"badge\" style=\"background:#44BB99\">stands</span></td>\
         <td><a href=\"https://example.org/ai?lang=en&amp;page=2\" target=\"_blank\" rel=\"noopener\">China&#39;s AI &quot;Sputnik moment&quot;</a></td></tr>"
    );
}

#[test]
fn filters_offer_what_the_claims_use() {
    let filters = table::filters(&fixture::graph());
    assert!(filters.contains(
        "<select id=\"filter-speaker\" data-filter=\"speaker\"><option value=\"\">all speakers</option>\
         <option value=\"kai-fu-lee\">Kai-Fu Lee</option></select>"
    ));
    assert!(filters.contains(
        "<select id=\"filter-rating\" data-filter=\"rating\"><option value=\"\">all ratings</option>\
         <option value=\"misleading\">misleading</option><option value=\"unrated\">unrated</option></select>"
    ));
    assert!(filters.contains(
        "<select id=\"filter-tag\" data-filter=\"tag\"><option value=\"\">all tags</option></select>"
    ));
}

#[test]
fn fill_replaces_each_placeholder_once() {
    let mut out = String::new();
    fill(
        "a {{x}} b {{y}} {{unknown}} {{",
        &[("x", "{{y}}"), ("y", "2")],
        |piece| out.push_str(piece),
    );
    assert_eq!(out, "a {{y}} b 2 {{unknown}} {{");
}

/// The page's policy runs its one script, named by the hash of exactly the text between
/// `<script>` and `</script>`, and no inline script or handler besides.
#[test]
fn policy_runs_only_the_page_script() {
    let graph = hostile_graph();
    let page = report(
        &graph,
        &HashMap::new(),
        &[diagram("all", "The all view", "<svg/>")],
    );
    let start = page.find("<script>").unwrap() + "<script>".len();
    let end = start + page[start..].find("</script>").unwrap();
    let policy = page
        .lines()
        .find(|l| l.contains("Content-Security-Policy"))
        .unwrap();
    let scripts = policy
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .unwrap();
    assert_eq!(
        scripts.trim(),
        format!("script-src {}", script_hash(&page[start..end]))
    );
    assert!(!scripts.contains("unsafe"), "{scripts}");
    // The hash is SHA-256 in base64, as a browser computes it (the empty script's is known).
    assert_eq!(
        script_hash(""),
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    );
}

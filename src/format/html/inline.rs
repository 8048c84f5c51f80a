//! SVG documents made fit to sit side by side inside one HTML page.
//!
//! A page holds every view's diagram, and the same claim appears in several of them, so the
//! ids the renderers write (`claim-<id>`, Graphviz's `node3`, the embedded renderer's
//! arrowhead markers) would clash. Each diagram's ids get a prefix of their own, and the
//! references to them (`url(#...)`, `href="#..."`) follow.

/// `svg` without what comes before its `<svg` element (XML declaration, doctype, comments),
/// with every id and local reference prefixed by `prefix`.
pub(super) fn inline(svg: &str, prefix: &str) -> String {
    let body = svg.find("<svg").map_or(svg, |start| &svg[start..]);
    body.replace(" id=\"", &format!(" id=\"{prefix}"))
        .replace("url(#", &format!("url(#{prefix}"))
        .replace("href=\"#", &format!("href=\"#{prefix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_the_prolog_and_prefixes_ids_and_references() {
        let svg = "<?xml version=\"1.0\"?>\n<!-- made -->\n<!DOCTYPE svg>\n\
                   <svg><defs><marker id=\"head\"/></defs>\
                   <g class=\"claim\" id=\"claim-a\"><path marker-end=\"url(#head)\"/>\
                   <use xlink:href=\"#head\"/><a xlink:href=\"https://x.org/#top\">t</a></g></svg>";
        assert_eq!(
            inline(svg, "v1-"),
            "<svg><defs><marker id=\"v1-head\"/></defs>\
             <g class=\"claim\" id=\"v1-claim-a\"><path marker-end=\"url(#v1-head)\"/>\
             <use xlink:href=\"#v1-head\"/><a xlink:href=\"https://x.org/#top\">t</a></g></svg>"
        );
    }
}

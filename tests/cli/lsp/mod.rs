//! `claimgraph lsp` spoken to over stdio, as an editor would: JSON-RPC messages framed by
//! `Content-Length`, one test per feature, and the inputs that must not stop the server.

mod client;
mod edit;
mod nvim;

use serde_json::{Value, json};

use client::{CLAIMS, Client, url, workspace};

#[test]
fn an_unsaved_edit_flags_the_file_that_uses_a_removed_id() {
    let dir = workspace();
    let mut client = Client::start(dir.path());
    client.open("claims.yaml", CLAIMS);
    client.change("claims.yaml", 2, &CLAIMS.replace("id: gap", "id: gab"));
    let found = client.diagnostics("more.yaml");
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!(d["code"], "unknown-id");
    assert_eq!(d["severity"], 1);
    assert_eq!(
        d["range"],
        json!({"start": {"line": 4, "character": 15}, "end": {"line": 4, "character": 18}})
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("unknown claim `gap` in `supports`"),
        "{d}"
    );
    // Fixed again (still unsaved): the other file's diagnostics are cleared.
    client.change("claims.yaml", 3, CLAIMS);
    assert_eq!(client.diagnostics("more.yaml"), Vec::<Value>::new());
    client.shutdown();
}

#[test]
fn diagnostic_columns_count_utf16_units() {
    let dir = workspace();
    let mut client = Client::start(dir.path());
    let text = "claims:\n  - {id: x, text: \"é\u{1F600}\", by: nobody}\n";
    client.open("new.yaml", text);
    let found = client.diagnostics("new.yaml");
    assert_eq!(found.len(), 1, "{found:#?}");
    // `nobody` is the 29th character (0-based 28); `é` is one UTF-16 unit, the emoji two.
    assert_eq!(
        found[0]["range"]["start"],
        json!({"line": 1, "character": 29})
    );
    assert_eq!(
        found[0]["range"]["end"],
        json!({"line": 1, "character": 35})
    );
    client.shutdown();
}

#[test]
fn definition_references_and_hover_across_files() {
    let dir = workspace();
    let mut client = Client::start(dir.path());
    // `gap` in more.yaml's `supports: [gap]`.
    let def = client.at("textDocument/definition", "more.yaml", 4, 16);
    assert_eq!(def["result"]["uri"], json!(client.uri("claims.yaml")));
    assert_eq!(
        def["result"]["range"]["start"],
        json!({"line": 1, "character": 8})
    );
    // `lee` in claims.yaml's `by: lee`: declared once, used three times.
    let refs = client.at("textDocument/references", "claims.yaml", 3, 9);
    let places: Vec<(String, u64)> = refs["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let file = l["uri"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned();
            (file, l["range"]["start"]["line"].as_u64().unwrap())
        })
        .collect();
    let expected = [
        ("claims.yaml", 3),
        ("claims.yaml", 6),
        ("more.yaml", 3),
        ("sources.yaml", 1),
    ];
    let expected: Vec<(String, u64)> = expected.iter().map(|(f, l)| (f.to_string(), *l)).collect();
    assert_eq!(places, expected);
    let hover = client.at("textDocument/hover", "more.yaml", 4, 16);
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert_eq!(
        text,
        "**claim** `gap`\n\nFirms use twice the compute.\n\nby Kai-Fu Lee (`lee`)\n\nverdict: **misleading**\n\neval (grounded): `in`\n"
    );
    let hover = client.at("textDocument/hover", "more.yaml", 3, 8);
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert_eq!(
        text,
        "**source** `lee`: Kai-Fu Lee\n\nkind: person\nurl: <https://example.org/lee>\ndate: 2025-01\n"
    );
    // Not on an id: no answer, not an error.
    let none = client.at("textDocument/hover", "more.yaml", 2, 10);
    assert_eq!(none["result"], Value::Null, "{none}");
    client.shutdown();
}

#[test]
fn document_and_workspace_symbols() {
    let dir = workspace();
    let mut client = Client::start(dir.path());
    let uri = client.uri("sources.yaml");
    let doc = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let symbols = doc["result"].as_array().unwrap();
    assert_eq!(symbols.len(), 1, "{doc}");
    assert_eq!(
        (&symbols[0]["name"], &symbols[0]["detail"]),
        (&json!("lee"), &json!("Kai-Fu Lee"))
    );
    let found = client.request("workspace/symbol", json!({"query": "GROUND"}));
    let names: Vec<&Value> = found["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["name"])
        .collect();
    assert_eq!(names, [&json!("gaining")]);
    let all = client.request("workspace/symbol", json!({"query": ""}));
    assert_eq!(all["result"].as_array().unwrap().len(), 3, "{all}");
    client.shutdown();
}

#[test]
fn bad_input_gets_an_error_or_is_ignored() {
    let dir = workspace();
    std::fs::write(dir.path().join("claims/notes.txt"), "not a claim file").unwrap();
    let outside = dir.path().join("outside.yaml");
    std::fs::write(&outside, "claims: oops").unwrap();
    let mut client = Client::start(dir.path());
    client.send_raw("{this is not json");
    let log = client.wait(|m| m["method"] == "window/logMessage");
    assert!(
        log["params"]["message"]
            .as_str()
            .unwrap()
            .contains("could not be read"),
        "{log}"
    );
    let bad = client.request("textDocument/hover", json!({"textDocument": 3}));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");
    let unknown = client.request("claimgraph/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    // A document outside the workspace, and a file that is not a claim file: ignored.
    let doc =
        json!({"uri": url(&outside), "languageId": "yaml", "version": 1, "text": "claims: oops"});
    client.notify("textDocument/didOpen", json!({"textDocument": doc}));
    client.open("notes.txt", "still not a claim file");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": url(&outside)}, "position": {"line": 0, "character": 1}}),
    );
    assert_eq!(hover["result"], Value::Null, "{hover}");
    // A claim file that is not YAML at all gets `check`'s diagnostic, and the server goes on.
    client.open("broken.yaml", "claims: [\n");
    assert_eq!(client.diagnostics("broken.yaml")[0]["severity"], 1);
    let def = client.at("textDocument/definition", "more.yaml", 4, 16);
    assert!(def["result"]["uri"].is_string(), "{def}");
    let unpublished: Vec<&Value> = client
        .notifications
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .collect();
    assert_eq!(unpublished, Vec::<&Value>::new());
    client.shutdown();
}

#[test]
fn a_client_that_goes_away_ends_the_session_quietly() {
    let dir = workspace();
    let mut client = Client::start(dir.path());
    client.open("claims.yaml", "claims: [");
    client.send_raw("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": \"textDocument/hover\"");
    // stdin closes with no shutdown: the server stops, exit status 0, nothing on stderr.
    client.finish();
}

#[test]
fn the_writing_features_take_bad_input_without_stopping() {
    let dir = workspace();
    let outside = dir.path().join("outside.yaml");
    std::fs::write(&outside, "claims: []").unwrap();
    let mut client = Client::start(dir.path());
    // Parameters that cannot be read: an LSP error.
    for method in [
        "textDocument/completion",
        "textDocument/rename",
        "textDocument/prepareRename",
        "textDocument/codeAction",
    ] {
        let bad = client.request(method, json!({"textDocument": {"uri": 7}}));
        assert_eq!(bad["error"]["code"], -32602, "{method}: {bad}");
    }
    // A change that cannot be read, a cancellation and a stray response: ignored.
    client.notify("textDocument/didChange", json!({"contentChanges": "no"}));
    client.notify("$/cancelRequest", json!({"id": 1}));
    client.send_raw(r#"{"jsonrpc": "2.0", "id": 77, "result": null}"#);
    // Positions past the end of a line or the file, and inside a character that takes two
    // UTF-16 units: no answer, not a crash.
    client.open("claims.yaml", &format!("{CLAIMS}    by: \u{1F600}\n"));
    for (line, character) in [(999, 0), (1, 999), (7, 9)] {
        let found = client.at("textDocument/completion", "claims.yaml", line, character);
        assert_eq!(found["result"], Value::Null, "{found}");
        let refused = client.at("textDocument/prepareRename", "claims.yaml", line, character);
        assert_eq!(refused["error"]["code"], -32803, "{refused}");
    }
    // A document outside the workspace: nothing to complete, rename or fix there.
    let doc = json!({"uri": url(&outside)});
    let at = json!({"line": 0, "character": 9});
    let found = client.request(
        "textDocument/completion",
        json!({"textDocument": doc, "position": at}),
    );
    assert_eq!(found["result"], Value::Null, "{found}");
    let refused = client.request(
        "textDocument/rename",
        json!({"textDocument": doc, "position": at, "newName": "x"}),
    );
    assert_eq!(refused["error"]["code"], -32803, "{refused}");
    let range = json!({"start": at, "end": at});
    let fixes = client.request(
        "textDocument/codeAction",
        json!({"textDocument": doc, "range": range, "context": {"diagnostics": []}}),
    );
    assert_eq!(fixes["result"], json!([]), "{fixes}");
    // The server still answers.
    let def = client.at("textDocument/definition", "more.yaml", 4, 16);
    assert!(def["result"]["uri"].is_string(), "{def}");
    client.shutdown();
}

#[test]
fn workspace_symbols_stop_at_256() {
    let dir = workspace();
    let many: String = (0..300)
        .map(|i| format!("  - id: c{i}\n    text: Claim {i}.\n    by: lee\n"))
        .collect();
    std::fs::write(
        dir.path().join("claims/many.yaml"),
        format!("claims:\n{many}"),
    )
    .unwrap();
    let mut client = Client::start(dir.path());
    let all = client.request("workspace/symbol", json!({"query": "c"}));
    assert_eq!(all["result"].as_array().unwrap().len(), 256, "{all}");
    let few = client.request("workspace/symbol", json!({"query": "c29"}));
    let names: Vec<&Value> = few["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["name"])
        .collect();
    assert_eq!(names.len(), 11, "{few}");
    client.shutdown();
}

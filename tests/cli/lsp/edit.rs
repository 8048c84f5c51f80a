//! The features that write: completion, rename and quick fixes, each on unsaved text.

use serde_json::{Value, json};

use super::client::{CLAIMS, Client, MORE, SOURCES, workspace};

/// The labels of a completion answer.
fn labels(answer: &Value) -> Vec<&str> {
    let items = answer["result"]["items"].as_array();
    let items = items.unwrap_or_else(|| panic!("{answer}"));
    items.iter().map(|i| i["label"].as_str().unwrap()).collect()
}

#[test]
fn completion_of_ids_keys_and_keywords() {
    let dir = workspace();
    let mut client = Client::start(dir.path());
    // An unsaved claim in more.yaml is offered in claims.yaml.
    client.open(
        "more.yaml",
        &format!("{MORE}  - id: gamble\n    text: A bet.\n    by: lee\n"),
    );
    let text = format!("{CLAIMS}    contradicts: [ga\n    by: \n    ver\n");
    client.open("claims.yaml", &text);
    // Claims where a claim is expected (not the source `lee`), and what the word so far will be
    // replaced with.
    let found = client.at("textDocument/completion", "claims.yaml", 7, 20);
    assert_eq!(labels(&found), ["gap", "gaining", "gamble"], "{found}");
    let item = &found["result"]["items"][1];
    assert_eq!(item["detail"], "China is gaining ground.");
    assert_eq!(
        item["textEdit"],
        json!({"range": {"start": {"line": 7, "character": 18}, "end": {"line": 7, "character": 20}}, "newText": "gaining"})
    );
    // Sources where a source is expected.
    let found = client.at("textDocument/completion", "claims.yaml", 8, 8);
    assert_eq!(labels(&found), ["lee"], "{found}");
    // The keys of a claim that start with what is typed.
    let found = client.at("textDocument/completion", "claims.yaml", 9, 7);
    assert_eq!(labels(&found), ["verdict"], "{found}");
    assert_eq!(
        found["result"]["items"][0]["textEdit"]["newText"],
        "verdict: "
    );
    // The keywords of a rating.
    client.change("claims.yaml", 2, &CLAIMS.replace("misleading", "mi"));
    let found = client.at("textDocument/completion", "claims.yaml", 5, 16);
    assert_eq!(labels(&found), ["mixed", "misleading"], "{found}");
    // A source's keys, in a list item of `sources:`.
    client.open("sources.yaml", &format!("{SOURCES}  - \n"));
    let found = client.at("textDocument/completion", "sources.yaml", 6, 4);
    assert!(labels(&found).contains(&"part_of"), "{found}");
    assert!(!labels(&found).contains(&"lee"), "{found}");
    // In prose: nothing.
    let found = client.at("textDocument/completion", "claims.yaml", 2, 15);
    assert_eq!(found["result"], Value::Null, "{found}");
    client.shutdown();
}

/// The edits of a rename answer: (file name, line, start column, new text), sorted.
fn edits(answer: &Value) -> Vec<(String, u64, u64, String)> {
    let changes = answer["result"]["changes"].as_object();
    let changes = changes.unwrap_or_else(|| panic!("{answer}"));
    let mut out = Vec::new();
    for (uri, edits) in changes {
        let file = uri.rsplit('/').next().unwrap().to_owned();
        for e in edits.as_array().unwrap() {
            let start = &e["range"]["start"];
            let new = e["newText"].as_str().unwrap().to_owned();
            out.push((
                file.clone(),
                start["line"].as_u64().unwrap(),
                start["character"].as_u64().unwrap(),
                new,
            ));
        }
    }
    out.sort();
    out
}

fn rename(client: &mut Client, file: &str, line: u32, character: u32, new: &str) -> Value {
    let uri = client.uri(file);
    let params = json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}, "newName": new});
    client.request("textDocument/rename", params)
}

#[test]
fn rename_across_three_files() {
    let dir = workspace();
    let mut client = Client::start(dir.path());
    // An unsaved use of `lee` counts too.
    let text = format!("{CLAIMS}  - id: extra\n    text: More.\n    by: lee\n");
    client.open("claims.yaml", &text);
    let prepared = client.at("textDocument/prepareRename", "more.yaml", 3, 9);
    assert_eq!(
        prepared["result"],
        json!({"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 11}}, "placeholder": "lee"})
    );
    let renamed = rename(&mut client, "more.yaml", 3, 9, "kai-fu-lee");
    let new = || "kai-fu-lee".to_owned();
    assert_eq!(
        edits(&renamed),
        [
            ("claims.yaml".to_owned(), 3, 8, new()),
            ("claims.yaml".to_owned(), 6, 10, new()),
            ("claims.yaml".to_owned(), 9, 8, new()),
            ("more.yaml".to_owned(), 3, 8, new()),
            ("sources.yaml".to_owned(), 1, 8, new()),
        ]
    );
    client.shutdown();
}

#[test]
fn rename_refuses_what_is_not_an_id_and_names_that_clash() {
    let dir = workspace();
    let mut client = Client::start(dir.path());
    // On a claim's text, not an id.
    let refused = client.at("textDocument/prepareRename", "claims.yaml", 2, 12);
    assert_eq!(refused["error"]["code"], -32803, "{refused}");
    let message = refused["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("there is no claim or source id here"),
        "{message}"
    );
    let refused = rename(&mut client, "claims.yaml", 2, 12, "x");
    assert_eq!(refused["error"]["code"], -32803, "{refused}");
    // Not an id, or one that is taken.
    let refused = rename(&mut client, "claims.yaml", 1, 9, "Gap Two");
    assert_eq!(refused["error"]["code"], -32602, "{refused}");
    let refused = rename(&mut client, "claims.yaml", 1, 9, "gaining");
    let message = refused["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("`gaining` is already an id ("),
        "{message}"
    );
    assert!(
        message.ends_with("more.yaml:2): choose a name no claim or source has"),
        "{message}"
    );
    client.shutdown();
}

/// The quick fixes offered at `line`:`character` of `file`: (title, new text).
fn fixes(client: &mut Client, file: &str, line: u32, character: u32) -> Vec<(String, Value)> {
    let uri = client.uri(file);
    let at = json!({"line": line, "character": character});
    let params = json!({"textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}});
    let answer = client.request("textDocument/codeAction", params);
    let actions = answer["result"]
        .as_array()
        .unwrap_or_else(|| panic!("{answer}"));
    actions
        .iter()
        .map(|a| {
            assert_eq!(a["kind"], "quickfix", "{a}");
            let edits = &a["edit"]["changes"][&uri];
            (a["title"].as_str().unwrap().to_owned(), edits.clone())
        })
        .collect()
}

#[test]
fn quick_fixes_from_the_hints_of_check() {
    let dir = workspace();
    let mut client = Client::start(dir.path());
    let edit = |line, from, to, text| json!([{"range": {"start": {"line": line, "character": from}, "end": {"line": line, "character": to}}, "newText": text}]);
    // A misspelt key (unsaved).
    client.open("sources.yaml", &SOURCES.replace("kind:", "kidn:"));
    client.diagnostics("sources.yaml");
    let found = fixes(&mut client, "sources.yaml", 3, 5);
    assert_eq!(
        found,
        [(
            "replace `kidn` with `kind`".to_owned(),
            edit(3, 4, 8, "kind")
        )]
    );
    // A misspelt id and a misspelt keyword (with the key fixed, so that `lee` is known).
    client.change("sources.yaml", 2, SOURCES);
    let text = CLAIMS
        .replace("by: lee\n    verdict", "by: leee\n    verdict")
        .replace("misleading", "mislead");
    client.open("claims.yaml", &text);
    let found = fixes(&mut client, "claims.yaml", 3, 12);
    assert_eq!(
        found,
        [(
            "replace `leee` with `lee`".to_owned(),
            edit(3, 8, 12, "lee")
        )]
    );
    let found = fixes(&mut client, "claims.yaml", 5, 14);
    assert_eq!(
        found,
        [(
            "replace `mislead` with `misleading`".to_owned(),
            edit(5, 14, 21, "misleading")
        )]
    );
    // Where no diagnostic is: none.
    assert_eq!(fixes(&mut client, "claims.yaml", 1, 8), []);
    client.shutdown();
}

//! `claimgraph lsp` spoken to over stdio, as an editor would: JSON-RPC messages framed by
//! `Content-Length`, one test per feature, and the inputs that must not stop the server.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

/// How long to wait for one message before failing.
const WAIT: Duration = Duration::from_secs(20);

/// A language client over the server's stdin and stdout.
struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Notifications received while waiting for something else.
    notifications: Vec<Value>,
    next_id: i64,
    root: PathBuf,
}

impl Client {
    /// Starts `claimgraph lsp` in `root` (the claims are in `root/claims`) and initialises it.
    fn start(root: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        let stdin = child.stdin.take();
        let root = std::fs::canonicalize(root).unwrap();
        let mut client = Client {
            child,
            stdin,
            incoming,
            notifications: Vec::new(),
            next_id: 0,
            root,
        };
        let uri = url(&client.root);
        let init = client.request(
            "initialize",
            json!({"processId": null, "rootUri": uri, "capabilities": {}}),
        );
        assert!(
            init["result"]["capabilities"]["definitionProvider"] == json!(true),
            "{init}"
        );
        client.notify("initialized", json!({}));
        client
    }

    fn uri(&self, file: &str) -> String {
        url(&self.root.join("claims").join(file))
    }

    fn send_raw(&mut self, body: &str) {
        let stdin = self.stdin.as_mut().unwrap();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        let body = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.send_raw(&body.to_string());
    }

    /// Sends a request and returns its response (result or error).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let body = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.send_raw(&body.to_string());
        self.wait(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    /// The next message that `wanted` accepts; others are kept as notifications.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.notifications.iter().position(&wanted) {
            return self.notifications.remove(i);
        }
        loop {
            let message = self
                .incoming
                .recv_timeout(WAIT)
                .unwrap_or_else(|_| panic!("no answer; so far: {:#?}", self.notifications));
            if wanted(&message) {
                return message;
            }
            self.notifications.push(message);
        }
    }

    /// The next diagnostics published for `file`.
    fn diagnostics(&mut self, file: &str) -> Vec<Value> {
        let uri = self.uri(file);
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == json!(uri)
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, file: &str, text: &str) {
        let uri = self.uri(file);
        let doc = json!({"uri": uri, "languageId": "yaml", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": doc}));
    }

    fn change(&mut self, file: &str, version: i64, text: &str) {
        let uri = self.uri(file);
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// A request at `line`:`character` of `file`.
    fn at(&mut self, method: &str, file: &str, line: u32, character: u32) -> Value {
        let uri = self.uri(file);
        let mut params = json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
        if method == "textDocument/references" {
            params["context"] = json!({"includeDeclaration": true});
        }
        self.request(method, params)
    }

    /// Ends the session politely; returns the server's stderr, which must be empty.
    fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r["result"], Value::Null, "{r}");
        self.notify("exit", Value::Null);
        self.finish();
    }

    /// Closes stdin and checks that the server exits with 0 and an empty stderr.
    fn finish(mut self) {
        drop(self.stdin.take());
        let status = self.child.wait().unwrap();
        let mut stderr = String::new();
        self.child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        assert!(status.success(), "{status}: {stderr}");
        assert_eq!(stderr, "");
    }
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// One framed message, or `None` at the end of output.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

const SOURCES: &str = "sources:\n  - id: lee\n    name: Kai-Fu Lee\n    kind: person\n    url: https://example.org/lee\n    date: 2025-01\n";
const CLAIMS: &str = "claims:\n  - id: gap\n    text: Firms use twice the compute.\n    by: lee\n    verdict:\n      rating: misleading\n      by: lee\n";
const MORE: &str = "claims:\n  - id: gaining\n    text: China is gaining ground.\n    by: lee\n    supports: [gap]\n";

/// A workspace with `claims/sources.yaml`, `claims/claims.yaml` and `claims/more.yaml`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let claims = dir.path().join("claims");
    std::fs::create_dir(&claims).unwrap();
    std::fs::write(claims.join("sources.yaml"), SOURCES).unwrap();
    std::fs::write(claims.join("claims.yaml"), CLAIMS).unwrap();
    std::fs::write(claims.join("more.yaml"), MORE).unwrap();
    dir
}

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

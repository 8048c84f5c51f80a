//! A language client for the tests: JSON-RPC messages framed by `Content-Length` over the
//! server's stdin and stdout, and a workspace of three claim files.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

/// How long to wait for one message before failing.
const WAIT: Duration = Duration::from_secs(20);

/// A language client over the server's stdin and stdout.
pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Notifications received while waiting for something else.
    pub notifications: Vec<Value>,
    next_id: i64,
    pub root: PathBuf,
}

impl Client {
    /// Starts `claimgraph lsp` in `root` (the claims are in `root/claims`) and initialises it.
    pub fn start(root: &Path) -> Client {
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

    pub fn uri(&self, file: &str) -> String {
        url(&self.root.join("claims").join(file))
    }

    pub fn send_raw(&mut self, body: &str) {
        let stdin = self.stdin.as_mut().unwrap();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        let body = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.send_raw(&body.to_string());
    }

    /// Sends a request and returns its response (result or error).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let body = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.send_raw(&body.to_string());
        self.wait(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    /// The next message that `wanted` accepts; others are kept as notifications.
    pub fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
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
    pub fn diagnostics(&mut self, file: &str) -> Vec<Value> {
        let uri = self.uri(file);
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == json!(uri)
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    pub fn open(&mut self, file: &str, text: &str) {
        let uri = self.uri(file);
        let doc = json!({"uri": uri, "languageId": "yaml", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": doc}));
    }

    pub fn change(&mut self, file: &str, version: i64, text: &str) {
        let uri = self.uri(file);
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// A request at `line`:`character` of `file`.
    pub fn at(&mut self, method: &str, file: &str, line: u32, character: u32) -> Value {
        let uri = self.uri(file);
        let mut params = json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
        if method == "textDocument/references" {
            params["context"] = json!({"includeDeclaration": true});
        }
        self.request(method, params)
    }

    /// Ends the session politely; returns the server's stderr, which must be empty.
    pub fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r["result"], Value::Null, "{r}");
        self.notify("exit", Value::Null);
        self.finish();
    }

    /// Closes stdin and checks that the server exits with 0 and an empty stderr.
    pub fn finish(mut self) {
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

pub fn url(path: &Path) -> String {
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

pub const SOURCES: &str = "sources:\n  - id: lee\n    name: Kai-Fu Lee\n    kind: person\n    url: https://example.org/lee\n    date: 2025-01\n";
pub const CLAIMS: &str = "claims:\n  - id: gap\n    text: Firms use twice the compute.\n    by: lee\n    verdict:\n      rating: misleading\n      by: lee\n";
pub const MORE: &str = "claims:\n  - id: gaining\n    text: China is gaining ground.\n    by: lee\n    supports: [gap]\n";

/// A workspace with `claims/sources.yaml`, `claims/claims.yaml` and `claims/more.yaml`.
pub fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let claims = dir.path().join("claims");
    std::fs::create_dir(&claims).unwrap();
    std::fs::write(claims.join("sources.yaml"), SOURCES).unwrap();
    std::fs::write(claims.join("claims.yaml"), CLAIMS).unwrap();
    std::fs::write(claims.join("more.yaml"), MORE).unwrap();
    dir
}

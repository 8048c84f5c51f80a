#!/usr/bin/env python3
"""Request latency of `claimgraph lsp`, timed over the protocol as an editor sees it.

Usage: benches/lsp-latency.py CLAIMGRAPH CLAIMS_DIR [ROUNDS]

Starts `CLAIMGRAPH lsp --claims CLAIMS_DIR`, initialises it, then times ROUNDS (default 20) of
each request on the first claim file's first reference (definition, references, hover, document
symbols, workspace symbols, completion, prepareRename, rename, code actions) and of an unsaved
edit until its diagnostics are published (the document parsed again, the corpus resolved, checked
and evaluated), and of a definition request sent right after an edit (answered before or after
that check). Prints the median and the maximum of each, in milliseconds; a request the server
does not offer (an older build) is reported and skipped.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import time


class Server:
    def __init__(self, binary, claims):
        self.proc = subprocess.Popen([binary, "lsp", "--claims", claims],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(dict(jsonrpc="2.0", **message)).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.proc.stdin.flush()

    def read(self):
        length = 0
        while True:
            line = self.proc.stdout.readline().strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send(dict(id=self.next_id, method=method, params=params))
        while True:
            message = self.read()
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def until(self, method, uri):
        while True:
            message = self.read()
            if message.get("method") == method and message["params"]["uri"] == uri:
                return message


def timed(rounds, action):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main():
    binary, claims = sys.argv[1], os.path.abspath(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(claims) for f in fs
                   if f.endswith(".yaml") and "/." not in d)
    path = next(f for f in files if re.search(r"^\s+(by|supports): \[?[a-z]", open(f).read(), re.M))
    text = open(path).read()
    uri = "file://" + path
    line_no, line = next((i, l) for i, l in enumerate(text.split("\n"))
                         if re.match(r"\s+(by|supports): \[?[a-z]", l))
    column = re.match(r"\s+(by|supports): \[?", line).end()
    server = Server(binary, claims)
    start = time.perf_counter()
    server.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    print(f"initialize (answered before the first load): {(time.perf_counter() - start) * 1000:.0f} ms")
    server.send(dict(method="initialized", params={}))
    server.send(dict(method="textDocument/didOpen", params={"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": text}}))
    at = {"textDocument": {"uri": uri}, "position": {"line": line_no, "character": column}}
    cases = [
        ("definition", "textDocument/definition", at),
        ("references", "textDocument/references", dict(at, context={"includeDeclaration": True})),
        ("hover", "textDocument/hover", at),
        ("documentSymbol", "textDocument/documentSymbol", {"textDocument": {"uri": uri}}),
        ("workspace/symbol", "workspace/symbol", {"query": "a"}),
        ("completion", "textDocument/completion", at),
        ("prepareRename", "textDocument/prepareRename", at),
        ("rename", "textDocument/rename", dict(at, newName="renamed-id")),
        ("codeAction", "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {
            "start": at["position"], "end": at["position"]}, "context": {"diagnostics": []}}),
    ]
    for name, method, params in cases:
        answer = server.request(method, params)
        if answer.get("error", {}).get("code") == -32601:
            print(f"{name}: not supported")
            continue
        assert "error" not in answer and answer.get("result") is not None, answer
        median, worst = timed(rounds, lambda: server.request(method, params))
        print(f"{name}: median {median:.1f} ms, max {worst:.1f} ms")
    broken = text.replace(line[:column], line[:column] + "zz-", 1)
    versions = iter(range(2, 10 ** 6))

    def edit():
        for body in (broken, text):
            server.send(dict(method="textDocument/didChange", params={
                "textDocument": {"uri": uri, "version": next(versions)},
                "contentChanges": [{"text": body}]}))
            server.until("textDocument/publishDiagnostics", uri)
    median, worst = timed(max(rounds // 4, 3), edit)
    print(f"edit to diagnostics (twice): median {median:.1f} ms, max {worst:.1f} ms")

    # A request sent right after an edit: answered before the edit's check, or after it.
    answers, first = [], []
    for _ in range(max(rounds // 4, 3)):
        for body in (broken, text):
            server.send(dict(method="textDocument/didChange", params={
                "textDocument": {"uri": uri, "version": next(versions)},
                "contentChanges": [{"text": body}]}))
            server.next_id += 1
            start = time.perf_counter()
            server.send(dict(id=server.next_id, method="textDocument/definition", params=at))
            published = False
            while True:
                message = server.read()
                if message.get("method") == "textDocument/publishDiagnostics" \
                        and message["params"]["uri"] == uri:
                    published = True
                elif message.get("id") == server.next_id and "method" not in message:
                    answers.append((time.perf_counter() - start) * 1000)
                    first.append(not published)
                    break
            if not published:
                server.until("textDocument/publishDiagnostics", uri)
    print(f"definition right after an edit: median {statistics.median(answers):.1f} ms, "
          f"max {max(answers):.1f} ms, answered before the edit's diagnostics "
          f"{sum(first)} of {len(first)} times")
    server.request("shutdown", None)
    server.send(dict(method="exit"))
    server.proc.wait()


if __name__ == "__main__":
    main()

#!/bin/sh
# jsonl-vs-floor.sh FILE N BIN...: N rounds, each timing (wall user sys peak-KiB) serde_json's
# single-threaded typed parse of FILE (examples/jsonl-floor), then each BIN's
# `--no-cache --timings check` of it, with its phases. Issue 17, item 3.
# Build first: cargo build --release --bin claimgraph --example jsonl-floor
F=$1; N=$2; shift 2
E=$(dirname "$0")/../target/release/examples/jsonl-floor
for i in $(seq 1 "$N"); do
  /usr/bin/time -f "floor %e %U %S %M" "$E" "$F" 2>&1 >/dev/null | tail -1
  for b in "$@"; do
    name=$(basename "$b")
    CLAIMGRAPH_MAX_FILE_SIZE=1G /usr/bin/time -f "$name %e %U %S %M" \
      "$b" --no-cache --timings --claims "$F" check 2>&1 >/dev/null |
      grep -E "^  (read|resolve|graph|lints|command)|^$name " | tr -s ' ' | tr '\n' ' '
    echo
  done
done

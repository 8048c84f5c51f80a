#!/bin/sh
# yaml-vs-floor.sh N OLD NEW [DIR]: N rounds, each timing (wall user sys peak-KiB) serde_yaml's and
# serde-saphyr's single-threaded typed parse of DIR (examples/yaml-floor), then OLD's and NEW's
# `--no-cache check` of it. DIR defaults to /tmp/c100k (gen-corpus 100000). Issue 17, item 2.
# Build first: cargo build --release --bin claimgraph --example yaml-floor
N=$1; OLD=$2; NEW=$3; D=${4:-/tmp/c100k}
E=$(dirname "$0")/../target/release/examples/yaml-floor
for i in $(seq 1 "$N"); do
  /usr/bin/time -f "serde_yaml %e %U %S %M" "$E" serde_yaml "$D" 2>&1 >/dev/null | tail -1
  /usr/bin/time -f "serde-saphyr %e %U %S %M" "$E" serde-saphyr "$D" 2>&1 >/dev/null | tail -1
  /usr/bin/time -f "old %e %U %S %M" "$OLD" --claims "$D" --no-cache check 2>&1 >/dev/null | tail -1
  /usr/bin/time -f "new %e %U %S %M" "$NEW" --claims "$D" --no-cache check 2>&1 >/dev/null | tail -1
done

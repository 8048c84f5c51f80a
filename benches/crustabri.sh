#!/usr/bin/env bash
# Grounded semantics side by side with crustabri, on the same generated framework of 50,000
# arguments and 75,000 attacks (in ICCMA 2023 `.af` and in apx), in the same run.
# Needs `crustabri` (`cargo install crustabri`) and `hyperfine` on PATH; prints the median of
# each and the ratio. Not part of CI: crustabri is a reference, never a dependency.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
target="${CARGO_TARGET_DIR:-target}"
CLAIMGRAPH_BENCH_WRITE="$dir" cargo bench --bench eval -- --list >/dev/null
cargo build --release --quiet
bin="$target/release/claimgraph"

for format in af apx; do
    file="$dir/grounded-50k.$format"
    reader=$([ "$format" = af ] && echo iccma23 || echo apx)
    ours="$bin solve -p SE-GR -f $file"
    theirs="crustabri solve -r $reader -p SE-GR --logging-level off -f $file"
    # The same extension first (apx answers are `[a1,a2]`, ICCMA ones `w 1 2`).
    norm() { tr -d 'w[]' | tr ', ' '\n\n' | sed '/^$/d' | sort; }
    if ! diff -q <($ours | norm) <($theirs | norm) >/dev/null; then
        echo "grounded extensions differ on $file" >&2
        exit 1
    fi
    echo "== $format: $($ours | wc -w) words in the answer, identical"
    hyperfine --warmup 3 --runs 40 --export-json "$dir/$format.json" -N \
        -n claimgraph "$ours" -n crustabri "$theirs" >/dev/null
    python3 - "$dir/$format.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ours, theirs = results["claimgraph"]["median"], results["crustabri"]["median"]
for name, r in results.items():
    print(f"{name:>10}: median {r['median'] * 1000:7.2f} ms  (mean {r['mean'] * 1000:.2f} ± {r['stddev'] * 1000:.2f} ms, {len(r['times'])} runs)")
print(f"     ratio: claimgraph / crustabri = {ours / theirs:.2f}")
PY
done

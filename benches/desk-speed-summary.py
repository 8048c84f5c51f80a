#!/usr/bin/env python3
"""Medians (with min and max) of benches/desk-speed.sh's times.tsv, and each command's ratio to
`check` of the same binary in the same run.

    benches/desk-speed-summary.py DIR/times.tsv
"""
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    p = line.rstrip("\n").split("\t")
    if len(p) < 5: continue
    rows[p[0]].append((float(p[1]), float(p[2]) + float(p[3])))
def med(xs): return statistics.median(xs)
for k, v in rows.items():
    cpu = [c for _, c in v]; wall = [w for w, _ in v]
    print(f"{k:14} n={len(v)} cpu median {med(cpu):6.2f} s (min {min(cpu):.2f}, max {max(cpu):.2f})  wall median {med(wall):6.2f} s (min {min(wall):.2f}, max {max(wall):.2f})")
for v in ("before", "after"):
    if f"{v}-check" in rows:
        c = med([x for _, x in rows[f"{v}-check"]]); cw = med([w for w, _ in rows[f"{v}-check"]])
        for cmd in ("review", "diff"):
            if f"{v}-{cmd}" in rows:
                r = med([x for _, x in rows[f"{v}-{cmd}"]]); rw = med([w for w, _ in rows[f"{v}-{cmd}"]])
                print(f"{v} {cmd}/check: cpu {r/c:.2f}x, wall {rw/cw:.2f}x")

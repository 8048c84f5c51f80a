#!/usr/bin/env python3
"""A pair of corpora one edit session apart, to time `claimgraph diff OLD NEW`.

    benches/diff-pair.py [--every-file N] OLD_DIR NEW_DIR

OLD_DIR is a corpus from `gen-corpus` (read, not changed). NEW_DIR is written as a copy of it
with about 1% of the claims edited the way a desk edits them: every 97th claim's text reworded,
every 101st claim's `contradicts` line dropped (so some eval labels flip), every 89th verdict's
rating changed, and a new claim that contradicts the file's first claim added to every tenth
file. Every file changes. With `--every-file N`, only every Nth file (the first, the N+1st, ...)
is edited that way, and the others are copied byte for byte: a commit that touches a few files
(N = 100 edits 1% of them). Deterministic.
"""
import os
import re
import shutil
import sys

args = sys.argv[1:]
every_file = 1
if args[:1] == ["--every-file"]:
    every_file, args = int(args[1]), args[2:]
old, new = args
shutil.rmtree(new, ignore_errors=True)
os.makedirs(new)
verdicts = 0
claim_id = re.compile(r"^  - id: c(\d+)$")
flip = {"true": "mostly-false", "false": "mostly-true", "mixed": "true"}

for n, name in enumerate(sorted(os.listdir(old))):
    if n % every_file != 0:
        shutil.copyfile(os.path.join(old, name), os.path.join(new, name))
        continue
    lines = open(os.path.join(old, name), encoding="utf-8").read().split("\n")
    out, current = [], None
    for line in lines:
        m = claim_id.match(line)
        if m:
            current = int(m.group(1))
        if current is not None and current % 97 == 0 and line.startswith("    text: "):
            line = line.replace(" number ", " revised, number ")
        if current is not None and current % 101 == 0 and line.startswith("    contradicts: "):
            continue
        if line.startswith("      rating: "):
            verdicts += 1
            rating = line.split(": ", 1)[1]
            if verdicts % 89 == 0:
                line = "      rating: " + flip.get(rating, "false")
        out.append(line)
    if n % 10 == 0:
        # claims are the file's last section: a new one goes at the end
        first = next(claim_id.match(l).group(1) for l in out if claim_id.match(l))
        while out and out[-1] == "":
            out.pop()
        out += [f"  - id: new-{n}", f"    text: A new reading of claim {first}.",
                f"    contradicts: [c{first}]", ""]
    with open(os.path.join(new, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out))

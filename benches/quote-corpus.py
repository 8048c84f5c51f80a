#!/usr/bin/env python3
"""A corpus where every claim quotes an archived article, to measure what quote verification
adds to `claimgraph check`.

    benches/quote-corpus.py ARTICLE OUT_DIR N

writes OUT_DIR/with/ (the source has `archive:`, so `check` verifies every quote and locator)
and OUT_DIR/without/ (the same claims, the source without `archive:`), each with N claims
spread over files of 1,000 claims. Each quote is a window of 5 to 15 words of one line of the
article, as written there; each locator is the heading above it. Deterministic (seeded).
"""
import os
import random
import shutil
import sys

article, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(12)
lines = open(article, encoding="utf-8").read().split("\n")
passages = []
heading = "Introduction"
for line in lines:
    words = line.split()
    if not words:
        continue
    if len(line) <= 80 and not line.rstrip().endswith((".", ",", ";", "!")):
        heading = line.strip().rstrip(":")
        continue
    if len(words) >= 5:
        passages.append((words, heading))


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


for variant in ("with", "without"):
    d = os.path.join(out, variant)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    src = "sources:\n  - id: article\n    name: Article\n"
    if variant == "with":
        shutil.copy(article, os.path.join(d, "article.txt"))
        src += "    archive: article.txt\n"
    open(os.path.join(d, "sources.yaml"), "w", encoding="utf-8").write(src)

for f in range((n + 999) // 1000):
    body = ["claims:"]
    for i in range(f * 1000, min(n, (f + 1) * 1000)):
        words, heading = rng.choice(passages)
        k = rng.randint(5, min(15, len(words)))
        s = rng.randint(0, len(words) - k)
        quote = " ".join(words[s : s + k])
        body.append(f"  - id: c{i}\n    text: Claim {i}.\n    sources:\n"
                    f"      - source: article\n        quote: {yaml_str(quote)}\n"
                    f"        locator: {yaml_str(heading)}")
        if i > 0:
            body.append(f"    supports: [c{rng.randrange(i)}]")
    text = "\n".join(body) + "\n"
    for variant in ("with", "without"):
        open(os.path.join(out, variant, f"claims-{f:04}.yaml"), "w", encoding="utf-8").write(text)

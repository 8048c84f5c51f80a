#!/bin/bash
# The desk's speed targets (issue 12): `--no-cache review A` and `--no-cache diff A B` against
# `--no-cache check A`, side by side, for each binary in turn, ROUNDS times.
#
#   benches/desk-speed.sh DIR ROUNDS
#
# DIR holds a100k/ and b100k/ (see benches/README.md, "The desk") and one binary per version to
# compare, named cg-VERSION (VERSIONS, default "before after"). NEW names another new version
# for `diff` (default b100k, e.g. b100k-1pct from `diff-pair.py --every-file 100`). Writes
# DIR/times.tsv (OUT names another file): label, wall s, user s, sys s, max RSS KB; the last
# line of DIR/times.tsv.done says it finished.
set -u
dir=$1
A=$dir/a100k; B=$dir/${NEW:-b100k}
out=$dir/${OUT:-times.tsv}; : > $out
t() { /usr/bin/time -f "$1\t%e\t%U\t%S\t%M" -a -o $out "${@:2}" >/dev/null 2>&1; }
for i in $(seq 1 ${2:-5}); do
  for v in ${VERSIONS:-before after}; do
    bin=$dir/cg-$v
    t $v-check $bin --no-cache --claims $A check
    t $v-review $bin --no-cache --claims $A review
    t $v-diff $bin --no-cache diff $A $B
  done
done
echo finished >> $out.done

#!/usr/bin/env bash
# The first experiment end to end at the quick profile, in a scratch folder: spec → HDF5 → figures,
# then checks of what a user relies on: the store is readable by h5dump, a rerun skips stored cells,
# a forced rerun gives identical datasets, figures come from the store alone, a bad spec writes nothing.
set -euo pipefail
bin=${1:-.build/release/reprise}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
exp=baselines-fmnist
run() { "$bin" "$@" --results "$work/results" --figures "$work/figures"; }
fail() { echo "end-to-end: FAILED: $*" >&2; exit 1; }
checks=0
pass() { checks=$((checks + 1)); echo "end-to-end: ok: $*"; }

run run "$exp" --profile quick > "$work/summary.txt"
cells=$(find "$work/results/$exp/quick" -name '*.h5' | wc -l)
[ "$cells" = 5 ] || fail "expected 5 cells, found $cells"
grep -q "adam" "$work/summary.txt" || fail "summary table lacks the adam row"
pass "5 cells stored and summarised"

cell="$work/results/$exp/quick/adam--seed0.h5"
h5dump -a /status "$cell" | grep -q '"complete"' || fail "h5dump cannot read the status of $cell"
h5dump -d /epochs/test_accuracy "$cell" > /dev/null || fail "h5dump cannot read /epochs/test_accuracy"
pass "h5dump reads the store"

h5dump -g /epochs -g /steps -g /tensors "$cell" > "$work/first.txt"
run run "$exp" --profile quick 2> "$work/rerun.txt" > /dev/null
grep -q "5 of 5 final cells already stored" "$work/rerun.txt" || fail "a rerun did not skip stored cells"
pass "a rerun skips stored cells"
run run "$exp" --profile quick --force --only adam > /dev/null 2>&1
h5dump -g /epochs -g /steps -g /tensors "$cell" > "$work/second.txt"
cmp -s "$work/first.txt" "$work/second.txt" || fail "a forced rerun changed the stored datasets"
pass "a forced rerun gives identical datasets"

cp -r "$work/results" "$work/only-results"
rm -rf "$work/results"
"$bin" figures "$exp" --profile quick --results "$work/only-results" --figures "$work/figures" > /dev/null
for f in train-loss test-accuracy train-loss-steps; do
  for ext in tsv gp png svg; do [ -s "$work/figures/$exp/quick/$f.$ext" ] || fail "missing $f.$ext"; done
done
[ -s "$work/figures/$exp/quick/summary.md" ] || fail "missing summary.md"
pass "figures (tsv, gp, png, svg) and summary.md drawn from the store alone"

mkdir -p "$work/bad"
sed 's/^epochs = 10/epochs = "ten"/' "experiments/$exp.toml" > "$work/bad/$exp.toml"
if "$bin" run "$exp" --experiments "$work/bad" --results "$work/bad-results" 2> "$work/bad.txt"; then fail "a malformed spec was accepted"; fi
grep -q "$exp.toml:[0-9]*: budget.epochs: expected an integer" "$work/bad.txt" || fail "unclear error: $(cat "$work/bad.txt")"
[ ! -e "$work/bad-results" ] || fail "a malformed spec wrote results"
pass "a malformed spec is refused with file:line: key path, and nothing is written"

echo "end-to-end: $checks passed, 0 failed"

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

# Two processes on the same experiment share the work: every cell is trained once.
"$bin" run "$exp" --profile quick --results "$work/shared" > "$work/p1.txt" 2>&1 &
"$bin" run "$exp" --profile quick --results "$work/shared" > "$work/p2.txt" 2>&1
wait
trained=$(cat "$work/p1.txt" "$work/p2.txt" | grep -c "complete in" || true)
[ "$trained" = 5 ] || fail "two concurrent runs trained $trained cells, expected 5 (each once)"
for f in "$work/shared/$exp/quick/"*.h5; do h5dump -H "$f" > /dev/null || fail "unreadable after concurrent runs: $f"; done
pass "two concurrent runs train each cell once"

# --jobs 2 trains cells in two processes; every dataset equals the serial run's.
"$bin" run "$exp" --profile quick --results "$work/parallel" --jobs 2 > /dev/null 2> "$work/parallel.txt" || fail "--jobs 2 failed: $(tail -3 "$work/parallel.txt")"
[ "$(grep -c "complete in" "$work/parallel.txt")" = 5 ] || fail "--jobs 2 trained $(grep -c "complete in" "$work/parallel.txt") cells, expected 5"
for f in "$work/shared/$exp/quick/"*.h5; do
  g="$work/parallel/$exp/quick/$(basename "$f")"
  cmp -s <(h5dump -g /epochs -g /steps -g /tensors "$f" | tail -n +2) <(h5dump -g /epochs -g /steps -g /tensors "$g" | tail -n +2) \
    || fail "--jobs 2 changed the datasets of $(basename "$f")"
done
pass "--jobs 2 trains each cell once, in two processes, with the serial run's datasets"

# Another machine's store merges in: every file added, then identical on a second merge.
"$bin" merge "$work/shared" --results "$work/merged" > "$work/merge.txt" 2>&1 || fail "merge failed: $(tail -3 "$work/merge.txt")"
n=$(ls "$work/shared/$exp/quick/"*.h5 | wc -l)
grep -q "$n files: $n added" "$work/merge.txt" || fail "merge did not add the $n files: $(cat "$work/merge.txt")"
"$bin" merge "$work/shared" --results "$work/merged" > "$work/merge.txt" 2>&1 || fail "a second merge failed: $(tail -3 "$work/merge.txt")"
grep -q "$n files: $n identical" "$work/merge.txt" || fail "a second merge was not identical: $(cat "$work/merge.txt")"
pass "merge brings another store in ($n files added), and a second merge finds them identical"

# A results folder that cannot be written is refused before anything trains.
touch "$work/not-a-folder"
if "$bin" run "$exp" --profile quick --results "$work/not-a-folder" 2> "$work/unwritable.txt" > /dev/null; then fail "a file as results folder was accepted"; fi
grep -q "a file is in the place of the results folder" "$work/unwritable.txt" || fail "unclear error: $(cat "$work/unwritable.txt")"
pass "a file in the place of the results folder is refused before training"

# Damaged and foreign files in the store: no command dies on a signal, nothing is deleted, and
# run moves each aside and reruns its cell.
cp -r "$work/shared" "$work/damaged"
d="$work/damaged/$exp/quick"
head -c 3000 "$d/sgd--seed0.h5" > "$d/t" && mv "$d/t" "$d/sgd--seed0.h5"              # truncated
head -c 16920 /dev/urandom > "$d/momentum--seed0.h5"                                    # random bytes
echo "not a cell" > "$d/adam--seed0.h5"                                                 # text
: > "$d/rmsprop--seed0.h5"                                                              # empty
for cmd in "list" "show $exp --profile quick" "figures $exp --profile quick" "verify $exp --profile quick --all"; do
  set +e; "$bin" $cmd --results "$work/damaged" --figures "$work/damaged-figures" > "$work/cmd.txt" 2>&1; rc=$?; set -e
  [ "$rc" -lt 128 ] || fail "reprise $cmd died on signal $((rc - 128)) with damaged files"
done
set +e; "$bin" verify "$exp" --profile quick --all --results "$work/damaged" > "$work/verify-damaged.txt" 2>&1; rc=$?; set -e
[ "$rc" = 1 ] || fail "verify exited $rc over damaged cells (expected 1): $(tail -3 "$work/verify-damaged.txt")"
for v in sgd momentum adam rmsprop; do
  grep -q "| $v seed 0 | | FAILS | .*$v--seed0.h5 is damaged" "$work/verify-damaged.txt" || fail "verify did not name the damaged $v cell: $(cat "$work/verify-damaged.txt")"
done
pass "verify fails (exit 1) naming each damaged cell (truncated, random, text, empty)"
"$bin" run "$exp" --profile quick --results "$work/damaged" > "$work/repair.txt" 2>&1 || fail "run did not repair the damaged store: $(tail -3 "$work/repair.txt")"
kept=$(ls "$d" | grep -c "unreadable" || true)
[ "$kept" = 4 ] || fail "expected 4 damaged files kept aside, found $kept"
for f in "$d/"*.h5; do h5dump -H "$f" > /dev/null || fail "unreadable after repair: $f"; done
pass "damaged files (truncated, random, text, empty): no command crashes; run keeps them aside and reruns their cells"

# A run killed mid-way resumes: finished cells stay, the rest run, no temporary file is left.
"$bin" run "$exp" --profile quick --results "$work/killed" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 100); do [ "$(ls "$work/killed/$exp/quick/" 2>/dev/null | grep -c '.h5$')" -ge 2 ] && break; sleep 0.1; done
kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
"$bin" run "$exp" --profile quick --results "$work/killed" > "$work/resumed.txt" 2>&1 || fail "the resumed run failed"
[ "$(ls "$work/killed/$exp/quick/" | grep -c '.h5$')" = 5 ] || fail "the resumed run did not complete the experiment"
[ -z "$(ls "$work/killed/.tmp" 2>/dev/null | grep '.h5$')" ] || fail "temporary files left after resuming"
pass "a killed run resumes where it stopped and leaves no temporary file"

# A cell killed mid-way resumes from its checkpoint, by SIGKILL (no warning: from the last one
# written) and by SIGTERM (Slurm's time limit: a checkpoint at once), and stores the datasets of
# a run never interrupted, having trained only the steps after its checkpoint.
mkdir -p "$work/long"
cp scripts/long-cell.toml "$work/long/long.toml"   # one cell of 3000 steps (12 epochs of 250)
long() { "$bin" run long --experiments "$work/long" --checkpoint-steps 100 "$@"; }
long --results "$work/long-reference" > /dev/null 2>&1 || fail "the long cell failed"
ref="$work/long-reference/long/default/adam--seed0.h5"
for sig in KILL TERM; do
  r="$work/long-$sig"
  "$bin" run long --experiments "$work/long" --checkpoint-steps 100 --results "$r" > /dev/null 2> "$work/long-$sig.txt" &
  pid=$!
  for _ in $(seq 1 600); do [ -e "$r/long/default/adam--seed0.checkpoint" ] && break; sleep 0.05; done
  [ -e "$r/long/default/adam--seed0.checkpoint" ] || fail "no checkpoint appeared within 30 s ($sig)"
  sleep 0.3
  kill -"$sig" "$pid"; set +e; wait "$pid"; rc=$?; set -e
  [ ! -e "$r/long/default/adam--seed0.h5" ] || fail "the cell finished before SIG$sig reached it; lengthen it"
  if [ "$sig" = TERM ]; then
    [ "$rc" = 1 ] || fail "SIGTERM: exit $rc, expected 1 with a message"
    grep -q "stopped by a termination request .* its checkpoint is .*adam--seed0.checkpoint: run the same command again" "$work/long-$sig.txt" \
      || fail "SIGTERM: unclear message: $(tail -2 "$work/long-$sig.txt")"
  fi
  long --results "$r" > /dev/null 2> "$work/long-$sig-resumed.txt" || fail "resuming after SIG$sig failed: $(tail -2 "$work/long-$sig-resumed.txt")"
  grep -q "resumed from its checkpoint at step [1-9]" "$work/long-$sig-resumed.txt" || fail "SIG$sig: the rerun did not resume: $(cat "$work/long-$sig-resumed.txt")"
  cmp -s <(h5dump -g /epochs -g /steps -g /tensors "$ref" | tail -n +2) <(h5dump -g /epochs -g /steps -g /tensors "$r/long/default/adam--seed0.h5" | tail -n +2) \
    || fail "the cell resumed after SIG$sig stored other datasets than the uninterrupted run"
  from=$(h5dump -a /wallclock/resumed_from_step "$r/long/default/adam--seed0.h5" | grep -o '(0): [0-9]*' | grep -o '[0-9]*$')
  ran=$(h5dump -a /wallclock/steps_run "$r/long/default/adam--seed0.h5" | grep -o '(0): [0-9]*' | grep -o '[0-9]*$')
  [ "$((from + ran))" = 3000 ] || fail "SIG$sig: resumed from $from and ran $ran steps; a cell of 3000 steps should run only the rest"
  [ ! -e "$r/long/default/adam--seed0.checkpoint" ] || fail "the checkpoint was left after the result was stored"
  pass "a cell killed by SIG$sig at step $from of 3000 resumes, runs the other $ran steps and stores the uninterrupted run's datasets"
done

# A results folder that cannot be written serves every command that only reads: run with every
# cell stored, show, verify. As root, permissions do not bind: the commands run as nobody.
ro="$work/readonly"; mkdir -p "$ro"; cp -r "$work/shared" "$ro/results"; cp -r experiments "$ro/experiments"; cp "$bin" "$ro/reprise"
chmod -R a+rX "$work" "$ro"; chmod -R a-w "$ro/results"
as_user() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
( cd "$ro" && as_user ./reprise run "$exp" --profile quick > "$work/ro.txt" 2>&1 ) || fail "run on a read-only results folder with every cell stored failed: $(tail -3 "$work/ro.txt")"
grep -q "5 of 5 final cells already stored" "$work/ro.txt" || fail "read-only run: $(cat "$work/ro.txt")"
# Figures into a folder that cannot be written: one line naming the path and the fix.
mkdir -p "$ro/figs"; chmod a-w "$ro/figs"
set +e; ( cd "$ro" && as_user ./reprise figures "$exp" --profile quick --figures "$ro/figs" > "$work/rofig.txt" 2>&1 ); rc=$?; set -e
[ "$rc" = 1 ] || fail "figures into a read-only folder exited $rc: $(cat "$work/rofig.txt")"
grep -q "cannot write $ro/figs/$exp.*(Permission denied); make its folder writable" "$work/rofig.txt" || fail "unclear error: $(cat "$work/rofig.txt")"
grep -q "NSCocoaErrorDomain" "$work/rofig.txt" && fail "a raw Foundation error reached the user: $(cat "$work/rofig.txt")"
pass "a read-only results folder with every cell stored runs; a read-only figures folder gives one line naming the path"

# One invalid spec does not hide the others from list.
mkdir -p "$work/mixed"; cp "experiments/$exp.toml" "$work/mixed/"; printf 'name = "broken"\n' > "$work/mixed/broken.toml"
set +e; "$bin" list --experiments "$work/mixed" --results "$work/shared" > "$work/list.txt" 2> "$work/list-err.txt"; rc=$?; set -e
[ "$rc" = 1 ] || fail "list with an invalid spec exited $rc"
grep -q "^$exp" "$work/list.txt" && grep -q "cells stored: .*quick 5/5" "$work/list.txt" || fail "list hid the valid spec: $(cat "$work/list.txt")"
grep -q "INVALID: .*broken.toml" "$work/list.txt" || fail "list did not show the invalid spec's error: $(cat "$work/list.txt")"
pass "list shows the valid specs and the invalid one's error"

# The final stage of a selected experiment before its selection stage: says what to run first.
set +e; "$bin" run taso-vs-adaptive --profile quick --stage final --cell 0 --results "$work/nosel" > /dev/null 2> "$work/nosel.txt"; rc=$?; set -e
[ "$rc" = 1 ] && grep -q "selection runs are not stored.*--stage selection" "$work/nosel.txt" || fail "final stage without selection: rc $rc, $(cat "$work/nosel.txt")"
pass "--stage final without the selection stage names the stage to run first"

# A worker of --jobs killed by a signal: the parent names the signal and what to do. The worker is
# caught as soon as it exists; a run whose worker finished first is tried again (at most 3 times).
killed=""
for attempt in 1 2 3; do
  "$bin" run "$exp" --profile quick --force --jobs 2 --results "$work/killjob" > /dev/null 2> "$work/killjob.txt" &
  parent=$!; child=""
  for _ in $(seq 1 2000); do child=$(pgrep -P "$parent" -f -- "run $exp" | head -1 || true); [ -n "$child" ] && break; sleep 0.005; done
  if [ -n "$child" ] && kill -9 "$child" 2>/dev/null; then
    set +e; wait "$parent"; rc=$?; set -e
    [ "$rc" = 1 ] && grep -q "was killed by signal 9" "$work/killjob.txt" || fail "killed worker: rc $rc, $(tail -3 "$work/killjob.txt")"
    killed=1; break
  fi
  wait "$parent" || true
done
[ -n "$killed" ] || fail "could not catch a --jobs worker to kill in 3 attempts"
pass "a killed --jobs worker is named with its signal (exit 1)"

# reproduce refuses a tree with uncommitted changes (its results would name no commit), saying which
# files, before anything trains; run warns and goes on.
git clone -q "$(pwd)" "$work/clone"
absbin=$(readlink -f "$bin")
echo "# an uncommitted edit" >> "$work/clone/experiments/$exp.toml"
set +e; ( cd "$work/clone" && "$absbin" reproduce --profile quick --results "$work/dirty-results" > /dev/null 2> "$work/dirty.txt" ); rc=$?; set -e
[ "$rc" != 0 ] && grep -q "uncommitted changes (experiments/$exp.toml)" "$work/dirty.txt" && grep -q "pass --allow-dirty" "$work/dirty.txt" \
  || fail "reproduce on a dirty tree: rc $rc, $(cat "$work/dirty.txt")"
[ ! -e "$work/dirty-results/$exp" ] || fail "reproduce on a dirty tree trained cells"
( cd "$work/clone" && "$absbin" run "$exp" --profile quick --only adam --results "$work/dirty-results" > /dev/null 2> "$work/dirty-run.txt" ) \
  || fail "run on a dirty tree failed: $(tail -3 "$work/dirty-run.txt")"
grep -q "warning: uncommitted changes (experiments/$exp.toml)" "$work/dirty-run.txt" || fail "run did not name the uncommitted file: $(head -3 "$work/dirty-run.txt")"
h5dump -a /git_dirty "$work/dirty-results/$exp/quick/adam--seed0.h5" | grep -q "(0): 1" || fail "a dirty run did not record git_dirty 1"
pass "reproduce refuses a dirty tree naming the files; run warns, and its cells record git_dirty 1"

{ echo "# The catalog"; echo; echo "Every component a spec can name, with its keys. Generated by \`reprise describe --markdown\` (\`make catalog\`); \`make test\` fails when this file is out of date."; echo; "$bin" describe --markdown; } > "$work/catalog.md"
cmp -s "$work/catalog.md" docs/catalog.md || { diff "$work/catalog.md" docs/catalog.md | head -20; fail "docs/catalog.md is out of date with the catalog; run make catalog"; }
pass "docs/catalog.md matches the catalog (reprise describe --markdown)"

# The committed results reproduce bit for bit on this machine (portable kernel): one cell each.
# They were computed on the pinned Haswell kernel, which needs AVX2 and FMA: elsewhere, say so.
if grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo; then
  for e in $(ls experiments | sed 's/.toml//'); do
    "$bin" verify "$e" --cells 1 > "$work/verify-$e.txt" 2>&1 || { cat "$work/verify-$e.txt"; fail "committed cells of $e do not reproduce"; }
    if grep -q "select = " "experiments/$e.toml"; then
      "$bin" verify "$e" --stage selection --cells 1 > "$work/verify-$e.txt" 2>&1 || { cat "$work/verify-$e.txt"; fail "committed selection runs of $e do not reproduce"; }
    fi
  done
  pass "one committed cell of every experiment, and one selection run of each with a grid, rerun to identical datasets (reprise verify)"
else
  echo "end-to-end: skipped: this CPU lacks AVX2 or FMA, so the pinned Haswell kernel the committed results were computed on cannot run; they are not compared"
fi

echo "end-to-end: $checks passed, 0 failed"

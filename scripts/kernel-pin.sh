#!/usr/bin/env bash
# Proves that the BLAS kernel pin matters and holds: with OpenBLAS forced onto another kernel
# (Sandybridge: AVX without FMA, which every AVX machine runs) through OPENBLAS_CORETYPE,
#  - the bit-comparison tests still pass through make's pinned invocation, and refuse to compare
#    (naming the fix) when run without the pin;
#  - `reprise verify` on a committed cell reports identity under the default (reproducible) kernel,
#    and the difference, with exit 1, under --blas-kernel native, which honours the forced kernel;
#  - a cell trained on the portable kernel verifies identical under the pin;
#  - a cell trained on the reproducible kernel verifies identical on every path of Reprise's sgemm and
#    on 2 and 3 threads, and differs on the portable kernel.
set -euo pipefail
bin=${1:-.build/release/reprise}
swift=${SWIFT:-swift}
fail() { echo "kernel-pin: FAILED: $*" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
if ! { grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo; }; then
  echo "kernel-pin: this CPU lacks AVX2 or FMA: the Haswell pin cannot run here; skipped"
  echo "kernel-pin: 0 passed, 0 failed, 1 skipped"; exit 0
fi
grep -qw avx /proc/cpuinfo || { echo "kernel-pin: no AVX: Sandybridge cannot be forced; skipped"; echo "kernel-pin: 0 passed, 0 failed, 1 skipped"; exit 0; }
export OPENBLAS_CORETYPE=Sandybridge
passed=0

env OPENBLAS_CORETYPE=Haswell "$swift" test --skip-build --filter PyTorchAgreementTests > "$work/pinned.txt" 2>&1 \
  || fail "the bit-comparison tests failed under make's pin with Sandybridge in the environment: $(tail -5 "$work/pinned.txt")"
if "$swift" test --skip-build --filter PyTorchAgreementTests > "$work/unpinned.txt" 2>&1; then
  fail "the bit-comparison tests compared bits on the Sandybridge kernel instead of refusing"
fi
grep -q "OpenBLAS runs its Sandybridge kernel in this process; bit comparisons need the pinned Haswell kernel" "$work/unpinned.txt" \
  || fail "the unpinned bit-comparison test did not name the kernel and the fix: $(grep -m3 error "$work/unpinned.txt")"
passed=$((passed + 1)); echo "kernel-pin: ok: bit-comparison tests pass under the pin, and refuse (naming the fix) on Sandybridge"

# A committed cell (the default kernel, reproducible) verifies identical with Sandybridge in the
# environment: the sgemm is Reprise's, the rest of BLAS is pinned back to Haswell.
"$bin" verify baselines-fmnist --cells 1 > "$work/default.txt" 2>&1 || fail "verify of a committed cell on the default kernel with Sandybridge in the environment: $(tail -5 "$work/default.txt")"
grep -q "rerun on the reproducible kernel (Reprise's sgemm on its .* path, OpenBLAS's Haswell kernel for the rest)" "$work/default.txt" && grep -q "verify: every dataset and attribute identical" "$work/default.txt" \
  || fail "verify (default kernel): $(tail -5 "$work/default.txt")"
set +e; "$bin" verify baselines-fmnist --cells 1 --blas-kernel native > "$work/native.txt" 2>&1; rc=$?; set -e
[ "$rc" = 1 ] || fail "verify on the forced Sandybridge kernel exited $rc (expected 1): $(tail -5 "$work/native.txt")"
grep -q "rerun on the native kernel (OpenBLAS's Sandybridge kernel)" "$work/native.txt" && grep -q "verify: DIFFERENT" "$work/native.txt" \
  && grep -q "rerun on the native kernel (OpenBLAS's Sandybridge kernel), which rounds differently; rerun with --blas-kernel reproducible" "$work/native.txt" \
  || fail "verify (native, Sandybridge): $(tail -5 "$work/native.txt")"
passed=$((passed + 1)); echo "kernel-pin: ok: a committed cell verifies identical on the default kernel and reports the difference (exit 1, naming the kernels) on Sandybridge"
# The portable kernel (OpenBLAS's Haswell, the committed results' kernel before 2026-11-30) holds its
# pin too: a quick cell trained on it verifies identical with Sandybridge in the environment.
mkdir -p "$work/portable"
"$bin" run baselines-fmnist --profile quick --blas-kernel portable --results "$work/portable" > "$work/portable-run.txt" 2>&1 \
  || fail "a quick run on the portable kernel: $(tail -5 "$work/portable-run.txt")"
"$bin" verify baselines-fmnist --profile quick --all --blas-kernel portable --results "$work/portable" > "$work/portable.txt" 2>&1 \
  || fail "verify on the portable kernel with Sandybridge in the environment: $(tail -5 "$work/portable.txt")"
grep -q "rerun on the portable kernel (OpenBLAS's Haswell kernel)" "$work/portable.txt" && grep -q "verify: every dataset and attribute identical" "$work/portable.txt" \
  || fail "verify (portable): $(tail -5 "$work/portable.txt")"
passed=$((passed + 1)); echo "kernel-pin: ok: a portable-kernel cell verifies identical with Sandybridge in the environment"
# The reproducible sgemm: a cell trained on one path (the widest this CPU runs) verifies identical on
# every other path, the scalar fmaf reference included — what a machine of another class would compute.
unset OPENBLAS_CORETYPE
mkdir -p "$work/repro"
"$bin" run baselines-fmnist --profile quick --results "$work/repro" > "$work/repro-run.txt" 2>&1 \
  || fail "a quick run on the default (reproducible) kernel: $(tail -5 "$work/repro-run.txt")"
paths="scalar avx2 avx2-wide"; grep -qw avx512f /proc/cpuinfo && paths="$paths avx512"
for path in $paths; do
  REPRISE_SGEMM_PATH=$path "$bin" verify baselines-fmnist --profile quick --all --results "$work/repro" \
    > "$work/repro-$path.txt" 2>&1 || fail "verify on the reproducible sgemm's $path path: $(tail -5 "$work/repro-$path.txt")"
  grep -q "verify: every dataset and attribute identical" "$work/repro-$path.txt" || fail "verify ($path): $(tail -5 "$work/repro-$path.txt")"
done
# … on 2 and 3 threads too (the products' column strips, the elementwise work and the update split
# among threads, every element computed as on one) …
for t in 2 3; do
  "$bin" verify baselines-fmnist --profile quick --all --threads $t --results "$work/repro" \
    > "$work/repro-t$t.txt" 2>&1 || fail "verify on the reproducible kernel with $t threads: $(tail -5 "$work/repro-t$t.txt")"
  grep -q "verify: every dataset and attribute identical" "$work/repro-t$t.txt" || fail "verify ($t threads): $(tail -5 "$work/repro-t$t.txt")"
done
# … and committed cells whose Double work runs on OpenBLAS (OGR's eigensolver and norms on 3-D
# Beale and on the MLP): on the reproducible kernel OpenBLAS keeps one thread, so they too verify
# identical on 2 threads (with OpenBLAS on two threads their eigenvalues and step norms differed).
for e in ogr-beale-3d ogr-network; do
  "$bin" verify $e --cells 1 --threads 2 > "$work/t2-$e.txt" 2>&1 && grep -q "verify: every dataset and attribute identical" "$work/t2-$e.txt" \
    || fail "verify of a committed $e cell on 2 threads: $(tail -5 "$work/t2-$e.txt")"
done
# … and the check can fail: OpenBLAS's Haswell kernel rounds the same products differently.
set +e; "$bin" verify baselines-fmnist --profile quick --cells 1 --blas-kernel portable --results "$work/repro" > "$work/repro-openblas.txt" 2>&1; rc=$?; set -e
[ "$rc" = 1 ] && grep -q "verify: DIFFERENT" "$work/repro-openblas.txt" && grep -q "rerun with --blas-kernel reproducible" "$work/repro-openblas.txt" \
  || fail "a reproducible-sgemm cell verified identical on OpenBLAS's kernel (exit $rc), or the note did not name the kernel: $(tail -3 "$work/repro-openblas.txt")"
passed=$((passed + 1)); echo "kernel-pin: ok: a cell trained with the reproducible sgemm verifies identical on its paths ($paths) and on 2 and 3 threads (committed OGR cells too), and differs on OpenBLAS's"
echo "kernel-pin: $passed passed, 0 failed"

#!/usr/bin/env bash
# DeepSeek sparse attention against the dense causal attention it replaces:
# for each sequence length S (default 1024 2048 4096) at top-k K (default
# 256), one T6-sized block (bench/make_dsa_bench_models.py) in the ONNX mask
# form and its dense twin are compiled by attnc at -O2 and timed with
# attnc-run, and both run in onnxruntime (1 thread, like attnc's code), all
# in one run. attnc's outputs are checked against onnxruntime's.
#
# Then the attention ops alone (attn.lightning_indexer, attn.topk,
# attn.sparse_attention, causal attn.attention) at the same sizes, lowered
# by the same pipeline, JIT-compiled and timed in mlir-runner (comparable
# with each other, not to the millisecond with the first table): the sparse
# attention must grow linearly in S at fixed K, the dense one quadratically.
#
# Models and libraries go to a temporary folder. Needs onnxruntime-node
# (tools/ort-reference/install.sh; dev only).
# Usage: bench/dsa-vs-dense.sh [ITERATIONS] [K] [S...]
# Env: ATTNC_BUILD_DIR (default build/), ATTNC_NINJA_FLAGS (e.g. -j1),
#      ATTNC_BENCH_GHZ (clock for the FMA peak; default from /proc/cpuinfo).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ATTNC_BUILD_DIR:-$ROOT/build}"
ITERATIONS="${1:-3}"
K="${2:-256}"
shift $(( $# < 2 ? $# : 2 ))
if [ $# -gt 0 ]; then SEQS=("$@"); else SEQS=(1024 2048 4096); fi
LLVM_BIN=/usr/lib/llvm-22/bin
LLVM_LIB=/usr/lib/llvm-22/lib

# shellcheck disable=SC2086
"$ROOT/scripts/build.sh" ${ATTNC_NINJA_FLAGS:-} attnc attnc-opt attnc-run >/dev/null
"$ROOT/tools/ort-reference/install.sh" >/dev/null

# Single-thread FMA peak: AVX2 with two 256-bit FMA pipes is 2 x 8 lanes x
# 2 FLOPs = 32 FLOPs per cycle per core (bench/README.md).
GHZ="${ATTNC_BENCH_GHZ:-$(awk -F: '/^cpu MHz/ { printf "%.3f", $2 / 1000; exit }' /proc/cpuinfo)}"
PEAK_GFLOPS=$(awk -v g="$GHZ" 'BEGIN { printf "%.1f", 32 * g }')

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

median() { awk '/^median_ms:/ { print $2 }'; }
# Seconds of wall time a command takes (its output discarded).
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }'
}
# Percent of the FMA peak: FLOPS in MS milliseconds.
peak_pct() {
  awk -v f="$1" -v ms="$2" -v p="$PEAK_GFLOPS" \
    'BEGIN { printf "%.2f", 100 * f / (ms * 1e6) / p }'
}

echo "machine: $(awk -F: '/^model name/ { print $2; exit }' /proc/cpuinfo | xargs)," \
  "${GHZ} GHz, 1-thread FMA peak ${PEAK_GFLOPS} GFLOP/s; attnc -O2, ${ITERATIONS} iterations"
echo
echo "Whole block (projections + attention), ms = median of ${ITERATIONS} warm runs:"
printf '%6s %5s | %12s %12s %8s | %10s %10s | %9s %9s | %9s %9s | %s\n' \
  S k "attnc DSA" "attnc dense" "ratio" "ORT DSA" "ORT dense" \
  "DSA %pk" "dense %pk" "compile D" "compile d" "vs ORT"
for S in "${SEQS[@]}"; do
  DIR="$TMP/s$S"
  declare -A FLOPS=()
  while read -r _ name total _; do FLOPS[$name]=$total; done \
    < <(/usr/bin/python3 "$ROOT/bench/make_dsa_bench_models.py" --seq "$S" --k "$K" --out "$DIR")
  declare -A ATTNC=() ORT=() COMPILE=() CHECK=()
  for variant in dsa dense; do
    MODEL="$DIR/$variant/model.onnx"
    DATA="$DIR/$variant/test_data_set_0"
    node "$ROOT/tools/ort-reference/run.js" "$MODEL" "$DATA" --write-outputs >/dev/null
    COMPILE[$variant]=$(seconds "$BUILD/bin/attnc" -O 2 "$MODEL" -o "$DIR/$variant.so")
    # TopK near-ties may select another key than onnxruntime's in a row or
    # two (f32 sums in another order), so a failed comparison is reported,
    # not fatal.
    if OUT=$("$BUILD/bin/attnc-run" "$DIR/$variant.so" --test-data "$DATA" \
               --iterations "$ITERATIONS" --atol 1e-4 2>&1); then
      CHECK[$variant]=agree
    else
      CHECK[$variant]=DIFFER
    fi
    ATTNC[$variant]=$(median <<<"$OUT")
    ORT[$variant]=$(node "$ROOT/tools/ort-reference/run.js" "$MODEL" "$DATA" \
                      --iterations "$ITERATIONS" --threads 1 | median)
  done
  printf '%6s %5s | %12.1f %12.1f %8.2f | %10.1f %10.1f | %9s %9s | %8ss %8ss | DSA %s, dense %s\n' \
    "$S" "$K" "${ATTNC[dsa]}" "${ATTNC[dense]}" \
    "$(awk -v a="${ATTNC[dsa]}" -v b="${ATTNC[dense]}" 'BEGIN { print a / b }')" \
    "${ORT[dsa]}" "${ORT[dense]}" \
    "$(peak_pct "${FLOPS[dsa]}" "${ATTNC[dsa]}")" "$(peak_pct "${FLOPS[dense]}" "${ATTNC[dense]}")" \
    "${COMPILE[dsa]}" "${COMPILE[dense]}" "${CHECK[dsa]}" "${CHECK[dense]}"
  rm -rf "$DIR"
done

echo
echo "Attention ops alone (attnc-opt --attnc-lower-to-linalg --attnc-cpu-codegen, JIT by mlir-runner -O2)," \
  "ms, fastest of ${ITERATIONS} runs:"
printf '%6s %5s | %9s %8s %12s %10s | %12s | %7s %7s %7s\n' \
  S k indexer topk "sparse attn" "DSA total" "dense causal" "idx %pk" "spa %pk" "den %pk"
for S in "${SEQS[@]}"; do
  MLIR="$TMP/ops_s$S.mlir"
  /usr/bin/python3 "$ROOT/bench/make_dsa_bench_models.py" --seq "$S" --k "$K" --ops "$MLIR"
  "$BUILD/bin/attnc-opt" "$MLIR" --attnc-lower-to-linalg --attnc-cpu-codegen -o "$MLIR.llvm"
  # Each run prints seconds then a probe element, for the indexer, top-k,
  # sparse and dense attention in turn; keep each op's fastest run (the
  # machine is shared: the minimum is the least disturbed).
  read -r indexer topk sparse dense < <(
    for _ in $(seq "$ITERATIONS"); do
      "$LLVM_BIN/mlir-runner" "$MLIR.llvm" -O2 -e main -entry-point-result=void \
        -shared-libs="$LLVM_LIB/libmlir_runner_utils.so,$LLVM_LIB/libmlir_c_runner_utils.so"
    done | awk 'NR % 2 == 1 { op = (NR - 1) / 2 % 4; ms = $1 * 1000
                              if (!(op in t) || ms < t[op]) t[op] = ms }
                END { print t[0], t[1], t[2], t[3] }')
  read -r indexer_flops sparse_flops dense_flops < <(
    /usr/bin/python3 "$ROOT/bench/make_dsa_bench_models.py" --seq "$S" --k "$K" --ops-flops)
  printf '%6s %5s | %9.1f %8.1f %12.1f %10.1f | %12.1f | %7s %7s %7s\n' "$S" "$K" \
    "$indexer" "$topk" "$sparse" \
    "$(awk -v a="$indexer" -v b="$topk" -v c="$sparse" 'BEGIN { print a + b + c }')" \
    "$dense" "$(peak_pct "$indexer_flops" "$indexer")" "$(peak_pct "$sparse_flops" "$sparse")" \
    "$(peak_pct "$dense_flops" "$dense")"
done

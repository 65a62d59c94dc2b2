#!/usr/bin/env bash
# Each attention technique against the same model with the technique undone
# (bench/make_technique_models.py builds the pairs from the test generators):
# layer-wise budgets (T2), cross-layer KV sharing (T4), MLA (T5 decode), GQA
# (T1 prefill, and a decode step over a long cache), linear attention (T8),
# compressed attention (T7). Every model is compiled by attnc at -O2 and timed with attnc-run
# --iterations, run in onnxruntime (1 thread, like attnc's code) for its
# expected outputs and timed there too; attnc's outputs are checked against
# onnxruntime's. `attnc --report` gives the KV cache bytes and attention
# FLOPs. One table row per model.
#
# Models and libraries go to a temporary folder. Needs onnxruntime-node
# (tools/ort-reference/install.sh; dev only).
# Usage: bench/techniques.sh [ITERATIONS [ROUNDS]] [-- GENERATOR OPTIONS]
#   e.g. bench/techniques.sh 10 5 -- --budget-seq 1024 --only budgets,mla
# (defaults 10 iterations, 5 rounds: about 3.5 minutes on a 2-core machine)
# Env: ATTNC_BUILD_DIR (default build/), ATTNC_NINJA_FLAGS (e.g. -j1),
#      ATTNC_BENCH_NO_BUILD=1 (use the build as it is).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ATTNC_BUILD_DIR:-$ROOT/build}"
ITERATIONS=10
ROUNDS=5
if [[ $# -gt 0 && "$1" != "--" ]]; then ITERATIONS="$1"; shift; fi
if [[ $# -gt 0 && "$1" != "--" ]]; then ROUNDS="$1"; shift; fi
if [[ "${1:-}" == "--" ]]; then shift; fi

if [[ -z "${ATTNC_BENCH_NO_BUILD:-}" ]]; then
  # shellcheck disable=SC2086
  "$ROOT/scripts/build.sh" ${ATTNC_NINJA_FLAGS:-} attnc attnc-run >/dev/null
fi
"$ROOT/tools/ort-reference/install.sh" >/dev/null

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

median() { awk '/^median_ms:/ { print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "machine: $(awk -F: '/^model name/ { print $2; exit }' /proc/cpuinfo | xargs)," \
  "$(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC'); attnc -O2, onnxruntime 1 thread," \
  "${ROUNDS} rounds of ${ITERATIONS} warm runs (decode $(( 10 * ITERATIONS )))"
echo "attnc: $BUILD/bin/attnc, built $(date -u -r "$BUILD/bin/attnc" '+%Y-%m-%d %H:%M UTC')"
echo

ROWS="$TMP/rows.tsv"
/usr/bin/python3 "$ROOT/bench/make_technique_models.py" --out "$TMP" "$@" >"$ROWS"

# The JSON report's totals: KV bytes per token (caches owned), the cache at
# the context length (windows as ring buffers) and the attention FLOPs.
report_totals() {
  /usr/bin/python3 -c 'import json, sys
t = json.load(sys.stdin)["totals"]
print(t["kv_bytes_per_token"], t["kv_bytes_at_seq_len"], t["flops"])'
}

# Setup of one model (its row of ROWS): report totals, onnxruntime's outputs,
# the library, and attnc's outputs checked against onnxruntime's.
declare -A KV_TOK=() KV_CTX=() FLOPS=() CHECK=() ATTNC_MS=() ORT_MS=()
while IFS=$'\t' read -r technique variant mode tokens ctx dir shapes; do
  key="$technique/$variant"
  model="$dir/model.onnx"
  pins=()
  if [[ "$shapes" != "-" ]]; then
    IFS=, read -r -a list <<<"$shapes"
    for s in "${list[@]}"; do pins+=(--input-shape "$s"); done
  fi
  read -r "KV_TOK[$key]" "KV_CTX[$key]" "FLOPS[$key]" < <(
    "$BUILD/bin/attnc" --report "$model" --seq-len "$ctx" --report-format=json "${pins[@]}" |
      report_totals)
  node "$ROOT/tools/ort-reference/run.js" "$model" "$dir/test_data_set_0" --write-outputs \
    >/dev/null
  "$BUILD/bin/attnc" -O 2 "$model" "${pins[@]}" -o "$dir.so"
  if "$BUILD/bin/attnc-run" "$dir.so" --test-data "$dir/test_data_set_0" \
       --rtol 1e-3 --atol 1e-4 >/dev/null 2>&1; then
    CHECK[$key]=agree
  else
    CHECK[$key]=DIFFER
  fi
done <"$ROWS"

# The MLA pair computes one function (the MHA past is the expansion of the
# latent past): its logits must agree.
if [[ -f "$TMP/mla_latent.so" && -f "$TMP/mla_expanded-mha.so" ]]; then
  /usr/bin/python3 - "$TMP" <<'PY'
import sys
from onnx import load_tensor, numpy_helper
a, b = (numpy_helper.to_array(load_tensor(f"{sys.argv[1]}/mla_{v}/test_data_set_0/output_0.pb"))
        for v in ("latent", "expanded-mha"))
print(f"mla: latent vs expanded-mha logits (onnxruntime) max |diff| {abs(a - b).max():.2e}"
      f" (max |logit| {abs(a).max():.2f})")
PY
  echo
fi

# Timing: the machine is shared, so each model is timed in ROUNDS rounds that
# alternate the models of a pair, and the fastest round median is kept (the
# least disturbed one). A decode step takes milliseconds: it runs 10x as many
# iterations.
for (( round = 1; round <= ROUNDS; round++ )); do
  while IFS=$'\t' read -r technique variant mode _ _ dir _; do
    key="$technique/$variant"
    n=$ITERATIONS
    if [[ "$mode" == decode ]]; then n=$(( 10 * ITERATIONS )); fi
    a=$("$BUILD/bin/attnc-run" "$dir.so" --inputs "$dir/test_data_set_0" --iterations "$n" |
          median)
    o=$(node "$ROOT/tools/ort-reference/run.js" "$dir/model.onnx" "$dir/test_data_set_0" \
          --iterations "$n" --threads 1 | median)
    ATTNC_MS[$key]=$(awk -v a="$a" -v b="${ATTNC_MS[$key]:-1e300}" 'BEGIN { print (a < b) ? a : b }')
    ORT_MS[$key]=$(awk -v a="$o" -v b="${ORT_MS[$key]:-1e300}" 'BEGIN { print (a < b) ? a : b }')
  done <"$ROWS"
done

HEADER='%-8s %-13s %-7s %6s %6s | %8s %10s %8s | %9s %9s %6s | %6s %6s | %s\n'
# shellcheck disable=SC2059
printf "$HEADER" technique variant mode tokens ctx "KV B/tok" "KV KiB@ctx" "GFLOP" \
  "attnc ms" "ORT ms" "a/ORT" "t/u a" "t/u O" check
PREVIOUS=""
while IFS=$'\t' read -r technique variant mode tokens ctx _ _; do
  key="$technique/$variant"
  # A technique's first row uses it, the second undoes it: "t/u" (technique
  # time / undone time) is printed on the second.
  tu_attnc="" tu_ort=""
  if [[ "$PREVIOUS" == "$technique/"* ]]; then
    tu_attnc=$(ratio "${ATTNC_MS[$PREVIOUS]}" "${ATTNC_MS[$key]}")
    tu_ort=$(ratio "${ORT_MS[$PREVIOUS]}" "${ORT_MS[$key]}")
  fi
  PREVIOUS="$key"
  # shellcheck disable=SC2059
  printf "$HEADER" "$technique" "$variant" "$mode" "$tokens" "$ctx" "${KV_TOK[$key]}" \
    "$(awk -v b="${KV_CTX[$key]}" 'BEGIN { printf "%.0f", b / 1024 }')" \
    "$(awk -v f="${FLOPS[$key]}" 'BEGIN { printf "%.3f", f / 1e9 }')" \
    "$(awk -v t="${ATTNC_MS[$key]}" 'BEGIN { printf "%.2f", t }')" \
    "$(awk -v t="${ORT_MS[$key]}" 'BEGIN { printf "%.2f", t }')" \
    "$(ratio "${ATTNC_MS[$key]}" "${ORT_MS[$key]}")" "$tu_attnc" "$tu_ort" "${CHECK[$key]}"
done <"$ROWS"
echo
echo "KV B/tok: the report's kv_bytes_per_token (caches the layers own, all layers);"
echo "KV KiB@ctx: kv_bytes_at_seq_len at ctx (a window keeps min(ctx, W) tokens);"
echo "GFLOP: the report's attention FLOPs of a prefill of ctx tokens (no projections);"
echo "ms: fastest of ${ROUNDS} round medians; a/ORT: attnc / onnxruntime time;"
echo "t/u a, t/u O: technique / undone time (attnc, onnxruntime); check: attnc vs onnxruntime."

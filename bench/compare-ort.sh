#!/usr/bin/env bash
# Times a model compiled by attnc against onnxruntime (CPU, same thread count)
# on the same inputs, in one run, and prints both medians and their ratio.
# Needs onnxruntime-node (tools/ort-reference/install.sh; dev only).
# Usage: bench/compare-ort.sh [MODEL.onnx DATADIR] [ITERATIONS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ATTNC_BUILD_DIR:-$ROOT/build}"
MODEL="${1:-$ROOT/examples/tiny-decoder/model.onnx}"
DATA="${2:-$ROOT/examples/tiny-decoder/test_data_set_0}"
ITERATIONS="${3:-200}"

"$ROOT/scripts/build.sh" attnc attnc-run >/dev/null
"$ROOT/tools/ort-reference/install.sh" >/dev/null

LIB="$(mktemp --suffix=.so)"
trap 'rm -f "$LIB"' EXIT
"$BUILD/bin/attnc" "$MODEL" -o "$LIB"

# attnc's code is single-threaded today: compare with one onnxruntime thread.
attnc_ms=$("$BUILD/bin/attnc-run" "$LIB" --test-data "$DATA" --iterations "$ITERATIONS" \
  | awk '/^median_ms:/ { print $2 }')
ort_ms=$(node "$ROOT/tools/ort-reference/run.js" "$MODEL" "$DATA" --iterations "$ITERATIONS" \
  --threads 1 | awk '/^median_ms:/ { print $2 }')
echo "model: $MODEL"
echo "attnc median_ms: $attnc_ms"
echo "onnxruntime (1 thread) median_ms: $ort_ms"
awk -v a="$attnc_ms" -v o="$ort_ms" 'BEGIN { printf "attnc / onnxruntime time ratio: %.2f\n", a / o }'

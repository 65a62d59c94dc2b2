#!/usr/bin/env bash
# The README's main command: set-up, build, then the main job on the bundled
# example: compile examples/tiny-decoder/model.onnx (a 2-layer GQA decoder with
# RoPE, decomposed as an exporter writes it) to a shared library, run it on the
# bundled inputs, check the outputs against the stored expected outputs, and
# time it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ATTNC_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/build.sh" attnc attnc-run

MODEL="$ROOT/examples/tiny-decoder/model.onnx"
DATA="$ROOT/examples/tiny-decoder/test_data_set_0"
LIB="$BUILD/examples/tiny-decoder.so"
mkdir -p "$(dirname "$LIB")"


echo "== attention blocks raised to attn ops (attnc --report, at a 4096-token context)"
"$BUILD/bin/attnc" "$MODEL" --report --seq-len 4096

echo "== compile: $MODEL -> $LIB"
start=$(date +%s%N)
"$BUILD/bin/attnc" "$MODEL" -o "$LIB"
echo "compile_ms: $(( ($(date +%s%N) - start) / 1000000 ))"

echo "== run, check against the expected output, and time 100 runs"
"$BUILD/bin/attnc-run" "$LIB" --test-data "$DATA" --iterations 100

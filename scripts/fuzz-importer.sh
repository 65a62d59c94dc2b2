#!/usr/bin/env bash
# Fuzzes the ONNX importer with libFuzzer + ASan/UBSan for SECONDS (default 60).
# Seeds: every conformance and test model. Crashing inputs land in
# fuzz-artifacts/; keep each one as a regression input under
# test/Import/ONNX/Inputs/fuzz/ (test/Import/ONNX/fuzz-regressions.test runs them).
# Usage: scripts/fuzz-importer.sh [SECONDS] [JOBS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_TO_RUN="${1:-60}"
JOBS="${2:-1}"
BUILD="$ROOT/build-fuzz"

"$ROOT/scripts/install-deps.sh"
if [ ! -f "$BUILD/build.ninja" ]; then
  "$ROOT/scripts/configure.sh" "$BUILD" -DATTNC_ENABLE_FUZZERS=ON \
    -DATTNC_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
CCACHE_BASEDIR="$ROOT" ninja -C "$BUILD" attnc-import-fuzzer

CORPUS="$BUILD/fuzz-corpus"
ARTIFACTS="$ROOT/fuzz-artifacts"
mkdir -p "$CORPUS" "$ARTIFACTS"
# Seeds are named by a hash of their path: most cases are called model.onnx,
# and copying them by base name would keep only the first of each name.
find "$ROOT/../shared/conformance" "$ROOT/test" "$ROOT/examples" -name '*.onnx' \
  -size -256k -print0 2>/dev/null |
  while IFS= read -r -d '' model; do
    cp -n "$model" "$CORPUS/seed-$(printf '%s' "$model" | sha1sum | cut -c1-16).onnx"
  done
echo "seed corpus: $(ls "$CORPUS" | wc -l) files in $CORPUS"

"$BUILD/bin/attnc-import-fuzzer" "$CORPUS" \
  -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
  -jobs="$JOBS" -workers="$JOBS" -artifact_prefix="$ARTIFACTS/" -print_final_stats=1

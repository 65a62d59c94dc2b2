#!/usr/bin/env bash
# The README's main command: set-up, build, and the main job on the bundled
# example. Until ONNX import lands, the example is examples/attention.mlir,
# verified and printed by attnc-opt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ATTNC_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/build.sh" attnc-opt
"$BUILD/bin/attnc-opt" "$ROOT/examples/attention.mlir"

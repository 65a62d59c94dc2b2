#!/usr/bin/env bash
# Configures the attnc build tree (default: build/) with the project's standard
# settings: clang-22, Ninja, libMLIR.so, ccache when present.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
shift || true

LAUNCHER=()
if command -v ccache >/dev/null 2>&1; then
  # A fresh clone in another folder (CI) still hits the cache.
  export CCACHE_BASEDIR="$ROOT"
  LAUNCHER=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

cmake -G Ninja -S "$ROOT" -B "$BUILD" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
  -DLLVM_USE_LINKER=lld \
  -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
  "${LAUNCHER[@]}" "$@"

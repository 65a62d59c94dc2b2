#!/usr/bin/env bash
# Installs missing Debian packages, configures (once) and builds attnc.
# Usage: scripts/build.sh [ninja targets...]   (default: all)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ATTNC_BUILD_DIR:-$ROOT/build}"

"$ROOT/scripts/install-deps.sh"
if [ ! -f "$BUILD/build.ninja" ]; then
  "$ROOT/scripts/configure.sh" "$BUILD"
fi
export CCACHE_BASEDIR="$ROOT"
ninja -C "$BUILD" "$@"

#!/usr/bin/env bash
# The README's test command: set-up, build, and the whole test suite (lit and
# GoogleTest through lit). Exits non-zero on any failure and ends with the line
# "N passed, N failed".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ATTNC_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/build.sh" all AttncUnitTests

LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
status=0
/usr/lib/llvm-22/bin/lit -sv "$BUILD/test" 2>&1 | tee "$LOG" || status=$?

# lit's summary lines look like "  Expectedly Failed: 3 (1.2%)".
count() {
  awk -F: -v key="$1" '{ name = $1; sub(/^ +/, "", name) }
    name == key { split($2, f, " "); n += f[1] } END { print n + 0 }' "$LOG"
}
passed=$(( $(count Passed) + $(count "Expectedly Failed") ))
failed=$(( $(count Failed) + $(count "Unexpectedly Passed") + $(count Unresolved) + $(count "Timed Out") ))
echo "$passed passed, $failed failed, $(count Unsupported) skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi

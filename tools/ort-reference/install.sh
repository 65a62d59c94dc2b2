#!/usr/bin/env bash
# Installs onnxruntime-node into tools/ort-reference/node_modules (dev tool only).
# ONNXRUNTIME_NODE_INSTALL=skip: the package's postinstall otherwise tries to fetch
# extra binaries from nuget, which is unreachable here; the npm tarball already
# ships the CPU binaries we need. Idempotent: does nothing if already installed.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f node_modules/onnxruntime-node/package.json ] &&
   grep -q '"version": "1.30.0"' node_modules/onnxruntime-node/package.json; then
  echo "onnxruntime-node 1.30.0 already installed in $(pwd)/node_modules"
  exit 0
fi
# --no-save/--no-package-lock: package.json already pins the exact version, and
# we do not want a lockfile churning in the repo.
ONNXRUNTIME_NODE_INSTALL=skip npm install --no-save --no-package-lock --no-audit --no-fund \
  onnxruntime-node@1.30.0
node -e "require('onnxruntime-node'); console.log('onnxruntime-node loads OK')"

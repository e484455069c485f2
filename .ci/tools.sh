#!/usr/bin/env bash
# Installs the non-Python tools the test suite uses, when they are missing:
# Neo4j's Cypher parser (npm) and Debian's Chromium (browser test).
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v npm >/dev/null && [ ! -d tools/node_modules/@neo4j-cypher/language-support ]; then
  (cd tools && npm install --no-audit --no-fund --silent) || echo "tools: npm install failed; Cypher syntax tests will fail" >&2
fi
if ! command -v chromium >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "tools: could not install chromium; the browser test will fail" >&2
fi

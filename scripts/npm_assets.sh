#!/usr/bin/env bash
# Installs the npm packages of package-lock.json (`npm ci`, only when the lock changed) and copies their CSS to where
# Dash serves it (scripts/build_assets.py). Used by ./run.sh (optional: without npm the site runs on its own base
# stylesheet) and ./test.sh (required: the browser tests need the component CSS, the themes and axe-core).
#   scripts/npm_assets.sh            exit 0 without npm, after saying what is missing
#   scripts/npm_assets.sh --required exit 1 without npm
set -euo pipefail
cd "$(dirname "$0")/.."

required=0
[ "${1:-}" = "--required" ] && required=1

if ! command -v npm >/dev/null 2>&1; then
  echo "== npm not found: NL Design System components and themes are not installed." >&2
  if [ "$required" -eq 1 ]; then
    echo "   The tests need them (and axe-core). Install Node.js and npm (Debian: apt-get install nodejs npm;" >&2
    echo "   .ci/run does this) and run again." >&2
    exit 1
  fi
  echo "   The site runs on its own base stylesheet (plain, readable, without the gemeente's theme)." >&2
  echo "   For the full look install Node.js and npm (Debian: apt-get install nodejs npm) and run ./run.sh again." >&2
  exit 0
fi

stamp=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-stamp 2>/dev/null || true)" != "$stamp" ]; then
  echo "== npm ci (NL Design System CSS, theme tokens, fonts, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$stamp" > node_modules/.lock-stamp
fi
python3 scripts/build_assets.py >/dev/null

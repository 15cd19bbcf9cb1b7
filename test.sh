#!/usr/bin/env bash
# Runs the whole test suite on a fresh clone: sets up .venv, lints, then unit, integration
# (SQLite and a PostgreSQL the tests start themselves) and browser tests (Debian's Chromium).
# Needs Debian packages chromium and postgresql (.ci/run installs them). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  python3 -m venv .venv
fi
stamp=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat .venv/.req-stamp-dev 2>/dev/null)" != "$stamp" ]; then
  echo "== installing requirements-dev.txt"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  echo "$stamp" > .venv/.req-stamp-dev
fi

echo "== ruff"
.venv/bin/ruff check .

echo "== pytest"
set +e
.venv/bin/python -m pytest -n 2 -p no:cacheprovider "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$status"

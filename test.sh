#!/usr/bin/env bash
# The one command that runs the whole test suite on a fresh clone:
#   sets up .venv (requirements-dev.txt), lints with ruff, then runs pytest on 2 workers (pytest-xdist):
#   unit, integration (SQLite and a throwaway PostgreSQL the tests start themselves) and browser tests
#   (Debian's Chromium + vendored axe-core). Extra arguments go to pytest: ./test.sh tests/unit -k periods
# Needs Debian packages postgresql and chromium (.ci/run installs them); PERSPECTIEF_SKIP_POSTGRES=1 skips the
# PostgreSQL tests explicitly, PERSPECTIEF_TEST_PG_URL uses an existing server, CHROMIUM_PATH another Chromium.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  python3 -m venv .venv
fi
stamp=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat .venv/.req-stamp 2>/dev/null || true)" != "$stamp" ]; then
  echo "== installing requirements-dev.txt"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  echo "$stamp" > .venv/.req-stamp
  sha256sum requirements.txt | cut -d' ' -f1 > .venv/.req-stamp-run  # ./run.sh and ./serve.sh need no install then
fi

echo "== ruff check"
.venv/bin/python -m ruff check .

echo "== pytest"
status=0
.venv/bin/python -m pytest -n 2 "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "test.sh: pytest collected no tests (exit 5); treating that as a failure" >&2
  exit 1
fi
exit "$status"

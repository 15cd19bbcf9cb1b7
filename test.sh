#!/usr/bin/env bash
# The one command that runs the whole test suite on a fresh clone:
#   sets up .venv (requirements-dev.txt), lints with ruff, checks the import contracts of pyproject.toml with
#   import-linter (a broken contract fails), then runs pytest on 2 workers (pytest-xdist):
#   unit, integration (SQLite and a throwaway PostgreSQL the tests start themselves) and browser tests
#   (Debian's Chromium + axe-core from npm). Extra arguments go to pytest: ./test.sh tests/unit -k periods
# Needs Debian packages postgresql, chromium, nodejs and npm (.ci/run installs them); PERSPECTIEF_SKIP_POSTGRES=1 skips the
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

scripts/npm_assets.sh --required

echo "== ruff check"
.venv/bin/python -m ruff check .

echo "== colour literals outside the theme token files"
.venv/bin/python scripts/lint_css_colours.py

echo "== lint-imports (the layers and the other import contracts in pyproject.toml)"
.venv/bin/lint-imports

# The open-data API's OpenAPI document against the Logius NL API Design Rules ruleset (Spectral from npm, offline).
# The ruleset is on no package registry: it is read from ../shared beside the checkout (as in CI), else skipped.
ruleset=../shared/reference/api-design-rules/linter.yaml
echo "== OpenAPI document: NL API Design Rules (Spectral)"
if [ -f "$ruleset" ]; then
  mkdir -p reports
  .venv/bin/python -m dashboard.api reports/openapi.json
  npx --no -- spectral lint -q -r "$ruleset" -f stylish -f junit -o.junit reports/adr-lint.xml reports/openapi.json
  echo "ADR lint: 0 errors ($ruleset)"
else
  echo "ADR lint SKIPPED: $ruleset not found (../shared is not beside this checkout)"
fi

echo "== pytest"
status=0
.venv/bin/python -m pytest -n 2 "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "test.sh: pytest collected no tests (exit 5); treating that as a failure" >&2
  exit 1
fi
exit "$status"

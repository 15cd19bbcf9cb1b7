#!/usr/bin/env bash
# The one command that sets up and runs the dashboard: creates .venv, installs requirements.txt, installs the NL Design
# System CSS from npm when npm is there (scripts/npm_assets.sh; without npm it says so and the site runs on its own
# base stylesheet) and starts `python app.py`, which migrates the database and loads the demo data into it when it is empty.
# Default: SQLite at var/perspectief.db, served on http://127.0.0.1:8050.
# Honoured environment variables: PORT (e.g. PORT=8080 ./run.sh) and DATABASE_URL (an SQLAlchemy URL, e.g.
# postgresql+psycopg://user@host/db), THEME (a folder under assets/themes/, e.g. THEME=denhaag); see settings.py.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  python3 -m venv .venv
fi
stamp=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ "$(cat .venv/.req-stamp-run 2>/dev/null || true)" != "$stamp" ]; then
  echo "== installing requirements.txt"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
  echo "$stamp" > .venv/.req-stamp-run
fi
scripts/npm_assets.sh
exec .venv/bin/python app.py

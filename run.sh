#!/usr/bin/env bash
# Sets up .venv and runs the dashboard on SQLite (var/perspectief.db) with the demo data:
# the database is created and filled on first run. PORT and DATABASE_URL override port and database.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  python3 -m venv .venv
fi
stamp=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ "$(cat .venv/.req-stamp 2>/dev/null)" != "$stamp" ]; then
  echo "== installing requirements.txt"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
  echo "$stamp" > .venv/.req-stamp
fi
exec .venv/bin/python app.py

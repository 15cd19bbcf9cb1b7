#!/usr/bin/env bash
# The production server: gunicorn on HOST:PORT (default 127.0.0.1:8050; put a reverse proxy with TLS in front, see
# deploy/ and the README's "In productie") with WEB_CONCURRENCY workers (default 2 × cores) × WEB_THREADS threads.
# Refuses to start (exit 2, one Dutch line naming the variable) without a proper SECRET_KEY (at least 32 characters,
# not the old default). Migrates the database once before the workers start; loads the demo only with
# LOAD_DEMO=true. Every other variable: settings.py and the README. Sets up .venv like ./run.sh when it is missing.
set -euo pipefail
cd "$(dirname "$0")"

export LOAD_DEMO="${LOAD_DEMO:-false}"

if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv" >&2
  python3 -m venv .venv
fi
stamp=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ "$(cat .venv/.req-stamp-run 2>/dev/null || true)" != "$stamp" ]; then
  echo "== installing requirements.txt" >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
  echo "$stamp" > .venv/.req-stamp-run
fi

# check the settings, migrate, (demo): before any worker exists, exactly once
.venv/bin/python -m dashboard.prestart

# Prometheus counts of all workers, in files (cleared at start by the gunicorn config)
export PROMETHEUS_MULTIPROC_DIR="${PROMETHEUS_MULTIPROC_DIR:-$PWD/var/prometheus-${PORT:-8050}}"
mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
exec .venv/bin/gunicorn -c python:dashboard.gunicorn_conf "app:wsgi()"

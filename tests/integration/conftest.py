"""Fixtures of the integration tests (helpers live in etl_support.py)."""

from etl_support import run_etl  # noqa: F401 - a fixture

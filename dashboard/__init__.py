"""Dash only: pages, components (one chart or widget per module) and thin callbacks that call
plain functions in `indicators` and `db`."""

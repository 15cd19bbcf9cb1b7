"""Dash only: pages, components (one chart or widget per module) and thin callbacks that call plain functions of
db.read, db.write, db.accounts and the pure computations in `indicators`."""

"""Database layer: typed SQLAlchemy models, engine/session handling, migrations and periods.

Never imports dash; `indicators` and `etl` build on it.
"""

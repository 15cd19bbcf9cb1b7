"""Database access for pages and callbacks: read and write sessions on the app's configured database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import current_app

from db.session import Session, session_factory, session_scope

CONFIG_KEY = "PERSPECTIEF_DATABASE_URL"
FOUR_EYES_KEY = "PERSPECTIEF_FOUR_EYES"


@contextmanager
def read_session() -> Iterator[Session]:
    """A short-lived session for one page build or callback; never commits."""
    session = session_factory(current_app.config[CONFIG_KEY])()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


@contextmanager
def write_session() -> Iterator[Session]:
    """A session for one write callback: commits when the block ends normally, rolls back on any error (an
    EditError included: the editing service flushes but never commits)."""
    with session_scope(current_app.config[CONFIG_KEY]) as session:
        yield session


def four_eyes() -> bool:
    """Whether this app applies the four-eyes rule (settings.four_eyes): passed to the editing service."""
    return bool(current_app.config.get(FOUR_EYES_KEY, True))

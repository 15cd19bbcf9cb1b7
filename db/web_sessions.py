"""Server-side sessions (table web_session): made at sign-in, read on every request of a signed-in browser, ended
by sign-out, a new password, deactivation and a role taken away – on every instance at once, because they live in
the shared database. The browser's cookie holds a random token; the table keeps its SHA-256 only."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models.operations import WebSession
from indicators.periods import as_utc

TOKEN_BYTES = 32


@dataclass(frozen=True)
class StoredSession:
    """A live session as read from the table."""

    id: str
    user_id: int
    data: dict
    csrf: str
    expires_at: datetime


def session_id(token: str) -> str:
    """The stored id of a cookie token (its SHA-256, hex)."""
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def create(session: Session, user_id: int, data: dict, lifetime: timedelta, now: datetime | None = None,
           csrf: str | None = None) -> tuple[str, StoredSession]:
    """A new session for `user_id`: (the cookie token, the stored session) with CSRF secret `csrf` (default: a new
    random one)."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    token = new_token()
    row = WebSession(id=session_id(token), user_id=user_id, data=dict(data), csrf=csrf or secrets.token_urlsafe(32),
                     created_at=now, expires_at=now + lifetime)
    session.add(row)
    session.flush()
    return token, _stored(row)


def load(session: Session, token: str, now: datetime | None = None) -> StoredSession | None:
    """The live session of a cookie token; None when there is none (ended, expired or never made)."""
    if not token or len(token) > 128:
        return None
    row = session.get(WebSession, session_id(token))
    now = (now or datetime.now(UTC)).astimezone(UTC)
    if row is None or as_utc(row.expires_at) <= now:
        return None
    return _stored(row)


def save_data(session: Session, sid: str, data: dict) -> None:
    row = session.get(WebSession, sid)
    if row is not None:
        row.data = dict(data)
        session.flush()


def end(session: Session, sid: str) -> None:
    """End one session (sign-out)."""
    session.execute(delete(WebSession).where(WebSession.id == sid))


def end_user_sessions(session: Session, user_id: int) -> int:
    """End every session of an account (new password, deactivation, a role taken away); how many there were."""
    result = session.execute(delete(WebSession).where(WebSession.user_id == user_id))
    return result.rowcount or 0


def purge_expired(session: Session, now: datetime | None = None) -> int:
    """Remove sessions past their end (they are refused anyway; this keeps the table small)."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    return session.execute(delete(WebSession).where(WebSession.expires_at <= now)).rowcount or 0


def count_for(session: Session, user_id: int) -> int:
    return len(session.scalars(select(WebSession.id).where(WebSession.user_id == user_id)).all())


def _stored(row: WebSession) -> StoredSession:
    return StoredSession(row.id, row.user_id, dict(row.data or {}), row.csrf, as_utc(row.expires_at))

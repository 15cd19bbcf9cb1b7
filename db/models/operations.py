"""Production operations: server-side sessions, the data version the response cache is keyed by, and the
programme each uploaded story file was uploaded for."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from indicators.periods import utcnow

__all__ = ["WebSession", "DataVersion", "MediaUpload"]


class WebSession(Base):
    """A signed-in browser session, kept on the server so every instance sees it end at once (sign-out, new
    password, deactivation, a role taken away). The cookie holds a random token; `id` is its SHA-256, so a copy of
    this table opens no session. Rows expire at `expires_at` (SESSION_HOURS after sign-in, however active)."""

    __tablename__ = "web_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    csrf: Mapped[str] = mapped_column(String(64))  # the CSRF secret bound to this session (dashboard.security)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class DataVersion(Base):
    """One row: a number that every committed write of content raises (db.write.data_version), so cached pages,
    downloads and API answers keyed by it are never stale. 64 bits: a restore moves it to the clock in microseconds."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=1)


class MediaUpload(Base):
    """Who uploaded a story file for which programme: a story may use it only within that programme, or once a
    published story shows it (db.write.media)."""

    __tablename__ = "media_upload"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    size: Mapped[int] = mapped_column(Integer, default=0)
    uploaded_by: Mapped[int | None] = mapped_column(Integer)  # an account id; no foreign key, like the audit trail
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

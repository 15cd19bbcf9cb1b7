"""The quarter review: frozen snapshots of published quarter reports and the meeting's decisions and action
items."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, enum_column
from indicators.enums import MeetingNoteKind
from indicators.periods import utcnow

__all__ = ["QuarterSnapshot", "MeetingNote"]


class QuarterSnapshot(Base):
    """A published quarter report, frozen: its content (canonical JSON) and its HTML, PDF and Excel exactly as
    published. Rows are only ever inserted; a correction shows up in the next quarter's report."""

    __tablename__ = "quarter_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    quarter: Mapped[str] = mapped_column(String(7), unique=True)  # "2026-Q3"
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    published_by: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64))
    html: Mapped[str] = mapped_column(Text)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    xlsx: Mapped[bytes] = mapped_column(LargeBinary)


class MeetingNote(Base):
    """A decision or action item recorded per programme in the review meeting of a quarter; an open action item
    is carried to the next quarters' reports until it is done."""

    __tablename__ = "meeting_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    quarter: Mapped[str] = mapped_column(String(7), index=True)  # the quarter whose meeting recorded it
    kind: Mapped[MeetingNoteKind] = mapped_column(enum_column(MeetingNoteKind, "meeting_note_kind"))
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # who recorded it and who marked it done: an account's name, or "opdrachtregel" (rows before 0008: '')
    created_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    done_by: Mapped[str | None] = mapped_column(String(200))

"""The append-only audit trail of every change and workflow step of an editable item."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, enum_column
from indicators.enums import AuditAction, ItemKind
from indicators.periods import utcnow

__all__ = ["AuditEntry"]


class AuditEntry(Base):
    """One change of an item: who, when, which field (old -> new as text) or which workflow step, and why.

    Append-only: triggers in the database refuse UPDATE and DELETE (migration 0006), and so does the ORM. No
    foreign keys on purpose: the log outlives the accounts and items it names (and a cascade would have to
    change it)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_item", "item_kind", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(Integer)
    user_name: Mapped[str] = mapped_column(String(200), default="")
    item_kind: Mapped[ItemKind] = mapped_column(enum_column(ItemKind, "item_kind"))
    item_id: Mapped[int] = mapped_column(Integer)
    programme_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[AuditAction] = mapped_column(enum_column(AuditAction, "audit_action"))
    field: Mapped[str | None] = mapped_column(String(60))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")

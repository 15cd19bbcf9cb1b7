"""Pending revisions: the corrected values of a published item, waiting beside it for the workflow."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, enum_column
from indicators.enums import ItemKind, WorkflowState
from indicators.periods import utcnow

__all__ = ["Revision"]


class Revision(Base):
    """The pending revision of a published project, result, measurement, story or note (at most one per item).

    The published row stays as it is – and the raad's pages, downloads, reports and the API read only rows – until
    the revision is published: then `pending_values` (the item's editable columns, as JSON) are written to the row
    in one transaction and the revision is deleted; withdrawing it deletes it too. Its workflow state and version
    are those the editors see; the version continues the item's own count. No foreign key to the item: the kinds
    live in six tables (db.write.revisions removes the revisions of deleted items)."""

    __tablename__ = "revision"
    __table_args__ = (UniqueConstraint("item_kind", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_kind: Mapped[ItemKind] = mapped_column(enum_column(ItemKind, "item_kind"))
    item_id: Mapped[int] = mapped_column(Integer)
    pending_values: Mapped[dict[str, Any]] = mapped_column(JSON)
    workflow_state: Mapped[WorkflowState] = mapped_column(enum_column(WorkflowState, "workflow_state"),
                                                          default=WorkflowState.CONCEPT)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(Integer)
    changed_by: Mapped[str] = mapped_column(String(200), default="")

"""The append-only audit trail: record every change and workflow step of an item, read an item's history, and
who wrote an item since it was last published (the four-eyes rule). The ORM refuses to change or delete an entry
(and so do triggers in the database, migration 0006)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from db.models.audit import AuditEntry
from db.write.workflow import Actor
from indicators.enums import AuditAction, ItemKind
from indicators.periods import Period, utcnow


@event.listens_for(AuditEntry, "before_update")
@event.listens_for(AuditEntry, "before_delete")
def _refuse_change(_mapper, _connection, _target: AuditEntry) -> None:  # noqa: ANN001
    raise PermissionError("het auditlogboek kan niet worden gewijzigd of verwijderd")


@dataclass(frozen=True)
class AuditView:
    """One line of an item's history, oldest first."""

    id: int
    at: datetime
    user_id: int | None
    user_name: str
    action: AuditAction
    field: str | None
    old: str | None
    new: str | None
    reason: str


def plain(value: object) -> Any:  # noqa: ANN401 - any form value
    """A value as forms and JSON hold it: enums as their value, dates as ISO text, periods as code (2026-Q3)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Period):
        return value.code
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    return value


def as_text(value: object) -> str | None:
    """How a value is stored in the audit trail: None stays None; yes/no in Dutch; numbers without a trailing .0."""
    value = plain(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def record(session: Session, actor: Actor | None, kind: ItemKind, item_id: int, programme_id: int | None,
           action: AuditAction, field_name: str | None = None, old: object = None, new: object = None,
           reason: str = "") -> None:
    """Append one audit entry (the only way entries are written)."""
    session.add(AuditEntry(at=utcnow(), user_id=actor.user_id if actor else None,
                           user_name=actor.name if actor else "", item_kind=kind, item_id=item_id,
                           programme_id=programme_id, action=action, field=field_name, old=as_text(old),
                           new=as_text(new), reason=reason))


def entries(session: Session, kind: ItemKind, item_id: int) -> list[AuditView]:
    rows = session.scalars(select(AuditEntry).where(AuditEntry.item_kind == kind, AuditEntry.item_id == item_id)
                           .order_by(AuditEntry.id)).all()
    return [AuditView(e.id, e.at, e.user_id, e.user_name, AuditAction(e.action), e.field, e.old, e.new, e.reason)
            for e in rows]


CONTENT_STEPS = (AuditAction.CREATED, AuditAction.CHANGED, AuditAction.SUBMITTED)


def authors_since_publication(session: Session, kind: ItemKind, item_ids: Iterable[int]) -> dict[int, set[int]]:
    """Per item: the accounts that created, changed or submitted it since it was last published. Under the
    four-eyes rule (settings.four_eyes) none of them may approve it, whatever their roles."""
    ids = list(item_ids)
    out: dict[int, set[int]] = {i: set() for i in ids}
    if not ids:
        return out
    for item_id, action, user_id in session.execute(
            select(AuditEntry.item_id, AuditEntry.action, AuditEntry.user_id)
            .where(AuditEntry.item_kind == kind, AuditEntry.item_id.in_(ids)).order_by(AuditEntry.id)):
        if action == AuditAction.PUBLISHED:
            out[item_id] = set()
        elif action in CONTENT_STEPS and user_id is not None:
            out[item_id].add(user_id)
    return out


def last_author(session: Session, kind: ItemKind, item_id: int) -> str | None:
    return session.scalar(select(AuditEntry.user_name).where(AuditEntry.item_kind == kind,
                                                             AuditEntry.item_id == item_id)
                          .order_by(AuditEntry.id.desc()).limit(1)) or None

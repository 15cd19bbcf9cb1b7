"""Pending revisions of published items (db.models.Revision): a published project, result, measurement, story or
note that is changed keeps its row – which is all the raad's pages, downloads, reports and the API read – and gets
a revision beside it holding the item's editable columns as JSON. The editors see and move the revision
(`working`); publishing it writes its values to the row, withdrawing it drops it.

Versions: one count per item. Opening a revision bumps the row's version (compare-and-set, so of two people who
start from the same published version one wins) and the revision takes that number; every change and step of the
revision bumps its own; publishing or withdrawing it leaves the row one past the revision. A stale form therefore
always meets a Conflict, whichever of the two it started from.

The functions here only store; the callers (db.write.items, db.write.edits) check rights and write the audit trail."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import Date, delete, select, update
from sqlalchemy import Enum as SqlEnum
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from db.models.programmes import Measurement, MeasurementHistory
from db.models.revisions import Revision
from db.write.forms import COLUMN_OF, FIELDS, FIXED, MODELS
from db.write.workflow import Actor
from indicators.enums import ItemKind, WorkflowState
from indicators.periods import utcnow

# set on the row when a revision of this kind is published: a value a person (or a load) corrected and an approver
# published is no longer one of the demo's examples
ON_PUBLISH: dict[ItemKind, dict[str, Any]] = {ItemKind.MEASUREMENT: {"is_example": False}}


def editable_columns(kind: ItemKind) -> list[str]:
    """The columns a revision of this kind holds: those of its form fields that may change after creation."""
    return [COLUMN_OF.get(f, f) for f in FIELDS[kind] if f not in FIXED.get(kind, ())]


def _encode(value: Any) -> Any:  # noqa: ANN401 - a column value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return list(value)
    return value


def _decode(kind: ItemKind, column: str, value: Any) -> Any:  # noqa: ANN401
    if value is None:
        return None
    column_type = MODELS[kind].__table__.c[column].type
    if isinstance(column_type, SqlEnum) and column_type.enum_class is not None:
        return column_type.enum_class(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    return value


def decoded(kind: ItemKind, revision: Revision) -> dict[str, Any]:
    """A revision's values as the row's columns take them."""
    return {c: _decode(kind, c, v) for c, v in revision.pending_values.items()}


@dataclass(frozen=True)
class Working:
    """An item as the editors see it: the row itself, or – while a revision is pending – a transient copy of the row
    with the revision's values (`obj`), with the version and workflow state of whichever it is."""

    obj: Any
    row: Any
    revision: Revision | None
    version: int
    state: WorkflowState


def pending(session: Session, kind: ItemKind, item_id: int) -> Revision | None:
    return session.scalar(select(Revision).where(Revision.item_kind == kind, Revision.item_id == item_id)
                          .execution_options(populate_existing=True))


def pending_of(session: Session, kind: ItemKind, item_ids: Iterable[int]) -> dict[int, Revision]:
    """The pending revisions of these items, by item id."""
    ids = list(item_ids)
    if not ids:
        return {}
    return {r.item_id: r for r in session.scalars(select(Revision).where(
        Revision.item_kind == kind, Revision.item_id.in_(ids)).execution_options(populate_existing=True))}


def copy_with(kind: ItemKind, row: Any, revision: Revision) -> Any:  # noqa: ANN401 - one of MODELS
    """A transient (never added) instance of the row's model with the revision's values: the form values, the
    publication checks and the work list read it like the row."""
    model = MODELS[kind]
    values = {a.key: getattr(row, a.key) for a in sa_inspect(model).column_attrs}
    values.update(decoded(kind, revision), workflow_state=revision.workflow_state, version=revision.version)
    return model(**values)


def working(session: Session, kind: ItemKind, row: Any, revision: Revision | None | bool = True) -> Working:  # noqa: ANN401
    """The item as the editors see it. `revision`: the item's pending revision when the caller has it (None: it has
    none); True: look it up."""
    if revision is True:
        revision = pending(session, kind, row.id)
    if revision is None or revision is False:
        return Working(row, row, None, row.version, WorkflowState(row.workflow_state))
    return Working(copy_with(kind, row, revision), row, revision, revision.version,
                   WorkflowState(revision.workflow_state))


def open_revision(session: Session, actor: Actor | None, kind: ItemKind, row: Any, expected_version: int,  # noqa: ANN401
                  changes: Mapping[str, Any]) -> Revision | None:
    """A concept revision of the published `row` holding its editable columns with `changes`; None when the row is
    no longer published at `expected_version` (someone else won; nothing written)."""
    table = MODELS[kind].__table__
    values = {c: _encode(getattr(row, c)) for c in editable_columns(kind)}
    values.update({c: _encode(v) for c, v in changes.items()})
    done = session.execute(update(table).where(table.c.id == row.id, table.c.version == expected_version,
                                               table.c.workflow_state == WorkflowState.PUBLISHED.value)
                           .values(version=expected_version + 1).execution_options(synchronize_session=False))
    session.expire(row)
    if done.rowcount != 1:
        return None
    who = {"id": actor.user_id if actor else None, "name": actor.name if actor else ""}
    now = utcnow()
    revision = Revision(item_kind=kind, item_id=row.id, pending_values=values, workflow_state=WorkflowState.CONCEPT,
                        version=expected_version + 1, created_at=now, created_by_id=who["id"],
                        created_by=who["name"], changed_at=now, changed_by_id=who["id"], changed_by=who["name"])
    session.add(revision)
    session.flush()  # IntegrityError (unique item) only if a revision appeared beside a row still at this version
    return revision


def change_revision(session: Session, actor: Actor | None, kind: ItemKind, revision: Revision, expected_version: int,
                    changes: Mapping[str, Any] | None = None, state: WorkflowState | None = None) -> bool:
    """Change a revision's values and/or workflow state with compare-and-set on its version; False when someone
    else changed it first."""
    values = {**revision.pending_values, **{c: _encode(v) for c, v in (changes or {}).items()}}
    table = Revision.__table__
    done = session.execute(update(table).where(table.c.id == revision.id, table.c.version == expected_version)
                           .values(pending_values=values, version=expected_version + 1,
                                   workflow_state=(state or revision.workflow_state), changed_at=utcnow(),
                                   changed_by_id=actor.user_id if actor else None,
                                   changed_by=actor.name if actor else "")
                           .execution_options(synchronize_session=False))
    session.expire(revision)
    return done.rowcount == 1


def _close(session: Session, kind: ItemKind, row: Any, revision: Revision, expected_version: int,  # noqa: ANN401
           values: Mapping[str, Any]) -> bool:
    """Delete the revision (if it is still at `expected_version`) and write `values` to the row, whose version
    becomes one past the revision's."""
    gone = session.execute(delete(Revision).where(Revision.id == revision.id, Revision.version == expected_version)
                           .execution_options(synchronize_session=False))
    if gone.rowcount != 1:
        return False
    table = MODELS[kind].__table__
    session.execute(update(table).where(table.c.id == row.id).values(**values, version=expected_version + 1)
                    .execution_options(synchronize_session=False))
    session.expunge(revision)
    session.expire(row)
    return True


def publish_revision(session: Session, kind: ItemKind, row: Any, revision: Revision, expected_version: int,  # noqa: ANN401
                     ) -> bool:
    """Write the revision's values to the published row and drop the revision, in the caller's transaction (a
    replaced measurement keeps its old values in measurement_history); False when someone else moved it first."""
    old = None
    if isinstance(row, Measurement):
        old = MeasurementHistory.of(row)
    values = {**decoded(kind, revision), **ON_PUBLISH.get(kind, {})}
    if not _close(session, kind, row, revision, expected_version, values):
        return False
    if old is not None:
        session.add(old)
    return True


def withdraw_revision(session: Session, kind: ItemKind, row: Any, revision: Revision, expected_version: int,  # noqa: ANN401
                      ) -> bool:
    """Drop the revision: the published values stay as they are. False when someone else moved it first."""
    return _close(session, kind, row, revision, expected_version, {})


def drop_orphans(session: Session) -> int:
    """Delete the revisions whose item no longer exists (a programme replaced by a load removes its items); an id
    that the database hands out again must not find an old revision."""
    count = 0
    for kind, model in MODELS.items():
        count += session.execute(delete(Revision).where(
            Revision.item_kind == kind, Revision.item_id.not_in(select(model.__table__.c.id)))
            .execution_options(synchronize_session=False)).rowcount or 0
    return count

"""The generic write of an editable item: look it up and find its programmes, its form values, its columns from a
validated row, create it as concept, and change it with compare-and-set on its version (Conflict when someone
else won), writing one audit entry per changed field. A published item is not changed in place: the change opens
(or continues) its pending revision (db.write.revisions), and the raad keeps seeing the published row."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models.figures import Indicator, Region
from db.models.programmes import Measurement, Programme, ProgrammeIndicator, ProgrammeLine, Project, Result
from db.write.audit import last_author, plain, record
from db.write.forms import COLUMN_OF, FIELDS, FIXED, MESSAGES, MODELS, Check, check_keys, clean_input, validate
from db.write.revisions import change_revision, open_revision, working
from db.write.workflow import MESSAGES as WORKFLOW_MESSAGES
from db.write.workflow import Actor, Conflict, Invalid, NotFound, may, require
from indicators.enums import Action, AuditAction, ItemKind, PeriodKind, WorkflowState
from settings import get_settings


@dataclass(frozen=True)
class ItemRef:
    """An item after a write: what to pass as `expected_version` next time, and its workflow state (that of its
    pending revision when `revision`: the published row beside it is unchanged)."""

    kind: ItemKind
    id: int
    version: int
    state: WorkflowState
    revision: bool = False


def load_item(session: Session, kind: ItemKind, item_id: int) -> Any:  # noqa: ANN401 - one of MODELS
    obj = session.get(MODELS[kind], item_id, populate_existing=True) if isinstance(item_id, int) else None
    if obj is None:
        raise NotFound(f"{kind.value} {item_id} bestaat niet (meer).")
    return obj


def programme_of_line(line_id: int) -> Any:  # noqa: ANN401 - a select
    return select(ProgrammeLine.programme_id).where(ProgrammeLine.id == line_id)


def programme_of_project(project_id: int) -> Any:  # noqa: ANN401
    return select(ProgrammeLine.programme_id).join(Project, Project.programme_line_id == ProgrammeLine.id) \
        .where(Project.id == project_id)


def programme_of_result(result_id: int) -> Any:  # noqa: ANN401
    return select(ProgrammeLine.programme_id).join(Project, Project.programme_line_id == ProgrammeLine.id) \
        .join(Result, Result.project_id == Project.id).where(Result.id == result_id)


def programmes_of_indicator(indicator_id: int | None) -> Any:  # noqa: ANN401
    return select(ProgrammeIndicator.programme_id).where(ProgrammeIndicator.indicator_id == indicator_id) \
        .order_by(ProgrammeIndicator.programme_id)


def programme_ids_of(session: Session, kind: ItemKind, obj: Any) -> list[int]:  # noqa: ANN401
    """The programmes an item belongs to; an indicator note belongs to every programme that follows its indicator."""
    if kind is ItemKind.STORY:
        return [obj.programme_id]
    if kind is ItemKind.MEASUREMENT_NOTE:
        measurement = session.get(Measurement, obj.measurement_id)
        stmt = programme_of_result(measurement.result_id)
    else:
        stmt = {ItemKind.PROJECT: lambda: programme_of_line(obj.programme_line_id),
                ItemKind.RESULT: lambda: programme_of_project(obj.project_id),
                ItemKind.MEASUREMENT: lambda: programme_of_result(obj.result_id),
                ItemKind.INDICATOR_NOTE: lambda: programmes_of_indicator(obj.indicator_id)}[kind]()
    return list(session.scalars(stmt))


def programme_by_slug(session: Session, slug: str) -> Programme:
    programme = session.scalar(select(Programme).where(Programme.slug == slug))
    if programme is None:
        raise NotFound(MESSAGES["unknown_programme"].format(slug=slug))
    return programme


def form_values(session: Session, kind: ItemKind, obj: Any) -> dict[str, Any]:  # noqa: ANN401
    """An item's current form values (plain)."""
    def name_of(model: type, item_id: int | None) -> str | None:
        return session.scalar(select(model.name).where(model.id == item_id)) if item_id is not None else None

    out: dict[str, Any] = {}
    for f in FIELDS[kind]:
        if f == "line_name":
            out[f] = name_of(ProgrammeLine, obj.programme_line_id)
        elif f == "project_name":
            out[f] = name_of(Project, obj.project_id)
        elif f == "result_name":
            out[f] = name_of(Result, obj.result_id)
        elif f == "indicator_code":
            out[f] = session.scalar(select(Indicator.code).where(Indicator.id == obj.indicator_id)) \
                if obj.indicator_id is not None else None
        elif f == "region_code":
            out[f] = session.scalar(select(Region.code).where(Region.id == obj.region_id))
        elif f == "partners":
            out[f] = list(obj.partners or [])
        else:
            out[f] = plain(getattr(obj, f))
    return out


def columns_of(session: Session, kind: ItemKind, row: Any, programme_id: int | None) -> dict[str, Any]:  # noqa: ANN401
    """The database columns of a validated row; names of lines, projects and results are looked up in the
    programme, codes of indicators and regions anywhere."""
    cols: dict[str, Any] = {}
    errors: dict[str, str] = {}
    if kind is ItemKind.PROJECT:
        cols["programme_line_id"] = session.scalar(select(ProgrammeLine.id).where(
            ProgrammeLine.programme_id == programme_id, ProgrammeLine.name == row.line_name))
        if cols["programme_line_id"] is None:
            errors["line_name"] = MESSAGES["unknown_line"].format(name=row.line_name)
        cols.update(name=row.name, description=row.description, partners=list(row.partners),
                    start_date=row.start_date, end_date=row.end_date, status=row.status)
    elif kind is ItemKind.RESULT:
        cols.update(name=row.name, kind=row.kind, unit=row.unit, desired_direction=row.desired_direction,
                    decimals=row.decimals)
    elif kind is ItemKind.MEASUREMENT:
        cols.update(row.columns())
    elif kind is ItemKind.STORY:
        project_id = result_id = indicator_id = None
        if row.project_name:
            project_id = session.scalar(select(Project.id).join(ProgrammeLine).where(
                ProgrammeLine.programme_id == programme_id, Project.name == row.project_name).limit(1))
            if project_id is None:
                errors["project_name"] = MESSAGES["unknown_project"].format(name=row.project_name)
        if row.result_name:
            if not row.project_name:
                errors["result_name"] = MESSAGES["result_needs_project"]
            elif project_id is not None:
                result_id = session.scalar(select(Result.id).where(Result.project_id == project_id,
                                                                   Result.name == row.result_name).limit(1))
                if result_id is None:
                    errors["result_name"] = MESSAGES["unknown_result"].format(project=row.project_name,
                                                                             name=row.result_name)
        if row.indicator_code:
            indicator_id = session.scalar(select(Indicator.id).where(Indicator.code == row.indicator_code))
            if indicator_id is None:
                errors["indicator_code"] = MESSAGES["unknown_indicator"].format(code=row.indicator_code)
        cols.update(project_id=project_id, result_id=result_id, indicator_id=indicator_id, kind=row.kind,
                    title=row.title, summary=row.summary, body=row.body, media_url=row.media_url,
                    media_file=row.media_file, captions_file=row.captions_file, transcript=row.transcript,
                    story_date=row.story_date, consent=row.consent)
    elif kind is ItemKind.INDICATOR_NOTE:
        cols["indicator_id"] = session.scalar(select(Indicator.id).where(Indicator.code == row.indicator_code))
        cols["region_id"] = session.scalar(select(Region.id).where(Region.code == row.region_code))
        if cols["indicator_id"] is None:
            errors["indicator_code"] = MESSAGES["unknown_indicator"].format(code=row.indicator_code)
        if cols["region_id"] is None:
            errors["region_code"] = MESSAGES["unknown_region"].format(code=row.region_code)
        cols.update(period_kind=row.period.kind, period_start=row.period.start, text=row.text,
                    note_date=row.note_date, author=row.author)
    else:
        cols.update(text=row.text, note_date=row.note_date, author=row.author)
    if errors:
        raise Invalid(errors)
    return cols


def audit_programme(actor: Actor | None, action: Action, programme_ids: Sequence[int]) -> int | None:
    """The programme an audit entry is filed under: the first of the item's for which the actor had the right."""
    return next((pid for pid in programme_ids if may(actor, action, [pid])), programme_ids[0] if programme_ids
                else None)


def create_item(session: Session, actor: Actor | None, kind: ItemKind, programme_ids: list[int],
                programme_id: int | None, data: Mapping[str, Any], parent: Mapping[str, Any],
                context: Mapping[str, Any] | None = None, check: Check | None = None, note: str = ""
                ) -> tuple[Any, dict[str, Any]]:
    """A new item (concept); `note`: the reason its audit entries carry (a file load names file, line and load)."""
    require(actor, Action.EDIT, programme_ids)
    check_keys(kind, data)
    row, values = validate(kind, clean_input(data), context)
    if check is not None:
        check(row, {})
    cols = columns_of(session, kind, row, programme_id)
    if kind is ItemKind.MEASUREMENT:
        if row.period.kind is not PeriodKind.QUARTER:
            raise Invalid({"period": MESSAGES["not_a_quarter"]})
        existing = session.scalar(select(Measurement).where(
            Measurement.result_id == parent["result_id"], Measurement.period_kind == row.period.kind,
            Measurement.period_start == row.period.start))
        if existing is not None:
            there = working(session, kind, existing)
            raise Conflict(kind, existing.id, None, there.version, values, form_values(session, kind, there.obj),
                           last_author(session, kind, existing.id), there.state)
    obj = MODELS[kind](**cols, **parent, workflow_state=WorkflowState.CONCEPT)
    session.add(obj)
    try:
        session.flush()
    except IntegrityError:  # the same quarter created at the same moment by someone else (unique constraint)
        raise Conflict(kind, 0, None, 0, values, {}) from None
    filed = audit_programme(actor, Action.EDIT, programme_ids)
    for f in FIELDS[kind]:
        if values[f] not in (None, "", []):
            record(session, actor, kind, obj.id, filed, AuditAction.CREATED, f, None, values[f], note)
    return obj, values


def compare_and_set(session: Session, kind: ItemKind, obj: Any, expected_version: int, changes: Mapping[str, Any],  # noqa: ANN401
                    mine: Mapping[str, Any]) -> None:
    """Compare-and-set: write `changes` only if the item still has `expected_version`, else raise Conflict with
    what is stored now. The row lock (PostgreSQL) or the write lock (SQLite) makes concurrent writers wait, and a
    waiting writer then finds the version changed."""
    table = MODELS[kind].__table__
    done = session.execute(update(table).where(table.c.id == obj.id, table.c.version == expected_version)
                           .values(**changes, version=expected_version + 1)
                           .execution_options(synchronize_session=False))
    session.expire(obj)
    if done.rowcount != 1:
        raise conflict_now(session, kind, obj.id, expected_version, mine)


def conflict_now(session: Session, kind: ItemKind, item_id: int, expected_version: int,
                 mine: Mapping[str, Any]) -> Conflict:
    """The Conflict of a write that lost: what the item (or its pending revision) holds now."""
    fresh = working(session, kind, load_item(session, kind, item_id))
    return Conflict(kind, item_id, expected_version, fresh.version, mine, form_values(session, kind, fresh.obj),
                    last_author(session, kind, item_id), fresh.state)


def update_item(session: Session, actor: Actor | None, kind: ItemKind, item_id: int, expected_version: int,
                data: Mapping[str, Any], context: Mapping[str, Any] | None = None,
                programme_id: int | None = None, check: Check | None = None, note: str = "") -> ItemRef:
    """Change an item as the editors see it (`expected_version`: the version the form started from).

    - a concept is changed in place;
    - an item that is ingediend or goedgekeurd is changed and goes back to concept (audit step);
    - a published item keeps its row: the change opens a concept revision beside it (audit step "nieuwe versie");
    - an item with a pending revision: the revision is changed (and goes back to concept if it was further).
    `note`: the reason the audit entries carry (a file load names file, line and load)."""
    obj = load_item(session, kind, item_id)
    programme_ids = programme_ids_of(session, kind, obj)
    require(actor, Action.EDIT, programme_ids)
    check_keys(kind, data)
    work = working(session, kind, obj)
    current = form_values(session, kind, work.obj)
    data = clean_input(data)
    fixed = {f: MESSAGES["fixed_field"] for f in FIXED.get(kind, ()) if f in data and plain(data[f]) != current[f]}
    if fixed:
        raise Invalid(fixed)
    row, mine = validate(kind, {**current, **data}, context)
    state, version = work.state, work.version
    if version != expected_version:
        raise Conflict(kind, item_id, expected_version, version, mine, current, last_author(session, kind, item_id),
                       state)
    changed = [f for f in FIELDS[kind] if mine[f] != current[f]]
    if not changed:  # nothing is written, so nothing is checked (an item stored before a rule came stays as it is)
        return ItemRef(kind, item_id, version, state, work.revision is not None)
    if check is not None:
        check(row, current)
    cols = columns_of(session, kind, row, programme_id if programme_id is not None else
                      (programme_ids[0] if programme_ids else None))
    changes = {COLUMN_OF.get(f, f): cols[COLUMN_OF.get(f, f)] for f in changed}
    filed = audit_programme(actor, Action.EDIT, programme_ids)
    opens = work.revision is None and state is WorkflowState.PUBLISHED
    if opens:
        try:
            opened = open_revision(session, actor, kind, obj, expected_version, changes)
        except IntegrityError:  # a revision of this item made at the same moment (the session must roll back)
            raise Conflict(kind, item_id, expected_version, expected_version + 1, mine, {}) from None
        if opened is None:
            raise conflict_now(session, kind, item_id, expected_version, mine)
        record(session, actor, kind, item_id, filed, AuditAction.REVISION_OPENED, "workflow_state", state,
               WorkflowState.CONCEPT, WORKFLOW_MESSAGES["revision_opened"])
    elif work.revision is not None:
        if not change_revision(session, actor, kind, work.revision, expected_version, changes, WorkflowState.CONCEPT):
            raise conflict_now(session, kind, item_id, expected_version, mine)
    else:
        if state is not WorkflowState.CONCEPT:
            changes["workflow_state"] = WorkflowState.CONCEPT
        compare_and_set(session, kind, obj, expected_version, changes, mine)
    for f in changed:
        record(session, actor, kind, item_id, filed, AuditAction.CHANGED, f, current[f], mine[f], note)
    if not opens and state is not WorkflowState.CONCEPT:
        record(session, actor, kind, item_id, filed, AuditAction.BACK_TO_CONCEPT, "workflow_state", state,
               WorkflowState.CONCEPT, WORKFLOW_MESSAGES["edited_back_to_concept"].format(state=state.value))
    session.flush()
    return ItemRef(kind, item_id, expected_version + 1, WorkflowState.CONCEPT, opens or work.revision is not None)


def four_eyes_on(four_eyes: bool | None) -> bool:
    return get_settings().four_eyes if four_eyes is None else four_eyes


def blocked_by_four_eyes(actor: Actor | None, programme_ids: Sequence[int], state: WorkflowState,
                         authors: set[int]) -> bool:
    """Whether the approver role would let this actor approve the item, but the four-eyes rule does not."""
    return (state is WorkflowState.SUBMITTED and actor is not None and actor.user_id in authors
            and may(actor, Action.APPROVE, programme_ids))


def ref_of(kind: ItemKind, obj: Any) -> ItemRef:  # noqa: ANN401 - a new row
    return ItemRef(kind, obj.id, obj.version, WorkflowState(obj.workflow_state))


# a child item: the kind of its parent, the programmes of a parent (a select), and the column that links to it
PARENTS: dict[ItemKind, tuple[ItemKind, Callable[[Any], Any], str]] = {
    ItemKind.RESULT: (ItemKind.PROJECT, lambda p: programme_of_line(p.programme_line_id), "project_id"),
    ItemKind.MEASUREMENT: (ItemKind.RESULT, lambda p: programme_of_project(p.project_id), "result_id"),
    ItemKind.MEASUREMENT_NOTE: (ItemKind.MEASUREMENT, lambda p: programme_of_result(p.result_id), "measurement_id"),
}


def create_child(session: Session, actor: Actor | None, kind: ItemKind, parent_id: int, values: Mapping[str, Any],
                 note: str = "", check: Check | None = None) -> ItemRef:
    """A new result, measurement or measurement note (concept) below the item `parent_id` (PARENTS)."""
    parent_kind, programmes_of, column = PARENTS[kind]
    parent = load_item(session, parent_kind, parent_id)
    programme_ids = list(session.scalars(programmes_of(parent)))
    obj, _ = create_item(session, actor, kind, programme_ids, None, values, {column: parent.id}, check=check,
                         note=note)
    return ref_of(kind, obj)

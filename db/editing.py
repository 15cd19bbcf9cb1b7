"""Editing service: create and change projects, results, quarterly measurements, stories and notes; move them
through the workflow (concept → ingediend → goedgekeurd → gepubliceerd); read their audit trail. Plain functions
on a Session and an actor (`db.workflow.Actor`, a `(user_id, name, grants)` tuple, a dashboard.auth.CurrentUser or
None for anonymous); the Dash forms are built on top of them.

Every function
- checks authorization itself (db.accounts.allowed) and raises NotAllowed before writing anything;
- validates with the ETL's pydantic rows (etl.schemas) and raises Invalid({field: Dutch message});
- writes with compare-and-set on the item's version,
      UPDATE item SET …, version = version + 1 WHERE id = :id AND version = :expected_version
  so of several people who start from the same version exactly one succeeds; the others get Conflict with both
  versions (`mine`, `theirs`), on SQLite and PostgreSQL alike;
- appends one audit entry per changed field, and one per workflow step; audit entries are never changed.

Values are the fields of the form (see FIELDS), as plain values: numbers, text, ISO dates, enum values
(`op_koers`), periods as code (`2026-Q3`), names for links (programme line, project, result) and codes for
indicators and regions. An update takes only the fields that change; the others keep their stored value.

Transactions: the functions flush but never commit. The caller commits (db.session.session_scope) and rolls back
after any EditError; NotAllowed, Invalid, NotFound and a Conflict found before writing leave nothing written, a
Conflict found while writing (a concurrent change that won) may leave earlier rows of save_quarter flushed.

Changing an item that is not in concept puts it back in concept (audit step "terug naar concept"): the raad then
no longer sees it until it is submitted, approved and published again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import media
from db.accounts import Action
from db.models import (
    AuditAction,
    AuditEntry,
    Indicator,
    IndicatorNote,
    ItemKind,
    Measurement,
    MeasurementNote,
    Programme,
    ProgrammeIndicator,
    ProgrammeLine,
    Project,
    Region,
    Result,
    Story,
    WorkflowState,
)
from db.periods import Period, PeriodError, PeriodKind
from db.workflow import (
    FORM,
    STEP_ACTIONS,
    ActorLike,
    AuditView,
    BulkRefused,
    Conflict,
    EditError,
    Invalid,
    NotAllowed,
    NotFound,
    allowed_targets,
    as_actor,
    authors_since_publication,
    check_transition,
    entries,
    last_author,
    may,
    plain,
    publication_problems,
    record,
    require,
)
from db.workflow import MESSAGES as WORKFLOW_MESSAGES
from db.workflow import Actor as Actor
from etl.schemas import IndicatorNoteRow, MeasurementRow, NoteRow, ProjectRow, ResultRow, StoryRow
from etl.values import ValueError_, parse_value
from indicators.safe_text import UPLOAD_NAME
from settings import get_settings

__all__ = [
    "FIELDS", "Actor", "BulkRefused", "Conflict", "EditError", "EditableItem", "Invalid", "ItemRef", "ItemState",
    "NotAllowed", "NotFound", "audit_trail", "create_indicator_note", "create_measurement",
    "create_measurement_note", "create_project", "create_result", "create_story", "editable_items", "get_item",
    "save_quarter", "transition", "update_indicator_note", "update_measurement", "update_measurement_note",
    "update_project", "update_result", "update_story",
]

MODELS: dict[ItemKind, type] = {
    ItemKind.PROJECT: Project, ItemKind.RESULT: Result, ItemKind.MEASUREMENT: Measurement, ItemKind.STORY: Story,
    ItemKind.INDICATOR_NOTE: IndicatorNote, ItemKind.MEASUREMENT_NOTE: MeasurementNote,
}
# The form fields of each kind: what values hold, what the audit trail names and what Conflict compares.
FIELDS: dict[ItemKind, tuple[str, ...]] = {
    ItemKind.PROJECT: ("line_name", "name", "description", "partners", "start_date", "end_date", "status"),
    ItemKind.RESULT: ("name", "kind", "unit", "desired_direction", "decimals"),
    ItemKind.MEASUREMENT: ("period", "target", "realised", "status", "explanation"),
    ItemKind.STORY: ("project_name", "result_name", "indicator_code", "kind", "title", "summary", "body",
                     "media_url", "media_file", "captions_file", "transcript", "story_date", "consent"),
    ItemKind.INDICATOR_NOTE: ("indicator_code", "region_code", "period", "text", "note_date", "author"),
    ItemKind.MEASUREMENT_NOTE: ("text", "note_date", "author"),
}
FIXED: dict[ItemKind, tuple[str, ...]] = {  # set when the item is created, never changed afterwards
    ItemKind.MEASUREMENT: ("period",), ItemKind.INDICATOR_NOTE: ("indicator_code", "region_code", "period"),
}
ROWS: dict[ItemKind, type[BaseModel]] = {
    ItemKind.PROJECT: ProjectRow, ItemKind.RESULT: ResultRow, ItemKind.MEASUREMENT: MeasurementRow,
    ItemKind.STORY: StoryRow, ItemKind.INDICATOR_NOTE: IndicatorNoteRow, ItemKind.MEASUREMENT_NOTE: NoteRow,
}
_COLUMN_OF = {"line_name": "programme_line_id", "project_name": "project_id", "result_name": "result_id",
              "indicator_code": "indicator_id", "region_code": "region_id"}
_OPTIONAL = {"media_url", "media_file", "captions_file", "project_name", "result_name", "indicator_code",
             "start_date", "end_date", "target", "realised"}
_NUMBERS = {"target", "realised"}
_REQUIRED_TEXT = {"name", "title", "text", "line_name"}
_HAS_DIGIT = re.compile(r"\d")
Check = Callable[[Any, Mapping[str, Any]], None]  # a further check of a validated row against the stored values

MESSAGES = {
    "unknown_field": "Dit veld bestaat niet bij dit soort item.",
    "fixed_field": "Dit kan na het aanmaken niet meer worden gewijzigd.",
    "unknown_programme": "Programma ‘{slug}’ bestaat niet.",
    "unknown_line": "Programmalijn ‘{name}’ bestaat niet in dit programma.",
    "unknown_project": "Project ‘{name}’ bestaat niet in dit programma.",
    "unknown_result": "Project ‘{project}’ heeft geen resultaat ‘{name}’.",
    "result_needs_project": "Kies ook het project waar dit resultaat bij hoort.",
    "unknown_indicator": "Indicator ‘{code}’ bestaat niet.",
    "unknown_region": "Regio ‘{code}’ bestaat niet.",
    "not_a_quarter": "Kies een kwartaal, bijvoorbeeld 2026-Q3.",
    "measurement_exists": "Dit resultaat heeft al een meting voor {quarter}: wijzig die.",
    "result_not_in_programme": "Resultaat {id} hoort niet bij dit programma.",
    "duplicate_row": "Dit resultaat staat al op regel {first}.",
    "missing_result": "Kies het resultaat.",
    # pydantic's error types, in Dutch
    "missing": "Vul dit veld in.",
    "string_too_short": "Vul dit veld in.",
    "string_too_long": "Te lang: gebruik hoogstens {max_length} tekens.",
    "number": "Vul een getal in.",
    "integer": "Vul een geheel getal in.",
    "at_least": "Kies minstens {ge}.",
    "at_most": "Kies hoogstens {le}.",
    "choice": "Kies een van: {expected}.",
    "date": "Vul een geldige datum in (jjjj-mm-dd).",
    "bool": "Kies ja of nee.",
    "list": "Geef een lijst.",
    "pattern_media_url": "Een link moet met https:// beginnen.",
    "pattern_media_file": "Upload een video of afbeelding, of geef de naam van een .mp4- of .webm-bestand in de map "
                          "met media.",
    "pattern_captions_file": "Upload de ondertitels als .vtt-bestand.",
    "upload_missing": "Dit bestand is niet (meer) geüpload: upload het opnieuw.",
    "captions_need_video": "Ondertitels horen bij een eigen video: kies eerst de video.",
    "other": "Deze waarde is ongeldig.",
}
_ERROR_TYPES = {
    "missing": "missing", "string_too_short": "string_too_short", "string_too_long": "string_too_long",
    "float_parsing": "number", "float_type": "number", "finite_number": "number",
    "int_parsing": "integer", "int_type": "integer", "int_from_float": "integer",
    "date_parsing": "date", "date_type": "date", "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date", "bool_parsing": "bool", "bool_type": "bool", "list_type": "list",
}


# --- results -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemRef:
    """An item after a write: what to pass as `expected_version` next time, and its workflow state."""

    kind: ItemKind
    id: int
    version: int
    state: WorkflowState


@dataclass(frozen=True)
class ItemState:
    """One item as an edit form needs it."""

    kind: ItemKind
    id: int
    programme_ids: tuple[int, ...]
    version: int
    state: WorkflowState
    values: dict[str, Any]
    can_edit: bool
    transitions: tuple[WorkflowState, ...]  # the steps this actor may take (back to concept may need a reason)
    problems: dict[str, str]  # why it cannot be published yet
    other_approver_needed: bool = False  # this actor could approve it but wrote it (four-eyes rule)


@dataclass(frozen=True)
class EditableItem:
    """A line of the editors' work list."""

    kind: ItemKind
    id: int
    programme_ids: tuple[int, ...]
    title: str
    context: str  # project, result or indicator it belongs to
    state: WorkflowState
    version: int
    can_edit: bool
    transitions: tuple[WorkflowState, ...]
    problems: dict[str, str] = field(default_factory=dict)
    other_approver_needed: bool = False  # this actor could approve it but wrote it (four-eyes rule)


# --- looking things up -------------------------------------------------------------------------------------------


def _load(session: Session, kind: ItemKind, item_id: int) -> Any:  # noqa: ANN401 - one of MODELS
    obj = session.get(MODELS[kind], item_id, populate_existing=True) if isinstance(item_id, int) else None
    if obj is None:
        raise NotFound(f"{kind.value} {item_id} bestaat niet (meer).")
    return obj


def _programme_of_line(line_id: int) -> Any:  # noqa: ANN401 - a select
    return select(ProgrammeLine.programme_id).where(ProgrammeLine.id == line_id)


def _programme_of_project(project_id: int) -> Any:  # noqa: ANN401
    return select(ProgrammeLine.programme_id).join(Project, Project.programme_line_id == ProgrammeLine.id) \
        .where(Project.id == project_id)


def _programme_of_result(result_id: int) -> Any:  # noqa: ANN401
    return select(ProgrammeLine.programme_id).join(Project, Project.programme_line_id == ProgrammeLine.id) \
        .join(Result, Result.project_id == Project.id).where(Result.id == result_id)


def _programmes_of_indicator(indicator_id: int | None) -> Any:  # noqa: ANN401
    return select(ProgrammeIndicator.programme_id).where(ProgrammeIndicator.indicator_id == indicator_id) \
        .order_by(ProgrammeIndicator.programme_id)


def _programme_ids(session: Session, kind: ItemKind, obj: Any) -> list[int]:  # noqa: ANN401
    """The programmes an item belongs to; an indicator note belongs to every programme that follows its indicator."""
    if kind is ItemKind.STORY:
        return [obj.programme_id]
    if kind is ItemKind.MEASUREMENT_NOTE:
        measurement = session.get(Measurement, obj.measurement_id)
        stmt = _programme_of_result(measurement.result_id)
    else:
        stmt = {ItemKind.PROJECT: lambda: _programme_of_line(obj.programme_line_id),
                ItemKind.RESULT: lambda: _programme_of_project(obj.project_id),
                ItemKind.MEASUREMENT: lambda: _programme_of_result(obj.result_id),
                ItemKind.INDICATOR_NOTE: lambda: _programmes_of_indicator(obj.indicator_id)}[kind]()
    return list(session.scalars(stmt))


def _programme(session: Session, slug: str) -> Programme:
    programme = session.scalar(select(Programme).where(Programme.slug == slug))
    if programme is None:
        raise NotFound(MESSAGES["unknown_programme"].format(slug=slug))
    return programme


def _values(session: Session, kind: ItemKind, obj: Any) -> dict[str, Any]:  # noqa: ANN401
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


# --- validation --------------------------------------------------------------------------------------------------


def _dutch(exc: ValidationError) -> dict[str, str]:
    """pydantic's errors as {field: Dutch message} (the first error of each field)."""
    out: dict[str, str] = {}
    for err in exc.errors():
        loc = str(err["loc"][0]) if err["loc"] else FORM
        if loc in out:
            continue
        kind, ctx = err["type"], err.get("ctx") or {}
        if kind == "value_error":
            text = str(err["msg"]).removeprefix("Value error, ")
        elif kind == "string_pattern_mismatch":
            text = MESSAGES.get(f"pattern_{loc}", MESSAGES["other"])
        elif kind == "greater_than_equal":
            text = MESSAGES["at_least"].format(ge=ctx.get("ge"))
        elif kind == "less_than_equal":
            text = MESSAGES["at_most"].format(le=ctx.get("le"))
        elif kind in ("enum", "literal_error"):
            text = MESSAGES["choice"].format(expected=str(ctx.get("expected", "")).replace("' or '", "' of '"))
        elif kind in _ERROR_TYPES:
            text = MESSAGES[_ERROR_TYPES[kind]].format(**{k: v for k, v in ctx.items() if isinstance(v, str | int)})
        else:
            text = MESSAGES["other"]
        out[loc] = text
    return out


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    """Form input made ready for the row models: empty optional fields become None, Dutch numbers ('1.234,5')
    become numbers."""
    out = {}
    for key, value in data.items():
        if isinstance(value, str) and key in _OPTIONAL and not value.strip():
            value = None
        elif isinstance(value, str) and key in _NUMBERS and _HAS_DIGIT.search(value):
            try:
                value = parse_value(value)[0]
            except ValueError_:
                pass  # pydantic says it is no number
        out[key] = value
    return out


def _check_keys(kind: ItemKind, data: Mapping[str, Any]) -> None:
    errors = {k: MESSAGES["unknown_field"] for k in data if k not in FIELDS[kind]}
    if errors:
        raise Invalid(errors)


def _validate(kind: ItemKind, data: Mapping[str, Any], context: Mapping[str, Any] | None = None
              ) -> tuple[BaseModel, dict[str, Any]]:
    """The validated row and its plain form values."""
    empty = {f: MESSAGES["missing"] for f in _REQUIRED_TEXT & set(FIELDS[kind])
             if isinstance(data.get(f), str | None) and not (data.get(f) or "").strip()}
    try:
        row = ROWS[kind](**{**(context or {}), **data})
    except ValidationError as exc:
        raise Invalid({**empty, **_dutch(exc)}) from None
    except PeriodError as exc:
        raise Invalid({**empty, "period": str(exc)}) from None
    if empty:  # the ETL's rows allow an empty name; a form does not
        raise Invalid(empty)
    values = {f: list(getattr(row, f)) if f == "partners" else plain(getattr(row, f)) for f in FIELDS[kind]}
    return row, values


def _columns(session: Session, kind: ItemKind, row: Any, programme_id: int | None) -> dict[str, Any]:  # noqa: ANN401
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
        cols.update(period_kind=row.period.kind, period_start=row.period.start, target=row.target,
                    realised=row.realised, status=row.status, explanation=row.explanation)
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


# --- writing -----------------------------------------------------------------------------------------------------


def _audit_programme(actor: Actor | None, action: Action, programme_ids: Sequence[int]) -> int | None:
    """The programme an audit entry is filed under: the first of the item's for which the actor had the right."""
    return next((pid for pid in programme_ids if may(actor, action, [pid])), programme_ids[0] if programme_ids
                else None)


def _create(session: Session, actor: Actor | None, kind: ItemKind, programme_ids: list[int],
            programme_id: int | None, data: Mapping[str, Any], parent: Mapping[str, Any],
            context: Mapping[str, Any] | None = None, check: Check | None = None) -> tuple[Any, dict[str, Any]]:
    require(actor, Action.EDIT, programme_ids)
    _check_keys(kind, data)
    row, values = _validate(kind, _clean(data), context)
    if check is not None:
        check(row, {})
    cols = _columns(session, kind, row, programme_id)
    if kind is ItemKind.MEASUREMENT:
        if row.period.kind is not PeriodKind.QUARTER:
            raise Invalid({"period": MESSAGES["not_a_quarter"]})
        existing = session.scalar(select(Measurement).where(
            Measurement.result_id == parent["result_id"], Measurement.period_kind == row.period.kind,
            Measurement.period_start == row.period.start))
        if existing is not None:
            raise Conflict(kind, existing.id, None, existing.version, values, _values(session, kind, existing),
                           last_author(session, kind, existing.id), existing.workflow_state)
    obj = MODELS[kind](**cols, **parent, workflow_state=WorkflowState.CONCEPT)
    session.add(obj)
    try:
        session.flush()
    except IntegrityError:  # the same quarter created at the same moment by someone else (unique constraint)
        raise Conflict(kind, 0, None, 0, values, {}) from None
    filed = _audit_programme(actor, Action.EDIT, programme_ids)
    for f in FIELDS[kind]:
        if values[f] not in (None, "", []):
            record(session, actor, kind, obj.id, filed, AuditAction.CREATED, f, None, values[f])
    return obj, values


def _cas(session: Session, kind: ItemKind, obj: Any, expected_version: int, changes: Mapping[str, Any],  # noqa: ANN401
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
        fresh = _load(session, kind, obj.id)
        raise Conflict(kind, obj.id, expected_version, fresh.version, mine, _values(session, kind, fresh),
                       last_author(session, kind, obj.id), fresh.workflow_state)


def _update(session: Session, actor: Actor | None, kind: ItemKind, item_id: int, expected_version: int,
            data: Mapping[str, Any], context: Mapping[str, Any] | None = None,
            programme_id: int | None = None, check: Check | None = None) -> ItemRef:
    obj = _load(session, kind, item_id)
    programme_ids = _programme_ids(session, kind, obj)
    require(actor, Action.EDIT, programme_ids)
    _check_keys(kind, data)
    current = _values(session, kind, obj)
    data = _clean(data)
    fixed = {f: MESSAGES["fixed_field"] for f in FIXED.get(kind, ()) if f in data and plain(data[f]) != current[f]}
    if fixed:
        raise Invalid(fixed)
    row, mine = _validate(kind, {**current, **data}, context)
    state, version = WorkflowState(obj.workflow_state), obj.version
    if version != expected_version:
        raise Conflict(kind, item_id, expected_version, version, mine, current, last_author(session, kind, item_id),
                       state)
    if check is not None:
        check(row, current)
    cols = _columns(session, kind, row, programme_id if programme_id is not None else
                    (programme_ids[0] if programme_ids else None))
    changed = [f for f in FIELDS[kind] if mine[f] != current[f]]
    if not changed:
        return ItemRef(kind, item_id, version, state)
    changes = {_COLUMN_OF.get(f, f): cols[_COLUMN_OF.get(f, f)] for f in changed}
    if state is not WorkflowState.CONCEPT:
        changes["workflow_state"] = WorkflowState.CONCEPT
    _cas(session, kind, obj, expected_version, changes, mine)
    filed = _audit_programme(actor, Action.EDIT, programme_ids)
    for f in changed:
        record(session, actor, kind, item_id, filed, AuditAction.CHANGED, f, current[f], mine[f])
    if state is not WorkflowState.CONCEPT:
        record(session, actor, kind, item_id, filed, AuditAction.BACK_TO_CONCEPT, "workflow_state", state,
               WorkflowState.CONCEPT, WORKFLOW_MESSAGES["edited_back_to_concept"].format(state=state.value))
    session.flush()
    return ItemRef(kind, item_id, expected_version + 1, WorkflowState.CONCEPT)


def _four_eyes(four_eyes: bool | None) -> bool:
    return get_settings().four_eyes if four_eyes is None else four_eyes


def _blocked_by_four_eyes(actor: Actor | None, programme_ids: Sequence[int], state: WorkflowState,
                          authors: set[int]) -> bool:
    """Whether the approver role would let this actor approve the item, but the four-eyes rule does not."""
    return (state is WorkflowState.SUBMITTED and actor is not None and actor.user_id in authors
            and may(actor, Action.APPROVE, programme_ids))


def _ref(kind: ItemKind, obj: Any) -> ItemRef:  # noqa: ANN401
    return ItemRef(kind, obj.id, obj.version, WorkflowState(obj.workflow_state))


# --- projects, results, measurements -----------------------------------------------------------------------------


def create_project(session: Session, actor: ActorLike, programme_slug: str, values: Mapping[str, Any]) -> ItemRef:
    """A new project (concept) in a line of the programme: values as ProjectRow (`line_name`, `name`, …)."""
    actor = as_actor(actor)
    programme = _programme(session, programme_slug)
    obj, _ = _create(session, actor, ItemKind.PROJECT, [programme.id], programme.id, values, {},
                     {"programme_slug": programme.slug})
    return _ref(ItemKind.PROJECT, obj)


def update_project(session: Session, actor: ActorLike, project_id: int, expected_version: int,
                   values: Mapping[str, Any]) -> ItemRef:
    """Change a project; `line_name` may move it to another line of the same programme."""
    actor = as_actor(actor)
    obj = _load(session, ItemKind.PROJECT, project_id)
    programme_id = session.scalar(_programme_of_line(obj.programme_line_id))
    slug = session.scalar(select(Programme.slug).where(Programme.id == programme_id))
    return _update(session, actor, ItemKind.PROJECT, project_id, expected_version, values,
                   {"programme_slug": slug}, programme_id)


def create_result(session: Session, actor: ActorLike, project_id: int, values: Mapping[str, Any]) -> ItemRef:
    """A new result measure (concept) of a project: `name`, `kind` (hoeveel/hoe_goed/beter_af), `unit`,
    `desired_direction`, `decimals`. Targets are per quarter, on the measurements."""
    actor = as_actor(actor)
    project = _load(session, ItemKind.PROJECT, project_id)
    programme_ids = list(session.scalars(_programme_of_line(project.programme_line_id)))
    obj, _ = _create(session, actor, ItemKind.RESULT, programme_ids, None, values, {"project_id": project.id})
    return _ref(ItemKind.RESULT, obj)


def update_result(session: Session, actor: ActorLike, result_id: int, expected_version: int,
                  values: Mapping[str, Any]) -> ItemRef:
    return _update(session, as_actor(actor), ItemKind.RESULT, result_id, expected_version, values)


def create_measurement(session: Session, actor: ActorLike, result_id: int, values: Mapping[str, Any]) -> ItemRef:
    """The measurement (concept) of a result for one quarter: `period` ('2026-Q3'), `target`, `realised`,
    `status` (op_koers/aandacht/niet_op_koers/onbekend), `explanation`. Conflict when the quarter already has one."""
    actor = as_actor(actor)
    result = _load(session, ItemKind.RESULT, result_id)
    programme_ids = list(session.scalars(_programme_of_project(result.project_id)))
    obj, _ = _create(session, actor, ItemKind.MEASUREMENT, programme_ids, None, values, {"result_id": result.id})
    return _ref(ItemKind.MEASUREMENT, obj)


def update_measurement(session: Session, actor: ActorLike, measurement_id: int, expected_version: int,
                       values: Mapping[str, Any]) -> ItemRef:
    """Change target, realised value, status or explanation of a measurement (its quarter stays)."""
    return _update(session, as_actor(actor), ItemKind.MEASUREMENT, measurement_id, expected_version, values)


def save_quarter(session: Session, actor: ActorLike, programme_slug: str, quarter: str | Period,
                 rows: Sequence[Mapping[str, Any]]) -> list[ItemRef]:
    """The bulk grid: one quarter's measurements of a whole programme at once, all or nothing.

    Each row: `result_id`, `expected_version` (the measurement's version as the grid showed it; None for a
    quarter that had no measurement yet) and any of `target`, `realised`, `status`, `explanation`. Unchanged rows
    write nothing. Raises BulkRefused with the error of every bad row (Invalid, NotFound or Conflict) before
    writing anything; returns one ItemRef per row, in order."""
    actor = as_actor(actor)
    programme = _programme(session, programme_slug)
    require(actor, Action.EDIT, [programme.id])
    try:
        period = quarter if isinstance(quarter, Period) else Period.parse(str(quarter))
    except PeriodError:
        raise Invalid({"period": MESSAGES["not_a_quarter"]}) from None
    if period.kind is not PeriodKind.QUARTER:
        raise Invalid({"period": MESSAGES["not_a_quarter"]})
    result_ids = set(session.scalars(select(Result.id).join(Project).join(ProgrammeLine)
                                     .where(ProgrammeLine.programme_id == programme.id)))
    existing = {m.result_id: m for m in session.scalars(
        select(Measurement).where(Measurement.result_id.in_(result_ids), Measurement.period_kind == period.kind,
                                  Measurement.period_start == period.start)
        .execution_options(populate_existing=True))} if result_ids else {}
    errors: dict[int, EditError] = {}
    seen: dict[int, int] = {}
    plan: list[tuple[int, int, Measurement | None, int | None, dict[str, Any]]] = []
    kind = ItemKind.MEASUREMENT
    for i, raw in enumerate(rows):
        rid, expected = raw.get("result_id"), raw.get("expected_version")
        data = {k: v for k, v in raw.items() if k not in ("result_id", "expected_version")}
        if not isinstance(rid, int) or rid not in result_ids:
            errors[i] = Invalid({"result_id": MESSAGES["result_not_in_programme"].format(id=rid) if rid is not None
                                 else MESSAGES["missing_result"]})
            continue
        if rid in seen:
            errors[i] = Invalid({"result_id": MESSAGES["duplicate_row"].format(first=seen[rid] + 1)})
            continue
        seen[rid] = i
        try:
            _check_keys(kind, data)
            if "period" in data:
                raise Invalid({"period": MESSAGES["fixed_field"]})
            m = existing.get(rid)
            current = _values(session, kind, m) if m else {"period": period.code}
            _, mine = _validate(kind, {**current, **_clean(data)})
            if m is None and expected is not None:
                raise NotFound(f"{kind.value} van resultaat {rid} in {period.code} bestaat niet.")
            if m is not None and expected != m.version:
                raise Conflict(kind, m.id, expected, m.version, mine, current, last_author(session, kind, m.id),
                               m.workflow_state)
        except EditError as exc:
            errors[i] = exc
            continue
        plan.append((i, rid, m, expected, data))
    if errors:
        raise BulkRefused(errors)
    refs: list[ItemRef] = []
    for i, rid, m, expected, data in plan:
        try:
            if m is None:
                refs.append(create_measurement(session, actor, rid, {**data, "period": period.code}))
            else:
                refs.append(update_measurement(session, actor, m.id, expected, data))
        except EditError as exc:  # a concurrent change won between the check and the write: roll back
            raise BulkRefused({i: exc}) from None
    return refs


# --- stories and notes -------------------------------------------------------------------------------------------


def _story_files(upload_dir: Path | str | None, session: Session | None = None,
                 programme_id: int | None = None) -> Check:
    """The check of a story's files: an uploaded name (dashboard.uploads' random pattern) must be a file in the
    upload folder – anything else is a demo file under assets/media (StoryRow's pattern, no '..') – and captions
    go with a video. Only names that change are looked up, so a story whose upload was removed can still be edited."""
    directory = Path(upload_dir) if upload_dir is not None else Path(get_settings().upload_dir)

    def check(row: Any, current: Mapping[str, Any]) -> None:  # noqa: ANN401 - a StoryRow
        errors: dict[str, str] = {}
        for f in ("media_file", "captions_file"):
            name = getattr(row, f)
            if name and name != current.get(f) and UPLOAD_NAME.match(name):
                if not (directory / name).is_file():
                    errors[f] = MESSAGES["upload_missing"]
                elif session is not None and programme_id is not None and not media.may_attach(session, name,
                                                                                              programme_id):
                    errors[f] = media.OTHER_PROGRAMME  # another programme's unpublished upload
        if row.captions_file and not (row.media_file or "").endswith((".mp4", ".webm")):
            errors.setdefault("captions_file", MESSAGES["captions_need_video"])
        if errors:
            raise Invalid(errors)
    return check


def create_story(session: Session, actor: ActorLike, programme_slug: str, values: Mapping[str, Any], *,
                 upload_dir: Path | str | None = None) -> ItemRef:
    """A new story (concept): values as StoryRow (`kind`, `title`, `summary`, `body`, `media_url`, `media_file`,
    `captions_file`, `transcript`, `story_date`, `consent`, and the `project_name`, `result_name`,
    `indicator_code` it explains). `upload_dir`: where uploaded files are (default: settings.upload_dir)."""
    actor = as_actor(actor)
    programme = _programme(session, programme_slug)
    obj, _ = _create(session, actor, ItemKind.STORY, [programme.id], programme.id, values,
                     {"programme_id": programme.id}, {"programme_slug": programme.slug},
                     _story_files(upload_dir, session, programme.id))
    return _ref(ItemKind.STORY, obj)


def update_story(session: Session, actor: ActorLike, story_id: int, expected_version: int,
                 values: Mapping[str, Any], *, upload_dir: Path | str | None = None) -> ItemRef:
    actor = as_actor(actor)
    obj = _load(session, ItemKind.STORY, story_id)
    slug = session.scalar(select(Programme.slug).where(Programme.id == obj.programme_id))
    return _update(session, actor, ItemKind.STORY, story_id, expected_version, values, {"programme_slug": slug},
                   obj.programme_id, _story_files(upload_dir, session, obj.programme_id))


def create_indicator_note(session: Session, actor: ActorLike, values: Mapping[str, Any]) -> ItemRef:
    """A dated note (concept) on a trend point: `indicator_code`, `region_code`, `period`, `text`, `note_date`,
    `author` (default: the actor's name). Editors of any programme that follows the indicator may write one."""
    actor = as_actor(actor)
    indicator_id = session.scalar(select(Indicator.id).where(Indicator.code == str(values.get("indicator_code"))))
    programme_ids = list(session.scalars(_programmes_of_indicator(indicator_id))) if indicator_id else []
    values = {"author": actor.name if actor else "", **values}
    obj, _ = _create(session, actor, ItemKind.INDICATOR_NOTE, programme_ids, None, values, {})
    return _ref(ItemKind.INDICATOR_NOTE, obj)


def update_indicator_note(session: Session, actor: ActorLike, note_id: int, expected_version: int,
                          values: Mapping[str, Any]) -> ItemRef:
    """Change text, date or author of a trend note (indicator, region and period stay)."""
    return _update(session, as_actor(actor), ItemKind.INDICATOR_NOTE, note_id, expected_version, values)


def create_measurement_note(session: Session, actor: ActorLike, measurement_id: int, values: Mapping[str, Any]
                            ) -> ItemRef:
    """A dated note (concept) on a measurement: `text`, `note_date`, `author` (default: the actor's name)."""
    actor = as_actor(actor)
    measurement = _load(session, ItemKind.MEASUREMENT, measurement_id)
    programme_ids = list(session.scalars(_programme_of_result(measurement.result_id)))
    values = {"author": actor.name if actor else "", **values}
    obj, _ = _create(session, actor, ItemKind.MEASUREMENT_NOTE, programme_ids, None, values,
                     {"measurement_id": measurement.id})
    return _ref(ItemKind.MEASUREMENT_NOTE, obj)


def update_measurement_note(session: Session, actor: ActorLike, note_id: int, expected_version: int,
                            values: Mapping[str, Any]) -> ItemRef:
    return _update(session, as_actor(actor), ItemKind.MEASUREMENT_NOTE, note_id, expected_version, values)


# --- workflow and reading ----------------------------------------------------------------------------------------


def transition(session: Session, actor: ActorLike, kind: ItemKind | str, item_id: int,
               to_state: WorkflowState | str, expected_version: int, reason: str | None = None, *,
               media_dir: Any = None, four_eyes: bool | None = None) -> ItemRef:  # noqa: ANN401 - a Path
    """Move an item to `to_state`: editor concept→ingediend and ingediend→concept (withdraw); approver
    ingediend→goedgekeurd, goedgekeurd→gepubliceerd, and any state→concept with a `reason`. Publishing refuses
    (Invalid) a story without consent, a film or interview without captions or transcript, and a measurement
    without a realised value or an explanation. `media_dir`: where own videos and captions live (tests).
    Four-eyes rule (`four_eyes`, default settings.four_eyes): nobody approves an item they created, changed or
    submitted since it was last published."""
    actor = as_actor(actor)
    kind, new = ItemKind(kind), WorkflowState(to_state)
    obj = _load(session, kind, item_id)
    programme_ids = _programme_ids(session, kind, obj)
    require(actor, Action.READ_UNPUBLISHED, programme_ids)
    old, version = WorkflowState(obj.workflow_state), obj.version
    if version != expected_version:
        current = _values(session, kind, obj)
        raise Conflict(kind, item_id, expected_version, version, {"workflow_state": new.value},
                       {"workflow_state": old.value, **current}, last_author(session, kind, item_id), old)
    authors = authors_since_publication(session, kind, [item_id])[item_id] \
        if new is WorkflowState.APPROVED and _four_eyes(four_eyes) else set()
    check_transition(actor, programme_ids, old, new, reason or "", authors)
    if new is WorkflowState.PUBLISHED and (problems := publication_problems(kind, obj, media_dir)):
        raise Invalid(problems)
    _cas(session, kind, obj, expected_version, {"workflow_state": new}, {"workflow_state": new.value})
    action = Action.EDIT if new is WorkflowState.SUBMITTED or (old is WorkflowState.SUBMITTED and
                                                               may(actor, Action.EDIT, programme_ids)) \
        else Action.APPROVE
    record(session, actor, kind, item_id, _audit_programme(actor, action, programme_ids), STEP_ACTIONS[new],
           "workflow_state", old, new, (reason or "").strip())
    session.flush()
    return ItemRef(kind, item_id, expected_version + 1, new)


def get_item(session: Session, actor: ActorLike, kind: ItemKind | str, item_id: int, *,
             media_dir: Any = None, four_eyes: bool | None = None) -> ItemState:  # noqa: ANN401
    """One item with its form values, version, state and what this actor may do with it (for an edit form).
    Needs read_unpublished on its programme."""
    actor = as_actor(actor)
    kind = ItemKind(kind)
    obj = _load(session, kind, item_id)
    programme_ids = _programme_ids(session, kind, obj)
    require(actor, Action.READ_UNPUBLISHED, programme_ids)
    state = WorkflowState(obj.workflow_state)
    authors = authors_since_publication(session, kind, [obj.id])[obj.id] \
        if state is WorkflowState.SUBMITTED and _four_eyes(four_eyes) else set()  # only a submission is approved
    return ItemState(kind, obj.id, tuple(programme_ids), obj.version, state, _values(session, kind, obj),
                     may(actor, Action.EDIT, programme_ids),
                     tuple(allowed_targets(actor, programme_ids, state, authors)),
                     publication_problems(kind, obj, media_dir),
                     _blocked_by_four_eyes(actor, programme_ids, state, authors))


def audit_trail(session: Session, actor: ActorLike, kind: ItemKind | str, item_id: int) -> list[AuditView]:
    """Every recorded change and workflow step of an item, oldest first. Needs read_unpublished on its programme
    (for an item that no longer exists: on a programme its entries were filed under)."""
    actor = as_actor(actor)
    kind = ItemKind(kind)
    lines = entries(session, kind, item_id)
    obj = session.get(MODELS[kind], item_id)
    programme_ids = _programme_ids(session, kind, obj) if obj is not None else \
        sorted({pid for pid in _raw_entries(session, kind, item_id) if pid is not None})
    require(actor, Action.READ_UNPUBLISHED, programme_ids)
    return lines


def _raw_entries(session: Session, kind: ItemKind, item_id: int) -> list[int | None]:
    return list(session.scalars(select(AuditEntry.programme_id).where(AuditEntry.item_kind == kind,
                                                                      AuditEntry.item_id == item_id)))


def editable_items(session: Session, actor: ActorLike, programme_slug: str | None = None, *,
                   media_dir: Any = None, four_eyes: bool | None = None) -> list[EditableItem]:  # noqa: ANN401
    """Everything the actor may see unpublished (the programmes where they are editor or approver; all for an
    admin), in every state, with what they may do: the editors' work list. Empty for anonymous and viewers."""
    actor = as_actor(actor)
    stmt = select(Programme.id)
    if programme_slug:
        stmt = stmt.where(Programme.slug == programme_slug)
    readable = [pid for pid in session.scalars(stmt.order_by(Programme.sort_order, Programme.id))
                if may(actor, Action.READ_UNPUBLISHED, [pid])]
    if not readable:
        return []
    found: list[tuple[ItemKind, Any, list[int], str, str]] = []

    def add(kind: ItemKind, obj: Any, pids: list[int], title: str, context: str) -> None:  # noqa: ANN401
        found.append((kind, obj, pids, title, context))

    in_programmes = ProgrammeLine.programme_id.in_(readable)
    for obj, pid in session.execute(select(Project, ProgrammeLine.programme_id)
                                    .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
                                    .where(in_programmes).order_by(Project.id)):
        add(ItemKind.PROJECT, obj, [pid], obj.name, "")
    for obj, project, pid in session.execute(select(Result, Project.name, ProgrammeLine.programme_id)
                                             .join(Project, Project.id == Result.project_id)
                                             .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
                                             .where(in_programmes).order_by(Result.id)):
        add(ItemKind.RESULT, obj, [pid], obj.name, project)
    for obj, result, pid in session.execute(select(Measurement, Result.name, ProgrammeLine.programme_id)
                                            .join(Result, Result.id == Measurement.result_id)
                                            .join(Project, Project.id == Result.project_id)
                                            .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
                                            .where(in_programmes)
                                            .order_by(Measurement.result_id, Measurement.period_start)):
        add(ItemKind.MEASUREMENT, obj, [pid], obj.period.code, result)
    for obj, result, period_start, period_kind, pid in session.execute(
            select(MeasurementNote, Result.name, Measurement.period_start, Measurement.period_kind,
                   ProgrammeLine.programme_id)
            .join(Measurement, Measurement.id == MeasurementNote.measurement_id)
            .join(Result, Result.id == Measurement.result_id).join(Project, Project.id == Result.project_id)
            .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
            .where(in_programmes).order_by(MeasurementNote.id)):
        add(ItemKind.MEASUREMENT_NOTE, obj, [pid], obj.text[:80],
            f"{result}, {Period(period_start, PeriodKind(period_kind)).code}")
    for obj in session.scalars(select(Story).where(Story.programme_id.in_(readable)).order_by(Story.id)):
        add(ItemKind.STORY, obj, [obj.programme_id], obj.title, "")
    links: dict[int, list[int]] = {}
    for iid, pid in session.execute(select(ProgrammeIndicator.indicator_id, ProgrammeIndicator.programme_id)
                                    .order_by(ProgrammeIndicator.programme_id)):
        links.setdefault(iid, []).append(pid)
    for obj, code, region in session.execute(
            select(IndicatorNote, Indicator.code, Region.code)
            .join(Indicator, Indicator.id == IndicatorNote.indicator_id)
            .join(Region, Region.id == IndicatorNote.region_id)
            .where(IndicatorNote.indicator_id.in_([i for i, pids in links.items() if set(pids) & set(readable)]))
            .order_by(IndicatorNote.id)):
        add(ItemKind.INDICATOR_NOTE, obj, links[obj.indicator_id], obj.text[:80],
            f"{code}, {region}, {obj.period.code}")
    authors: dict[ItemKind, dict[int, set[int]]] = {}
    if _four_eyes(four_eyes):  # only submitted items can be approved: only theirs are looked up
        for kind in ItemKind:
            authors[kind] = authors_since_publication(session, kind, [
                obj.id for k, obj, *_ in found if k is kind and obj.workflow_state == WorkflowState.SUBMITTED])
    out = []
    for kind, obj, pids, title, context in found:
        state, mine = WorkflowState(obj.workflow_state), authors.get(kind, {}).get(obj.id, set())
        out.append(EditableItem(kind, obj.id, tuple(pids), title, context, state, obj.version,
                                may(actor, Action.EDIT, pids), tuple(allowed_targets(actor, pids, state, mine)),
                                publication_problems(kind, obj, media_dir),
                                _blocked_by_four_eyes(actor, pids, state, mine)))
    return out

"""The one owner of `measurement` writes: the form's entry points (one measurement, or a quarter of a whole
programme in the bulk grid, with audit and back to concept), the results file load (`merge_loaded`, with history)
and the measurements the demo loads with its projects (`new_measurements`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.figures import DataLoad
from db.models.programmes import Measurement, MeasurementHistory, ProgrammeLine, Project, Result
from db.write.audit import last_author
from db.write.forms import MESSAGES, check_keys, clean_input, validate
from db.write.items import (
    ItemRef,
    create_child,
    form_values,
    programme_by_slug,
    update_item,
)
from db.write.rows import MeasurementRow
from db.write.workflow import ActorLike, BulkRefused, Conflict, EditError, Invalid, NotFound, as_actor, require
from indicators.enums import Action, Direction, ItemKind, MeasurementStatus, PeriodKind
from indicators.periods import Period, PeriodError, utcnow


def create_measurement(session: Session, actor: ActorLike, result_id: int, values: Mapping[str, Any]) -> ItemRef:
    """The measurement (concept) of a result for one quarter: `period` ('2026-Q3'), `target`, `realised`,
    `status` (op_koers/aandacht/niet_op_koers/onbekend), `explanation`. Conflict when the quarter already has one."""
    return create_child(session, as_actor(actor), ItemKind.MEASUREMENT, result_id, values)


def update_measurement(session: Session, actor: ActorLike, measurement_id: int, expected_version: int,
                       values: Mapping[str, Any]) -> ItemRef:
    """Change target, realised value, status or explanation of a measurement (its quarter stays)."""
    return update_item(session, as_actor(actor), ItemKind.MEASUREMENT, measurement_id, expected_version, values)


def save_quarter(session: Session, actor: ActorLike, programme_slug: str, quarter: str | Period,
                 rows: Sequence[Mapping[str, Any]]) -> list[ItemRef]:
    """The bulk grid: one quarter's measurements of a whole programme at once, all or nothing.

    Each row: `result_id`, `expected_version` (the measurement's version as the grid showed it; None for a
    quarter that had no measurement yet) and any of `target`, `realised`, `status`, `explanation`. Unchanged rows
    write nothing. Raises BulkRefused with the error of every bad row (Invalid, NotFound or Conflict) before
    writing anything; returns one ItemRef per row, in order."""
    actor = as_actor(actor)
    programme = programme_by_slug(session, programme_slug)
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
            check_keys(kind, data)
            if "period" in data:
                raise Invalid({"period": MESSAGES["fixed_field"]})
            m = existing.get(rid)
            current = form_values(session, kind, m) if m else {"period": period.code}
            _, mine = validate(kind, {**current, **clean_input(data)})
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



def new_measurements(rows: Sequence[MeasurementRow]) -> list[Measurement]:
    """The measurements of a result that the demo (or a test) loads with its project: published, no audit."""
    return [Measurement(period_kind=m.period.kind, period_start=m.period.start, target=m.target, realised=m.realised,
                        status=m.status, explanation=m.explanation, is_example=m.is_example) for m in rows]


@dataclass(frozen=True)
class LoadedResult:
    """A result as a results file names it (project and result name), for `merge_loaded`."""

    id: int
    desired_direction: Direction


@dataclass(frozen=True)
class LoadedMeasurement:
    """One checked row of a results file."""

    result_id: int
    period: Period
    target: float | None
    realised: float | None
    status: MeasurementStatus
    explanation: str


def results_by_name(session: Session) -> dict[tuple[str, str], LoadedResult]:
    """Every result (in any workflow state) by (project name, result name), both lower case."""
    rows = session.execute(select(Project.name, Result.name, Result.id, Result.desired_direction)
                           .join(Result, Result.project_id == Project.id)).all()
    return {(project.lower(), name.lower()): LoadedResult(rid, direction) for project, name, rid, direction in rows}


def merge_loaded(session: Session, load: DataLoad, rows: Sequence[LoadedMeasurement]) -> tuple[int, int, int]:
    """A results file load: insert new measurements and replace changed ones, keeping the replaced values in
    `measurement_history` (attributed to `load`); identical rows are left untouched, an example value is always
    replaced. Returns (new, changed, unchanged)."""
    new = changed = unchanged = 0
    now = utcnow()
    for row in rows:
        existing = session.scalar(select(Measurement).where(
            Measurement.result_id == row.result_id, Measurement.period_kind == row.period.kind,
            Measurement.period_start == row.period.start))
        new_values = (row.target, row.realised, row.status, row.explanation)
        if existing is None:
            session.add(Measurement(result_id=row.result_id, period_kind=row.period.kind,
                                    period_start=row.period.start, target=row.target, realised=row.realised,
                                    status=row.status, explanation=row.explanation))
            new += 1
        elif (existing.target, existing.realised, existing.status, existing.explanation) == new_values \
                and not existing.is_example:
            unchanged += 1
        else:
            session.add(MeasurementHistory(
                measurement_id=existing.id, target=existing.target, realised=existing.realised,
                status=existing.status, explanation=existing.explanation, replaced_at=now,
                replaced_by_load_id=load.id))
            existing.target, existing.realised, existing.status = row.target, row.realised, row.status
            existing.explanation, existing.is_example = row.explanation, False
            changed += 1
    return new, changed, unchanged

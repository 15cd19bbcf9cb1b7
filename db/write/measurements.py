"""The one owner of `measurement` writes: the form's entry points (one measurement, or a quarter of a whole
programme in the bulk grid), the results file load (`merge_loaded`, through those same entry points, with audit and
history) and the measurements the demo loads with its projects (`new_measurements`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.figures import DataLoad
from db.models.programmes import Measurement, MeasurementHistory, ProgrammeLine, Project, Result
from db.write.audit import last_author
from db.write.counts import ChangeCounts
from db.write.forms import MESSAGES, Check, check_keys, clean_input, validate
from db.write.items import (
    ItemRef,
    create_child,
    form_values,
    programme_by_slug,
    update_item,
)
from db.write.revisions import pending_of, working
from db.write.rows import MeasurementRow
from db.write.workflow import (
    ActorLike,
    BulkRefused,
    Conflict,
    EditError,
    Invalid,
    NotFound,
    as_actor,
    load_actor,
    require,
)
from indicators.enums import Action, ItemKind, MeasurementStatus, PeriodKind, WorkflowState
from indicators.formatting import MEASUREMENT_STATUS_LABELS
from indicators.measurement_rules import WHOLE_NUMBER, measurement_problems
from indicators.periods import Period, PeriodError


def measurement_check(session: Session, result_id: int | None) -> Check:
    """The rules of indicators.measurement_rules for the measurements of one result, as Invalid on the fields: a
    result counted in things takes whole numbers; a status other than op koers needs a toelichting."""
    unit = session.scalar(select(Result.unit).where(Result.id == result_id)) if result_id is not None else None

    def check(row: MeasurementRow, _current: Mapping[str, Any]) -> None:
        problems = measurement_problems(unit, row.target, row.realised, row.status, row.explanation)
        if problems:
            raise Invalid({field: problem_message(problem, unit or "", row) for field, problem in problems.items()})
    return check


def problem_message(problem: str, unit: str, row: MeasurementRow) -> str:
    """The form's Dutch message for a problem of indicators.measurement_rules."""
    if problem == WHOLE_NUMBER:
        return MESSAGES["whole_number"].format(unit=unit, example="20,5")
    if row.status is MeasurementStatus.UNKNOWN:
        return MESSAGES["explanation_needed_unknown"]
    return MESSAGES["explanation_needed"].format(status=MEASUREMENT_STATUS_LABELS[row.status].lower())


def create_measurement(session: Session, actor: ActorLike, result_id: int, values: Mapping[str, Any], *,
                       note: str = "") -> ItemRef:
    """The measurement (concept) of a result for one quarter: `period` ('2026-Q3'), `target`, `realised`,
    `status` (op_koers/aandacht/niet_op_koers/onbekend), `explanation`. Conflict when the quarter already has one;
    Invalid when it breaks the rules of indicators.measurement_rules. `note`: the reason of its audit entries (a
    file load: file, line, load)."""
    return create_child(session, as_actor(actor), ItemKind.MEASUREMENT, result_id, values, note,
                        check=measurement_check(session, result_id))


def update_measurement(session: Session, actor: ActorLike, measurement_id: int, expected_version: int,
                       values: Mapping[str, Any], *, note: str = "") -> ItemRef:
    """Change target, realised value, status or explanation of a measurement (its quarter stays); a published one
    gets a new version beside it (see db.write.items.update_item)."""
    result_id = session.scalar(select(Measurement.result_id).where(Measurement.id == measurement_id))
    return update_item(session, as_actor(actor), ItemKind.MEASUREMENT, measurement_id, expected_version, values,
                       check=measurement_check(session, result_id), note=note)


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
    revisions = pending_of(session, ItemKind.MEASUREMENT, [m.id for m in existing.values()])
    errors: dict[int, EditError] = {}
    seen: dict[int, int] = {}
    checks = {rid: measurement_check(session, rid) for rid in result_ids}
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
            work = working(session, kind, m, revisions.get(m.id)) if m else None
            current = form_values(session, kind, work.obj) if work else {"period": period.code}
            row, mine = validate(kind, {**current, **clean_input(data)})
            if any(mine[f] != current.get(f) for f in mine):  # an unchanged row is left as it is
                checks[rid](row, current)
            if m is None and expected is not None:
                raise NotFound(f"{kind.value} van resultaat {rid} in {period.code} bestaat niet.")
            if work is not None and expected != work.version:
                raise Conflict(kind, work.row.id, expected, work.version, mine, current,
                               last_author(session, kind, work.row.id), work.state)
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
    return [Measurement(**m.columns(), is_example=m.is_example) for m in rows]


@dataclass(frozen=True)
class LoadedMeasurement:
    """One checked row of a results file; `line`: its row number in the file."""

    line: int
    result_id: int
    period: Period
    target: float | None
    realised: float | None
    status: MeasurementStatus
    explanation: str


@dataclass(frozen=True)
class RefusedRow:
    """A row of a results file that wrote nothing: the form field it concerns, its value and why (Dutch)."""

    line: int
    field: str
    value: str
    reason: str


@dataclass
class Merged(ChangeCounts):
    """What a results file load did: `changed` includes the `revised` (a new version beside a published one)."""

    revised: int = 0
    refused: list[RefusedRow] = field(default_factory=list)


IN_REVIEW = (WorkflowState.SUBMITTED, WorkflowState.APPROVED)


def merge_loaded(session: Session, load: DataLoad, rows: Sequence[LoadedMeasurement], door: str,
                 file_name: str) -> Merged:
    """A results file load, through the same functions as the forms (create_measurement, update_measurement),
    acting as its door (`workflow.load_actor`: the command's --door name, no account). Per row:

    - a quarter without a measurement: a new measurement, in concept;
    - the values the editors see already (the row's, or its pending revision's): untouched;
    - a concept: changed in place, its old values kept in measurement_history (attributed to `load`);
    - a published measurement: a new version (concept revision) beside it – the raad keeps seeing the published
      values until that version is approved and published;
    - ingediend or goedgekeurd (the measurement or its revision): refused, a file never overwrites what is being
      reviewed; values the form refuses: refused with the form's message. A refused row writes nothing.

    Every change is in the audit trail under the door's name, its reason naming file, line and load."""
    actor = load_actor(door)
    kind = ItemKind.MEASUREMENT
    merged = Merged()
    for row in rows:
        note = MESSAGES["load_note"].format(file=file_name, line=row.line, load=load.id)
        values = {"target": row.target, "realised": row.realised, "status": row.status.value,
                  "explanation": row.explanation}
        existing = session.scalar(select(Measurement).where(
            Measurement.result_id == row.result_id, Measurement.period_kind == row.period.kind,
            Measurement.period_start == row.period.start))
        old = None
        try:
            if existing is None:
                create_measurement(session, actor, row.result_id, {"period": row.period.code, **values}, note=note)
                merged.new += 1
                continue
            work = working(session, kind, existing)
            shown = work.obj
            if (shown.target, shown.realised, shown.status, shown.explanation or "") == \
                    (row.target, row.realised, row.status, row.explanation):
                merged.unchanged += 1
                continue
            if work.state in IN_REVIEW:
                merged.refused.append(RefusedRow(row.line, "period", row.period.code, MESSAGES["load_in_review"]
                                                 .format(quarter=row.period.code, state=work.state.value)))
                continue
            if work.revision is None and work.state is WorkflowState.CONCEPT:
                old = MeasurementHistory.of(existing, load.id)
            ref = update_measurement(session, actor, existing.id, work.version, values, note=note)
        except Invalid as exc:
            name, reason = next(iter(exc.errors.items()))
            merged.refused.append(RefusedRow(row.line, name, str(values.get(name, "")), reason))
            continue
        except EditError as exc:  # NotFound, or a Conflict with an editor saving at this moment
            merged.refused.append(RefusedRow(row.line, "period", row.period.code, exc.message))
            continue
        if old is not None:
            session.add(old)
        merged.changed += 1
        merged.revised += int(ref.revision)
    return merged

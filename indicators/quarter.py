"""The quarter report: per programme the three parts as they stood at the end of a quarter, and what changed
since the previous quarter. Plain functions on plain (pydantic) models, so the content can be frozen as JSON;
db.read.quarter builds a report from the database.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from indicators.enums import ChangeKind, Movement, ObservationStatus
from indicators.periods import Period, parse_quarter

EPSILON = 1e-9


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TrendPoint(_Model):
    period: str  # Period.code, e.g. "2024" or "2026-Q3"
    value: float | None
    status: str = ObservationStatus.DEFINITIVE.value
    is_example: bool = False


class TrendItem(_Model):
    code: str
    name: str
    unit: str
    decimals: int
    direction: str
    source: str
    table_id: str | None
    line_name: str | None
    target_value: float | None
    target_year: int | None
    region_name: str
    points: list[TrendPoint]
    compare_name: str | None = None
    compare_points: list[TrendPoint] = []
    verdict: str
    sentence: str
    latest_period: str | None
    latest_value: float | None
    previous_value: float | None
    baseline_value: float | None
    movement: Movement | None  # latest value compared with the one before
    baseline_side: Movement | None  # latest value compared with the baseline year: above (UP), below (DOWN)
    has_example: bool


class MeasurementItem(_Model):
    period: str
    target: float | None
    realised: float | None
    status: str
    explanation: str = ""
    is_example: bool = False


class ResultItem(_Model):
    id: int
    name: str
    kind: str
    unit: str
    decimals: int
    direction: str
    line_name: str
    project_name: str
    current: MeasurementItem | None  # the measurement of the report's quarter
    history: list[MeasurementItem]  # every measurement up to and including the report's quarter


class StoryItem(_Model):
    id: int
    kind: str
    title: str
    summary: str
    story_date: date
    is_example: bool
    project_name: str | None
    result_name: str | None
    indicator_code: str | None
    indicator_name: str | None
    media_url: str | None
    # not in reports frozen before stories had pictures: the picture or poster bundled or uploaded, and where the
    # story's programme and result are, for the links of its tile
    media_file: str | None = None
    programme_slug: str = ""
    result_id: int | None = None


class ProjectMoneyItem(_Model):
    """A project's budget and spending in one quarter (euros), from the `financien` template."""

    project: str
    period: str  # quarter code, e.g. "2026-Q3"
    budget: float | None
    spent: float | None
    explanation: str = ""
    is_example: bool = False

    @property
    def diff(self) -> float | None:
        """Spent minus budget (None when one is missing)."""
        return self.spent - self.budget if self.budget is not None and self.spent is not None else None

    @property
    def spent_pct(self) -> float | None:
        """Spent as % of the budget."""
        return self.spent / self.budget * 100 if self.budget and self.spent is not None else None


class Change(_Model):
    """One line of "what changed": `before`/`after` are raw values (numbers or status values), never text."""

    kind: ChangeKind
    subject: str  # result name, indicator name or story title
    ref: str  # result id, indicator code or story id: the anchor in the report is built from it
    period: str | None = None
    before: float | str | None = None
    after: float | str | None = None
    target: float | None = None
    unit: str = ""
    decimals: int = 0


class NoteItem(_Model):
    id: int
    kind: str
    text: str
    owner: str
    due_date: date | None
    done_on: date | None
    recorded_in: str  # quarter code of the meeting that recorded it
    carried: bool  # recorded in an earlier quarter and still open at the start of this one
    # Who recorded it (and on which day, Amsterdam time) and who marked it done. Defaulted, so that the content of
    # quarters published before these fields existed reads as before and renders byte for byte the same.
    created_by: str = ""
    created_on: date | None = None
    done_by: str = ""


class ProgrammeReport(_Model):
    slug: str
    name: str
    vision: str
    region_name: str
    baseline_year: int
    is_demo: bool
    trends: list[TrendItem]
    results: list[ResultItem]
    stories: list[StoryItem]
    changes: list[Change] = []
    notes: list[NoteItem] = []
    # the projects' budgets and spending of the report's year up to its quarter; None in content frozen before
    # they were kept (rendered as nothing, so such a report looks as it always did)
    project_money: list[ProjectMoneyItem] | None = None


class QuarterReport(_Model):
    quarter: str
    previous: str
    previous_published: bool  # "what changed" compares with the published snapshot of the previous quarter
    programmes: list[ProgrammeReport]
    published_at: datetime | None = None
    published_by: str = ""

    @property
    def period(self) -> Period:
        return parse_quarter(self.quarter)

    @property
    def previous_period(self) -> Period:
        return parse_quarter(self.previous)


# --- quarters --------------------------------------------------------------------------------------------------


# --- building the report from the database ---------------------------------------------------------------------
def finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def movement(a: float | None, b: float | None, decimals: int) -> Movement | None:
    """b compared with a, judged at the precision the figure is shown with."""
    if a is None or b is None:
        return None
    diff = round(b, decimals) - round(a, decimals)
    if abs(diff) < EPSILON:
        return Movement.FLAT
    return Movement.UP if diff > 0 else Movement.DOWN


def with_changes_against(report: QuarterReport, previous: QuarterReport, previous_published: bool) -> QuarterReport:
    """`report` with each programme's "what changed" filled in against `previous`."""
    before = {p.slug: p for p in previous.programmes}
    programmes = [p.model_copy(update={"changes": what_changed(before.get(p.slug), p)}) for p in report.programmes]
    return report.model_copy(update={"programmes": programmes, "previous_published": previous_published})


# --- what changed ----------------------------------------------------------------------------------------------
def _differs(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return (a is None) != (b is None)
    return abs(a - b) > EPSILON * max(1.0, abs(a), abs(b))


def _measurement_changes(old: ResultItem | None, new: ResultItem) -> list[Change]:
    common = {"subject": new.name, "ref": str(new.id), "unit": new.unit, "decimals": new.decimals}
    before = {m.period: m for m in old.history} if old else {}
    changes = []
    for m in new.history:
        was = before.get(m.period)
        if was is None:
            if m.realised is not None or m.target is not None:
                changes.append(Change(kind=ChangeKind.NEW_MEASUREMENT, period=m.period, after=m.realised,
                                      target=m.target, **common))
        elif _differs(was.realised, m.realised) or _differs(was.target, m.target):
            changes.append(Change(kind=ChangeKind.CORRECTED_MEASUREMENT, period=m.period, before=was.realised,
                                  after=m.realised, target=m.target, **common))
    if old and old.current and new.current and old.current.status != new.current.status:
        changes.append(Change(kind=ChangeKind.STATUS_CHANGE, period=new.current.period, before=old.current.status,
                              after=new.current.status, **common))
    return changes


def _trend_changes(old: TrendItem | None, new: TrendItem) -> list[Change]:
    common = {"subject": new.name, "ref": new.code, "unit": new.unit, "decimals": new.decimals}
    changes = []
    before = {p.period: p.value for p in old.points} if old else {}
    for p in new.points:
        if p.period in before and _differs(before[p.period], p.value):
            changes.append(Change(kind=ChangeKind.CORRECTED_FIGURE, period=p.period, before=before[p.period],
                                  after=p.value, **common))
    if new.latest_period and (old is None or old.latest_period != new.latest_period):
        changes.append(Change(kind=ChangeKind.NEW_FIGURE, period=new.latest_period, after=new.latest_value, **common))
    if old is None:
        return changes
    turning = {Movement.UP, Movement.DOWN}
    if old.movement in turning and new.movement in turning and old.movement != new.movement:
        changes.append(Change(kind=ChangeKind.TREND_TURNED, period=new.latest_period, before=old.movement.value,
                              after=new.movement.value, **common))
    if old.baseline_side in turning and new.baseline_side in turning and old.baseline_side != new.baseline_side:
        changes.append(Change(kind=ChangeKind.CROSSED_BASELINE, period=new.latest_period,
                              before=old.latest_value, after=new.latest_value, target=new.baseline_value,
                              **common))
    return changes


def what_changed(previous: ProgrammeReport | None, current: ProgrammeReport) -> list[Change]:
    """New and corrected measurements, status changes, new and corrected trend figures, trends that turned or
    crossed their baseline, and new stories: from the previous quarter's report of a programme to this one.
    Ordered: status changes and trend signals first (what a meeting discusses), then corrections, then news."""
    old_results = {r.id: r for r in previous.results} if previous else {}
    old_trends = {t.code: t for t in previous.trends} if previous else {}
    old_stories = {s.id for s in previous.stories} if previous else set()
    changes: list[Change] = []
    for t in current.trends:
        changes += _trend_changes(old_trends.get(t.code), t)
    for r in current.results:
        changes += _measurement_changes(old_results.get(r.id), r)
    changes += [Change(kind=ChangeKind.NEW_STORY, subject=s.title, ref=str(s.id), period=s.story_date.isoformat(),
                       after=s.kind) for s in current.stories if s.id not in old_stories]
    order = [ChangeKind.STATUS_CHANGE, ChangeKind.TREND_TURNED, ChangeKind.CROSSED_BASELINE,
             ChangeKind.CORRECTED_MEASUREMENT, ChangeKind.CORRECTED_FIGURE, ChangeKind.NEW_FIGURE,
             ChangeKind.NEW_MEASUREMENT, ChangeKind.NEW_STORY]
    return sorted(changes, key=lambda c: order.index(c.kind))  # stable: keeps the page order within a kind


# --- the frozen form of a report (db.read.quarter reads snapshots, db.write.quarter writes them) ---------------
def canonical_json(report: QuarterReport) -> str:
    """The frozen form of a report: stable key order, no whitespace, UTF-8 text."""
    return report.model_dump_json()



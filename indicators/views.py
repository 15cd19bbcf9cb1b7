"""What the raad's pages receive: plain view objects of programmes, trends, results and indicators (the read
side in db.read builds them), and the small pure helpers on them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from indicators.enums import MeasurementStatus, PeriodKind, Verdict
from indicators.notes import NotesByPeriod
from indicators.periods import Period
from indicators.quarter import StoryItem
from indicators.stories import StoryLink
from indicators.trends import Forecast, Point, TrendSummary


@dataclass(frozen=True)
class RegionOption:
    code: str
    name: str
    group: str  # why it is offered: "land", "jeugdregio Twente", "zelfde grootteklasse", "wijk"


@dataclass(frozen=True)
class SeriesPoint:
    period: Period
    value: float | None
    status: str
    is_example: bool
    source: str
    table_id: str | None
    loaded_at: datetime | None


@dataclass(frozen=True)
class IndicatorInfo:
    code: str
    name: str
    unit: str
    source: str
    cbs_table_id: str | None
    desired_direction: str
    decimals: int
    definition: str


@dataclass
class TrendView:
    indicator: IndicatorInfo
    summary: TrendSummary
    series: dict[str, list[SeriesPoint]]  # region code -> points (home region first)
    region_names: dict[str, str]
    target_value: float | None
    target_year: int | None
    line_name: str | None
    has_example: bool
    last_loaded: datetime | None
    stories: list[StoryLink] = field(default_factory=list)  # "het verhaal achter de cijfers"
    notes: NotesByPeriod = field(default_factory=dict)  # dated notes on the home region's points
    forecast: Forecast | None = None  # "als er niets verandert": the line through the years before the programme


@dataclass(frozen=True)
class MeasurementView:
    period: Period
    target: float | None
    realised: float | None
    status: MeasurementStatus
    explanation: str
    is_example: bool
    notes: list[MeasurementNoteView] = field(default_factory=list)  # published dated notes, oldest first


@dataclass(frozen=True)
class MeasurementNoteView:
    """A dated note on a quarter's value of a result ("why this figure?")."""

    note_date: date
    author: str
    text: str


@dataclass
class ResultView:
    id: int
    name: str
    kind: str
    unit: str
    decimals: int
    desired_direction: str
    line_name: str
    project_name: str
    measurements: list[MeasurementView]
    stories: list[StoryLink] = field(default_factory=list)  # "het verhaal achter de cijfers"

    @property
    def latest(self) -> MeasurementView | None:
        with_value = [m for m in self.measurements if m.realised is not None]
        return with_value[-1] if with_value else (self.measurements[-1] if self.measurements else None)


@dataclass
class ProgrammeCard:
    slug: str
    name: str
    vision: str
    region_name: str
    period: str
    verdicts: dict[Verdict, int]
    trend_count: int
    result_statuses: dict[MeasurementStatus, int]
    result_count: int
    story_count: int
    newest_stories: list[StoryItem]
    is_demo: bool
    region_code: str = ""
    start_year: int | None = None
    end_year: int | None = None


@dataclass
class ProgrammeView:
    slug: str
    name: str
    vision: str
    owner: str
    region_code: str
    region_name: str
    start_year: int
    end_year: int
    baseline_year: int
    is_demo: bool
    lines: list[tuple[str, str, str]]  # (name, goal, desired direction)
    trends: list[TrendView]
    results: list[ResultView]
    stories: list[StoryItem]
    comparison_options: list[RegionOption] = field(default_factory=list)


def to_points(series: Iterable[SeriesPoint]) -> list[Point]:
    return [Point(p.period, p.value, p.status) for p in series]


def result_status_counts(results: Iterable[ResultView]) -> Counter:
    """Status of each result's latest measurement with a realised value."""
    return Counter(r.latest.status if r.latest else MeasurementStatus.UNKNOWN for r in results)


@dataclass
class IndicatorView:
    info: IndicatorInfo
    needs_review: bool
    home_code: str
    series: dict[str, list[SeriesPoint]]
    region_names: dict[str, str]
    summary: TrendSummary | None
    period_kind: PeriodKind
    available_kinds: list[PeriodKind]
    programmes: list[tuple[str, str]]  # (slug, name)
    stories: list[StoryItem]
    loads: list[tuple[str, str | None, str, datetime | None]]  # (source, table, hash, finished)
    comparison_options: list[RegionOption]
    corrections: list[Correction] = ()  # values of the home region that a later load replaced
    notes: NotesByPeriod = field(default_factory=dict)  # dated notes on the home region's points


@dataclass(frozen=True)
class Correction:
    """A value replaced by a later load: what it was, what it is now, when and from which files."""

    period: Period
    old_value: float | None
    old_status: str
    new_value: float | None
    new_status: str
    replaced_at: datetime
    old_file: str
    new_file: str


@dataclass(frozen=True)
class LoadView:
    """One load of the load log, as `python -m etl status` shows it."""

    id: int
    started_at: datetime | None
    status: str
    kind: str
    rows_read: int
    rows_loaded: int
    rows_rejected: int
    duration_s: float | None
    table_id: str | None
    path: str
    error_report: str


class ProgrammeChoice(NamedTuple):
    """A programme as pages and forms offer it."""

    id: int
    slug: str
    name: str


@dataclass(frozen=True)
class ActionItemState:
    """A meeting note as the meeting page's "afgerond" step checks it."""

    id: int
    kind: str
    programme_id: int
    done_on: date | None

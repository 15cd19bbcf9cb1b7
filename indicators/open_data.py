"""View objects that only the open-data API needs (the pages use indicators.views): the indicator catalogue, regions,
one page of observations, and the published quarters. db.read.open_data builds them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from indicators.periods import Period
from indicators.quarter import StoryItem
from indicators.views import IndicatorInfo


@dataclass(frozen=True)
class CatalogueIndicator:
    info: IndicatorInfo
    needs_review: bool  # made by a load from a table not seen before; an admin has not looked at it yet


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    kind: str  # indicators.enums.RegionKind value
    parent_code: str | None
    population: int | None


@dataclass(frozen=True)
class ObservationRow:
    region_code: str
    region_name: str
    period: Period
    value: float | None
    status: str  # indicators.enums.ObservationStatus value
    is_example: bool
    source: str
    table_id: str | None
    loaded_at: datetime | None


@dataclass(frozen=True)
class ObservationFilter:
    """Which observations of one indicator: a region, a period kind, and the periods from `start` to `end`
    (first and last day, inclusive); None means no limit."""

    region_code: str | None = None
    kind: str | None = None  # indicators.periods.PeriodKind value
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class PublishedQuarter:
    quarter: str  # "2026-Q3"
    published_at: datetime
    published_by: str


@dataclass(frozen=True)
class StoryRow:
    """A published story of the list, with its programme and the published result it explains (None if none)."""

    programme_slug: str
    result_id: int | None
    story: StoryItem

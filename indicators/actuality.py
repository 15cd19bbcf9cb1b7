"""Actuality: is a figure still recent enough to steer on, and how up to date is a programme as a whole?

One rule for "niet actueel" (used here for the score, and by the trend labels): a trend is niet actueel when its
newest figure ends more than `max_age_years` full calendar years before today – with the default of 2, in December
2026 a 2023 figure is niet actueel and a 2024 figure is still actueel. The age is a setting
(ACTUALITY_MAX_AGE_YEARS in settings.py), passed in by the caller.

The score of a programme is the share of its items that are up to date:
- each trend whose newest figure is not niet actueel;
- each result of a running project that has a realised value for the last closed quarter;
- each result whose latest status asks for a toelichting (aandacht, niet op koers) and has one;
- each story less than a year old.
Rounded down to a whole percent, so 100 % means everything. Pure: no database, no settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from indicators.enums import ActualityKind

DEFAULT_MAX_AGE_YEARS = 2
ASKS_FOR_EXPLANATION = frozenset({"aandacht", "niet_op_koers"})  # MeasurementStatus values


def is_outdated(newest_end: date | None, today: date, max_age_years: int = DEFAULT_MAX_AGE_YEARS) -> bool:
    """Whether a trend whose newest figure covers a period ending on `newest_end` is "niet actueel" on `today`:
    that period ended before the last `max_age_years` full calendar years began. No figure at all: niet actueel."""
    if newest_end is None:
        return True
    return newest_end.year < today.year - max_age_years


def oldest_actual_year(today: date, max_age_years: int = DEFAULT_MAX_AGE_YEARS) -> int:
    """The oldest year whose figures still count as actueel on `today` (2024 in 2026 with the default)."""
    return today.year - max_age_years


def is_recent_story(story_date: date, today: date) -> bool:
    """Less than a year old: after the same day one year earlier (29 February counts from 28 February)."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:
        year_ago = today.replace(year=today.year - 1, day=28)
    return story_date > year_ago


@dataclass(frozen=True)
class ActualityItem:
    """One thing that counts in the score. `detail` is what a reader needs to see why (a period label, a date),
    `ref` where it lives (indicator code, result id, measurement id, story id)."""

    kind: ActualityKind
    subject: str
    up_to_date: bool
    detail: str = ""
    ref: str = ""


@dataclass
class Actuality:
    items: list[ActualityItem] = field(default_factory=list)
    quarter_label: str = ""  # the last closed quarter the results are measured against

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def current(self) -> int:
        return sum(1 for i in self.items if i.up_to_date)

    @property
    def score(self) -> int | None:
        """Whole percent, rounded down (None when the programme has nothing to count)."""
        return self.current * 100 // self.total if self.items else None

    @property
    def missing(self) -> list[ActualityItem]:
        return [i for i in self.items if not i.up_to_date]

    def counts(self, kind: ActualityKind) -> tuple[int, int]:
        """(up to date, total) of one kind of item."""
        of_kind = [i for i in self.items if i.kind is kind]
        return sum(1 for i in of_kind if i.up_to_date), len(of_kind)


def trend_item(name: str, code: str, newest_end: date | None, newest_label: str, today: date,
               max_age_years: int = DEFAULT_MAX_AGE_YEARS) -> ActualityItem:
    current = not is_outdated(newest_end, today, max_age_years)
    return ActualityItem(ActualityKind.TREND, name, current, newest_label, code)


def measured_item(result: str, result_id: int, measured: bool, quarter_label: str) -> ActualityItem:
    return ActualityItem(ActualityKind.MEASURED, result, measured, quarter_label, str(result_id))


def explained_item(result: str, measurement_id: int, status: str, explained: bool,
                   period_label: str) -> ActualityItem | None:
    """An item only where the status asks for a toelichting."""
    if status not in ASKS_FOR_EXPLANATION:
        return None
    return ActualityItem(ActualityKind.EXPLAINED, result, explained, period_label, str(measurement_id))


def story_item(title: str, story_id: int, story_date: date, date_label: str, today: date) -> ActualityItem:
    return ActualityItem(ActualityKind.STORY, title, is_recent_story(story_date, today), date_label, str(story_id))

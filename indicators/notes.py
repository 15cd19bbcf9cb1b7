"""Dated notes on a point of a trend ("why up, why down?"), keyed by period (db.read.trends reads them): number
them and match them to the points of a series that may be of another period kind."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from indicators.enums import PeriodKind
from indicators.periods import Period

NotesByPeriod = dict[Period, list["NoteView"]]


@dataclass(frozen=True)
class NoteView:
    period: Period
    region_code: str
    text: str
    note_date: date
    author: str
    is_example: bool


def note_count(notes: NotesByPeriod) -> int:
    return sum(len(v) for v in notes.values())


def note_order(period: Period) -> tuple:
    # A year before its first quarter: the longer period starts the story of that date.
    return period.start, list(PeriodKind).index(period.kind)


def numbered(notes: NotesByPeriod) -> list[tuple[int, NoteView]]:
    """The notes in time order, numbered from 1: the numbers the chart markers, the table and the list share."""
    return list(enumerate((n for p in sorted(notes, key=note_order) for n in notes[p]), start=1))


def matching_period(note: Period, periods: Iterable[Period]) -> Period | None:
    """The point of a series a note belongs to: the same period, else the one that contains the note's period
    (a quarter note on a year chart), else the last one inside it (a year note on a half-year chart)."""
    overlapping = [p for p in periods if p.start <= note.end and note.start <= p.end]
    if not overlapping:
        return None
    if note in overlapping:
        return note
    return max(overlapping)


def for_region(notes: NotesByPeriod, region_code: str) -> NotesByPeriod:
    """Only the notes of one region, same keys order."""
    out = {p: [n for n in lst if n.region_code == region_code] for p, lst in notes.items()}
    return {p: lst for p, lst in out.items() if lst}

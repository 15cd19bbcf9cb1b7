"""Dated notes on a point of a trend ("why up, why down?"): read them per indicator and region, keyed by period,
and match them to the points of a series that may be of another period kind."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import IndicatorNote, Region
from indicators.periods import Period, PeriodKind

NotesByPeriod = dict[Period, list["NoteView"]]


@dataclass(frozen=True)
class NoteView:
    period: Period
    region_code: str
    text: str
    note_date: date
    author: str
    is_example: bool


def notes_by_indicator(session: Session, indicator_ids: Sequence[int], region_codes: Sequence[str] | None = None,
                       ) -> dict[int, NotesByPeriod]:
    """Published notes of several indicators in one query: {indicator id: {period: notes}}, periods in time order.
    `region_codes=None` means every region."""
    out: dict[int, NotesByPeriod] = {}
    if not indicator_ids or (region_codes is not None and not region_codes):
        return out
    stmt = (
        select(IndicatorNote.indicator_id, Region.code, IndicatorNote.period_kind, IndicatorNote.period_start,
               IndicatorNote.text, IndicatorNote.note_date, IndicatorNote.author, IndicatorNote.is_example)
        .join(Region, Region.id == IndicatorNote.region_id)
        .where(IndicatorNote.indicator_id.in_(list(indicator_ids)), IndicatorNote.is_published())
        .order_by(IndicatorNote.period_start, IndicatorNote.note_date, IndicatorNote.id)
    )
    if region_codes is not None:
        stmt = stmt.where(Region.code.in_(list(region_codes)))
    grouped: dict[int, dict[Period, list[NoteView]]] = defaultdict(lambda: defaultdict(list))
    for ind_id, code, kind, start, text, note_date, author, is_example in session.execute(stmt):
        period = Period(start, PeriodKind(kind))
        grouped[ind_id][period].append(NoteView(period, code, text, note_date, author, is_example))
    for ind_id, by_period in grouped.items():
        out[ind_id] = {p: by_period[p] for p in sorted(by_period, key=_order)}
    return out


def notes_for(session: Session, indicator_id: int, region_code: str | None = None) -> NotesByPeriod:
    """The notes of one indicator (in one region, or in all when `region_code` is None): {period: notes}."""
    return notes_by_indicator(session, [indicator_id], None if region_code is None else [region_code]).get(
        indicator_id, {})


def note_count(notes: NotesByPeriod) -> int:
    return sum(len(v) for v in notes.values())


def _order(period: Period) -> tuple:
    # A year before its first quarter: the longer period starts the story of that date.
    return period.start, list(PeriodKind).index(period.kind)


def numbered(notes: NotesByPeriod) -> list[tuple[int, NoteView]]:
    """The notes in time order, numbered from 1: the numbers the chart markers, the table and the list share."""
    return list(enumerate((n for p in sorted(notes, key=_order) for n in notes[p]), start=1))


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

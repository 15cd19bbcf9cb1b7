"""Part 2 – Resultaten as the raad sees them: the published results of programmes with their published
measurements, the notes on those and the stories that explain them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models.programmes import Measurement, MeasurementNote, Programme, ProgrammeLine, Project, Result
from db.read.stories import stories_by_result
from indicators.enums import PeriodKind
from indicators.periods import Period
from indicators.views import MeasurementNoteView, MeasurementView, ResultView


def published_results(*columns: Any, programme_ids: Sequence[int]) -> Select:
    """select(*columns) over the published results of the published projects of these programmes, joined to their
    project and line (the first column must be of Result)."""
    return (select(*columns)
            .join(Project, Project.id == Result.project_id)
            .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
            .where(ProgrammeLine.programme_id.in_(list(programme_ids)), Result.is_published(), Project.is_published()))


def results_of(session: Session, programme_id: int) -> list[ResultView]:
    return results_for(session, [programme_id]).get(programme_id, [])


def results_for(session: Session, programme_ids: Sequence[int]) -> dict[int, list[ResultView]]:
    """Results of several programmes in three queries, whatever their number: {programme id: results}.
    Plain columns, no ORM objects: an overview of ten programmes reads about a thousand measurements."""
    out: dict[int, list[ResultView]] = defaultdict(list)
    if not programme_ids:
        return out
    stmt = published_results(Result.id, Result.name, Result.kind, Result.unit, Result.decimals,
                             Result.desired_direction, Project.name, ProgrammeLine.name, ProgrammeLine.programme_id,
                             programme_ids=programme_ids).order_by(ProgrammeLine.sort_order, Project.id, Result.id)
    views = []
    for rid, name, kind, unit, decimals, direction, project_name, line_name, programme_id in session.execute(stmt):
        view = ResultView(rid, name, kind.value, unit, decimals, direction.value, line_name, project_name, [])
        views.append(view)
        out[programme_id].append(view)
    if not views:
        return out
    by_id = {v.id: v for v in views}
    measurements: dict[int, MeasurementView] = {}
    for mid, rid, kind, start, target, realised, status, explanation, is_example in session.execute(
            select(Measurement.id, Measurement.result_id, Measurement.period_kind, Measurement.period_start,
                   Measurement.target, Measurement.realised, Measurement.status, Measurement.explanation,
                   Measurement.is_example)
            .where(Measurement.result_id.in_(list(by_id)), Measurement.is_published())
            .order_by(Measurement.period_start, Measurement.id)):
        measurements[mid] = MeasurementView(Period(start, PeriodKind(kind)), target, realised, status, explanation,
                                            is_example)
        by_id[rid].measurements.append(measurements[mid])
    if measurements:
        for mid, note_date, author, text in session.execute(
                select(MeasurementNote.measurement_id, MeasurementNote.note_date, MeasurementNote.author,
                       MeasurementNote.text)
                .where(MeasurementNote.measurement_id.in_(list(measurements)), MeasurementNote.is_published())
                .order_by(MeasurementNote.note_date, MeasurementNote.id)):
            measurements[mid].notes.append(MeasurementNoteView(note_date, author, text))
    links = stories_by_result(session, list(by_id))
    for v in views:
        v.stories = links.get(v.id, [])
    return out


def programme_results(session: Session, slug: str) -> tuple[str, list[ResultView]] | None:
    """(programme name, its results) without the trends: what the result table's callback needs."""
    programme = session.scalar(select(Programme).where(Programme.slug == slug))
    if programme is None:
        return None
    return programme.name, results_of(session, programme.id)

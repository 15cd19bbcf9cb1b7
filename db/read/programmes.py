"""Programmes as the raad sees them: the overview's cards, one programme's page (trends, published results and
stories), its result table, and the list of programmes that pages and forms offer."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.models import (
    Measurement,
    MeasurementNote,
    Programme,
    ProgrammeIndicator,
    ProgrammeLine,
    Project,
    Result,
)
from db.read.stories import stories_by_result, story_items
from db.read.trends import comparison_options, trend_loads, trends_for, trends_of
from indicators.enums import COUNTRY
from indicators.periods import Period, PeriodKind
from indicators.trends import count_verdicts
from indicators.views import (
    MeasurementNoteView,
    MeasurementView,
    ProgrammeCard,
    ProgrammeChoice,
    ProgrammeView,
    ResultView,
    TrendView,
    result_status_counts,
)


def results_of(session: Session, programme_id: int) -> list[ResultView]:
    return results_for(session, [programme_id]).get(programme_id, [])


def results_for(session: Session, programme_ids: Sequence[int]) -> dict[int, list[ResultView]]:
    """Results of several programmes in three queries, whatever their number: {programme id: results}.
    Plain columns, no ORM objects: an overview of ten programmes reads about a thousand measurements."""
    out: dict[int, list[ResultView]] = defaultdict(list)
    if not programme_ids:
        return out
    stmt = (
        select(Result.id, Result.name, Result.kind, Result.unit, Result.decimals, Result.desired_direction,
               Project.name, ProgrammeLine.name, ProgrammeLine.programme_id)
        .join(Project, Project.id == Result.project_id)
        .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
        .where(ProgrammeLine.programme_id.in_(list(programme_ids)), Result.is_published(), Project.is_published())
        .order_by(ProgrammeLine.sort_order, Project.id, Result.id)
    )
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


def programme_cards(session: Session) -> list[ProgrammeCard]:
    programmes = session.scalars(
        select(Programme).options(*trend_loads()).order_by(Programme.sort_order, Programme.name)
    ).all()
    ids = [p.id for p in programmes]
    stories = story_items(session, ids)
    all_trends, all_results = trends_for(session, programmes, [], forecasts=False), results_for(session, ids)
    cards = []
    for p in programmes:
        trends, results = all_trends[p.id], all_results.get(p.id, [])
        cards.append(ProgrammeCard(
            slug=p.slug, name=p.name, vision=p.vision, region_name=p.region.name,
            period=f"{p.start_year}–{p.end_year}",
            verdicts=count_verdicts([t.summary for t in trends]), trend_count=len(trends),
            result_statuses=dict(result_status_counts(results)), result_count=len(results),
            story_count=len(stories[p.id]), newest_stories=stories[p.id][:2], is_demo=p.is_demo,
        ))
    return cards


def programme_view(session: Session, slug: str, compare: Sequence[str] = (COUNTRY,)) -> ProgrammeView | None:
    programme = session.scalar(
        select(Programme).where(Programme.slug == slug)
        .options(selectinload(Programme.indicator_links).selectinload(ProgrammeIndicator.indicator),
                 selectinload(Programme.lines), selectinload(Programme.region))
    )
    if programme is None:
        return None
    options = comparison_options(session, programme.region.code)
    allowed = {o.code for o in options}
    compare = [c for c in compare if c in allowed]
    return ProgrammeView(
        slug=programme.slug, name=programme.name, vision=programme.vision, owner=programme.owner,
        region_code=programme.region.code, region_name=programme.region.name,
        start_year=programme.start_year, end_year=programme.end_year, baseline_year=programme.baseline_year,
        is_demo=programme.is_demo,
        lines=[(line.name, line.goal, line.desired_direction.value) for line in programme.lines],
        trends=trends_of(session, programme, compare),
        results=results_of(session, programme.id),
        stories=story_items(session, [programme.id])[programme.id],
        comparison_options=options,
    )


def programme_trend_views(session: Session, slug: str, compare: Sequence[str], indicator_code: str | None = None,
                          ) -> tuple[int, list[TrendView]] | None:
    """Baseline year and trends of a programme (for the comparison callback), with allowed regions only; with
    `indicator_code` only that indicator's trend (an empty list when the programme does not follow it)."""
    programme = session.scalar(
        select(Programme).where(Programme.slug == slug).options(*trend_loads())
    )
    if programme is None:
        return None
    allowed = {o.code for o in comparison_options(session, programme.region.code)}
    compare = [c for c in compare if c in allowed]
    return programme.baseline_year, trends_for(session, [programme], compare, indicator_code)[programme.id]


def programme_choices(session: Session) -> list[ProgrammeChoice]:
    """Every programme in the programmes' own order: what the editor pages and forms offer."""
    return [ProgrammeChoice(pid, slug, name) for pid, slug, name in session.execute(
        select(Programme.id, Programme.slug, Programme.name).order_by(Programme.sort_order, Programme.id))]


def programme_id(session: Session, slug: str) -> int | None:
    return session.scalar(select(Programme.id).where(Programme.slug == slug))


def programme_results(session: Session, slug: str) -> tuple[str, list[ResultView]] | None:
    """(programme name, its results) without the trends: what the result table's callback needs."""
    programme = session.scalar(select(Programme).where(Programme.slug == slug))
    if programme is None:
        return None
    return programme.name, results_of(session, programme.id)

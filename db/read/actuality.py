"""How up to date each programme's published figures are (indicators.actuality): the trends' newest figures, the
results' measurements of the last closed quarter and their toelichtingen, and the stories' dates. Five queries,
whatever the number of programmes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import (
    Indicator,
    Measurement,
    MeasurementNote,
    Observation,
    Programme,
    ProgrammeIndicator,
    ProgrammeLine,
    Project,
    Result,
    Story,
)
from db.read.results import published_results
from indicators.actuality import (
    Actuality,
    explained_item,
    measured_item,
    story_item,
    trend_item,
)
from indicators.enums import PeriodKind, ProjectStatus
from indicators.formatting import format_date
from indicators.periods import Period, last_ended_quarter


def _newest_figures(session: Session, pairs: set[tuple[int, int]]) -> dict[tuple[int, int], Period]:
    """The newest period with a value per (indicator, region): of the yearly figures where there are any – the series
    the trend cards show and label "niet actueel" (db.read.trends.series_for) – else of any period kind."""
    if not pairs:
        return {}
    indicators = {i for i, _ in pairs}
    regions = {r for _, r in pairs}
    newest: dict[tuple[int, int], Period] = {}
    for ind, region, kind, start in session.execute(
            select(Observation.indicator_id, Observation.region_id, Observation.period_kind,
                   func.max(Observation.period_start))
            .where(Observation.indicator_id.in_(indicators), Observation.region_id.in_(regions),
                   Observation.value.is_not(None))
            .group_by(Observation.indicator_id, Observation.region_id, Observation.period_kind)):
        if (ind, region) not in pairs:
            continue
        period, known = Period(start, PeriodKind(kind)), newest.get((ind, region))
        if known is None or (period.kind is PeriodKind.YEAR) > (known.kind is PeriodKind.YEAR) or (
                (period.kind is PeriodKind.YEAR) == (known.kind is PeriodKind.YEAR) and period.end > known.end):
            newest[(ind, region)] = period
    return newest


def programme_actuality(session: Session, today: date, max_age_years: int,
                        slugs: Sequence[str] | None = None) -> dict[str, Actuality]:
    """{programme slug: Actuality} of the published content of every programme (or of `slugs`)."""
    stmt = select(Programme.id, Programme.slug, Programme.region_id).order_by(Programme.sort_order, Programme.id)
    if slugs is not None:
        stmt = stmt.where(Programme.slug.in_(list(slugs)))
    programmes = session.execute(stmt).all()
    ids = [pid for pid, _, _ in programmes]
    out = {slug: Actuality(quarter_label=last_ended_quarter(today).label) for _, slug, _ in programmes}
    if not ids:
        return out
    slug_of = {pid: slug for pid, slug, _ in programmes}
    region_of = {pid: region for pid, _, region in programmes}
    quarter = last_ended_quarter(today)

    links = session.execute(select(ProgrammeIndicator.programme_id, Indicator.id, Indicator.code, Indicator.name)
                            .join(Indicator).where(ProgrammeIndicator.programme_id.in_(ids))
                            .order_by(ProgrammeIndicator.programme_id, ProgrammeIndicator.sort_order)).all()
    newest = _newest_figures(session, {(iid, region_of[pid]) for pid, iid, _, _ in links})
    for pid, iid, code, name in links:
        period = newest.get((iid, region_of[pid]))
        out[slug_of[pid]].items.append(trend_item(name, code, period.end if period else None,
                                                  period.label if period else "", today, max_age_years))

    results = session.execute(
        published_results(Result.id, Result.name, ProgrammeLine.programme_id, Project.status, Project.start_date,
                          Project.end_date, programme_ids=ids)
        .order_by(ProgrammeLine.programme_id, ProgrammeLine.sort_order, Project.id, Result.id)).all()
    measurements: dict[int, list] = defaultdict(list)
    result_ids = [r[0] for r in results]
    if result_ids:
        rows = session.execute(
            select(Measurement.id, Measurement.result_id, Measurement.period_kind, Measurement.period_start,
                   Measurement.realised, Measurement.status, Measurement.explanation)
            .where(Measurement.result_id.in_(result_ids), Measurement.is_published())
            .order_by(Measurement.period_start, Measurement.id)).all()
        noted = set(session.scalars(select(MeasurementNote.measurement_id).where(
            MeasurementNote.measurement_id.in_([m[0] for m in rows]), MeasurementNote.is_published())))
        for mid, rid, kind, start, realised, status, explanation in rows:
            measurements[rid].append((mid, Period(start, PeriodKind(kind)), realised, status.value,
                                      bool((explanation or "").strip()) or mid in noted))
    for rid, name, pid, status, start, end in results:
        actuality = out[slug_of[pid]]
        running = status is ProjectStatus.RUNNING and (start is None or start <= quarter.end) and (
            end is None or end >= quarter.start)
        ms = measurements.get(rid, [])
        if running:
            measured = any(p == quarter and realised is not None for _, p, realised, _, _ in ms)
            actuality.items.append(measured_item(name, rid, measured, quarter.label))
        with_value = [m for m in ms if m[2] is not None]
        if with_value:
            mid, period, _, m_status, explained = with_value[-1]
            if item := explained_item(name, mid, m_status, explained, period.label):
                actuality.items.append(item)

    for pid, sid, title, story_date in session.execute(
            select(Story.programme_id, Story.id, Story.title, Story.story_date)
            .where(Story.programme_id.in_(ids), Story.is_published())
            .order_by(Story.programme_id, Story.story_date.desc(), Story.id)):
        out[slug_of[pid]].items.append(story_item(title, sid, story_date, format_date(story_date), today))
    return out

"""Read-side query of the indicator page: one indicator for a region, comparisons, provenance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import DataLoad, Indicator, Observation, Programme, ProgrammeIndicator, Region, Story
from db.periods import PeriodKind
from indicators.queries import (
    COUNTRY,
    IndicatorInfo,
    RegionOption,
    SeriesPoint,
    StoryView,
    comparison_options,
    indicator_info,
    region_names,
    series_for,
    stories_by_programme,
    to_points,
)
from indicators.trends import TrendSummary, summarise_trend

OTHER_REGIONS = "Andere gekozen regio's"


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
    stories: list[StoryView]
    loads: list[tuple[str, str | None, str, datetime | None]]  # (source, table, hash, finished)
    comparison_options: list[RegionOption]


def indicator_view(session: Session, code: str, region_code: str | None = None,
                   compare: Sequence[str] = (COUNTRY,), kind: PeriodKind | None = None) -> IndicatorView | None:
    ind = session.scalar(select(Indicator).where(Indicator.code == code))
    if ind is None:
        return None
    links = session.execute(
        select(Programme.slug, Programme.name, Programme.baseline_year, Region.code)
        .join(ProgrammeIndicator, ProgrammeIndicator.programme_id == Programme.id)
        .join(Region, Region.id == Programme.region_id)
        .where(ProgrammeIndicator.indicator_id == ind.id).order_by(Programme.sort_order)
    ).all()
    home = region_code or (links[0][3] if links else COUNTRY)
    if session.scalar(select(func.count()).select_from(Region).where(Region.code == home)) == 0:
        home = COUNTRY
    kinds = [PeriodKind(k) for k in session.scalars(
        select(Observation.period_kind).where(Observation.indicator_id == ind.id).distinct())]
    order = list(PeriodKind)
    kinds.sort(key=order.index)
    period_kind = kind if kind in kinds else (kinds[0] if kinds else PeriodKind.YEAR)
    options = comparison_options(session, home) if home != COUNTRY else []
    # Any existing region named in the URL may be compared too (e.g. Almere next to Almelo).
    offered = {o.code for o in options}
    extra = region_names(session, [c for c in compare if c not in offered and c != home])
    options += [RegionOption(code, name, OTHER_REGIONS) for code, name in sorted(extra.items(), key=lambda x: x[1])]
    allowed = offered | set(extra)
    compare = [c for c in compare if c in allowed and c != home]
    codes = [home, *compare]
    data = series_for(session, [ind.id], codes, period_kind)[ind.id]
    series = {c: data[c] for c in codes if data.get(c)}
    baseline = links[0][2] if links else None
    summary = summarise_trend(to_points(series.get(home, [])), ind.desired_direction, baseline,
                              decimals=ind.decimals, unit=ind.unit) if series.get(home) else None
    loads = session.execute(
        select(DataLoad.source, DataLoad.table_id, DataLoad.file_hash, DataLoad.finished_at)
        .where(DataLoad.id.in_(select(Observation.load_id).where(Observation.indicator_id == ind.id).distinct()))
        .order_by(DataLoad.finished_at.desc())
    ).all()
    stories = [s for lst in stories_by_programme(session, list(session.scalars(
        select(Story.programme_id).where(Story.indicator_id == ind.id)))).values()
        for s in lst if s.indicator_code == ind.code]
    return IndicatorView(
        info=indicator_info(ind), needs_review=ind.needs_review, home_code=home, series=series,
        region_names=region_names(session, codes), summary=summary, period_kind=period_kind,
        available_kinds=kinds, programmes=[(s, n) for s, n, _, _ in links], stories=stories,
        loads=list(loads), comparison_options=options,
    )

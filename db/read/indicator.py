"""The indicator page: one indicator for a region with its comparisons, provenance of every load and the values
later loads corrected."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from db.models.figures import DataLoad, Indicator, Observation, ObservationHistory, Region
from db.models.programmes import Programme, ProgrammeIndicator, Story
from db.read.stories import story_items
from db.read.trends import comparison_options, indicator_info, notes_for, region_names, series_for
from indicators.enums import COUNTRY, PeriodKind
from indicators.periods import Period
from indicators.trends import summarise_trend
from indicators.views import Correction, IndicatorView, RegionOption, to_points

OTHER_REGIONS = "Andere gekozen regio's"


def corrections_for(session: Session, indicator_id: int, region_code: str, limit: int = 50) -> list[Correction]:
    """The observation history of one indicator in one region, newest correction first."""
    old_load, new_load = aliased(DataLoad), aliased(DataLoad)
    rows = session.execute(
        select(Observation.period_kind, Observation.period_start, ObservationHistory.value,
               ObservationHistory.status, Observation.value, Observation.status, ObservationHistory.replaced_at,
               old_load.path, old_load.source, new_load.path, new_load.source)
        .join(Observation, Observation.id == ObservationHistory.observation_id)
        .join(Region, Region.id == Observation.region_id)
        .outerjoin(old_load, old_load.id == ObservationHistory.load_id)
        .outerjoin(new_load, new_load.id == ObservationHistory.replaced_by_load_id)
        .where(Observation.indicator_id == indicator_id, Region.code == region_code)
        .order_by(ObservationHistory.replaced_at.desc(), ObservationHistory.id.desc()).limit(limit)).all()
    return [Correction(Period(start, PeriodKind(kind)), old, str(old_st), new, str(new_st), at,
                       _file_name(old_path, old_src), _file_name(new_path, new_src))
            for kind, start, old, old_st, new, new_st, at, old_path, old_src, new_path, new_src in rows]


def _file_name(path: str | None, source: str | None) -> str:
    return PurePath(path).name if path else (source or "–")


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
    stories = [s for lst in story_items(session, list(session.scalars(
        select(Story.programme_id).where(Story.indicator_id == ind.id)))).values()
        for s in lst if s.indicator_code == ind.code]
    return IndicatorView(
        info=indicator_info(ind), needs_review=ind.needs_review, home_code=home, series=series,
        region_names=region_names(session, codes), summary=summary, period_kind=period_kind,
        available_kinds=kinds, programmes=[(s, n) for s, n, _, _ in links], stories=stories,
        loads=list(loads), comparison_options=options, corrections=corrections_for(session, ind.id, home),
        notes=notes_for(session, ind.id, home),
    )

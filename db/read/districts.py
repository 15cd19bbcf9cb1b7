"""`/wijken`: one indicator for every wijk of a gemeente, classed by thresholds, with the wijk boundaries when
they are loaded; `/wijk/<code>`: every indicator of one wijk beside its gemeente and Nederland."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.figures import Indicator, Observation, Region, RegionGeometry
from db.models.programmes import Programme
from db.read.trends import indicator_info
from indicators.districts import DistrictRow, DistrictView, WijkFigure, WijkProfile, thresholds_for
from indicators.enums import COUNTRY, DistrictClass, PeriodKind, RegionKind
from indicators.periods import Period
from indicators.trends import Point, summarise_trend


def default_gemeente(session: Session) -> str | None:
    """The gemeente of the first programme, else the first gemeente that has wijk figures."""
    code = session.scalar(select(Region.code).join(Programme, Programme.region_id == Region.id)
                          .order_by(Programme.sort_order, Programme.id).limit(1))
    return code


def district_indicators(session: Session, gemeente_id: int) -> list[tuple[str, str]]:
    """(code, name) of the indicators with figures for the wijken of a gemeente."""
    wijken = select(Region.id).where(Region.parent_id == gemeente_id, Region.kind == RegionKind.DISTRICT)
    ids = select(Observation.indicator_id).where(Observation.region_id.in_(wijken)).distinct()
    return list(session.execute(select(Indicator.code, Indicator.name).where(Indicator.id.in_(ids))
                                .order_by(Indicator.name)).all())


def _pick_period(session: Session, indicator_id: int, wijk_ids: Sequence[int], wanted: str | None) -> Period | None:
    periods = [Period(start, PeriodKind(kind)) for kind, start in session.execute(
        select(Observation.period_kind, Observation.period_start)
        .where(Observation.indicator_id == indicator_id, Observation.region_id.in_(list(wijk_ids)))
        .distinct())]
    if not periods:
        return None
    if wanted:
        for p in periods:
            if p.code == wanted or p.label == wanted:
                return p
    years = [p for p in periods if p.kind is PeriodKind.YEAR]
    return max(years or periods)


def district_view(session: Session, gemeente_code: str | None = None, indicator_code: str | None = None,
                  period: str | None = None, orange: float | None = None, red: float | None = None,
                  ) -> DistrictView | None:
    """The wijken of a gemeente with one indicator; None when the gemeente does not exist."""
    gemeente_code = gemeente_code or default_gemeente(session)
    gemeente = session.scalar(select(Region).where(Region.code == gemeente_code,
                                                   Region.kind == RegionKind.MUNICIPALITY)) if gemeente_code else None
    if gemeente is None:
        return None
    wijken = session.execute(select(Region.id, Region.code, Region.name)
                             .where(Region.parent_id == gemeente.id, Region.kind == RegionKind.DISTRICT)
                             .order_by(Region.code)).all()
    options = district_indicators(session, gemeente.id)
    view = DistrictView(gemeente.code, gemeente.name, None, None, [], None, None, options)
    codes = [c for c, _ in options]
    if not codes or not wijken:
        return view
    chosen = indicator_code if indicator_code in codes else codes[0]
    ind = session.scalar(select(Indicator).where(Indicator.code == chosen))
    wijk_ids = [w.id for w in wijken]
    per = _pick_period(session, ind.id, wijk_ids, period)
    view.indicator, view.period = indicator_info(ind), per
    obs = {rid: (value, status, is_example, source, table_id) for rid, value, status, is_example, source, table_id
           in session.execute(
               select(Observation.region_id, Observation.value, Observation.status, Observation.is_example,
                      Observation.source, Observation.table_id)
               .where(Observation.indicator_id == ind.id, Observation.region_id.in_([*wijk_ids, gemeente.id]),
                      Observation.period_kind == per.kind, Observation.period_start == per.start))}
    home = obs.get(gemeente.id)
    view.gemeente_value = home[0] if home else None
    view.thresholds = thresholds_for(view.indicator, view.gemeente_value, orange, red)
    for wid, code, name in wijken:
        value, status, is_example, source, table_id = obs.get(wid, (None, None, False, "", None))
        cls = view.thresholds.classify(value) if view.thresholds else DistrictClass.NONE
        view.rows.append(DistrictRow(code, name, value, status.value if status else None, is_example, cls))
        if source and not view.source:
            view.source, view.table_id = source, table_id
    view.geometries = dict(session.execute(
        select(Region.code, RegionGeometry.geometry).join(RegionGeometry, RegionGeometry.region_id == Region.id)
        .where(Region.id.in_(wijk_ids))).all())
    return view


def _value_at(observations: Sequence, region_id: int, period: Period) -> float | None:
    return next((o.value for o in observations if o.region_id == region_id and o.period_start == period.start
                 and PeriodKind(o.period_kind) is period.kind), None)


def wijk_profile(session: Session, code: str) -> WijkProfile | None:
    """Every indicator with a figure for the wijk `code`: its newest period (years first), the gemeente's and
    Nederland's figure for that period, the class and the wijk's own trend. None when `code` is not a wijk."""
    wijk = session.scalar(select(Region).where(Region.code == code, Region.kind == RegionKind.DISTRICT))
    if wijk is None or wijk.parent_id is None:
        return None
    gemeente = session.get(Region, wijk.parent_id)
    country = session.scalar(select(Region).where(Region.code == COUNTRY))
    profile = WijkProfile(wijk.code, wijk.name, gemeente.code, gemeente.name, other_wijken=list(session.execute(
        select(Region.code, Region.name).where(Region.parent_id == gemeente.id, Region.kind == RegionKind.DISTRICT,
                                               Region.id != wijk.id).order_by(Region.name)).all()))
    region_ids = [wijk.id, gemeente.id] + ([country.id] if country else [])
    rows = session.execute(
        select(Observation.indicator_id, Observation.region_id, Observation.period_kind, Observation.period_start,
               Observation.value, Observation.status, Observation.is_example, Observation.source)
        .where(Observation.region_id.in_(region_ids),
               Observation.indicator_id.in_(select(Observation.indicator_id)
                                            .where(Observation.region_id == wijk.id).distinct()))
        .order_by(Observation.period_start)).all()
    by_indicator: dict[int, list] = defaultdict(list)
    for row in rows:
        by_indicator[row.indicator_id].append(row)
    infos = {ind.id: ind for ind in session.scalars(select(Indicator).where(Indicator.id.in_(list(by_indicator))))}
    for ind_id, obs in by_indicator.items():
        info = indicator_info(infos[ind_id])
        own = [o for o in obs if o.region_id == wijk.id and o.value is not None]
        if not own:
            continue
        kinds = {PeriodKind(o.period_kind) for o in own}
        kind = PeriodKind.YEAR if PeriodKind.YEAR in kinds else max(kinds, key=list(PeriodKind).index)
        series = [o for o in own if PeriodKind(o.period_kind) is kind]
        newest = series[-1]
        period = Period(newest.period_start, kind)

        gemeente_value = _value_at(obs, gemeente.id, period)
        thresholds = thresholds_for(info, gemeente_value)
        points = [Point(Period(o.period_start, kind), o.value) for o in series]
        summary = summarise_trend(points, info.desired_direction, None, info.decimals, info.unit) \
            if len(points) > 1 else None
        profile.figures.append(WijkFigure(
            info, period, newest.value, gemeente_value, _value_at(obs, country.id, period) if country else None,
            thresholds.classify(newest.value) if thresholds else DistrictClass.NONE, summary,
            tuple(o.value for o in series), newest.is_example, newest.source))
    profile.figures.sort(key=lambda f: f.indicator.name.casefold())
    return profile

"""`/wijken`: one indicator for every wijk of a gemeente, classed by thresholds, with the wijk boundaries when
they are loaded."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.figures import Indicator, Observation, Region, RegionGeometry
from db.models.programmes import Programme
from db.read.trends import indicator_info
from indicators.districts import DistrictRow, DistrictView, thresholds_for
from indicators.enums import DistrictClass, PeriodKind, RegionKind
from indicators.periods import Period


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

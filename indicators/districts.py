"""Read side of `/wijken`: one indicator for every wijk of a gemeente, classed groen/oranje/rood by thresholds,
with the wijk boundaries when they are loaded."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Indicator, Observation, Programme, Region, RegionGeometry
from indicators.enums import Direction, RegionKind
from indicators.periods import Period, PeriodKind
from indicators.queries import IndicatorInfo, indicator_info


class DistrictClass(StrEnum):
    GREEN = "groen"
    ORANGE = "oranje"
    RED = "rood"
    NONE = "geen"


CLASS_LABELS = {DistrictClass.GREEN: "Groen", DistrictClass.ORANGE: "Oranje", DistrictClass.RED: "Rood",
                DistrictClass.NONE: "Geen cijfer"}

@dataclass(frozen=True)
class Thresholds:
    """Class boundaries. `higher_is_worse`: values from `orange` up are oranje and from `red` up rood; otherwise
    values at or below `orange` are oranje and at or below `red` rood."""

    orange: float
    red: float
    higher_is_worse: bool = True
    origin: str = "default"  # default | derived | url

    def classify(self, value: float | None) -> DistrictClass:
        if value is None or not math.isfinite(value):
            return DistrictClass.NONE
        if self.higher_is_worse:
            return (DistrictClass.RED if value >= self.red else
                    DistrictClass.ORANGE if value >= self.orange else DistrictClass.GREEN)
        return (DistrictClass.RED if value <= self.red else
                DistrictClass.ORANGE if value <= self.orange else DistrictClass.GREEN)


# Configured boundaries per indicator code. Wmo-cliënten per 1.000 inwoners: Almelo as a whole had 65 in 2018
# and Nederland about 60; from 70 a wijk asks clearly more than average, from 90 a lot more.
DISTRICT_THRESHOLDS: dict[str, Thresholds] = {
    "wmo-clienten": Thresholds(orange=70, red=90, higher_is_worse=True),
}
DERIVED_ORANGE, DERIVED_RED = 1.0, 1.2  # × the gemeente's value, in the worse direction


@dataclass(frozen=True)
class DistrictRow:
    code: str
    name: str
    value: float | None
    status: str | None
    is_example: bool
    district_class: DistrictClass


@dataclass
class DistrictView:
    gemeente_code: str
    gemeente_name: str
    indicator: IndicatorInfo | None
    period: Period | None
    rows: list[DistrictRow]
    gemeente_value: float | None
    thresholds: Thresholds | None
    indicator_options: list[tuple[str, str]] = field(default_factory=list)
    geometries: dict[str, dict] = field(default_factory=dict)  # wijk code -> GeoJSON geometry
    source: str = ""
    table_id: str | None = None


def thresholds_for(indicator: Indicator, gemeente_value: float | None, orange: float | None = None,
                   red: float | None = None) -> Thresholds | None:
    """URL values first, then the configured ones, else derived from the gemeente's own value."""
    configured = DISTRICT_THRESHOLDS.get(indicator.code)
    worse_up = configured.higher_is_worse if configured else indicator.desired_direction not in (
        Direction.MORE, Direction.BETTER, Direction.FASTER)
    if orange is not None and red is not None and math.isfinite(orange) and math.isfinite(red):
        return Thresholds(orange, red, worse_up, "url")
    if configured:
        return configured
    if gemeente_value is None:
        return None
    if worse_up:
        return Thresholds(gemeente_value * DERIVED_ORANGE, gemeente_value * DERIVED_RED, True, "derived")
    return Thresholds(gemeente_value * DERIVED_ORANGE, gemeente_value / DERIVED_RED, False, "derived")


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
    view.thresholds = thresholds_for(ind, view.gemeente_value, orange, red)
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


SORT_KEYS = ("naam", "code", "waarde-af", "waarde-op")


def sort_rows(rows: Sequence[DistrictRow], key: str | None) -> list[DistrictRow]:
    """Rows sorted by name, code or value (wijken without a value always last)."""
    if key == "code":
        return sorted(rows, key=lambda r: r.code)
    if key in ("waarde-af", "waarde-op"):
        with_value = [r for r in rows if r.value is not None]
        without = sorted((r for r in rows if r.value is None), key=lambda r: r.name.casefold())
        return sorted(with_value, key=lambda r: (r.value, r.name.casefold()),
                      reverse=key == "waarde-af") + without
    return sorted(rows, key=lambda r: r.name.casefold())


def _signed_area(ring: Sequence[Sequence[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:], strict=False)) / 2


def _orient(ring: list, clockwise: bool) -> list:
    is_clockwise = _signed_area(ring) < 0
    return ring if is_clockwise == clockwise else list(reversed(ring))


def d3_winding(geometry: dict) -> dict:
    """The geometry with exterior rings clockwise and holes counter-clockwise (in lon/lat), the order d3-geo –
    and so plotly's geo maps – expects; GeoJSON files (RFC 7946) usually have the opposite, which makes d3
    fill the whole globe except the polygon."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    fixed = [[_orient(ring, clockwise=(i == 0)) for i, ring in enumerate(polygon)] for polygon in polygons]
    return {"type": geometry["type"], "coordinates": fixed[0] if geometry["type"] == "Polygon" else fixed}


def feature_collection(geometries: dict[str, dict]) -> dict:
    """A FeatureCollection with each region code as feature id, ready for a plotly choropleth."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": code, "properties": {"code": code}, "geometry": d3_winding(geom)}
        for code, geom in sorted(geometries.items())]}

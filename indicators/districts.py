"""`/wijken` without the database: the view of one indicator for every wijk of a gemeente, the classes
groen/oranje/rood and their thresholds, sorting, and the boundaries as a map needs them (queries: db.read.districts)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from indicators.enums import Direction, DistrictClass
from indicators.periods import Period
from indicators.views import IndicatorInfo

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


def thresholds_for(indicator: IndicatorInfo, gemeente_value: float | None, orange: float | None = None,
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

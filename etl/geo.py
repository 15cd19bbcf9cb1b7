"""Region boundaries for maps: read a GeoJSON FeatureCollection (e.g. the CBS/PDOK wijk- en buurtkaart) and store
each feature's geometry on the region whose CBS code it carries (`statcode`, `wijkcode`, `gemeentecode`, …).

Refuses bad input with a Dutch message (GeoError) and stores nothing then. Coordinates must be WGS84 lon/lat
(EPSG:4326); convert RD New files first, e.g. `ogr2ogr -t_srs EPSG:4326 uit.geojson in.geojson`."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from db.session import session_scope
from db.write import loads

# Properties that may hold the region code, in the order they are tried.
CODE_PROPERTIES = ("statcode", "wijkcode", "buurtcode", "gemeentecode", "regiocode", "code")
GEOMETRY_TYPES = {"Polygon", "MultiPolygon"}
_CODE = re.compile(r"^(GM|WK|BU|PV|NL)\d{2,8}$")
_PREFIX_BY_LENGTH = {4: "GM", 6: "WK", 8: "BU"}  # bare CBS numbers: 0141, 014110, 01411000


class GeoError(loads.LoadError):
    """A boundary file that cannot be loaded; the message says why, in Dutch."""


def _code(properties: dict) -> str | None:
    for key in CODE_PROPERTIES:
        raw = properties.get(key)
        if raw is None:
            continue
        text = str(raw).strip().upper()
        if text.isdigit() and len(text) in _PREFIX_BY_LENGTH:
            text = _PREFIX_BY_LENGTH[len(text)] + text
        if _CODE.match(text):
            return text
    return None


def _positions(geometry: dict) -> list:
    coords = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        coords = [coords]
    if not isinstance(coords, list) or not coords:
        raise GeoError("geometrie zonder coördinaten")
    out = []
    for polygon in coords:
        if not isinstance(polygon, list) or not polygon:
            raise GeoError("polygoon zonder ringen")
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                raise GeoError("ring met minder dan 4 punten")
            out.extend(ring)
    return out


def _check_lonlat(positions: list) -> None:
    for pos in positions:
        if not (isinstance(pos, list | tuple) and len(pos) >= 2
                and all(isinstance(v, int | float) and math.isfinite(v) for v in pos[:2])):
            raise GeoError(f"ongeldig coördinaat {pos!r}")
        lon, lat = pos[0], pos[1]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise GeoError(
                f"coördinaat ({lon}, {lat}) is geen lengte/breedte (WGS84). Is het bestand in RD New "
                "(EPSG:28992)? Zet het eerst om: ogr2ogr -t_srs EPSG:4326 uit.geojson in.geojson")


def read_features(path: Path) -> list[tuple[str, dict]]:
    """(region code, geometry) of every feature in a GeoJSON FeatureCollection; raises GeoError on bad input."""
    path = Path(path)
    if not path.is_file():
        raise GeoError(f"Bestand {path} bestaat niet.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise GeoError(f"{path.name} is geen UTF-8-tekst.") from exc
    except json.JSONDecodeError as exc:
        raise GeoError(f"{path.name} is geen geldige JSON (regel {exc.lineno}: {exc.msg}).") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise GeoError(f"{path.name} is geen GeoJSON FeatureCollection.")
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise GeoError(f"{path.name} bevat geen features.")
    out: list[tuple[str, dict]] = []
    seen: set[str] = set()
    for n, feature in enumerate(features, start=1):
        props = (feature or {}).get("properties") or {}
        geometry = (feature or {}).get("geometry") or {}
        code = _code(props)
        if code is None:
            raise GeoError(f"Feature {n} heeft geen regiocode (verwacht een van: {', '.join(CODE_PROPERTIES)}).")
        if geometry.get("type") not in GEOMETRY_TYPES:
            raise GeoError(f"Feature {n} ({code}) heeft geometrie {geometry.get('type')!r}; "
                           "alleen Polygon en MultiPolygon kunnen op de kaart.")
        try:
            _check_lonlat(_positions(geometry))
        except GeoError as exc:
            raise GeoError(f"Feature {n} ({code}): {exc}") from None
        if code in seen:
            raise GeoError(f"Regiocode {code} komt meer dan één keer voor in {path.name}.")
        seen.add(code)
        out.append((code, {"type": geometry["type"], "coordinates": geometry["coordinates"]}))
    return out


def load_boundaries(url: str, path: Path) -> int:
    """Store the boundaries in `path` on the regions of the database at `url`; returns how many were stored.

    Every feature must carry a region code known in the database; otherwise nothing is stored."""
    path = Path(path)
    features = read_features(path)
    with session_scope(url) as session:
        load = loads.start_load(session, source=f"Grenzen ({path.name})", path=str(path),
                                file_hash_=loads.file_hash(path), kind="grenzen")
        unknown = loads.store_boundaries(session, features, path.name, load)
        if unknown:
            shown = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
            raise GeoError(f"{len(unknown)} regiocode(s) uit {path.name} staan niet in de database: {shown}. "
                           "Laad eerst de regio-indeling (CBS 85067NED/85318NED).")
        loads.finish_load(load, len(features), len(features), f"{len(features)} grenzen opgeslagen")
    return len(features)

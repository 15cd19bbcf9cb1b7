"""The wijk map: the loaded boundaries drawn on the server as SVG (no basemap, no tile server, no plotly.js), each
wijk filled with its class's colour and pattern, and an image map over it so every wijk is a link to its profile
(/wijk/<code>) – reachable with the keyboard, named by its alt text. Two sizes (a phone and a laptop), because an
image map's coordinates do not scale with the picture. The table next to it is the text alternative."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.svg_lines import data_uri
from dashboard.theme import current_theme
from indicators.districts import CLASS_LABELS, DistrictView, d3_winding
from indicators.enums import DistrictClass
from indicators.formatting import format_number

CLASS_ORDER = [DistrictClass.GREEN, DistrictClass.ORANGE, DistrictClass.RED, DistrictClass.NONE]
# Fill (the theme's --perspectief-district-* colours), and a pattern so the classes differ without colour too:
# groen plain, oranje stripes, rood cross-hatch, geen dotted; the pattern is drawn in the map's edge colour.
PATTERNS = {
    DistrictClass.ORANGE: "<path d='M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4' stroke='{edge}' stroke-width='1.6'/>",
    DistrictClass.RED: "<path d='M0,0 l8,8 M8,0 l-8,8' stroke='{edge}' stroke-width='1.4'/>",
    DistrictClass.NONE: "<circle cx='4' cy='4' r='1.2' fill='{dot}'/>",
}
SIZES = {"small": (320, 420), "large": (560, 520)}  # most width and height of each drawing


def _rings(geometry: dict) -> list[list[tuple[float, float]]]:
    """The outer ring of every polygon of a (Multi)Polygon, as (lon, lat)."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [[(float(x), float(y)) for x, y, *_ in polygon[0]] for polygon in polygons if polygon]


def project(geometries: dict[str, dict], width: int, max_height: int | None = None, pad: int = 6
            ) -> tuple[int, int, dict[str, list[list[tuple[float, float]]]]]:
    """Lon/lat to pixels (equirectangular, x scaled by cos of the mean latitude: true enough for one gemeente),
    fitted into `width` × `max_height`: (width, height, {code: rings})."""
    rings = {code: _rings(d3_winding(g)) for code, g in geometries.items()}
    points = [p for rs in rings.values() for r in rs for p in r]
    if not points:
        return width, width, {}
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    k = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x, span_y = (max(lons) - min(lons)) * k or 1e-9, (max(lats) - min(lats)) or 1e-9
    scale = (width - 2 * pad) / span_x
    if max_height and span_y * scale + 2 * pad > max_height:  # a tall gemeente: fit the height instead
        scale = (max_height - 2 * pad) / span_y
        width = round(span_x * scale + 2 * pad)
    height = round(span_y * scale + 2 * pad)
    out = {code: [[(round(pad + (lon - min(lons)) * k * scale, 1), round(pad + (max(lats) - lat) * scale, 1))
                   for lon, lat in ring] for ring in rs] for code, rs in rings.items()}
    return width, height, out


def map_svg(view: DistrictView, width: int, max_height: int | None = None
            ) -> tuple[str, int, int, dict[str, list[list[tuple[float, float]]]]]:
    width, height, shapes = project({r.code: view.geometries[r.code] for r in view.rows if r.code in view.geometries},
                                    width, max_height)
    classes = {r.code: r.district_class for r in view.rows}
    theme = current_theme()
    colours = {c: theme.colour(f"district-{c.value}") for c in CLASS_ORDER}  # --perspectief-district-groen …
    edge = theme.colour("district-edge")
    defs = "".join(f"<pattern id='p-{c.value}' width='8' height='8' patternUnits='userSpaceOnUse'>"
                   f"<rect width='8' height='8' fill='{colours[c]}'/>"
                   f"{body.replace('{edge}', edge).replace('{dot}', theme.colour('muted'))}</pattern>"
                   for c, body in PATTERNS.items())
    paths = []
    for code, rings in shapes.items():
        cls = classes.get(code, DistrictClass.NONE)
        fill = f"url(#p-{cls.value})" if cls in PATTERNS else colours[cls]
        d = " ".join("M" + " L".join(f"{x},{y}" for x, y in ring) + " Z" for ring in rings)
        paths.append(f"<path d='{d}' fill='{fill}' stroke='{edge}' stroke-width='1.5'/>")
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} "
           f"{height}'><title>{escape(texts.DISTRICTS_MAP)}</title><defs>{defs}</defs>{''.join(paths)}</svg>")
    return svg, width, height, shapes


def _area_label(view: DistrictView, code: str) -> str:
    row = next(r for r in view.rows if r.code == code)
    ind = view.indicator
    return texts.DISTRICTS_MAP_AREA.format(name=row.name, value=format_number(row.value, ind.decimals, ind.unit),
                                           cls=CLASS_LABELS[row.district_class].lower())


def district_map(view: DistrictView, label: str) -> html.Figure:
    """The map in two sizes (only one is shown), each an <img usemap> with a link per wijk, named by `label` and
    described by the legend; the wijk table holds the same figures."""
    pictures = []
    for size, (most_width, most_height) in SIZES.items():
        svg, width, height, shapes = map_svg(view, most_width, most_height)
        name = f"wijkenkaart-{size}"
        areas = [html.Area(shape="poly", coords=",".join(f"{x:.0f},{y:.0f}" for x, y in max(rings, key=len)),
                           href=f"/wijk/{code}", alt=_area_label(view, code), title=_area_label(view, code))
                 for code, rings in sorted(shapes.items()) if rings]
        pictures.append(html.Div(className=f"district-map-{size}", children=[
            html.Img(src=data_uri(svg), alt=label, width=width, height=height, useMap=f"#{name}",
                     className="district-map-image", **{"aria-describedby": LEGEND_ID}),
            html.MapEl(name=name, id=name, children=areas),
        ]))
    return html.Figure(className="district-map-figure", id="wijken-kaart", children=[
        *pictures, html.Figcaption(texts.DISTRICTS_MAP_HELP, className=nl.DESCRIPTION)])


LEGEND_ID = "wijken-legenda"


def legend() -> html.Ul:
    return html.Ul(className="district-legend", id=LEGEND_ID, children=[
        html.Li([html.Span(className=f"swatch swatch-{c.value}", **{"aria-hidden": "true"}),
                 CLASS_LABELS[c]]) for c in CLASS_ORDER])


def class_badge(cls: DistrictClass) -> html.Span:
    """A wijk's class as swatch (with the map's pattern) and word."""
    return html.Span(className="class-badge", children=[
        html.Span(className=f"swatch swatch-{cls.value}", **{"aria-hidden": "true"}), CLASS_LABELS[cls]])

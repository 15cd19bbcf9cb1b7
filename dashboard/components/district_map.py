"""The wijk map: a plotly choropleth on the loaded boundaries, without any basemap or tile server (nothing is
fetched at view time). Built as a plain dict; the table next to it is the text alternative."""

from __future__ import annotations

from dash import dcc, html

from dashboard.theme import current_theme
from indicators.districts import CLASS_LABELS, DistrictView, feature_collection
from indicators.enums import DistrictClass
from indicators.formatting import format_number

TOPOJSON_URL = "/assets/topojson/"
CLASS_ORDER = [DistrictClass.GREEN, DistrictClass.ORANGE, DistrictClass.RED, DistrictClass.NONE]


def create_map_figure(view: DistrictView, height: int = 440) -> dict:
    """One choropleth trace; z is the class index so the colours are exactly the class colours."""
    ind = view.indicator
    rows = [r for r in view.rows if r.code in view.geometries]
    n = len(CLASS_ORDER)
    theme = current_theme()
    colours = {cls: theme.colour(f"district-{cls.value}") for cls in CLASS_ORDER}  # --perspectief-district-groen …
    background = theme.colour("chart-background")
    colorscale = []
    for i, cls in enumerate(CLASS_ORDER):  # a stepped scale: each class owns one band of [0, 1]
        colorscale += [[i / n, colours[cls]], [(i + 1) / n, colours[cls]]]
    return {
        "data": [{
            "type": "choropleth", "geojson": feature_collection({r.code: view.geometries[r.code] for r in rows}),
            "featureidkey": "id", "locations": [r.code for r in rows],
            "z": [CLASS_ORDER.index(r.district_class) + 0.5 for r in rows], "zmin": 0, "zmax": n,
            "colorscale": colorscale, "showscale": False,
            "marker": {"line": {"color": theme.colour("district-edge"), "width": 1.5}},
            "customdata": [[r.name, format_number(r.value, ind.decimals, ind.unit),
                            CLASS_LABELS[r.district_class]] for r in rows],
            "hovertemplate": "<b>%{customdata[0]}</b> (%{location})<br>%{customdata[1]}<br>%{customdata[2]}"
                             "<extra></extra>",
        }],
        "layout": {
            "height": height, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "dragmode": False,
            "geo": {"fitbounds": "locations", "visible": False, "projection": {"type": "mercator"},
                    "bgcolor": background},
            "paper_bgcolor": background, "font": {"family": theme.font, "size": 12},
        },
    }


def district_map(view: DistrictView, label: str) -> html.Div:
    """The map, named by `label` and described by its legend; the wijk table holds the same figures."""
    return html.Div(className="chart district-map", role="img", **{"aria-label": label,
                                                                    "aria-describedby": LEGEND_ID}, children=dcc.Graph(
        id="wijken-kaart", figure=create_map_figure(view),
        # An empty base map of our own (assets/topojson/): plotly would fetch one from cdn.plot.ly otherwise.
        config={"displayModeBar": False, "responsive": True, "scrollZoom": False, "topojsonURL": TOPOJSON_URL},
        style={"height": "440px"},
    ))


LEGEND_ID = "wijken-legenda"


def legend() -> html.Ul:
    return html.Ul(className="district-legend", id=LEGEND_ID, children=[
        html.Li([html.Span(className=f"swatch swatch-{c.value}", **{"aria-hidden": "true"}),
                 CLASS_LABELS[c]]) for c in CLASS_ORDER])

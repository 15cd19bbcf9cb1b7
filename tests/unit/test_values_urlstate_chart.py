"""Cell parsing, URL state and the chart builder as plain functions."""

import re
import xml.etree.ElementTree as ET  # noqa: N817

import pytest

from dashboard.components.svg_lines import palette, render, segments, year_ticks
from dashboard.components.trend_chart import chart_spec
from dashboard.theme import load_theme
from dashboard.theme_tokens import contrast
from dashboard.urlstate import build_search, parse_codes, parse_query
from indicators.enums import ObservationStatus
from indicators.periods import Period
from indicators.values import ValueError_, clean_code, parse_value
from indicators.views import SeriesPoint


@pytest.mark.parametrize(("raw", "decimal", "expected"), [
    ("12.5", ".", (12.5, ObservationStatus.DEFINITIVE)),
    ("1.234,5", ",", (1234.5, ObservationStatus.DEFINITIVE)),
    ("1.234,5", None, (1234.5, ObservationStatus.DEFINITIVE)),
    ("  5768.6", ".", (5768.6, ObservationStatus.DEFINITIVE)),
    ("12,5*", None, (12.5, ObservationStatus.PROVISIONAL)),
    (".", None, (None, ObservationStatus.MISSING)),
    ("       .", None, (None, ObservationStatus.MISSING)),
    ("x", None, (None, ObservationStatus.SECRET)),
    ("-", None, (None, ObservationStatus.MISSING)),
    ("?", None, (None, ObservationStatus.MISSING)),
    ("", None, (None, ObservationStatus.MISSING)),
    ("−3,2", ",", (-3.2, ObservationStatus.DEFINITIVE)),
])
def test_parse_value(raw: str, decimal: str | None, expected: tuple) -> None:
    assert parse_value(raw, decimal) == expected


@pytest.mark.parametrize("raw", ["abc", "12a", "1,2,3"])
def test_parse_value_rejects_text(raw: str) -> None:
    with pytest.raises(ValueError_):
        parse_value(raw, ",")


def test_codes_and_query() -> None:
    assert clean_code("GM0141    ") == "GM0141"
    assert parse_codes("NL01, gm0153,<script>,GM0153") == ["NL01", "GM0153"]
    assert parse_query("?vergelijk=NL01&vergelijk=GM0153&x=") == {"vergelijk": "NL01,GM0153", "x": ""}
    assert build_search(vergelijk=["NL01", "GM0153"], regio=None) == "?vergelijk=NL01,GM0153"


def _pts(values: dict[int, float]) -> list[SeriesPoint]:
    return [SeriesPoint(Period.year(y), v, "definitief", False, "CBS", "85098NED", None) for y, v in values.items()]


def test_chart_has_a_labelled_line_per_region_the_baseline_and_the_target() -> None:
    spec = chart_spec({"GM0141": _pts({2020: 13.6, 2021: 14.6}), "NL01": _pts({2020: 12.0, 2021: 13.2})},
                      {"GM0141": "Almelo", "NL01": "Nederland"}, "%", 1, "Jeugdhulp", baseline_year=2020,
                      target=(12.0, 2026))
    assert [line.label for line in spec.lines] == ["Almelo", "Nederland"]
    assert spec.lines[0].points == [(2020.0, 13.6), (2021.0, 14.6)]
    assert spec.baseline_year == 2020 and spec.target == (2026.0, 12.0, "doel 2026: 12,0%")
    svg = render(spec, 480, 300)
    ET.fromstring(svg)  # well-formed
    labels = re.findall(r"<tspan[^>]*>([^<]+)</tspan>", svg)
    assert {"Almelo", "Nederland", "doel 2026: 12,0%"} <= set(labels)  # direct labels at the lines' ends
    assert "stroke-dasharray='6 4'" in svg  # the comparison line is dashed, not only another colour
    assert ">basisjaar</text>" in svg and "2026</text>" in svg
    assert svg.count("<rect x=") >= 2  # the comparison's square markers (the home region has circles)


def test_missing_values_and_missing_periods_are_gaps() -> None:
    points = [(2018.0, 1.0), (2019.0, None), (2020.0, 2.0), (2021.0, 3.0), (2023.0, 4.0)]
    assert segments(points, 1.0) == [[(2018.0, 1.0)], [(2020.0, 2.0), (2021.0, 3.0)], [(2023.0, 4.0)]]
    quarters = [(2026.0, 5.0), (2026.25, 6.0), (2026.75, 7.0)]  # the 3rd quarter was not measured
    assert segments(quarters, 0.25) == [[(2026.0, 5.0), (2026.25, 6.0)], [(2026.75, 7.0)]]


@pytest.mark.parametrize(("width", "most"), [(250, 5), (900, 17)])
def test_year_labels_keep_their_distance(width: int, most: int) -> None:
    ticks = year_ticks(2009.6, 2026.4, width, 40)
    assert len(ticks) <= most and all(b - a == ticks[1] - ticks[0] for a, b in zip(ticks, ticks[1:], strict=False))
    assert (ticks[1] - ticks[0]) * width / (2026.4 - 2009.6) >= 40


def test_the_baseline_label_stays_inside_the_picture() -> None:
    spec = chart_spec({"GM0141": _pts({2020: 1.0, 2021: 2.0, 2022: 3.0})}, {"GM0141": "Almelo"}, "%", 1, "x",
                      baseline_year=2022)
    for width in (340, 480):
        svg = render(spec, width, 260)
        x = float(re.search(r"<text x='([0-9.]+)'[^>]*text-anchor='(\w+)'[^>]*>basisjaar<", svg).group(1))
        anchor = re.search(r"text-anchor='(\w+)'[^>]*>basisjaar<", svg).group(1)
        half = len("basisjaar") * 12 * 0.6 / 2
        left = {"start": x, "middle": x - half, "end": x - 2 * half}[anchor]
        assert left >= 0 and left + 2 * half <= width


@pytest.mark.parametrize("theme_name", ["voorbeeld", "denhaag"])
def test_the_chart_draws_in_the_theme_colours_with_readable_labels(theme_name: str) -> None:
    """The picture takes the theme's chart colours (as plotly did): background, the gemeente's line, the comparison
    lines, the target; every label at a line's end stays readable (4,5:1) even where the line colour is light."""
    theme = load_theme(theme_name)
    # consecutive years: a missing year would be a gap, drawn as markers without a line
    spec = chart_spec({"GM0141": _pts({2019: 13.6, 2020: 14.0, 2021: 14.6}),
                       "NL01": _pts({2019: 12.0, 2020: 12.5, 2021: 13.2}),
                       "GM0153": _pts({2019: 11.0, 2020: 11.2, 2021: 11.5})},
                      {"GM0141": "Almelo", "NL01": "Nederland", "GM0153": "Enschede"}, "%", 1, "Jeugdhulp",
                      baseline_year=2019, target=(12.0, 2026))
    svg = render(spec, 480, 300, colours=palette(theme))
    ns = "{http://www.w3.org/2000/svg}"
    root = ET.fromstring(svg)
    background = theme.colour("chart-background")
    assert root.find(f"{ns}rect").get("fill") == background
    strokes = [e.get("stroke") for e in root.iter(f"{ns}polyline")]
    assert {theme.colour("chart-1"), theme.colour("chart-2"), theme.colour("chart-3")} <= set(strokes)
    assert theme.colour("chart-target") in {e.get("fill") for e in root.iter(f"{ns}polygon")}
    labels = [e.get("fill") for e in root.iter(f"{ns}text") if e.get("font-weight") == "bold"]
    assert len(labels) >= 4 and all(contrast(fill, background) >= 4.5 for fill in labels)
    other = render(spec, 480, 300, colours=palette(load_theme("denhaag" if theme_name == "voorbeeld" else "voorbeeld")))
    assert other != svg  # another theme, another picture

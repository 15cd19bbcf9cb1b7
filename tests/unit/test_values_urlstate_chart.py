"""Cell parsing, URL state and the chart builder as plain functions."""

import pytest

from dashboard.components.trend_chart import create_figure
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


def test_hover_names_status_and_source_per_point_when_they_differ() -> None:
    points = [SeriesPoint(Period.year(2021), 10.0, "definitief", False, "CBS", "85098NED", None),
              SeriesPoint(Period.year(2022), 11.0, "voorlopig", False, "CBS", "85098NED", None),
              SeriesPoint(Period.year(2023), None, "geheim", False, "GGD <b>", None, None)]
    trace = create_figure({"GM0141": points}, {"GM0141": "Almelo"}, "", 1)["data"][0]
    assert trace["text"] == ["2021: 10,0<br>definitief · CBS", "2022: 11,0<br>voorlopig · CBS",
                             "2023: \u2013<br>geheim (niet gepubliceerd) · GGD &lt;b&gt;"]
    assert "definitief" not in trace["hovertemplate"]
    shared = create_figure({"GM0141": points[:1]}, {"GM0141": "Almelo"}, "", 1)["data"][0]
    assert shared["hovertemplate"].endswith("<br>definitief · CBS<extra></extra>")


def test_figure_has_a_line_per_region_baseline_and_target() -> None:
    fig = create_figure({"GM0141": _pts({2020: 13.6, 2021: 14.6}), "NL01": _pts({2020: 12.0, 2021: 13.2})},
                        {"GM0141": "Almelo", "NL01": "Nederland"}, "%", 1, baseline_year=2020, target=(12.0, 2026))
    names = [t["name"] for t in fig["data"]]
    assert names[:2] == ["Almelo", "Nederland"] and "2026" in names[2]
    assert fig["data"][0]["y"] == [13.6, 14.6]
    assert fig["data"][0]["text"] == ["2020: 13,6%", "2021: 14,6%"]
    assert "definitief · CBS" in fig["data"][0]["hovertemplate"]  # shared by every point: said once per line
    assert fig["layout"]["shapes"][0]["x0"] == 2020
    assert fig["layout"]["separators"] == ",."
    assert "2026" in fig["layout"]["xaxis"]["ticktext"]

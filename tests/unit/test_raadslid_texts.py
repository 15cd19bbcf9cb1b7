"""What a raadslid reads, as plain functions (issue 14): Dutch counts for 0, 1 and many, quotes that never double,
the y-axis rule per measure, and the "niet actueel" rule."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from dashboard.components.summary import programme_summary, results_phrase, trends_phrase
from etl.demo_content import CBS_INDICATORS, EXAMPLE_INDICATORS
from indicators.actuality import is_outdated
from indicators.axis import AXIS_RULES, AxisStart, axis_rule, y_axis
from indicators.enums import MeasurementStatus
from indicators.formatting import plural, quoted
from indicators.trends import Verdict

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("desired", "total", "text"), [
    (0, 0, "nog geen trends"),
    (1, 1, "de trend gaat de gewenste kant op"),
    (0, 1, "de trend gaat niet de gewenste kant op"),
    (0, 4, "geen van de 4 trends gaat de gewenste kant op"),
    (1, 4, "1 van de 4 trends gaat de gewenste kant op"),
    (2, 4, "2 van de 4 trends gaan de gewenste kant op"),
    (4, 4, "alle 4 trends gaan de gewenste kant op"),
])
def test_trend_counts_are_grammatical(desired: int, total: int, text: str) -> None:
    assert trends_phrase(desired, total) == text


def test_outdated_trends_are_counted_in_the_summary() -> None:
    assert trends_phrase(1, 4, 1).endswith("de gewenste kant op (1 trend is niet actueel)")
    assert trends_phrase(1, 4, 2).endswith("de gewenste kant op (2 trends zijn niet actueel)")
    assert trends_phrase(1, 4, 0) == "1 van de 4 trends gaat de gewenste kant op"


@pytest.mark.parametrize(("attention", "off", "total", "text"), [
    (0, 0, 0, "nog geen resultaten"),
    (0, 0, 6, "geen resultaten vragen aandacht (laatste kwartaal)"),
    (1, 0, 6, "1 resultaat vraagt aandacht (laatste kwartaal)"),
    (3, 0, 6, "3 resultaten vragen aandacht (laatste kwartaal)"),
    (0, 1, 6, "1 resultaat is niet op koers (laatste kwartaal)"),
    (0, 2, 6, "2 resultaten zijn niet op koers (laatste kwartaal)"),
    (3, 1, 8, "3 resultaten vragen aandacht en 1 is niet op koers (laatste kwartaal)"),
    (1, 3, 8, "1 resultaat vraagt aandacht en 3 zijn niet op koers (laatste kwartaal)"),
])
def test_result_counts_are_grammatical(attention: int, off: int, total: int, text: str) -> None:
    assert results_phrase(attention, off, total) == text


@pytest.mark.parametrize(("stories", "text"), [(0, "nog geen verhalen"), (1, "1 verhaal uit de praktijk"),
                                              (4, "4 verhalen uit de praktijk")])
def test_the_summary_sentence(stories: int, text: str) -> None:
    summary = programme_summary({Verdict.DESIRED: 1}, 4, {MeasurementStatus.ON_TRACK: 4,
                                                          MeasurementStatus.OFF_TRACK: 2}, stories)
    assert summary == f"1 van de 4 trends gaat de gewenste kant op; 2 resultaten zijn niet op koers (laatste " \
                      f"kwartaal); {text}."
    assert "0 " not in summary and "(en)" not in summary


def test_plural_forms() -> None:
    forms = ("geen verhalen", "1 verhaal", "{n} verhalen")
    assert [plural(n, forms) for n in (0, 1, 2, 1500)] == ["geen verhalen", "1 verhaal", "2 verhalen",
                                                            "1.500 verhalen"]


@pytest.mark.parametrize(("title", "shown"), [
    ("Partners in het Pact", "‘Partners in het Pact’"),
    ("Halt-voorlichting: ‘Nu weet ik bij wie ik terechtkan’",
     "“Halt-voorlichting: ‘Nu weet ik bij wie ik terechtkan’”"),
    ("‘Ik durfde weer naar de inloop’", "‘Ik durfde weer naar de inloop’"),
])
def test_quotes_never_double(title: str, shown: str) -> None:
    assert quoted(title) == shown
    assert "’’" not in quoted(title) and "‘‘" not in quoted(title)


def _cbs_units() -> set[str]:
    units = set()
    for path in (ROOT / "etl" / "data" / "cbs").glob("*/DataProperties.csv"):
        with path.open(encoding="utf-8") as f:
            units |= {row["Unit"].strip() for row in csv.DictReader(f) if row.get("Type") == "Topic"}
    return units


def test_every_unit_of_the_demo_and_the_bundled_cbs_tables_has_a_declared_axis_rule() -> None:
    units = {i.unit for i in CBS_INDICATORS + EXAMPLE_INDICATORS} | _cbs_units()
    assert {"%", "per 1.000 inwoners", "per 1 000 inwoners", "aantal", "x 1 000 euro"} <= units
    for unit in units:
        rule = axis_rule(unit)
        assert rule.start in (AxisStart.ZERO, AxisStart.DATA)
    # quantities whose zero means "none" start at 0 …
    for unit in ("%", "per 1.000 inwoners", "per 1 000 inwoners", "aantal", "x 1 000 euro", "partners"):
        assert axis_rule(unit).start is AxisStart.ZERO, unit
    # … an index, a report mark or an average need not
    for unit in ("index (2015=100)", "rapportcijfer", "gemiddelde leeftijd", "jaar", "score (1-10)"):
        assert axis_rule(unit).start is AxisStart.DATA, unit
    assert len(AXIS_RULES) >= 6


@pytest.mark.parametrize(("values", "unit", "low", "high"), [
    ([1.7, 2.8], "%", 0.0, 3.0),
    ([49.8, 73.0], "per 1.000 inwoners", 0.0, 80.0),
    ([96.0, 104.5], "index (2015=100)", 95.0, 110.0),
    ([6.8, 7.4], "rapportcijfer", 6.6, 7.6),
    ([-3.0, 5.0], "%", -4.0, 6.0),
])
def test_the_axis_follows_the_rule(values: list[float], unit: str, low: float, high: float) -> None:
    axis = y_axis(values, axis_rule(unit))
    assert axis.low == pytest.approx(low) and axis.high == pytest.approx(high)
    assert axis.low <= min(values) and axis.high >= max(values)
    if axis_rule(unit).start is AxisStart.ZERO and min(values) >= 0:
        assert axis.low == 0


@pytest.mark.parametrize(("newest", "today", "outdated"), [
    (date(2023, 12, 31), date(2026, 12, 3), True),  # 2023 figures in December 2026: niet actueel
    (date(2024, 12, 31), date(2026, 12, 3), False),
    (date(2024, 6, 30), date(2026, 1, 1), False),  # half year 2024 in January 2026
    (date(2023, 12, 31), date(2025, 12, 31), False),
])
def test_the_actuality_rule(newest: date, today: date, outdated: bool) -> None:
    assert is_outdated(newest, today) is outdated

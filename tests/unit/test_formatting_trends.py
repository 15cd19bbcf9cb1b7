"""Dutch formats and trend verdicts, as plain functions."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators.enums import Direction, MeasurementStatus, Verdict
from indicators.formatting import format_change, format_date, format_datetime, format_number
from indicators.periods import Period
from indicators.trends import Point, classify_measurement, count_verdicts, forecast_if_nothing_changes, summarise_trend


def test_numbers() -> None:
    assert format_number(1234.5, 1) == "1.234,5"
    assert format_number(1234567, 0) == "1.234.567"
    assert format_number(-0.5, 1) == "−0,5"
    assert format_number(0.05, 1) == "0,1"
    assert format_number(None) == "–"
    assert format_number(15.3, 1, "%") == "15,3%"
    assert format_number(53.8, 1, "per 1.000 inwoners") == "53,8 per 1.000 inwoners"


def test_changes_and_dates() -> None:
    assert format_change(1.2, 1) == "+1,2"
    assert format_change(-0.4, 1) == "−0,4"
    assert format_change(0, 1) == "0,0"
    assert format_change(0.7, 1, "%") == "+0,7 procentpunt"
    assert format_date(date(2026, 10, 3)) == "3 okt 2026"
    assert format_datetime(datetime(2026, 7, 1, 12, 5, tzinfo=UTC)) == "1 jul 2026, 14:05"


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(min_value=0, max_value=3))
def test_number_round_trips(value: float, decimals: int) -> None:
    text = format_number(value, decimals)
    parsed = float(text.replace(".", "").replace(",", ".").replace("−", "-"))
    assert parsed == pytest.approx(value, abs=10 ** -decimals / 2 + 1e-6)


def series(*values: float | None, start: int = 2018) -> list[Point]:
    return [Point(Period.year(start + i), v) for i, v in enumerate(values)]


@pytest.mark.parametrize(("values", "direction", "verdict"), [
    ((10, 11, 12, 14), Direction.MORE, Verdict.DESIRED),
    ((10, 11, 12, 14), Direction.LESS, Verdict.UNDESIRED),
    ((14, 13, 12, 10), Direction.LESS, Verdict.DESIRED),
    ((14, 13, 12, 10), Direction.MORE, Verdict.UNDESIRED),
    ((10, 10, 10, 10.1), Direction.MORE, Verdict.NO_CHANGE),
    ((10, 11, 12, 14), Direction.NONE, Verdict.UNKNOWN),
])
def test_verdicts(values: tuple, direction: Direction, verdict: Verdict) -> None:
    summary = summarise_trend(series(*values), direction, baseline_year=2019)
    assert summary.verdict is verdict
    assert summary.baseline.period == Period.year(2019)
    if verdict not in (Verdict.UNKNOWN,):
        assert verdict.value in summary.sentence


def test_missing_values_are_skipped_and_baseline_falls_back_to_previous() -> None:
    summary = summarise_trend(series(10, None, 12, None), Direction.MORE, baseline_year=2030)
    assert summary.latest.value == 12 and summary.previous.value == 10
    assert summary.baseline.value == 12  # latest before the end of 2030
    assert summary.verdict_basis == "previous" and summary.verdict is Verdict.DESIRED


def test_count_and_classify() -> None:
    counts = count_verdicts([summarise_trend(series(1, 2), Direction.MORE, None)] * 2)
    assert counts[Verdict.DESIRED] == 2 and counts[Verdict.UNDESIRED] == 0
    assert classify_measurement(10, 11, Direction.MORE) is MeasurementStatus.ON_TRACK
    assert classify_measurement(10, 9.5, Direction.MORE) is MeasurementStatus.ATTENTION
    assert classify_measurement(10, 5, Direction.MORE) is MeasurementStatus.OFF_TRACK
    assert classify_measurement(10, 9, Direction.LESS) is MeasurementStatus.ON_TRACK
    assert classify_measurement(10, None, Direction.LESS) is MeasurementStatus.UNKNOWN


def test_forecast_on_a_known_line() -> None:
    points = [Point(Period.year(y), 2 * y + 1) for y in range(2015, 2023)]
    forecast = dict(forecast_if_nothing_changes(points, start_year=2020, horizon_end_year=2026))
    assert forecast[2019] == pytest.approx(4039) and forecast[2026] == pytest.approx(4053)
    assert forecast_if_nothing_changes(points[:2], 2020, 2026) == []


@given(st.lists(st.floats(min_value=-1000, max_value=1000, allow_nan=False), min_size=2, max_size=8))
def test_verdict_symmetry(values: list[float]) -> None:
    up = summarise_trend(series(*values), Direction.MORE, 2018)
    down = summarise_trend(series(*[-v for v in values]), Direction.LESS, 2018)
    assert up.verdict is down.verdict

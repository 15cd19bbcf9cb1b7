"""Trend verdicts, forecasts and measurement status as plain functions."""

import random
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators.enums import Direction, MeasurementStatus, Verdict
from indicators.periods import Period
from indicators.trends import (
    NO_DIRECTION_SENTENCE,
    Point,
    TrendSummary,
    classify_measurement,
    count_verdicts,
    forecast_if_nothing_changes,
    forecast_view,
    summarise_trend,
)


def series(*values: float | None, start: int = 2018) -> list[Point]:
    return [Point(Period.year(start + i), v) for i, v in enumerate(values)]


def test_verdict_texts_are_the_interface() -> None:
    assert [v.value for v in Verdict] == [
        "in de gewenste richting", "niet in de gewenste richting", "geen duidelijke verandering",
        "onvoldoende gegevens"]


@pytest.mark.parametrize(("values", "direction", "verdict"), [
    ((10, 11, 12, 14), Direction.MORE, Verdict.DESIRED),
    ((10, 11, 12, 14), Direction.LESS, Verdict.UNDESIRED),
    ((14, 13, 12, 10), Direction.LESS, Verdict.DESIRED),
    ((14, 13, 12, 10), Direction.MORE, Verdict.UNDESIRED),
    ((10, 11, 12, 14), Direction.BETTER, Verdict.DESIRED),
    ((14, 13, 12, 10), Direction.FASTER, Verdict.UNDESIRED),
    ((10, 10, 10, 10.1), Direction.MORE, Verdict.NO_CHANGE),
    ((10, 10, 10, 10.1), Direction.LESS, Verdict.NO_CHANGE),
    ((10, 11, 12, 14), Direction.NONE, Verdict.UNKNOWN),
    ((10, 11, 12, 14), "minder", Verdict.UNDESIRED),
])
def test_rising_and_falling_series(values: tuple, direction: Direction, verdict: Verdict) -> None:
    summary = summarise_trend(series(*values), direction, baseline_year=2019)
    assert summary.verdict is verdict
    assert summary.verdict_basis == "baseline"
    assert summary.baseline.period == Period.year(2019)
    assert summary.latest.period == Period.year(2021)
    assert summary.previous.period == Period.year(2020)
    assert summary.change_baseline == pytest.approx(values[-1] - values[1])
    assert summary.change_previous == pytest.approx(values[-1] - values[-2])


def test_sentence_example() -> None:
    summary = summarise_trend(series(15.0, 14.6, 14.1, 13.7, start=2021), Direction.LESS, 2022, 1, "%")
    assert summary.sentence == "Sinds 2022 gedaald van 14,6% naar 13,7%: in de gewenste richting."
    assert summary.icon == "✔"


def test_sentences_contain_the_verdict() -> None:
    up = summarise_trend(series(10, 12), Direction.LESS, None, 0)
    assert up.sentence == "Sinds 2018 gestegen van 10 naar 12: niet in de gewenste richting."
    flat = summarise_trend(series(10, 10.1), Direction.MORE, None)
    assert flat.sentence == "Sinds 2018 ongeveer gelijk gebleven (van 10,0 naar 10,1): geen duidelijke verandering."
    one = summarise_trend(series(7), Direction.MORE, 2018, 0, "jongeren")
    assert one.sentence == "Alleen een cijfer voor 2018 (7 jongeren): onvoldoende gegevens."
    assert summarise_trend([], Direction.MORE, 2018).sentence == "Nog geen cijfers: onvoldoende gegevens."


def test_sentence_for_quarters_and_rounding() -> None:
    points = [Point(Period.quarter(2023, q), v) for q, v in [(1, 10), (2, 12)]]
    assert summarise_trend(points, Direction.MORE, None).sentence.startswith("Sinds het 1e kwartaal 2023 gestegen")
    tiny = summarise_trend(series(0.05, 0.1499), Direction.MORE, None, tolerance=0)
    assert tiny.verdict is Verdict.DESIRED
    assert tiny.sentence == "Sinds 2018 licht gestegen (afgerond 0,1): in de gewenste richting."
    same = summarise_trend(series(3, 3), Direction.MORE, None, tolerance=-1)  # a negative tolerance counts as 0
    assert same.verdict is Verdict.NO_CHANGE


def test_no_desired_direction() -> None:
    summary = summarise_trend(series(10, 20), Direction.NONE, 2018)
    assert summary.verdict is Verdict.UNKNOWN and summary.icon == "?"
    assert summary.sentence == f"Sinds 2018 gestegen van 10,0 naar 20,0. {NO_DIRECTION_SENTENCE}"
    assert NO_DIRECTION_SENTENCE == "Geen gewenste richting vastgelegd."
    assert summarise_trend(series(10), "geen", 2018).sentence == NO_DIRECTION_SENTENCE


def test_icons() -> None:
    assert summarise_trend(series(1, 2), Direction.MORE, None).icon == "✔"
    assert summarise_trend(series(1, 2), Direction.LESS, None).icon == "✖"
    assert summarise_trend(series(1, 1), Direction.LESS, None).icon == "▬"
    assert summarise_trend(series(1), Direction.LESS, None).icon == "?"


def test_missing_values_are_skipped() -> None:
    summary = summarise_trend(series(10, None, 12, float("nan"), None), Direction.MORE, baseline_year=None)
    assert summary.latest == Point(Period.year(2020), 12)
    assert summary.previous == Point(Period.year(2018), 10)
    assert summary.verdict_basis == "previous" and summary.verdict is Verdict.DESIRED
    secret = [Point(Period.year(2018), 5), Point(Period.year(2019), None, "geheim")]
    only = summarise_trend(secret, Direction.MORE, 2018)
    assert only.latest.value == 5 and only.previous is None and only.verdict is Verdict.UNKNOWN
    assert summarise_trend(series(None, None), Direction.MORE, 2018).latest is None


def test_points_are_sorted_by_period() -> None:
    points = series(10, 11, 12, 14)
    random.Random(4).shuffle(points)
    summary = summarise_trend(points, Direction.MORE, 2019)
    assert summary.latest.value == 14 and summary.previous.value == 12 and summary.baseline.value == 11


def test_baseline_exact_year() -> None:
    summary = summarise_trend(series(10, 11, 12, 14), Direction.MORE, 2018)
    assert summary.baseline.value == 10 and summary.change_baseline == 4
    assert summary.reference is summary.baseline and summary.change == 4


def test_baseline_falls_back_to_latest_period_ending_in_or_before_the_year() -> None:
    points = series(10, None, 13, start=2017)  # 2018 is missing
    summary = summarise_trend(points, Direction.MORE, 2018)
    assert summary.baseline.period == Period.year(2017)
    quarters = [Point(Period.quarter(y, q), float(y + q)) for y in (2022, 2023) for q in (1, 2, 3, 4)]
    summary = summarise_trend(quarters, Direction.MORE, 2022)
    assert summary.baseline.period == Period.quarter(2022, 4) and summary.verdict_basis == "baseline"


def test_baseline_missing_or_equal_to_latest_uses_previous() -> None:
    before_data = summarise_trend(series(10, 12), Direction.MORE, 2010)
    assert before_data.baseline is None and before_data.verdict_basis == "previous"
    no_year = summarise_trend(series(10, 12), Direction.MORE, None)
    assert no_year.baseline is None and no_year.verdict_basis == "previous"
    future = summarise_trend(series(10, None, 12, None), Direction.MORE, baseline_year=2030)
    assert future.baseline.value == 12 and future.change_baseline is None
    assert future.verdict_basis == "previous" and future.verdict is Verdict.DESIRED
    assert future.reference is future.previous and future.change == 2


@pytest.mark.parametrize(("latest", "verdict"), [
    (102, Verdict.NO_CHANGE),  # exactly 2% of the reference: no clear change
    (102.01, Verdict.DESIRED),
    (98, Verdict.NO_CHANGE),
    (97.99, Verdict.UNDESIRED),
])
def test_default_tolerance_is_two_percent_inclusive(latest: float, verdict: Verdict) -> None:
    assert summarise_trend(series(100, latest), Direction.MORE, 2018).verdict is verdict


def test_tolerance_ignores_float_noise() -> None:
    assert summarise_trend(series(10, 10.2), Direction.MORE, 2018).verdict is Verdict.NO_CHANGE
    assert summarise_trend(series(0.1, 0.102), Direction.MORE, 2018, decimals=4).verdict is Verdict.NO_CHANGE


def test_minimum_tolerance_is_half_the_last_decimal() -> None:
    assert summarise_trend(series(1.0, 1.05), Direction.MORE, 2018, decimals=1).verdict is Verdict.NO_CHANGE
    assert summarise_trend(series(1.0, 1.06), Direction.MORE, 2018, decimals=1).verdict is Verdict.DESIRED
    assert summarise_trend(series(0, 0.4), Direction.MORE, 2018, decimals=0).verdict is Verdict.NO_CHANGE
    assert summarise_trend(series(0, 0.6), Direction.MORE, 2018, decimals=0).verdict is Verdict.DESIRED


def test_explicit_tolerance() -> None:
    assert summarise_trend(series(100, 104), Direction.MORE, 2018, tolerance=5).verdict is Verdict.NO_CHANGE
    assert summarise_trend(series(100, 101), Direction.MORE, 2018, tolerance=0).verdict is Verdict.DESIRED


def test_summary_is_frozen_and_constructible() -> None:
    summary = TrendSummary(None, None, None, None, None, Verdict.UNKNOWN, "previous")
    assert summary.sentence == "Nog geen cijfers: onvoldoende gegevens."
    with pytest.raises(AttributeError):
        summary.verdict = Verdict.DESIRED  # type: ignore[misc]


def test_count_verdicts() -> None:
    summaries = [summarise_trend(series(1, 2), Direction.MORE, None)] * 2 + [
        summarise_trend(series(1, 2), Direction.LESS, None), summarise_trend(series(1), Direction.LESS, None)]
    counts = count_verdicts(summaries)
    assert list(counts) == list(Verdict)
    assert counts == {Verdict.DESIRED: 2, Verdict.UNDESIRED: 1, Verdict.NO_CHANGE: 0, Verdict.UNKNOWN: 1}
    assert count_verdicts([]) == dict.fromkeys(Verdict, 0)
    assert count_verdicts(iter(summaries))[Verdict.DESIRED] == 2


def test_forecast_on_a_known_line() -> None:
    points = [Point(Period.year(y), 2 * y + 1) for y in range(2015, 2023)]
    forecast = forecast_if_nothing_changes(points, start_year=2020, horizon_end_year=2026)
    assert forecast == [(y, float(2 * y + 1)) for y in range(2019, 2027)]  # exact, from 2019 on


def test_forecast_uses_only_yearly_values_before_the_start() -> None:
    points = [Point(Period.year(2016), 1.0), Point(Period.year(2017), None), Point(Period.year(2018), 3.0),
              Point(Period.year(2019), 5.0), Point(Period.year(2020), 100.0), Point(Period.quarter(2019, 1), 50.0)]
    forecast = dict(forecast_if_nothing_changes(points, 2020, 2022))
    assert list(forecast) == [2019, 2020, 2021, 2022]
    # least squares through (2016, 1), (2018, 3), (2019, 5): slope 9/7 through the mean (2017 2/3, 3)
    assert forecast[2019] == pytest.approx(33 / 7) and forecast[2022] == pytest.approx(60 / 7)


def test_forecast_needs_three_years() -> None:
    points = series(1, 2, None, 4)
    assert forecast_if_nothing_changes(points[:2], 2020, 2026) == []
    assert forecast_if_nothing_changes(points, 2021, 2026) == []  # 2018, 2019 only before 2021
    assert len(forecast_if_nothing_changes(points, 2022, 2026)) == 6  # 2021 … 2026
    assert forecast_if_nothing_changes(series(1, 2, 3), 2021, 2019) == []  # horizon before the last year


def test_forecast_of_a_flat_series() -> None:
    assert forecast_if_nothing_changes(series(5, 5, 5), 2021, 2022) == [(2020, 5.0), (2021, 5.0), (2022, 5.0)]


@pytest.mark.parametrize(("target", "realised", "direction", "status"), [
    (10, 11, Direction.MORE, MeasurementStatus.ON_TRACK),
    (10, 10, Direction.MORE, MeasurementStatus.ON_TRACK),
    (10, 9.5, Direction.MORE, MeasurementStatus.ATTENTION),
    (10, 9, Direction.MORE, MeasurementStatus.ATTENTION),  # exactly 10% short
    (10, 8.9, Direction.MORE, MeasurementStatus.OFF_TRACK),
    (3, 2.7, Direction.MORE, MeasurementStatus.ATTENTION),
    (10, 5, "meer", MeasurementStatus.OFF_TRACK),
    (10, 12, Direction.BETTER, MeasurementStatus.ON_TRACK),
    (10, 9, Direction.LESS, MeasurementStatus.ON_TRACK),
    (10, 10.5, Direction.LESS, MeasurementStatus.ATTENTION),
    (10, 12, Direction.LESS, MeasurementStatus.OFF_TRACK),
    (10, 10, Direction.NONE, MeasurementStatus.ON_TRACK),
    (10, 9.5, Direction.NONE, MeasurementStatus.ATTENTION),
    (10, 10.5, Direction.NONE, MeasurementStatus.ATTENTION),
    (10, 12, Direction.NONE, MeasurementStatus.OFF_TRACK),
    (0, -1, Direction.MORE, MeasurementStatus.OFF_TRACK),
    (10, None, Direction.LESS, MeasurementStatus.UNKNOWN),
    (None, 10, Direction.LESS, MeasurementStatus.UNKNOWN),
    (10, float("nan"), Direction.MORE, MeasurementStatus.UNKNOWN),
])
def test_classify_measurement(target: float | None, realised: float | None, direction: Direction,
                              status: MeasurementStatus) -> None:
    assert classify_measurement(target, realised, direction) is status


def test_classify_measurement_margin() -> None:
    assert classify_measurement(100, 80, Direction.MORE, attention_margin=0.25) is MeasurementStatus.ATTENTION
    assert classify_measurement(100, 99, Direction.MORE, attention_margin=0) is MeasurementStatus.OFF_TRACK


values = st.lists(st.one_of(st.none(), st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)),
                  min_size=0, max_size=10)
baseline_years = st.one_of(st.none(), st.integers(min_value=2010, max_value=2035))
FLIP = {Direction.MORE: Direction.LESS, Direction.LESS: Direction.MORE}


@given(values, baseline_years, st.sampled_from([Direction.MORE, Direction.LESS]))
def test_verdict_symmetry(vals: list[float | None], baseline: int | None, direction: Direction) -> None:
    up = summarise_trend(series(*vals), direction, baseline)
    down = summarise_trend(series(*[None if v is None else -v for v in vals]), FLIP[direction], baseline)
    assert up.verdict is down.verdict
    assert up.verdict_basis == down.verdict_basis


@given(values, baseline_years, st.sampled_from(list(Direction)), st.randoms(use_true_random=False))
def test_order_and_gaps_do_not_matter(vals: list[float | None], baseline: int | None, direction: Direction,
                                      rnd: random.Random) -> None:
    points = series(*vals)
    summary = summarise_trend(points, direction, baseline)
    shuffled = [p for p in points if p.value is not None]
    rnd.shuffle(shuffled)
    assert summarise_trend(shuffled, direction, baseline) == summary


@given(values, baseline_years, st.sampled_from([Direction.MORE, Direction.LESS, Direction.BETTER]))
def test_sentence_always_states_the_verdict(vals: list[float | None], baseline: int | None,
                                            direction: Direction) -> None:
    summary = summarise_trend(series(*vals), direction, baseline, 1, "%")
    assert summary.verdict.value in summary.sentence
    assert summary.sentence.endswith(".")
    known = [v for v in vals if v is not None]
    assert (summary.verdict is Verdict.UNKNOWN) == (len(known) < 2)


@given(st.integers(-50, 50), st.integers(-1000, 1000), st.integers(3, 12), st.integers(0, 5))
def test_forecast_of_any_line_is_exact(slope: int, intercept: int, years: int, ahead: int) -> None:
    points = [Point(Period.year(2000 + i), float(slope * (2000 + i) + intercept)) for i in range(years)]
    start = 2000 + years
    forecast = forecast_if_nothing_changes(points, start, start + ahead)
    assert forecast == [(y, float(slope * y + intercept)) for y in range(start - 1, start + ahead + 1)]


def _exact_line(points: list[Point], start: int, end: int) -> list[tuple[int, float]]:
    """The least-squares line with exact fractions: the reference the float computation must agree with."""
    xs = [Fraction(p.period.start.year) for p in points if p.period.start.year < start]
    ys = [Fraction(p.value) for p in points if p.period.start.year < start]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    return [(y, float(my + slope * (y - mx))) for y in range(int(max(xs)), end + 1)]


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=3, max_size=20), st.integers(0, 5))
def test_forecast_agrees_with_the_exact_least_squares_line(values: list[float], ahead: int) -> None:
    points = [Point(Period.year(1990 + i), v) for i, v in enumerate(values)]
    start = 1990 + len(values)
    got = forecast_if_nothing_changes(points, start, start + ahead)
    want = _exact_line(points, start, start + ahead)
    assert [y for y, _ in got] == [y for y, _ in want]
    scale = max(1.0, *(abs(v) for v in values))
    assert all(abs(g - w) <= 1e-9 * scale for (_, g), (_, w) in zip(got, want, strict=True))


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_classify_symmetry(target: float, realised: float) -> None:
    assert classify_measurement(target, realised, Direction.MORE) is classify_measurement(
        -target, -realised, Direction.LESS)


@pytest.mark.parametrize(("after", "direction", "turned", "side"), [
    (8.0, Direction.LESS, True, "beter dan die lijn"),  # line 2x-4029 (2020: 11): 8 is below it
    (8.0, Direction.MORE, False, "slechter dan die lijn"),
    (14.0, Direction.MORE, True, "beter dan die lijn"),
    (14.0, Direction.LESS, False, "slechter dan die lijn"),
    (11.1, Direction.LESS, None, "ongeveer op die lijn"),  # within 2% of 11
    (8.0, Direction.NONE, None, "ongeveer op die lijn"),
])
def test_forecast_view_says_whether_the_curve_turned(after: float, direction: Direction, turned: bool | None,
                                                     side: str) -> None:
    before = [Point(Period.year(y), 2.0 * y - 4029) for y in range(2015, 2020)]  # 1, 3, 5, 7, 9
    view = forecast_view([*before, Point(Period.year(2020), after)], direction, start_year=2020,
                         horizon_end_year=2021, decimals=1, unit="%")
    assert (view.fit_first, view.fit_last) == (2015, 2019)
    assert view.line == [(2019, 9.0), (2020, 11.0), (2021, 13.0)]
    assert (view.year, view.expected, view.actual, view.turned) == (2020, 11.0, after, turned)
    assert view.sentence.startswith("Als de lijn van 2015–2019 was doorgegaan, was het in 2020 11,0% geweest; "
                                    f"het is {str(after).replace('.', ',')}%: {side}")


def test_forecast_view_needs_three_years_before_the_programme() -> None:
    assert forecast_view(series(1, 2, 5, 6, start=2018), Direction.LESS, start_year=2020, horizon_end_year=2022) \
        is None
    view = forecast_view(series(1, 2, 3, start=2017), Direction.LESS, start_year=2020, horizon_end_year=2022)
    assert view.year is None and view.turned is None
    assert view.sentence == "Als de lijn van 2017–2019 was doorgegaan: nog geen latere cijfers om mee te vergelijken."

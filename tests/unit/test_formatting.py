"""Dutch number, change and date formats and the status labels."""

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators.enums import Direction, MeasurementStatus, ObservationStatus, ResultKind, StoryKind
from indicators.formatting import (
    DIRECTION_LABELS,
    MEASUREMENT_STATUS_LABELS,
    MINUS,
    NO_VALUE,
    OBSERVATION_STATUS_LABELS,
    RESULT_KIND_LABELS,
    STORY_KIND_LABELS,
    format_change,
    format_date,
    format_datetime,
    format_number,
    format_percentage_share,
)


def parse_dutch(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".").replace(MINUS, "-"))


def test_minus_and_no_value_are_the_real_characters() -> None:
    assert MINUS == "\u2212"
    assert NO_VALUE == "\u2013"


@pytest.mark.parametrize(("value", "decimals", "unit", "expected"), [
    (1234.5, 1, "", "1.234,5"),
    (1234567, 0, "", "1.234.567"),
    (-1234567.891, 2, "", "−1.234.567,89"),
    (-0.5, 1, "", "−0,5"),
    (0, 0, "", "0"),
    (12, 2, "", "12,00"),
    (999.95, 1, "", "1.000,0"),
    (10**20 + 1, 0, "", "100.000.000.000.000.000.001"),
    (15.3, 1, "%", "15,3%"),
    (-2.25, 1, "%", "−2,3%"),
    (53.8, 1, "per 1.000 inwoners", "53,8 per 1.000 inwoners"),
    (1500, 0, "jongeren", "1.500 jongeren"),
])
def test_format_number(value: float, decimals: int, unit: str, expected: str) -> None:
    assert format_number(value, decimals, unit) == expected


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (0.05, 1, "0,1"),
    (-0.05, 1, "−0,1"),
    (0.15, 1, "0,2"),
    (2.5, 0, "3"),
    (-2.5, 0, "−3"),
    (0.125, 2, "0,13"),
    (1.005, 2, "1,01"),
    (0.04, 1, "0,0"),
])
def test_rounds_half_away_from_zero(value: float, decimals: int, expected: str) -> None:
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize("value", [-0.04, -0.0, -0.4])
def test_no_negative_zero(value: float) -> None:
    assert MINUS not in format_number(value, 0)
    assert format_number(value, 0) == "0"


@pytest.mark.parametrize("value", [None, float("nan"), float("inf"), float("-inf")])
def test_no_value(value: float | None) -> None:
    assert format_number(value, 1, "%") == "–"
    assert format_change(value, 1, "%") == "–"


def test_default_decimals() -> None:
    assert format_number(1234.56) == "1.235"
    assert format_change(1.234) == "+1,2"


@pytest.mark.parametrize(("delta", "decimals", "unit", "expected"), [
    (1.2, 1, "", "+1,2"),
    (-0.4, 1, "", "−0,4"),
    (0, 1, "", "0,0"),
    (-0.0, 1, "", "0,0"),
    (0.04, 1, "", "0,0"),
    (-0.04, 1, "", "0,0"),
    (0.05, 1, "", "+0,1"),
    (1234.5, 0, "", "+1.235"),
    (1.2, 1, "%", "+1,2 procentpunt"),
    (-0.7, 1, "%", "−0,7 procentpunt"),
    (0, 1, "%", "0,0 procentpunt"),
    (3, 0, "jongeren", "+3 jongeren"),
    (-2.5, 1, "per 1.000 inwoners", "−2,5 per 1.000 inwoners"),
])
def test_format_change(delta: float, decimals: int, unit: str, expected: str) -> None:
    assert format_change(delta, decimals, unit) == expected


@pytest.mark.parametrize(("month", "abbr"), list(enumerate(
    ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"], start=1)))
def test_month_abbreviations(month: int, abbr: str) -> None:
    assert format_date(date(2026, month, 3)) == f"3 {abbr} 2026"


def test_format_date() -> None:
    assert format_date(date(2026, 10, 3)) == "3 okt 2026"
    assert format_date(date(2026, 10, 31)) == "31 okt 2026"
    assert format_date(datetime(2026, 10, 3, 23, 59)) == "3 okt 2026"  # naive: as given
    assert format_date(None) == "–"


def test_aware_dates_are_shown_in_amsterdam() -> None:
    assert format_date(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == "1 jan 2027"
    assert format_date(datetime(2026, 7, 1, 1, 0, tzinfo=timezone(timedelta(hours=5)))) == "30 jun 2026"


def test_format_datetime() -> None:
    assert format_datetime(datetime(2026, 10, 3, 12, 5, tzinfo=UTC)) == "3 okt 2026, 14:05"  # summer time
    assert format_datetime(datetime(2026, 1, 15, 12, 5, tzinfo=UTC)) == "15 jan 2026, 13:05"  # winter time
    assert format_datetime(datetime(2026, 3, 29, 0, 59, tzinfo=UTC)) == "29 mrt 2026, 01:59"  # just before DST
    assert format_datetime(datetime(2026, 3, 29, 1, 0, tzinfo=UTC)) == "29 mrt 2026, 03:00"  # just after DST
    assert format_datetime(datetime(2026, 10, 3, 14, 5)) == "3 okt 2026, 14:05"  # naive: as given
    assert format_datetime(datetime(2026, 10, 3, 9, 0)) == "3 okt 2026, 09:00"
    assert format_datetime(None) == "–"


def test_format_percentage_share() -> None:
    assert format_percentage_share(3, 5) == "3 van de 5"
    assert format_percentage_share(0, 0) == "0 van de 0"


@pytest.mark.parametrize(("labels", "enum"), [
    (OBSERVATION_STATUS_LABELS, ObservationStatus),
    (MEASUREMENT_STATUS_LABELS, MeasurementStatus),
    (RESULT_KIND_LABELS, ResultKind),
    (STORY_KIND_LABELS, StoryKind),
    (DIRECTION_LABELS, Direction),
])
def test_every_member_has_a_label(labels: dict, enum: type) -> None:
    assert set(labels) == set(enum)
    assert all(isinstance(v, str) and v for v in labels.values())


def test_label_texts_and_string_keys() -> None:
    assert OBSERVATION_STATUS_LABELS[ObservationStatus.SECRET] == "geheim (niet gepubliceerd)"
    assert OBSERVATION_STATUS_LABELS["voorlopig"] == "voorlopig"
    assert MEASUREMENT_STATUS_LABELS["op_koers"] == "Op koers"
    assert MEASUREMENT_STATUS_LABELS[MeasurementStatus.ATTENTION] == "Aandacht nodig"
    assert MEASUREMENT_STATUS_LABELS["niet_op_koers"] == "Niet op koers"
    assert MEASUREMENT_STATUS_LABELS["onbekend"] == "Nog niet bekend"
    assert RESULT_KIND_LABELS["hoeveel"] == "Hoeveel doen we?"
    assert RESULT_KIND_LABELS["hoe_goed"] == "Hoe goed doen we het?"
    assert RESULT_KIND_LABELS["beter_af"] == "Is iemand erop vooruitgegaan?"
    assert STORY_KIND_LABELS["citaat"] == "Citaat"
    assert STORY_KIND_LABELS["fotoverhaal"] == "Fotoverhaal"
    assert DIRECTION_LABELS["meer"] == "Meer is beter"
    assert DIRECTION_LABELS["minder"] == "Minder is beter"
    assert DIRECTION_LABELS["geen"] == "Geen gewenste richting"


finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
decimals = st.integers(min_value=0, max_value=4)
DUTCH_NUMBER = re.compile(r"^−?\d{1,3}(\.\d{3})*(,\d+)?$")


@given(finite, decimals)
def test_number_round_trips(value: float, decimals: int) -> None:
    text = format_number(value, decimals)
    assert parse_dutch(text) == pytest.approx(value, abs=10 ** -decimals / 2 + 1e-9, rel=1e-12)


@given(finite, decimals)
def test_number_shape(value: float, decimals: int) -> None:
    text = format_number(value, decimals)
    assert DUTCH_NUMBER.match(text), text
    assert "-" not in text and "e" not in text.lower()
    assert text.count(",") == (1 if decimals else 0)
    if decimals:
        assert len(text.rpartition(",")[2]) == decimals


@given(finite, decimals)
def test_change_is_signed_number(delta: float, decimals: int) -> None:
    text = format_change(delta, decimals)
    number = format_number(delta, decimals)
    if parse_dutch(number) == 0:
        assert text == number.lstrip(MINUS)
    elif delta > 0:
        assert text == "+" + number
    else:
        assert text == number and text.startswith(MINUS)


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)))
def test_naive_datetime_is_shown_as_given(dt: datetime) -> None:
    assert format_datetime(dt) == f"{format_date(dt.date())}, {dt.hour:02d}:{dt.minute:02d}"

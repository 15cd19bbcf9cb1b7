"""Periods are real periods: CBS keys, ISO-like codes and Dutch labels parse to the same values."""

from datetime import date

import pytest

from db.periods import Period, PeriodError, PeriodKind


@pytest.mark.parametrize(("text", "expected"), [
    ("2019JJ00", Period.year(2019)),
    ("2020KW01", Period.quarter(2020, 1)),
    ("2021MM03", Period.month(2021, 3)),
    ("2020HJ02", Period.half_year(2020, 2)),
    ("2022*", Period.year(2022)),
    ("2023-Q3", Period.quarter(2023, 3)),
    ("2023-H1", Period.half_year(2023, 1)),
    ("2023-03", Period.month(2023, 3)),
    ("1e halfjaar 2021", Period.half_year(2021, 1)),
    ("1e half jaar 2024", Period.half_year(2024, 1)),  # real CBS label quirk (85098NED)
    ("1e kwartaal 2015", Period.quarter(2015, 1)),
    ("2018 maart", Period.month(2018, 3)),
])
def test_parse(text: str, expected: Period) -> None:
    assert Period.parse(text) == expected


@pytest.mark.parametrize("text", ["", "2019JJ01", "2020KW05", "2021MM13", "31 december 2020", "abc", "2023-Q0"])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(PeriodError):
        Period.parse(text)


def test_derived_values() -> None:
    q = Period.quarter(2026, 3)
    assert (q.code, q.label, q.end) == ("2026-Q3", "3e kwartaal 2026", date(2026, 9, 30))
    assert q.previous() == Period.quarter(2026, 2) and q.next() == Period.quarter(2026, 4)
    assert Period.quarter(2026, 1).previous() == Period.quarter(2025, 4)
    assert Period.year(2024).end == date(2024, 12, 31)
    assert Period.month(2024, 2).end == date(2024, 2, 29)
    assert Period.parse(q.code) == q
    assert sorted([Period.year(2023), Period.year(2021)])[0] == Period.year(2021)


def test_start_must_be_aligned() -> None:
    with pytest.raises(PeriodError):
        Period(date(2024, 2, 1), PeriodKind.QUARTER)

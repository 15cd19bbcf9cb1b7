"""Pure parts of Financiën, Actualiteit and Status per kwartaal: Dutch money formats, the "niet actueel" rule and the
score, the matrix of results × quarters, the summary sentences."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.components.finance_section import summary_sentences
from indicators.actuality import (
    Actuality,
    explained_item,
    is_outdated,
    is_recent_story,
    measured_item,
    oldest_actual_year,
    story_item,
    trend_item,
)
from indicators.finance import (
    TOTAL,
    Aggregate,
    GroupInfo,
    ProgrammeFinance,
    Statement,
    StatementKind,
    difference,
    format_euros,
    format_money,
    format_money_change,
    format_percent,
    per_inhabitant,
)
from indicators.periods import Period
from indicators.status_matrix import NOT_MEASURED, ResultPath, build_matrix


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


@pytest.mark.parametrize(("thousands", "text"), [
    (192_732, "€ 192,7 mln"), (168_007, "€ 168,0 mln"), (1_234_567, "€ 1,2 mld"), (453, "€ 453.000"),
    (-3_100, "€ −3,1 mln"), (0, "€ 0"), (None, "–"),
])
def test_money_in_dutch(thousands: float | None, text: str) -> None:
    assert plain(format_money(thousands)) == text


def test_almelos_social_domain_per_inhabitant_from_the_readme() -> None:
    """€ 192,7 mln gerealiseerd in 2023 at 73.949 inwoners is € 2.606 per inwoner."""
    assert plain(format_euros(per_inhabitant(192_732, 73_949))) == "€ 2.606"
    assert per_inhabitant(192_732, None) is None and per_inhabitant(None, 10) is None


def test_changes_and_percentages_are_signed_and_never_break() -> None:
    assert plain(format_money_change(24_725)) == "+€ 24,7 mln"
    assert plain(format_money_change(-90)) == "−€ 90.000"
    assert plain(format_money_change(0.0001)) == "€ 0"
    assert plain(format_percent(14.716)) == "+14,7 %" and plain(format_percent(-2)) == "−2,0 %"
    assert plain(format_percent(82, 0, signed=False)) == "82 %" and plain(format_percent(0.0)) == "0,0 %"
    assert "\u00a0" in format_money(192_732) and "\u00a0" in format_percent(3.2)  # one line, always
    assert difference(168_007, 192_732) == (24_725, pytest.approx(14.7167, abs=1e-4))
    assert difference(None, 5) == (None, None) and difference(0, 5) == (5, None)


# --- "niet actueel" and the score ----------------------------------------------------------------------------
DEC_2026 = date(2026, 12, 3)


@pytest.mark.parametrize(("newest", "today", "age", "outdated"), [
    (date(2023, 12, 31), DEC_2026, 2, True),  # the example: 2023 figures in December 2026
    (date(2024, 12, 31), DEC_2026, 2, False),
    (date(2024, 6, 30), date(2027, 1, 2), 2, True),  # a new year makes 2024 two full years old
    (date(2023, 12, 31), DEC_2026, 3, False),  # the age is a setting
    (None, DEC_2026, 2, True),  # no figure at all
])
def test_niet_actueel(newest: date | None, today: date, age: int, outdated: bool) -> None:
    assert is_outdated(newest, today, age) is outdated
    assert oldest_actual_year(DEC_2026, 2) == 2024


def test_stories_count_for_a_year() -> None:
    assert is_recent_story(date(2025, 12, 4), DEC_2026) and not is_recent_story(date(2025, 12, 3), DEC_2026)
    assert is_recent_story(date(2024, 3, 1), date(2025, 2, 28))  # after 28 Feb 2024 …
    assert not is_recent_story(date(2023, 2, 28), date(2024, 2, 29))  # … and a leap day counts from 28 Feb


def test_the_score_is_the_share_of_items_up_to_date_rounded_down() -> None:
    a = Actuality(items=[
        trend_item("A", "a", date(2025, 12, 31), "2025", DEC_2026), trend_item("B", "b", date(2023, 12, 31), "2023",
                                                                               DEC_2026),
        measured_item("R1", 1, True, "3e kwartaal 2026"), measured_item("R2", 2, False, "3e kwartaal 2026"),
        story_item("S", 3, date(2026, 5, 1), "1 mei 2026", DEC_2026),
        story_item("T", 4, date(2025, 5, 1), "1 mei 2025", DEC_2026),
    ])
    assert (a.current, a.total, a.score) == (3, 6, 50)
    assert [i.subject for i in a.missing] == ["B", "R2", "T"]
    assert explained_item("R1", 9, "op_koers", False, "x") is None  # op koers asks for no toelichting
    assert explained_item("R1", 9, "niet_op_koers", False, "x").up_to_date is False
    assert Actuality(items=[*a.items, explained_item("R1", 9, "aandacht", True, "x")]).score == 57  # 4/7 = 57,1
    assert Actuality().score is None


# --- status per kwartaal -----------------------------------------------------------------------------------------
def test_the_matrix_runs_from_the_first_measurement_to_the_last_closed_quarter_with_gaps() -> None:
    q = Period.quarter
    pact = ResultPath("1", "Partners", "Pact", "", 0, [(q(2023, 1), 10, "op_koers", None),
                                                       (q(2023, 2), 19, "op_koers", None),
                                                       (q(2025, 1), 19, "aandacht", 20)])
    new = ResultPath("2", "Nieuw", "Leeflab", "", 0, [(q(2025, 1), None, "onbekend", 5)])  # target only
    m = build_matrix([pact, new], q(2025, 2))
    assert m.quarters[0] == q(2023, 1) and m.quarters[-1] == q(2025, 2) and len(m.quarters) == 10
    assert m.years == [(2023, 4), (2024, 4), (2025, 2)]
    statuses = [c.status for c in m.rows[0].cells]
    assert statuses[:2] == ["op_koers", "op_koers"] and statuses[8] == "aandacht"
    assert statuses[2:8] == [NOT_MEASURED] * 6 and statuses[9] == NOT_MEASURED
    assert all(not c.measured for c in m.rows[1].cells)  # a target without a realised value is not measured
    assert m.gaps == 7 + 10
    assert build_matrix([new], q(2025, 2)).quarters == ()


# --- the summary in words --------------------------------------------------------------------------------------
def test_summary_says_over_budget_per_inhabitant_and_the_newest_budget() -> None:
    actual, budget, later = (Statement(2023, StatementKind.ACTUAL), Statement(2023, StatementKind.BUDGET),
                             Statement(2025, StatementKind.BUDGET))
    f = ProgrammeFinance("p", "P", "GM0141", "Almelo", [GroupInfo("wmo", "Wmo")],
                         {(actual, TOTAL): 110_000, (budget, TOTAL): 100_000, (later, TOTAL): 120_000,
                          (actual, "wmo"): 110_000},
                         {actual: 73_949, later: 74_752},
                         country={(actual, TOTAL): Aggregate(1_000_000, 2_000_000, 342)},
                         domain={actual: 192_732})
    text = plain(" ".join(summary_sentences(f)))
    assert "In 2023 begrootte Almelo € 100,0 mln" in text and "gaf € 110,0 mln uit" in text
    assert "€ 10,0 mln (10,0 %) meer dan begroot" in text
    assert "€ 1.488 per inwoner (73.949 inwoners), tegen € 500 in Nederland." in text
    assert "kostte in 2023 € 192,7 mln (€ 2.606 per inwoner)" in text and "57 % daarvan" in text
    assert "Voor 2025 is € 120,0 mln begroot (€ 1.605 per inwoner)." in text

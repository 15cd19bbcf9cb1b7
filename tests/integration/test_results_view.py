"""Part 2 filter and sort on the demo's real result rows: what stays, in which order, and the downloads follow."""

from __future__ import annotations

import pytest

from dashboard.downloads import results_table
from db.read.results import programme_results
from db.session import session_scope
from indicators.enums import MeasurementStatus, ResultKind
from indicators.results_view import SORT_NAME, SORT_REALISED, SORT_STATUS, STATUS_SEVERITY, ResultQuery, apply

SLUG = "sociaal-en-vitaal"


@pytest.fixture(scope="module")
def results(demo_sqlite_url: str) -> list:
    with session_scope(demo_sqlite_url) as s:
        name, found = programme_results(s, SLUG)
    assert name == "Sociaal en Vitaal" and len(found) >= 4
    return found


def _groups(rows: list) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for r in rows:
        if not out or out[-1] != (r.line_name, r.project_name):
            out.append((r.line_name, r.project_name))
    return out


def test_unknown_parameters_fall_back_to_everything(results: list) -> None:
    query = ResultQuery.from_params("<script>", "x", None, "random")
    assert query.is_default
    assert [r.id for r in apply(results, query)] == [r.id for r in results]


@pytest.mark.parametrize("status", list(MeasurementStatus))
def test_status_filter_keeps_exactly_the_results_with_that_latest_status(results: list, status) -> None:  # noqa: ANN001
    shown = apply(results, ResultQuery.from_params(status.value, None, None, None))
    expected = [r.id for r in results if (r.latest.status if r.latest else MeasurementStatus.UNKNOWN) == status]
    assert [r.id for r in shown] == expected


def test_kind_and_accent_free_text_filter(results: list) -> None:
    for kind in ResultKind:
        shown = apply(results, ResultQuery.from_params(None, kind.value, None, None))
        assert [r.id for r in shown] == [r.id for r in results if r.kind == kind.value]
    partner = next(r for r in results if "Pact" in r.name or "Pact" in r.project_name)
    word = partner.project_name.split()[0].upper()  # case does not matter
    shown = apply(results, ResultQuery.from_params(None, None, word, None))
    assert partner.id in [r.id for r in shown]
    assert all(word.lower() in f"{r.name} {r.project_name} {r.line_name} {r.latest.explanation}".lower()
               for r in shown)
    assert apply(results, ResultQuery.from_params(None, None, "zzzz-bestaat-niet", None)) == []


@pytest.mark.parametrize("sort", [SORT_STATUS, SORT_REALISED, SORT_NAME])
def test_sorting_stays_inside_line_and_project(results: list, sort: str) -> None:
    shown = apply(results, ResultQuery.from_params(None, None, None, sort))
    assert sorted(r.id for r in shown) == sorted(r.id for r in results)
    assert _groups(shown) == _groups(results)  # the programme's structure is kept
    for group in _groups(results):
        inside = [r for r in shown if (r.line_name, r.project_name) == group]
        if sort == SORT_STATUS:
            keys = [STATUS_SEVERITY[r.latest.status] for r in inside]
        elif sort == SORT_NAME:
            keys = [r.name.lower() for r in inside]
        else:
            keys = [r.latest.realised / r.latest.target if r.latest and r.latest.realised is not None
                    and r.latest.target else float("inf") for r in inside]
        assert keys == sorted(keys), (group, keys)


def test_download_follows_the_filter(demo_sqlite_url: str, results: list) -> None:
    attention = [r for r in results if r.latest and r.latest.status == MeasurementStatus.ATTENTION]
    assert attention, "the demo has results that need attention"
    with session_scope(demo_sqlite_url) as s:
        table = results_table(s, {"programma": SLUG, "status": "aandacht"})
        everything = results_table(s, {"programma": SLUG})
    col = table.columns.index("Resultaat")
    assert {row[col] for row in table.rows} == {r.name for r in attention}
    assert len(table.rows) == sum(len(r.measurements) for r in attention)
    assert len(everything.rows) == sum(len(r.measurements) for r in results)

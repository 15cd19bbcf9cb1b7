"""Part 2 in headless Chromium: filter, sort and search the result table; the URL and the downloads follow."""

from __future__ import annotations

import os
import urllib.parse

import pytest

from db.read.results import programme_results
from db.session import session_scope
from indicators.enums import MeasurementStatus
from tests.browser.axe import format_violations, run_axe
from tests.browser.test_pages import open_page

pytestmark = pytest.mark.browser
URL = "/programma/sociaal-en-vitaal"


def _results() -> list:
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as s:
        return programme_results(s, "sociaal-en-vitaal")[1]


def _shown_names(page) -> list[str]:  # noqa: ANN001
    return [tr.locator(":scope > th").evaluate("th => th.firstChild.textContent")
            for tr in page.locator(".result-table tr.result-row").all()]


def test_status_filter_narrows_the_table_and_is_kept_in_the_url(page, demo_app_url: str) -> None:  # noqa: ANN001
    results = _results()
    attention = [r.name for r in results if r.latest and r.latest.status == MeasurementStatus.ATTENTION]
    assert attention
    open_page(page, demo_app_url + URL + "?vergelijk=geen", "Sociaal en Vitaal")
    assert len(_shown_names(page)) == len(results)
    page.get_by_label("Status (laatste kwartaal)").select_option(label="Aandacht nodig")
    page.get_by_role("button", name="Toon resultaten").click()
    page.wait_for_url("**status=aandacht**")
    page.get_by_role("heading", level=1, name="Sociaal en Vitaal").wait_for()
    page.locator(".result-count").wait_for()
    assert _shown_names(page) == attention
    assert page.locator(".result-count").inner_text() == f"{len(attention)} van de {len(results)} resultaten getoond."
    query = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)
    assert query["status"] == ["aandacht"] and query["vergelijk"] == ["geen"]  # comparison kept
    href = page.locator("#resultaten .download-csv").get_attribute("href")
    assert urllib.parse.parse_qs(urllib.parse.urlparse(href).query)["status"] == ["aandacht"]
    assert page.get_by_label("Status (laatste kwartaal)").input_value() == "aandacht"
    page.get_by_role("link", name="Alle resultaten tonen").click()
    page.wait_for_function(f"() => document.querySelectorAll('.result-table tr.result-row').length === {len(results)}")


def test_search_with_the_keyboard_and_sort_within_projects(page, demo_app_url: str) -> None:  # noqa: ANN001
    results = _results()
    word = results[0].project_name.split()[0]
    expected = [r.name for r in results if word.lower() in f"{r.name} {r.project_name} {r.line_name} "
                f"{r.latest.explanation if r.latest else ''}".lower()]
    open_page(page, demo_app_url + URL, "Sociaal en Vitaal")
    page.get_by_label("Zoek in resultaten, projecten en toelichtingen").focus()
    page.keyboard.type(word)
    page.keyboard.press("Enter")  # submits the form, as any search field does
    page.wait_for_url("**tekst=**")
    page.locator(".result-count").wait_for()
    assert _shown_names(page) == expected
    search = page.get_by_label("Zoek in resultaten, projecten en toelichtingen")
    assert search.input_value() == word
    search.fill("zzzz")
    page.keyboard.press("Enter")
    page.get_by_text("Geen resultaten die bij deze keuze passen").wait_for()
    page.get_by_label("Zoek in resultaten, projecten en toelichtingen").fill("")
    page.get_by_label("Sorteren binnen elk project").select_option(label="Naam (A–Z)")
    page.get_by_role("button", name="Toon resultaten").press("Enter")
    page.get_by_text("binnen elk project gesorteerd op naam (a–z)").wait_for()
    shown = _shown_names(page)
    assert sorted(shown) == sorted(r.name for r in results)
    for project in {r.project_name for r in results}:
        inside = [n for n in shown if n in {r.name for r in results if r.project_name == project}]
        assert inside == sorted(inside, key=str.lower)


def test_changing_comparison_regions_keeps_the_result_filter(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url + URL + "?status=aandacht", "Sociaal en Vitaal")
    page.locator("#trends summary").first.click()  # the comparison choices are folded away
    page.get_by_label("Enschede", exact=True).check()
    page.wait_for_function("() => (new URLSearchParams(location.search).get('vergelijk') || '').includes('GM0153')")
    assert "status=aandacht" in page.url
    vergelijk = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["vergelijk"][0]
    page.wait_for_function(f"() => document.getElementById('resultaten-vergelijk').value === {vergelijk!r}")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_filtered_results_are_accessible(request: pytest.FixtureRequest, demo_app_url: str, device: str) -> None:
    page = request.getfixturevalue("page" if device == "desktop" else "phone_page")
    open_page(page, demo_app_url + URL + "?status=aandacht&sorteer=status&tekst=a", "Sociaal en Vitaal")
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    if device == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 375

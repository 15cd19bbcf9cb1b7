"""Dated notes on trend points in headless Chromium: the demo's noted indicator shows them as flags on the chart,
as an ordered list and in the table; the programme's trend card links to them; no axe-core violations."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from etl.demo_content import NOTES
from tests.browser.axe import format_violations, run_axe
from tests.browser.test_pages import open_page

pytestmark = pytest.mark.browser
NOTED = NOTES[0]  # Almelo, jeugdhulp, a year


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_indicator_page_shows_the_notes_in_the_list_the_table_and_the_chart(request: pytest.FixtureRequest,
                                                                           demo_app_url: str, device: str) -> None:
    page = request.getfixturevalue("page" if device == "desktop" else "phone_page")
    open_page(page, demo_app_url + f"/indicator/{NOTED.indicator_code}?regio={NOTED.region_code}",
              "Jongeren met jeugdhulp")
    notes = page.locator("section.trend-notes")
    assert notes.get_by_role("heading", name="Toelichtingen bij de grafiek").is_visible()
    items = notes.locator("ol > li")
    assert items.count() == len([n for n in NOTES if n.indicator_code == NOTED.indicator_code])
    assert items.first.inner_text() == f"{NOTED.period.label}: {NOTED.text} (voorbeeld)"

    table = page.locator("table.data-table")
    assert table.locator("thead th").last.inner_text() == "Toelichting"
    row = table.locator("tbody tr").filter(has=page.locator("td", has_text=re.compile(r"^Almelo$"))).filter(
        has=page.locator("td", has_text=re.compile(rf"^{NOTED.period.label}$")))
    assert row.count() == 1
    assert row.locator("td").last.inner_text() == f"1. {NOTED.text} (voorbeeld)"

    # the numbered flags are drawn on the chart
    svg = unquote(page.locator("#indicator-grafiek img").get_attribute("src"))
    assert re.findall(r"class='note-flag'[^>]*>([^<]+)<", svg) == [str(i) for i in range(1, len(NOTES) + 1)]

    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    assert page.console_errors == []


def test_trend_card_links_to_the_notes_with_the_keyboard(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url + "/programma/sociaal-en-vitaal", "Sociaal en Vitaal")
    count = len([n for n in NOTES if n.indicator_code == NOTED.indicator_code])
    card = page.locator(f"#trend-{NOTED.indicator_code}")
    link = card.get_by_role("link", name=re.compile(rf"^{count} toelichtingen bij Jongeren met jeugdhulp$"))
    assert link.locator(".visually-hidden").inner_text().strip() == "bij Jongeren met jeugdhulp"
    assert page.locator(".trend-notes-link").count() == 1  # only the noted trend has the link
    link.focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name="Jongeren met jeugdhulp").wait_for()
    assert f"/indicator/{NOTED.indicator_code}?regio={NOTED.region_code}" in page.url
    assert page.url.endswith("#indicator-figuren")
    # the focus lands on the chart block that holds the list of notes (the page may rewrite its query string)
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'indicator-figuren'")
    assert page.evaluate("!!document.activeElement.querySelector('section.trend-notes li')")
    assert page.console_errors == []


def test_trend_card_draws_the_notes_and_builds_its_table_when_opened(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url + "/programma/sociaal-en-vitaal?vergelijk=NL01", "Sociaal en Vitaal")
    count = len([n for n in NOTES if n.indicator_code == NOTED.indicator_code])
    card = page.locator(f"#trend-{NOTED.indicator_code}")
    svg = unquote(card.locator(".chart img").get_attribute("src"))
    assert re.findall(r"class='note-flag'[^>]*>([^<]+)<", svg) == [str(i) for i in range(1, count + 1)]
    assert card.locator("table").count() == 0  # not built before it is opened
    summary = card.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    table = card.locator("table.data-table")
    table.locator("tbody tr").first.wait_for()
    assert table.locator("thead th").last.inner_text() == "Toelichting"
    regions = set(table.locator("tbody tr td:first-child").all_inner_texts())
    assert regions == {"Almelo", "Nederland"}
    noted = table.locator("tbody tr").filter(has=page.locator("td", has_text=re.compile(r"^Almelo$"))).filter(
        has=page.locator("td", has_text=re.compile(rf"^{NOTED.period.label}$")))
    assert noted.locator("td").last.inner_text() == f"1. {NOTED.text} (voorbeeld)"
    # a new comparison rebuilds the cards; opening the table again shows the new region
    page.locator("#trends summary").first.click()
    page.get_by_label("Enschede", exact=True).check()
    page.wait_for_url(re.compile(r"vergelijk=NL01,GM0153"))
    chart = f"#trend-{NOTED.indicator_code} .chart img"
    page.wait_for_function(f"() => decodeURIComponent(document.querySelector('{chart}').src).includes('Enschede')")
    card.locator("summary").click()
    card.locator("table.data-table tbody tr").first.wait_for()
    assert set(card.locator("table.data-table tbody tr td:first-child").all_inner_texts()) == {
        "Almelo", "Nederland", "Enschede"}
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    assert page.console_errors == []

"""The overview's search and filters in headless Chromium: typed with the keyboard, hits link to what they name,
the status line says how many, a filter narrows the cards and the state lives in the URL."""

from __future__ import annotations

import os
import re

import pytest

from db.read.search import search
from db.session import session_scope
from indicators.search import OverviewFilter
from tests.browser.test_pages import open_page

pytestmark = pytest.mark.browser


def test_search_with_the_keyboard_lists_the_hits_and_opens_one(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url, "Programma's")
    field = page.get_by_label("Zoek in indicatoren, projecten, resultaten en verhalen")
    field.focus()
    page.keyboard.type("eenzaam")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]zoek=eenzaam"))
    hits = page.locator("#zoekresultaten .search-hit")
    hits.first.wait_for()
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as session:
        expected = search(session, "eenzaam", OverviewFilter())
    assert hits.count() == len(expected) > 0
    assert [h.locator(".search-hit-link").inner_text() for h in hits.all()] == [h.title for h in expected]
    assert page.locator("#zoekresultaten mark").count() >= len(expected)  # the match is marked in every hit
    expect_status = f"{len(expected)} resultaten voor ‘eenzaam’" if len(expected) > 1 else "1 resultaat voor ‘eenzaam’"
    page.wait_for_function("t => document.querySelector('#overzicht-zoekstatus').textContent === t", arg=expect_status)
    link = hits.first.locator(".search-hit-link")
    href = link.get_attribute("href")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(href.split("#")[0])))
    assert page.console_errors == []


def test_programme_filter_keeps_the_search_and_narrows_the_cards(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url + "/?zoek=jeugd", "Programma's")
    assert page.locator(".card-grid > article").count() == 2
    page.locator(".overview-filters summary").click()
    page.get_by_label("Programma", exact=True).select_option("zorg-en-veiligheid")
    page.get_by_role("button", name="Filter toepassen").click()
    page.wait_for_url(re.compile(r"programma=zorg-en-veiligheid"))
    page.get_by_role("heading", level=1, name="Programma's").wait_for()
    assert "zoek=jeugd" in page.url
    assert page.locator(".card-grid > article").count() == 1
    assert page.locator("#programma-zorg-en-veiligheid").is_visible()
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as session:
        expected = search(session, "jeugd", OverviewFilter(programme="zorg-en-veiligheid"))
    assert page.locator("#zoekresultaten .search-hit").count() == len(expected)
    assert page.get_by_label("Zoek in indicatoren, projecten, resultaten en verhalen").input_value() == "jeugd"

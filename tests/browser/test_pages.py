"""Whole user paths in headless Chromium: every page, its content, axe-core (WCAG 2.1 A/AA) at desktop and
phone width, no console errors, state in the URL, keyboard use."""

from __future__ import annotations

import os
import re
from urllib.parse import unquote

import pytest
from sqlalchemy import func, select

from db.models import Programme, Story
from db.session import session_scope
from tests.browser.axe import format_violations, run_axe

pytestmark = pytest.mark.browser

PAGES = [
    ("/", "Programma's"),
    ("/?zoek=eenzaam&thema=leefgebieden-mentale-gezondheid-en-eenzaamheid&wijk=WK014110", "Programma's"),
    ("/programma/sociaal-en-vitaal", "Sociaal en Vitaal"),
    ("/programma/zorg-en-veiligheid?vergelijk=NL01,GM0153,WK014110", "Zorg en Veiligheid"),
    ("/indicator/jeugdhulp", "Jongeren met jeugdhulp"),
    ("/indicator/eenzaamheid?regio=GM0141&vergelijk=NL01,GM0034", "Inwoners met sterke sociale eenzaamheid"),
    ("/bestaat/niet", "Pagina niet gevonden"),
    ("/verhaal/1", "Tweeëntwintig partners, één doel: kinderen minder last van een scheiding"),
    ("/verhaal/5", "Wie heeft de regie? Een casus uit de AVE"),
    ("/wijken?sorteer=waarde-af", "Wijken van Almelo"),
    ("/inloggen", "Inloggen"),
]


def open_page(page, url: str, heading: str) -> None:  # noqa: ANN001
    page.goto(url)
    page.get_by_role("heading", level=1, name=heading).wait_for()
    if page.locator(".chart").count():
        page.locator(".chart img").first.wait_for()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize(("path", "heading"), PAGES)
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_page_is_accessible_and_error_free(request: pytest.FixtureRequest, demo_app_url: str, device: str,
                                          path: str, heading: str) -> None:
    page = request.getfixturevalue("page" if device == "desktop" else "phone_page")
    open_page(page, demo_app_url + path, heading)
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    errors = page.console_errors
    if heading == "Pagina niet gevonden":
        # the address answers HTTP 404 (for probes and crawlers); the browser logs that the page itself was a 404
        errors = [e for e in errors if "status of 404" not in e]
    assert errors == []
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert heading in page.title()
    if device == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_overview_cards_match_the_database(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url, "Programma's")
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as s:
        programmes = s.execute(select(Programme.slug, Programme.name, func.count(Story.id))
                               .join(Story, Story.programme_id == Programme.id).group_by(Programme.id)).all()
    assert len(programmes) == 2
    for slug, name, stories in programmes:
        card = page.locator(f"#programma-{slug}")
        assert card.get_by_role("link", name=name).is_visible()
        assert f"{stories} verhalen uit de praktijk" in card.locator(".card-summary").inner_text()
        assert re.search(r"\d+ in de gewenste richting", card.locator(".part-trends").inner_text())
    page.get_by_role("link", name="Zorg en Veiligheid").click()
    page.get_by_role("heading", level=1, name="Zorg en Veiligheid").wait_for()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/programma/zorg-en-veiligheid")


@pytest.mark.parametrize("path", ["/programma/zorg-en-veiligheid", "/programma/sociaal-en-vitaal?vergelijk=GM0153",
                                  "/indicator/jeugdhulp?regio=GM0141", "/wijken"])
def test_a_page_is_built_once_and_its_url_kept(page, demo_app_url: str, path: str) -> None:  # noqa: ANN001
    """Dash 4's checklists and radio items report their value when they mount. That is no change: the page's
    update callback answers "nothing to update" (204) instead of building the whole page a second time, and the
    address stays as it was typed."""
    answers = []
    page.on("response", lambda r: answers.append((r.request.post_data or "", r.status))
            if "_dash-update-component" in r.url else None)
    page.goto(demo_app_url + path)
    page.locator("h1").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    updates = [status for body, status in answers if any(
        out in body for out in ("programma-trends.children", "indicator-figuren.children", "wijken-inhoud.children"))]
    assert updates and all(status == 204 for status in updates), answers
    assert page.url == demo_app_url + path


def test_programme_page_has_the_three_parts(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url + "/programma/sociaal-en-vitaal", "Sociaal en Vitaal")
    for name in ("Trends", "Resultaten", "Rijkere verantwoording"):
        assert page.get_by_role("heading", level=2, name=name, exact=True).is_visible()
    youth = page.locator("#trend-jeugdhulp")
    assert "15,3% (2023)" in youth.inner_text()
    assert "niet in de gewenste richting" in youth.locator(".verdict").inner_text()
    assert youth.locator(".example-label").count() == 0
    assert "Voorbeeldcijfers (fictief)" in page.locator("#trend-eenzaamheid").inner_text()
    assert "Bron: CBS · CBS-tabel 85098NED" in youth.locator(".provenance").inner_text()
    table = page.locator(".result-table")
    assert "Pact Scheiden Zonder Schade" in table.inner_text() and "Partners in het Pact" in table.inner_text()
    assert page.locator(".story-tile").count() >= 3
    assert "Voorbeeldverhaal (fictief)" in page.locator(".story-tile").first.inner_text()
    assert page.locator("#programma-samenvatting").inner_text().startswith("1 van de 4 trends")


def test_comparison_updates_chart_and_url_and_survives_reload(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url + "/programma/zorg-en-veiligheid", "Zorg en Veiligheid")
    card = page.locator("#trend-misdrijven")

    def labels() -> str:  # the names at the lines' ends of the chart
        return unquote(card.locator(".chart img").get_attribute("src"))

    assert "Enschede" not in labels()
    page.locator("#trends summary").first.click()
    page.get_by_label("Enschede", exact=True).check()
    page.wait_for_url(re.compile(r"vergelijk=NL01,GM0153"))
    page.wait_for_function("() => decodeURIComponent(document.querySelector('#trend-misdrijven .chart img').src)"
                           ".includes('Enschede')")
    page.reload()
    open_page(page, page.url, "Zorg en Veiligheid")
    assert page.get_by_label("Enschede", exact=True).is_checked()
    assert ">Enschede</tspan>" in labels()
    assert page.console_errors == []


def test_indicator_page_period_switch(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url + "/indicator/jeugdhulp", "Jongeren met jeugdhulp")
    body = page.locator("main").inner_text()
    assert "Definitie" in body and "CBS-tabel 85098NED" in body and "15,3%" in body
    page.get_by_label("Per halfjaar").check()
    page.wait_for_url(re.compile(r"periode=halfjaar"))
    page.locator("#indicator-figuren table >> text=1e halfjaar 2024").first.wait_for()
    page.reload()
    open_page(page, page.url, "Jongeren met jeugdhulp")
    assert page.get_by_label("Per halfjaar").is_checked()


def test_keyboard_path(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url, "Programma's")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Sociaal en Vitaal":
            break
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name="Sociaal en Vitaal").wait_for()


def test_indicator_page_compares_any_region_in_the_url(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url + "/indicator/eenzaamheid?regio=GM0141&vergelijk=NL01,GM0034",
              "Inwoners met sterke sociale eenzaamheid")
    table = page.locator("#indicator-figuren table").inner_text()
    assert "Almere" in table and "46%" in table and "Gemeente Almere" in table
    assert "Voorbeeldcijfers (fictief)" in table  # Almelo's series is fictional and says so
    assert page.get_by_label("Almere", exact=True).is_checked()

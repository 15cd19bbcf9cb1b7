"""Issue 4 paths in headless Chromium: a story and the figures it explains (both ways), the wijk table and map,
downloads that contain what the page shows, and the keyboard path overview → programme → story."""

from __future__ import annotations

import csv
import io
import os
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from dashboard.theme import load_theme
from db.models import Region, Result, Story
from db.session import session_scope
from indicators.enums import RegionKind
from settings import Settings
from tests.browser.test_pages import open_page

pytestmark = pytest.mark.browser
GEO_FIXTURE = Path(__file__).resolve().parents[1] / "data" / "geo" / "almelo_wijken_rechthoeken.geojson"


@pytest.fixture
def geo_app_url(demo_app_url: str) -> Iterator[str]:
    """The demo app with the wijk boundaries of the GeoJSON fixture loaded for the duration of one test.

    (A second Dash app in the same process would get no callbacks: Dash hands its global callbacks to the first
    app that starts, so the boundaries go into the demo app's database, and the demo's own are put back afterwards.)"""
    from etl.demo import BOUNDARIES
    from etl.geo import load_boundaries

    assert load_boundaries(_db(), GEO_FIXTURE) == 12
    try:
        yield demo_app_url
    finally:  # the demo's own boundaries again, for the tests that follow
        assert load_boundaries(_db(), BOUNDARIES) == 12


def _db() -> str:
    return os.environ["PERSPECTIEF_TEST_APP_DB"]


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as resp:  # noqa: S310 - our own test server
        assert resp.status == 200
        return resp.read()


def _csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_story_links_to_its_result_and_back(page, demo_app_url: str) -> None:  # noqa: ANN001
    with session_scope(_db()) as s:
        story_id, title, result_id, result_name = s.execute(
            select(Story.id, Story.title, Result.id, Result.name).join(Result, Result.id == Story.result_id)
            .where(Result.name == "Partners in het Pact")).one()
    open_page(page, demo_app_url + "/programma/sociaal-en-vitaal", "Sociaal en Vitaal")
    # programme → story through the tile
    page.locator(f"#verhaal-{story_id}").get_by_role("link", name=title).click()
    page.get_by_role("heading", level=1, name=title).wait_for()
    assert page.url.endswith(f"/verhaal/{story_id}")
    main = page.locator("main").inner_text()
    assert "Uitgeschreven tekst" in main and "tien partners aan tafel" in main
    assert "18 sep 2026" in main and "Voorbeeldverhaal (fictief)" in main
    # story → its result: the row is shown and gets the focus
    page.locator("#verhaal-naar-resultaat").click()
    page.get_by_role("heading", level=1, name="Sociaal en Vitaal").wait_for()
    assert page.url.endswith(f"/programma/sociaal-en-vitaal#resultaat-{result_id}")
    row = page.locator(f"#resultaat-{result_id}")
    assert result_name in row.inner_text()
    page.wait_for_function(f"() => document.activeElement && document.activeElement.id === 'resultaat-{result_id}'")
    # result → back to the story ("het verhaal achter de cijfers")
    row.get_by_role("link", name=re.compile(re.escape(title))).click()
    page.get_by_role("heading", level=1, name=title).wait_for()
    assert page.console_errors == []


def test_story_with_a_trend_links_to_the_indicator_and_back(page, demo_app_url: str) -> None:  # noqa: ANN001
    with session_scope(_db()) as s:
        story_id, title = s.execute(select(Story.id, Story.title).where(Story.indicator_id.is_not(None))
                                    .order_by(Story.id)).first()
    open_page(page, f"{demo_app_url}/verhaal/{story_id}", title)
    page.locator("#verhaal-naar-trend").click()
    heading = page.get_by_role("heading", level=1)
    heading.wait_for()
    assert "/indicator/" in page.url
    page.get_by_role("link", name=title).click()
    page.get_by_role("heading", level=1, name=title).wait_for()


def test_unknown_story_says_so(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url + "/verhaal/99999", "Pagina niet gevonden")
    assert "Verhaal ‘99999’ bestaat niet." in page.locator("main").inner_text()


def test_wijken_lists_the_real_wijken_beside_the_bundled_map(page, demo_app_url: str) -> None:  # noqa: ANN001
    with session_scope(_db()) as s:
        almelo = s.scalar(select(Region.id).where(Region.code == "GM0141"))
        wijken = dict(s.execute(select(Region.code, Region.name)
                                .where(Region.parent_id == almelo, Region.kind == RegionKind.DISTRICT)).all())
    assert len(wijken) == 12
    open_page(page, demo_app_url + "/wijken", "Wijken van Almelo")
    image = page.locator("#wijken-kaart img:visible")  # the demo loads Almelo's wijk boundaries: the SVG map
    image.wait_for()
    assert page.locator(f"map[name='{image.get_attribute('usemap').removeprefix('#')}'] area").count() == 12
    assert page.locator("#wijken-geen-kaart").count() == 0
    rows = page.locator("#wijken-tabel tbody tr")
    assert rows.count() == 12
    shown = {rows.nth(i).locator("td").first.inner_text(): rows.nth(i).locator("th").inner_text() for i in range(12)}
    assert shown == wijken
    assert "Binnenstad" in shown.values() and "WK014110" in shown
    # the first indicator (voorzieningen sociaal domein, 1e halfjaar 2024), thresholds from the gemeente's 139:
    # Binnenstad (203) rood, Aadorp (77) groen
    assert "Rood" in page.locator("#wijken-tabel tr", has_text="Binnenstad").inner_text()
    assert "Groen" in page.locator("#wijken-tabel tr", has_text="Aadorp").inner_text()
    # sorting is state in the URL and survives a reload
    page.get_by_label("Waarde (hoog naar laag)").check()
    page.wait_for_url(re.compile(r"sorteer=waarde-af"))
    page.wait_for_function("() => document.querySelector('#wijken-tabel tbody tr th').textContent === 'Binnenstad'")
    page.reload()
    open_page(page, page.url, "Wijken van Almelo")
    assert page.locator("#wijken-tabel tbody tr th").first.inner_text() == "Binnenstad"
    assert page.locator("#wijken-tabel tbody tr th").last.inner_text() == "Bornerbroek"  # 50, the lowest
    assert page.console_errors == []


def test_wijken_map_renders_the_geojson_fixture(page, geo_app_url: str) -> None:  # noqa: ANN001
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_page(page, geo_app_url + "/wijken", "Wijken van Almelo")
    image = page.locator("#wijken-kaart img:visible")
    image.wait_for()
    assert page.locator("#wijken-geen-kaart").count() == 0
    svg = unquote(image.get_attribute("src"))
    theme = load_theme(Settings().theme)  # the demo app's theme: the map takes the wijk colours from it
    edge = theme.colour("district-edge")
    assert svg.count(f"stroke='{edge}' stroke-width='1.5'") == 12  # one shape per wijk, drawn on the server
    fills = set(re.findall(r"fill='[^']+'", svg)) | set(re.findall(r"url\(#p-\w+\)", svg))
    # groen (plain), oranje (striped), rood (hatched), each pattern on the theme's class colour
    assert {f"fill='{theme.colour('district-groen')}'", "url(#p-oranje)", "url(#p-rood)"} <= fills
    assert {f"fill='{theme.colour(f'district-{k}')}'" for k in ("oranje", "rood")} <= fills
    assert page.locator("#wijken-kaart map").first.locator("area").count() == 12
    assert all(u.startswith(geo_app_url) or u.startswith("data:") for u in requests), "no external requests"
    assert page.console_errors == []


def test_wijken_download_contains_what_is_shown(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url + "/wijken?sorteer=waarde-op&oranje=50&rood=80", "Wijken van Almelo")
    rows = page.locator("#wijken-tabel tbody tr")
    shown = [[c.strip() for c in rows.nth(i).inner_text().split("\t")][:4] for i in range(rows.count())]
    href = page.locator(".download-csv").get_attribute("href")
    assert "oranje=50" in href and "sorteer=waarde-op" in href
    table = _csv(_fetch(demo_app_url + href))
    assert table[0] == ["Wijkcode", "Wijk", "Waarde", "Klasse", "Status"]
    assert [[r[0], r[1], f"{r[2]} per 1.000 inwoners", r[3]] for r in table[1:]] == shown
    assert "Oranje" in {r[3] for r in table[1:]}
    wb = load_workbook(io.BytesIO(_fetch(demo_app_url + page.locator(".download-xlsx").get_attribute("href"))))
    ws = wb.active
    assert "per wijk van Almelo" in ws["A1"].value
    xlsx_rows = [list(r) for r in ws.iter_rows(min_row=5, values_only=True)]
    assert [[r[0], r[1]] for r in xlsx_rows] == [[r[0], r[1]] for r in shown]
    assert all(isinstance(r[2], float | int) for r in xlsx_rows)
    assert [f"{int(r[2])} per 1.000 inwoners" for r in xlsx_rows] == [r[2] for r in shown]


def test_result_and_trend_downloads_contain_what_is_shown(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url + "/programma/sociaal-en-vitaal?vergelijk=NL01", "Sociaal en Vitaal")
    card = page.locator("#trend-jeugdhulp")
    card.locator("summary").click()
    card.locator("table tbody tr").first.wait_for()  # the table is built when it is first opened
    shown = [[c.strip() for c in tr.inner_text().split("\t")] for tr in card.locator("table tbody tr").all()]
    table = _csv(_fetch(demo_app_url + card.locator(".download-csv").get_attribute("href")))
    assert table[0][:5] == ["Regio", "Regiocode", "Periode", "Waarde", "Status"]
    assert len(table) - 1 == len(shown)
    for on_screen, row in zip(shown, table[1:], strict=True):
        assert on_screen[0] == row[0] and on_screen[1] == row[2] and on_screen[3] == row[4]
        assert on_screen[2] == (row[3] + "%" if row[3] else "–")  # 15,3% on screen, 15,3 in the file
    assert {r[0] for r in table[1:]} == {"Almelo", "Nederland"}
    # results: the latest quarter of every result row appears in the file, with its status label
    results = _csv(_fetch(demo_app_url + page.locator("#resultaten .download-csv").get_attribute("href")))
    head = results[0]
    for tr in page.locator(".result-table tr.result-row").all():
        name = tr.locator(":scope > th").evaluate("th => th.firstChild.textContent")
        cells = [c.inner_text().strip() for c in tr.locator(":scope > td").all()]
        quarter = cells[1]
        badge = tr.locator(":scope > .status-cell .status-badge")
        status = badge.evaluate("b => b.lastChild.textContent")  # the word beside its icon
        match = [r for r in results[1:] if r[head.index("Resultaat")] == name and r[head.index("Kwartaal")] == quarter]
        assert len(match) == 1, name
        assert match[0][head.index("Status")] == status


def test_keyboard_path_overview_programme_story(page, demo_app_url: str) -> None:  # noqa: ANN001
    open_page(page, demo_app_url, "Programma's")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # skip link
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Zorg en Veiligheid":
            break
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name="Zorg en Veiligheid").wait_for()
    with session_scope(_db()) as s:
        title = s.scalar(select(Story.title).where(Story.title.like("Wie heeft de regie%")))
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == title:
            break
    else:
        pytest.fail("story link not reachable with Tab")
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name=title).wait_for()
    assert "/verhaal/" in page.url


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_wijken_map_page_is_accessible(request: pytest.FixtureRequest, geo_app_url: str, device: str) -> None:
    from tests.browser.axe import format_violations, run_axe

    page = request.getfixturevalue("page" if device == "desktop" else "phone_page")
    open_page(page, geo_app_url + "/wijken", "Wijken van Almelo")
    page.locator("#wijken-kaart img:visible").wait_for()
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    if device == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.console_errors == []


def test_trend_card_draws_the_if_nothing_changes_line(page, demo_app_url: str) -> None:  # noqa: ANN001
    """The line through the years before the programme, in the legend and in words; its last point is the
    forecast for the latest year, computed here from the observations themselves (least squares)."""
    open_page(page, demo_app_url + "/programma/zorg-en-veiligheid", "Zorg en Veiligheid")
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as s:
        from db.models import Indicator, Observation, Programme

        programme = s.scalar(select(Programme).where(Programme.slug == "zorg-en-veiligheid"))
        region_id = programme.region_id
        ind = s.scalar(select(Indicator).where(Indicator.code == "misdrijven"))
        rows = s.execute(select(Observation.period_start, Observation.value).where(
            Observation.indicator_id == ind.id, Observation.region_id == region_id,
            Observation.period_kind == "jaar", Observation.value.is_not(None))).all()
        start = programme.start_year
    before = {d.year: v for d, v in rows if d.year < start}
    latest_year, latest = max((d.year, v) for d, v in rows)
    n = len(before)
    mx, my = sum(before) / n, sum(before.values()) / n
    slope = sum((x - mx) * (y - my) for x, y in before.items()) / sum((x - mx) ** 2 for x in before)
    expected = my + slope * (latest_year - mx)
    card = page.locator("#trend-misdrijven")
    svg = unquote(card.locator(".chart img").get_attribute("src"))
    assert "stroke-dasharray='8 5'" in svg and ">verandert</tspan>" in svg  # the dashed line, labelled at its end
    sentence = card.locator(".trend-forecast").inner_text()
    side = "hoger" if latest > expected else "lager"
    assert f"In {latest_year} was het " in sentence
    assert f"{side} dan de {expected:.1f}".replace(".", ",") in sentence
    assert f"die de lijn van {min(before)}–{max(before)} voorspelde" in sentence
    assert "gewenste richting" not in sentence  # a second observation in its own words, never the verdict's

"""Themes in the browser: switching THEME changes the computed colours of a primary button and of the page header
(the page loads the theme's token stylesheet and carries its class on <html>), and each chart's text alternative
states the same figures as the chart (read back from the server-drawn picture)."""

from __future__ import annotations

import re
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest

from dashboard.theme import load_theme
from tests.browser.editor_support import browser_page
from tests.browser.themed_apps import shipped_themes

_COLOURS = """() => {
  const css = (el, prop) => getComputedStyle(el).getPropertyValue(prop);
  const button = document.querySelector('.utrecht-button--primary-action');
  const header = document.querySelector('.site-header .utrecht-page-header');
  const nav = document.querySelector('.site-header .utrecht-nav-bar');
  return {html: document.documentElement.className, button: css(button, 'background-color'),
          buttonText: css(button, 'color'), rule: css(header, 'border-bottom-color'),
          nav: css(nav, 'background-color'), navText: css(nav, 'color'),
          sheets: Array.from(document.querySelectorAll('link[rel=stylesheet]'), l => l.getAttribute('href'))};
}"""


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_switching_theme_changes_the_button_and_header_colours(browser, themed_app) -> None:  # noqa: ANN001
    seen = {}
    for theme in shipped_themes():
        with browser_page(browser) as page:
            page.goto(themed_app(theme).url + "/")
            page.get_by_role("heading", level=1).wait_for()
            seen[theme] = page.evaluate(_COLOURS)
        expected = load_theme(theme)
        assert expected.html_class in seen[theme]["html"].split()
        assert any(f"/themes/{theme}/tokens.css" in href for href in seen[theme]["sheets"])
        # the browser computes what dashboard/theme.py resolved from the same files (charts and PDF use those)
        assert seen[theme]["button"] == _rgb(expected.colour("primary"))
        assert seen[theme]["rule"] == _rgb(expected.colour("header-rule"))
        assert seen[theme]["nav"] == _rgb(expected.colour("nav-bg"))
    first, *others = shipped_themes()
    for other in others:
        for what in ("button", "rule", "nav"):
            assert seen[first][what] != seen[other][what], (what, seen)


_TABLE = """el => Array.from(el.querySelectorAll('tbody tr'), tr => Array.from(tr.cells, c => c.innerText.trim()))"""
_SVG = "http://www.w3.org/2000/svg"


def _number(text: str) -> float:
    """A Dutch number as the pages write it ("1.234,5", "12,5%", "−3") as a float."""
    return float(text.replace("%", "").replace(".", "").replace(",", ".").replace("−", "-").strip())


def plotted_points(svg: str) -> tuple[dict[str, list[tuple[float, float]]], float]:
    """What a server-drawn chart (dashboard.components.svg_lines) shows, read back from the picture as a reader
    reads it: per named line, every drawn vertex as (year, value), using the chart's own axis labels (the y ticks
    beside their grid lines, the year labels under the plot) to turn pixels into figures; and the y axis's span."""
    root = ElementTree.fromstring(svg)
    grid = [float(e.get("y1")) for e in root.iter(f"{{{_SVG}}}line") if e.get("y1") == e.get("y2")]
    ticks = [_number(e.text) for e in root.iter(f"{{{_SVG}}}text")
             if e.get("text-anchor") == "end" and re.fullmatch(r"−?[\d.]+(,\d+)?%?", e.text or "")]
    years = [(float(e.get("x")), int(e.text)) for e in root.iter(f"{{{_SVG}}}text")
             if e.get("text-anchor") == "middle" and re.fullmatch(r"\d{4}", e.text or "")]
    assert len(grid) == len(ticks) >= 2 and len(years) >= 2, (grid, ticks, years)
    (py0, v0), (py1, v1) = (grid[0], ticks[0]), (grid[-1], ticks[-1])
    (px0, y0), (px1, y1) = years[0], years[-1]
    out: dict[str, list[tuple[float, float]]] = {}
    for group in root.iter(f"{{{_SVG}}}g"):
        name = group.find(f"{{{_SVG}}}title").text
        for line in group.iter(f"{{{_SVG}}}polyline"):
            for xy in line.get("points").split():
                x, y = (float(c) for c in xy.split(","))
                out.setdefault(name, []).append((y0 + (x - px0) / (px1 - px0) * (y1 - y0),
                                                 v0 + (y - py0) / (py1 - py0) * (v1 - v0)))
    return out, abs(v1 - v0)


def _same_figures(series: dict[str, list[tuple[float, float]]], rows: list[list[str]], span: float,
                  where: str) -> int:
    """Every drawn point of a region's line lies where a row of the table (region, period, value) puts it: in the
    row's year, at its value (within what a tenth of a pixel and the table's rounding allow)."""
    table = [(r[0], int(re.search(r"\d{4}", r[1]).group()), _number(r[2])) for r in rows if r[2] not in ("–", "")]
    n = 0
    for name, points in series.items():
        for x, y in points:
            assert any(region == name and year == int(x + 0.02) and abs(value - y) <= span * 0.01 + 0.051
                       for region, year, value in table), f"{where}: {name} {x:.2f} {y:.2f} is in no table row"
            n += 1
    return n


@pytest.mark.parametrize("path", ["/programma/sociaal-en-vitaal", "/indicator/jeugdhulp?vergelijk=NL01,GM0153"])
def test_every_chart_states_its_figures_in_text(page, demo_app_url: str, path: str) -> None:  # noqa: ANN001
    page.goto(demo_app_url + path)
    page.locator(".chart img").first.wait_for()
    page.wait_for_load_state("networkidle")
    charts = page.locator(".chart")
    assert charts.count() >= 1
    points = 0
    for i in range(charts.count()):
        chart = charts.nth(i)
        name = chart.get_attribute("aria-label")
        assert chart.get_attribute("role") == "img" and name
        described = [page.locator(f"#{id_}").inner_text() for id_ in chart.get_attribute("aria-describedby").split()]
        assert all(described), name
        svg = unquote(chart.locator("img").get_attribute("src").split(",", 1)[1])
        series, span = plotted_points(svg)
        assert series, f"{name}: no line drawn"
        card = chart.locator("xpath=ancestor::article[contains(@class,'trend-card')]")
        if card.count():  # a trend card builds its table when opened ("Toon de cijfers als tabel")
            card.locator(".table-toggle summary").click()
            table = card.locator(".table-toggle table")
        else:
            table = page.locator("#indicator-figuren table.data-table")
        table.wait_for()
        points += _same_figures(series, table.evaluate(_TABLE), span, name)
        verdict = [d for d in described if d][0]
        assert re.search(r"\d", verdict), f"{name}: the description says no figure: {verdict}"
    assert points >= 10


@pytest.mark.parametrize("path", ["/", "/inloggen", "/programma/zorg-en-veiligheid"])
def test_without_the_component_css_the_site_still_works(page, demo_app_url: str, path: str) -> None:  # noqa: ANN001
    """What a set-up without npm serves: no NL Design System component CSS (the request fails here), <html> with
    the fallback class (dashboard/theme.py sets it when assets/vendor/ is missing): still readable, usable, AA."""
    from dashboard.theme import FALLBACK_CLASS
    from tests.browser.axe import format_violations, run_axe

    page.route(re.compile(r".*/assets/(vendor|themes/[a-z]+)/.*"), lambda route: route.abort())
    page.add_init_script(f"document.documentElement.classList.add('{FALLBACK_CLASS}')")
    page.goto(demo_app_url + path)
    page.get_by_role("heading", level=1).wait_for()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("Array.from(document.styleSheets).every(s => !(s.href || '').includes('/vendor/'))"
                         " || Array.from(document.styleSheets).filter(s => (s.href || '').includes('/vendor/'))"
                         ".every(s => { try { return s.cssRules.length === 0; } catch (e) { return true; } })")
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    button = page.locator(".utrecht-button--primary-action").first
    if button.count():
        styles = button.evaluate("el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]")
        assert styles[0] not in ("rgba(0, 0, 0, 0)", "transparent") and styles[0] != styles[1]
    page.set_viewport_size({"width": 320, "height": 700})
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

"""Themes in the browser: switching THEME changes the computed colours of a primary button and of the page header
(the page loads the theme's token stylesheet and carries its class on <html>), and each chart's text alternative
states the same figures as the chart."""

from __future__ import annotations

import re

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


_FIGURE = """el => {
  const graph = el.querySelector('.js-plotly-plot');
  return graph.data.filter(t => t.mode === 'lines+markers').map(t => ({name: t.name, text: t.text}));
}"""
_TABLE = """el => Array.from(el.querySelectorAll('tbody tr'), tr => Array.from(tr.cells, c => c.innerText.trim()))"""


def _same_figures(series: list[dict], rows: list[list[str]], where: str) -> int:
    """Every plotted point ("<period>: <value>" of a region's line) is a row of the table: region, period, value."""
    table = {(r[0], r[1], r[2]) for r in rows}
    n = 0
    for trace in series:
        for text in trace["text"]:
            period, value = re.match(r"(.+?): (.+)$", text).groups()
            assert (trace["name"], period, value) in table, f"{where}: {trace['name']} {period} {value} not in table"
            n += 1
    return n


@pytest.mark.parametrize("path", ["/programma/sociaal-en-vitaal", "/indicator/jeugdhulp?vergelijk=NL01,GM0153"])
def test_every_chart_states_its_figures_in_text(page, demo_app_url: str, path: str) -> None:  # noqa: ANN001
    page.goto(demo_app_url + path)
    page.locator(".js-plotly-plot .main-svg").first.wait_for()
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
        series = chart.evaluate(_FIGURE)
        card = chart.locator("xpath=ancestor::article[contains(@class,'trend-card')]")
        if card.count():  # a trend card builds its table when opened ("Toon de cijfers als tabel")
            card.locator(".table-toggle summary").click()
            table = card.locator(".table-toggle table")
        else:
            table = page.locator("#indicator-figuren table.data-table")
        table.wait_for()
        points += _same_figures(series, table.evaluate(_TABLE), name)
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

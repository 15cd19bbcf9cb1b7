"""The open-data API's documentation page (/api/v1/docs) in headless Chromium: WCAG 2.1 A/AA (axe-core) on desktop
and phone, nothing loaded from elsewhere, no horizontal scrolling on a phone, and every link in it leads somewhere."""

from __future__ import annotations

import os

import pytest

from tests.browser.axe import format_violations, run_axe


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_api_docs_page(request: pytest.FixtureRequest, demo_app_url: str, device: str) -> None:
    page = request.getfixturevalue("page" if device == "desktop" else "phone_page")
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(demo_app_url) else None)
    answer = page.goto(demo_app_url + "/api/v1/docs")
    assert answer.status == 200
    assert page.title() == "Documentatie van de open-data-API"
    assert page.locator("h1").inner_text() == "Documentatie van de open-data-API"
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    assert page.console_errors == [] and outside == []
    if device == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    else:
        for href in page.eval_on_selector_all("a[href^='#']", "links => links.map(a => a.getAttribute('href'))"):
            assert page.locator(href).count() == 1, href  # every table of contents link has its target
    if os.environ.get("PERSPECTIEF_SCREENSHOTS"):
        page.screenshot(path=f"{os.environ['PERSPECTIEF_SCREENSHOTS']}/api-docs-{device}.png", full_page=False)

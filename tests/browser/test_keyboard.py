"""The main paths with the keyboard alone, under every shipped theme, with a visible focus at every Tab stop:
overview → programme → a result's story → back to that result; sign in → edit a result → submit it; the quarter
grid. And prefers-reduced-motion: no transitions or smooth scrolling when the visitor asks for less motion."""

from __future__ import annotations

import re

import pytest

from dashboard import texts
from db.models import Programme, ProgrammeLine, Project
from db.session import session_scope
from indicators.enums import Role
from tests.browser.editor_support import PASSWORD, browser_page
from tests.browser.themed_apps import shipped_themes

MAX_TABS = 400
# what the focused element looks like: the ring must be there (an outline of at least 2px, or a box shadow ring)
_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  const own = el.closest('.utrecht-textbox.dash-input-container');  // Dash's input: the ring is on its wrapper
  const wrapper = own ? getComputedStyle(own) : null;
  const wrapped = wrapper && wrapper.outlineStyle !== 'none' && parseFloat(wrapper.outlineWidth) >= 2;
  return {tag: el.tagName, id: el.id, text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim()
          .slice(0, 80), href: el.getAttribute('href') || '', visible: ring || !!wrapped,
          outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`};
}"""


class Keyboard:
    """Tab through a page like a keyboard user, recording every stop whose focus is not visible."""

    def __init__(self, page) -> None:  # noqa: ANN001
        self.page = page
        self.invisible: list[dict] = []

    def tab_to(self, matches, what: str, backwards: bool = False) -> dict:  # noqa: ANN001 - dict -> bool
        for _ in range(MAX_TABS):
            self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
            focus = self.page.evaluate(_FOCUS)
            if focus is None:
                continue
            if not focus["visible"]:
                self.invisible.append(focus)
            if matches(focus):
                return focus
        raise AssertionError(f"{what}: not reached in {MAX_TABS} Tab presses")

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)


def _until(page, condition: str, timeout_s: float = 10) -> None:  # noqa: ANN001
    """Wait until the JavaScript function `condition` is true (page.wait_for_function would need eval, which the
    app's Content-Security-Policy rightly refuses)."""
    import time

    deadline = time.monotonic() + timeout_s
    while not page.evaluate(condition):
        assert time.monotonic() < deadline, f"not true within {timeout_s}s: {condition}"
        page.wait_for_timeout(100)


def _heading(page, name: str | re.Pattern) -> None:  # noqa: ANN001
    page.get_by_role("heading", level=1, name=name).wait_for()
    page.wait_for_load_state("networkidle")


def _account(db_url: str, role: Role, slug: str) -> str:
    import uuid

    from sqlalchemy import select

    from db.accounts import create_user, grant_role

    email = f"toetsenbord-{uuid.uuid4().hex[:8]}@gemeente.nl"
    with session_scope(db_url) as s:
        pid = s.scalar(select(Programme.id).where(Programme.slug == slug))
        grant_role(s, create_user(s, email, "Toetsenbord Redacteur", PASSWORD), role, pid)
    return email


def _sign_in_with_keys(kb: Keyboard, base: str, email: str) -> None:
    kb.page.goto(base + "/inloggen?volgende=/beheer")
    _heading(kb.page, texts.SIGNIN_TITLE)
    kb.tab_to(lambda f: f["id"] == "inloggen-email", "the e-mail field")
    kb.type(email)
    kb.tab_to(lambda f: f["id"] == "inloggen-wachtwoord", "the password field")
    kb.type(PASSWORD)
    kb.press("Enter")
    kb.page.wait_for_url(lambda url: "/inloggen" not in url)


@pytest.mark.parametrize("theme", shipped_themes())
def test_overview_programme_result_story_and_back(browser, themed_app, theme: str) -> None:  # noqa: ANN001
    app = themed_app(theme)
    with browser_page(browser) as page:
        kb = Keyboard(page)
        page.goto(app.url + "/")
        _heading(page, "Programma's")
        skip = kb.tab_to(lambda f: True, "the first Tab stop")
        assert skip["text"] == texts.SKIP_LINK
        kb.press("Enter")
        assert page.evaluate("document.activeElement.id") == "inhoud"
        kb.tab_to(lambda f: f["text"] == "Sociaal en Vitaal", "the programme card")
        kb.press("Enter")
        _heading(page, "Sociaal en Vitaal")
        story = kb.tab_to(lambda f: f["href"].startswith("/verhaal/") and page.evaluate(
            "() => !!document.activeElement.closest('.result-row')"), "a result's story link")
        row = page.evaluate("() => document.activeElement.closest('.result-row').id")
        kb.press("Enter")
        page.wait_for_url(re.compile(re.escape(story["href"]) + "$"))
        page.locator("h1").wait_for()
        page.wait_for_load_state("networkidle")
        kb.tab_to(lambda f: f["href"].endswith(f"#{row}"), "the link back to the result")
        kb.press("Enter")
        page.wait_for_url(re.compile(f"#{row}$"))
        _until(page, f"() => document.activeElement && document.activeElement.id === '{row}'")
        assert page.locator(f"#{row}").evaluate("el => el.classList.contains('is-target')")
        assert kb.invisible == [], f"focus not visible ({theme}): {kb.invisible[:5]}"


@pytest.mark.parametrize("theme", shipped_themes())
def test_sign_in_edit_a_result_and_submit_it(browser, themed_app, theme: str) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from db.accounts import find_user
    from db.write import create_result

    app = themed_app(theme)
    slug = "sociaal-en-vitaal"
    email = _account(app.db_url, Role.EDITOR, slug)
    with session_scope(app.db_url) as s:
        project = s.scalar(select(Project.id).join(ProgrammeLine).join(Programme).where(Programme.slug == slug)
                           .order_by(Project.id).limit(1))
        ref = create_result(s, find_user(s, email), project, {
            "name": f"Toetsenbordresultaat {theme}", "kind": "hoeveel", "unit": "deelnemers",
            "desired_direction": "meer", "decimals": "0"})
    with browser_page(browser) as page:
        kb = Keyboard(page)
        _sign_in_with_keys(kb, app.url, email)
        _heading(page, texts.BEHEER_TITLE)
        kb.tab_to(lambda f: f["href"] == f"/beheer/resultaat/{ref.id}", "the result in the work list")
        kb.press("Enter")
        _heading(page, re.compile(f"Toetsenbordresultaat {theme}"))
        name = kb.tab_to(lambda f: f["tag"] == "INPUT" and '"field":"name"' in f["id"], "the name field")
        assert name["text"] == f"Toetsenbordresultaat {theme}"
        kb.press("End")
        kb.type(" (gewijzigd)")
        kb.tab_to(lambda f: f["tag"] == "BUTTON" and f["text"] == texts.EDIT_SAVE, "Opslaan")
        kb.press("Enter")
        page.locator("#bewerk-melding", has_text="pgeslagen").wait_for()
        page.wait_for_load_state("networkidle")
        kb.tab_to(lambda f: f["tag"] == "BUTTON" and f["text"] == texts.STEP_LABELS["ingediend"], "Indienen")
        kb.press("Enter")
        page.locator("#bewerk-melding", has_text="Stap gezet: ingediend").wait_for()
        assert kb.invisible == [], f"focus not visible ({theme}): {kb.invisible[:5]}"
    with session_scope(app.db_url) as s:
        from db.models import Result

        row = s.get(Result, ref.id)
        assert (row.name, row.workflow_state) == (f"Toetsenbordresultaat {theme} (gewijzigd)", "ingediend")


@pytest.mark.parametrize("theme", shipped_themes())
def test_quarter_grid_with_the_keyboard(browser, themed_app, theme: str) -> None:  # noqa: ANN001
    app = themed_app(theme)
    slug, quarter = "zorg-en-veiligheid", "2026-Q4"
    email = _account(app.db_url, Role.EDITOR, slug)
    with browser_page(browser) as page:
        kb = Keyboard(page)
        _sign_in_with_keys(kb, app.url, email)
        _heading(page, texts.BEHEER_TITLE)
        kb.tab_to(lambda f: f["href"] == f"/beheer/programma/{slug}/kwartaal/{quarter}", "the grid link")
        kb.press("Enter")
        _heading(page, re.compile(quarter))
        kb.tab_to(lambda f: '"target"' in f["id"], "the first target field")
        kb.type("12")
        kb.tab_to(lambda f: '"realised"' in f["id"], "the first realised field")
        kb.type("9")
        kb.tab_to(lambda f: f["tag"] == "INPUT" and page.evaluate(
            "document.activeElement.type") == "radio", "the first status")
        kb.press("ArrowDown")  # a radio group: arrows choose, Tab leaves
        chosen = page.evaluate("document.activeElement.value")
        kb.tab_to(lambda f: f["tag"] == "TEXTAREA", "the first explanation")
        kb.type(f"Ingevoerd met het toetsenbord ({theme}).")
        kb.tab_to(lambda f: f["tag"] == "BUTTON" and f["text"] == texts.GRID_SAVE, texts.GRID_SAVE)
        kb.press("Enter")
        page.locator("#kwartaal-melding", has_text="Opgeslagen").wait_for()
        assert kb.invisible == [], f"focus not visible ({theme}): {kb.invisible[:5]}"
    with session_scope(app.db_url) as s:
        from sqlalchemy import select

        from db.models import Measurement

        m = s.scalar(select(Measurement).where(Measurement.explanation == f"Ingevoerd met het toetsenbord ({theme})."))
        assert m is not None and (float(m.target), float(m.realised), m.status) == (12, 9, chosen)


def test_reduced_motion_is_respected(browser, demo_app_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(demo_app_url + "/")
        _heading(page, "Programma's")
        card = page.locator(".programme-card").first
        assert card.evaluate("el => getComputedStyle(el).transitionDuration") in ("0s", "1e-05s")
        assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    finally:
        context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL",
                                  reduced_motion="no-preference")
    try:
        page = context.new_page()
        page.goto(demo_app_url + "/")
        _heading(page, "Programma's")
        assert page.locator(".programme-card").first.evaluate("el => getComputedStyle(el).transitionDuration") == \
            "0.15s"  # the same card moves when motion is fine: the test above can fail
    finally:
        context.close()

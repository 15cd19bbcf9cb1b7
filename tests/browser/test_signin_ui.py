"""Sign-in in headless Chromium: from the header to /inloggen and back with the keyboard only, the name in the header,
sign-out, and the Dutch error after a wrong password – all without axe-core violations or console errors."""

from __future__ import annotations

import os
import re
import uuid

import pytest

from dashboard import texts
from db.accounts import create_user
from db.session import session_scope
from tests.browser.axe import format_violations, run_axe
from tests.browser.test_pages import open_page

pytestmark = pytest.mark.browser
PASSWORD = "toetsenbord en muis"


def _account(name: str) -> str:
    email = f"{uuid.uuid4().hex[:10]}@gemeente.nl"
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as session:
        create_user(session, email, name, PASSWORD)
    return email


def tab_to(page, selector: str, limit: int = 40) -> None:  # noqa: ANN001
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"{selector} not reached with {limit} presses of Tab")


def assert_clean(page) -> None:  # noqa: ANN001
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    assert page.console_errors == []


def test_sign_in_and_out_with_the_keyboard(page, demo_app_url: str) -> None:  # noqa: ANN001
    email = _account("Toetsenbord Tester")
    open_page(page, demo_app_url + "/wijken", "Wijken van Almelo")
    sign_in_link = page.locator("#account-area a", has_text=texts.ACCOUNT_SIGN_IN)
    sign_in_link.wait_for()
    tab_to(page, "#account-area a")
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name=texts.SIGNIN_TITLE).wait_for()
    assert re.search(r"/inloggen\?volgende=%2Fwijken", page.url)

    tab_to(page, "#inloggen-email")
    page.keyboard.type(email.upper())  # addresses are matched case-insensitively
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "inloggen-wachtwoord"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/wijken$"))
    page.get_by_role("heading", level=1, name="Wijken van Almelo").wait_for()
    page.locator("#account-area", has_text="Ingelogd als Toetsenbord Tester").wait_for()
    assert page.locator("#account-area .account-manage").count() == 0  # no role: no work list to link to
    page.wait_for_load_state("networkidle")
    assert_clean(page)

    tab_to(page, "#account-area button")
    assert page.evaluate("document.activeElement.textContent") == texts.ACCOUNT_SIGN_OUT
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name=texts.OVERVIEW_TITLE).wait_for()
    page.locator("#account-area a", has_text=texts.ACCOUNT_SIGN_IN).wait_for()
    assert page.locator("#account-area", has_text="Ingelogd als").count() == 0
    assert page.console_errors == []


def test_wrong_password_shows_the_dutch_error_next_to_the_form(page, demo_app_url: str) -> None:  # noqa: ANN001
    email = _account("Vergeetachtig")
    open_page(page, demo_app_url + "/inloggen?volgende=/programma/sociaal-en-vitaal", texts.SIGNIN_TITLE)
    page.get_by_label(texts.SIGNIN_EMAIL).fill(email)
    page.get_by_label(texts.SIGNIN_PASSWORD).fill("dit is het niet")
    page.get_by_role("button", name=texts.SIGNIN_BUTTON).click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert alert.inner_text() == texts.SIGNIN_ERRORS["onjuist"]
    assert "fout=onjuist" in page.url and "volgende=%2Fprogramma%2Fsociaal-en-vitaal" in page.url
    assert page.locator("#account-area", has_text="Ingelogd als").count() == 0
    page.wait_for_load_state("networkidle")
    assert_clean(page)

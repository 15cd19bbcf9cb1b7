"""Account administration in headless Chromium: an admin goes from /beheer to /beheer/gebruikers and, with the keyboard
only, creates an account (refused first: errors next to their fields, linked with aria-describedby and aria-invalid),
grants it the editor role for Sociaal en Vitaal (refused first without a programme); the new account then signs in
with the temporary password and finds that programme on /beheer. axe-core (WCAG 2.1 A/AA) on the list and the
account pages with an error shown, at 1280 and 375 px wide, and no console errors."""

from __future__ import annotations

import os
import re
import uuid

import pytest

from dashboard import texts
from db.accounts import create_user, grant_role
from db.session import session_scope
from indicators.enums import Role
from tests.browser.editor_support import PASSWORD, browser_page, clean, sign_in
from tests.browser.test_signin_ui import tab_to

pytestmark = pytest.mark.browser
NAME, EMAIL, NEW_PASSWORD = "#gebruiker-naam", "#gebruiker-email", "#gebruiker-wachtwoord"


def _admin(name: str) -> str:
    """A new admin account in the test app's database (password: editor_support.PASSWORD); its e-mail address."""
    email = f"admin-{uuid.uuid4().hex[:8]}@gemeente.nl"
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as s:
        grant_role(s, create_user(s, email, name, PASSWORD), Role.ADMIN)
    return email


def _described(page, selector: str) -> list[str]:  # noqa: ANN001
    return (page.get_attribute(selector, "aria-describedby") or "").split()


def _choose(page, group: str, label: str) -> None:  # noqa: ANN001
    """Check the radio button labelled `label` in the group `group` with the keyboard: Tab into the group, Space,
    then the arrow keys."""
    tab_to(page, f"#{group} input[type=radio]")
    page.keyboard.press("Space")
    for _ in range(10):
        checked = page.evaluate("g => { const r = document.querySelector('#' + g + ' input:checked');"
                                " return r ? r.closest('label').textContent : null; }", group)
        if checked and checked.strip() == label:
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"{label} not reached in {group}")


def _type_new_account(page, name: str, email: str, password: str) -> None:  # noqa: ANN001
    for selector, text in ((NAME, name), (EMAIL, email), (NEW_PASSWORD, password)):
        tab_to(page, selector)
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
        page.keyboard.type(text)
    tab_to(page, "#gebruiker-aanmaken")
    page.keyboard.press("Enter")


def test_admin_creates_an_editor_who_signs_in(browser, page, demo_app_url: str) -> None:  # noqa: ANN001
    base = demo_app_url
    admin_email = _admin("Bea Beheerder")
    sign_in(page, base, admin_email)
    tab_to(page, "a[href='/beheer/gebruikers']")
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name=texts.USERS_TITLE).wait_for()
    table = page.get_by_role("table", name=re.compile(texts.USERS_TABLE.split("(")[0]))
    assert table.get_by_role("columnheader", name=texts.USERS_COLS[3]).count() == 1
    assert table.get_by_role("rowheader", name="Bea Beheerder").count() == 1
    clean(page)

    tab_to(page, "a[href='/beheer/gebruikers/nieuw']")
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name=texts.USERS_NEW).wait_for()
    page.wait_for_function("() => document.querySelector('#gebruiker-wachtwoord[aria-describedby]') !== null")
    assert _described(page, NEW_PASSWORD) == ["gebruiker-wachtwoord-uitleg"]
    assert page.get_attribute(NEW_PASSWORD, "autocomplete") == "new-password"

    # refused: an address that already has an account, and a short password
    _type_new_account(page, "Rik Redacteur", admin_email.upper(), "kort")
    page.get_by_role("alert").filter(has_text=texts.USERS_NOT_CREATED).wait_for()
    page.wait_for_function("() => document.querySelector('#gebruiker-email[aria-invalid=\"true\"]') !== null")
    assert "Er is al een account" in page.inner_text("#gebruiker-email-fout")
    assert _described(page, EMAIL) == ["gebruiker-email-fout"]
    assert _described(page, NEW_PASSWORD) == ["gebruiker-wachtwoord-uitleg", "gebruiker-wachtwoord-fout"]
    assert page.get_attribute(NAME, "aria-invalid") is None
    assert page.input_value(NEW_PASSWORD) == ""
    clean(page)

    # created
    new_email = f"rik-{uuid.uuid4().hex[:8]}@gemeente.nl"
    _type_new_account(page, "Rik Redacteur", new_email, PASSWORD)
    page.wait_for_url(re.compile(r"/beheer/gebruikers/\d+\?aangemaakt=1$"))
    page.get_by_role("heading", level=1, name=texts.USERS_ACCOUNT_TITLE.format(name="Rik Redacteur")).wait_for()
    page.get_by_role("status").filter(has_text="Het account is aangemaakt").wait_for()
    assert page.get_by_text(texts.USERS_NO_GRANTS).count() == 1

    # refused: the editor role without a programme
    _choose(page, "gebruiker-rol", texts.USERS_ROLE_OPTIONS["editor"])
    tab_to(page, "#gebruiker-toekennen")
    page.keyboard.press("Enter")
    page.locator("#gebruiker-programma-fout", has_text="Kies het programma").wait_for()
    page.get_by_role("alert").filter(has_text="Kies het programma").wait_for()
    clean(page)

    # granted
    _choose(page, "gebruiker-programma", "Sociaal en Vitaal")
    tab_to(page, "#gebruiker-toekennen")
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="heeft nu de rol redacteur bij Sociaal en Vitaal").wait_for()
    assert page.inner_text("#gebruiker-programma-fout") == ""
    page.get_by_role("button", name="Rol redacteur bij Sociaal en Vitaal intrekken").wait_for()
    clean(page)

    # the new account signs in with the temporary password and has its work list
    with browser_page(browser) as theirs:
        sign_in(theirs, base, new_email)
        theirs.get_by_role("heading", level=2, name="Sociaal en Vitaal").wait_for()
        assert theirs.get_by_role("heading", level=2, name="Zorg en Veiligheid").count() == 0
        assert theirs.locator("a[href='/beheer/gebruikers']").count() == 0  # not an admin
        clean(theirs)


def test_account_pages_on_a_phone(phone_page, demo_app_url: str) -> None:  # noqa: ANN001
    page = phone_page
    sign_in(page, demo_app_url, _admin("Telefoon Beheerder"))
    page.goto(demo_app_url + "/beheer/gebruikers")
    page.get_by_role("heading", level=1, name=texts.USERS_TITLE).wait_for()
    clean(page, phone=True)
    page.get_by_role("link", name="Telefoon Beheerder").first.click()
    page.get_by_role("heading", level=1, name=texts.USERS_ACCOUNT_TITLE.format(name="Telefoon Beheerder")).wait_for()
    assert page.get_by_text(texts.USERS_OWN_ACCOUNT).count() == 1
    assert page.get_by_role("button", name=texts.USERS_DEACTIVATE).count() == 0  # not for one's own account
    # refused: no role chosen
    page.get_by_role("button", name=texts.USERS_GRANT).click()
    page.locator("#gebruiker-rol-fout", has_text="Kies een rol").wait_for()
    clean(page, phone=True)
    page.goto(demo_app_url + "/beheer/gebruikers/nieuw")
    page.get_by_role("heading", level=1, name=texts.USERS_NEW).wait_for()
    page.get_by_role("button", name=texts.USERS_CREATE).click()
    page.wait_for_function("() => document.querySelector('#gebruiker-naam[aria-invalid=\"true\"]') !== null")
    clean(page, phone=True)
    # a corrected field is no longer marked invalid
    page.get_by_label(texts.USERS_NAME).fill("Iemand")
    page.get_by_role("button", name=texts.USERS_CREATE).click()
    page.wait_for_function("() => document.querySelector('#gebruiker-naam:not([aria-invalid])') !== null")
    assert _described(page, NAME) == [] and page.get_attribute(EMAIL, "aria-invalid") == "true"

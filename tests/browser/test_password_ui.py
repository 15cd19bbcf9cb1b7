"""Changing one's own password in headless Chromium: from the header's link to /account/wachtwoord and through the
form with the keyboard only – refused first (errors in a summary and by their fields, linked with aria-describedby
and aria-invalid), then changed – without axe-core violations or console errors, at 1280 and 375 px wide."""

from __future__ import annotations

import re

import pytest

from dashboard import texts
from indicators.enums import Role
from tests.browser.editor_support import PASSWORD, account, clean, sign_in
from tests.browser.test_signin_ui import tab_to

pytestmark = pytest.mark.browser
NEW = "een nieuw wachtwoord voor de test"
CURRENT, NEW_FIELD, REPEAT = "#wachtwoord-huidig-wachtwoord", "#wachtwoord-nieuw-wachtwoord", \
    "#wachtwoord-nieuw-wachtwoord-herhaald"


def _type_fields(page, current: str, new: str, repeat: str) -> None:  # noqa: ANN001
    """Fill the three fields with the keyboard, from the first one down with Tab."""
    tab_to(page, CURRENT)
    page.keyboard.type(current)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == NEW_FIELD[1:]
    page.keyboard.type(new)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == REPEAT[1:]
    page.keyboard.type(repeat)


def _described(page, selector: str) -> list[str]:  # noqa: ANN001
    return (page.get_attribute(selector, "aria-describedby") or "").split()


def test_change_password_with_the_keyboard(page, demo_app_url: str) -> None:  # noqa: ANN001
    email = account("Wachtwoord Wisselaar", Role.EDITOR)
    sign_in(page, demo_app_url, email)
    link = page.locator("#account-area a", has_text=texts.ACCOUNT_PASSWORD)
    link.wait_for()
    tab_to(page, "#account-area a.account-password")
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name=texts.PASSWORD_TITLE).wait_for()
    assert page.url.endswith("/account/wachtwoord")
    page.wait_for_function("() => document.querySelector('#wachtwoord-nieuw-wachtwoord[aria-describedby]') !== null")
    assert _described(page, NEW_FIELD) == ["wachtwoord-nieuw-wachtwoord-uitleg"]
    assert page.get_attribute(CURRENT, "autocomplete") == "current-password"
    assert page.get_attribute(NEW_FIELD, "autocomplete") == page.get_attribute(REPEAT, "autocomplete") == "new-password"
    clean(page)

    # refused: a wrong current password and two different new ones
    _type_fields(page, "dit is het niet", NEW, NEW + " anders")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/account/wachtwoord\?fout="))
    summary = page.get_by_role("alert")
    summary.wait_for()
    assert texts.PASSWORD_ERRORS["huidig-onjuist"] in summary.inner_text()
    assert texts.PASSWORD_ERRORS["ongelijk"] in summary.inner_text()
    page.wait_for_function(
        "() => document.querySelector('#wachtwoord-huidig-wachtwoord[aria-invalid=\"true\"]') !== null")
    assert _described(page, CURRENT) == ["wachtwoord-huidig-wachtwoord-fout"]
    assert page.get_attribute(REPEAT, "aria-invalid") == "true"
    assert page.get_attribute(NEW_FIELD, "aria-invalid") is None
    assert page.input_value(CURRENT) == page.input_value(NEW_FIELD) == page.input_value(REPEAT) == ""
    clean(page)

    # a link in the summary takes the keyboard to its field
    tab_to(page, "#wachtwoord-fouten a[href='#wachtwoord-huidig-wachtwoord']")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.id === 'wachtwoord-huidig-wachtwoord'")

    # changed
    _type_fields(page, PASSWORD, NEW, NEW)
    tab_to(page, "#wachtwoord-knop")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/account/wachtwoord\?gewijzigd=1$"))
    status = page.get_by_role("status").filter(has_text=texts.PASSWORD_CHANGED)
    status.wait_for()
    page.locator("#account-area", has_text="Ingelogd als Wachtwoord Wisselaar").wait_for()  # still signed in
    assert page.get_by_role("alert").count() == 0
    clean(page)


def test_password_form_on_a_phone(phone_page, demo_app_url: str) -> None:  # noqa: ANN001
    page = phone_page
    email = account("Telefoon Gebruiker", Role.EDITOR)
    sign_in(page, demo_app_url, email)
    page.goto(demo_app_url + "/account/wachtwoord")
    page.get_by_role("heading", level=1, name=texts.PASSWORD_TITLE).wait_for()
    clean(page, phone=True)
    # refused without counting a failure: a new password that is too short and not repeated alike
    _type_fields(page, PASSWORD, "kort", "anders")
    page.keyboard.press("Enter")
    page.get_by_role("alert").wait_for()
    assert "fout=te-kort,ongelijk" in page.url
    page.wait_for_function(
        "() => document.querySelector('#wachtwoord-nieuw-wachtwoord[aria-invalid=\"true\"]') !== null")
    assert _described(page, NEW_FIELD) == ["wachtwoord-nieuw-wachtwoord-uitleg", "wachtwoord-nieuw-wachtwoord-fout"]
    clean(page, phone=True)

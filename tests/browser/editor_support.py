"""Browser-test helpers for the signed-in side: accounts with a role in the demo programme, a page in its own
browser context (another person), sign-in through /beheer, and the axe + console check after each step."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select

from dashboard import texts
from db.accounts import create_user, grant_role
from db.models import Programme
from db.session import session_scope
from indicators.enums import Role
from tests.browser.axe import format_violations, run_axe

PASSWORD = "kwartaal drie invoeren"
SLUG = "sociaal-en-vitaal"


def account(name: str, role: Role, slug: str = SLUG) -> str:
    """A new account with `role` for programme `slug` in the test app's database; its e-mail address."""
    email = f"{role.value}-{uuid.uuid4().hex[:8]}@gemeente.nl"
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as s:
        pid = s.scalar(select(Programme.id).where(Programme.slug == slug))
        grant_role(s, create_user(s, email, name, PASSWORD), role, pid)
    return email


@contextmanager
def browser_page(browser, width: int = 1280, height: int = 900) -> Iterator:  # noqa: ANN001
    """A page in a fresh context (its own cookies: another person), closed afterwards."""
    from tests.browser.conftest import _new_page

    pages = _new_page(browser, width, height)
    try:
        yield next(pages)
    finally:
        pages.close()


def clean(page, phone: bool = False) -> None:  # noqa: ANN001
    """No axe-core violation and no console error (and, on a phone, no sideways scrolling)."""
    page.wait_for_load_state("networkidle")
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    assert page.console_errors == []
    if phone:
        assert page.evaluate("document.documentElement.scrollWidth") <= 375


def sign_in(page, base: str, email: str) -> None:  # noqa: ANN001
    """From /beheer's sign-in link through /inloggen back to the work list."""
    page.goto(base + "/beheer")
    page.get_by_role("link", name=texts.BEHEER_SIGN_IN).click()
    page.get_by_role("heading", level=1, name=texts.SIGNIN_TITLE).wait_for()
    page.get_by_label(texts.SIGNIN_EMAIL).fill(email)
    page.get_by_label(texts.SIGNIN_PASSWORD).fill(PASSWORD)
    page.get_by_role("button", name=texts.SIGNIN_BUTTON).click()
    page.wait_for_url(re.compile(r"/beheer$"))
    page.get_by_role("heading", level=1, name=texts.BEHEER_TITLE).wait_for()
    page.wait_for_load_state("networkidle")

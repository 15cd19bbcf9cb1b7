"""The quarterly meeting in headless Chromium: an approver of Sociaal en Vitaal signs in, follows the link from /beheer
to /beheer/kwartaal/<q>, records an actiepunt with the keyboard only, sees it in the quarter report /kwartaal/<q>,
and marks it done; both pages say that the approver's account recorded it and marked it done. axe-core (WCAG 2.1
A/AA) finds nothing on the meeting page (also with its errors shown) at desktop and phone width, no console errors,
and no sideways scrolling at 375 px."""

from __future__ import annotations

import os
import re
import uuid
from datetime import UTC, date, datetime

import pytest

from dashboard import texts
from db.accounts import create_user, grant_role
from db.session import session_scope
from indicators.enums import Role
from indicators.formatting import format_date
from indicators.periods import last_ended_quarter
from tests.browser.editor_support import PASSWORD, account, browser_page, clean, sign_in

pytestmark = pytest.mark.browser


def test_approver_records_an_action_item_and_marks_it_done(browser, demo_app_url: str) -> None:  # noqa: ANN001
    base = demo_app_url
    quarter = last_ended_quarter(date.today())
    title = texts.MEETING_TITLE.format(label=quarter.label)
    action = f"Partners benaderen over het Pact {uuid.uuid4().hex[:6]}"
    email = account("Gijs Goedkeurder", Role.APPROVER)
    with browser_page(browser) as page:
        sign_in(page, base, email)
        link = page.get_by_role("link", name=texts.MEETING_LINK.format(quarter=quarter.code))
        link.focus()
        page.keyboard.press("Enter")
        page.get_by_role("heading", level=1, name=title).wait_for()
        page.wait_for_url(re.compile(rf"/beheer/kwartaal/{quarter.code}$"))
        assert page.get_by_role("button", name=texts.MEETING_PUBLISH).count() == 0  # admins only
        clean(page)

        form = page.get_by_role("form", name=texts.MEETING_FORM_LABEL.format(programme="Sociaal en Vitaal"))
        save = form.get_by_role("button", name=texts.MEETING_SAVE_LABEL.format(programme="Sociaal en Vitaal"))
        save.focus()
        page.keyboard.press("Enter")  # empty: the errors appear next to the fields
        form.locator(".field-error", has_text=texts.MEETING_ERR_TEXT).wait_for()
        clean(page)

        # the keyboard only: choose Actiepunt, then Tab through text, owner and date to the button
        form.get_by_role("radio", name=texts.NOTE_KIND_LABELS["actiepunt"]).focus()
        page.keyboard.press("Space")
        assert form.get_by_role("radio", name=texts.NOTE_KIND_LABELS["actiepunt"]).is_checked()
        form.get_by_label(re.compile(f"^{texts.MEETING_TEXT}")).focus()
        page.keyboard.type(action)
        page.keyboard.press("Tab")
        page.keyboard.type("A. de Vries")
        page.keyboard.press("Tab")
        page.keyboard.type("12122026")  # day and month alike: the same in any date-field order
        assert form.get_by_label(re.compile(f"^{texts.MEETING_DUE}")).input_value() == "2026-12-12"
        for _ in range(4):  # past the date field's own segments (Chromium keeps Tab inside it until the year)
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent") == texts.MEETING_SAVE:
                break
        assert page.evaluate("document.activeElement.textContent") == texts.MEETING_SAVE
        page.keyboard.press("Enter")
        page.get_by_role("status").filter(has_text=texts.MEETING_SAVED.format(kind="Actiepunt")).wait_for()
        item = page.locator(".meeting-notes li", has_text=action)
        item.wait_for()
        assert "open" in item.inner_text()
        recorded = f"vastgelegd door Gijs Goedkeurder op {format_date(datetime.now(UTC))}"
        assert recorded in item.inner_text()
        clean(page)

        page.goto(f"{base}/kwartaal/{quarter.code}")
        page.get_by_role("heading", level=1, name=texts.QUARTER_TITLE.format(label=quarter.label)).wait_for()
        assert page.locator(".note", has_text=action).filter(has_text=recorded).count() == 1
        manage = page.get_by_role("link", name=texts.MEETING_MANAGE_LINK.format(publish=""))
        manage.focus()
        page.keyboard.press("Enter")
        page.get_by_role("heading", level=1, name=title).wait_for()

        # done within the quarter (the report shows the state at the quarter's end): its third month's day N of N
        month = quarter.start.month + 2
        item = page.locator(".meeting-notes li", has_text=action)
        item.get_by_role("textbox", name=f"{texts.MEETING_DONE_DATE} – {action}").focus()
        page.keyboard.type(f"{month:02d}{month:02d}{quarter.start.year}")
        page.keyboard.press("Tab")
        done = page.get_by_role("button", name=texts.MEETING_DONE_LABEL.format(text=action))
        for _ in range(3):
            if page.evaluate("document.activeElement.getAttribute('aria-label')") == done.get_attribute("aria-label"):
                break
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.get_by_role("status").filter(has_text="Actiepunt afgerond op").wait_for()
        today = format_date(date(quarter.start.year, month, month))
        done_by = f"afgerond op {today} door Gijs Goedkeurder"
        page.locator(".meeting-notes li", has_text=action).filter(has_text=done_by).wait_for()
        clean(page)

        page.goto(f"{base}/kwartaal/{quarter.code}")
        page.get_by_role("heading", level=1, name=texts.QUARTER_TITLE.format(label=quarter.label)).wait_for()
        assert page.locator(".note", has_text=action).filter(has_text=done_by).count() == 1

    with browser_page(browser, 375, 812) as phone:
        sign_in(phone, base, email)
        phone.goto(f"{base}/beheer/kwartaal/{quarter.code}")
        phone.get_by_role("heading", level=1, name=title).wait_for()
        clean(phone, phone=True)


def test_admin_sees_the_publish_step_with_confirmation(browser, demo_app_url: str) -> None:  # noqa: ANN001
    """An admin's page has the publish button and its confirmation; axe at both widths (publishing itself, with
    its PDF, is covered over HTTP in tests/integration/test_authz_quarter.py). Cancelling publishes nothing."""
    base = demo_app_url
    email = f"admin-{uuid.uuid4().hex[:8]}@gemeente.nl"
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as s:
        grant_role(s, create_user(s, email, "Anna Beheer", PASSWORD), Role.ADMIN)
    quarter = last_ended_quarter(date.today()).previous()
    for width, height in ((1280, 900), (375, 812)):
        with browser_page(browser, width, height) as page:
            sign_in(page, base, email)
            page.goto(f"{base}/beheer/kwartaal/{quarter.code}")
            page.get_by_role("heading", level=1, name=texts.MEETING_TITLE.format(label=quarter.label)).wait_for()
            publish = page.get_by_role("button", name=texts.MEETING_PUBLISH)
            publish.focus()
            page.keyboard.press("Enter")
            yes = page.get_by_role("button", name=texts.MEETING_CONFIRM_YES.format(label=quarter.label))
            yes.wait_for()
            clean(page, phone=width == 375)
            page.get_by_role("button", name=texts.MEETING_CONFIRM_NO).click()
            page.get_by_role("status").filter(has_text=texts.MEETING_CANCELLED).wait_for()
            assert yes.is_hidden()
            assert page.get_by_text(texts.QUARTER_DRAFT).count() == 1

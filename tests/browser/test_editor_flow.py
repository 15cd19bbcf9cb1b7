"""The programme manager's whole path in headless Chromium: an editor of Sociaal en Vitaal signs in, enters a Q3
measurement in the quarter grid and a story (with consent and transcript), submits both; an approver approves and
publishes them; an anonymous visitor sees both on the programme page; the items' audit trails list every step.
Along the way: axe-core (WCAG 2.1 A/AA) on /beheer, the forms (also with their errors shown) and the conflict view,
at desktop and phone width, and no console errors."""

from __future__ import annotations

import re
import uuid

import pytest

from dashboard import texts
from indicators.enums import Role
from tests.browser.editor_support import SLUG, account, browser_page, clean, sign_in

pytestmark = pytest.mark.browser
QUARTER = "2026-Q3"


def _step(page, label: str) -> None:  # noqa: ANN001
    """Press a workflow button on /beheer and wait for the list to come back."""
    page.get_by_role("button", name=label).first.click()
    page.locator("#beheer-melding", has_text="Stap gezet").wait_for()
    page.wait_for_load_state("networkidle")


def test_editor_enters_approver_publishes_raad_sees(browser, demo_app_url: str) -> None:  # noqa: ANN001
    base = demo_app_url
    editor_mail = account("Eva Redacteur", Role.EDITOR)
    approver_mail = account("Gijs Goedkeurder", Role.APPROVER)
    marker = f"Meer deelnemers na de zomer {uuid.uuid4().hex[:6]}"
    title = f"Samen aan tafel in de buurtkamer {uuid.uuid4().hex[:6]}"

    # --- the editor -------------------------------------------------------------------------------------------
    with browser_page(browser) as page:
        story_path = _editor_part(page, base, editor_mail, marker, title)
    with browser_page(browser) as page:
        _approver_part(page, base, approver_mail, title, story_path)
    with browser_page(browser) as page:
        page.goto(f"{base}/programma/{SLUG}")
        page.get_by_role("heading", level=1, name="Sociaal en Vitaal").wait_for()
        page.wait_for_load_state("networkidle")
        assert page.get_by_text(title).count() >= 1
        assert marker in page.content()
        page.goto(base + story_path)
        page.get_by_role("heading", level=1, name=texts.BEHEER_TITLE).wait_for()
        assert page.get_by_text(texts.AUDIT_TITLE).count() == 0


def _editor_part(page, base: str, editor_mail: str, marker: str, title: str) -> str:  # noqa: ANN001
    sign_in(page, base, editor_mail)
    clean(page)

    page.goto(f"{base}/beheer/programma/{SLUG}/kwartaal/{QUARTER}")
    page.get_by_role("heading", level=1, name=re.compile(QUARTER)).wait_for()
    clean(page)
    realised = page.locator("input[id*='kwartaal-veld'][id*='realised']").first
    result_id = re.search(r'"result":(\d+)', realised.get_attribute("id")).group(1)
    realised.fill("42")
    page.locator(f"textarea[id*='\"result\":{result_id},'][id*='explanation']").fill(marker)
    page.get_by_role("button", name=texts.GRID_SAVE).click()
    page.locator("#kwartaal-melding", has_text="Opgeslagen").wait_for()

    page.goto(f"{base}/beheer/verhaal/nieuw?programma={SLUG}")
    page.get_by_role("heading", level=1, name=texts.EDIT_TITLE_NEW.format(kind="Verhaal")).wait_for()
    clean(page)
    page.get_by_label(re.compile("^Titel")).fill("")
    page.get_by_role("button", name=texts.EDIT_SAVE).click()
    page.locator("#bewerk-melding [role=alert]").wait_for()
    assert page.locator(".field-error", has_text="Vul dit veld in.").count() >= 1
    clean(page)  # the form with its errors shown

    page.get_by_label(re.compile("^Titel")).fill(title)
    page.get_by_label("interview").check()
    page.get_by_label(re.compile("^Samenvatting")).fill("Bewoners vertellen over de buurtkamer.")
    page.get_by_label(re.compile("^Transcript")).fill("Interviewer: Waarom komt u hier? Bewoner: Voor de koffie.")
    page.get_by_label(re.compile("^Datum")).fill("2026-09-15")
    page.get_by_label(texts.CONSENT_OPTION).check()
    page.get_by_role("button", name=texts.EDIT_SAVE).click()
    page.wait_for_url(re.compile(r"/beheer/verhaal/\d+\?opgeslagen=1$"))
    story_path = page.url.split(base)[1].split("?")[0]
    page.get_by_role("button", name=texts.STEP_LABELS["ingediend"]).click()
    page.locator("#bewerk-melding", has_text="Stap gezet: ingediend").wait_for()
    clean(page)

    page.locator("#account-area").get_by_role("link", name=texts.ACCOUNT_MANAGE).click()  # the header leads there
    page.get_by_role("heading", level=1, name=texts.BEHEER_TITLE).wait_for()
    _step(page, re.compile(rf"^Indienen: Meting ‘{QUARTER}’"))
    return story_path


def _approver_part(page, base: str, approver_mail: str, title: str, story_path: str) -> None:  # noqa: ANN001
    sign_in(page, base, approver_mail)
    clean(page)
    for step in ("Goedkeuren", "Publiceren"):
        _step(page, f"{step}: Verhaal ‘{title}’")
        _step(page, re.compile(rf"^{step}: Meting ‘{QUARTER}’"))
    clean(page)

    page.goto(base + story_path)
    page.get_by_role("heading", level=1, name=re.compile(title)).wait_for()
    trail = page.locator(".audit-table")
    for action in ("aangemaakt", "ingediend", "goedgekeurd", "gepubliceerd"):
        assert trail.locator("td", has_text=re.compile(f"^{action}$")).count() >= 1, action
    assert trail.locator("td", has_text="Eva Redacteur").count() >= 1
    assert trail.locator("td", has_text="Gijs Goedkeurder").count() >= 2
    clean(page)


def test_measurement_audit_conflict_and_phone_layout(browser, demo_app_url: str) -> None:  # noqa: ANN001
    """The measurement page's audit trail, the conflict view of two tabs saving the same version, and the phone."""
    base = demo_app_url
    email = account("Tom Tweetabs", Role.EDITOR)
    with browser_page(browser) as page:
        path, name = _conflict_part(page, base, email)
    with browser_page(browser, 375, 812) as phone:
        sign_in(phone, base, email)
        clean(phone, phone=True)
        for url, heading in ((base + path, re.compile(name)),
                             (f"{base}/beheer/verhaal/nieuw?programma={SLUG}", re.compile("Verhaal")),
                             (f"{base}/beheer/programma/{SLUG}/kwartaal/{QUARTER}", re.compile(QUARTER))):
            phone.goto(url)
            phone.get_by_role("heading", level=1, name=heading).wait_for()
            clean(phone, phone=True)


def _conflict_part(page, base: str, email: str) -> tuple[str, str]:  # noqa: ANN001
    sign_in(page, base, email)
    page.goto(f"{base}/beheer/project/nieuw?programma={SLUG}")
    page.get_by_role("heading", level=1, name=texts.EDIT_TITLE_NEW.format(kind="Project")).wait_for()
    name = f"Buurtkamer-test {uuid.uuid4().hex[:6]}"
    page.get_by_label(re.compile("^Naam")).fill(name)
    page.locator("fieldset", has_text="Programmalijn").locator("input").first.check()
    page.get_by_role("button", name=texts.EDIT_SAVE).click()
    page.wait_for_url(re.compile(r"/beheer/project/\d+"))
    path = page.url.split(base)[1].split("?")[0]
    page.locator(".audit-table td", has_text=re.compile("^aangemaakt$")).first.wait_for()

    other = page.context.new_page()
    other.console_errors = page.console_errors
    other.goto(base + path)
    other.get_by_role("heading", level=1, name=re.compile(name)).wait_for()
    page.goto(base + path)
    page.get_by_role("heading", level=1, name=re.compile(name)).wait_for()
    page.get_by_label(re.compile("^Omschrijving")).fill("Eerste tab")
    page.get_by_role("button", name=texts.EDIT_SAVE).click()
    page.locator("#bewerk-melding", has_text="Opgeslagen").wait_for()
    other.get_by_label(re.compile("^Omschrijving")).fill("Tweede tab")
    other.get_by_role("button", name=texts.EDIT_SAVE).click()
    other.get_by_role("heading", name=texts.CONFLICT_TITLE).wait_for()
    view = other.locator(".conflict-view")
    assert view.get_by_text("Eerste tab").count() == 1 and view.get_by_text("Tweede tab").count() == 1
    clean(other)
    other.get_by_role("link", name=texts.CONFLICT_RELOAD).click()
    other.get_by_role("heading", level=1, name=re.compile(name)).wait_for()
    assert other.get_by_label(re.compile("^Omschrijving")).input_value() == "Eerste tab"
    return path, name

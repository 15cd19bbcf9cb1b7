"""Correcting a published measurement in headless Chromium (issue 13, item 5): an editor changes it and submits the
new version, the work list shows the published item and its new version, an anonymous visitor still sees the
published value on the programme page; a second account approves and publishes; then the visitor sees the new
value. And an editor withdraws a new version: the form shows the published values again. axe-core on every editor
page along the way, no console errors."""

from __future__ import annotations

import os
import re
import uuid

import pytest
from sqlalchemy import select

from dashboard import texts
from db.models import Measurement, Programme, ProgrammeLine, Project, Result
from db.session import session_scope
from indicators.enums import Role, WorkflowState
from indicators.formatting import format_number
from tests.browser.editor_support import SLUG, account, browser_page, clean, sign_in

pytestmark = pytest.mark.browser


def _latest_published() -> tuple[int, int, float, int, str]:
    """(measurement id, result id, realised, decimals, unit) of the programme's last published result's latest
    measurement with a value – the one its row on the programme page shows; other browser tests use the first."""
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as s:
        result = s.scalars(select(Result).join(Project).join(ProgrammeLine).join(Programme)
                           .where(Programme.slug == SLUG, Result.workflow_state == WorkflowState.PUBLISHED,
                                  Project.workflow_state == WorkflowState.PUBLISHED)
                           .order_by(Result.id.desc())).first()
        m = s.scalars(select(Measurement).where(Measurement.result_id == result.id,
                                                Measurement.workflow_state == WorkflowState.PUBLISHED,
                                                Measurement.realised.is_not(None))
                      .order_by(Measurement.period_start.desc())).first()
        return m.id, result.id, m.realised, result.decimals, result.unit


def _realised_on_the_programme_page(browser, base: str, result_id: int) -> str:  # noqa: ANN001
    """What an anonymous visitor reads in the 'Gerealiseerd' cell of the result's row."""
    with browser_page(browser) as anon:
        anon.goto(f"{base}/programma/{SLUG}")
        anon.get_by_role("heading", level=1, name="Sociaal en Vitaal").wait_for()
        row = anon.locator(f"#resultaat-{result_id}")
        row.wait_for()
        return row.locator(":scope > td.num").nth(1).inner_text().strip()


def _step(page, label: str, state: str) -> None:  # noqa: ANN001
    page.get_by_role("button", name=label, exact=True).click()
    page.locator("#bewerk-melding", has_text=f"Stap gezet: {state}").wait_for()
    page.wait_for_load_state("networkidle")


def test_a_published_measurement_stays_published_until_its_correction_is(browser, demo_app_url: str) -> None:  # noqa: ANN001
    base = demo_app_url
    editor_mail = account("Rik Redacteur", Role.EDITOR)
    approver_mail = account("Anna Goedkeurder", Role.APPROVER)
    mid, rid, old, decimals, unit = _latest_published()
    new = old + 3
    shown_old, shown_new = format_number(old, decimals, unit), format_number(new, decimals, unit)
    assert _realised_on_the_programme_page(browser, base, rid) == shown_old

    with browser_page(browser) as page:  # the editor corrects it and submits the new version
        sign_in(page, base, editor_mail)
        page.goto(f"{base}/beheer/meting/{mid}")
        page.get_by_role("heading", level=1, name=re.compile("^Meting")).wait_for()
        assert page.get_by_text(texts.EDIT_PUBLISHED_WARNING).count() == 1
        page.get_by_label(re.compile("^Gerealiseerd")).fill(f"{new:g}".replace(".", ","))
        page.get_by_role("button", name=texts.EDIT_SAVE).click()
        page.locator("#bewerk-melding", has_text="Opgeslagen als nieuwe versie").wait_for()
        panel = page.locator(".workflow-panel")
        assert "Nieuwe versie: concept" in panel.inner_text()
        changes = page.locator(".revision-table tbody tr", has_text="Gerealiseerd")
        assert changes.locator("td").all_inner_texts() == [f"{old:g}", f"{new:g}"]
        clean(page)
        _step(page, texts.STEP_LABELS["ingediend"], "ingediend")
        clean(page)
        page.goto(f"{base}/beheer?programma={SLUG}")
        page.get_by_role("heading", level=1, name=texts.BEHEER_TITLE).wait_for()
        lines = page.locator(".worklist tr", has=page.locator(f"a[href='/beheer/meting/{mid}']"))
        texts_of = [" ".join(r.inner_text().split()) for r in lines.all()]
        assert any("gepubliceerd" in t and "nieuwe versie: ingediend" in t for t in texts_of), texts_of
        assert any("(nieuwe versie)" in t and "ingediend" in t for t in texts_of), texts_of
        clean(page)

    assert _realised_on_the_programme_page(browser, base, rid) == shown_old  # the raad: still the published value

    with browser_page(browser) as page:  # a second account approves and publishes
        sign_in(page, base, approver_mail)
        page.goto(f"{base}/beheer/meting/{mid}")
        page.get_by_role("heading", level=1, name=re.compile("^Meting")).wait_for()
        assert "Nieuwe versie: ingediend" in page.locator(".workflow-panel").inner_text()
        _step(page, texts.STEP_LABELS["goedgekeurd"], "goedgekeurd")
        assert _realised_on_the_programme_page(browser, base, rid) == shown_old
        _step(page, texts.STEP_LABELS["gepubliceerd"], "gepubliceerd")
        trail = page.locator(".audit-table")
        for action in ("nieuwe versie", "ingediend", "goedgekeurd", "gepubliceerd"):
            assert trail.locator("td", has_text=re.compile(f"^{action}$")).count() >= 1, action
        assert page.locator(".revision-table").count() == 0
        clean(page)

    assert _realised_on_the_programme_page(browser, base, rid) == shown_new


def test_an_editor_withdraws_a_new_version(browser, demo_app_url: str) -> None:  # noqa: ANN001
    base = demo_app_url
    mid, rid, old, decimals, unit = _latest_published()
    marker = f"Nog niet zeker {uuid.uuid4().hex[:6]}"
    with browser_page(browser) as page:
        sign_in(page, base, account("Wim Intrekker", Role.EDITOR))
        page.goto(f"{base}/beheer/meting/{mid}")
        page.get_by_role("heading", level=1, name=re.compile("^Meting")).wait_for()
        published = page.get_by_label(re.compile("^Toelichting")).input_value()
        page.get_by_label(re.compile("^Toelichting")).fill(marker)
        page.get_by_role("button", name=texts.EDIT_SAVE).click()
        page.locator("#bewerk-melding", has_text="Opgeslagen als nieuwe versie").wait_for()
        page.get_by_role("button", name=texts.STEP_LABELS["intrekken"]).click()
        page.locator("#bewerk-melding", has_text=texts.EDIT_WITHDRAWN).wait_for()
        assert page.get_by_label(re.compile("^Toelichting")).input_value() == published
        assert page.get_by_text(texts.EDIT_PUBLISHED_WARNING).count() == 1
        assert page.locator(".audit-table td", has_text="nieuwe versie ingetrokken").count() == 1
        clean(page)
    assert _realised_on_the_programme_page(browser, base, rid) == format_number(old, decimals, unit)

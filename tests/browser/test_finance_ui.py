"""Financiën, Actualiteit and Status per kwartaal in headless Chromium, with the values computed in the test itself
from the shipped files (tests/finance_expect.py) and the database (plain SQL): the programme page's section and band,
the overview's cards, the status matrix with every result × quarter, and axe-core at 375 and 1280 px."""

from __future__ import annotations

import os
import re
import sys
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from db.session import session_scope
from tests.browser.axe import format_violations, run_axe

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import finance_expect as fx  # noqa: E402

pytestmark = pytest.mark.browser
SV, ZV = "sociaal-en-vitaal", "zorg-en-veiligheid"


def plain(value: str) -> str:
    return " ".join(value.replace("\u00a0", " ").split())


def open_programme(page, base: str, slug: str) -> None:  # noqa: ANN001
    page.goto(f"{base}/programma/{slug}")
    page.locator("#financien").wait_for()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("slug", [SV, ZV])
def test_financien_shows_budget_against_actual_and_per_inhabitant_against_nederland(page, demo_app_url: str,  # noqa: ANN001
                                                                                      slug: str) -> None:
    open_programme(page, demo_app_url, slug)
    groups = fx.PROGRAMMES[slug]
    budget, actual = fx.lasten(2023, "begroting", {"Almelo"}, groups), fx.lasten(2023, "realisatie", {"Almelo"}, groups)
    home = fx.per_inhabitant(2023, "realisatie", {"Almelo"}, groups)
    country = fx.per_inhabitant(2023, "realisatie", None, groups)
    peers = fx.per_inhabitant(2023, "realisatie", set(fx.peers()), groups)
    summary = plain(page.locator("#financien-samenvatting").inner_text())
    assert f"In 2023 begrootte Almelo {fx.money(budget)}" in summary and f"gaf {fx.money(actual)} uit" in summary
    assert f"Dat is {fx.euros(home)} per inwoner (73.949 inwoners), tegen {fx.euros(country)} in Nederland" in summary
    assert f"en {fx.euros(peers)} bij vergelijkbare gemeenten" in summary
    later = fx.lasten(2025, "begroting", {"Almelo"}, groups)
    assert f"Voor 2025 is {fx.money(later)} begroot" in summary
    if slug == SV:  # the whole sociaal domein, the README's known values
        assert "kostte in 2023 € 192,7 mln (€ 2.606 per inwoner)" in summary
    # the year table: 2023 begroot, gerealiseerd, difference in € and %
    years = page.locator("#financien-jaren")
    total_2023 = plain(years.locator("tbody").filter(has_text="2023").locator("tr.finance-total").inner_text())
    diff = actual - budget
    assert fx.money(budget) in total_2023 and fx.money(actual) in total_2023
    pct = f"{diff / budget * 100:+.1f}".replace(".", ",").replace("-", "−")
    assert f"({pct} %)" in total_2023
    # per inwoner, every group beside Nederland and the comparable gemeenten
    per = page.locator("#financien-per-inwoner").locator("tbody").filter(has_text="Gerealiseerd 2023")
    for group in groups:
        row = plain(per.locator("tr").nth(2 + groups.index(group)).inner_text())
        assert fx.euros(fx.per_inhabitant(2023, "realisatie", {"Almelo"}, [group])) in row
        assert fx.euros(fx.per_inhabitant(2023, "realisatie", None, [group])) in row
    # the band under the header says the same in short, and the chart has its text alternative
    band = plain(page.locator("#financien-band").inner_text())
    assert f"Gerealiseerd 2023: {fx.money(actual)}" in band and f"(Nederland {fx.euros(country)})" in band
    alt = page.locator(".finance-chart").get_attribute("alt")
    assert plain(fx.money(actual)) in plain(alt)
    links = page.locator("#financien .downloads a")
    assert {links.nth(i).get_attribute("href") for i in range(2)} == {
        f"/download/financien.csv?programma={slug}", f"/download/financien.xlsx?programma={slug}"}
    assert page.console_errors == []


def _expected_scores(today: date) -> dict[str, int]:
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as s:
        return {slug: fx.actuality_score(s, slug, today) for (slug,) in s.execute(text("SELECT slug FROM programme"))}


def test_overview_cards_show_actualiteit_and_money(page, demo_app_url: str) -> None:  # noqa: ANN001
    page.goto(demo_app_url)
    page.locator(f"#programma-{SV}").wait_for()
    page.wait_for_load_state("networkidle")
    scores = _expected_scores(date.today())
    for slug in (SV, ZV):
        card = page.locator(f"#programma-{slug}")
        assert plain(card.locator(".card-actuality").inner_text()) == f"Actualiteit {scores[slug]} %"
        groups = fx.PROGRAMMES[slug]
        money = plain(card.locator(".part-finance").inner_text())
        assert f"Begroot 2025: {fx.money(fx.lasten(2025, 'begroting', {'Almelo'}, groups))}" in money
        assert (f"Gerealiseerd 2023: {fx.money(fx.lasten(2023, 'realisatie', {'Almelo'}, groups))} "
                f"(begroot {fx.money(fx.lasten(2023, 'begroting', {'Almelo'}, groups))})") in money
    assert 0 < scores[SV] < 100  # the demo has something to do: the 2023 betalingsachterstand, toelichtingen
    open_programme(page, demo_app_url, SV)
    assert plain(page.locator("#actualiteit-score").inner_text()) == f"Actualiteit {scores[SV]} %"
    page.locator(".actuality-missing summary").click()
    missing = plain(page.locator(".actuality-missing").inner_text())
    assert "Inwoners met betalingsachterstand zorgpremie (nieuwste cijfer: 2023)" in missing


def _quarters(first: date, last: date) -> list[str]:
    out, y, q = [], first.year, (first.month - 1) // 3 + 1
    while (y, q) <= (last.year, (last.month - 1) // 3 + 1):
        out.append(f"{q}e kwartaal {y}")
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return out


def test_status_matrix_shows_every_result_and_quarter_with_the_gaps(page, demo_app_url: str) -> None:  # noqa: ANN001
    today = date.today()
    current = (today.month - 1) // 3
    last_closed = date(today.year, 3 * current - 2, 1) if current else date(today.year - 1, 10, 1)
    words = {"op_koers": "op koers", "aandacht": "aandacht nodig", "niet_op_koers": "niet op koers",
             "onbekend": "onbekend"}
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as s:
        for slug in (SV, ZV):
            rows = s.execute(text(
                "SELECT r.id, r.name, m.period_start, m.status, m.realised FROM result r JOIN project p ON "
                "p.id = r.project_id JOIN programme_line l ON l.id = p.programme_line_id JOIN programme g ON "
                "g.id = l.programme_id LEFT JOIN measurement m ON m.result_id = r.id AND m.period_kind = 'kwartaal' "
                "AND m.workflow_state = 'gepubliceerd' WHERE g.slug = :s"), {"s": slug}).all()
            measured = {(rid, str(start)[:10]): words[status] for rid, _, start, status, realised in rows
                        if realised is not None}
            first = min(date.fromisoformat(k[1]) for k in measured)
            quarters = _quarters(first, max([last_closed, *[date.fromisoformat(k[1]) for k in measured]]))
            open_programme(page, demo_app_url, slug)
            matrix = page.locator("#statusmatrix")
            heads = [plain(t) for t in
                     matrix.locator("thead tr").nth(1).locator("th .visually-hidden").all_inner_texts()]
            assert heads == quarters
            results = {rid for rid, *_ in rows}
            assert matrix.locator("tbody tr").count() == len(results)
            gaps = 0
            for rid in results:
                cells = [plain(c) for c in matrix.locator(f"#statusmatrix-{rid} td").all_inner_texts()]
                assert len(cells) == len(quarters)
                for label, cell in zip(quarters, cells, strict=True):
                    q, y = int(label[0]), int(label[-4:])
                    expected = measured.get((rid, date(y, 3 * q - 2, 1).isoformat()), "niet gemeten")
                    assert cell.endswith(expected), (rid, label, cell)
                    gaps += expected == "niet gemeten"
            if slug == SV:
                assert gaps > 0  # the Pact's 2023 figures leave 2023 K3 … 2024 K4 empty for every result


@pytest.mark.parametrize("path", ["/", f"/programma/{SV}", f"/programma/{ZV}", "/kwartaal/2026-Q3"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_pages_with_money_are_accessible(request: pytest.FixtureRequest, demo_app_url: str, device: str,
                                         path: str) -> None:
    page = request.getfixturevalue("page" if device == "desktop" else "phone_page")
    page.goto(demo_app_url + path)
    page.locator("h1").first.wait_for()
    page.locator(".actuality-badge, .status-matrix").first.wait_for()
    page.wait_for_load_state("networkidle")
    if page.locator(".actuality-missing summary").count():  # the folded list too, where something is missing
        page.locator(".actuality-missing summary").click()
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    assert page.console_errors == []
    if device == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    name = re.sub(r"[^a-z0-9]+", "-", path).strip("-") or "overzicht"
    out = os.environ.get("PERSPECTIEF_SCREENSHOTS")
    if out:  # screenshots for people to look at (not compared)
        page.screenshot(path=str(Path(out) / f"{name}-{375 if device == 'phone' else 1280}.png"), full_page=True)


def _admin_account() -> str:
    from db.accounts import create_user, grant_role
    from indicators.enums import Role
    from tests.browser.editor_support import PASSWORD

    email = f"beheer-{uuid.uuid4().hex[:8]}@gemeente.nl"
    with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as s:
        grant_role(s, create_user(s, email, "Beheerder Financiën", PASSWORD), Role.ADMIN, None)
    return email


def test_an_admin_chooses_the_taakvelden_and_the_change_is_kept(browser, demo_app_url: str) -> None:  # noqa: ANN001
    from db.write.finance import set_programme_groups
    from tests.browser.editor_support import browser_page, clean, sign_in

    scores = _expected_scores(date.today())
    try:
        with browser_page(browser) as page:
            sign_in(page, demo_app_url, _admin_account())
            todo = plain(page.locator(".worklist-actuality").first.inner_text())
            assert f"Actualiteit Sociaal en Vitaal: {scores[SV]} %" in todo
            assert "Inwoners met betalingsachterstand zorgpremie (nieuwste cijfer: 2023)" in todo
            clean(page)
            page.get_by_role("link", name="Taakvelden (financiën) van Zorg en Veiligheid").click()
            page.get_by_role("heading", level=1, name="Taakvelden van Zorg en Veiligheid").wait_for()
            clean(page)
            page.get_by_label(re.compile("^Volksgezondheid")).uncheck()
            page.get_by_label("Reden van de wijziging").fill("Volksgezondheid valt onder een ander programma")
            page.get_by_role("button", name="Opslaan").click()
            page.get_by_role("status").filter(has_text="Opgeslagen").wait_for()
            history = plain(page.locator("#financien-geschiedenis").inner_text())
            assert "Beheerder Financiën" in history and "Volksgezondheid valt onder een ander programma" in history
            clean(page)
            open_programme(page, demo_app_url, ZV)
            groups = ["jeugd", "veiligheid"]
            band = plain(page.locator("#financien-band").inner_text())
            assert "(Jeugd, Openbare orde en veiligheid)" in band
            assert f"Gerealiseerd 2023: {fx.money(fx.lasten(2023, 'realisatie', {'Almelo'}, groups))}" in band
    finally:  # the app's database is shared with the other browser tests of this worker
        with session_scope(os.environ["PERSPECTIEF_TEST_APP_DB"]) as s:
            set_programme_groups(s, None, ZV, fx.PROGRAMMES[ZV], "terug na de test", system=True)


def test_an_editor_gets_the_actuality_to_do_but_not_the_admin_setting(browser, demo_app_url: str) -> None:  # noqa: ANN001
    from indicators.enums import Role
    from tests.browser.editor_support import account, browser_page, clean, sign_in

    with browser_page(browser, 375, 812) as page:
        sign_in(page, demo_app_url, account("Redacteur Financiën", Role.EDITOR))
        todo = page.locator(".worklist-actuality")
        assert todo.count() == 1  # only the programme this account edits
        # what is left to do in the demo: every quarter is measured and explained; an old trend, stories
        assert todo.get_by_role("link", name=re.compile(
            "metingen invoeren|toelichting schrijven|cijfers bekijken|nieuw verhaal toevoegen")).count() >= 1
        assert page.get_by_role("link", name=re.compile("Taakvelden \\(financiën\\)")).count() == 0
        clean(page, phone=True)
        page.goto(f"{demo_app_url}/beheer/programma/{SV}/financien")
        page.get_by_role("alert").filter(has_text="Alleen een beheerder").wait_for()
        clean(page, phone=True)

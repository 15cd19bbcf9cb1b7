"""Every page, signed in or not, under every shipped theme: found by following the app's own links (a page added
later is covered without being named here), then checked at 1280 and 375 px with axe-core (WCAG 2.1 A/AA), at
320 px for reflow (WCAG 1.4.10), with the text spacing of WCAG 1.4.12, for charts with a name and a description,
and for console errors. Each test reports every problem of every page at once."""

from __future__ import annotations

import pytest

from dashboard.router import ROUTES
from indicators.enums import Role
from tests.browser.editor_support import PASSWORD, browser_page
from tests.browser.route_walker import check_page, walk
from tests.browser.themed_apps import shipped_themes

SIGNED_IN_ONLY = ("/beheer", "/account")
SEEDS = ["/", "/bestaat/niet"]  # the start, and an unknown path for the not-found page
SIGNED_IN_SEEDS = ["/beheer", "/inloggen"]  # the work list, and the sign-in page as a signed-in account sees it


def _admin(db_url: str) -> str:
    """A new admin account in the app's database (an admin sees every page); its e-mail address."""
    import uuid

    from db.accounts import create_user, grant_role
    from db.session import session_scope

    email = f"walker-{uuid.uuid4().hex[:8]}@gemeente.nl"
    with session_scope(db_url) as s:
        grant_role(s, create_user(s, email, "Toets Beheerder", PASSWORD), Role.ADMIN)
    return email


def _sign_in(page, base: str, email: str) -> None:  # noqa: ANN001
    page.goto(base + "/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/inloggen" not in url)


def _expected(signed_in: bool) -> set[int]:
    """The routes the walk must reach: all of them signed in; the public ones otherwise."""
    return {i for i, (pattern, _, _) in enumerate(ROUTES)
            if signed_in or not pattern.pattern.startswith(tuple("^" + p for p in SIGNED_IN_ONLY))}


@pytest.mark.parametrize("who", ["publiek", "ingelogd"])
@pytest.mark.parametrize("theme", shipped_themes())
def test_every_route_is_accessible(browser, themed_app, theme: str, who: str) -> None:  # noqa: ANN001
    app = themed_app(theme)
    signed_in = who == "ingelogd"
    problems: list[str] = []
    with browser_page(browser) as page:
        if signed_in:
            _sign_in(page, app.url, _admin(app.db_url))

        def visit(path: str) -> list[str]:
            links: list[str] = []
            only_signed_in = signed_in and path.startswith(SIGNED_IN_ONLY)
            problems.extend(check_page(page, app.url + path, path.split("?")[0] if only_signed_in else None, links))
            return links

        pages = walk(page, app.url, SEEDS + (SIGNED_IN_SEEDS if signed_in else []), visit)
    missing = _expected(signed_in) - {k[0] for k in pages if isinstance(k[0], int)}
    assert not missing, ("no link leads to " + ", ".join(ROUTES[i][0].pattern for i in sorted(missing))
                         + f" (found: {sorted(pages.values())}); link it, or add a seed here")
    assert ("404",) in pages
    assert not problems, f"{len(problems)} problem(s) on {len(pages)} pages ({theme}, {who}):\n" + "\n".join(problems)
    assert len(pages) >= (20 if signed_in else 10)

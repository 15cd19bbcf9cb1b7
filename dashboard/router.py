"""Routes → page layouts. Keyed on the path only, so controls can write their state into the query
string without re-rendering the page (and without taking away the keyboard focus)."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

from dash import Input, Output, State, callback, clientside_callback, html

from dashboard import texts
from dashboard.components import account  # noqa: F401 - registers the header's account-area callback
from dashboard.limits import parse_id
from dashboard.pages import (
    accessibility,
    district_profile,
    districts,
    edit_item,
    indicator,
    not_found,
    overview,
    password,
    presentation,
    programme,
    programme_finance_admin,
    quarter,
    quarter_entry,
    quarter_meeting,
    signin,
    story,
    user_account,
    users,
    worklist,
)
from dashboard.urlstate import parse_query

ROUTES: list[tuple[re.Pattern, Callable[..., html.Div], str]] = [
    (re.compile(r"^/$"), overview.layout, texts.OVERVIEW_TITLE),
    (re.compile(r"^/programma/(?P<slug>[a-z0-9-]+)/?$"), programme.layout, "Programma"),
    (re.compile(r"^/indicator/(?P<code>[A-Za-z0-9_-]+)/?$"), indicator.layout, "Indicator"),
    (re.compile(r"^/verhaal/(?P<story_id>[0-9]+)/?$"), story.layout, "Verhaal"),
    (re.compile(r"^/wijken/?$"), districts.layout, texts.DISTRICTS_TITLE_EMPTY),
    (re.compile(r"^/wijk/(?P<code>[A-Za-z0-9]+)/?$"), district_profile.layout, texts.DISTRICTS_TITLE_EMPTY),
    (re.compile(r"^/kwartaal/(?P<quarter>[^/]+?)/?$"), quarter.layout, texts.QUARTER_TITLE.format(label="")),
    (re.compile(r"^/kwartaal/(?P<quarter>[^/]+)/presentatie/?$"), presentation.layout, texts.QUARTER_PRESENT),
    (re.compile(r"^/inloggen/?$"), signin.layout, texts.SIGNIN_TITLE),
    (re.compile(r"^/toegankelijkheid/?$"), accessibility.layout, "Toegankelijkheidsverklaring"),
    (re.compile(r"^/account/wachtwoord/?$"), password.layout, texts.PASSWORD_TITLE),
    (re.compile(r"^/beheer/?$"), worklist.layout, texts.BEHEER_TITLE),
    (re.compile(r"^/beheer/gebruikers/?$"), users.layout, texts.USERS_TITLE),
    (re.compile(r"^/beheer/gebruikers/(?P<user_id>[0-9]+|nieuw)/?$"), user_account.layout, texts.USERS_TITLE),
    (re.compile(r"^/beheer/(?P<kind_slug>project|resultaat|meting|verhaal|toelichting|meting-toelichting)/"
                r"(?P<item_id>[0-9]+|nieuw)/?$"), edit_item.layout, texts.BEHEER_TITLE),
    (re.compile(r"^/beheer/programma/(?P<slug>[a-z0-9-]+)/kwartaal/(?P<quarter>[^/]+?)/?$"), quarter_entry.layout,
     texts.BEHEER_TITLE),
    (re.compile(r"^/beheer/kwartaal/(?P<quarter>[^/]+?)/?$"), quarter_meeting.layout, texts.BEHEER_TITLE),
    (re.compile(r"^/beheer/programma/(?P<slug>[a-z0-9-]+)/financien/?$"), programme_finance_admin.layout,
     texts.BEHEER_TITLE),
]


def resolve(pathname: str | None, search: str | None) -> tuple[html.Div, str]:
    """The layout and document title for a URL."""
    path = unquote(pathname or "/")
    query = parse_query(search)
    for pattern, layout, title in ROUTES:
        if m := pattern.match(path):
            if any(parse_id(v) is None for k, v in m.groupdict().items() if k.endswith("_id") and v != "nieuw"):
                break  # an id beyond the database's integers: no such page (was an OverflowError, a 500)
            page = layout(**m.groupdict(), **{k: v for k, v in query.items() if k not in m.groupdict()})
            heading = _first_heading(page) or title
            return page, f"{heading} – {texts.APP_TITLE}"
    return not_found.layout(), f"{texts.NOT_FOUND_TITLE} – {texts.APP_TITLE}"


def _first_heading(component) -> str | None:  # noqa: ANN001 - a Dash component tree
    if isinstance(component, html.H1):
        return component.children if isinstance(component.children, str) else None
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and hasattr(child, "children"):
            found = _first_heading(child)
            if found:
                return found
    return None


def validation_layouts() -> list[html.Div]:
    """Every page's components, so Dash can check callbacks without suppressing errors."""
    return [overview.layout(), not_found.layout(), *programme.VALIDATION_STUBS, *indicator.VALIDATION_STUBS,
            *districts.VALIDATION_STUBS, *worklist.VALIDATION_STUBS, *edit_item.VALIDATION_STUBS,
            *quarter_entry.VALIDATION_STUBS, *quarter_meeting.VALIDATION_STUBS,
            *user_account.VALIDATION_STUBS, *programme_finance_admin.VALIDATION_STUBS]


callback(
    Output("page-content", "children"),
    Output("page-title", "data"),
    Input("url", "pathname"),
    State("url", "search"),
)(resolve)

# Keep the browser tab title in step with the page (WCAG 2.4.2) and move focus to the new page.
clientside_callback(
    """function(title) { if (title) { document.title = title; } return ''; }""",
    Output("page-title-sink", "children"),
    Input("page-title", "data"),
)

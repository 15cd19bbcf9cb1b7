"""Route `/beheer/gebruikers`: account administration for admins – the list of accounts with their status, roles
and last sign-in, with a link to each account's page (dashboard/pages/user_account.py) and to a new account. Also
what both account pages share: their frame, the refusal for anyone but an admin, and roles in words."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard import texts
from dashboard.auth import current_user
from dashboard.components import nl
from dashboard.components.account import sign_in_prompt
from dashboard.components.controls import scroll_region
from dashboard.components.edit_form import message
from dashboard.data import read_session
from db.account_admin import AccountView, GrantView, accounts
from indicators.enums import Action, Role
from indicators.formatting import format_datetime

LIST_PATH = "/beheer/gebruikers"


def account_path(user_id: int | str) -> str:
    return f"{LIST_PATH}/{user_id}"


def page(title: str, *children: Any, back: str = "/beheer", back_text: str = texts.BEHEER_BACK) -> html.Div:  # noqa: ANN401
    return html.Div(className="container edit-page users-page", children=[
        html.P(nl.Link(back_text, href=back), className="edit-back"),
        nl.H1(title), *children,
    ])


def refusal(path: str) -> html.Div | None:
    """The sign-in prompt or the refusal for anyone but an admin; None for an admin."""
    user = current_user()
    if user is None:
        return sign_in_prompt(path)
    if not user.can(Action.ADMIN):
        return page(texts.USERS_TITLE, message(texts.USERS_NOT_ALLOWED))
    return None


def role_words(role: Role | str, programme: str | None) -> str:
    """A role in words: "redacteur bij Sociaal en Vitaal", "beheerder (alle programma's en de accounts)"."""
    return texts.USERS_ROLE_WORDS[Role(role).value].format(programme=programme or "?")


def grants_in_words(account: AccountView) -> list[tuple[GrantView, str]]:
    """The account's grants in words, admin first, then by programme."""
    order = {Role.ADMIN: 0, Role.APPROVER: 1, Role.EDITOR: 2, Role.VIEWER: 3}
    grants = sorted(account.grants, key=lambda g: (order[g.role], g.programme_name or "", g.id))
    return [(g, role_words(g.role, g.programme_name if g.programme_id else None)) for g in grants]


# --- the list ----------------------------------------------------------------------------------------------------


def layout(**_query: str) -> html.Div:
    refused = refusal(LIST_PATH)
    if refused is not None:
        return refused
    with read_session() as s:
        users = accounts(s)
    rows = []
    for u in sorted(users, key=lambda u: (u.name.casefold(), u.email)):
        roles = [words for _g, words in grants_in_words(u)]
        rows.append(html.Tr([
            html.Th(nl.Link(u.name, href=account_path(u.id)), scope="row"),
            html.Td(u.email),
            html.Td(texts.USERS_ACTIVE if u.is_active else html.Strong(texts.USERS_INACTIVE)),
            html.Td(html.Ul([html.Li(r) for r in roles], className="list-unstyled mb-0") if roles
                    else texts.USERS_NO_ROLE),
            html.Td(format_datetime(u.last_login_at) if u.last_login_at else texts.USERS_NEVER),
        ]))
    caption = texts.USERS_TABLE.format(count=len(rows))
    table = html.Table(className=f"{nl.TABLE_COMPACT} worklist users-table", children=[
        html.Caption(caption),
        html.Thead(html.Tr([html.Th(c, scope="col") for c in texts.USERS_COLS])),
        html.Tbody(rows),
    ])
    return page(texts.USERS_TITLE,
                html.P(texts.USERS_INTRO),
                html.P(nl.Link(texts.USERS_NEW, href=account_path("nieuw"), className=nl.BUTTON_PRIMARY)),
                scroll_region(table, caption))

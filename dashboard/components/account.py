"""The header's account area: "Inloggen", or "Ingelogd als <naam>" with links to the work list (for those who
have one) and to change the password, and a sign-out button. The header is built once
at app start, so a callback on the URL fills it for the visitor of each request. Also the prompt to sign in that
the editor pages show to a visitor who is not signed in."""

from __future__ import annotations

from dash import Input, Output, State, callback, dcc, html

from dashboard import texts
from dashboard.auth import ACCOUNT_AREA_ID, PASSWORD_PATH, SIGN_IN_PATH, SIGN_OUT_PATH, current_user, sign_in_url
from dashboard.components import nl
from dashboard.security import CSRF_FIELD, csrf_token
from indicators.enums import Role

MANAGING_ROLES = frozenset({Role.EDITOR, Role.APPROVER, Role.ADMIN})  # who has a work list at /beheer


def account_area() -> html.Div:
    """The empty area in the header; `account_children` fills it."""
    return html.Div(id=ACCOUNT_AREA_ID, className="account-area")


def csrf_input() -> dcc.Input:
    """The hidden CSRF field every plain HTML form that POSTs must carry."""
    return dcc.Input(type="hidden", name=CSRF_FIELD, value=csrf_token())


@callback(Output(ACCOUNT_AREA_ID, "children"), Input("url", "pathname"), State("url", "search"))
def account_children(pathname: str | None, search: str | None) -> list:
    user = current_user()
    if user is None:
        if (pathname or "/").rstrip("/") == SIGN_IN_PATH:
            return []  # the page itself is the sign-in form
        return [nl.Link(texts.ACCOUNT_SIGN_IN, href=sign_in_url((pathname or "/") + (search or "")),
                         className="account-sign-in")]
    manages = any(g.role in MANAGING_ROLES for g in user.grants)
    return [
        html.Span(texts.ACCOUNT_SIGNED_IN_AS.format(name=user.name), className="account-name"),
        nl.Link(texts.ACCOUNT_MANAGE, href="/beheer", className="account-manage") if manages else None,
        nl.Link(texts.ACCOUNT_PASSWORD, href=PASSWORD_PATH, className="account-password"),
        html.Form(method="post", action=SIGN_OUT_PATH, className="account-sign-out", children=[
            csrf_input(),
            html.Button(texts.ACCOUNT_SIGN_OUT, type="submit", className=nl.BUTTON_SUBTLE_SMALL),
        ]),
    ]


def sign_in_prompt(path: str) -> html.Div:
    """What an editor page shows a visitor who is not signed in: a link to sign in and come back to `path`."""
    return html.Div(className="container edit-page", children=[
        nl.H1(texts.BEHEER_TITLE), html.P(texts.BEHEER_SIGN_IN_TEXT),
        html.P(nl.A(texts.BEHEER_SIGN_IN, href=sign_in_url(path), className=nl.BUTTON_PRIMARY)),
    ])

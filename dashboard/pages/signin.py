"""Route `/inloggen`: the sign-in form. A plain HTML form that POSTs to /inloggen (dashboard/auth.py), which
redirects back here with `?fout=<code>` when it refuses; `?volgende=/pad` is where to go after signing in."""

from __future__ import annotations

from dash import dcc, html
from flask import current_app, has_request_context

from dashboard import texts
from dashboard.auth import NEXT_PARAM, REQUIRE_KEY, SIGN_IN_PATH, current_user, safe_next
from dashboard.components import nl
from dashboard.components.account import csrf_input
from dashboard.data import read_session
from db.accounts import has_accounts
from db.session import DatabaseError

TITLE = texts.SIGNIN_TITLE


def _field(name: str, label: str, kind: str, autocomplete: str) -> html.Div:
    return html.Div(className="mb-3", children=[
        html.Label(label, htmlFor=f"inloggen-{name}", className=nl.LABEL),
        dcc.Input(id=f"inloggen-{name}", name=name, type=kind, autoComplete=autocomplete, required=True,
                  className=nl.TEXTBOX, maxLength=254 if kind == "email" else 1024),
    ])


def no_accounts_yet() -> bool:
    """A fresh installation: nobody can sign in until the first admin is made on the server."""
    try:
        with read_session() as s:
            return not has_accounts(s)
    except DatabaseError:  # no database or no tables (yet): say nothing
        return False


def layout(volgende: str | None = None, fout: str | None = None, **_query: str) -> html.Div:
    in_request = has_request_context()
    user = current_user()
    required = in_request and bool(current_app.config.get(REQUIRE_KEY))
    error = texts.SIGNIN_ERRORS.get(fout or "")
    return html.Div(className="container signin-page", children=[
        nl.H1(TITLE),
        html.P(texts.SIGNIN_INTRO_REQUIRED if required else texts.SIGNIN_INTRO),
        html.P(texts.SIGNIN_ALREADY.format(name=user.name), className="signin-already") if user else None,
        html.Div(className="signin-box", children=[
            # role=alert: read out as soon as the page shows it, next to the form it is about
            html.P(error, role="alert", id="inloggen-fout", className=nl.ALERT_ERROR) if error else None,
            html.Form(method="post", action=SIGN_IN_PATH, className="signin-form",
                      **{"aria-label": texts.SIGNIN_FORM_LABEL}, children=[
                csrf_input() if in_request else None,
                dcc.Input(type="hidden", name=NEXT_PARAM, value=safe_next(volgende)),
                _field("email", texts.SIGNIN_EMAIL, "email", "username"),
                _field("wachtwoord", texts.SIGNIN_PASSWORD, "password", "current-password"),
                html.Button(texts.SIGNIN_BUTTON, type="submit", className=nl.BUTTON_PRIMARY,
                            id="inloggen-knop"),
            ]),
            html.P(texts.SIGNIN_NO_ACCOUNT, className=f"{nl.DESCRIPTION} mt-3"),
            html.Div(className="signin-first-admin mt-3", children=[
                html.P(texts.SIGNIN_FIRST_ADMIN, className="mb-1"),
                html.Pre(html.Code(texts.SIGNIN_FIRST_ADMIN_COMMAND)),
            ]) if in_request and no_accounts_yet() else None,
        ]),
    ])


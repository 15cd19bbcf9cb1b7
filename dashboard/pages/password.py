"""Route `/account/wachtwoord`: a signed-in account changes its own password. A plain HTML form that POSTs to
/account/wachtwoord (dashboard/auth.py), which redirects back here with `?fout=<code>,<code>` when it refuses and with
`?gewijzigd=1` once the password is changed (so a reload never sends the form again). An anonymous GET never gets
here: the guard sends it to /inloggen first.

Dash 4's dcc.Input takes no aria-* properties, so a field's hint and error name their field in `data-describes` and
assets/20-a11y.js sets the field's aria-describedby (and aria-invalid for an error)."""

from __future__ import annotations

from dash import dcc, html
from flask import has_request_context

from dashboard import texts
from dashboard.auth import PASSWORD_FIELDS, PASSWORD_PATH, current_user, sign_in_url
from dashboard.components import nl
from dashboard.components.account import csrf_input
from db.accounts import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from indicators.enums import PasswordProblem

TITLE = texts.PASSWORD_TITLE
CURRENT, NEW, REPEAT = PASSWORD_FIELDS
LABELS = {CURRENT: texts.PASSWORD_CURRENT, NEW: texts.PASSWORD_NEW, REPEAT: texts.PASSWORD_REPEAT}
AUTOCOMPLETE = {CURRENT: "current-password", NEW: "new-password", REPEAT: "new-password"}
# The field each refusal belongs to (None: the whole form).
FIELD_OF: dict[PasswordProblem, str | None] = {
    PasswordProblem.CURRENT_EMPTY: CURRENT, PasswordProblem.CURRENT_WRONG: CURRENT, PasswordProblem.LOCKED: None,
    PasswordProblem.NEW_EMPTY: NEW, PasswordProblem.TOO_SHORT: NEW, PasswordProblem.TOO_LONG: NEW,
    PasswordProblem.UNCHANGED: NEW, PasswordProblem.REPEAT_EMPTY: REPEAT, PasswordProblem.MISMATCH: REPEAT,
}


def input_id(field: str) -> str:
    return f"wachtwoord-{field}"


def problems_from(codes: str | None) -> list[PasswordProblem]:
    """The known refusal codes in `?fout=`, in order, each once; anything else is ignored."""
    known = {p.value: p for p in PasswordProblem}
    out: list[PasswordProblem] = []
    for code in (codes or "").split(","):
        problem = known.get(code.strip())
        if problem is not None and problem not in out:
            out.append(problem)
    return out


def error_text(problem: PasswordProblem) -> str:
    return texts.PASSWORD_ERRORS[problem.value].format(min=MIN_PASSWORD_LENGTH, max=MAX_PASSWORD_LENGTH)


def _field(field: str, error: str | None, hint: str | None = None) -> html.Div:
    """A labelled password field; its hint and error stand between label and field and describe the field."""
    fid = input_id(field)
    return html.Div(className="mb-3", children=[
        html.Label(LABELS[field], htmlFor=fid, className=nl.LABEL),
        html.P(hint, id=f"{fid}-uitleg", className=f"{nl.DESCRIPTION} mt-0 mb-1", **{"data-describes": fid})
        if hint else None,
        html.P(error, id=f"{fid}-fout", className="field-error mb-1",
               **{"data-describes": fid, "data-invalid": "true"}) if error else None,
        # never a value: a password is not sent back into the page
        dcc.Input(id=fid, name=field, type="password", autoComplete=AUTOCOMPLETE[field], required=True,
                  maxLength=MAX_PASSWORD_LENGTH, className=nl.TEXTBOX + (f" {nl.INVALID}" if error else "")),
    ])


def _summary(problems: list[PasswordProblem]) -> html.Div:
    """Every refusal at the top of the form (read out at once); those about a field link to it."""
    items = []
    for problem in problems:
        field = FIELD_OF[problem]
        text = error_text(problem)
        items.append(html.Li(nl.A(f"{LABELS[field]}: {text}", href=f"#{input_id(field)}") if field else text))
    return html.Div(role="alert", id="wachtwoord-fouten", className=nl.ALERT_ERROR, children=[
        html.P(texts.PASSWORD_NOT_CHANGED, className="mb-1"),
        html.Ul(items, className="mb-0"),
    ])


def layout(fout: str | None = None, gewijzigd: str | None = None, **_query: str) -> html.Div:
    user = current_user()
    if user is None:  # reached without a page load (the guard redirects a GET), e.g. after the session ended
        return html.Div(className="container signin-page password-page", children=[
            nl.H1(TITLE), html.P(texts.PASSWORD_SIGN_IN_TEXT),
            html.P(nl.A(texts.PASSWORD_SIGN_IN, href=sign_in_url(PASSWORD_PATH), className=nl.BUTTON_PRIMARY)),
        ])
    problems = problems_from(fout)
    errors = {FIELD_OF[p]: error_text(p) for p in reversed(problems) if FIELD_OF[p]}  # the first per field wins
    changed = gewijzigd == "1" and not problems
    return html.Div(className="container signin-page password-page", children=[
        nl.H1(TITLE),
        html.Div(role="status", id="wachtwoord-gewijzigd", className=nl.ALERT_OK, children=[
            html.P(texts.PASSWORD_CHANGED, className="mb-1 perspectief-strong"),
            html.P(texts.PASSWORD_CHANGED_MORE, className="mb-0"),
        ]) if changed else None,
        html.P(texts.PASSWORD_INTRO) if not changed else None,
        html.Div(className="signin-box", children=[
            _summary(problems) if problems else None,
            html.Form(method="post", action=PASSWORD_PATH, className="signin-form", id="wachtwoord-formulier",
                      **{"aria-label": texts.PASSWORD_FORM_LABEL}, children=[
                csrf_input() if has_request_context() else None,
                # for password managers: the account whose password this is (not sent as a field of ours)
                dcc.Input(type="text", autoComplete="username", value=user.email, readOnly=True,
                          style={"display": "none"}),
                _field(CURRENT, errors.get(CURRENT)),
                _field(NEW, errors.get(NEW), texts.PASSWORD_NEW_HINT.format(min=MIN_PASSWORD_LENGTH)),
                _field(REPEAT, errors.get(REPEAT)),
                html.Button(texts.PASSWORD_BUTTON, type="submit", className=nl.BUTTON_PRIMARY,
                            id="wachtwoord-knop"),
            ]),
        ]),
    ])

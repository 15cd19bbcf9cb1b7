"""Routes `/beheer/gebruikers/nieuw` and `/beheer/gebruikers/<id>`: account administration for admins – a new account
with a temporary password, and per account: grant or revoke a role, set a new temporary password, deactivate or
reactivate (the list of accounts is dashboard/pages/users.py).

Every write goes through the `admin_*` functions of db.account_admin in a write session; they check in the database
that the signed-in account is an active admin and refuse what would lock the gemeente out, so a forged callback
fares no better than a hidden button. The pages themselves are shown to admins only (others get the sign-in prompt
or the refusal, as on the other /beheer pages).

Dash 4's dcc.Input takes no aria-* properties: a field's hint and error name their field in `data-describes`, and
assets/20-a11y.js sets the field's aria-describedby and aria-invalid while the error has text. The errors of the
radio groups stand in their legend, as in dashboard/components/edit_form.py."""

from __future__ import annotations

from typing import Any

from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import texts
from dashboard.auth import PASSWORD_PATH, CurrentUser, current_user
from dashboard.components import nl
from dashboard.components.edit_form import message
from dashboard.data import read_session, write_session
from dashboard.pages.users import LIST_PATH, account_path, grants_in_words, page, refusal, role_words
from db.account_admin import (
    AccountView,
    account,
    admin_create_user,
    admin_grant_role,
    admin_revoke_grant,
    admin_set_active,
    admin_set_password,
)
from db.accounts import (
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    PROGRAMME_ROLES,
    AccountError,
    AccountInvalid,
)
from db.read.programmes import programme_choices
from indicators.enums import Role
from indicators.formatting import format_datetime

# the new-account form: its inputs, and for each its hint (if any) and error `<id>-uitleg`, `<id>-fout`
NAME, EMAIL, PASSWORD = "gebruiker-naam", "gebruiker-email", "gebruiker-wachtwoord"
NEW_FIELDS = {"name": NAME, "email": EMAIL, "password": PASSWORD}  # db.accounts field -> input id
CREATE, NEW_MESSAGE = "gebruiker-aanmaken", "gebruiker-nieuw-melding"
# an account's page
STORE = "gebruiker-account"  # {"id": user id, "active": whether the page shows it active (the button's meaning)}
ROLE, PROGRAMME, GRANT = "gebruiker-rol", "gebruiker-programma", "gebruiker-toekennen"
REVOKE = "gebruiker-intrekken"  # {"type": REVOKE, "grant": grant id}
ROLES, ROLE_MESSAGE = "gebruiker-rollen", "gebruiker-rol-melding"
ACTIVE, STATUS, ACTIVE_MESSAGE = "gebruiker-actief", "gebruiker-status", "gebruiker-actief-melding"
RESET, RESET_BUTTON, RESET_MESSAGE = "gebruiker-tijdelijk", "gebruiker-tijdelijk-knop", "gebruiker-tijdelijk-melding"
VALIDATION_STUBS = [
    *(dcc.Input(id=i) for i in (NAME, EMAIL, PASSWORD, RESET)),
    *(html.P(id=f"{i}-fout") for i in (NAME, EMAIL, PASSWORD, RESET)),
    html.Button(id=CREATE), html.Div(id=NEW_MESSAGE), dcc.Store(id=STORE),
    dcc.RadioItems(id=ROLE), dcc.RadioItems(id=PROGRAMME), html.Span(id=f"{ROLE}-fout"),
    html.Span(id=f"{PROGRAMME}-fout"), html.Button(id=GRANT), html.Div(id=ROLES), html.Div(id=ROLE_MESSAGE),
    html.Button(id=ACTIVE), html.Span(id=STATUS), html.Div(id=ACTIVE_MESSAGE), html.Button(id=RESET_BUTTON),
    html.Div(id=RESET_MESSAGE),
]


# --- one account, or a new one -------------------------------------------------------------------------------------


def _text_field(fid: str, label: str, *, kind: str = "text", autocomplete: str = "off", hint: str | None = None,
                max_length: int | None = None, value: str = "") -> html.Div:
    """A labelled input with its hint and (empty until a refusal) error between label and input."""
    extra = {"maxLength": max_length} if max_length else {}
    return html.Div(className="edit-field mb-3", children=[
        html.Label(label, htmlFor=fid, className=nl.LABEL),
        html.P(hint, id=f"{fid}-uitleg", className=f"{nl.DESCRIPTION} mt-0 mb-1", **{"data-describes": fid})
        if hint else None,
        html.P("", id=f"{fid}-fout", className="field-error mb-1", **{"data-describes": fid, "data-invalid": "true"}),
        dcc.Input(id=fid, type=kind, autoComplete=autocomplete, value=value, className=nl.TEXTBOX, **extra),
    ])


def _new_layout() -> html.Div:
    password_hint = texts.USERS_PASSWORD_HINT.format(min=MIN_PASSWORD_LENGTH)
    return page(texts.USERS_NEW, html.P(texts.USERS_NEW_INTRO),
                html.Div(id=NEW_MESSAGE, **{"aria-live": "polite"}),
                html.Form(className="edit-form users-form", noValidate=True,
                          **{"aria-label": texts.USERS_NEW_FORM}, children=[
                    _text_field(NAME, texts.USERS_NAME, autocomplete="off", max_length=200),
                    _text_field(EMAIL, texts.USERS_EMAIL, kind="email", autocomplete="off", max_length=254),
                    _text_field(PASSWORD, texts.USERS_TEMP_PASSWORD, kind="password", autocomplete="new-password",
                                hint=password_hint, max_length=MAX_PASSWORD_LENGTH),
                    html.Button(texts.USERS_CREATE, id=CREATE, n_clicks=0, type="button", className=nl.BUTTON_PRIMARY),
                ]),
                back=LIST_PATH, back_text=texts.USERS_BACK)


def _roles_list(user: AccountView, me: int) -> list:
    grants = grants_in_words(user)
    if not grants:
        return [html.P(texts.USERS_NO_GRANTS)]
    items = []
    for grant, words in grants:
        own_admin = grant.role is Role.ADMIN and user.id == me
        items.append(html.Li(className="users-grant", children=[
            html.Span(words),
            html.Span(f" ({texts.USERS_OWN_ADMIN})", className=nl.DESCRIPTION) if own_admin else
            html.Button(texts.USERS_REVOKE, id={"type": REVOKE, "grant": grant.id}, n_clicks=0, type="button",
                        className=f"{nl.BUTTON_SECONDARY_SMALL} ms-2",
                        **{"aria-label": texts.USERS_REVOKE_LABEL.format(role=words)}),
        ]))
    return [html.Ul(items, className="users-grants")]


def _status(user: AccountView) -> str:
    return texts.USERS_ACTIVE if user.is_active else texts.USERS_INACTIVE


def _radio_group(cid: str, legend: str, options: list[tuple[Any, str]], hint: str | None = None) -> html.Fieldset:  # noqa: ANN401
    return html.Fieldset(className="edit-field radio-group mb-3", children=[
        html.Legend([legend, html.Span(f" {hint}", className="field-required") if hint else None,
                     html.Span("", id=f"{cid}-fout", className="field-error")], className=nl.LABEL),
        dcc.RadioItems(id=cid, value=None, inputClassName=nl.RADIO, labelClassName="edit-option d-flex",
                       options=[{"label": label, "value": value} for value, label in options]),
    ])


def layout(user_id: str | None = None, aangemaakt: str | None = None, **_query: str) -> html.Div:
    if user_id is None:
        return html.Div(VALIDATION_STUBS)
    refused = refusal(account_path(user_id))
    if refused is not None:
        return refused
    if user_id == "nieuw":
        return _new_layout()
    me = current_user()
    with read_session() as s:
        user = account(s, int(user_id))
        programmes = [(p.id, p.name) for p in programme_choices(s)]
    if user is None:
        return page(texts.USERS_TITLE, message(texts.USERS_NOT_FOUND), back=LIST_PATH, back_text=texts.USERS_BACK)
    own = user.id == me.id
    roles = _roles_list(user, me.id)
    details = html.Dl(className="users-details", children=[
        html.Dt(texts.USERS_NAME), html.Dd(user.name),
        html.Dt(texts.USERS_EMAIL), html.Dd(user.email),
        html.Dt(texts.USERS_STATUS), html.Dd(_status(user), id=STATUS),
        html.Dt(texts.USERS_LAST_LOGIN),
        html.Dd(format_datetime(user.last_login_at) if user.last_login_at else texts.USERS_NEVER),
        html.Dt(texts.USERS_CREATED_AT), html.Dd(format_datetime(user.created_at)),
    ])
    name, active = user.name, user.is_active
    created = message(texts.USERS_CREATED.format(name=name), "success") if aangemaakt == "1" else None
    reset_hint = texts.USERS_PASSWORD_HINT.format(min=MIN_PASSWORD_LENGTH)
    return page(
        texts.USERS_ACCOUNT_TITLE.format(name=name),
        dcc.Store(id=STORE, data={"id": int(user_id), "active": active}),
        html.Div(created, **{"aria-live": "polite"}),
        html.Section(className="users-section", **{"aria-labelledby": "gebruiker-gegevens-kop"}, children=[
            nl.H2(texts.USERS_DETAILS, id="gebruiker-gegevens-kop", className=nl.HEADING_4),
            details,
            html.P(texts.USERS_OWN_ACCOUNT if own else texts.USERS_ACTIVE_HINT, className=nl.DESCRIPTION),
            # always present (the callback needs its input); hidden on one's own account
            html.Button(texts.USERS_DEACTIVATE if active else texts.USERS_REACTIVATE, id=ACTIVE, n_clicks=0,
                        type="button", className=nl.BUTTON_SECONDARY, hidden=own),
            html.Div(id=ACTIVE_MESSAGE, className="mt-2", **{"aria-live": "polite"}),
        ]),
        html.Section(className="users-section", **{"aria-labelledby": "gebruiker-rollen-kop"}, children=[
            nl.H2(texts.USERS_ROLES, id="gebruiker-rollen-kop", className=nl.HEADING_4),
            html.Div(roles, id=ROLES),
            html.Div(id=ROLE_MESSAGE, **{"aria-live": "polite"}),
            nl.H3(texts.USERS_GRANT_TITLE, id="gebruiker-toekennen-kop", className=f"{nl.HEADING_5} mt-3"),
            html.Div(role="group", **{"aria-labelledby": "gebruiker-toekennen-kop"}, children=[
                _radio_group(ROLE, texts.USERS_ROLE_LEGEND,
                             [(r.value, texts.USERS_ROLE_OPTIONS[r.value]) for r in
                              (Role.EDITOR, Role.APPROVER, Role.VIEWER, Role.ADMIN)]),
                _radio_group(PROGRAMME, texts.USERS_PROGRAMME_LEGEND, programmes, texts.USERS_PROGRAMME_HINT),
                html.Button(texts.USERS_GRANT, id=GRANT, n_clicks=0, type="button", className=nl.BUTTON_PRIMARY),
            ]),
        ]),
        html.Section(className="users-section", **{"aria-labelledby": "gebruiker-wachtwoord-kop"}, children=[
            nl.H2(texts.USERS_RESET_TITLE, id="gebruiker-wachtwoord-kop", className=nl.HEADING_4),
            html.P([texts.USERS_OWN_PASSWORD, " ", nl.Link(texts.ACCOUNT_PASSWORD, href=PASSWORD_PATH), "."])
            if own else html.P(texts.USERS_RESET_INTRO),
            html.Div(hidden=own, children=[
                _text_field(RESET, texts.USERS_NEW_PASSWORD, kind="password", autocomplete="new-password",
                            hint=reset_hint, max_length=MAX_PASSWORD_LENGTH),
                html.Button(texts.USERS_RESET, id=RESET_BUTTON, n_clicks=0, type="button",
                            className=nl.BUTTON_PRIMARY),
            ]),
            html.Div(id=RESET_MESSAGE, className="mt-2", **{"aria-live": "polite"}),
        ]),
        back=LIST_PATH, back_text=texts.USERS_BACK,
    )


# --- writing -----------------------------------------------------------------------------------------------------


def create_account(values: dict[str, Any], actor: CurrentUser | None) -> dict[str, Any]:  # noqa: ANN401
    """Make the account from the new-account form: {"errors": {field: text}, "message": ..., "href": new page}."""
    name, email, password = (v if isinstance(v, str) else "" for v in
                             (values.get("name"), values.get("email"), values.get("password")))
    try:
        with write_session() as s:
            user = admin_create_user(s, actor, email, name, password)
            return {"errors": {}, "href": account_path(user.id)}
    except AccountInvalid as exc:
        return {"errors": exc.errors, "message": message(texts.USERS_NOT_CREATED)}
    except AccountError as exc:
        return {"errors": {exc.field: exc.message} if exc.field else {}, "message": message(exc.message)}


@callback(
    Output(NEW_MESSAGE, "children"),
    *(Output(f"{fid}-fout", "children") for fid in NEW_FIELDS.values()),
    *(Output(fid, "className") for fid in NEW_FIELDS.values()),
    Output(PASSWORD, "value"),
    Output("url", "pathname", allow_duplicate=True),
    Output("url", "search", allow_duplicate=True),
    Input(CREATE, "n_clicks"),
    *(State(fid, "value") for fid in NEW_FIELDS.values()),
    prevent_initial_call=True,
)
def create_clicked(clicks: int | None, name: Any, email: Any, password: Any) -> tuple:  # noqa: ANN401
    """Thin: `create_account` with the signed-in account; on success to the new account's page."""
    if not clicks:
        raise PreventUpdate
    result = create_account({"name": name, "email": email, "password": password}, current_user())
    if "href" in result:
        return (no_update,) * 7 + ("", result["href"], "?aangemaakt=1")
    errors = result["errors"]
    return (result.get("message", no_update),
            *(errors.get(f, "") for f in NEW_FIELDS),
            *(f"{nl.TEXTBOX} {nl.INVALID}" if f in errors else nl.TEXTBOX for f in NEW_FIELDS),
            "" if "password" in errors else no_update, no_update, no_update)


def account_action(action: str, grant_id: Any, values: dict[str, Any], item: Any,  # noqa: ANN401
                   actor: CurrentUser | None) -> dict[str, Any]:
    """One action on an account's page: `action` grant, revoke (grant `grant_id`), active (deactivate or
    reactivate) or reset (a new temporary password). Returns what changes on the page: "area" (role, active or
    reset: where the message goes), "message", "errors" {role|programme|password: text}, and after a write the new
    "roles" list, "status" text and "active" (whether the account is active)."""
    user_id = item.get("id") if isinstance(item, dict) else None
    area = {"grant": "role", "revoke": "role"}.get(action, action)
    out: dict[str, Any] = {"area": area, "errors": {}}
    try:
        with write_session() as s:
            names = {p.id: p.name for p in programme_choices(s)}
            if action == "grant":
                role, programme = values.get("role"), values.get("programme")
                programme = programme if isinstance(programme, int) else None
                new = admin_grant_role(s, actor, user_id, role, programme)
                words = role_words(role, names.get(programme) if programme and Role(role) in PROGRAMME_ROLES else None)
                done = (texts.USERS_GRANTED if new else texts.USERS_ALREADY).format(name=account(s, user_id).name,
                                                                                    role=words)
            elif action == "revoke":
                grant = admin_revoke_grant(s, actor, user_id, grant_id)
                name = names.get(grant.programme_id) if grant.programme_id else None
                done = texts.USERS_REVOKED.format(name=account(s, user_id).name, role=role_words(grant.role, name))
            elif action == "active":
                # what the button said when pressed (another admin may have changed it since): idempotent
                shown_active = item.get("active", True) if isinstance(item, dict) else True
                user = admin_set_active(s, actor, user_id, not shown_active)
                done = (texts.USERS_REACTIVATED if user.is_active else texts.USERS_DEACTIVATED).format(name=user.name)
            elif action == "reset":
                password = values.get("password")
                user = admin_set_password(s, actor, user_id, password if isinstance(password, str) else "")
                done = texts.USERS_RESET_DONE.format(name=user.name)
            else:
                raise PreventUpdate
            user = account(s, user_id)
            out.update(message=message(done, "success"), roles=_roles_list(user, actor.id),
                       status=_status(user), active=user.is_active)
    except AccountError as exc:
        field = exc.field if exc.field in ("role", "programme", "password") else None
        if field == "role" and action == "revoke":
            field = None  # no role field to mark: the message says it
        out["errors"] = {field: exc.message} if field else {}
        out["message"] = message(exc.message)
    return out


@callback(
    Output(ROLE_MESSAGE, "children"),
    Output(ACTIVE_MESSAGE, "children"),
    Output(RESET_MESSAGE, "children"),
    Output(f"{ROLE}-fout", "children"),
    Output(f"{PROGRAMME}-fout", "children"),
    Output(f"{RESET}-fout", "children"),
    Output(RESET, "className"),
    Output(RESET, "value"),
    Output(ROLES, "children"),
    Output(STATUS, "children"),
    Output(ACTIVE, "children"),
    Output(STORE, "data"),
    Input(GRANT, "n_clicks"),
    Input({"type": REVOKE, "grant": ALL}, "n_clicks"),
    Input(ACTIVE, "n_clicks"),
    Input(RESET_BUTTON, "n_clicks"),
    State(ROLE, "value"),
    State(PROGRAMME, "value"),
    State(RESET, "value"),
    State(STORE, "data"),
    prevent_initial_call=True,
)
def account_clicked(_grant: int | None, _revokes: list, _active: int | None, _reset: int | None,
                    role: Any, programme: Any, password: Any, item: Any) -> tuple:  # noqa: ANN401
    """Thin: which button, then `account_action` with the signed-in account."""
    if not ctx.triggered or not ctx.triggered[0].get("value"):
        raise PreventUpdate  # a button (re)appeared, nobody pressed it
    trigger = ctx.triggered_id
    grant_id = None
    if isinstance(trigger, dict) and trigger.get("type") == REVOKE:
        action, grant_id = "revoke", trigger.get("grant")
    else:
        action = {GRANT: "grant", ACTIVE: "active", RESET_BUTTON: "reset"}.get(trigger)
    if action is None:
        raise PreventUpdate
    result = account_action(action, grant_id, {"role": role, "programme": programme, "password": password}, item,
                            current_user())
    errors, area = result["errors"], result["area"]
    messages = [result["message"] if area == a else "" for a in ("role", "active", "reset")]
    written = "roles" in result
    return (*messages, errors.get("role", ""), errors.get("programme", ""), errors.get("password", ""),
            f"{nl.TEXTBOX} {nl.INVALID}" if "password" in errors else nl.TEXTBOX,
            "" if action == "reset" else no_update,
            result["roles"] if written else no_update,
            result["status"] if written else no_update,
            (texts.USERS_DEACTIVATE if result["active"] else texts.USERS_REACTIVATE) if written else no_update,
            {**item, "active": result["active"]} if written else no_update)

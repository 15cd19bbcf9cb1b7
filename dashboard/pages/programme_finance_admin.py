"""Route `/beheer/programma/<slug>/financien`: an admin chooses which taakveldgroepen count as a programme's money,
with a reason; every change is kept (who, when, before, after, why) and listed under the form.

The save callback goes through db.write.finance.set_programme_groups, which checks again that the signed-in account
is an admin, so a forged callback fares no better than a hidden button."""

from __future__ import annotations

from dash import Input, Output, State, callback, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import texts
from dashboard.auth import current_user
from dashboard.components import nl
from dashboard.components.account import sign_in_prompt
from dashboard.components.controls import scroll_region
from dashboard.components.edit_form import message
from dashboard.data import read_session, write_session
from db.read.finance import ProgrammeGroupsView, programme_groups_view
from db.write.finance import FinanceSettingError, set_programme_groups
from db.write.workflow import EditError, as_actor
from indicators.enums import Action
from indicators.finance import SOCIAL_GROUPS
from indicators.formatting import format_datetime

SLUG, NAMED, OTHER, REASON, SAVE, MESSAGE, HISTORY = (
    "financien-slug", "financien-groepen", "financien-overige", "financien-reden", "financien-opslaan",
    "financien-melding", "financien-geschiedenis")
VALIDATION_STUBS = [dcc.Store(id=SLUG), dcc.Checklist(id=NAMED), dcc.Checklist(id=OTHER), dcc.Textarea(id=REASON),
                    html.Button(id=SAVE), html.Div(id=MESSAGE), html.Div(id=HISTORY)]


def _names(view: ProgrammeGroupsView, codes: list[str]) -> str:
    names = {g.code: g.name for g in view.catalogue}
    return ", ".join(names.get(c, c) for c in codes) or texts.ADMIN_NONE


def history_table(view: ProgrammeGroupsView) -> html.Div | None:
    if not view.history:
        return None
    caption = texts.ADMIN_HISTORY_CAPTION.format(name=view.name)
    head = [texts.ADMIN_COL_WHEN, texts.ADMIN_COL_WHO, texts.ADMIN_COL_BEFORE, texts.ADMIN_COL_AFTER,
            texts.ADMIN_COL_REASON]
    rows = [html.Tr([html.Td(format_datetime(h.at)), html.Td(h.user_name), html.Td(_names(view, h.before)),
                     html.Td(_names(view, h.after)), html.Td(h.reason)]) for h in view.history]
    return html.Div([nl.H2(texts.ADMIN_HISTORY, className=nl.HEADING_4), scroll_region(html.Table(
        className=f"{nl.TABLE_COMPACT} finance-history", children=[html.Caption(caption), html.Thead(html.Tr(
            [html.Th(h, scope="col") for h in head])), html.Tbody(rows)]), caption)])


def _options(view: ProgrammeGroupsView, social: bool) -> list[dict]:
    named = SOCIAL_GROUPS | {"volksgezondheid", "veiligheid"}
    return [{"label": f"{g.name} – {g.explanation}" if g.explanation and social else g.name, "value": g.code}
            for g in view.catalogue if (g.code in named) == social]


def layout(slug: str | None = None, **_query: str) -> html.Div:
    path = f"/beheer/programma/{slug}/financien"
    user = current_user()
    if user is None:
        return sign_in_prompt(path)
    if not user.can(Action.ADMIN):
        return html.Div(className="container edit-page", children=[nl.H1(texts.BEHEER_TITLE),
                                                                    message(texts.ADMIN_NOT_ALLOWED)])
    with read_session() as s:
        view = programme_groups_view(s, slug or "")
    if view is None:
        return html.Div(className="container", children=[nl.H1(texts.NOT_FOUND_TITLE),
                                                         html.P(texts.PROGRAMME_NOT_FOUND.format(slug=slug))])
    social, other = _options(view, True), _options(view, False)
    chosen = set(view.groups)
    return html.Div(className="container edit-page", children=[
        html.P(nl.Link(texts.BEHEER_BACK, href="/beheer"), className="edit-back"),
        nl.H1(texts.ADMIN_TITLE.format(name=view.name)),
        html.P(texts.ADMIN_INTRO),
        dcc.Store(id=SLUG, data=view.slug),
        html.Fieldset(className="region-group", children=[
            html.Legend(texts.ADMIN_SOCIAL),
            dcc.Checklist(id=NAMED, options=social, value=[o["value"] for o in social if o["value"] in chosen],
                          inputClassName=nl.CHECKBOX, labelClassName="region-option")]),
        html.Details(open=any(o["value"] in chosen for o in other), className="compare-details", children=[
            html.Summary(texts.ADMIN_OTHER),
            html.Fieldset(className="region-group", children=[
                html.Legend(texts.ADMIN_OTHER, className="visually-hidden"),
                dcc.Checklist(id=OTHER, options=other, value=[o["value"] for o in other if o["value"] in chosen],
                              inputClassName=nl.CHECKBOX, labelClassName="region-option")])]),
        html.Div(className="mb-3", children=[
            html.Label(texts.ADMIN_REASON, htmlFor=REASON, className=nl.LABEL),
            dcc.Textarea(id=REASON, value="", rows=2, className=nl.TEXTAREA)]),
        html.P(html.Button(texts.ADMIN_SAVE, id=SAVE, n_clicks=0, type="button", className=nl.BUTTON_PRIMARY)),
        html.Div(id=MESSAGE, className="mb-4", **{"aria-live": "polite"}),
        html.Div(id=HISTORY, children=history_table(view)),
    ])


def save(n_clicks: int | None, slug: str | None, named: list[str] | None, other: list[str] | None,
         reason: str | None) -> tuple:
    """Store the choice (admins only, with a reason); the message and the new history."""
    if not n_clicks or not slug:
        raise PreventUpdate
    user = current_user()
    groups = [*(named or []), *(other or [])]
    try:
        with write_session() as s:
            change = set_programme_groups(s, as_actor(user), slug, groups, reason or "")
    except (FinanceSettingError, EditError) as exc:
        return message(getattr(exc, "message", None) or str(exc)), no_update
    with read_session() as s:
        view = programme_groups_view(s, slug)
    note = texts.ADMIN_SAVED.format(groups=_names(view, change.after)) if change.changed else texts.ADMIN_UNCHANGED
    return message(note, "success"), history_table(view)


callback(
    Output(MESSAGE, "children"),
    Output(HISTORY, "children"),
    Input(SAVE, "n_clicks"),
    State(SLUG, "data"),
    State(NAMED, "value"),
    State(OTHER, "value"),
    State(REASON, "value"),
    prevent_initial_call=True,
)(save)

"""Route `/beheer/programma/<slug>/kwartaal/<YYYY>-Q<n>`: the bulk grid. Every result of the programme in one table
of labelled inputs (target, realised value, status, explanation) saved at once by db.write.save_quarter: all or
nothing, with each bad row's error next to that row. Only changed rows are sent, each with the version it showed."""

from __future__ import annotations

from typing import Any

from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import texts
from dashboard.auth import current_user
from dashboard.components import nl
from dashboard.components.account import sign_in_prompt
from dashboard.components.controls import scroll_region
from dashboard.components.edit_form import dom_id, form_value, message, state_label
from dashboard.data import read_session, write_session
from db import write as editing
from db.read.programmes import programme_choices
from db.read.programmes import programme_id as programme_id_of
from db.session import Session
from db.write.workflow import BulkRefused, Conflict, EditError, Invalid, as_actor, may
from db.write.worklist import quarter_grid
from indicators.enums import Action, PeriodKind
from indicators.periods import Period, PeriodError

FIELD = "kwartaal-veld"  # {"type": FIELD, "result": id, "field": name}
ROW_ERROR = "kwartaal-fout"  # {"type": ROW_ERROR, "result": id}
ROW_STATE = "kwartaal-stand"  # {"type": ROW_STATE, "result": id}
STORE = "kwartaal-data"
COLUMNS = ("target", "realised", "status", "explanation")
VALIDATION_STUBS = [dcc.Store(id=STORE), html.Div(id="kwartaal-melding"), html.Button(id="kwartaal-opslaan")]


def _page(title: str, *children: Any) -> html.Div:  # noqa: ANN401
    return html.Div(className="container edit-page grid-page", children=[
        html.P(nl.Link(texts.BEHEER_BACK, href="/beheer"), className="edit-back"), nl.H1(title), *children])


def _shown(value: Any) -> str:  # noqa: ANN401
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def grid_rows(session: Session, programme_id: int, period: Period) -> list[dict[str, Any]]:
    """Each result of the programme with its measurement of `period` (or none), as the grid shows it."""
    return [{"id": r.id, "name": r.name, "unit": r.unit, "project": r.project, "version": r.version, "state": r.state,
             "values": {"target": _shown(r.target), "realised": _shown(r.realised), "status": r.status,
                        "explanation": r.explanation}} for r in quarter_grid(session, programme_id, period)]


def _state_text(state: str | None, version: int | None) -> str:
    return texts.GRID_NO_MEASUREMENT if state is None else f"{state_label(state)} · versie {version}"


def _cell(rid: int, field: str, name: str, value: str, disabled: bool) -> html.Td:
    cid = {"type": FIELD, "result": rid, "field": field}
    col = texts.FIELD_LABELS[field]
    hidden = html.Span(f" – {name}", className="visually-hidden")
    if field == "status":
        return html.Td(html.Fieldset(className="grid-status", children=[
            html.Legend([col, hidden], className="grid-label"),
            dcc.RadioItems(id=cid, value=value, inputClassName=nl.RADIO, labelClassName="edit-option",
                           options=[{"label": lab, "value": v, "disabled": disabled}
                                    for v, lab in texts.CHOICE_LABELS["status"].items()]),
        ]))
    label = html.Label([col, hidden], htmlFor=dom_id(cid), className="grid-label")
    if field == "explanation":
        control = dcc.Textarea(id=cid, value=value, rows=2, className=nl.TEXTAREA, disabled=disabled)
    else:
        control = dcc.Input(id=cid, value=value, type="text", inputMode="decimal", autoComplete="off",
                            className=nl.TEXTBOX, disabled=disabled)
    return html.Td([label, control])


def layout(slug: str | None = None, quarter: str | None = None, **_query: str) -> html.Div:
    if slug is None or quarter is None:
        return html.Div(VALIDATION_STUBS)
    path = f"/beheer/programma/{slug}/kwartaal/{quarter}"
    user = current_user()
    if user is None:
        return sign_in_prompt(path)
    actor = as_actor(user)
    try:
        period = Period.parse(quarter)
    except PeriodError:
        period = None
    with read_session() as s:
        programme = next((p for p in programme_choices(s) if p.slug == slug), None)
        if programme is None:
            return _page(texts.BEHEER_TITLE, message(texts.BEHEER_NOT_FOUND))
        if not may(actor, Action.READ_UNPUBLISHED, [programme.id]):
            return _page(texts.BEHEER_TITLE, message(texts.BEHEER_NOT_ALLOWED))
        if period is None or period.kind is not PeriodKind.QUARTER:
            return _page(texts.BEHEER_TITLE, message(texts.GRID_BAD_QUARTER))
        rows = grid_rows(s, programme.id, period)
    can_edit = may(actor, Action.EDIT, [programme.id])
    title = texts.GRID_TITLE.format(quarter=period.code, programme=programme.name)
    if not rows:
        return _page(title, html.P(texts.GRID_NO_RESULTS))
    body = []
    for r in rows:
        name = f"{r['name']} ({r['project']})"
        body.append(html.Tr(className="grid-row", children=[
            html.Th(scope="row", children=[html.Span(r["name"], className="grid-result"),
                                           html.Span(f"{r['project']} · {r['unit']}", className="grid-context")]),
            *[_cell(r["id"], f, name, r["values"][f], not can_edit) for f in COLUMNS],
            html.Td([html.Span(_state_text(r["state"], r["version"]), id={"type": ROW_STATE, "result": r["id"]}),
                     html.Span(id={"type": ROW_ERROR, "result": r["id"]}, className="field-error grid-error")]),
        ]))
    table = html.Table(className=f"{nl.TABLE_COMPACT} grid-table", children=[
        html.Caption(texts.GRID_TABLE.format(quarter=period.code)),
        html.Thead(html.Tr([html.Th(c, scope="col") for c in texts.GRID_COLS])),
        html.Tbody(body),
    ])
    data = {"programme": slug, "quarter": period.code,
            "rows": {str(r["id"]): {"version": r["version"], "values": r["values"]} for r in rows}}
    return _page(title,
                 html.P(texts.GRID_INTRO),
                 dcc.Store(id=STORE, data=data),
                 html.Div(id="kwartaal-melding", **{"aria-live": "polite"}),
                 html.Form(noValidate=True, className="grid-form", **{"aria-label": title}, children=[
                     scroll_region(table, texts.GRID_TABLE.format(quarter=period.code)),
                     html.Button(texts.GRID_SAVE, id="kwartaal-opslaan", n_clicks=0, type="button",
                                 className=nl.BUTTON_PRIMARY, hidden=not can_edit),
                     None if can_edit else html.P(texts.EDIT_READ_ONLY),
                 ]))


def _row_error(exc: EditError) -> str:
    if isinstance(exc, Invalid):
        return "; ".join(f"{texts.FIELD_LABELS.get(f, f)}: {m}" for f, m in exc.errors.items())
    if isinstance(exc, Conflict):
        theirs = ", ".join(f"{texts.FIELD_LABELS.get(f, f)} {_shown(exc.theirs.get(f)) or '–'}" for f in COLUMNS)
        return f"{exc.message} Opgeslagen: {theirs}."
    return exc.message


def save_grid(inputs: dict[str, dict[str, Any]], data: dict[str, Any] | None, actor: Any  # noqa: ANN401
              ) -> tuple[Any, dict[str, str], dict[str, str] | None, dict[str, Any] | None]:  # noqa: ANN401
    """Save the changed rows: (message, {result id: error}, {result id: state text} or None, new store or None)."""
    if not isinstance(data, dict) or not isinstance(data.get("rows"), dict):
        raise PreventUpdate
    sent: list[str] = []
    rows = []
    for rid, shown in data["rows"].items():
        now = inputs.get(rid)
        if now is None:
            continue
        before = shown.get("values") or {}
        changed = {f: form_value(f, v) for f, v in now.items() if f in COLUMNS and (v or "") != (before.get(f) or "")}
        if not changed:
            continue
        if shown.get("version") is None:  # a new measurement: send every filled-in field
            changed = {f: form_value(f, v) for f, v in now.items() if f in COLUMNS and v not in (None, "")}
        sent.append(rid)
        rows.append({"result_id": int(rid), "expected_version": shown.get("version"), **changed})
    if not rows:
        return message(texts.GRID_NOTHING, "success"), {}, None, None
    try:
        with write_session() as s:
            editing.save_quarter(s, actor, str(data.get("programme")), str(data.get("quarter")), rows)
    except BulkRefused as exc:
        errors = {sent[i]: _row_error(e) for i, e in exc.rows.items() if i < len(sent)}
        return message(texts.GRID_REFUSED.format(count=len(errors))), errors, None, None
    except EditError as exc:
        return message(" ".join(exc.errors.values()) if isinstance(exc, Invalid) else exc.message), {}, None, None
    with read_session() as s:
        programme_id = programme_id_of(s, data["programme"])
        fresh = grid_rows(s, programme_id, Period.parse(data["quarter"]))
    states = {str(r["id"]): _state_text(r["state"], r["version"]) for r in fresh}
    new = {**data, "rows": {str(r["id"]): {"version": r["version"], "values": r["values"]} for r in fresh}}
    return message(texts.GRID_SAVED.format(count=len(rows)), "success"), {}, states, new


@callback(
    Output("kwartaal-melding", "children"),
    Output({"type": ROW_ERROR, "result": ALL}, "children"),
    Output({"type": ROW_STATE, "result": ALL}, "children"),
    Output(STORE, "data"),
    Input("kwartaal-opslaan", "n_clicks"),
    State({"type": FIELD, "result": ALL, "field": ALL}, "value"),
    State(STORE, "data"),
    prevent_initial_call=True,
)
def save_quarter_grid(clicks: int | None, values: list, data: dict | None) -> tuple:
    if not clicks:
        raise PreventUpdate
    inputs: dict[str, dict[str, Any]] = {}
    for state, value in zip(ctx.states_list[0], values, strict=False):
        inputs.setdefault(str(state["id"]["result"]), {})[state["id"]["field"]] = value
    note, errors, states, new = save_grid(inputs, data, as_actor(current_user()))
    error_ids = [str(o["id"]["result"]) for o in ctx.outputs_list[1]]
    state_ids = [str(o["id"]["result"]) for o in ctx.outputs_list[2]]
    return (note, [errors.get(r, "") for r in error_ids],
            [states.get(r, no_update) for r in state_ids] if states else [no_update] * len(state_ids),
            new if new is not None else no_update)

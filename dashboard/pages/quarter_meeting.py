"""Route `/beheer/kwartaal/<YYYY>-Q<n>`: the quarterly meeting in the web app.

Per programme the signed-in account may approve (its approvers, and admins): a form to record a besluit or
actiepunt, the open action items from earlier quarters and this quarter's notes, each open actiepunt with an
"Afgerond op <datum>" action; a note keeps the signed-in account's name as who recorded it and who marked it done,
and shows both. For admins, while the quarter is a draft, the publish panel of dashboard/pages/quarter_publish.py.

Every write callback checks the rights again on the server: db.accounts.allowed(grants, Action.APPROVE,
programme_id) for notes (the programme of the note in the database, not the one the browser names). A refusal
writes nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import texts
from dashboard.auth import CurrentUser, current_user
from dashboard.components import nl
from dashboard.components.account import sign_in_prompt
from dashboard.components.edit_form import dom_id, message
from dashboard.components.quarter_parts import note_meta
from dashboard.data import read_session, write_session
from dashboard.pages.quarter_publish import (
    NOT_SIGNED_IN,
    PUBLISH_STUBS,
    QUARTER_STORE,
    STATUS,
    publish_section,
    status_text,
)
from db.read.lookups import quarter_exists
from db.read.programmes import programme_choices, programme_id
from db.read.quarter import action_item, meeting_notes
from db.write.quarter import add_note, mark_done
from indicators.enums import Action, MeetingNoteKind
from indicators.formatting import format_date
from indicators.periods import PeriodError, parse_quarter
from indicators.quarter import NoteItem

FIELD = "overleg-veld"  # {"type": FIELD, "programme": slug, "field": kind|text|owner|due}
ERROR = "overleg-fout"  # {"type": ERROR, "programme": slug, "field": ...}
SAVE = "overleg-opslaan"  # {"type": SAVE, "programme": slug}
MESSAGE = "overleg-melding"  # {"type": MESSAGE, "programme": slug}
LISTS = "overleg-lijsten"  # {"type": LISTS, "programme": slug}
DONE = "overleg-afgerond"  # {"type": DONE, "programme": slug, "note": id}
DONE_DATE = "overleg-afgerond-datum"  # {"type": DONE_DATE, "programme": slug, "note": id}
FIELDS = ("kind", "text", "owner", "due")
MAX_OWNER = 200
MAX_TEXT = 4000
VALIDATION_STUBS = PUBLISH_STUBS


# --- reading -----------------------------------------------------------------------------------------------------


def approvable(user: CurrentUser | None) -> list[tuple[int, str, str]]:
    """(id, slug, name) of the programmes `user` may approve: approver of that programme, or admin."""
    if user is None:
        return []
    with read_session() as s:
        rows = programme_choices(s)
    return [(pid, slug, name) for pid, slug, name in rows if user.can(Action.APPROVE, pid)]


def may_hold_meeting(user: CurrentUser | None) -> bool:
    """Whether the signed-in account may use this page for some programme (for links to it)."""
    return bool(approvable(user))


def notes_of(programme_id: int, code: str) -> tuple[list[NoteItem], list[NoteItem]]:
    """The action items of earlier quarters that are still open, and the notes recorded for this quarter."""
    with read_session() as s:
        return meeting_notes(s, programme_id, code)


# --- building the page ----------------------------------------------------------------------------------------------


def _done_control(slug: str, n: NoteItem) -> html.Div | None:
    if n.kind != MeetingNoteKind.ACTION.value or n.done_on is not None:
        return None
    did = {"type": DONE_DATE, "programme": slug, "note": n.id}
    return html.Div(className="meeting-done", children=[
        html.Label([texts.MEETING_DONE_DATE, html.Span(f" – {n.text}", className="visually-hidden")],
                   htmlFor=dom_id(did), className=f"{nl.LABEL} me-2"),
        dcc.Input(id=did, type="date", value=date.today().isoformat(), className=f"{nl.TEXTBOX} meeting-date"),
        html.Button(texts.MEETING_DONE_BUTTON, id={"type": DONE, "programme": slug, "note": n.id}, n_clicks=0,
                    type="button", className=nl.BUTTON_SECONDARY_SMALL,
                    **{"aria-label": texts.MEETING_DONE_LABEL.format(text=n.text)}),
    ])


def note_list(slug: str, notes: list[NoteItem], empty: str) -> html.Ul | html.P:
    if not notes:
        return html.P(empty)
    return html.Ul(className="note-list meeting-notes", children=[html.Li(className=f"note note-{n.kind}", children=[
        html.Strong(texts.NOTE_KIND_LABELS[n.kind] + ": "), n.text,
        html.Span(f" ({note_meta(n)})", className="note-meta") if note_meta(n) else None,
        _done_control(slug, n),
    ]) for n in notes])


def lists(slug: str, programme_id: int, code: str) -> list:
    carried, own = notes_of(programme_id, code)
    return [nl.H3(texts.MEETING_OPEN, className=nl.HEADING_5), note_list(slug, carried, texts.MEETING_NO_OPEN),
            nl.H3(texts.MEETING_THIS_QUARTER, className=nl.HEADING_5), note_list(slug, own, texts.MEETING_NONE)]


def _error(slug: str, field: str) -> html.Span:
    return html.Span(id={"type": ERROR, "programme": slug, "field": field}, className="field-error")


def note_form(slug: str, name: str) -> html.Form:
    def fid(field: str) -> dict[str, str]:
        return {"type": FIELD, "programme": slug, "field": field}

    def label(field: str, text: str, *extra: Any) -> html.Label:  # noqa: ANN401
        return html.Label([text, *extra, " ", _error(slug, field)], htmlFor=dom_id(fid(field)), className=nl.LABEL)

    return html.Form(noValidate=True, className="meeting-form", **{"aria-label": texts.MEETING_FORM_LABEL.format(
        programme=name)}, children=[
        html.Fieldset(className="edit-field radio-group mb-3", children=[
            html.Legend([texts.MEETING_KIND, " ", _error(slug, "kind")], className=nl.LABEL),
            dcc.RadioItems(id=fid("kind"), value=MeetingNoteKind.DECISION.value, inline=True,
                           inputClassName=nl.RADIO, labelClassName="edit-option",
                           options=[{"label": texts.NOTE_KIND_LABELS[k.value], "value": k.value}
                                    for k in MeetingNoteKind]),
        ]),
        html.Div(className="edit-field mb-3", children=[
            label("text", texts.MEETING_TEXT, " ", html.Span(texts.EDIT_REQUIRED, className="field-required")),
            dcc.Textarea(id=fid("text"), value="", rows=3, className=nl.TEXTAREA)]),
        html.Div(className="edit-field mb-3", children=[
            label("owner", texts.MEETING_OWNER, " ", html.Span(texts.MEETING_OWNER_HINT, className="field-required")),
            dcc.Input(id=fid("owner"), value="", type="text", autoComplete="off", className=nl.TEXTBOX)]),
        html.Div(className="edit-field mb-3", children=[
            label("due", texts.MEETING_DUE, " ", html.Span(texts.MEETING_OWNER_HINT, className="field-required")),
            dcc.Input(id=fid("due"), value="", type="date", className=f"{nl.TEXTBOX} meeting-date")]),
        html.Button(texts.MEETING_SAVE, id={"type": SAVE, "programme": slug}, n_clicks=0, type="button",
                    className=nl.BUTTON_PRIMARY, **{"aria-label": texts.MEETING_SAVE_LABEL.format(programme=name)}),
    ])


def programme_section(pid: int, slug: str, name: str, code: str) -> html.Section:
    heading = f"overleg-{slug}"
    return html.Section(className="meeting-programme", **{"aria-labelledby": heading}, children=[
        nl.H2(name, id=heading),
        nl.H3(texts.MEETING_FORM, className=nl.HEADING_5),
        html.Div(id={"type": MESSAGE, "programme": slug}, **{"aria-live": "polite"}),
        note_form(slug, name),
        html.Div(lists(slug, pid, code), id={"type": LISTS, "programme": slug}),
    ])


def _page(title: str, *children: Any) -> html.Div:  # noqa: ANN401
    return html.Div(className="container edit-page meeting-page", children=[
        html.P(nl.Link(texts.BEHEER_BACK, href="/beheer"), className="edit-back"), nl.H1(title), *children])


def layout(quarter: str | None = None, **_query: str) -> html.Div:
    if quarter is None:
        return html.Div(VALIDATION_STUBS)
    user = current_user()
    if user is None:
        return sign_in_prompt(f"/beheer/kwartaal/{quarter}")
    try:
        period = parse_quarter(quarter)
    except PeriodError:
        return _page(texts.BEHEER_TITLE, message(texts.GRID_BAD_QUARTER))
    programmes = approvable(user)
    title = texts.MEETING_TITLE.format(label=period.label)
    if not programmes:
        return _page(title, message(texts.MEETING_NOT_ALLOWED))
    return _page(
        title,
        html.P(texts.MEETING_INTRO),
        html.Div(status_text(period.code), id=STATUS),
        html.P(nl.Link(texts.MEETING_REPORT_LINK, href=f"/kwartaal/{period.code}")),
        dcc.Store(id=QUARTER_STORE, data=period.code),
        publish_section(user, period),
        *[programme_section(pid, slug, name, period.code) for pid, slug, name in programmes],
    )


# --- writing: notes ------------------------------------------------------------------------------------------------


def _programme_id(slug: str) -> int | None:
    with read_session() as s:
        return programme_id(s, slug)


def _date(value: Any) -> date | None:  # noqa: ANN401
    """A date from a date input; raises ValueError for anything else that is not empty."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(value)
    return date.fromisoformat(value)


def validate_note(values: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:  # noqa: ANN401
    """Field errors (Dutch) and the clean values of the note form."""
    errors: dict[str, str] = {}
    kind = values.get("kind")
    if kind not in {k.value for k in MeetingNoteKind}:
        errors["kind"] = texts.MEETING_ERR_KIND
    text = values.get("text") if isinstance(values.get("text"), str) else ""
    owner = values.get("owner") if isinstance(values.get("owner"), str) else ""
    if not text.strip():
        errors["text"] = texts.MEETING_ERR_TEXT
    elif len(text) > MAX_TEXT:
        errors["text"] = texts.MEETING_ERR_LONG.format(max=MAX_TEXT)
    if len(owner) > MAX_OWNER:
        errors["owner"] = texts.MEETING_ERR_LONG.format(max=MAX_OWNER)
    elif kind == MeetingNoteKind.ACTION.value and not owner.strip():
        errors["owner"] = texts.MEETING_ERR_OWNER
    try:
        due = _date(values.get("due"))
    except ValueError:
        due = None
        errors["due"] = texts.MEETING_ERR_DATE
    else:
        if due is None and kind == MeetingNoteKind.ACTION.value:
            errors["due"] = texts.MEETING_ERR_DUE
    return errors, {"kind": kind, "text": text, "owner": owner, "due_date": due}


def record_note(user: CurrentUser | None, slug: str, code: str, values: dict[str, Any]  # noqa: ANN401
                ) -> tuple[html.Div, dict[str, str], bool]:
    """Record a besluit or actiepunt: (message, field errors, written)."""
    pid = _programme_id(slug)
    if user is None or pid is None or not user.can(Action.APPROVE, pid):
        return message(texts.MEETING_REFUSED if user else NOT_SIGNED_IN), {}, False
    try:
        quarter = parse_quarter(code)
    except PeriodError:
        return message(texts.GRID_BAD_QUARTER), {}, False
    with read_session() as s:
        if not quarter_exists(s, quarter):  # 1900-Q1, 2090-Q1: no meeting about them (db.read.lookups)
            return message(texts.MEETING_QUARTER_UNKNOWN.format(label=quarter.label)), {}, False
    errors, clean = validate_note(values)
    if errors:
        return message(texts.MEETING_ERRORS), errors, False
    with write_session() as s:
        add_note(s, slug, quarter, clean["kind"], clean["text"], clean["owner"], clean["due_date"],
                 created_by=user.name)
    return message(texts.MEETING_SAVED.format(kind=texts.NOTE_KIND_LABELS[clean["kind"]]), "success"), {}, True


def complete(user: CurrentUser | None, note_id: Any, value: Any) -> tuple[html.Div, bool]:  # noqa: ANN401
    """Mark an action item done on the chosen date: (message, written). The right is checked against the programme
    of the note in the database."""
    if user is None:
        return message(NOT_SIGNED_IN), False
    with write_session() as s:
        note = action_item(s, note_id)
        if note is None or note.kind != MeetingNoteKind.ACTION.value:
            return message(texts.MEETING_DONE_GONE), False
        if not user.can(Action.APPROVE, note.programme_id):
            return message(texts.MEETING_REFUSED), False
        if note.done_on is not None:
            return message(texts.MEETING_DONE_ALREADY), False
        try:
            done_on = _date(value)
        except ValueError:
            done_on = None
        if done_on is None:
            return message(texts.MEETING_ERR_DATE), False
        if done_on > date.today():
            return message(texts.MEETING_DONE_FUTURE), False
        mark_done(s, note.id, done_on, done_by=user.name)
    return message(texts.MEETING_DONE_SAVED.format(date=format_date(done_on)), "success"), True


@callback(
    Output({"type": MESSAGE, "programme": ALL}, "children"),
    Output({"type": ERROR, "programme": ALL, "field": ALL}, "children"),
    Output({"type": LISTS, "programme": ALL}, "children"),
    Output({"type": FIELD, "programme": ALL, "field": ALL}, "value"),
    Input({"type": SAVE, "programme": ALL}, "n_clicks"),
    Input({"type": DONE, "programme": ALL, "note": ALL}, "n_clicks"),
    State({"type": FIELD, "programme": ALL, "field": ALL}, "value"),
    State({"type": DONE_DATE, "programme": ALL, "note": ALL}, "value"),
    State(QUARTER_STORE, "data"),
    prevent_initial_call=True,
)
def meeting_write(_saves: list, _dones: list, values: list, dates: list, code: Any) -> tuple:  # noqa: ANN401
    trigger = ctx.triggered_id
    if not ctx.triggered or not ctx.triggered[0].get("value") or not isinstance(trigger, dict):
        raise PreventUpdate
    slug = trigger.get("programme")
    user = current_user()
    field_ids = [s["id"] for s in ctx.states_list[0]]
    messages = [no_update] * len(ctx.outputs_list[0])
    errors_out: list[Any] = [no_update] * len(ctx.outputs_list[1])
    lists_out: list[Any] = [no_update] * len(ctx.outputs_list[2])
    values_out: list[Any] = [no_update] * len(ctx.outputs_list[3])
    if trigger.get("type") == SAVE:
        mine = {fid["field"]: v for fid, v in zip(field_ids, values, strict=False) if fid.get("programme") == slug}
        note, errors, written = record_note(user, str(slug), str(code), mine)
        errors_out = [errors.get(o["id"]["field"], "") if o["id"].get("programme") == slug else no_update
                      for o in ctx.outputs_list[1]]
        if written:
            values_out = [(MeetingNoteKind.DECISION.value if o["id"]["field"] == "kind" else "")
                          if o["id"].get("programme") == slug else no_update for o in ctx.outputs_list[3]]
    elif trigger.get("type") == DONE:
        date_ids = [s["id"] for s in ctx.states_list[1]]
        chosen = next((v for did, v in zip(date_ids, dates, strict=False) if did.get("note") == trigger.get("note")),
                      None)
        note, written = complete(user, trigger.get("note"), chosen)
    else:
        raise PreventUpdate
    messages = [note if o["id"].get("programme") == slug else no_update for o in ctx.outputs_list[0]]
    if written:
        pid = _programme_id(str(slug))
        lists_out = [lists(str(slug), pid, str(code)) if o["id"].get("programme") == slug and pid else no_update
                     for o in ctx.outputs_list[2]]
    return messages, errors_out, lists_out, values_out

"""Route `/beheer/kwartaal/<YYYY>-Q<n>`: the quarterly meeting in the web app.

Per programme the signed-in account may approve (its approvers, and admins): a form to record a besluit or
actiepunt, the open action items from earlier quarters and this quarter's notes, each open actiepunt with an
"Afgerond op <datum>" action; a note keeps the signed-in account's name as who recorded it and who marked it done,
and shows both. For admins, while the quarter is a draft: "Kwartaal vaststellen (publiceren)" with a
confirmation step. Publishing freezes every programme's report (indicators.quarter_snapshot.publish_quarter); its
PDF is rendered in the export worker process (dashboard.exports.jobs, as the quarter page's PDF download does), and
the page polls once a second until it is there, so no web request waits for it.

Every write callback checks the rights again on the server: db.accounts.allowed(grants, Action.APPROVE,
programme_id) for notes (the programme of the note in the database, not the one the browser names), Action.ADMIN
for publishing. A refusal writes nothing. Publishing is stateless between polls: the browser holds only the quarter
and the publication time, the server rebuilds the report and finds the PDF job by the hash of its content."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from dashboard import texts
from dashboard.auth import CurrentUser, current_user
from dashboard.components.edit_form import dom_id, message
from dashboard.components.quarter_parts import note_meta
from dashboard.data import read_session, write_session
from dashboard.exports import jobs
from dashboard.exports.report_html import render_html
from dashboard.exports.routes import export_key, pdf_from_json
from dashboard.exports.xlsx import render_xlsx
from dashboard.limits import parse_id
from dashboard.pages.bewerken import sign_in_prompt
from dashboard.public_url import base_url as public_base_url
from db.accounts import Action
from db.lookups import quarter_exists
from db.models import MeetingNote, MeetingNoteKind, Programme, QuarterSnapshot, as_utc
from db.periods import Period, PeriodError
from db.workflow import MESSAGES
from indicators.formatting import format_date
from indicators.quarter import NoteItem, canonical_json, last_ended_quarter, note_item, parse_quarter
from indicators.quarter_snapshot import (
    FrozenSnapshotError,
    Renderers,
    add_note,
    mark_done,
    prepare_report,
    publish_quarter,
)

FIELD = "overleg-veld"  # {"type": FIELD, "programme": slug, "field": kind|text|owner|due}
ERROR = "overleg-fout"  # {"type": ERROR, "programme": slug, "field": ...}
SAVE = "overleg-opslaan"  # {"type": SAVE, "programme": slug}
MESSAGE = "overleg-melding"  # {"type": MESSAGE, "programme": slug}
LISTS = "overleg-lijsten"  # {"type": LISTS, "programme": slug}
DONE = "overleg-afgerond"  # {"type": DONE, "programme": slug, "note": id}
DONE_DATE = "overleg-afgerond-datum"  # {"type": DONE_DATE, "programme": slug, "note": id}
FIELDS = ("kind", "text", "owner", "due")
QUARTER_STORE = "overleg-kwartaal"
PUBLISH, CONFIRM, CONFIRM_YES, CONFIRM_NO = ("overleg-vaststellen", "overleg-bevestig", "overleg-bevestig-ja",
                                             "overleg-bevestig-nee")
PUBLISH_STATUS, PUBLISH_TICK, PUBLISH_STORE, STATUS = ("overleg-voortgang", "overleg-tik", "overleg-publicatie",
                                                       "overleg-status")
NOT_SIGNED_IN = MESSAGES["not_signed_in"]
MAX_OWNER = 200
MAX_TEXT = 4000
PUBLISH_WINDOW = timedelta(minutes=15)  # a publication time older than this (or in the future) is not accepted
VALIDATION_STUBS = [
    dcc.Store(id=QUARTER_STORE), dcc.Store(id=PUBLISH_STORE), html.Div(id=STATUS), html.Div(id=PUBLISH_STATUS),
    html.Div(id=CONFIRM), html.Button(id=PUBLISH), html.Button(id=CONFIRM_YES), html.Button(id=CONFIRM_NO),
    dcc.Interval(id=PUBLISH_TICK, disabled=True),
]


# --- reading -----------------------------------------------------------------------------------------------------


def approvable(user: CurrentUser | None) -> list[tuple[int, str, str]]:
    """(id, slug, name) of the programmes `user` may approve: approver of that programme, or admin."""
    if user is None:
        return []
    with read_session() as s:
        rows = s.execute(select(Programme.id, Programme.slug, Programme.name)
                         .order_by(Programme.sort_order, Programme.id)).all()
    return [(pid, slug, name) for pid, slug, name in rows if user.can(Action.APPROVE, pid)]


def may_hold_meeting(user: CurrentUser | None) -> bool:
    """Whether the signed-in account may use this page for some programme (for links to it)."""
    return bool(approvable(user))


def notes_of(programme_id: int, code: str) -> tuple[list[NoteItem], list[NoteItem]]:
    """The action items of earlier quarters that are still open, and the notes recorded for this quarter."""
    with read_session() as s:
        rows = s.scalars(select(MeetingNote).where(
            MeetingNote.programme_id == programme_id,
            or_(MeetingNote.quarter == code,
                (MeetingNote.quarter < code) & (MeetingNote.kind == MeetingNoteKind.ACTION)
                & MeetingNote.done_on.is_(None)))
            .order_by(MeetingNote.quarter, MeetingNote.id)).all()
        items = [note_item(n, carried=n.quarter < code) for n in rows]
    return [n for n in items if n.carried], [n for n in items if not n.carried]


def published(code: str) -> tuple[datetime, str] | None:
    with read_session() as s:
        row = s.execute(select(QuarterSnapshot.published_at, QuarterSnapshot.published_by)
                        .where(QuarterSnapshot.quarter == code)).first()
    return (as_utc(row[0]), row[1]) if row else None  # the date shown is Amsterdam's


# --- building the page ----------------------------------------------------------------------------------------------


def status_text(code: str) -> html.P:
    frozen = published(code)
    if frozen is None:
        return html.P(texts.QUARTER_DRAFT, className="quarter-status quarter-draft")
    at, by = frozen
    by_text = texts.QUARTER_PUBLISHED_BY.format(name=by) if by else ""
    return html.P(texts.QUARTER_PUBLISHED.format(date=format_date(at), by=by_text),
                  className="quarter-status quarter-published")


def _done_control(slug: str, n: NoteItem) -> html.Div | None:
    if n.kind != MeetingNoteKind.ACTION.value or n.done_on is not None:
        return None
    did = {"type": DONE_DATE, "programme": slug, "note": n.id}
    return html.Div(className="meeting-done", children=[
        html.Label([texts.MEETING_DONE_DATE, html.Span(f" – {n.text}", className="visually-hidden")],
                   htmlFor=dom_id(did), className="form-label me-2"),
        dcc.Input(id=did, type="date", value=date.today().isoformat(), className="form-control meeting-date"),
        html.Button(texts.MEETING_DONE_BUTTON, id={"type": DONE, "programme": slug, "note": n.id}, n_clicks=0,
                    type="button", className="btn btn-sm btn-outline-primary",
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
    return [html.H3(texts.MEETING_OPEN, className="h5"), note_list(slug, carried, texts.MEETING_NO_OPEN),
            html.H3(texts.MEETING_THIS_QUARTER, className="h5"), note_list(slug, own, texts.MEETING_NONE)]


def _error(slug: str, field: str) -> html.Span:
    return html.Span(id={"type": ERROR, "programme": slug, "field": field}, className="field-error")


def note_form(slug: str, name: str) -> html.Form:
    def fid(field: str) -> dict[str, str]:
        return {"type": FIELD, "programme": slug, "field": field}

    def label(field: str, text: str, *extra: Any) -> html.Label:  # noqa: ANN401
        return html.Label([text, *extra, " ", _error(slug, field)], htmlFor=dom_id(fid(field)), className="form-label")

    return html.Form(noValidate=True, className="meeting-form", **{"aria-label": texts.MEETING_FORM_LABEL.format(
        programme=name)}, children=[
        html.Fieldset(className="edit-field radio-group mb-3", children=[
            html.Legend([texts.MEETING_KIND, " ", _error(slug, "kind")], className="form-label"),
            dcc.RadioItems(id=fid("kind"), value=MeetingNoteKind.DECISION.value, inline=True,
                           inputClassName="form-check-input", labelClassName="edit-option",
                           options=[{"label": texts.NOTE_KIND_LABELS[k.value], "value": k.value}
                                    for k in MeetingNoteKind]),
        ]),
        html.Div(className="edit-field mb-3", children=[
            label("text", texts.MEETING_TEXT, " ", html.Span(texts.EDIT_REQUIRED, className="field-required")),
            dcc.Textarea(id=fid("text"), value="", rows=3, className="form-control")]),
        html.Div(className="edit-field mb-3", children=[
            label("owner", texts.MEETING_OWNER, " ", html.Span(texts.MEETING_OWNER_HINT, className="field-required")),
            dcc.Input(id=fid("owner"), value="", type="text", autoComplete="off", className="form-control")]),
        html.Div(className="edit-field mb-3", children=[
            label("due", texts.MEETING_DUE, " ", html.Span(texts.MEETING_OWNER_HINT, className="field-required")),
            dcc.Input(id=fid("due"), value="", type="date", className="form-control meeting-date")]),
        html.Button(texts.MEETING_SAVE, id={"type": SAVE, "programme": slug}, n_clicks=0, type="button",
                    className="btn btn-primary", **{"aria-label": texts.MEETING_SAVE_LABEL.format(programme=name)}),
    ])


def programme_section(pid: int, slug: str, name: str, code: str) -> html.Section:
    heading = f"overleg-{slug}"
    return html.Section(className="meeting-programme", **{"aria-labelledby": heading}, children=[
        html.H2(name, id=heading),
        html.H3(texts.MEETING_FORM, className="h5"),
        html.Div(id={"type": MESSAGE, "programme": slug}, **{"aria-live": "polite"}),
        note_form(slug, name),
        html.Div(lists(slug, pid, code), id={"type": LISTS, "programme": slug}),
    ])


def publish_section(user: CurrentUser, period: Period) -> html.Section | None:
    if published(period.code) is not None:
        return None
    if not user.can(Action.ADMIN):
        return html.P(texts.MEETING_PUBLISH_ADMIN_ONLY)
    if period > last_ended_quarter(date.today()):
        return html.P(texts.MEETING_PUBLISH_NOT_ENDED)
    return html.Section(className="meeting-publish", **{"aria-labelledby": "overleg-vaststellen-kop"}, children=[
        html.H2(texts.MEETING_PUBLISH_TITLE, id="overleg-vaststellen-kop"),
        html.P(texts.MEETING_PUBLISH_INTRO),
        html.Button(texts.MEETING_PUBLISH, id=PUBLISH, n_clicks=0, type="button", className="btn btn-primary"),
        html.Div(id=CONFIRM, hidden=True, className="meeting-confirm", role="group",
                 **{"aria-labelledby": "overleg-bevestig-vraag"}, children=[
            html.P(texts.MEETING_CONFIRM.format(label=period.label), id="overleg-bevestig-vraag"),
            html.Button(texts.MEETING_CONFIRM_YES.format(label=period.label), id=CONFIRM_YES, n_clicks=0,
                        type="button", className="btn btn-danger me-2"),
            html.Button(texts.MEETING_CONFIRM_NO, id=CONFIRM_NO, n_clicks=0, type="button",
                        className="btn btn-outline-secondary"),
        ]),
        html.Div(id=PUBLISH_STATUS, **{"aria-live": "polite"}),
        dcc.Store(id=PUBLISH_STORE),
        dcc.Interval(id=PUBLISH_TICK, interval=1000, disabled=True),
    ])


def _page(title: str, *children: Any) -> html.Div:  # noqa: ANN401
    return html.Div(className="container edit-page meeting-page", children=[
        html.P(dcc.Link(texts.BEHEER_BACK, href="/beheer"), className="edit-back"), html.H1(title), *children])


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
        html.P(dcc.Link(texts.MEETING_REPORT_LINK, href=f"/kwartaal/{period.code}")),
        dcc.Store(id=QUARTER_STORE, data=period.code),
        publish_section(user, period),
        *[programme_section(pid, slug, name, period.code) for pid, slug, name in programmes],
    )


# --- writing: notes ------------------------------------------------------------------------------------------------


def _programme_id(slug: str) -> int | None:
    with read_session() as s:
        return s.scalar(select(Programme.id).where(Programme.slug == slug))


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
        if not quarter_exists(s, quarter):
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
        note = s.get(MeetingNote, parse_id(note_id)) if isinstance(note_id, int) and parse_id(note_id) else None
        if note is None or note.kind is not MeetingNoteKind.ACTION:
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


# --- writing: publishing the quarter ---------------------------------------------------------------------------------


def _publication_time(value: Any, now: datetime) -> datetime | None:  # noqa: ANN401
    """The publication time the browser holds, if it is one this server could have given out lately."""
    try:
        at = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if at is None or at.tzinfo is None or not (now - PUBLISH_WINDOW <= at <= now + timedelta(seconds=5)):
        return None
    return at


def advance_publication(user: CurrentUser | None, code: str, at: datetime, base_url: str
                        ) -> tuple[str, float | None]:
    """One step of publishing `code`: ("refused" | "bad" | "already" | "not_ended" | "busy" | "failed" | "done",
    seconds busy).
    Starts the PDF in the export worker on the first call, freezes the snapshot once the PDF is there."""
    if user is None or not user.can(Action.ADMIN):
        return "refused", None
    try:
        quarter = parse_quarter(code)
    except PeriodError:
        return "bad", None
    if published(code) is not None:
        return "already", None
    if quarter > last_ended_quarter(date.today()):
        return "not_ended", None
    with read_session() as s:
        report = prepare_report(s, quarter, user.name, at)
    content = canonical_json(report)
    key = export_key("vaststellen", content, base_url)
    try:
        pdf = jobs.get_or_start(key, pdf_from_json, content, base_url)
    except jobs.QueueFull:
        return "queue_full", None
    except Exception:  # noqa: BLE001 - a failed render in the worker: say so, write nothing
        return "failed", None
    if pdf is None:
        return "busy", jobs.elapsed(key)
    try:
        with write_session() as s:
            publish_quarter(s, quarter, Renderers(html=render_html, pdf=lambda _report: pdf, xlsx=render_xlsx),
                            user.name, at, report=report)
    except (FrozenSnapshotError, IntegrityError):
        return "already", None
    return "done", None


@callback(
    Output(CONFIRM, "hidden"),
    Output(PUBLISH, "hidden"),
    Output(PUBLISH_STATUS, "children"),
    Output(PUBLISH_TICK, "disabled"),
    Output(PUBLISH_STORE, "data"),
    Output(STATUS, "children"),
    Input(PUBLISH, "n_clicks"),
    Input(CONFIRM_NO, "n_clicks"),
    Input(CONFIRM_YES, "n_clicks"),
    Input(PUBLISH_TICK, "n_intervals"),
    State(PUBLISH_STORE, "data"),
    State(QUARTER_STORE, "data"),
    prevent_initial_call=True,
)
def publish_step(_open: int | None, _cancel: int | None, _yes: int | None, _tick: int | None,  # noqa: PLR0911
                 pending: Any, code: Any) -> tuple:  # noqa: ANN401
    trigger = ctx.triggered_id
    if not ctx.triggered or not ctx.triggered[0].get("value"):
        raise PreventUpdate
    user = current_user()
    if user is None or not user.can(Action.ADMIN):
        refusal = texts.MEETING_PUBLISH_REFUSED if user else NOT_SIGNED_IN
        return True, no_update, message(refusal), True, None, no_update
    if trigger == PUBLISH:
        return False, no_update, "", True, no_update, no_update
    if trigger == CONFIRM_NO:
        return True, False, message(texts.MEETING_CANCELLED, "success"), True, None, no_update
    now = datetime.now(UTC)
    if trigger == CONFIRM_YES:
        at, code = now, str(code)
    elif trigger == PUBLISH_TICK and isinstance(pending, dict):
        at, code = _publication_time(pending.get("at"), now), str(pending.get("quarter"))
        if at is None:
            return True, False, message(texts.MEETING_PUBLISH_FAILED), True, None, no_update
    else:
        raise PreventUpdate
    outcome, seconds = advance_publication(user, code, at, public_base_url())
    try:
        label = parse_quarter(code).label
    except PeriodError:
        return True, False, message(texts.GRID_BAD_QUARTER), True, None, no_update
    if outcome == "busy":
        shown = round(seconds or 0)
        return True, True, html.Div(role="status", children=[
            html.P(texts.MEETING_PUBLISH_BUSY.format(seconds=shown)),
            html.Progress(max="100", value=str(min(95, 10 + shown * 25)),
                          **{"aria-label": texts.MEETING_PUBLISH_PROGRESS}),
        ]), False, {"quarter": code, "at": at.isoformat()}, no_update
    if outcome == "done":
        return (True, True, message(texts.MEETING_PUBLISH_DONE.format(label=label), "success"), True, None,
                status_text(code))
    if outcome == "already":
        return True, True, message(texts.MEETING_PUBLISH_ALREADY), True, None, status_text(code)
    if outcome == "not_ended":
        return True, True, message(texts.MEETING_PUBLISH_NOT_ENDED), True, None, no_update
    if outcome == "queue_full":
        return True, False, message(texts.MEETING_PUBLISH_QUEUE_FULL), True, None, no_update
    return True, False, message(texts.MEETING_PUBLISH_FAILED), True, None, no_update

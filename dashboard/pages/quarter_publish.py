"""The publish panel of the quarterly meeting page (/beheer/kwartaal/<YYYY>-Q<n>): for admins, while the quarter is
a draft and has ended, "Kwartaal vaststellen (publiceren)" with a confirmation step, and the quarter's status.

Publishing freezes every programme's report (db.write.quarter.publish_quarter); its PDF is rendered in the export
worker process (dashboard.exports.jobs, as the quarter page's PDF download does), and the page polls once a second
until it is there, so no web request waits for it. The callback checks Action.ADMIN again on the server; a refusal
writes nothing. Publishing is stateless between polls: the browser holds only the quarter and the publication time,
the server rebuilds the report and finds the PDF job by the hash of its content."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from dash import Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import texts
from dashboard.auth import CurrentUser, current_user
from dashboard.components import nl
from dashboard.components.edit_form import message
from dashboard.data import read_session, write_session
from dashboard.exports import jobs
from dashboard.exports.report_html import render_html
from dashboard.exports.routes import export_key, pdf_from_json
from dashboard.exports.xlsx import render_xlsx
from dashboard.public_url import base_url as public_base_url
from db.read.quarter import publication
from db.write.quarter import FrozenSnapshotError, Renderers, prepare_report, publish_quarter
from db.write.workflow import MESSAGES
from indicators.enums import Action
from indicators.formatting import format_date
from indicators.periods import Period, PeriodError, last_ended_quarter, parse_quarter
from indicators.quarter import canonical_json

PUBLISH, CONFIRM, CONFIRM_YES, CONFIRM_NO = ("overleg-vaststellen", "overleg-bevestig", "overleg-bevestig-ja",
                                             "overleg-bevestig-nee")
PUBLISH_STATUS, PUBLISH_TICK, PUBLISH_STORE, STATUS = ("overleg-voortgang", "overleg-tik", "overleg-publicatie",
                                                       "overleg-status")
QUARTER_STORE = "overleg-kwartaal"
NOT_SIGNED_IN = MESSAGES["not_signed_in"]
PUBLISH_WINDOW = timedelta(minutes=15)  # a publication time older than this (or in the future) is not accepted
PUBLISH_STUBS = [
    dcc.Store(id=QUARTER_STORE), dcc.Store(id=PUBLISH_STORE), html.Div(id=STATUS), html.Div(id=PUBLISH_STATUS),
    html.Div(id=CONFIRM), html.Button(id=PUBLISH), html.Button(id=CONFIRM_YES), html.Button(id=CONFIRM_NO),
    dcc.Interval(id=PUBLISH_TICK, disabled=True),
]


def published(code: str) -> tuple[datetime, str] | None:
    with read_session() as s:
        return publication(s, code)  # UTC: the date shown is Amsterdam's


def status_text(code: str) -> html.P:
    frozen = published(code)
    if frozen is None:
        return html.P(texts.QUARTER_DRAFT, className="quarter-status quarter-draft")
    at, by = frozen
    by_text = texts.QUARTER_PUBLISHED_BY.format(name=by) if by else ""
    return html.P(texts.QUARTER_PUBLISHED.format(date=format_date(at), by=by_text),
                  className="quarter-status quarter-published")


def publish_section(user: CurrentUser, period: Period) -> html.Section | None:
    if published(period.code) is not None:
        return None
    if not user.can(Action.ADMIN):
        return html.P(texts.MEETING_PUBLISH_ADMIN_ONLY)
    if period > last_ended_quarter(date.today()):
        return html.P(texts.MEETING_PUBLISH_NOT_ENDED)
    return html.Section(className="meeting-publish", **{"aria-labelledby": "overleg-vaststellen-kop"}, children=[
        nl.H2(texts.MEETING_PUBLISH_TITLE, id="overleg-vaststellen-kop"),
        html.P(texts.MEETING_PUBLISH_INTRO),
        html.Button(texts.MEETING_PUBLISH, id=PUBLISH, n_clicks=0, type="button", className=nl.BUTTON_PRIMARY),
        html.Div(id=CONFIRM, hidden=True, className="meeting-confirm", role="group",
                 **{"aria-labelledby": "overleg-bevestig-vraag"}, children=[
            html.P(texts.MEETING_CONFIRM.format(label=period.label), id="overleg-bevestig-vraag"),
            html.Button(texts.MEETING_CONFIRM_YES.format(label=period.label), id=CONFIRM_YES, n_clicks=0,
                        type="button", className=f"{nl.BUTTON_DANGER} me-2"),
            html.Button(texts.MEETING_CONFIRM_NO, id=CONFIRM_NO, n_clicks=0, type="button",
                        className=nl.BUTTON_SECONDARY),
        ]),
        html.Div(id=PUBLISH_STATUS, **{"aria-live": "polite"}),
        dcc.Store(id=PUBLISH_STORE),
        dcc.Interval(id=PUBLISH_TICK, interval=1000, disabled=True),
    ])


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
    """One step of publishing `code`: ("refused" | "bad" | "already" | "not_ended" | "busy" | "queue_full" |
    "failed" | "done", seconds busy).
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
    except FrozenSnapshotError:
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

"""Route `/beheer`: the work list of a signed-in editor or approver. Per programme they may edit or approve: links to
add a project, story or note and to enter a quarter's measurements, the items in concept, ingediend or goedgekeurd
with a button for every step this account may take, and the published items (without their many measurements,
which the quarter grid and each result's page list).

The step buttons call db.write.transition, which checks the account's rights again; `?programma=<slug>` shows one
programme."""

from __future__ import annotations

from datetime import date
from typing import Any

from dash import ALL, Input, Output, State, callback, ctx, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import texts
from dashboard.auth import current_user
from dashboard.components import nl
from dashboard.components.account import sign_in_prompt
from dashboard.components.controls import scroll_region
from dashboard.components.edit_form import item_path, kind_label, message, state_badge, step_label
from dashboard.data import four_eyes, read_session, write_session
from dashboard.pages import quarter_meeting
from db import write as editing
from db.read.programmes import programme_choices
from db.write.workflow import EditError, Invalid, as_actor, may
from db.write.worklist import EditableItem, grid_quarters
from indicators.enums import Action, ItemKind, WorkflowState
from indicators.periods import last_ended_quarter

STEP = "beheer-stap"  # {"type": STEP, "kind": kind, "id": id, "to": state}
VERSIONS = "beheer-versies"  # {"<kind>:<id>": version} of the listed items
VALIDATION_STUBS = [html.Div(id="beheer-melding"), html.Div(id="beheer-lijst"), dcc.Store(id=VERSIONS),
                    dcc.Store(id="beheer-filter")]
_LIST_PUBLISHED = {ItemKind.PROJECT, ItemKind.RESULT, ItemKind.STORY, ItemKind.INDICATOR_NOTE}


def _buttons(item: EditableItem) -> list:
    out = []
    for to in item.transitions:
        if to is WorkflowState.CONCEPT and not (item.state is WorkflowState.SUBMITTED and item.can_edit):
            continue  # sending back needs a reason: on the item's own page
        label = step_label(to, item.state, item.can_edit)
        out.append(html.Button(label, id={"type": STEP, "kind": item.kind.value, "id": item.id, "to": to.value},
                               n_clicks=0, type="button", className=f"{nl.BUTTON_SECONDARY_SMALL} me-1 mb-1",
                               **{"aria-label": texts.STEP_BUTTON_LABEL.format(step=label, kind=kind_label(item.kind),
                                                                               title=item.title)}))
    if item.other_approver_needed:
        out.append(html.Span(texts.BEHEER_FOUR_EYES, className=f"{nl.SMALL_TEXT} four-eyes-note"))
    return out


def _table(items: list[EditableItem], caption: str, with_steps: bool) -> html.Div:
    head = [texts.BEHEER_COL_KIND, texts.BEHEER_COL_TITLE, texts.BEHEER_COL_CONTEXT, texts.BEHEER_COL_STATE]
    if with_steps:
        head.append(texts.BEHEER_COL_ACTIONS)
    rows = []
    for it in items:
        cells = [html.Td(kind_label(it.kind)),
                 html.Th(nl.Link(it.title or str(it.id), href=item_path(it.kind, it.id)), scope="row"),
                 html.Td(it.context), html.Td(state_badge(it.state))]
        if with_steps:
            cells.append(html.Td(_buttons(it)))
        rows.append(html.Tr(cells))
    return scroll_region(html.Table(className=f"{nl.TABLE_COMPACT} worklist", children=[
        html.Caption(caption),
        html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
        html.Tbody(rows),
    ]), caption)


TODO_STEPS = {"submit": WorkflowState.SUBMITTED, "approve": WorkflowState.APPROVED, "publish": WorkflowState.PUBLISHED}


def todo_counts(items: list[EditableItem]) -> dict[str, int]:
    """How many items this actor can take their next step with: submit a concept, approve a submission (not their
    own, under the four-eyes rule), publish an approved item."""
    return {step: sum(1 for it in items if it.state is not WorkflowState.PUBLISHED and to in it.transitions)
            for step, to in TODO_STEPS.items()}


def todo_summary(items: list[EditableItem]) -> html.Section | None:
    """"Wat op u wacht": the counts in words, above the lists (None when nothing waits)."""
    lines = [texts.BEHEER_TODO[step][n != 1].format(n=n) for step, n in todo_counts(items).items() if n]
    if not lines:
        return None
    return html.Section(className="worklist-todo", **{"aria-labelledby": "beheer-wacht"}, children=[
        nl.H2(texts.BEHEER_TODO_TITLE, id="beheer-wacht", className=nl.HEADING_5),
        html.Ul([html.Li(x) for x in lines])])


def work_list(actor: Any, programme_slug: str | None = None) -> tuple[list, dict[str, int]]:  # noqa: ANN401
    """The sections of the work list and the versions of its items."""
    with read_session() as s:
        items = editing.editable_items(s, actor, programme_slug, four_eyes=four_eyes())
        programmes = programme_choices(s)
        readable = {pid for it in items for pid in it.programme_ids}
        if actor is not None and not readable:
            # a programme without any item yet still belongs on an editor's list
            readable = {pid for pid, _, _ in programmes if may(actor, Action.READ_UNPUBLISHED, [pid])}
        sections = []
        for pid, slug, name in programmes:
            if pid not in readable or (programme_slug and slug != programme_slug):
                continue
            mine = [it for it in items if pid in it.programme_ids]
            busy = [it for it in mine if it.state is not WorkflowState.PUBLISHED]
            done = [it for it in mine if it.state is WorkflowState.PUBLISHED and it.kind in _LIST_PUBLISHED]
            can_edit = may(actor, Action.EDIT, [pid])
            links = [html.Li(nl.Link(texts.BEHEER_QUARTER.format(quarter=q.code),
                                      href=f"/beheer/programma/{slug}/kwartaal/{q.code}"))
                     for q in grid_quarters(s, pid, date.today())]
            if can_edit:
                links = [html.Li(nl.Link(texts.BEHEER_NEW_PROJECT, href=f"/beheer/project/nieuw?programma={slug}")),
                         html.Li(nl.Link(texts.BEHEER_NEW_STORY, href=f"/beheer/verhaal/nieuw?programma={slug}")),
                         html.Li(nl.Link(texts.BEHEER_NEW_NOTE, href=f"/beheer/toelichting/nieuw?programma={slug}")),
                         *links]
            sections.append(html.Section(className="worklist-programme", **{"aria-labelledby": f"beheer-{slug}"},
                                         children=[
                nl.H2(name, id=f"beheer-{slug}"),
                html.Ul(links, className="worklist-links"),
                nl.H3(texts.BEHEER_IN_PROGRESS.format(count=len(busy)), className=nl.HEADING_5),
                _table(busy, texts.BEHEER_TABLE.format(programme=name), True) if busy
                else html.P(texts.BEHEER_NONE_IN_PROGRESS),
                html.Details(className="worklist-published", children=[
                    html.Summary(texts.BEHEER_PUBLISHED.format(count=len(done))),
                    _table(done, texts.BEHEER_TABLE_PUBLISHED.format(programme=name), False),
                ]) if done else None,
            ]))
        versions = {f"{it.kind.value}:{it.id}": it.version for it in items}
        if sections and (todo := todo_summary(items)):  # items: already those of the programmes shown
            sections.insert(0, todo)
    return sections, versions


def _meeting_link(user: Any) -> html.P | None:  # noqa: ANN401 - a CurrentUser
    """For approvers and admins: the quarterly meeting of the last ended quarter."""
    if not quarter_meeting.may_hold_meeting(user):
        return None
    code = last_ended_quarter(date.today()).code
    return html.P(nl.Link(texts.MEETING_LINK.format(quarter=code), href=f"/beheer/kwartaal/{code}"),
                  className="worklist-meeting")


def _users_link(user: Any) -> html.P | None:  # noqa: ANN401 - a CurrentUser
    """For admins only: the account administration."""
    if not user.can(Action.ADMIN):
        return None
    return html.P(nl.Link(texts.USERS_LINK, href="/beheer/gebruikers"), className="worklist-users")


def layout(programma: str | None = None, **_query: str) -> html.Div:
    user = current_user()
    if user is None:
        return sign_in_prompt("/beheer")
    sections, versions = work_list(as_actor(user), programma)
    return html.Div(className="container beheer-page", children=[
        nl.H1(texts.BEHEER_TITLE),
        html.P(texts.BEHEER_INTRO),
        _meeting_link(user),
        _users_link(user),
        dcc.Store(id=VERSIONS, data=versions),
        dcc.Store(id="beheer-filter", data=programma),
        html.Div(id="beheer-melding", **{"aria-live": "polite"}),
        html.Div(sections or html.P(texts.BEHEER_NOTHING), id="beheer-lijst"),
    ])


def take_step(button: dict[str, Any], versions: dict[str, int] | None, actor: Any,  # noqa: ANN401
              programme_slug: str | None) -> tuple[Any, Any, Any]:  # noqa: ANN401
    """One workflow step from the list: message, new list, new versions."""
    try:
        kind = ItemKind(button.get("kind"))
        item_id, to = int(button["id"]), WorkflowState(button.get("to"))
    except (KeyError, TypeError, ValueError):
        raise PreventUpdate from None
    version = (versions or {}).get(f"{kind.value}:{item_id}")
    try:
        with write_session() as s:
            editing.transition(s, actor, kind, item_id, to, version if isinstance(version, int) else -1,
                               four_eyes=four_eyes())
    except Invalid as exc:
        note = message(" ".join(exc.errors.values()) or exc.message)
    except EditError as exc:
        note = message(exc.message)
    else:
        note = message(texts.EDIT_STEP_DONE.format(state=to.value), "success")
    sections, new_versions = work_list(actor, programme_slug)
    return note, sections or html.P(texts.BEHEER_NOTHING), new_versions


@callback(
    Output("beheer-melding", "children"),
    Output("beheer-lijst", "children"),
    Output(VERSIONS, "data"),
    Input({"type": STEP, "kind": ALL, "id": ALL, "to": ALL}, "n_clicks"),
    State(VERSIONS, "data"),
    State("beheer-filter", "data"),
    prevent_initial_call=True,
)
def list_step(_clicks: list, versions: dict | None, programme_slug: str | None) -> tuple:
    if not ctx.triggered or not ctx.triggered[0].get("value") or not isinstance(ctx.triggered_id, dict):
        raise PreventUpdate
    return take_step(dict(ctx.triggered_id), versions, as_actor(current_user()), programme_slug)

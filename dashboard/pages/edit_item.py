"""Routes `/beheer/<soort>/<id|nieuw>`: the edit form of one project, result, measurement, story or note (fields from
db.write.forms.FIELDS), its workflow buttons and its read-only audit trail.

One callback saves and takes workflow steps, through db.write in a write session: the service checks the
signed-in account's rights itself, so a forged request fares no better than a hidden button. The version the form
started from travels in the store `bewerk-item`; a save from an older version gets the conflict view."""

from __future__ import annotations

import base64
import binascii
import io
from typing import Any

from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import texts
from dashboard.auth import current_user
from dashboard.components import nl
from dashboard.components.account import sign_in_prompt
from dashboard.components.edit_form import (
    ERROR,
    FIELD,
    SLUG_KINDS,
    STEP,
    UPLOAD,
    UPLOAD_FIELDS,
    WITHDRAW,
    audit_table,
    conflict_view,
    error_summary,
    field_block,
    form_value,
    item_path,
    kind_label,
    message,
    upload_block,
    workflow_panel,
)
from dashboard.data import four_eyes, read_session, write_session
from dashboard.uploads import MB, UploadConfig, UploadRefused, sniff, store_upload, upload_config
from db import write as editing
from db.session import Session
from db.write.forms import FIELDS, FIXED
from db.write.media import record_upload
from db.write.workflow import Conflict, EditError, Invalid, NotAllowed, NotFound, as_actor, may
from db.write.worklist import CHILD_KIND, children, form_suggestions, parent_programme, story_programme
from indicators.enums import Action, ItemKind

STORE = "bewerk-item"
VALIDATION_STUBS = [dcc.Store(id=STORE), html.Div(id="bewerk-melding"), html.Button(id="bewerk-opslaan"),
                    html.Div(id="bewerk-status"), html.Div(id="bewerk-audit"), dcc.Input(id="bewerk-reden"),
                    *(c for t in UPLOAD_FIELDS for c in (dcc.Upload(id=f"{UPLOAD}-{t}"),
                                                         html.Div(id=f"{UPLOAD}-{t}-melding")))]
_PARENT_PARAM = {ItemKind.PROJECT: "programma", ItemKind.STORY: "programma", ItemKind.RESULT: "project",
                 ItemKind.MEASUREMENT: "resultaat", ItemKind.MEASUREMENT_NOTE: "meting",
                 ItemKind.INDICATOR_NOTE: "programma"}
_TITLE_FIELD = {ItemKind.PROJECT: "name", ItemKind.RESULT: "name", ItemKind.MEASUREMENT: "period",
                ItemKind.STORY: "title", ItemKind.INDICATOR_NOTE: "period", ItemKind.MEASUREMENT_NOTE: "note_date"}


def _page(title: str, *children: Any) -> html.Div:  # noqa: ANN401
    return html.Div(className="container edit-page", children=[
        html.P(nl.Link(texts.BEHEER_BACK, href="/beheer"), className="edit-back"),
        nl.H1(title), *children,
    ])


def _fields(kind: ItemKind, values: dict[str, Any], *, new: bool, can_edit: bool,
            suggestions: dict[str, list[str]], errors: dict[str, str] | None = None) -> list:
    lists = {"project_name": suggestions["projects"], "result_name": suggestions["results"],
             "indicator_code": suggestions["indicators"]}
    uploads = {field: target for target, field in UPLOAD_FIELDS.items()} if kind is ItemKind.STORY else {}
    limits = upload_config().max_bytes if uploads else {}
    out = []
    for f in FIELDS[kind]:
        out.append(field_block(kind, f, values.get(f), error=(errors or {}).get(f), lines=suggestions["lines"],
                               disabled=not can_edit or (not new and f in FIXED.get(kind, ())),
                               datalist=lists.get(f, ())))
        if f in uploads:  # the story's own video or image, and its captions, right below their name fields
            target = uploads[f]
            largest = max(limits["image"], limits["video"]) if target == "media" else limits["captions"]
            out.append(upload_block(target, largest, disabled=not can_edit))
    return out


def _defaults(kind: ItemKind, suggestions: dict[str, list[str]]) -> dict[str, Any]:
    if kind is ItemKind.PROJECT:
        return {"status": "lopend", "line_name": suggestions["lines"][0] if len(suggestions["lines"]) == 1 else None}
    if kind is ItemKind.RESULT:
        return {"kind": "hoeveel", "desired_direction": "meer", "decimals": 0}
    if kind is ItemKind.MEASUREMENT:
        return {"status": "onbekend"}
    if kind is ItemKind.STORY:
        return {"kind": "citaat", "consent": False}
    if kind is ItemKind.INDICATOR_NOTE:
        return {"region_code": "GM0141"}
    return {}


def _children_list(session: Session, kind: ItemKind, item_id: int) -> html.Section | None:
    """A result's measurements, a measurement's notes: links, and a link to add one."""
    if kind not in CHILD_KIND:
        return None
    child = CHILD_KIND[kind]
    links = [html.Li(nl.Link(label, href=item_path(child, cid))) for cid, label in children(session, kind, item_id)]
    if kind is ItemKind.RESULT:
        new = nl.Link(texts.BEHEER_NEW_MEASUREMENT, href=f"/beheer/meting/nieuw?resultaat={item_id}")
        title = texts.EDIT_MEASUREMENTS
    else:
        new = nl.Link(texts.BEHEER_NEW_MEASUREMENT_NOTE, href=f"/beheer/meting-toelichting/nieuw?meting={item_id}")
        title = texts.EDIT_NOTES
    return html.Section(className="edit-children", children=[
        nl.H2(title, className=nl.HEADING_4), html.Ul(links) if links else None, html.P(new)])


def _panel(item: editing.ItemState) -> html.Section:
    return workflow_panel(item.state, item.version, item.transitions, item.can_edit, item.problems,
                          item.other_approver_needed, published=item.published, values=item.values,
                          can_withdraw=item.can_withdraw)


def layout(kind_slug: str | None = None, item_id: str | None = None, opgeslagen: str | None = None,
           ingetrokken: str | None = None, **query: str) -> html.Div:
    kind = SLUG_KINDS.get(kind_slug or "")
    path = f"/beheer/{kind_slug}/{item_id}"
    if kind is None or item_id is None:
        return html.Div(VALIDATION_STUBS)
    user = current_user()
    if user is None:
        return sign_in_prompt(path)
    store: dict[str, Any] = {"kind": kind.value, "id": None, "version": None, "parent": None, "path": path}
    with read_session() as s:
        if item_id == "nieuw":
            parent = query.get(_PARENT_PARAM[kind])
            programme_id, _slug = parent_programme(s, kind, parent)
            if programme_id is None and kind is not ItemKind.INDICATOR_NOTE:
                return _page(texts.EDIT_TITLE_NEW.format(kind=kind_label(kind)), message(texts.EDIT_MISSING_PARENT))
            suggestions = form_suggestions(s, programme_id)
            store["parent"] = parent
            values, can_edit, new = _defaults(kind, suggestions), True, True
            title = texts.EDIT_TITLE_NEW.format(kind=kind_label(kind))
            status: Any = None
            trail: Any = None
            below: Any = None
        else:
            try:
                item = editing.get_item(s, user, kind, int(item_id), four_eyes=four_eyes())
                history = editing.audit_trail(s, user, kind, int(item_id))
            except NotAllowed:
                return _page(kind_label(kind), message(texts.BEHEER_NOT_ALLOWED))
            except NotFound:
                return _page(kind_label(kind), message(texts.BEHEER_NOT_FOUND))
            suggestions = form_suggestions(s, item.programme_ids[0] if item.programme_ids else None)
            store.update(id=item.id, version=item.version)
            values, can_edit, new = item.values, item.can_edit, False
            title = texts.EDIT_TITLE.format(kind=kind_label(kind), title=values.get(_TITLE_FIELD[kind]) or item.id)
            status = _panel(item)
            trail = audit_table(history)
            below = _children_list(s, kind, item.id)
    notice = message(texts.EDIT_CREATED, "success") if opgeslagen and not new else None
    if ingetrokken and not new:
        notice = message(texts.EDIT_WITHDRAWN, "success")
    form = html.Form(className="edit-form", noValidate=True,
                     **{"aria-label": texts.EDIT_FORM_LABEL.format(kind=kind_label(kind))}, children=[
        *_fields(kind, values, new=new, can_edit=can_edit, suggestions=suggestions),
        # always present (the callback needs its input); hidden for those who may only read
        html.Button(texts.EDIT_SAVE, id="bewerk-opslaan", n_clicks=0, type="button", className=nl.BUTTON_PRIMARY,
                    hidden=not can_edit),
        None if can_edit else html.P(texts.EDIT_READ_ONLY),
    ])
    return _page(title,
                 dcc.Store(id=STORE, data=store),
                 html.Div(notice, id="bewerk-melding", **{"aria-live": "polite"}),
                 html.Div(className="edit-columns", children=[
                     form,
                     html.Div(className="edit-side", children=[
                         html.Div(status or dcc.Input(id="bewerk-reden", type="hidden", value=""), id="bewerk-status"),
                         below, html.Div(trail, id="bewerk-audit")]),
                 ]))


# --- saving and workflow steps -----------------------------------------------------------------------------------


def _create(session: Session, actor: Any, kind: ItemKind, parent: Any, values: dict[str, Any]  # noqa: ANN401
            ) -> editing.ItemRef:
    parent_id = int(parent) if isinstance(parent, str) and parent.isdigit() else parent
    if kind is ItemKind.PROJECT:
        return editing.create_project(session, actor, str(parent), values)
    if kind is ItemKind.STORY:
        return editing.create_story(session, actor, str(parent), values, upload_dir=upload_config().directory)
    if kind is ItemKind.INDICATOR_NOTE:
        return editing.create_indicator_note(session, actor, values)
    if not isinstance(parent_id, int):
        raise NotFound(texts.EDIT_MISSING_PARENT)
    create = {ItemKind.RESULT: editing.create_result, ItemKind.MEASUREMENT: editing.create_measurement,
              ItemKind.MEASUREMENT_NOTE: editing.create_measurement_note}[kind]
    return create(session, actor, parent_id, values)


_UPDATE = {ItemKind.PROJECT: editing.update_project, ItemKind.RESULT: editing.update_result,
           ItemKind.MEASUREMENT: editing.update_measurement, ItemKind.STORY: editing.update_story,
           ItemKind.INDICATOR_NOTE: editing.update_indicator_note,
           ItemKind.MEASUREMENT_NOTE: editing.update_measurement_note}


def _panels(actor: Any, kind: ItemKind, item_id: int) -> tuple[Any, Any]:  # noqa: ANN401
    """The workflow panel and audit trail as they are after a write."""
    with read_session() as s:
        item = editing.get_item(s, actor, kind, item_id, four_eyes=four_eyes())
        return _panel(item), audit_table(editing.audit_trail(s, actor, kind, item_id))


def handle(trigger: Any, values: dict[str, Any], reason: str | None, item: dict[str, Any] | None,  # noqa: ANN401
           actor: Any) -> dict[str, Any]:  # noqa: ANN401
    """Save the form (trigger "save") or take a workflow step (trigger {"to": state}); returns what changed on the
    page: message, errors {field: text}, store, status, audit, href (a new item's page)."""
    if not isinstance(item, dict):
        raise PreventUpdate
    try:
        kind = ItemKind(item.get("kind"))
    except ValueError:
        raise PreventUpdate from None
    item_id, version = item.get("id"), item.get("version")
    out: dict[str, Any] = {"errors": {}}
    try:
        with write_session() as s:
            if trigger == "save":
                data = {f: form_value(f, v) for f, v in values.items() if f in FIELDS[kind]}
                if item_id is None:
                    ref = _create(s, actor, kind, item.get("parent"), data)
                    out["href"], out["search"] = item_path(kind, ref.id), "?opgeslagen=1"
                    return out
                data = {f: v for f, v in data.items() if f not in FIXED.get(kind, ())}
                if kind is ItemKind.STORY:
                    ref = editing.update_story(s, actor, int(item_id), version, data,
                                               upload_dir=upload_config().directory)
                else:
                    ref = _UPDATE[kind](s, actor, int(item_id), version, data)
                saved = texts.EDIT_SAVED_REVISION if ref.revision else texts.EDIT_SAVED
                text = texts.EDIT_NO_CHANGE if ref.version == version else \
                    saved.format(version=ref.version, state=ref.state.value)
            else:
                if item_id is None:
                    raise PreventUpdate
                if trigger.get("to") == WITHDRAW:  # the form's fields show the published values again: reload
                    editing.withdraw(s, actor, kind, int(item_id), version, reason or None)
                    out["href"], out["search"] = item_path(kind, int(item_id)), "?ingetrokken=1"
                    return out
                ref = editing.transition(s, actor, kind, int(item_id), trigger["to"], version, reason or None,
                                         four_eyes=four_eyes())
                text = texts.EDIT_STEP_DONE.format(state=ref.state.value)
    except Conflict as exc:
        out["message"] = conflict_view(exc, item.get("path") or "/beheer")
        return out
    except Invalid as exc:
        out["errors"] = exc.errors
        out["message"] = error_summary(exc.errors)
        return out
    except (NotAllowed, NotFound, EditError) as exc:
        out["message"] = message(exc.message)
        return out
    out["message"] = message(text, "success")
    out["store"] = {**item, "version": ref.version}
    out["status"], out["audit"] = _panels(actor, kind, ref.id)
    return out


@callback(
    Output("bewerk-melding", "children"),
    Output({"type": ERROR, "field": ALL}, "children"),
    Output(STORE, "data"),
    Output("bewerk-status", "children"),
    Output("bewerk-audit", "children"),
    Output("url", "pathname", allow_duplicate=True),
    Output("url", "search", allow_duplicate=True),
    Input("bewerk-opslaan", "n_clicks"),
    Input({"type": STEP, "to": ALL}, "n_clicks"),
    State({"type": FIELD, "field": ALL}, "value"),
    State("bewerk-reden", "value"),
    State(STORE, "data"),
    prevent_initial_call=True,
)
def save_item(_save: int | None, _steps: list, values: list, reason: str | None, item: dict | None) -> tuple:
    """Thin: which button, then `handle` with the signed-in account."""
    if not ctx.triggered or not ctx.triggered[0].get("value"):
        raise PreventUpdate  # a button (re)appeared, nobody pressed it
    trigger = "save" if ctx.triggered_id == "bewerk-opslaan" else dict(ctx.triggered_id or {})
    field_ids = [s["id"]["field"] for s in ctx.states_list[0]]
    result = handle(trigger, dict(zip(field_ids, values, strict=False)), reason, item, as_actor(current_user()))
    error_ids = [o["id"]["field"] for o in ctx.outputs_list[1]]
    errors = [result["errors"].get(f, "") for f in error_ids]
    if "href" in result:
        return (no_update, errors, no_update, no_update, no_update, result["href"], result["search"])
    return (result.get("message", no_update), errors, result.get("store", no_update),
            result.get("status", no_update), result.get("audit", no_update), no_update, no_update)


# --- uploads of a story's video or image and its captions ---------------------------------------------------------


class _Decoded:
    """An upload decoded from dcc.Upload's data URL, as store_upload reads it."""

    def __init__(self, data: bytes) -> None:
        self.stream = io.BytesIO(data)


def _story_programme(item: Any) -> int | None:  # noqa: ANN401 - the page's store
    """The programme of the story the form edits (or will create), looked up on the server."""
    if not isinstance(item, dict) or item.get("kind") != ItemKind.STORY.value:
        return None
    parent = item.get("parent")
    with read_session() as s:
        return story_programme(s, int(item["id"]) if item.get("id") is not None else None,
                               str(parent) if parent else None)


def handle_upload(target: str, contents: Any, item: Any, actor: Any,  # noqa: ANN401
                  config: UploadConfig | None = None) -> tuple[str | None, html.Div]:
    """Store a file chosen in the story form (`target` media: an MP4 video or an image; captions: WebVTT) with
    store_upload's checks of content and size, for an editor of the story's programme only. Returns the stored
    name (None when refused) and the message to show next to the upload."""
    if target not in UPLOAD_FIELDS or not contents:
        raise PreventUpdate
    programme_id = _story_programme(item)
    if programme_id is None or not may(as_actor(actor), Action.EDIT, [programme_id]):
        return None, message(texts.UPLOAD_REFUSED)
    config = config or upload_config()
    header, _, data = str(contents).partition(",")
    if not header.startswith("data:") or not header.endswith(";base64"):
        return None, message(texts.UPLOAD_BAD_DATA)
    kinds = ("captions",) if target == "captions" else ("image", "video")
    largest = max(config.max_bytes[k] for k in kinds)
    if len(data) // 4 * 3 > largest + 3:  # too large before it is decoded at all
        kind = kinds[-1]
        return None, message(texts.UPLOAD_TOO_LARGE.format(kind=texts.UPLOAD_KINDS[kind],
                                                           mb=f"{config.max_bytes[kind] / MB:g}"))
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return None, message(texts.UPLOAD_BAD_DATA)
    kind = "captions" if target == "captions" else "video" if sniff(raw[:64]) == "mp4" else "image"
    try:
        stored = store_upload(_Decoded(raw), kind, config)
    except UploadRefused as exc:
        return None, message(exc.message)
    with write_session() as s:  # for this programme only, until a published story shows it (db.write.media)
        record_upload(s, actor, stored.name, programme_id, stored.kind, stored.size)
    return stored.name, message(texts.UPLOAD_DONE.format(name=stored.name), "success")


@callback(
    Output({"type": FIELD, "field": ALL}, "value"),
    *(Output(f"{UPLOAD}-{t}-melding", "children") for t in UPLOAD_FIELDS),
    *(Output(f"{UPLOAD}-{t}", "contents") for t in UPLOAD_FIELDS),
    *(Input(f"{UPLOAD}-{t}", "contents") for t in UPLOAD_FIELDS),
    State(STORE, "data"),
    prevent_initial_call=True,
)
def upload_file(*args: Any) -> tuple:  # noqa: ANN401
    """Thin: `handle_upload` with the signed-in account for the upload that changed; only that field gets the stored
    name (the others keep what is typed in them), and the file's data is not kept in the page."""
    targets = list(UPLOAD_FIELDS)
    *contents, item = args
    target = str(ctx.triggered_id or "").removeprefix(f"{UPLOAD}-")
    if target not in UPLOAD_FIELDS:
        raise PreventUpdate
    name, note = handle_upload(target, contents[targets.index(target)], item, current_user())
    fields = [o["id"]["field"] for o in ctx.outputs_list[0]]
    values = [name if name and f == UPLOAD_FIELDS[target] else no_update for f in fields]
    notes = [note if t == target else no_update for t in targets]
    return (values, *notes, *(None if t == target else no_update for t in targets))

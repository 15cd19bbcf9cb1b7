"""Building blocks of the editing pages (dashboard/pages/edit_item.py, worklist.py, quarter_entry.py): labelled form
fields built from db.write.forms.FIELDS, the error summary, the conflict view (both versions side by side), the
workflow panel and the read-only audit trail.

Dash 4's dcc.Input has no aria-describedby, so a field's error is rendered inside its <label> (or <legend>): the
message is part of the field's accessible name and sits right next to it."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from dash import dcc, html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.controls import scroll_region
from db.write.audit import AuditView
from db.write.workflow import FORM, Conflict
from indicators.enums import ItemKind, WorkflowState

FIELD = "bewerk-veld"  # {"type": FIELD, "field": name}: the input of one form field
ERROR = "bewerk-fout"  # {"type": ERROR, "field": name}: its error message (inside its label or legend)
STEP = "bewerk-stap"  # {"type": STEP, "to": state}: a workflow button on an item's page

# The path segment of each kind under /beheer/.
KIND_SLUGS: dict[ItemKind, str] = {
    ItemKind.PROJECT: "project", ItemKind.RESULT: "resultaat", ItemKind.MEASUREMENT: "meting",
    ItemKind.STORY: "verhaal", ItemKind.INDICATOR_NOTE: "toelichting", ItemKind.MEASUREMENT_NOTE: "meting-toelichting",
}
SLUG_KINDS = {v: k for k, v in KIND_SLUGS.items()}

_TEXTAREAS = {"description", "explanation", "summary", "body", "transcript", "text"}
_DATES = {"start_date", "end_date", "story_date", "note_date"}
_DECIMALS = {"target", "realised"}
REQUIRED = {"line_name", "name", "kind", "title", "story_date", "period", "text", "note_date", "indicator_code",
            "region_code"}


def dom_id(component_id: Mapping[str, Any]) -> str:
    """The DOM id Dash gives a pattern-matching id (keys sorted, compact JSON), for label htmlFor."""
    return json.dumps(dict(sorted(component_id.items())), separators=(",", ":"), ensure_ascii=False)


def item_path(kind: ItemKind | str, item_id: int | str) -> str:
    return f"/beheer/{KIND_SLUGS[ItemKind(kind)]}/{item_id}"


def kind_label(kind: ItemKind | str) -> str:
    return texts.KIND_LABELS[ItemKind(kind).value]


def state_label(state: WorkflowState | str) -> str:
    return texts.STATE_LABELS[WorkflowState(state).value]


def state_badge(state: WorkflowState | str) -> html.Span:
    value = WorkflowState(state).value
    tone = {"gepubliceerd": nl.STATUS_SUCCESS}.get(value, nl.STATUS_NEUTRAL)
    return html.Span(state_label(value), className=f"{tone} state-badge state-{value}")


def choices(kind: ItemKind, field: str, lines: Sequence[str] = ()) -> list[tuple[str, str]] | None:
    """The options of a field shown as radio buttons, or None for a free field."""
    if field == "line_name":
        return [(n, n) for n in lines]
    if field == "status":
        key = "status_project" if kind is ItemKind.PROJECT else "status"
    elif field == "kind":
        key = "kind_result" if kind is ItemKind.RESULT else "kind_story"
    elif field == "desired_direction":
        key = "desired_direction"
    else:
        return None
    return list(texts.CHOICE_LABELS[key].items())


def _as_input(field: str, value: Any) -> Any:  # noqa: ANN401 - a form value
    """A stored value as the input shows it."""
    if field == "partners":
        return "\n".join(value or [])
    if field == "consent":
        return ["ja"] if value else []
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else str(value)


def form_value(field: str, value: Any) -> Any:  # noqa: ANN401
    """What an input holds, as db.write takes it."""
    if field == "partners":
        return [line.strip() for line in str(value or "").splitlines() if line.strip()]
    if field == "consent":
        return bool(value)
    if value is None:
        return ""
    return value


def _label_text(field: str) -> list:
    label = texts.FIELD_LABELS.get(field, field)
    if field in REQUIRED:
        return [label, " ", html.Span(texts.EDIT_REQUIRED, className="field-required")]
    return [label]


def field_block(kind: ItemKind, field: str, value: Any, *, error: str | None = None,  # noqa: ANN401
                disabled: bool = False, lines: Sequence[str] = (), datalist: Sequence[str] = ()) -> html.Div:
    """One labelled field with its error message (inside the label) and, for name fields, suggestions."""
    cid = {"type": FIELD, "field": field}
    err = html.Span(error or "", id={"type": ERROR, "field": field}, className="field-error")
    invalid = f" {nl.INVALID}" if error else ""
    options = choices(kind, field, lines)
    if options is not None or field == "consent":
        legend = html.Legend([*_label_text(field), err], className=nl.LABEL)
        if field == "consent":
            control = dcc.Checklist(id=cid, value=_as_input(field, value), options=[
                {"label": texts.CONSENT_OPTION, "value": "ja", "disabled": disabled}],
                inputClassName=nl.CHECKBOX, labelClassName="edit-option")
        else:
            control = dcc.RadioItems(id=cid, value=value, inline=True, inputClassName=nl.RADIO,
                                     labelClassName="edit-option",
                                     options=[{"label": lab, "value": v, "disabled": disabled} for v, lab in options])
        return html.Fieldset([legend, control], className="edit-field radio-group mb-3")
    label = html.Label([*_label_text(field), err], htmlFor=dom_id(cid), className=nl.LABEL)
    common = {"id": cid, "value": _as_input(field, value), "disabled": disabled, "className": nl.TEXTBOX + invalid}
    if field in _TEXTAREAS or field == "partners":
        control = dcc.Textarea(**{**common, "className": nl.TEXTAREA + invalid},
                               rows=6 if field in ("body", "transcript") else 3)
    elif field in _DATES:
        control = dcc.Input(**common, type="date")
    elif field in _DECIMALS:
        control = dcc.Input(**common, type="text", inputMode="decimal", autoComplete="off")
    elif field == "decimals":
        control = dcc.Input(**common, type="text", inputMode="numeric", autoComplete="off")
    else:
        extra = {}
        if datalist:
            extra["list"] = f"bewerk-keuzes-{field}"
        control = dcc.Input(**common, type="text", autoComplete="off", **extra)
    children = [label, control]
    if datalist:
        children.append(html.Datalist(id=f"bewerk-keuzes-{field}", children=[html.Option(value=v) for v in datalist]))
    if disabled and field in ("period", "indicator_code", "region_code"):
        children.append(html.P(texts.EDIT_FIXED, className=nl.DESCRIPTION))
    return html.Div(children, className="edit-field mb-3")


UPLOAD = "bewerk-upload"  # f"{UPLOAD}-{target}": the dcc.Upload of a story's media or captions
UPLOAD_FIELDS = {"media": "media_file", "captions": "captions_file"}  # the form field an upload fills
UPLOAD_ACCEPT = {"media": "video/mp4,image/png,image/jpeg,image/webp,.mp4,.png,.jpg,.jpeg,.webp",
                 "captions": "text/vtt,.vtt"}


def upload_block(target: str, max_bytes: int, *, disabled: bool = False) -> html.Div:
    """A labelled upload of a story's video/image (`media`) or captions (`captions`): a real button inside the drop
    zone (keyboard: Tab, then Enter or Space opens the file dialog), the size limit, and a message area (role=alert
    on a refusal) that the button refers to."""
    base = f"{UPLOAD}-{target}"
    label, button, hint, note = f"{base}-label", f"{base}-knop", f"{base}-uitleg", f"{base}-melding"
    return html.Div(className="edit-field edit-upload mb-3", children=[
        html.Span(texts.UPLOAD_MEDIA_LABEL if target == "media" else texts.UPLOAD_CAPTIONS_LABEL, id=label,
                  className=nl.LABEL),
        dcc.Upload(id=base, max_size=max_bytes, accept=UPLOAD_ACCEPT[target], multiple=False, disabled=disabled,
                   className="upload-zone", className_active="upload-zone is-active",
                   className_reject="upload-zone is-rejected", className_disabled="upload-zone is-disabled",
                   children=html.Button(texts.UPLOAD_DROP, id=button, type="button", disabled=disabled,
                                        className=nl.BUTTON_SECONDARY,
                                        **{"aria-labelledby": f"{label} {button}",
                                           "aria-describedby": f"{hint} {note}"})),
        html.P(texts.UPLOAD_HINT.format(mb=f"{max_bytes / (1024 * 1024):g}"), id=hint, className=nl.DESCRIPTION),
        html.Div(id=note, className="upload-message", **{"aria-live": "polite"}),
    ])


def message(text: str, kind: str = "danger") -> html.Div:
    """A message read out at once (role=alert for problems, role=status for success)."""
    role = "status" if kind == "success" else "alert"
    return html.Div(text, role=role, className=f"{nl.ALERT_KINDS[kind]} edit-message")


def error_summary(errors: Mapping[str, str], intro: str | None = None) -> html.Div:
    """All errors of a refused save, at the top of the form (role=alert); each is also shown next to its field."""
    items = [html.Li(texts.EDIT_ERROR_LINK.format(label=texts.FIELD_LABELS.get(f, f), message=m) if f != FORM else m)
             for f, m in errors.items()]
    return html.Div(role="alert", className=f"{nl.ALERT_ERROR} edit-message", children=[
        html.P(intro or texts.EDIT_ERRORS.format(count=len(errors)), className="mb-1"),
        html.Ul(items, className="mb-0"),
    ])


def _shown(value: Any) -> str:  # noqa: ANN401
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def conflict_view(exc: Conflict, reload_href: str) -> html.Div:
    """Someone else saved first: both versions side by side and a way to load the stored one."""
    fields = [f for f in dict.fromkeys([*exc.theirs, *exc.mine])]
    state = state_label(exc.their_state) if exc.their_state else ""
    who = exc.their_author or "iemand anders"
    rows = []
    for f in fields:
        mine, theirs = exc.mine.get(f), exc.theirs.get(f)
        differs = f in exc.mine and _shown(mine) != _shown(theirs)
        rows.append(html.Tr(className="conflict-differs" if differs else None, children=[
            html.Th([texts.FIELD_LABELS.get(f, f),
                     html.Span(f" ({texts.CONFLICT_DIFFERS})", className="conflict-mark") if differs else None],
                    scope="row"),
            html.Td(_shown(mine) if f in exc.mine else "–"),
            html.Td(_shown(theirs)),
        ]))
    table = html.Table(className=f"{nl.TABLE_COMPACT} conflict-table", children=[
        html.Caption(texts.CONFLICT_TABLE),
        html.Thead(html.Tr([html.Th(texts.CONFLICT_FIELD, scope="col"), html.Th(texts.CONFLICT_MINE, scope="col"),
                            html.Th(texts.CONFLICT_THEIRS.format(version=exc.their_version, who=who, state=state),
                                    scope="col")])),
        html.Tbody(rows),
    ])
    return html.Div(role="alert", className=f"{nl.ALERT_WARNING} edit-message conflict-view", children=[
        nl.H2(texts.CONFLICT_TITLE, className=nl.HEADING_4),
        html.P(exc.message),
        scroll_region(table, texts.CONFLICT_TABLE),
        nl.A(texts.CONFLICT_RELOAD, href=reload_href, className=f"{nl.BUTTON_SECONDARY} conflict-reload"),
    ])


def audit_table(trail: Sequence[AuditView]) -> html.Section:
    """An item's history, oldest first; read-only (the database refuses changes to it)."""
    body: Any
    if not trail:
        body = html.P(texts.AUDIT_EMPTY)
    else:
        rows = [html.Tr([
            html.Td(e.at.strftime("%Y-%m-%d %H:%M")), html.Td(e.user_name or "–"),
            html.Td(texts.AUDIT_ACTIONS.get(str(e.action.value), str(e.action.value))),
            html.Td(texts.FIELD_LABELS.get(e.field or "", e.field or "–")), html.Td(e.old or "–"),
            html.Td(e.new or "–"), html.Td(e.reason or ""),
        ]) for e in trail]
        body = scroll_region(html.Table(className=f"{nl.TABLE_COMPACT} audit-table", children=[
            html.Caption(texts.AUDIT_TABLE, className="visually-hidden"),
            html.Thead(html.Tr([html.Th(c, scope="col") for c in texts.AUDIT_COLS])),
            html.Tbody(rows),
        ]), texts.AUDIT_TABLE)
    return html.Section(className="audit-trail", **{"aria-labelledby": "bewerk-audit-kop"}, children=[
        nl.H2(texts.AUDIT_TITLE, id="bewerk-audit-kop", className=nl.HEADING_4),
        html.P(texts.AUDIT_INTRO, className=nl.DESCRIPTION),
        body,
    ])


def step_label(to: WorkflowState, state: WorkflowState, can_edit: bool) -> str:
    if to is WorkflowState.CONCEPT and state is WorkflowState.SUBMITTED and can_edit:
        return texts.STEP_LABELS["terugtrekken"]
    return texts.STEP_LABELS[to.value]


def needs_reason(to: WorkflowState, state: WorkflowState, can_edit: bool) -> bool:
    return to is WorkflowState.CONCEPT and not (state is WorkflowState.SUBMITTED and can_edit)


def workflow_panel(state: WorkflowState, version: int, transitions: Sequence[WorkflowState], can_edit: bool,
                   problems: Mapping[str, str], other_approver_needed: bool = False) -> html.Section:
    """The item's state, why it cannot be published yet, and a button for every step this actor may take (and why
    there is no approve button when the four-eyes rule leaves that step to someone else)."""
    buttons = [html.Button(step_label(to, state, can_edit), id={"type": STEP, "to": to.value}, n_clicks=0,
                           type="button", className=f"{nl.BUTTON_SECONDARY} me-2 mb-2") for to in transitions]
    reason = any(needs_reason(to, state, can_edit) for to in transitions)
    return html.Section(className="workflow-panel", **{"aria-labelledby": "bewerk-werkstroom-kop"}, children=[
        nl.H2(texts.EDIT_WORKFLOW, id="bewerk-werkstroom-kop", className=nl.HEADING_4),
        html.P([texts.EDIT_STATE.format(state=state_label(state), version=version), " ", state_badge(state)]),
        html.P(texts.EDIT_PUBLISHED_WARNING, className="published-warning")
        if state is WorkflowState.PUBLISHED and can_edit else None,
        html.Div([html.P(texts.EDIT_PROBLEMS, className="mb-1"),
                  html.Ul([html.Li(m) for m in problems.values()])], className="publish-problems")
        if problems and state is not WorkflowState.PUBLISHED else None,
        html.Div(className="mb-2", children=[
            html.Label(texts.EDIT_REASON, htmlFor="bewerk-reden", className=nl.LABEL),
            dcc.Textarea(id="bewerk-reden", value="", rows=2, className=nl.TEXTAREA),
        ]) if reason else dcc.Input(id="bewerk-reden", type="hidden", value=""),
        html.P(texts.EDIT_FOUR_EYES, className="four-eyes-note") if other_approver_needed else None,
        html.Div(buttons) if buttons else html.P(texts.EDIT_NO_STEPS),
    ])

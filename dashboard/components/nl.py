"""NL Design System community components (@utrecht/component-library-css) for Dash: the class names of buttons,
form fields, tables, alerts and badges, and headings and links that carry their component class. The look comes
from the theme's tokens (dashboard/theme.py); pages use these instead of writing class names themselves."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

BUTTON = "utrecht-button"
BUTTON_PRIMARY = f"{BUTTON} utrecht-button--primary-action"
BUTTON_SECONDARY = f"{BUTTON} utrecht-button--secondary-action"
BUTTON_DANGER = f"{BUTTON_PRIMARY} utrecht-button--danger"
BUTTON_SUBTLE = f"{BUTTON} utrecht-button--subtle"
SMALL = "perspectief-button--small"  # our own: a compact button in dense lists and the header
BUTTON_SECONDARY_SMALL = f"{BUTTON_SECONDARY} {SMALL}"
BUTTON_SUBTLE_SMALL = f"{BUTTON_SUBTLE} {SMALL}"

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea"
INVALID = "utrecht-textbox--invalid"
SELECT = "utrecht-select utrecht-select--html-select"
LABEL = "utrecht-form-label"
DESCRIPTION = "utrecht-form-field-description"
ERROR_MESSAGE = "utrecht-form-field-error-message"
CHECKBOX = "utrecht-checkbox utrecht-checkbox--html-input"
RADIO = "utrecht-radio-button utrecht-radio-button--html-input"

TABLE = "utrecht-table utrecht-table--html-table"
TABLE_COMPACT = f"{TABLE} perspectief-table--compact"

ALERT = "utrecht-alert"
ALERT_INFO = f"{ALERT} utrecht-alert--info"
ALERT_OK = f"{ALERT} utrecht-alert--ok"
ALERT_WARNING = f"{ALERT} utrecht-alert--warning"
ALERT_ERROR = f"{ALERT} utrecht-alert--error"
ALERT_KINDS = {"danger": ALERT_ERROR, "error": ALERT_ERROR, "success": ALERT_OK, "ok": ALERT_OK,
               "warning": ALERT_WARNING, "info": ALERT_INFO}

STATUS_BADGE = "utrecht-status-badge"
STATUS_SUCCESS = f"{STATUS_BADGE} utrecht-status-badge--success"
STATUS_WARNING = f"{STATUS_BADGE} utrecht-status-badge--warning"
STATUS_DANGER = f"{STATUS_BADGE} utrecht-status-badge--danger"
STATUS_NEUTRAL = f"{STATUS_BADGE} utrecht-status-badge--neutral"
DATA_BADGE = "utrecht-data-badge"

LEAD = "utrecht-paragraph utrecht-paragraph--lead"
SMALL_TEXT = "utrecht-paragraph utrecht-paragraph--small"
HEADING_4 = "utrecht-heading-4"  # a heading that looks smaller than its level (the level stays for the outline)
HEADING_5 = "utrecht-heading-5"
LINK = "utrecht-link"


def _with(cls: str, family: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    """`kwargs` with `cls` added to className, unless it already holds a class of `family` (e.g. a heading that
    should look like another level, or a link styled as a button)."""
    current = kwargs.get("className") or ""
    if not any(part.startswith(family) for part in current.split()):
        kwargs["className"] = f"{cls} {current}".strip()
    return kwargs


def _heading(level: int, component: type) -> Any:  # noqa: ANN401 - returns a Dash component factory
    def make(children: Any = None, **kwargs: Any) -> Any:  # noqa: ANN401
        return component(children, **_with(f"utrecht-heading-{level}", "utrecht-heading-", kwargs))

    make.__name__ = f"H{level}"
    make.__doc__ = f"html.H{level} with the NL Design System heading-{level} class."
    return make


H1 = _heading(1, html.H1)
H2 = _heading(2, html.H2)
H3 = _heading(3, html.H3)
H4 = _heading(4, html.H4)
H5 = _heading(5, html.H5)
H6 = _heading(6, html.H6)


def Link(children: Any = None, **kwargs: Any) -> dcc.Link:  # noqa: N802, ANN401 - mirrors dcc.Link
    """dcc.Link with the NL Design System link class (not on a link that has a button or other utrecht class)."""
    return dcc.Link(children, **_with(LINK, "utrecht-", kwargs))


def A(children: Any = None, **kwargs: Any) -> html.A:  # noqa: N802, ANN401 - mirrors html.A
    """html.A with the NL Design System link class (not on a link that has a button or other utrecht class)."""
    return html.A(children, **_with(LINK, "utrecht-", kwargs))


def alert(children: Any, kind: str = "info", **kwargs: Any) -> html.Div:  # noqa: ANN401
    """An alert box (info, ok, warning, error) with the component's content structure."""
    extra = kwargs.pop("className", "")
    return html.Div(className=f"{ALERT_KINDS[kind]} {extra}".strip(), **kwargs, children=html.Div(
        className="utrecht-alert__content", children=html.Div(className="utrecht-alert__message", children=children)))

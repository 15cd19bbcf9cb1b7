"""Small labels: status badges, verdicts and the fictional-figures marker (text, never colour alone)."""

from dash import html

from dashboard import texts
from dashboard.components import nl
from indicators.enums import MeasurementStatus, Verdict
from indicators.formatting import MEASUREMENT_STATUS_LABELS
from indicators.trends import TrendSummary

VERDICT_NAME = {  # our own class per verdict (e.g. the overview's trend glances colour their icon by it)
    Verdict.DESIRED: "verdict-desired",
    Verdict.UNDESIRED: "verdict-undesired",
    Verdict.NO_CHANGE: "verdict-flat",
    Verdict.UNKNOWN: "verdict-unknown",
}
VERDICT_TONE = {  # NL Design System status badge: the theme's positive, negative, warning and neutral colours
    Verdict.DESIRED: nl.STATUS_SUCCESS,
    Verdict.UNDESIRED: nl.STATUS_DANGER,
    Verdict.NO_CHANGE: nl.STATUS_WARNING,
    Verdict.UNKNOWN: nl.STATUS_NEUTRAL,
}
VERDICT_CLASS = {v: f"{VERDICT_TONE[v]} {VERDICT_NAME[v]}" for v in Verdict}
STATUS_CLASS = {
    MeasurementStatus.ON_TRACK: nl.STATUS_SUCCESS,
    MeasurementStatus.ATTENTION: nl.STATUS_WARNING,
    MeasurementStatus.OFF_TRACK: nl.STATUS_DANGER,
}


STATUS_ICONS = {MeasurementStatus.ON_TRACK: "✔", MeasurementStatus.ATTENTION: "!", MeasurementStatus.OFF_TRACK: "✖",
                MeasurementStatus.UNKNOWN: "?"}


def status_badge(status: MeasurementStatus | str, text: str | None = None) -> html.Span:
    """A status as word, icon and colour (the word is never left out); `text` replaces the word, e.g. a count."""
    status = MeasurementStatus(status)
    tone = STATUS_CLASS.get(status, nl.STATUS_NEUTRAL)
    return html.Span(className=f"{tone} status-badge status-{status.value}", children=[
        html.Span(STATUS_ICONS[status], className="status-icon", **{"aria-hidden": "true"}),
        text or MEASUREMENT_STATUS_LABELS[status]])


def verdict_badge(summary: TrendSummary) -> html.P:
    return html.P(className=f"verdict {VERDICT_CLASS[summary.verdict]}", children=[
        html.Span(summary.icon, className="verdict-icon", **{"aria-hidden": "true"}),
        html.Span(summary.verdict.value, className="verdict-text"),
    ])


def example_label(text: str = texts.EXAMPLE_LABEL) -> html.Span:
    return html.Span(text, className="example-label")

"""Small labels: status badges, verdicts and the fictional-figures marker (text, never colour alone)."""

from dash import html

from dashboard import texts
from dashboard.components import nl
from indicators.enums import MeasurementStatus, Verdict
from indicators.formatting import MEASUREMENT_STATUS_LABELS
from indicators.trends import TrendSummary

VERDICT_CLASS = {  # NL Design System status badge: the theme's positive, negative, warning and neutral colours
    Verdict.DESIRED: f"{nl.STATUS_SUCCESS} verdict-desired",
    Verdict.UNDESIRED: f"{nl.STATUS_DANGER} verdict-undesired",
    Verdict.NO_CHANGE: f"{nl.STATUS_WARNING} verdict-flat",
    Verdict.UNKNOWN: f"{nl.STATUS_NEUTRAL} verdict-unknown",
}
STATUS_CLASS = {
    MeasurementStatus.ON_TRACK: nl.STATUS_SUCCESS,
    MeasurementStatus.ATTENTION: nl.STATUS_WARNING,
    MeasurementStatus.OFF_TRACK: nl.STATUS_DANGER,
}


def status_badge(status: MeasurementStatus | str) -> html.Span:
    status = MeasurementStatus(status)
    tone = STATUS_CLASS.get(status, nl.STATUS_NEUTRAL)
    return html.Span(MEASUREMENT_STATUS_LABELS[status], className=f"{tone} status-badge status-{status.value}")


def verdict_badge(summary: TrendSummary) -> html.P:
    return html.P(className=f"verdict {VERDICT_CLASS[summary.verdict]}", children=[
        html.Span(summary.icon, className="verdict-icon", **{"aria-hidden": "true"}),
        html.Span(summary.verdict.value, className="verdict-text"),
    ])


def example_label(text: str = texts.EXAMPLE_LABEL) -> html.Span:
    return html.Span(text, className="example-label")

"""Small labels: status badges, verdicts and the fictional-figures marker (text, never colour alone)."""

from dash import html

from dashboard import texts
from indicators.enums import MeasurementStatus, Verdict
from indicators.formatting import MEASUREMENT_STATUS_LABELS
from indicators.trends import TrendSummary

VERDICT_CLASS = {
    Verdict.DESIRED: "verdict-desired",
    Verdict.UNDESIRED: "verdict-undesired",
    Verdict.NO_CHANGE: "verdict-flat",
    Verdict.UNKNOWN: "verdict-unknown",
}


def status_badge(status: MeasurementStatus | str) -> html.Span:
    status = MeasurementStatus(status)
    return html.Span(MEASUREMENT_STATUS_LABELS[status], className=f"status-badge status-{status.value}")


def verdict_badge(summary: TrendSummary) -> html.P:
    return html.P(className=f"verdict {VERDICT_CLASS[summary.verdict]}", children=[
        html.Span(summary.icon, className="verdict-icon", **{"aria-hidden": "true"}),
        html.Span(summary.verdict.value, className="verdict-text"),
    ])


def example_label(text: str = texts.EXAMPLE_LABEL) -> html.Span:
    return html.Span(text, className="example-label")

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


STATUS_ICONS = {MeasurementStatus.ON_TRACK: "✔", MeasurementStatus.ATTENTION: "!", MeasurementStatus.OFF_TRACK: "✖",
                MeasurementStatus.UNKNOWN: "?"}


def status_badge(status: MeasurementStatus | str, text: str | None = None) -> html.Span:
    """A status as word, icon and colour (the word is never left out); `text` replaces the word, e.g. a count."""
    status = MeasurementStatus(status)
    return html.Span(className=f"status-badge status-{status.value}", children=[
        html.Span(STATUS_ICONS[status], className="status-icon", **{"aria-hidden": "true"}),
        text or MEASUREMENT_STATUS_LABELS[status]])


def verdict_badge(summary: TrendSummary) -> html.P:
    return html.P(className=f"verdict {VERDICT_CLASS[summary.verdict]}", children=[
        html.Span(summary.icon, className="verdict-icon", **{"aria-hidden": "true"}),
        html.Span(summary.verdict.value, className="verdict-text"),
    ])


def example_label(text: str = texts.EXAMPLE_LABEL) -> html.Span:
    return html.Span(text, className="example-label")

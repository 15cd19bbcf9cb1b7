"""The "niet actueel" label: shown on a trend whose newest figure is older than the configured age (the rule is
indicators.actuality.is_outdated; the age is the setting ACTUALITY_MAX_AGE_YEARS), with the year of that figure."""

from __future__ import annotations

from datetime import date

from dash import html

from dashboard import texts
from indicators.actuality import is_outdated
from indicators.periods import Period


def outdated(latest: Period | None, today: date, max_age: int) -> bool:
    """Whether a trend with this newest period is niet actueel (a trend without any figure has no label: it says
    'nog geen cijfers' itself)."""
    return latest is not None and is_outdated(latest.end, today, max_age)


def outdated_label(latest: Period | None, today: date, max_age: int) -> html.P | None:
    """'Niet actueel – nieuwste cijfer over 2023', or nothing for a current trend."""
    if not outdated(latest, today, max_age):
        return None
    return html.P(className="actuality-label", children=[
        html.Span("!", className="actuality-icon", **{"aria-hidden": "true"}),
        html.Strong(texts.OUTDATED_LABEL), " ", texts.OUTDATED_SINCE.format(period=latest.label),
    ])

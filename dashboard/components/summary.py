"""The plain-Dutch summary at the top of a programme, generated from its figures."""

from __future__ import annotations

from dashboard import texts
from indicators.enums import MeasurementStatus, Verdict


def programme_summary(verdicts: dict[Verdict, int], trend_count: int, statuses: dict[MeasurementStatus, int],
                      story_count: int) -> str:
    parts = texts.PROGRAMME_SUMMARY.format(
        trends=texts.SUMMARY_TRENDS.format(desired=verdicts.get(Verdict.DESIRED, 0), total=trend_count),
        results=texts.SUMMARY_RESULTS.format(attention=statuses.get(MeasurementStatus.ATTENTION, 0),
                                             off=statuses.get(MeasurementStatus.OFF_TRACK, 0)),
        stories=texts.SUMMARY_STORIES.format(count=story_count),
    )
    return parts[0].upper() + parts[1:]

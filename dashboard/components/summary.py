"""The plain-Dutch summary at the top of a programme, generated from its figures."""

from __future__ import annotations

from dashboard import texts
from indicators.enums import MeasurementStatus, Verdict


def _counted(forms: tuple[str, str], count: int) -> str:
    """The singular form for exactly one, else the plural ('1 verhaal', '0 verhalen', '3 verhalen')."""
    return forms[0 if count == 1 else 1].format(count=count)


def programme_summary(verdicts: dict[Verdict, int], trend_count: int, statuses: dict[MeasurementStatus, int],
                      story_count: int) -> str:
    desired = verdicts.get(Verdict.DESIRED, 0)
    attention, off = statuses.get(MeasurementStatus.ATTENTION, 0), statuses.get(MeasurementStatus.OFF_TRACK, 0)
    parts = texts.PROGRAMME_SUMMARY.format(
        trends=(texts.SUMMARY_TRENDS_ONE if desired == 1 else texts.SUMMARY_TRENDS).format(desired=desired,
                                                                                         total=trend_count),
        results=texts.SUMMARY_RESULTS.format(attention=_counted(texts.SUMMARY_ATTENTION, attention),
                                             off=_counted(texts.SUMMARY_OFF, off)),
        stories=_counted(texts.SUMMARY_STORIES, story_count),
    )
    return parts[0].upper() + parts[1:]

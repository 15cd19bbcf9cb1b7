"""The plain-Dutch summary at the top of a programme (and on its overview card), generated from its figures, with
grammatical counts for 0, 1 and many ("1 van de 4 trends gaat", "geen resultaten vragen aandacht")."""

from __future__ import annotations

from dashboard import texts
from indicators.enums import MeasurementStatus, Verdict
from indicators.formatting import plural


def trends_phrase(desired: int, total: int, outdated: int = 0) -> str:
    if total == 0:
        return texts.SUMMARY_TRENDS_NONE
    if total == 1:
        phrase = texts.SUMMARY_TRENDS_SINGLE[desired > 0]
    else:
        key = "none" if desired == 0 else "one" if desired == 1 else "all" if desired == total else "some"
        phrase = texts.SUMMARY_TRENDS[key].format(n=desired, total=total)
    return phrase + plural(outdated, texts.SUMMARY_OUTDATED)


def results_phrase(attention: int, off: int, total: int) -> str:
    if total == 0:
        return texts.SUMMARY_RESULTS_NONE
    if attention == 0 and off == 0:
        return texts.SUMMARY_RESULTS_FINE
    if attention and off:
        phrase = (f"{plural(attention, texts.SUMMARY_RESULTS_ATTENTION)} en "
                  f"{plural(off, texts.SUMMARY_RESULTS_OFF_AFTER)}")
    elif attention:
        phrase = plural(attention, texts.SUMMARY_RESULTS_ATTENTION)
    else:
        phrase = plural(off, texts.SUMMARY_RESULTS_OFF)
    return phrase + texts.SUMMARY_RESULTS_WHEN


def programme_summary(verdicts: dict[Verdict, int], trend_count: int, statuses: dict[MeasurementStatus, int],
                      story_count: int, outdated: int = 0) -> str:
    """E.g. '1 van de 4 trends gaat de gewenste kant op (2 trends zijn niet actueel); 3 resultaten vragen aandacht
    en 3 zijn niet op koers (laatste kwartaal); 4 verhalen uit de praktijk.'"""
    text = texts.PROGRAMME_SUMMARY.format(
        trends=trends_phrase(verdicts.get(Verdict.DESIRED, 0), trend_count, outdated),
        results=results_phrase(statuses.get(MeasurementStatus.ATTENTION, 0),
                               statuses.get(MeasurementStatus.OFF_TRACK, 0), sum(statuses.values())),
        stories=plural(story_count, texts.SUMMARY_STORIES),
    )
    return text[0].upper() + text[1:]

"""What an entered measurement of a result must satisfy besides its types – the same rules for the edit form, the
quarter grid and the results template: a result counted in things (its unit names what is counted: partners,
kinderen, acties) takes whole numbers, and a status other than *op koers* comes with a toelichting (for *onbekend*:
once a realised value is entered, since then the reader asks why it cannot be judged).

Pure: the shells turn the problem codes into their own Dutch messages, naming the field or the row and column."""

from __future__ import annotations

import math
import re

from indicators.enums import MeasurementStatus

WHOLE_NUMBER = "whole_number"
EXPLANATION_NEEDED = "explanation_needed"

# words in a unit that make it something other than a count: shares, money, time, measures, scores, averages
_NOT_COUNTED = {
    "%", "procent", "percent", "percentage", "procentpunt", "procentpunten", "promille", "‰", "€", "euro", "eur",
    "uur", "uren", "minuut", "minuten", "dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "jaren",
    "km", "kilometer", "m", "m2", "m²", "m3", "m³", "kg", "ton", "kwh", "liter", "score", "cijfer", "rapportcijfer",
    "index", "gemiddeld", "gemiddelde", "ratio", "schaal", "graad", "fte",
}
_WORDS = re.compile(r"[%‰€²³\w]+")


def is_count(unit: str | None) -> bool:
    """Whether a result's unit names things counted ('partners', 'kinderen', 'huishoudens', 'aantal'): not empty,
    no percentage, rate ('per 1.000 inwoners', 'x/maand'), money, duration, measure, score or average."""
    text = (unit or "").strip().casefold()
    if not text or "/" in text or re.search(r"\bper\b", text):
        return False
    return not any(word in _NOT_COUNTED for word in _WORDS.findall(text))


def needs_explanation(status: MeasurementStatus | str, realised: float | None) -> bool:
    status = MeasurementStatus(status)
    if status is MeasurementStatus.UNKNOWN:
        return realised is not None
    return status is not MeasurementStatus.ON_TRACK


def measurement_problems(unit: str | None, target: float | None, realised: float | None,
                         status: MeasurementStatus | str, explanation: str | None) -> dict[str, str]:
    """{field: problem code} of a measurement: fields `target`, `realised` (WHOLE_NUMBER) and `explanation`
    (EXPLANATION_NEEDED); empty when it may be saved."""
    problems: dict[str, str] = {}
    if is_count(unit):
        for field, value in (("target", target), ("realised", realised)):
            if value is not None and math.isfinite(value) and not float(value).is_integer():
                problems[field] = WHOLE_NUMBER
    if needs_explanation(status, realised) and not (explanation or "").strip():
        problems["explanation"] = EXPLANATION_NEEDED
    return problems

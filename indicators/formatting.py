"""Dutch number, change and date formats, and the Dutch labels of statuses and kinds."""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from indicators.enums import Direction, MeasurementStatus, ObservationStatus, ResultKind, StoryKind
from indicators.periods import MONTH_ABBR_NL

MINUS = "\u2212"  # the real minus sign, not a hyphen
NO_VALUE = "\u2013"  # en dash: there is no value
PERCENT = "%"
PERCENTAGE_POINT = "procentpunt"
MONTHS = MONTH_ABBR_NL
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _to_decimal(value: float | int | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    # repr() gives the shortest text that round-trips, so 0.05 is 0.05 here, not 0.05000000000000000277.
    return Decimal(repr(float(value)))


_QUANTUM = [Decimal(1).scaleb(-n) for n in range(16)]
_HALF_UP = Context(prec=28, rounding=ROUND_HALF_UP)


@lru_cache(maxsize=65_536)
def _digits(value: float, decimals: int) -> tuple[bool, str]:
    """(is negative after rounding, grouped Dutch digits without sign); rounds half away from zero.
    Cached: a page formats the same figures on every request (equal numbers give equal text, so 1 and 1.0
    may share an entry)."""
    decimals = max(0, int(decimals))
    d = _to_decimal(value)
    quantum = _QUANTUM[decimals] if decimals < len(_QUANTUM) else Decimal(1).scaleb(-decimals)
    needed = d.adjusted() + decimals + 2
    context = _HALF_UP if needed <= _HALF_UP.prec else Context(prec=needed, rounding=ROUND_HALF_UP)
    d = d.quantize(quantum, context=context)
    whole, _, frac = f"{abs(d):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return d < 0, grouped + ("," + frac if decimals > 0 else "")


def _is_number(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


def _with_unit(text: str, unit: str) -> str:
    if not unit:
        return text
    return f"{text}{PERCENT}" if unit == PERCENT else f"{text} {unit}"


def format_number(value: float | None, decimals: int = 0, unit: str = "") -> str:
    """1234.5 -> '1.234,5'; -0.5 -> '−0,5'; None/NaN -> '–'; unit '%' -> '15,3%', other units after a space."""
    if not _is_number(value):
        return NO_VALUE
    negative, text = _digits(value, decimals)
    return _with_unit((MINUS if negative else "") + text, unit)


def format_change(delta: float | None, decimals: int = 1, unit: str = "") -> str:
    """Always signed: '+1,2', '−0,4', '0,0'; a change of a percentage is in 'procentpunt'."""
    if not _is_number(delta):
        return NO_VALUE
    negative, text = _digits(delta, decimals)
    is_zero = not text.strip("0.,")
    text = ("" if is_zero else MINUS if negative else "+") + text
    if unit == PERCENT:
        return f"{text} {PERCENTAGE_POINT}"
    return _with_unit(text, unit)


def format_date(d: date | datetime | None) -> str:
    """'3 okt 2026'; aware datetimes are first converted to Amsterdam time."""
    if d is None:
        return NO_VALUE
    if isinstance(d, datetime) and d.tzinfo is not None:
        d = d.astimezone(AMSTERDAM)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def format_datetime(dt: datetime | None) -> str:
    """'3 okt 2026, 14:05' (Amsterdam time for aware datetimes, as given for naive ones)."""
    if dt is None:
        return NO_VALUE
    if dt.tzinfo is not None:
        dt = dt.astimezone(AMSTERDAM)
    return f"{format_date(dt)}, {dt:%H:%M}"


def format_percentage_share(part: int, whole: int) -> str:
    """'3 van de 5' (counts in words, e.g. trends in the desired direction)."""
    return f"{part} van de {whole}"


# Labels of the enums' values, as people read them.
OBSERVATION_STATUS_LABELS: dict[ObservationStatus, str] = {
    ObservationStatus.DEFINITIVE: "definitief", ObservationStatus.PROVISIONAL: "voorlopig",
    ObservationStatus.SECRET: "geheim (niet gepubliceerd)", ObservationStatus.MISSING: "ontbreekt"}
MEASUREMENT_STATUS_LABELS: dict[MeasurementStatus, str] = {
    MeasurementStatus.ON_TRACK: "Op koers", MeasurementStatus.ATTENTION: "Aandacht nodig",
    MeasurementStatus.OFF_TRACK: "Niet op koers", MeasurementStatus.UNKNOWN: "Nog niet bekend"}
RESULT_KIND_LABELS: dict[ResultKind, str] = {
    ResultKind.HOW_MUCH: "Hoeveel doen we?", ResultKind.HOW_WELL: "Hoe goed doen we het?",
    ResultKind.BETTER_OFF: "Is iemand erop vooruitgegaan?"}
STORY_KIND_LABELS: dict[StoryKind, str] = {
    StoryKind.FILM: "Film", StoryKind.INTERVIEW: "Interview", StoryKind.QUOTE: "Citaat",
    StoryKind.PHOTO_STORY: "Fotoverhaal"}
DIRECTION_LABELS: dict[Direction, str] = {
    Direction.MORE: "Meer is beter", Direction.LESS: "Minder is beter", Direction.BETTER: "Beter",
    Direction.FASTER: "Sneller", Direction.NONE: "Geen gewenste richting"}

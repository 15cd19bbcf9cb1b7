"""Dutch number, change and date formats, and the Dutch labels of statuses and kinds."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from db.models import Direction, MeasurementStatus, ObservationStatus, ResultKind, StoryKind

MINUS = "\u2212"
NO_VALUE = "–"
MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _digits(value: float, decimals: int) -> tuple[bool, str]:
    quant = Decimal(1).scaleb(-decimals)
    d = Decimal(repr(float(value))).quantize(quant, rounding=ROUND_HALF_UP)
    negative = d < 0
    whole, _, frac = f"{abs(d):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return negative and d != 0, grouped + ("," + frac if decimals > 0 else "")


def _with_unit(text: str, unit: str) -> str:
    if not unit:
        return text
    return f"{text}%" if unit == "%" else f"{text} {unit}"


def format_number(value: float | None, decimals: int = 0, unit: str = "") -> str:
    """1234.5 -> '1.234,5'; -0.5 -> '−0,5'; None -> '–'; unit '%' -> '15,3%'."""
    if value is None:
        return NO_VALUE
    negative, text = _digits(value, decimals)
    return _with_unit((MINUS if negative else "") + text, unit)


def format_change(delta: float | None, decimals: int = 1, unit: str = "") -> str:
    """Always signed: '+1,2', '−0,4', '0,0'; percentages change in 'procentpunt'."""
    if delta is None:
        return NO_VALUE
    negative, text = _digits(delta, decimals)
    sign = MINUS if negative else ("+" if text.strip("0,.") else "")
    text = sign + text
    if unit == "%":
        return f"{text} procentpunt"
    return _with_unit(text, unit)


def format_date(d: date | datetime | None) -> str:
    """'3 okt 2026'."""
    if d is None:
        return NO_VALUE
    if isinstance(d, datetime) and d.tzinfo is not None:
        d = d.astimezone(AMSTERDAM)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def format_datetime(dt: datetime | None) -> str:
    """'3 okt 2026, 14:05' (Amsterdam time for aware datetimes)."""
    if dt is None:
        return NO_VALUE
    if dt.tzinfo is not None:
        dt = dt.astimezone(AMSTERDAM)
    return f"{format_date(dt)}, {dt:%H:%M}"


def format_percentage_share(part: int, whole: int) -> str:
    return f"{part} van de {whole}"


OBSERVATION_STATUS_LABELS = {
    ObservationStatus.DEFINITIVE: "definitief",
    ObservationStatus.PROVISIONAL: "voorlopig",
    ObservationStatus.SECRET: "geheim (niet gepubliceerd)",
    ObservationStatus.MISSING: "ontbreekt",
}
MEASUREMENT_STATUS_LABELS = {
    MeasurementStatus.ON_TRACK: "Op koers",
    MeasurementStatus.ATTENTION: "Aandacht nodig",
    MeasurementStatus.OFF_TRACK: "Niet op koers",
    MeasurementStatus.UNKNOWN: "Nog niet bekend",
}
RESULT_KIND_LABELS = {
    ResultKind.HOW_MUCH: "Hoeveel doen we?",
    ResultKind.HOW_WELL: "Hoe goed doen we het?",
    ResultKind.BETTER_OFF: "Is iemand erop vooruitgegaan?",
}
STORY_KIND_LABELS = {
    StoryKind.FILM: "Film",
    StoryKind.INTERVIEW: "Interview",
    StoryKind.QUOTE: "Citaat",
    StoryKind.PHOTO_STORY: "Fotoverhaal",
}
DIRECTION_LABELS = {
    Direction.MORE: "Meer is beter",
    Direction.LESS: "Minder is beter",
    Direction.BETTER: "Beter",
    Direction.FASTER: "Sneller",
    Direction.NONE: "Geen gewenste richting",
}

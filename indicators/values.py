"""Cell-level parsing of figures as CBS and spreadsheets write them: markers, padding, decimals."""

from __future__ import annotations

import math
import re

from indicators.enums import ObservationStatus

# CBS and StatLine symbols for "no figure": never stored as 0.
SECRET_MARKERS = {"x"}
MISSING_MARKERS = {"", ".", "-", "?", "..", "n.v.t.", "nvt"}

_DOT_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_COMMA_NUMBER = re.compile(r"^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$")
_DUTCH_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")
_EN_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


class ValueError_(ValueError):  # noqa: N801 - keeps the builtin name free for callers
    """A cell that is neither a number nor a known marker."""


def parse_value(raw: object, decimal: str | None = None) -> tuple[float | None, ObservationStatus]:
    """Parse one cell into (value, status).

    `decimal` is "," for Dutch files, "." for CBS/English files, None to infer from the text:
    "1.234,5" and "12,5" are Dutch, "1234.5" is not. Raises ValueError_ for text that is no figure.
    A trailing "*" marks a provisional figure; the CBS markers (. x - ? and empty) give no value.
    """
    if raw is None:
        return None, ObservationStatus.MISSING
    if isinstance(raw, bool):
        raise ValueError_(f"{raw!r} is geen getal")
    if isinstance(raw, int | float):
        if raw != raw:  # NaN
            return None, ObservationStatus.MISSING
        if raw in (float("inf"), float("-inf")):
            raise ValueError_(f"{raw!r} is geen getal")
        return float(raw), ObservationStatus.DEFINITIVE
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    status = ObservationStatus.DEFINITIVE
    if text.endswith("*"):  # provisional figure
        text = text[:-1]
        status = ObservationStatus.PROVISIONAL
    low = text.lower()
    if low in SECRET_MARKERS:
        return None, ObservationStatus.SECRET
    if low in MISSING_MARKERS:
        return None, ObservationStatus.MISSING
    text = text.replace("\u2212", "-")
    number: float | None = None
    if decimal == "," or (decimal is None and ("," in text or _DUTCH_THOUSANDS.match(text))):
        if _COMMA_NUMBER.match(text):
            number = float(text.replace(",", "."))
        elif _DUTCH_THOUSANDS.match(text):
            number = float(text.replace(".", "").replace(",", "."))
    elif _DOT_NUMBER.match(text):
        number = float(text)
    elif _EN_THOUSANDS.match(text):
        number = float(text.replace(",", ""))
    if number is None or not math.isfinite(number):  # "1e400" overflows to infinity: not a figure
        raise ValueError_(f"{raw!r} is geen getal")
    return number, status


def clean_code(raw: object) -> str:
    """A CBS region key without its padding: '  GM0141    ' -> 'GM0141'."""
    return str(raw or "").strip().upper()


def clean_text(raw: object) -> str:
    """Text without padding and with single spaces."""
    return " ".join(str(raw or "").split())

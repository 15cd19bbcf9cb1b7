"""Where a chart's y-axis starts, declared per kind of measure, and the round axis range that follows from it.

The rule: quantities whose zero means "none" – percentages, rates per N inhabitants, counts and amounts –
start at 0, so the height of a line is its size; measures without such a zero – an index (2015 = 100), a report
mark, an average age – start near their own figures, so their movement stays visible. The kind is read from the
measure's unit; AXIS_RULES is the declaration (tests hold every unit of the demo and of the CBS tables in
etl/data to it)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class AxisStart(StrEnum):
    ZERO = "vanaf nul"
    DATA = "rond de cijfers"


@dataclass(frozen=True)
class AxisRule:
    kind: str
    start: AxisStart


PERCENTAGE = AxisRule("percentage", AxisStart.ZERO)
RATE = AxisRule("per aantal inwoners", AxisStart.ZERO)
AMOUNT = AxisRule("bedrag", AxisStart.ZERO)
INDEX = AxisRule("index", AxisStart.DATA)
SCORE = AxisRule("rapportcijfer of score", AxisStart.DATA)
AVERAGE = AxisRule("gemiddelde of leeftijd", AxisStart.DATA)
COUNT = AxisRule("aantal", AxisStart.ZERO)

# (pattern on the lower-cased unit, rule), first match wins; anything else is a count of something.
AXIS_RULES: tuple[tuple[re.Pattern[str], AxisRule], ...] = (
    (re.compile(r"^%$|procent"), PERCENTAGE),
    (re.compile(r"^per\b|\bper \d"), RATE),
    (re.compile(r"index|=\s*100"), INDEX),
    (re.compile(r"rapportcijfer|score|\bschaal\b|cijfer \(1"), SCORE),
    (re.compile(r"gemiddeld|leeftijd|^jaren?$|^jaar$"), AVERAGE),
    (re.compile(r"euro|€|x 1 ?000|mln|miljoen"), AMOUNT),
)


def axis_rule(unit: str | None) -> AxisRule:
    """The declared rule for a measure with this unit ('%', 'per 1.000 inwoners', 'index (2015=100)' …)."""
    text = (unit or "").strip().lower()
    for pattern, rule in AXIS_RULES:
        if pattern.search(text):
            return rule
    return COUNT


def nice_step(span: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2,5 or 5 times a power of ten) so that about `ticks` steps cover `span`."""
    if not math.isfinite(span) or span <= 0:
        return 1.0
    raw = span / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for step in (1, 2, 2.5, 5, 10):
        if raw <= step * magnitude * (1 + 1e-9):
            return step * magnitude
    return 10 * magnitude


@dataclass(frozen=True)
class YAxis:
    low: float
    high: float
    step: float

    @property
    def ticks(self) -> list[float]:
        n = round((self.high - self.low) / self.step)
        return [round(self.low + i * self.step, 10) for i in range(n + 1)]

    @property
    def decimals(self) -> int:
        """Decimals the tick labels need: 0 for steps of 5, 1 for 2,5 or 0,5, 2 for 0,25."""
        for d in range(4):
            if all(abs(t * 10 ** d - round(t * 10 ** d)) < 1e-6 for t in self.ticks):
                return d
        return 4


def y_axis(values: Iterable[float | None], rule: AxisRule, ticks: int = 4) -> YAxis:
    """The axis range for these values under `rule`: from 0 (or below, for negative values) for ZERO; otherwise
    a round range around the values with a little room, never crossing zero just to be round."""
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if not finite:
        return YAxis(0.0, 1.0, 0.25)
    lo, hi = min(finite), max(finite)
    if rule.start is AxisStart.ZERO:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
        if hi == lo:
            hi = lo + 1.0
        step = nice_step(hi - lo, ticks)
        low, high = math.floor(lo / step + 1e-9) * step, math.ceil(hi / step - 1e-9) * step
        return YAxis(round(low, 10), round(high, 10), step)
    span = hi - lo if hi > lo else max(abs(hi) * 0.1, 1.0)
    step = nice_step(span * 1.2, ticks)
    low = math.floor((lo - span * 0.1) / step + 1e-9) * step
    high = math.ceil((hi + span * 0.1) / step - 1e-9) * step
    if lo >= 0 > low:  # positive figures: no negative axis just for roundness
        low = 0.0
    if high <= low:
        high = low + step
    return YAxis(round(low, 10), round(high, 10), step)

"""Trend verdicts: does an indicator move the way the programme wants ("-er doelen")?"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from indicators.enums import Direction, MeasurementStatus, ObservationStatus, PeriodKind, Verdict
from indicators.formatting import format_number
from indicators.periods import Period

ICONS = {Verdict.DESIRED: "✔", Verdict.UNDESIRED: "✖", Verdict.NO_CHANGE: "▬", Verdict.UNKNOWN: "?"}
HIGHER_IS_BETTER = frozenset({Direction.MORE, Direction.BETTER, Direction.FASTER})
NO_DIRECTION_SENTENCE = "Geen gewenste richting vastgelegd."
BASIS_BASELINE = "baseline"
BASIS_PREVIOUS = "previous"


@dataclass(frozen=True)
class Point:
    period: Period
    value: float | None
    status: str = ObservationStatus.DEFINITIVE.value

    @property
    def has_value(self) -> bool:
        """False for missing, secret and NaN values: such points are skipped by every calculation."""
        return self.value is not None and math.isfinite(self.value)


def _since(period: Period) -> str:
    """'2022', 'het 3e kwartaal 2023', 'mrt 2023' – to follow 'Sinds'."""
    if period.kind in (PeriodKind.HALF_YEAR, PeriodKind.QUARTER):
        return f"het {period.label}"
    return period.label


@dataclass(frozen=True)
class TrendSummary:
    latest: Point | None
    previous: Point | None
    baseline: Point | None
    change_previous: float | None
    change_baseline: float | None
    verdict: Verdict
    verdict_basis: str  # "baseline" or "previous": which point the verdict compares the latest value with
    direction: Direction | None = None
    decimals: int = 1
    unit: str = ""

    @property
    def icon(self) -> str:
        """A text symbol for the verdict; always show it together with the verdict text."""
        return ICONS[self.verdict]

    @property
    def reference(self) -> Point | None:
        """The point the verdict compares the latest value with."""
        return self.baseline if self.verdict_basis == BASIS_BASELINE else self.previous

    @property
    def change(self) -> float | None:
        """The change the verdict is based on."""
        return self.change_baseline if self.verdict_basis == BASIS_BASELINE else self.change_previous

    @property
    def sentence(self) -> str:
        """Plain Dutch, e.g. 'Sinds 2022 gedaald van 14,6% naar 13,7%: in de gewenste richting.'"""
        latest, ref = self.latest, self.reference
        if latest is None or ref is None:
            if self.direction is Direction.NONE:
                return NO_DIRECTION_SENTENCE
            if latest is None:
                return f"Nog geen cijfers: {self.verdict.value}."
            only = format_number(latest.value, self.decimals, self.unit)
            return f"Alleen een cijfer voor {latest.period.label} ({only}): {self.verdict.value}."
        a = format_number(ref.value, self.decimals, self.unit)
        b = format_number(latest.value, self.decimals, self.unit)
        up = latest.value > ref.value
        if self.verdict is Verdict.NO_CHANGE:
            move = f"ongeveer gelijk gebleven (van {a} naar {b})"
        elif a == b:
            move = f"licht {'gestegen' if up else 'gedaald'} (afgerond {b})"
        else:
            move = f"{'gestegen' if up else 'gedaald'} van {a} naar {b}"
        if self.direction is Direction.NONE:
            return f"Sinds {_since(ref.period)} {move}. {NO_DIRECTION_SENTENCE}"
        return f"Sinds {_since(ref.period)} {move}: {self.verdict.value}."


def _baseline(valued: list[Point], baseline_year: int | None) -> Point | None:
    if baseline_year is None:
        return None
    exact = [p for p in valued if p.period.kind is PeriodKind.YEAR and p.period.start.year == baseline_year]
    if exact:
        return exact[-1]
    before = [p for p in valued if p.period.end.year <= baseline_year]
    return before[-1] if before else None


def _judge(change: float, ref: float, latest: float, direction: Direction, decimals: int,
           tolerance: float | None) -> Verdict:
    tol = max(tolerance, 0.0) if tolerance is not None else max(0.02 * abs(ref), 10 ** -decimals / 2)
    noise = 1e-12 * max(abs(ref), abs(latest))  # the subtraction's own rounding never decides a verdict
    if abs(change) <= tol + noise:
        return Verdict.NO_CHANGE
    better = change > 0 if direction in HIGHER_IS_BETTER else change < 0
    return Verdict.DESIRED if better else Verdict.UNDESIRED


def summarise_trend(points: Sequence[Point], direction: Direction | str, baseline_year: int | None,
                    decimals: int = 1, unit: str = "", tolerance: float | None = None) -> TrendSummary:
    """Latest value, changes since the previous period and since the baseline, and the verdict.

    Points without a value are skipped. The verdict compares the latest value with the baseline (the year
    `baseline_year`, else the last period ending in or before it) when that is an earlier period, otherwise
    with the previous value. Within `tolerance` (default 2% of the reference value, at least half the last
    shown decimal) there is no clear change. Beter/sneller count as "higher is better"; geen gives UNKNOWN.
    """
    direction = Direction(direction)
    valued = sorted((p for p in points if p.has_value), key=lambda p: p.period)
    latest = valued[-1] if valued else None
    previous = valued[-2] if len(valued) > 1 else None
    baseline = _baseline(valued, baseline_year)
    change_previous = latest.value - previous.value if latest and previous else None
    baseline_is_earlier = latest is not None and baseline is not None and baseline.period < latest.period
    change_baseline = latest.value - baseline.value if baseline_is_earlier else None
    if baseline_is_earlier:
        ref, basis, change = baseline, BASIS_BASELINE, change_baseline
    else:
        ref, basis, change = previous, BASIS_PREVIOUS, change_previous
    if direction is Direction.NONE or ref is None or change is None:
        verdict = Verdict.UNKNOWN
    else:
        verdict = _judge(change, ref.value, latest.value, direction, decimals, tolerance)
    return TrendSummary(latest, previous, baseline, change_previous, change_baseline, verdict, basis,
                        direction, decimals, unit)


def count_verdicts(summaries: Iterable[TrendSummary]) -> dict[Verdict, int]:
    """How many summaries have each verdict; every verdict is a key, in Verdict order."""
    counts = Counter(s.verdict for s in summaries)
    return {v: counts.get(v, 0) for v in Verdict}


def forecast_if_nothing_changes(points: Sequence[Point], start_year: int,
                                horizon_end_year: int) -> list[tuple[int, float]]:
    """The least-squares line through the yearly values before `start_year` ("if nothing changes").

    Only points of kind year with a value count (a later duplicate year wins); fewer than 3 years gives [].
    The line is evaluated for each year from the last year with a value before `start_year` through
    `horizon_end_year`. Computed in floats around the mean year (sums with math.fsum) and rounded to 9 decimals, so a
    series on a straight line gives its exact values; about 30 times faster than exact fractions, which mattered
    on pages with many trends (tests compare it with the exact least-squares line).
    """
    by_year: dict[int, float] = {}
    for p in points:
        if p.has_value and p.period.kind is PeriodKind.YEAR and p.period.start.year < start_year:
            by_year[p.period.start.year] = p.value
    if len(by_year) < 3:
        return []
    n = len(by_year)
    mx = math.fsum(by_year) / n
    my = math.fsum(by_year.values()) / n
    sxx = math.fsum((x - mx) ** 2 for x in by_year)
    sxy = math.fsum((x - mx) * (y - my) for x, y in by_year.items())
    slope = sxy / sxx
    return [(year, round(my + slope * (year - mx), 9)) for year in range(max(by_year), horizon_end_year + 1)]


@dataclass(frozen=True)
class Forecast:
    """"Als er niets verandert": the line through the years before the programme, and how the latest yearly value
    compares with it. `turned` is True when the latest value lies on the desired side of the line (the curve
    bent the way the programme wants), False on the other side, None when no side is clear or no direction."""

    fit_first: int
    fit_last: int
    line: list[tuple[int, float]]
    year: int | None = None  # the latest year with a value on the line
    expected: float | None = None
    actual: float | None = None
    turned: bool | None = None
    decimals: int = 1
    unit: str = ""
    within_tolerance: bool = False

    @property
    def falling(self) -> bool | None:
        """Whether the line of before the programme goes down (None when it is flat within rounding)."""
        first, last = self.line[0][1], self.line[-1][1]
        if abs(last - first) < 10 ** -self.decimals / 2:
            return None
        return last < first

    @property
    def sentence(self) -> str:
        """The comparison with the line of before the programme, in words of its own (never the verdict's: the
        verdict compares with the basisjaar, this with a line), e.g. 'In 2024 was het 53,8 per 1.000 inwoners, hoger dan
        de 45,2 die de lijn van 2010–2022 voorspelde: de daling gaat langzamer dan vóór het programma.'"""
        line = f"de lijn van {self.fit_first}–{self.fit_last}"
        if self.year is None or self.expected is None or self.actual is None:
            return f"Vergelijking met {line} (vóór het programma): nog geen latere cijfers."
        exp, act = format_number(self.expected, self.decimals, self.unit), format_number(
            self.actual, self.decimals, self.unit)
        if self.on_line:
            return f"In {self.year} was het {act}, ongeveer wat {line} voorspelde ({exp}): de ontwikkeling " \
                   "gaat door zoals vóór het programma."
        higher = self.actual > self.expected
        side = "hoger" if higher else "lager"
        if self.falling is None:
            how = "het cijfer ligt daarmee boven het vlakke verloop van vóór het programma" if higher else \
                "het cijfer ligt daarmee onder het vlakke verloop van vóór het programma"
        elif self.falling:
            how = "de daling gaat langzamer dan vóór het programma" if higher else \
                "de daling gaat sneller dan vóór het programma"
        else:
            how = "de stijging gaat sneller dan vóór het programma" if higher else \
                "de stijging gaat langzamer dan vóór het programma"
        return f"In {self.year} was het {act}, {side} dan de {exp} die {line} voorspelde: {how}."

    @property
    def on_line(self) -> bool:
        """The latest value lies within the tolerance of the line (see forecast_view)."""
        return self.within_tolerance


def forecast_view(points: Sequence[Point], direction: Direction | str, start_year: int, horizon_end_year: int,
                  decimals: int = 1, unit: str = "", tolerance: float | None = None) -> Forecast | None:
    """The "if nothing changes" line from the yearly values before `start_year`, drawn through
    `horizon_end_year`, compared with the latest yearly value from `start_year` on. None with fewer than 3 years
    before the programme. A difference within `tolerance` (default as for the verdict: 2% of the expected value,
    at least half the last shown decimal) counts as on the line."""
    line = forecast_if_nothing_changes(points, start_year, horizon_end_year)
    if not line:
        return None
    years = sorted({p.period.start.year for p in points if p.has_value and p.period.kind is PeriodKind.YEAR})
    fit = [y for y in years if y < start_year]
    after = {p.period.start.year: p.value for p in points
             if p.has_value and p.period.kind is PeriodKind.YEAR and p.period.start.year >= start_year}
    on_line = dict(line)
    common = [y for y in sorted(after) if y in on_line]
    base = Forecast(fit[0], fit[-1], line, decimals=decimals, unit=unit)
    if not common:
        return base
    year = common[-1]
    expected, actual = on_line[year], after[year]
    tol = max(tolerance, 0.0) if tolerance is not None else max(0.02 * abs(expected), 10 ** -decimals / 2)
    direction = Direction(direction)
    within = abs(actual - expected) <= tol
    if within or direction is Direction.NONE:
        turned = None
    else:
        turned = (actual > expected) == (direction in HIGHER_IS_BETTER)
    return Forecast(fit[0], fit[-1], line, year, expected, actual, turned, decimals, unit, within)


@dataclass(frozen=True)
class BaselineOutlier:
    """The basisjaar's value is a spike: beyond both neighbouring years by clearly more than the series usually
    moves in a year. Every change "since the basisjaar" depends on it, so the page says so."""

    year: int
    value: float
    before: float
    after: float
    decimals: int = 1
    unit: str = ""

    @property
    def higher(self) -> bool:
        return self.value > self.before

    @property
    def sentence(self) -> str:
        """E.g. 'Let op: het basisjaar 2022 is een uitschieter (59,6 per 1.000 inwoners, hoger dan 2021 en 2023:
        49,8 en 56,1). De verandering sinds het basisjaar hangt daar sterk van af.'"""
        def f(v: float) -> str:
            return format_number(v, self.decimals, self.unit)

        side = "hoger" if self.higher else "lager"
        return (f"Let op: het basisjaar {self.year} is een uitschieter ({f(self.value)}, {side} dan "
                f"{self.year - 1} en {self.year + 1}: {format_number(self.before, self.decimals)} en "
                f"{format_number(self.after, self.decimals)}). De verandering sinds het basisjaar hangt daar sterk "
                "van af.")


def baseline_outlier(points: Sequence[Point], baseline_year: int | None, decimals: int = 1, unit: str = "",
                     factor: float = 2.0) -> BaselineOutlier | None:
    """The basisjaar as an outlier, or None. A yearly value is one when it lies above (or below) both the year
    before and the year after – each by more than the median year-to-year change of the rest of the series – and its
    distance to their mean is more than `factor` times that change (and at least 2% of the value). Needs both
    neighbours and three other changes."""
    if baseline_year is None:
        return None
    yearly = {p.period.start.year: p.value for p in points if p.has_value and p.period.kind is PeriodKind.YEAR}
    if not {baseline_year - 1, baseline_year, baseline_year + 1} <= set(yearly):
        return None
    before, value, after = yearly[baseline_year - 1], yearly[baseline_year], yearly[baseline_year + 1]
    if not (value > before and value > after) and not (value < before and value < after):
        return None
    years = sorted(yearly)
    others = [abs(yearly[b] - yearly[a]) for a, b in zip(years, years[1:], strict=False)
              if b == a + 1 and baseline_year not in (a, b)]
    if len(others) < 3:
        return None
    others.sort()
    mid = len(others) // 2
    typical = others[mid] if len(others) % 2 else (others[mid - 1] + others[mid]) / 2
    distance = abs(value - (before + after) / 2)
    nearest = min(abs(value - before), abs(value - after))
    if distance <= factor * typical or nearest <= typical or distance <= 0.02 * abs(value):
        return None
    return BaselineOutlier(baseline_year, value, before, after, decimals, unit)


def classify_measurement(target: float | None, realised: float | None, direction: Direction | str,
                         attention_margin: float = 0.1) -> MeasurementStatus:
    """Status for a measurement whose manager left it open.

    No target or realised value: onbekend. Target met or beaten in the desired direction (minder: at or
    below it; meer/beter/sneller: at or above it; geen: exactly on it): op koers. Missed by at most
    `attention_margin` × |target|: aandacht. Otherwise: niet op koers.
    """
    if target is None or realised is None or not (math.isfinite(target) and math.isfinite(realised)):
        return MeasurementStatus.UNKNOWN
    direction = Direction(direction)
    if direction is Direction.NONE:
        gap = -abs(realised - target)
    elif direction is Direction.LESS:
        gap = target - realised
    else:
        gap = realised - target
    if gap >= 0:
        return MeasurementStatus.ON_TRACK
    if -gap <= attention_margin * abs(target) * (1 + 1e-12):  # "within 10%" includes exactly 10%
        return MeasurementStatus.ATTENTION
    return MeasurementStatus.OFF_TRACK

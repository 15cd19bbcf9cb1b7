"""Trend verdicts: does an indicator move the way the programme wants ("-er doelen")?"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from db.models import Direction, MeasurementStatus
from db.periods import Period, PeriodKind
from indicators.formatting import format_number


class Verdict(StrEnum):
    DESIRED = "in de gewenste richting"
    UNDESIRED = "niet in de gewenste richting"
    NO_CHANGE = "geen duidelijke verandering"
    UNKNOWN = "onvoldoende gegevens"


ICONS = {Verdict.DESIRED: "✔", Verdict.UNDESIRED: "✖", Verdict.NO_CHANGE: "▬", Verdict.UNKNOWN: "?"}
HIGHER_IS_BETTER = {Direction.MORE, Direction.BETTER, Direction.FASTER}


@dataclass(frozen=True)
class Point:
    period: Period
    value: float | None
    status: str = "definitief"


@dataclass(frozen=True)
class TrendSummary:
    latest: Point | None
    previous: Point | None
    baseline: Point | None
    change_previous: float | None
    change_baseline: float | None
    verdict: Verdict
    verdict_basis: str
    sentence: str

    @property
    def icon(self) -> str:
        return ICONS[self.verdict]


def _sentence(verdict: Verdict, ref: Point | None, latest: Point | None, decimals: int, unit: str,
              direction: Direction) -> str:
    if direction is Direction.NONE:
        return "Geen gewenste richting vastgelegd."
    if latest is None or ref is None:
        return f"Te weinig cijfers voor een uitspraak: {verdict.value}."
    a, b = format_number(ref.value, decimals, unit), format_number(latest.value, decimals, unit)
    if verdict is Verdict.NO_CHANGE:
        move = f"ongeveer gelijk gebleven ({a} → {b})"
    elif latest.value > ref.value:
        move = f"gestegen van {a} naar {b}"
    else:
        move = f"gedaald van {a} naar {b}"
    return f"Sinds {ref.period.label} {move}: {verdict.value}."


def summarise_trend(points: Sequence[Point], direction: Direction | str, baseline_year: int | None,
                    decimals: int = 1, unit: str = "", tolerance: float | None = None) -> TrendSummary:
    """Latest value, changes since the previous period and the baseline year, and the verdict."""
    direction = Direction(direction)
    valued = sorted((p for p in points if p.value is not None), key=lambda p: p.period)
    latest = valued[-1] if valued else None
    previous = valued[-2] if len(valued) > 1 else None
    baseline = None
    if baseline_year is not None and valued:
        exact = [p for p in valued if p.period.kind is PeriodKind.YEAR and p.period.start.year == baseline_year]
        before = [p for p in valued if p.period.end.year <= baseline_year]
        baseline = exact[-1] if exact else (before[-1] if before else None)
    change_previous = latest.value - previous.value if latest and previous else None
    change_baseline = latest.value - baseline.value if latest and baseline and baseline is not latest else None
    if baseline is not None and baseline is not latest:
        ref, basis, change = baseline, "baseline", change_baseline
    else:
        ref, basis, change = previous, "previous", change_previous
    if direction is Direction.NONE or change is None or ref is None:
        verdict = Verdict.UNKNOWN
    else:
        tol = tolerance if tolerance is not None else max(0.02 * abs(ref.value), 10 ** -decimals / 2)
        if abs(change) <= tol:
            verdict = Verdict.NO_CHANGE
        else:
            better = change > 0 if direction in HIGHER_IS_BETTER else change < 0
            verdict = Verdict.DESIRED if better else Verdict.UNDESIRED
    return TrendSummary(latest, previous, baseline, change_previous, change_baseline, verdict, basis,
                        _sentence(verdict, ref, latest, decimals, unit, direction))


def count_verdicts(summaries: Iterable[TrendSummary]) -> dict[Verdict, int]:
    counts = Counter(s.verdict for s in summaries)
    return {v: counts.get(v, 0) for v in Verdict}


def forecast_if_nothing_changes(points: Sequence[Point], start_year: int,
                                horizon_end_year: int) -> list[tuple[int, float]]:
    """Least-squares line through the yearly values before `start_year`, extended to the horizon."""
    pre = [(p.period.start.year, p.value) for p in points
           if p.value is not None and p.period.kind is PeriodKind.YEAR and p.period.start.year < start_year]
    if len(pre) < 3:
        return []
    n = len(pre)
    mx = sum(x for x, _ in pre) / n
    my = sum(y for _, y in pre) / n
    sxx = sum((x - mx) ** 2 for x, _ in pre)
    slope = sum((x - mx) * (y - my) for x, y in pre) / sxx
    last = max(x for x, _ in pre)
    return [(y, my + slope * (y - mx)) for y in range(last, horizon_end_year + 1)]


def classify_measurement(target: float | None, realised: float | None, direction: Direction | str,
                         attention_margin: float = 0.1) -> MeasurementStatus:
    """Status for a measurement whose manager left it open."""
    if realised is None or target is None:
        return MeasurementStatus.UNKNOWN
    lower_is_better = Direction(direction) is Direction.LESS
    gap = (target - realised) if lower_is_better else (realised - target)
    if gap >= 0:
        return MeasurementStatus.ON_TRACK
    if abs(gap) <= attention_margin * abs(target):
        return MeasurementStatus.ATTENTION
    return MeasurementStatus.OFF_TRACK

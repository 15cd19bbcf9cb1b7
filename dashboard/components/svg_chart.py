"""A quarter report's trend chart as a standalone SVG, built straight from the frozen figures: the same image on the
report page, in the presentation and in the PDF (drawn by dashboard.components.svg_lines, like the raad's pages:
lines labelled at their ends, the comparison dashed with its own markers, basisjaar and target)."""

from __future__ import annotations

import base64
from collections.abc import Sequence

from dashboard import texts
from dashboard.components.svg_lines import ChartSpec, Line, render
from indicators.formatting import format_number
from indicators.periods import Period, PeriodKind
from indicators.quarter import TrendPoint

STEP = {PeriodKind.YEAR: 1.0, PeriodKind.HALF_YEAR: 0.5, PeriodKind.QUARTER: 0.25, PeriodKind.MONTH: 1 / 12}


def _line(label: str, points: Sequence[TrendPoint]) -> Line:
    periods = [(Period.parse(p.period), p.value) for p in points]
    step = STEP.get(periods[0][0].kind, 1.0) if periods else 1.0
    return Line(label, [(p.start.year + (p.start.month - 1) / 12, v) for p, v in periods], step)


def trend_svg(points: Sequence[TrendPoint], compare_points: Sequence[TrendPoint], region_name: str,
              compare_name: str | None, unit: str, decimals: int, baseline_year: int | None,
              target: tuple[float, int] | None, title: str, width: int = 520, height: int = 240) -> str:
    """An accessible SVG (role img, title) of one trend: home region solid, comparison dashed, baseline and target."""
    lines = [_line(region_name, points)]
    if compare_points and compare_name:
        lines.append(_line(compare_name, compare_points))
    valued = [p for p in points if p.value is not None]
    first_year = Period.parse(valued[0].period).start.year if valued else None
    spec = ChartSpec(
        title=title, lines=lines, unit=unit, decimals=decimals,
        baseline_year=baseline_year if baseline_year and first_year and first_year <= baseline_year else None,
        baseline_label=texts.BASELINE_MARK,
        target=(float(target[1]), target[0], texts.TARGET_MARK.format(
            year=target[1], value=format_number(target[0], decimals, unit))) if target else None)
    return render(spec, width, height, font_size=12.0 if width < 600 else 13.0)


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()

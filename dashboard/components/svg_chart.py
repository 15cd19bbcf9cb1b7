"""A trend chart as a small standalone SVG built straight from the figures: the same image on the report page,
in the presentation and in the PDF (no browser or kaleido needed, ~0.1 ms per chart)."""

from __future__ import annotations

import base64
import math
from collections.abc import Sequence
from xml.sax.saxutils import escape

from dashboard import texts
from dashboard.theme import current_theme
from indicators.formatting import format_number
from indicators.periods import Period
from indicators.quarter import TrendPoint

FONT = "DejaVu Sans, Arial, sans-serif"  # the same in the browser, the slides and the PDF (weasyprint has DejaVu)


def _x(code: str) -> float:
    p = Period.parse(code)
    return p.start.year + (p.start.month - 1) / 12


def _nice_step(value: float, ticks: int = 4) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) so that `ticks` steps reach at least `value`."""
    if value <= 0:
        return 0.25
    raw = value / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for step in (1, 2, 2.5, 5, 10):
        if raw <= step * magnitude * (1 + 1e-9):
            return step * magnitude
    return 10 * magnitude


def trend_svg(points: Sequence[TrendPoint], compare_points: Sequence[TrendPoint], region_name: str,
              compare_name: str | None, unit: str, decimals: int, baseline_year: int | None,
              target: tuple[float, int] | None, title: str, width: int = 520, height: int = 240) -> str:
    """An accessible SVG (role img, title) of one trend: home region solid, comparison dashed, baseline and target;
    colours from the theme (read once at start)."""
    theme = current_theme()
    home, compare, target_colour = theme.colour("chart-1"), theme.colour("chart-2"), theme.colour("chart-target")
    grid, text, background = theme.colour("chart-grid"), theme.colour("chart-text"), theme.colour("chart-background")
    mine = [(_x(p.period), p.value) for p in points if p.value is not None]
    other = [(_x(p.period), p.value) for p in compare_points if p.value is not None]
    xs = [x for x, _ in mine + other] + ([float(baseline_year)] if baseline_year else [])
    if target:
        xs.append(float(target[1]))
    ys = [y for _, y in mine + other] + ([target[0]] if target else [])
    left, right, top, bottom = 52, 16, 16, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    x0, x1 = (min(xs), max(xs)) if xs else (0.0, 1.0)
    if x1 - x0 < 1:
        x0, x1 = x0 - 0.5, x1 + 0.5
    y_step = _nice_step(max(ys) if ys else 1.0)
    y_max = 4 * y_step
    y_decimals = 0 if float(y_step).is_integer() else (1 if float(y_step * 10).is_integer() else 2)

    def sx(x: float) -> float:
        return round(left + (x - x0) / (x1 - x0) * plot_w, 1)

    def sy(y: float) -> float:
        return round(top + plot_h - (y / y_max) * plot_h, 1)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
           f' role="img" font-family="{FONT}" font-size="12"><title>{escape(title)}</title>',
           f'<rect width="{width}" height="{height}" fill="{background}"/>']
    for i in range(5):
        v = y_step * i
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{sy(v)}" y2="{sy(v)}" stroke="{grid}"/>')
        out.append(f'<text x="{left - 6}" y="{sy(v) + 4}" text-anchor="end" fill="{text}">'
                   f'{escape(format_number(v, y_decimals, "%" if unit == "%" else ""))}</text>')
    years = sorted({int(x) for x in xs})
    step = max(1, math.ceil(len(years) / 8))
    for year in years[::step]:
        out.append(f'<text x="{sx(year)}" y="{top + plot_h + 16}" text-anchor="middle" fill="{text}">{year}</text>')
    if baseline_year and xs:
        bx = sx(baseline_year)
        out.append(f'<line x1="{bx}" x2="{bx}" y1="{top}" y2="{top + plot_h}" '
                   f'stroke="{theme.colour("chart-forecast")}" stroke-dasharray="4 3"/>')
        out.append(f'<text x="{bx + 4}" y="{top + 10}" fill="{text}">{escape(texts.BASELINE_MARK)}</text>')
    for pts, colour, dash in ((other, compare, ' stroke-dasharray="6 4"'), (mine, home, "")):
        if pts:
            path = " ".join(f"{sx(x)},{sy(y)}" for x, y in pts)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>')
            out += [f'<circle cx="{sx(x)}" cy="{sy(y)}" r="3" fill="{colour}"/>' for x, y in pts]
    if target:
        tx, ty = sx(target[1]), sy(target[0])
        out.append(f'<path d="M{tx},{ty - 7} L{tx + 7},{ty} L{tx},{ty + 7} L{tx - 7},{ty} Z" fill="{target_colour}"/>')
    legend = [(home, "", region_name)]
    if other and compare_name:
        legend.append((compare, ' stroke-dasharray="6 4"', compare_name))
    if target:
        legend.append((target_colour, "", texts.TARGET.format(year=target[1],
                                                              value=format_number(target[0], decimals, unit))))
    lx = left
    for colour, dash, label in legend:
        ly = height - 14
        out.append(f'<line x1="{lx}" x2="{lx + 22}" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" '
                   f'stroke-width="3"{dash}/>')
        out.append(f'<text x="{lx + 28}" y="{ly}" fill="{text}">{escape(label)}</text>')
        lx += 36 + 7 * len(label)
    out.append("</svg>")
    return "".join(out)


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()

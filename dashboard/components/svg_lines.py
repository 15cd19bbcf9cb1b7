"""A line chart drawn on the server as a standalone SVG: the trend charts of the programme, indicator, wijk and
quarter pages and of the PDF (no plotly.js to download, ~0.2 ms per chart).

Readable without colour: every line has its own dash pattern and marker and is named by a label at its end;
the baseline year is a dashed vertical line with its label always inside the picture; missing periods are gaps,
never joined. The y-axis follows the declared rule of indicators.axis. Colours are the theme's (--perspectief-chart-*,
resolved once at start by dashboard.theme: an <img> cannot read the page's CSS variables); a line's end label is
darkened where the theme's line colour is too light for text. String building: `render` takes a ChartSpec and a size
and returns SVG text; `data_uri` makes it an <img> source."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote
from xml.sax.saxutils import escape

from dashboard.theme import Theme, current_theme
from dashboard.theme_tokens import readable_on
from indicators.axis import AxisRule, axis_rule, y_axis
from indicators.formatting import format_number

FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
# Comparison lines: colour, dash pattern and marker each differ, so no line depends on colour alone.
COMPARE_DASHES = ("6 4", "2 3", "9 3 2 3", "4 2 1 2", "11 4", "1 3", "8 2 2 2")
COMPARE_MARKERS = ("square", "triangle", "diamond", "cross", "ring", "triangle-down", "square")
CHAR_WIDTH = 0.6  # average advance of DejaVu Sans per font-size unit
BOLD_WIDTH = 0.68


@dataclass(frozen=True)
class Palette:
    """The colours of one chart, from the theme: lines, and the same colours made readable as label text."""

    text: str
    muted: str
    grid: str
    background: str
    home: str
    compare: tuple[str, ...]
    forecast: str
    target: str
    outlier: str
    on_note: str

    def label(self, colour: str) -> str:
        """`colour` as the text of a label on the chart's background (at least 4,5:1)."""
        return readable_on(colour, self.background)


def palette(theme: Theme | None = None) -> Palette:
    """The chart colours of `theme` (default: the theme of the app serving the request)."""
    t = theme or current_theme()
    series = t.series
    return Palette(text=t.colour("chart-text"), muted=t.colour("muted"), grid=t.colour("chart-grid"),
                   background=t.colour("chart-background"), home=series[0], compare=tuple(series[1:]),
                   forecast=t.colour("chart-forecast"), target=t.colour("chart-target"),
                   outlier=t.colour("undesired"), on_note=t.colour("on-primary"))


@dataclass(frozen=True)
class Line:
    """One region's series: (x as a decimal year, value or None); `step` is the distance between consecutive
    periods (1 for years, 0,5 for half years, 0,25 for quarters): a larger jump is a gap."""

    label: str
    points: Sequence[tuple[float, float | None]]
    step: float = 1.0


@dataclass(frozen=True)
class ChartSpec:
    title: str
    lines: Sequence[Line]  # the home region first
    unit: str = ""
    decimals: int = 1
    baseline_year: int | None = None
    baseline_label: str = "basisjaar"
    baseline_point: tuple[float, float] | None = None  # ringed when the baseline value is an outlier
    target: tuple[float, float, str] | None = None  # (year, value, label)
    forecast: Sequence[tuple[float, float]] = ()
    forecast_label: str = ""
    notes: Sequence[tuple[float, float, str]] = ()  # (x, y, "1, 2") numbered flags
    rule: AxisRule | None = None  # default: indicators.axis.axis_rule(unit)
    extra_x: Sequence[float] = field(default_factory=tuple)


def _e(text: object) -> str:
    return escape(str(text), {"'": "&apos;"})


def _wrap(label: str, width: int) -> list[str]:
    words, lines, current = label.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def _text_width(text: str, size: float, bold: bool = False) -> float:
    return len(text) * size * (BOLD_WIDTH if bold else CHAR_WIDTH)


def _marker(kind: str, x: float, y: float, colour: str, background: str, r: float = 3.5) -> str:
    if kind == "circle":
        return f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{r}' fill='{colour}'/>"
    if kind == "ring":
        return f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{r}' fill='{background}' stroke='{colour}' stroke-width='1.8'/>"
    if kind == "square":
        return f"<rect x='{x - r:.1f}' y='{y - r:.1f}' width='{2 * r}' height='{2 * r}' fill='{colour}'/>"
    if kind in ("triangle", "triangle-down"):
        d = 1 if kind == "triangle" else -1
        return (f"<path d='M{x:.1f},{y - d * (r + 1):.1f} L{x + r + 0.5:.1f},{y + d * r:.1f} "
                f"L{x - r - 0.5:.1f},{y + d * r:.1f} Z' fill='{colour}'/>")
    if kind == "diamond":
        return (f"<path d='M{x:.1f},{y - r - 1:.1f} L{x + r + 1:.1f},{y:.1f} L{x:.1f},{y + r + 1:.1f} "
                f"L{x - r - 1:.1f},{y:.1f} Z' fill='{colour}'/>")
    return (f"<path d='M{x - r:.1f},{y - r:.1f} L{x + r:.1f},{y + r:.1f} M{x - r:.1f},{y + r:.1f} "
            f"L{x + r:.1f},{y - r:.1f}' stroke='{colour}' stroke-width='2'/>")


def segments(points: Sequence[tuple[float, float | None]], step: float) -> list[list[tuple[float, float]]]:
    """The runs of consecutive valued points: a missing value or a jump of more than one period breaks the line."""
    runs: list[list[tuple[float, float]]] = []
    previous_x: float | None = None
    for x, y in sorted(points, key=lambda p: p[0]):
        valued = y is not None and math.isfinite(y)
        if valued and runs and previous_x is not None and x - previous_x <= step * 1.5 + 1e-9 and runs[-1]:
            runs[-1].append((x, y))
        elif valued:
            runs.append([(x, y)])
        else:
            runs.append([])
        previous_x = x if valued else None
    return [r for r in runs if r]


def year_ticks(x0: float, x1: float, plot_width: float, min_gap: float) -> list[int]:
    """Whole years to label: a round step (1, 2, 5, 10 …) so labels stay `min_gap` pixels apart."""
    first, last = math.ceil(x0 - 1e-9), math.floor(x1 + 1e-9)
    years = list(range(first, last + 1))
    if not years:
        return []
    per_year = plot_width / max(x1 - x0, 1e-9)
    for step in (1, 2, 5, 10, 20, 25, 50):
        if step * per_year >= min_gap:
            break
    chosen = [y for y in years if y % step == 0] or [years[0]]
    return chosen


@dataclass
class _Frame:
    left: float
    top: float
    width: float
    height: float
    x0: float
    x1: float
    y0: float
    y1: float

    def sx(self, x: float) -> float:
        return self.left + (x - self.x0) / (self.x1 - self.x0) * self.width

    def sy(self, y: float) -> float:
        return self.top + self.height - (y - self.y0) / (self.y1 - self.y0) * self.height


def _line_styles(n: int, colours: Palette) -> list[tuple[str, str, str, float]]:
    """(colour, dash, marker, width) per line: the home region solid and thick, then the comparison styles."""
    styles = [(colours.home, "", "circle", 3.0)]
    for i in range(n - 1):
        k = i % len(COMPARE_DASHES)
        styles.append((colours.compare[i % len(colours.compare)], COMPARE_DASHES[k], COMPARE_MARKERS[k], 2.0))
    return styles


def _end_labels(items: list[tuple[float, list[str], str]], top: float, bottom: float, line_height: float,
                ) -> list[tuple[float, list[str], str]]:
    """Labels at the lines' ends moved apart vertically so they never overlap, kept inside [top, bottom]."""
    placed: list[tuple[float, list[str], str]] = []
    for y, lines, colour in sorted(items, key=lambda item: item[0]):
        y = max(y, top + line_height * 0.7)
        if placed:
            prev_y, prev_lines, _ = placed[-1]
            y = max(y, prev_y + line_height * len(prev_lines) + line_height * 0.25)
        placed.append((y, lines, colour))
    overflow = placed[-1][0] + line_height * (len(placed[-1][1]) - 1) - bottom if placed else 0
    if overflow > 0:  # shift the stack up, as far as the top allows
        placed = [(max(top + line_height * 0.7, y - overflow), lines, colour) for y, lines, colour in placed]
    return placed


def render(spec: ChartSpec, width: int, height: int, font_size: float = 13.0, colours: Palette | None = None) -> str:
    """The chart as SVG text of exactly `width` × `height` (viewBox), role img with the spec's title, in the
    theme's colours (`colours`, default: the current theme's palette)."""
    c = colours or palette()
    small = font_size - 1
    rule = spec.rule or axis_rule(spec.unit)
    valued = [(x, y) for line in spec.lines for x, y in line.points if y is not None and math.isfinite(y)]
    ys = [y for _, y in valued] + [v for _, v in spec.forecast] + ([spec.target[1]] if spec.target else [])
    axis = y_axis(ys, rule)
    xs = [x for x, _ in valued] + [x for x, _ in spec.forecast] + list(spec.extra_x)
    xs += [spec.target[0]] if spec.target else []
    xs += [float(spec.baseline_year)] if spec.baseline_year is not None and xs else []
    x0, x1 = (min(xs), max(xs)) if xs else (0.0, 1.0)
    if x1 - x0 < 1:
        x0, x1 = x0 - 0.5, x1 + 0.5
    pad = (x1 - x0) * 0.03
    x0, x1 = x0 - pad, x1 + pad

    # Margins from what has to fit: the y tick labels on the left, the end labels on the right.
    tick_texts = [format_number(t, axis.decimals, "%" if spec.unit == "%" else "") for t in axis.ticks]
    left = max(_text_width(t, small) for t in tick_texts) + 10
    wrap = 11 if width < 420 else 16
    labels = [(line, _wrap(line.label, wrap)) for line in spec.lines]
    forecast_lines = _wrap(spec.forecast_label, wrap) if spec.forecast and spec.forecast_label else []
    target_lines = _wrap(spec.target[2], wrap) if spec.target else []
    label_width = max([_text_width(t, small, bold=True) for _, ls in labels for t in ls]
                      + [_text_width(t, small, bold=True) for t in forecast_lines + target_lines] + [0])
    right = min(label_width + 12, width * 0.36)
    top = 14 + font_size + (16 if spec.notes else 0)
    bottom = font_size + 14
    frame = _Frame(left, top, width - left - right, height - top - bottom, x0, x1, axis.low, axis.high)

    out = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}'"
           f" role='img' font-family='{FONT}' font-size='{font_size}'><title>{_e(spec.title)}</title>",
           f"<rect width='{width}' height='{height}' fill='{c.background}'/>"]
    if spec.unit and spec.unit != "%":
        out.append(f"<text x='2' y='{font_size}' fill='{c.muted}' font-size='{small}'>{_e(spec.unit)}</text>")
    for t, text in zip(axis.ticks, tick_texts, strict=True):
        y = frame.sy(t)
        out.append(f"<line x1='{left:.1f}' x2='{left + frame.width:.1f}' y1='{y:.1f}' y2='{y:.1f}' stroke='{c.grid}'/>")
        out.append(f"<text x='{left - 6:.1f}' y='{y + small * 0.35:.1f}' text-anchor='end' fill='{c.text}' "
                   f"font-size='{small}'>{_e(text)}</text>")
    for year in year_ticks(x0, x1, frame.width, _text_width("2026", small) + 12):
        out.append(f"<text x='{frame.sx(year):.1f}' y='{top + frame.height + font_size + 4:.1f}' text-anchor='middle'"
                   f" fill='{c.text}' font-size='{small}'>{year}</text>")
    if spec.baseline_year is not None and xs:
        bx = frame.sx(spec.baseline_year)
        out.append(f"<line x1='{bx:.1f}' x2='{bx:.1f}' y1='{top - 4:.1f}' y2='{top + frame.height:.1f}' "
                   f"stroke='{c.muted}' stroke-dasharray='4 3'/>")
        label_w = _text_width(spec.baseline_label, small)
        anchor = "middle"
        if bx + label_w / 2 > width - 2:
            anchor = "end"
        elif bx - label_w / 2 < 2:
            anchor = "start"
        out.append(f"<text x='{bx:.1f}' y='{top - 7:.1f}' text-anchor='{anchor}' fill='{c.text}' "
                   f"font-size='{small}'>{_e(spec.baseline_label)}</text>")
    if spec.forecast:
        path = " ".join(f"{frame.sx(x):.1f},{frame.sy(y):.1f}" for x, y in spec.forecast)
        out.append(f"<polyline points='{path}' fill='none' stroke='{c.forecast}' stroke-width='2' "
                   f"stroke-dasharray='8 5'/>")
    styles = _line_styles(len(spec.lines), c)
    ends: list[tuple[float, list[str], str]] = []
    for (line, wrapped), (colour, dash, marker, stroke) in zip(reversed(labels), reversed(styles), strict=True):
        runs = segments(line.points, line.step)
        dash_attr = f" stroke-dasharray='{dash}'" if dash else ""
        out.append(f"<g class='series'><title>{_e(line.label)}</title>")  # one region's line, named
        for run in runs:
            if len(run) > 1:
                path = " ".join(f"{frame.sx(x):.1f},{frame.sy(y):.1f}" for x, y in run)
                out.append(f"<polyline points='{path}' fill='none' stroke='{colour}' stroke-width='{stroke}'"
                           f" stroke-linejoin='round'{dash_attr}/>")
        out += [_marker(marker, frame.sx(x), frame.sy(y), colour, c.background) for run in runs for x, y in run]
        out.append("</g>")
        if runs:
            last_x, last_y = runs[-1][-1]
            ends.append((frame.sy(last_y) + small * 0.35, wrapped, c.label(colour)))
    if spec.forecast and forecast_lines:
        fx, fy = spec.forecast[-1]
        ends.append((frame.sy(fy) + small * 0.35, forecast_lines, c.label(c.forecast)))
    if spec.target:
        tx, ty, tlabel = spec.target
        x, y = frame.sx(tx), frame.sy(ty)
        out.append(_star(x, y, 7.5, c.target))
        ends.append((y + small * 0.35, _wrap(tlabel, wrap), c.label(c.target)))
    if spec.baseline_point:
        bx, by = spec.baseline_point
        out.append(f"<circle cx='{frame.sx(bx):.1f}' cy='{frame.sy(by):.1f}' r='8' fill='none' stroke='{c.outlier}' "
                   "stroke-width='2'/>")
    label_x = left + frame.width + 6
    for y, lines, colour in _end_labels(ends, top, top + frame.height, small * 1.2):
        out.append(f"<text x='{label_x:.1f}' y='{y:.1f}' fill='{colour}' font-size='{small}' font-weight='bold'>"
                   + "".join(f"<tspan x='{label_x:.1f}' dy='{0 if i == 0 else small * 1.2:.1f}'>{_e(t)}</tspan>"
                             for i, t in enumerate(lines)) + "</text>")
    for nx, ny, numbers in spec.notes:
        x, y = frame.sx(nx), frame.sy(ny)
        w = _text_width(numbers, small) + 8
        out.append(f"<line x1='{x:.1f}' x2='{x:.1f}' y1='{y - 5:.1f}' y2='{y - 16:.1f}' stroke='{c.home}'/>"
                   f"<rect x='{x - w / 2:.1f}' y='{y - 16 - small - 4:.1f}' width='{w:.1f}' height='{small + 4}' "
                   f"rx='3' fill='{c.home}'/><text class='note-flag' x='{x:.1f}' y='{y - 19:.1f}' text-anchor='middle' "
                   f"fill='{c.on_note}' "
                   f"font-size='{small}' font-weight='bold'>{_e(numbers)}</text>")
    out.append("</svg>")
    return "".join(out)


def _star(x: float, y: float, r: float, colour: str) -> str:
    points = []
    for i in range(10):
        angle = math.pi / 2 + i * math.pi / 5
        radius = r if i % 2 == 0 else r * 0.45
        points.append(f"{x + radius * math.cos(angle):.1f},{y - radius * math.sin(angle):.1f}")
    return f"<polygon points='{' '.join(points)}' fill='{colour}'/>"


def data_uri(svg: str) -> str:
    """An <img>/srcset source: percent-encoded (no spaces, which srcset would split on), smaller than base64."""
    return "data:image/svg+xml," + quote(svg, safe="/:=,;.-()'!*")

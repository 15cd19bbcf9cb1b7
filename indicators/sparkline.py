"""A tiny inline SVG of realised values against targets (one result's quarters), as a data URI for an <img>."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote


def _points(values: Sequence[float | None], lo: float, hi: float, width: int, height: int, pad: int) -> list[str]:
    n = len(values)
    span = (hi - lo) or 1.0
    out = []
    for i, v in enumerate(values):
        if v is None:
            continue
        x = pad + (width - 2 * pad) * (i / (n - 1) if n > 1 else 0.5)
        y = height - pad - (height - 2 * pad) * (v - lo) / span
        out.append(f"{x:.1f},{y:.1f}")
    return out


def sparkline_svg(realised: Sequence[float | None], target: Sequence[float | None], width: int = 120,
                  height: int = 32, colour: str = "currentColor", target_colour: str = "currentColor") -> str | None:
    """SVG text: realised as a solid line with its last point marked, target dashed; None without two values.
    `colour` and `target_colour` are CSS colours (the caller passes the theme's)."""
    values = [v for v in [*realised, *target] if v is not None]
    if len([v for v in realised if v is not None]) < 2 or not values:
        return None
    lo, hi, pad = min(values), max(values), 3
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}">']
    tgt = _points(target, lo, hi, width, height, pad)
    if len(tgt) > 1:
        parts.append(f'<polyline points="{" ".join(tgt)}" fill="none" stroke="{target_colour}" stroke-width="1.5" '
                     'stroke-dasharray="3 2"/>')
    real = _points(realised, lo, hi, width, height, pad)
    parts.append(f'<polyline points="{" ".join(real)}" fill="none" stroke="{colour}" stroke-width="2"/>')
    x, y = real[-1].split(",")
    parts.append(f'<circle cx="{x}" cy="{y}" r="2.5" fill="{colour}"/></svg>')
    return "".join(parts)


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;charset=utf-8," + quote(svg)

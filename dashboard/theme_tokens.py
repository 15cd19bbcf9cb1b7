"""Design tokens read from CSS: the custom properties of token stylesheets, `var()` resolved the way a browser does
for properties set on one element, and colour values as #rrggbb with WCAG contrast ratios.

Used once at start by dashboard/theme.py (chart, PDF and slide colours come from the same files the pages load) and
by the tests that check every shipped theme's contrast."""

from __future__ import annotations

import colorsys
import re
from collections.abc import Iterable
from pathlib import Path

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_DECLARATION = re.compile(r"(--[A-Za-z0-9_-]+)\s*:\s*([^;{}]*?)\s*(?:;|(?=}))")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)\s*(,)?")
_FIRST_CLASS = re.compile(r"^\s*\.([A-Za-z_][A-Za-z0-9_-]*)\s*[{,]", re.M)
_NAMED = {"white": "#ffffff", "black": "#000000", "transparent": None}  # lint: colour-ok (CSS keywords)
MAX_DEPTH = 40


def parse_tokens(css: str) -> dict[str, str]:
    """Every custom property declared in `css` (last one wins), whatever selector it is declared on."""
    return {name: value.strip() for name, value in _DECLARATION.findall(_COMMENT.sub("", css))}


def read_tokens(paths: Iterable[Path]) -> dict[str, str]:
    """The tokens of several stylesheets in load order (a later file overrides an earlier one, as in the cascade
    when all of them set the properties on <html>). Missing files are skipped."""
    tokens: dict[str, str] = {}
    for path in paths:
        if path.is_file():
            tokens.update(parse_tokens(path.read_text(encoding="utf-8")))
    return tokens


def theme_class(css: str) -> str | None:
    """The class a token stylesheet sets its tokens on (`.denhaag-theme { … }` → "denhaag-theme"); None for :root."""
    m = _FIRST_CLASS.search(_COMMENT.sub("", css))
    return m.group(1) if m else None


def _split_var(text: str, start: int) -> tuple[str, str | None, int]:
    """At `var(` in `text[start:]`: (name, fallback or None, index after the closing parenthesis)."""
    m = _VAR.match(text, start)
    depth, i = 1, m.end()
    while i < len(text) and depth:
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        i += 1
    fallback = text[m.end():i - 1].strip() if m.group(2) else None
    return m.group(1), fallback, i


def resolve_value(value: str, tokens: dict[str, str], depth: int = 0) -> str | None:
    """`value` with every var() replaced by the token's (or the fallback's) resolved value; None when a var() has
    neither (the browser would treat the property as unset) or the references go round in a circle."""
    if depth > MAX_DEPTH:
        return None
    out, i = [], 0
    while (at := value.find("var(", i)) >= 0:
        out.append(value[i:at])
        name, fallback, i = _split_var(value, at)
        if name in tokens:
            resolved = resolve_value(tokens[name], tokens, depth + 1)
        else:
            resolved = None
        if resolved is None and fallback is not None:
            resolved = resolve_value(fallback, tokens, depth + 1)
        if resolved is None:
            return None
        out.append(resolved)
    out.append(value[i:])
    return "".join(out).strip()


def resolve(name: str, tokens: dict[str, str]) -> str | None:
    """The resolved value of token `name` (e.g. "--perspectief-primary"), or None when it is not set."""
    return resolve_value(tokens[name], tokens) if name in tokens else None


def _channel(part: str, scale: float) -> float:
    part = part.strip()
    return float(part[:-1]) / 100 * scale if part.endswith("%") else float(part)


def _hue(part: str) -> float:
    part = part.strip()
    for unit, factor in (("deg", 1.0), ("turn", 360.0), ("rad", 57.29577951308232)):
        if part.endswith(unit):
            return float(part[: -len(unit)]) * factor
    return float(part)


def _args(inner: str) -> tuple[list[str], str | None]:
    """Colour function arguments, in the comma or the space syntax: ([a, b, c], alpha or None)."""
    if "/" in inner:
        inner, alpha = inner.split("/", 1)
        return inner.replace(",", " ").split(), alpha.strip()
    parts = [p for p in re.split(r"[\s,]+", inner.strip()) if p]
    return parts[:3], (parts[3] if len(parts) > 3 else None)


def to_rgba(value: str | None) -> tuple[int, int, int, float] | None:
    """A CSS colour (#rgb, #rrggbb(aa), rgb()/rgba(), hsl()/hsla(), white/black) as (r, g, b, alpha); None otherwise."""
    if not value:
        return None
    v = value.strip().lower()
    if v in _NAMED:
        return to_rgba(_NAMED[v]) if _NAMED[v] else None
    if v.startswith("#") and len(v) in (4, 5, 7, 9) and re.fullmatch(r"#[0-9a-f]+", v):
        digits = v[1:]
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits)
        r, g, b = (int(digits[i:i + 2], 16) for i in (0, 2, 4))
        return r, g, b, (int(digits[6:8], 16) / 255 if len(digits) == 8 else 1.0)
    m = re.fullmatch(r"(rgba?|hsla?)\((.*)\)", v)
    if not m:
        return None
    try:
        parts, alpha = _args(m.group(2))
        a = _channel(alpha, 1.0) if alpha else 1.0
        if m.group(1).startswith("rgb"):
            r, g, b = (round(_channel(p, 255)) for p in parts)
        else:
            h, s, li = _hue(parts[0]) / 360 % 1, _channel(parts[1], 1.0), _channel(parts[2], 1.0)
            r, g, b = (round(c * 255) for c in colorsys.hls_to_rgb(h, li, s))
    except (ValueError, IndexError):
        return None
    return r, g, b, a


def to_hex(value: str | None, background: str = "#ffffff") -> str | None:  # lint: colour-ok
    """#rrggbb for a CSS colour; a translucent colour is flattened onto `background`."""
    rgba = to_rgba(value)
    if rgba is None:
        return None
    r, g, b, a = rgba
    if a < 1:
        br, bg, bb, _ = to_rgba(background) or (255, 255, 255, 1.0)
        r, g, b = (round(c * a + d * (1 - a)) for c, d in ((r, br), (g, bg), (b, bb)))
    return f"#{r:02x}{g:02x}{b:02x}"


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a #rrggbb colour."""
    def lin(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b, _ = to_rgba(colour) or (0, 0, 0, 1.0)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def hue(colour: str) -> float:
    """Hue in degrees (0–360) of a #rrggbb colour, to check that green stays green."""
    r, g, b, _ = to_rgba(colour) or (0, 0, 0, 1.0)
    h, _, _ = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    return h * 360

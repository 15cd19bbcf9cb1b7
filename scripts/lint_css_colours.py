"""Refuse colour literals in our own CSS: colours belong in the theme token files (assets/themes/base.css and
assets/themes/<name>/*.css), everything else uses their tokens (var(--perspectief-…), var(--utrecht-…)).

Checks every .css file under assets/ and dashboard/ except assets/themes/ and the npm copies in assets/vendor/:
hex colours, rgb()/hsl()/hwb()/lab()/lch()/oklab()/oklch()/color() and CSS named colours. Allowed: transparent,
currentColor, inherit-like keywords and the system colours of forced-colors mode (Canvas, CanvasText, …).
Also checks the Python of dashboard/ and indicators/ for #rrggbb literals (charts take the theme's colours; a line
that must name one, in the token reader's colour maths, says `lint: colour-ok`).

    python scripts/lint_css_colours.py [FILE …]    exit 1 and one line per literal (file:line: text) when found"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CSS_ROOTS = (PROJECT / "assets", PROJECT / "dashboard")
PY_ROOTS = (PROJECT / "dashboard", PROJECT / "indicators")
EXEMPT = (PROJECT / "assets" / "themes", PROJECT / "assets" / "vendor")

NAMED = """aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod
darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon
darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray
dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green
greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon
lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon
lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen
magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue
mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy
oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip
peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal
thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen""".split()
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_DECLARATION = re.compile(r"(?<![\w-])([a-z-]+)\s*:\s*([^;{}]*)")
_HEX = re.compile(r"(?<![\w&-])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b")
_FUNCTION = re.compile(r"(?<![\w-])(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(", re.I)
_NAMED = re.compile(r"(?<![\w-])(" + "|".join(NAMED) + r")(?![\w-])", re.I)
PRAGMA = "lint: colour-ok"  # on a Python line that must name a colour (the CSS default white of the colour maths)
_PY_HEX = re.compile(r"""["'][^"'\n]*(?<![\w&])#[0-9a-fA-F]{6}\b""")


def _exempt(path: Path) -> bool:
    return any(path.is_relative_to(root) for root in EXEMPT)


def css_problems(text: str) -> list[tuple[int, str]]:
    """(line, declaration) for every declaration in `text` whose value holds a colour literal."""
    found = []
    clean = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)  # keep line numbers
    for m in _DECLARATION.finditer(clean):
        prop, value = m.group(1), re.sub(r"url\([^)]*\)|var\(--[\w-]+", "", m.group(2))
        if prop in ("content", "counter-reset", "counter-increment", "string-set"):
            continue
        if _HEX.search(value) or _FUNCTION.search(value) or _NAMED.search(value):
            found.append((clean.count("\n", 0, m.start()) + 1, f"{prop}: {m.group(2).strip()}"))
    return found


def python_problems(text: str) -> list[tuple[int, str]]:
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1)
            if _PY_HEX.search(line) and PRAGMA not in line]


def files() -> list[Path]:
    css = [p for root in CSS_ROOTS for p in sorted(root.rglob("*.css")) if not _exempt(p)]
    py = [p for root in PY_ROOTS for p in sorted(root.rglob("*.py"))]
    return css + py


def check(paths: list[Path]) -> list[str]:
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        problems = css_problems(text) if path.suffix == ".css" else python_problems(text)
        name = path.relative_to(PROJECT) if path.is_relative_to(PROJECT) else path
        out += [f"{name}:{line}: {what}" for line, what in problems]
    return out


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or files()
    problems = check(paths)
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} colour literal(s) outside the theme token files (assets/themes/): use a token, "
              "e.g. var(--perspectief-primary); see README, 'Huisstijl'.", file=sys.stderr)
        return 1
    print(f"lint_css_colours: {len(paths)} files, no colour literals outside assets/themes/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

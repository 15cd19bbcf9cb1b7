"""The theme (setting THEME): a folder assets/themes/<name>/ holding a token stylesheet (tokens.css), optionally
overrides.css (Perspectief tokens the NL Design System tokens do not cover), a logo (logo.svg or logo.png) and
theme.toml (label, class on <html>, licence). `load_theme` reads it once: the stylesheets every page loads, the
class on <html>, the logo, and the colours that charts, the PDF report and the slides draw with (resolved from
assets/themes/base.css + the theme's files, the same cascade the browser applies)."""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dashboard.theme_tokens import read_tokens, resolve, theme_class, to_hex

PROJECT_DIR = Path(__file__).resolve().parent.parent
ASSETS_DIR = PROJECT_DIR / "assets"
THEMES_DIR = ASSETS_DIR / "themes"
BASE_TOKENS = THEMES_DIR / "base.css"
COMPONENTS_CSS = ASSETS_DIR / "vendor" / "utrecht-component-library.css"
THEME_KEY = "PERSPECTIEF_THEME"  # Flask config: the name of the app's theme
LOGO_NAMES = ("logo.svg", "logo.png")
PREFIX = "--perspectief-"
FALLBACK_CLASS = "perspectief-fallback"  # on <html> when the NL Design System CSS is not installed (no npm)
SERIES = 8

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Theme:
    """One theme as the app uses it; `colours` maps Perspectief token names without prefix ("primary",
    "chart-1", "desired-bg" …) to #rrggbb, `fonts` "font" to a font-family list."""

    name: str
    label: str
    html_class: str | None
    stylesheets: tuple[str, ...]  # paths under /assets/, in load order
    logo: str | None  # path under /assets/
    logo_alt: str
    organisation: str | None
    licence: str | None
    package: str | None
    source: str | None
    colours: dict[str, str] = field(default_factory=dict)
    font: str = "system-ui, sans-serif"
    problems: tuple[str, ...] = ()

    def colour(self, name: str) -> str:
        return self.colours[name]

    @property
    def series(self) -> tuple[str, ...]:
        """Chart line colours: the gemeente first, then the comparison regions."""
        return tuple(self.colours[f"chart-{i}"] for i in range(1, SERIES + 1))

    def css_variables(self) -> str:
        """The resolved colours as one `:root { --perspectief-…: #…; }` rule (for the PDF report)."""
        body = " ".join(f"{PREFIX}{k}: {v};" for k, v in sorted(self.colours.items()))
        return f":root {{ {body} {PREFIX}font: {self.font}; }}"


def available_themes() -> list[str]:
    """Names of the theme folders (each has a tokens.css or a theme.toml)."""
    return sorted(p.name for p in THEMES_DIR.iterdir()
                  if p.is_dir() and ((p / "tokens.css").is_file() or (p / "theme.toml").is_file()))


def _manifest(folder: Path) -> dict:
    path = folder / "theme.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _colours(tokens: dict[str, str], problems: list[str]) -> dict[str, str]:
    """Every --perspectief-* token that resolves to a colour; a theme value that does not is reported and replaced
    by the base value, so a typo in a gemeente's file never leaves a chart without colour."""
    base = read_tokens([BASE_TOKENS])
    out = {}
    for name in (n for n in base if n.startswith(PREFIX) and n not in (f"{PREFIX}font",)):
        background = to_hex(resolve(f"{PREFIX}bg", tokens)) or "#ffffff"  # lint: colour-ok (CSS's initial canvas)
        value = to_hex(resolve(name, tokens), background)
        if value is None:
            fallback = to_hex(resolve(name, base), background)
            if fallback is None:  # not a colour in the base either (radius, shadow, …)
                continue
            problems.append(f"{name} is geen kleur in dit thema ({resolve(name, tokens)!r}); basiswaarde gebruikt")
            value = fallback
        out[name.removeprefix(PREFIX)] = value
    return out


@lru_cache
def load_theme(name: str) -> Theme:
    """The theme in assets/themes/<name>/, read once per process. An unknown name is an error; a theme whose
    tokens.css is missing (npm not run) still loads, on the base tokens, and says so in `problems`."""
    folder = THEMES_DIR / name
    if not name or "/" in name or name.startswith(".") or not folder.is_dir():
        raise ValueError(f"Thema '{name}' bestaat niet; kies uit: {', '.join(available_themes())}")
    meta = _manifest(folder)
    problems: list[str] = []
    tokens_file, overrides = folder / "tokens.css", folder / "overrides.css"
    if not tokens_file.is_file():
        problems.append(f"assets/themes/{name}/tokens.css ontbreekt"
                        + (" (npm ci en scripts/build_assets.py maken het aan: ./run.sh)" if meta.get("tokens_npm")
                           else ""))
    html_class = meta.get("class") or (theme_class(tokens_file.read_text(encoding="utf-8"))
                                       if tokens_file.is_file() else None)
    # overrides.css maps the theme's own tokens: without its token file (npm not run) the base tokens alone apply
    files = [BASE_TOKENS, tokens_file, overrides] if tokens_file.is_file() else [BASE_TOKENS]
    tokens = read_tokens(files)
    fonts = folder / "fonts.css"  # @font-face rules for the fonts the tokens name (scripts/build_assets.py)
    logo = next((folder / n for n in LOGO_NAMES if (folder / n).is_file()), None)
    theme = Theme(
        name=name, label=meta.get("label", name), html_class=html_class,
        stylesheets=tuple(str(p.relative_to(ASSETS_DIR)) for p in [fonts, *files] if p.is_file()),
        logo=str(logo.relative_to(ASSETS_DIR)) if logo else None,
        logo_alt=meta.get("logo_alt") or f"Logo {meta.get('organisation') or meta.get('label', name)}",
        organisation=meta.get("organisation"), licence=meta.get("licence"), package=meta.get("package"),
        source=meta.get("source"), colours=_colours(tokens, problems),
        font=resolve(f"{PREFIX}font", tokens) or "system-ui, sans-serif", problems=tuple(problems),
    )
    for problem in problems:
        log.warning("Thema %s: %s", name, problem)
    return theme


def components_installed() -> bool:
    """Whether the NL Design System component CSS was copied from npm (./run.sh, ./test.sh)."""
    return COMPONENTS_CSS.is_file()


def html_classes(theme: Theme) -> str:
    """The classes on <html>: the theme's token class, and the fallback marker without the component CSS."""
    return " ".join(c for c in (theme.html_class, None if components_installed() else FALLBACK_CLASS) if c)


def current_theme() -> Theme:
    """The theme of the app serving this request; outside a request (CLI, export worker) the THEME setting."""
    from flask import current_app, has_app_context

    if has_app_context() and current_app.config.get(THEME_KEY):
        return load_theme(current_app.config[THEME_KEY])
    from settings import get_settings

    return load_theme(get_settings().theme)

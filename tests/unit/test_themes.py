"""Every shipped theme keeps the meaning and the contrast of the colours: text and status colours ≥ 4.5:1 on the
page and on their tints, chart lines and field edges ≥ 3:1 (WCAG 1.4.11), green stays green and red stays red;
the token reader resolves var() the way the browser does; a gemeente's folder with only tokens.css is a theme."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard import theme as theme_module
from dashboard.theme import load_theme
from dashboard.theme_tokens import contrast, hue, parse_tokens, resolve, theme_class, to_hex
from tests.browser.themed_apps import shipped_themes

THEMES = shipped_themes()
TEXT_ON_PAGE = ["text", "heading", "muted", "link", "primary-text", "desired", "undesired", "flat", "unknown",
                "example-text", "banner-text"]
ON_TINT = [("desired", "desired-bg"), ("undesired", "undesired-bg"), ("flat", "flat-bg"), ("unknown", "unknown-bg"),
           ("primary-text", "primary-soft"), ("primary-text", "surface"), ("text", "surface"),
           ("muted", "surface"), ("banner-text", "banner-bg"), ("example-text", "example-stripe-2"),
           ("on-primary", "primary"), ("nav-text", "nav-bg"), ("footer-text", "footer-bg"),
           ("header-text", "header-bg")]
GRAPHICS = [f"chart-{i}" for i in range(1, 9)] + ["chart-target", "chart-forecast", "control-border", "focus"]


def test_two_themes_ship_and_both_have_their_tokens() -> None:
    assert {"voorbeeld", "denhaag"} <= set(THEMES)
    for name in THEMES:
        theme = load_theme(name)
        assert theme.problems == (), (name, theme.problems)  # tokens.css present (npm ci), every colour resolves
        assert theme.licence == "EUPL-1.2" and theme.package and theme.source


@pytest.mark.parametrize("name", THEMES)
def test_text_and_status_colours_have_aa_contrast(name: str) -> None:
    c = load_theme(name).colours
    low = {k: round(contrast(c[k], c["bg"]), 2) for k in TEXT_ON_PAGE if contrast(c[k], c["bg"]) < 4.5}
    low |= {f"{a} on {b}": round(contrast(c[a], c[b]), 2) for a, b in ON_TINT if contrast(c[a], c[b]) < 4.5}
    assert low == {}, f"{name}: below 4.5:1: {low}"


@pytest.mark.parametrize("name", THEMES)
def test_chart_lines_and_edges_have_3_to_1(name: str) -> None:
    c = load_theme(name).colours
    low = {k: round(contrast(c[k], c["chart-background"]), 2) for k in GRAPHICS
           if contrast(c[k], c["chart-background"]) < 3}
    assert low == {}, f"{name}: graphics below 3:1: {low}"
    assert len(set(load_theme(name).series)) == 8  # eight different lines


@pytest.mark.parametrize("name", THEMES)
def test_status_colours_keep_their_meaning(name: str) -> None:
    c = load_theme(name).colours
    assert 80 <= hue(c["desired"]) <= 170, c["desired"]  # green
    assert hue(c["undesired"]) >= 340 or hue(c["undesired"]) <= 15, c["undesired"]  # red
    assert 15 <= hue(c["flat"]) <= 65, c["flat"]  # amber / orange
    assert 80 <= hue(c["district-groen"]) <= 170 and 20 <= hue(c["district-oranje"]) <= 50
    assert hue(c["district-rood"]) >= 340 or hue(c["district-rood"]) <= 15


def test_the_token_reader_resolves_like_the_cascade() -> None:
    tokens = parse_tokens("""/* a comment: --x: #000; */
        :root { --a: var(--b, var(--c, #fff)); --c: hsl(138 58% 33%); --d: var(--missing); --e: rgba(20, 54, 90, .5); }
        .gemeente-theme { --c: #123456; }""")
    assert "--x" not in tokens
    assert resolve("--a", tokens) == "#123456"  # the later declaration wins, the fallback of --b is used
    assert resolve("--d", tokens) is None
    assert to_hex("hsl(138 58% 33%)") == "#238541" and to_hex("hsla(0, 0%, 18%, 1)") == "#2e2e2e"
    assert to_hex(tokens["--e"]) == "#8a9aac"  # flattened onto white
    assert to_hex("#abc") == "#aabbcc" and to_hex("white") == "#ffffff" and to_hex("transparent") is None
    assert round(contrast("#1f4e79", "#ffffff"), 1) == 8.7
    assert theme_class(".denhaag-theme {\n --x: 1; }") == "denhaag-theme" and theme_class(":root { --x: 1 }") is None


def test_a_gemeente_adds_a_theme_with_a_token_file_and_a_logo(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    themes = tmp_path / "themes"
    shutil.copytree(theme_module.THEMES_DIR, themes, ignore=shutil.ignore_patterns("fonts*"))
    folder = themes / "almelo"
    folder.mkdir()
    (folder / "tokens.css").write_text(""".almelo-theme {
      --utrecht-button-primary-action-background-color: #00529c;
      --utrecht-link-color: #00529c;
      --perspectief-chart-2: not-a-colour;
    }""")
    (folder / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>')
    monkeypatch.setattr(theme_module, "THEMES_DIR", themes)
    monkeypatch.setattr(theme_module, "BASE_TOKENS", themes / "base.css")
    monkeypatch.setattr(theme_module, "ASSETS_DIR", tmp_path)
    load_theme.cache_clear()
    try:
        almelo = load_theme("almelo")
        assert almelo.html_class == "almelo-theme" and almelo.logo == "themes/almelo/logo.svg"
        assert almelo.stylesheets == ("themes/base.css", "themes/almelo/tokens.css")
        assert almelo.colour("primary") == almelo.colour("chart-1") == "#00529c"  # the header rule, the gemeente's line
        assert any("--perspectief-chart-2" in p for p in almelo.problems)  # a typo is reported, the base colour used
        assert almelo.colour("desired") == "#1b6b2e"  # what the theme leaves out comes from base.css
        with pytest.raises(ValueError, match="bestaat niet"):
            load_theme("../etc")
    finally:
        load_theme.cache_clear()


def test_without_npm_the_base_tokens_and_the_fallback_class_apply(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    themes = tmp_path / "themes"
    shutil.copytree(theme_module.THEMES_DIR, themes, ignore=shutil.ignore_patterns("fonts*", "tokens.css"))
    monkeypatch.setattr(theme_module, "THEMES_DIR", themes)
    monkeypatch.setattr(theme_module, "BASE_TOKENS", themes / "base.css")
    monkeypatch.setattr(theme_module, "ASSETS_DIR", tmp_path)
    monkeypatch.setattr(theme_module, "COMPONENTS_CSS", tmp_path / "vendor" / "utrecht-component-library.css")
    load_theme.cache_clear()
    try:
        bare = load_theme("denhaag")
        assert bare.stylesheets == ("themes/base.css",)  # not overrides.css: it needs Den Haag's own tokens
        assert any("tokens.css ontbreekt" in p and "npm ci" in p for p in bare.problems)
        assert bare.colour("primary") == "#1f4e79"  # the base look
        assert theme_module.html_classes(bare).split() == ["denhaag-theme", theme_module.FALLBACK_CLASS]
        assert not theme_module.components_installed()
    finally:
        load_theme.cache_clear()


def test_npm_assets_script_says_what_is_missing_without_npm(tmp_path: Path) -> None:
    import subprocess

    bindir = tmp_path / "bin"
    bindir.mkdir()
    for tool in ("dirname",):  # the only command the script runs before it looks for npm
        (bindir / tool).symlink_to(shutil.which(tool))
    script = Path(__file__).resolve().parents[2] / "scripts" / "npm_assets.sh"
    env = {"PATH": str(bindir)}
    soft = subprocess.run([shutil.which("bash"), str(script)], env=env, capture_output=True, text=True)
    assert soft.returncode == 0 and "npm not found" in soft.stderr and "base stylesheet" in soft.stderr
    hard = subprocess.run([shutil.which("bash"), str(script), "--required"], env=env, capture_output=True, text=True)
    assert hard.returncode == 1 and "apt-get install nodejs npm" in hard.stderr

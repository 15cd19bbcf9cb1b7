"""Colours only as tokens: scripts/lint_css_colours.py finds no colour literal in our own CSS and chart code, and
it does find one wherever it hides (so a passing run means something)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("lint_css_colours", PROJECT / "scripts" / "lint_css_colours.py")
lint = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lint)


def test_our_css_and_chart_code_hold_no_colour_literal(capsys: pytest.CaptureFixture[str]) -> None:
    assert lint.main([]) == 0, capsys.readouterr().out
    checked = {p.relative_to(PROJECT).as_posix() for p in lint.files()}
    assert {"assets/10-perspectief.css", "assets/15-fallback.css", "dashboard/exports/report.css",
            "dashboard/components/trend_chart.py", "dashboard/components/svg_chart.py",
            "indicators/sparkline.py"} <= checked
    assert not any(p.startswith(("assets/themes/", "assets/vendor/")) for p in checked)


@pytest.mark.parametrize("declaration", [
    "color: #1f4e79", "background: #fff", "border: 1px solid #abcd", "color: rgb(0 0 0)", "fill: rgba(0,0,0,.5)",
    "color: hsl(138 58% 33%)", "border-color: Red", "background: linear-gradient(white, var(--a))",
    "--perspectief-primary: navy", "box-shadow: 0 0 0 2px oklch(70% .1 200)",
])
def test_a_literal_is_found(declaration: str) -> None:
    assert lint.css_problems(f".x {{ {declaration}; }}") == [(1, declaration)]


@pytest.mark.parametrize("declaration", [
    "color: var(--perspectief-primary)", "border: 1px solid currentColor", "background: transparent",
    "outline-color: Highlight", "border-color: CanvasText", "content: 'red'", "background: url(red.png)",
    "color: var(--utrecht-link-color, var(--perspectief-link))", "grid-template-areas: 'header'",
])
def test_tokens_and_system_colours_pass(declaration: str) -> None:
    assert lint.css_problems(f".x {{ {declaration}; }}") == []


def test_the_theme_files_are_where_the_literals_are() -> None:
    assert lint.check([PROJECT / "assets" / "themes" / "base.css"])  # checked explicitly, base.css has them
    assert lint.python_problems('COLOUR = "#1f4e79"\nx = "#inhoud"\ny = "#ffffff"  # lint: colour-ok') == [
        (1, 'COLOUR = "#1f4e79"')]

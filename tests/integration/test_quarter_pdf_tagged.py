"""The quarter PDF is an accessible document: tagged (PDF/UA-1), language nl, a title shown as the window title,
headings and table header cells in its structure, an alternative text for every chart and no untagged image; and
it is drawn in the theme's colours."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections import Counter

import pytest
from pypdf import PdfReader

from db.read.quarter import build_report
from db.session import session_scope
from indicators.periods import parse_quarter

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not installed")


@pytest.fixture(scope="module")
def report(demo_sqlite_url: str):  # noqa: ANN201
    with session_scope(demo_sqlite_url) as s:
        return build_report(s, parse_quarter("2026-Q3"))


@pytest.fixture(scope="module")
def pdf(report) -> bytes:  # noqa: ANN001
    from dashboard.exports.pdf import render_pdf

    return render_pdf(report)


def _structure(pdf: bytes) -> tuple[Counter, list]:
    """(count per structure type, the /Figure elements) of the PDF's structure tree."""
    kinds: Counter = Counter()
    figures: list = []

    def walk(node) -> None:  # noqa: ANN001
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif hasattr(node, "get"):
            if "/S" in node:
                kinds[str(node["/S"])] += 1
                if node["/S"] == "/Figure":
                    figures.append(node)
            if "/K" in node:
                walk(node["/K"])

    walk(PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"])
    return kinds, figures


def test_pdfinfo_says_tagged(pdf: bytes, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "kwartaal.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Tagged"].strip() == "yes"
    assert fields["Title"].strip() == "Kwartaalrapportage 3e kwartaal 2026"


def test_language_title_headings_tables_and_alt_texts(pdf: bytes, report) -> None:  # noqa: ANN001
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])  # viewers show the title, not the file name
    assert reader.metadata["/Title"] == "Kwartaalrapportage 3e kwartaal 2026"
    kinds, figures = _structure(pdf)
    assert kinds["/H1"] == 1 and kinds["/H2"] >= 3 and kinds["/H3"] >= 10
    assert kinds["/Table"] >= 4 and kinds["/TH"] >= 20 and kinds["/Caption"] >= 4
    alts = [str(f.get("/Alt", "")).strip() for f in figures]
    trends = [t for p in report.programmes for t in p.trends]
    assert len(alts) == len(trends) == 8 and all(alts)
    assert any(alt.startswith(f"Grafiek: {trends[0].name} in Almelo") for alt in alts)
    from dashboard.exports.report_html import render_html

    assert render_html(report).count("<img ") == len(figures)  # every chart and photo is a tagged figure


def test_the_report_uses_the_theme_colours(report, monkeypatch) -> None:  # noqa: ANN001
    from dashboard.exports.report_html import render_html
    from dashboard.theme import load_theme
    from settings import get_settings

    seen = {}
    for name in ("voorbeeld", "denhaag"):
        monkeypatch.setenv("THEME", name)
        get_settings.cache_clear()
        html = render_html(report)
        primary = load_theme(name).colour("primary")
        assert f"--perspectief-primary: {primary};" in html
        assert f'fill="{load_theme(name).colour("chart-1")}"' in html or "data:image/svg+xml;base64," in html
        seen[name] = primary
    get_settings.cache_clear()
    assert seen["voorbeeld"] != seen["denhaag"]

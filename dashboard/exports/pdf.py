"""The quarter report as a tagged PDF (PDF/UA-1: headings, tables and the charts' alt texts are in its structure)."""

from __future__ import annotations

from dashboard.exports.report_html import render_html
from indicators.quarter import QuarterReport


def html_to_pdf(document: str, base_url: str) -> bytes:
    """Relative links (/programma/…) become absolute against `base_url` (the dashboard's address)."""
    from weasyprint import HTML  # imported on use: loading pango takes ~0.3 s and most requests never need it

    return HTML(string=document, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")


def render_pdf(report: QuarterReport, base_url: str = "http://127.0.0.1:8050/") -> bytes:
    return html_to_pdf(render_html(report), base_url)

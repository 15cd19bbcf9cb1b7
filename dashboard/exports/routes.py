"""Flask routes for the downloads `/kwartaal/<YYYY>-Q<n>.pdf` and `.xlsx`.

A published quarter serves the bytes frozen in its snapshot. A draft is rendered from today's figures: Excel in
the request (~0.1 s), the PDF in the export worker process (see jobs.py); until it is ready the route answers
202 with a small page that says so, shows progress and fetches the file when it is there."""

from __future__ import annotations

import hashlib
from html import escape

from flask import Flask, Response, abort, request

from dashboard import texts
from dashboard.data import read_session
from dashboard.exports import jobs
from dashboard.exports.pdf import html_to_pdf
from dashboard.exports.report_html import render_html
from dashboard.exports.xlsx import render_xlsx
from db.read.quarter import build_report, frozen_file
from indicators.periods import PeriodError, parse_quarter
from indicators.quarter import QuarterReport, canonical_json

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# The busy page's only script (its hash is in the Content-Security-Policy, see dashboard/security.py): poll until the
# PDF is ready, then reload to download it.
BUSY_SCRIPT = """
(function () {
  var bar = document.getElementById('voortgang');
  function poll() {
    fetch(location.href, {cache: 'no-store'}).then(function (r) {
      if (r.status === 200) { location.reload(); return; }
      bar.value = Math.min(95, bar.value + 10); setTimeout(poll, 1000);
    }).catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
"""


def pdf_from_json(content: str, base_url: str) -> bytes:
    """Runs in the export worker process: everything it needs travels as text."""
    return html_to_pdf(render_html(QuarterReport.model_validate_json(content)), base_url)


def _file(data: bytes, mimetype: str, name: str) -> Response:
    response = Response(data, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-cache"
    return response


def _busy(code: str, seconds: float | None) -> Response:
    title = texts.QUARTER_TITLE.format(label=parse_quarter(code).label)
    done = f"{seconds:.0f}" if seconds is not None else "0"
    body = f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{escape(title)} – PDF</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>
<h1>{escape(title)}</h1><p role="status">{escape(texts.EXPORT_BUSY)}</p>
<label>{escape(texts.EXPORT_PROGRESS)} <progress id="voortgang" max="100" value="{min(95, int(float(done) * 30))}">
</progress></label>
<p><a href="/kwartaal/{code}">{escape(texts.PRESENT_BACK)}</a></p></main>
<script>{BUSY_SCRIPT}</script></body></html>"""
    response = Response(body, status=202, mimetype="text/html")
    response.headers["Retry-After"] = "1"
    return response


def _quarter_file(code: str, fmt: str) -> Response:
    """The PDF or Excel (`fmt`) of a quarter: frozen bytes when published; else made from today's figures (the PDF in
    the export worker, with the busy page until it is ready)."""
    try:
        quarter = parse_quarter(code)
    except PeriodError:
        abort(404)
    mimetype, name = (PDF if fmt == "pdf" else XLSX), f"kwartaalrapportage-{code}.{fmt}"
    with read_session() as session:
        frozen = frozen_file(session, code, fmt)
        report = build_report(session, quarter) if frozen is None else None
    if frozen is not None:
        return _file(frozen, mimetype, name)
    if fmt == "xlsx":
        return _file(render_xlsx(report), XLSX, name)
    content, base = canonical_json(report), request.host_url
    key = "pdf:" + hashlib.sha256((base + content).encode()).hexdigest()
    data = jobs.get_or_start(key, pdf_from_json, content, base)
    return _file(data, PDF, name) if data is not None else _busy(code, jobs.elapsed(key))


def quarter_pdf(code: str) -> Response:
    return _quarter_file(code, "pdf")


def quarter_xlsx(code: str) -> Response:
    return _quarter_file(code, "xlsx")


def register_quarter_routes(server: Flask) -> None:
    """Add the quarter report downloads to the Flask server behind the Dash app."""
    server.add_url_rule("/kwartaal/<code>.pdf", "quarter_pdf", quarter_pdf)
    server.add_url_rule("/kwartaal/<code>.xlsx", "quarter_xlsx", quarter_xlsx)

"""Flask routes for the downloads `/kwartaal/<YYYY>-Q<n>.pdf` and `.xlsx`.

A published quarter serves the bytes frozen in its snapshot. A draft is rendered from today's figures, only for a
quarter that exists (db.read.lookups): Excel in the request (~0.1 s), the PDF – for a signed-in account only – in
the export worker (see jobs.py); until it is ready the route answers 202 with a small page that says so, shows
progress and fetches the file when it is there; with a full export queue, 503 with Retry-After. Links in a PDF use
BASE_URL, never the request's host, and the job key names the content only."""

from __future__ import annotations

import hashlib
from html import escape

from flask import Flask, Response, abort

from dashboard import texts
from dashboard.auth import current_user
from dashboard.data import read_session
from dashboard.exports import jobs
from dashboard.exports.pdf import html_to_pdf
from dashboard.exports.report_html import render_html
from dashboard.exports.xlsx import render_xlsx
from dashboard.public_url import base_url
from db.read.lookups import quarter_exists
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


def queue_full(retry_after: int) -> Response:
    """503 with Retry-After: the export queue is full (EXPORT_QUEUE_MAX); the page retries by itself."""
    body = f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>{escape(texts.EXPORT_QUEUE_FULL_TITLE)}</title><meta http-equiv="refresh" content="{retry_after}">
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>
<h1>{escape(texts.EXPORT_QUEUE_FULL_TITLE)}</h1><p role="status">{escape(texts.EXPORT_QUEUE_FULL)}</p>
<p><a href="/">{escape(texts.BACK_TO_OVERVIEW)}</a></p></main></body></html>"""
    response = Response(body, status=503, mimetype="text/html")
    response.headers["Retry-After"] = str(retry_after)
    response.headers["Cache-Control"] = "no-store"
    return response


def export_key(kind: str, content: str, base: str) -> str:
    """The job key: the kind and a hash of the report's content and BASE_URL (never the request's host)."""
    return f"{kind}:" + hashlib.sha256((base + "\n" + content).encode()).hexdigest()


def _quarter_file(code: str, fmt: str) -> Response:
    """The PDF or Excel (`fmt`) of a quarter: frozen bytes when published; else, for a quarter that exists, made from
    today's figures (the PDF only for a signed-in account, in the export worker, with the busy page until it is
    ready: it costs a worker seconds)."""
    try:
        quarter = parse_quarter(code)
    except PeriodError:
        abort(404)
    mimetype, name = (PDF if fmt == "pdf" else XLSX), f"kwartaalrapportage-{code}.{fmt}"
    with read_session() as session:
        frozen = frozen_file(session, code, fmt)
        if frozen is None and (not quarter_exists(session, quarter) or (fmt == "pdf" and current_user() is None)):
            abort(404)  # 1990-Q1, 2090-Q1, or an anonymous visitor's draft PDF: nothing is made or queued
        report = build_report(session, quarter) if frozen is None else None
    if frozen is not None:
        return _file(frozen, mimetype, name)
    if fmt == "xlsx":
        return _file(render_xlsx(report), XLSX, name)
    content, base = canonical_json(report), base_url()
    key = export_key("pdf", content, base)
    try:
        data = jobs.get_or_start(key, pdf_from_json, content, base)
    except jobs.QueueFull as full:
        return queue_full(full.retry_after)
    return _file(data, PDF, name) if data is not None else _busy(code, jobs.elapsed(key))


def quarter_pdf(code: str) -> Response:
    return _quarter_file(code, "pdf")


def quarter_xlsx(code: str) -> Response:
    return _quarter_file(code, "xlsx")


def register_quarter_routes(server: Flask) -> None:
    """Add the quarter report downloads to the Flask server behind the Dash app."""
    server.add_url_rule("/kwartaal/<code>.pdf", "quarter_pdf", quarter_pdf)
    server.add_url_rule("/kwartaal/<code>.xlsx", "quarter_xlsx", quarter_xlsx)

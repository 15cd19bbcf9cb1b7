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
from dashboard.data import actuality_max_age, read_session
from dashboard.exports import jobs
from dashboard.exports.pdf import html_to_pdf
from dashboard.exports.report_html import render_html
from dashboard.exports.xlsx import render_xlsx
from dashboard.public_url import base_url
from dashboard.theme import ASSETS_DIR, COMPONENTS_CSS, components_installed, current_theme, html_classes
from db.read.lookups import quarter_exists
from db.read.quarter import build_report, frozen_file
from indicators.actuality import DEFAULT_MAX_AGE_YEARS
from indicators.periods import PeriodError, parse_quarter
from indicators.quarter import QuarterReport, canonical_json

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# The busy page's only script (its hash is in the Content-Security-Policy, see dashboard/security.py): ask every
# second whether the PDF is ready, say how long it has been working (a real figure; the bar itself is indeterminate),
# and reload to download it when it is there.
BUSY_SCRIPT = """
(function () {
  var since = document.getElementById('pdf-bezig-sinds');
  var start = Date.now() - 1000 * parseInt(since.getAttribute('data-seconden') || '0', 10);
  function poll() {
    fetch(location.href, {cache: 'no-store'}).then(function (r) {
      if (r.status === 200) { location.reload(); return; }
      since.textContent = String(Math.round((Date.now() - start) / 1000));
      setTimeout(poll, 1000);
    }).catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
"""
# The site's own style sheets after the theme's (Dash serves assets/ at /assets/), so the busy page looks like the rest
# of the site in the same theme.
BUSY_STYLES = ("10-perspectief.css", "15-fallback.css", "45-raadslid.css")


def _busy_head() -> tuple[str, str, str]:
    """(classes on <html>, <link> elements, the logo's <img>) of the app's theme, as the Dash pages have them."""
    theme = current_theme()
    sheets = [str(COMPONENTS_CSS.relative_to(ASSETS_DIR))] if components_installed() else []
    sheets += [*theme.stylesheets, *BUSY_STYLES]
    links = "".join(f'<link rel="stylesheet" href="/assets/{escape(name)}">' for name in sheets)
    logo = f'<img src="/assets/{escape(theme.logo)}" alt="{escape(theme.logo_alt)}" class="brand-logo">' \
        if theme.logo else ""
    return html_classes(theme), links, logo


def pdf_from_json(content: str, base_url: str, max_age: int = DEFAULT_MAX_AGE_YEARS) -> bytes:
    """Runs in the export worker process: everything it needs travels as text."""
    return html_to_pdf(render_html(QuarterReport.model_validate_json(content), max_age), base_url)


def _file(data: bytes, mimetype: str, name: str) -> Response:
    response = Response(data, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-cache"
    return response


def _busy(code: str, seconds: float | None) -> Response:
    """The page a reader sees while a draft's PDF is made: what happens, for how long already, an indeterminate
    progress bar (the export does not report steps), and the download starting by itself."""
    title = texts.QUARTER_TITLE.format(label=parse_quarter(code).label)
    done = int(seconds or 0)
    classes, styles, logo = _busy_head()
    body = f"""<!DOCTYPE html><html lang="nl" class="{escape(classes)}"><head><meta charset="utf-8">
<title>{escape(title)} – PDF</title>
<meta name="viewport" content="width=device-width, initial-scale=1">{styles}</head><body>
<header class="site-header"><div class="utrecht-page-header">
<div class="utrecht-page-header__content container header-inner">
<div class="brand-block">{logo}<a class="brand" href="/"><span class="brand-name">{escape(texts.APP_TITLE)}</span>
<span class="brand-tagline">{escape(texts.APP_TAGLINE)}</span></a></div></div></div></header>
<main id="inhoud" class="container page-export-busy"><h1 class="utrecht-heading-1">{escape(title)}</h1>
<p role="status" class="utrecht-paragraph utrecht-paragraph--lead">{escape(texts.EXPORT_BUSY)}</p>
<p><label for="pdf-voortgang">{escape(texts.EXPORT_PROGRESS)}</label><br>
<progress id="pdf-voortgang" class="export-progress">{escape(texts.EXPORT_PROGRESS_TEXT)}</progress></p>
<p>{escape(texts.EXPORT_SINCE_BEFORE)}<span id="pdf-bezig-sinds" data-seconden="{done}">{done}</span>{escape(
        texts.EXPORT_SINCE_AFTER)}</p>
<p><a class="utrecht-link" href="/kwartaal/{escape(code)}">{escape(texts.PRESENT_BACK)}</a></p></main>
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
    content, base, max_age = canonical_json(report), base_url(), actuality_max_age()
    key = export_key(f"pdf:{max_age}", content, base)
    try:
        data = jobs.get_or_start(key, pdf_from_json, content, base, max_age)
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

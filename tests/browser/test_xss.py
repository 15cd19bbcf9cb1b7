"""Stored XSS: every payload of tests/browser/xss_payloads.py in every text and URL field of a programme's projects,
results, measurements (explanation and note), stories, indicator notes and meeting notes; then every page that
shows them is opened in headless Chromium. A page-side hook (`xssHook`, and alert/confirm/prompt) reports any
payload that runs; none may, no dialog may open, no Content-Security-Policy violation may happen (nothing was
even tried), the DOM has no event-handler attribute or script URL, and the payloads are shown as text. The
downloads (CSV, XLSX, PDF) are read back: no formula, no markup.

The editor side too: an editor and an approver (payloads in their names) sign in; one item of every kind, edited
through db.write once per payload and left in concept, ingediend or goedgekeurd, lists every payload as old and
new value in its audit trail; a concept or submitted story per payload fills the work list. With the same checks:
/beheer (both accounts, a step taken from the list), the edit pages (/beheer/<project|resultaat|meting|verhaal|
toelichting|meting-toelichting>/<id>), payloads typed into a new project's form and saved, the conflict view of two
pages saving the same version, the validation errors (a payload in a number field, and in fields whose message
repeats the input) and the quarter grid /beheer/programma/<slug>/kwartaal/<quarter> with a refused row.

The app runs as `python app.py` in a subprocess on its own copy of the demo database, so the other browser tests
see the demo unchanged (and one process can hold only one Dash app)."""

from __future__ import annotations

import csv
import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET  # noqa: N817
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook
from pydantic import ValidationError
from sqlalchemy import select

from db.models import (
    Indicator,
    IndicatorNote,
    Measurement,
    MeasurementNote,
    MeetingNote,
    Programme,
    Project,
    Result,
    Story,
)
from db.session import get_engine, session_scope
from db.write.rows import StoryRow
from indicators.enums import MeasurementStatus, MeetingNoteKind, ResultKind, StoryKind
from indicators.periods import Period
from indicators.safe_text import parse_markdown, plain_text, safe_media_url
from tests.browser.editor_support import PASSWORD, sign_in  # the same sign-in as the editor tests
from tests.browser.xss_payloads import CORPUS, payloads

pytestmark = pytest.mark.browser

PROJECT_DIR = Path(__file__).resolve().parents[2]
PROGRAMME = "sociaal-en-vitaal"
QUARTER = "2026-Q3"
INDICATOR = "jeugdhulp"
NOTE_PERIOD = "2022"
MARK = "xssmark"
PAYLOADS = payloads()
# stories whose media_url was stored before validation existed (straight into the database): never embedded/linked
LEGACY_MEDIA = ["javascript:xssHook(901)", "data:text/html,<script>xssHook(902)</script>", "https://evil.example/v",
                "//evil.example/v.mp4", "http://youtu.be/dQw4w9WgXcQ\" onload=\"xssHook(903)"]

HOOK = """(() => {
  const report = (what) => { try { window.xssReport(String(what)); } catch (e) { /* binding not ready */ } };
  window.xssHook = (n) => report('hook ' + n);
  window.alert = (m) => report('alert ' + m);
  window.confirm = (m) => { report('confirm ' + m); return false; };
  window.prompt = (m) => { report('prompt ' + m); return null; };
  document.addEventListener('securitypolicyviolation',
    (e) => report('csp ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')), true);
})();"""

# Every element attribute that could run script or load a document; event handlers; dangerous elements.
DOM_CHECK = """() => {
  const bad = [];
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background'];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = a.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (a.name.startsWith('on')) bad.push(`${el.tagName} ${a.name}=${a.value}`);
      if (a.name === 'srcdoc') bad.push(`${el.tagName} srcdoc`);
      const scriptUrl = ['javascript:', 'vbscript:', 'data:text', 'data:application'].some((p) => v.startsWith(p));
      if (urlAttrs.includes(a.name) && scriptUrl) bad.push(`${el.tagName} ${a.name}=${a.value}`);
    }
    if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'META', 'BASE', 'STYLE', 'SVG', 'MATH', 'LINK'].includes(
        el.tagName.toUpperCase()) && el.outerHTML.includes('xssHook')) bad.push(`${el.tagName} with a payload`);
  }
  return bad;
}"""


def norm(text: str) -> str:
    return " ".join(text.split())


def shown_markdown(text: str) -> str:
    """What the story page shows of a Markdown field (refused links and raw HTML stay as typed)."""
    return norm(plain_text(parse_markdown(text)))


@dataclass(frozen=True)
class XssApp:
    url: str
    db_url: str
    story_ids: list[int]  # story n-1 carries payload n
    legacy_story_ids: list[int]
    edited: dict[str, int]  # route kind (project, resultaat, …) → the item edited through every payload
    published: dict[str, list[int]]  # route kind → the published items of _seed, payload n at index n-1


def _seed(url: str) -> tuple[list[int], list[int], dict[str, list[int]]]:
    """Put every payload in every text and URL field of programme PROGRAMME; everything published."""
    quarter, note_period = Period.parse(QUARTER), Period.parse(NOTE_PERIOD)
    with session_scope(url) as s:
        programme = s.scalar(select(Programme).where(Programme.slug == PROGRAMME))
        indicator = s.scalar(select(Indicator).where(Indicator.code == INDICATOR))
        line = programme.lines[0]
        stories, measurements, published = [], [], {k: [] for k in ("project", "resultaat", "toelichting")}
        for n, payload in enumerate(PAYLOADS, start=1):
            name = f"{payload} {MARK}{n:02d}"
            project = Project(line=line, name=name, description=payload, partners=[payload])
            result = Result(project=project, name=name, kind=ResultKind.HOW_MUCH, unit="")
            measurement = Measurement(result=result, period_kind=quarter.kind, period_start=quarter.start,
                                      target=10, realised=n, status=MeasurementStatus.ON_TRACK, explanation=payload)
            story = Story(programme_id=programme.id, project=project, result=result, indicator_id=indicator.id,
                          kind=StoryKind.INTERVIEW, title=name, summary=payload, body=payload, transcript=payload,
                          story_date=date(2026, 8, 1 + n % 28), consent=True)
            note = IndicatorNote(indicator_id=indicator.id, region_id=programme.region_id,
                                 period_kind=note_period.kind, period_start=note_period.start, text=payload,
                                 note_date=date(2026, 9, 1), author=payload)
            published["project"].append(project)
            published["resultaat"].append(result)
            published["toelichting"].append(note)
            s.add_all([project, result, measurement, story, note,
                       MeetingNote(programme_id=programme.id, quarter=QUARTER, text=payload, owner=payload,
                                   kind=MeetingNoteKind.ACTION if n % 2 else MeetingNoteKind.DECISION)])
            stories.append(story)
            measurements.append(measurement)
        legacy = [Story(programme_id=programme.id, kind=StoryKind.FILM, title=f"Oude link {MARK}{i}", summary="",
                        media_url=media, story_date=date(2026, 7, 2), consent=True)
                  for i, media in enumerate(LEGACY_MEDIA, start=1)]
        s.add_all(legacy)
        s.flush()
        notes = [MeasurementNote(measurement_id=m.id, text=p, note_date=date(2026, 9, 2), author=p)
                 for m, p in zip(measurements, PAYLOADS, strict=True)]
        s.add_all(notes)
        s.flush()
        ids = {kind: [obj.id for obj in objs] for kind, objs in published.items()}
        ids.update(meting=[m.id for m in measurements], verhaal=[st.id for st in stories],
                   **{"meting-toelichting": [note.id for note in notes]})
        return [st.id for st in stories], [st.id for st in legacy], ids


EDITOR = ("redacteur@gemeente.nl", "<img src=x onerror=xssHook(801)> Eva")  # their names are in the audit trail
APPROVER = ("goedkeurder@gemeente.nl", '"><script>xssHook(802)</script> Gijs')


def _history(s, actor, kind: str, item_id: int, version: int, values) -> int:  # noqa: ANN001 - Session, Actor
    """Update the item once for every payload after the first (`values(n, payload)`): its audit trail then lists
    every payload as an old and a new value."""
    from db import write as editing

    update = {"project": editing.update_project, "resultaat": editing.update_result,
              "meting": editing.update_measurement, "verhaal": editing.update_story,
              "toelichting": editing.update_indicator_note, "meting-toelichting": editing.update_measurement_note}[kind]
    for n, payload in enumerate(PAYLOADS[1:], start=2):
        version = update(s, actor, item_id, version, values(n, payload)).version
    return version


def _seed_editing(url: str) -> dict[str, int]:
    """An editor and an approver of PROGRAMME (payloads in their names); through db.write one item of every kind
    edited through every payload (left in concept, ingediend and goedgekeurd), and a concept or submitted story per
    payload for the work list."""
    from db import write as editing
    from db.accounts import create_user, grant_role, grants_of
    from indicators.enums import Role, WorkflowState

    first = PAYLOADS[0]
    with session_scope(url) as s:
        programme = s.scalar(select(Programme).where(Programme.slug == PROGRAMME))
        actors = []
        for (email, name), role in ((EDITOR, Role.EDITOR), (APPROVER, Role.APPROVER)):
            user = create_user(s, email, name, PASSWORD)
            grant_role(s, user, role, programme.id)
            actors.append((user.id, user.name, grants_of(user)))
        editor, approver = actors
        line = programme.lines[0].name
        ids, versions = {}, {}

        def title(n: int, payload: str) -> str:
            return f"{payload} {MARK}h{n:02d}"

        ref = editing.create_project(s, editor, PROGRAMME, {"line_name": line, "name": title(1, first),
                                                             "description": first, "partners": [first]})
        ids["project"], versions["project"] = ref.id, _history(s, editor, "project", ref.id, ref.version, lambda n, p: {
            "name": title(n, p), "description": p, "partners": [p, f"partner {n}"]})
        ref = editing.create_result(s, editor, ids["project"], {"name": title(1, first), "kind": "hoeveel",
                                                                "unit": first[:40]})
        ids["resultaat"], versions["resultaat"] = ref.id, _history(s, editor, "resultaat", ref.id, ref.version,
                                                                   lambda n, p: {"name": title(n, p)})
        ref = editing.create_measurement(s, editor, ids["resultaat"], {"period": QUARTER, "target": 10, "realised": 1,
                                                                       "status": "op_koers", "explanation": first})
        ids["meting"], versions["meting"] = ref.id, _history(s, editor, "meting", ref.id, ref.version,
                                                             lambda n, p: {"realised": n, "explanation": p})
        ref = editing.create_measurement_note(s, editor, ids["meting"], {"text": first, "note_date": "2026-09-03",
                                                                         "author": first})
        ids["meting-toelichting"], versions["meting-toelichting"] = ref.id, _history(
            s, editor, "meting-toelichting", ref.id, ref.version, lambda n, p: {"text": p, "author": p})
        ref = editing.create_story(s, editor, PROGRAMME, {
            "kind": "interview", "title": title(1, first), "summary": first, "body": first, "transcript": first,
            "story_date": "2026-09-04", "consent": True, "indicator_code": INDICATOR})
        ids["verhaal"], versions["verhaal"] = ref.id, _history(s, editor, "verhaal", ref.id, ref.version, lambda n, p: {
            "title": title(n, p), "summary": p, "body": p, "transcript": p})
        ref = editing.create_indicator_note(s, editor, {"indicator_code": INDICATOR, "region_code": "GM0141",
                                                        "period": "2023", "text": first, "note_date": "2026-09-05",
                                                        "author": first})
        ids["toelichting"], versions["toelichting"] = ref.id, _history(s, editor, "toelichting", ref.id, ref.version,
                                                                       lambda n, p: {"text": p, "author": p})
        for kind, steps in (("project", [(editor, WorkflowState.SUBMITTED)]),
                            ("verhaal", [(editor, WorkflowState.SUBMITTED), (approver, WorkflowState.APPROVED)]),
                            ("toelichting", [(editor, WorkflowState.SUBMITTED)])):
            for actor, to in steps:
                versions[kind] = editing.transition(s, actor, kind_of(kind), ids[kind], to, versions[kind]).version
        for n, payload in enumerate(PAYLOADS, start=1):
            ref = editing.create_story(s, editor, PROGRAMME, {"kind": "citaat", "title": f"{payload} {MARK}w{n:02d}",
                                                              "summary": payload, "story_date": "2026-09-06"})
            if n % 3 == 0:
                editing.transition(s, editor, ref.kind, ref.id, WorkflowState.SUBMITTED, ref.version)
        return ids


def kind_of(route: str):  # noqa: ANN201 - an ItemKind
    from dashboard.components.edit_form import SLUG_KINDS

    return SLUG_KINDS[route]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def xss_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XssApp]:
    from db.migrate import upgrade
    from etl.demo import load_demo

    where = tmp_path_factory.mktemp("xss")
    db_url = f"sqlite:///{where / 'xss.db'}"
    upgrade(db_url)
    load_demo(db_url)
    story_ids, legacy_ids, published = _seed(db_url)
    edited = _seed_editing(db_url)
    get_engine(db_url).dispose()
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": db_url, "PORT": str(port), "HOST": "127.0.0.1", "LOAD_DEMO": "false",
           "UPLOAD_DIR": str(where / "uploads"), "PYTHONPATH": str(PROJECT_DIR)}
    log = (where / "app.log").open("wb")
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=PROJECT_DIR, env=env, stdin=subprocess.DEVNULL,
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"app.py stopped: {(where / 'app.log').read_text(errors='replace')[-3000:]}")
            try:
                with urllib.request.urlopen(base + "/", timeout=5) as r:  # noqa: S310 - our own local server
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("app.py did not answer within 90 s")
            time.sleep(0.3)
        yield XssApp(base, db_url, story_ids, legacy_ids, edited, published)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
        log.close()


def hook(page, hits: list[str]) -> None:  # noqa: ANN001 - playwright Page
    """Install the hook in every frame of the page before any script of the page; calls go to `hits`."""
    page.expose_function("xssReport", lambda what: hits.append(what))
    page.add_init_script(HOOK)

    def on_dialog(dialog) -> None:  # noqa: ANN001 - playwright Dialog
        hits.append(f"dialog {dialog.type} {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.xss_hits = hits


@pytest.fixture
def hooked(page):  # noqa: ANN001, ANN201 - playwright Page (tests/browser/conftest.py)
    """The page with the hook installed in every frame before any script of the page; `page.xss_hits` lists
    every call, dialog and CSP violation."""
    hook(page, [])
    return page


def open_page(page, url: str, heading: str | None = None) -> None:  # noqa: ANN001
    page.goto(url)
    if heading is None:
        page.locator("main h1").first.wait_for()
    else:
        page.get_by_role("heading", level=1, name=heading).wait_for()
    page.wait_for_load_state("networkidle")


def assert_clean(page) -> None:  # noqa: ANN001
    page.wait_for_timeout(150)  # let a late onerror/onload handler fire, if there were one
    assert page.xss_hits == []
    assert page.evaluate(DOM_CHECK) == []
    assert page.console_errors == []


def assert_shown(page, texts: list[str], where: str = "main") -> None:  # noqa: ANN001
    shown = norm(page.locator(where).inner_text())
    missing = [t for t in texts if norm(t) not in shown]
    assert missing == [], f"not shown as text in {where}: {missing[:3]}"


# --- the corpus and validation -----------------------------------------------------------------------------------


def test_corpus_has_every_kind_of_payload() -> None:
    assert len(PAYLOADS) >= 25 and len(set(PAYLOADS)) == len(PAYLOADS)
    joined = "\n".join(CORPUS)
    for kind in ("<script>", "onerror=", "<svg onload", "javascript:", "data:text/html", '"><script>',
                 "](javascript:", "&#", "expression(", "srcdoc=", "\\u003c", "\uff1c", "=HYPERLINK("):
        assert kind in joined, kind


@pytest.mark.parametrize("payload", PAYLOADS)
def test_story_media_url_payload_is_refused_when_saved(payload: str) -> None:
    assert not safe_media_url(payload).ok
    with pytest.raises(ValidationError) as info:
        StoryRow(programme_slug=PROGRAMME, kind="film", title="Film", story_date=date(2026, 8, 1), media_url=payload)
    assert "media_url" in str(info.value)


# --- the pages ---------------------------------------------------------------------------------------------------


def test_overview_search_hits_and_a_reflected_search(hooked, xss_app: XssApp) -> None:  # noqa: ANN001
    open_page(hooked, f"{xss_app.url}/?zoek={MARK}", "Programma's")
    hooked.locator("#zoekresultaten-titel").wait_for()
    assert_shown(hooked, [f"{MARK}{n:02d}" for n in range(1, len(PAYLOADS) + 1)])
    assert_clean(hooked)
    for reflected in ("<script>xssHook(990)</script>", '"><img src=x onerror=xssHook(991)>', "javascript:xssHook(992)"):
        hooked.goto(f"{xss_app.url}/?zoek={urllib.parse.quote(reflected)}")
        hooked.get_by_role("heading", level=1, name="Programma's").wait_for()
        hooked.wait_for_load_state("networkidle")
        assert norm(reflected) in norm(hooked.locator("main").inner_text())
        assert_clean(hooked)


def test_programme_page_with_results_stories_and_the_trend_table(hooked, xss_app: XssApp) -> None:  # noqa: ANN001
    open_page(hooked, f"{xss_app.url}/programma/{PROGRAMME}", "Sociaal en Vitaal")
    card = hooked.locator(f"#trend-{INDICATOR}")
    card.locator(".table-toggle summary").click()
    card.locator(".table-toggle table").wait_for()
    hooked.wait_for_load_state("networkidle")
    assert_shown(hooked, PAYLOADS, f"#trend-{INDICATOR} .table-toggle")  # the notes in the trend table
    assert_shown(hooked, [f"{p} {MARK}{n:02d}" for n, p in enumerate(PAYLOADS, start=1)], ".result-table")
    assert_shown(hooked, PAYLOADS, ".result-table")  # explanations
    assert_shown(hooked, PAYLOADS, "#verhalen")  # story summaries
    # the charts are SVG pictures drawn on the server: whatever text they carry is escaped, and an <img> runs nothing
    for src in card.locator(".chart img, .chart source").evaluate_all(
            "els => els.map(e => e.getAttribute('src') || e.getAttribute('srcset'))"):
        svg = unquote(src.split(",", 1)[1])
        ET.fromstring(svg)  # well-formed: no payload broke out of its text node
        assert "<script" not in svg.lower() and "onerror" not in svg.lower()
    assert_clean(hooked)


def test_every_story_page(hooked, xss_app: XssApp) -> None:  # noqa: ANN001
    for n, story_id in enumerate(xss_app.story_ids, start=1):
        payload = PAYLOADS[n - 1]
        hooked.goto(f"{xss_app.url}/verhaal/{story_id}")
        title = hooked.locator("main h1")
        title.wait_for()
        hooked.wait_for_load_state("networkidle")
        assert norm(title.inner_text()) == norm(f"{payload} {MARK}{n:02d}")
        assert norm(payload) in norm(hooked.locator(".story-summary").inner_text())
        assert shown_markdown(payload) == norm(hooked.locator(".story-body .rich-text").inner_text())
        assert shown_markdown(payload) == norm(hooked.locator(".story-transcript .rich-text").inner_text())
        assert MARK in hooked.title()
        assert_clean(hooked)


def test_stored_media_links_that_are_not_allowed_are_never_embedded_or_linked(hooked, xss_app: XssApp) -> None:  # noqa: ANN001
    for story_id, media in zip(xss_app.legacy_story_ids, LEGACY_MEDIA, strict=True):
        open_page(hooked, f"{xss_app.url}/verhaal/{story_id}")
        assert hooked.locator("main iframe, main video").count() == 0, media
        hrefs = hooked.locator("main a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert media not in hrefs and not any(h.startswith(("//", "http://youtu")) for h in hrefs), hrefs
        assert_clean(hooked)


def test_indicator_page_with_the_notes(hooked, xss_app: XssApp) -> None:  # noqa: ANN001
    open_page(hooked, f"{xss_app.url}/indicator/{INDICATOR}?regio=GM0141", "Jongeren met jeugdhulp")
    assert_shown(hooked, PAYLOADS, "section.trend-notes")
    assert_shown(hooked, PAYLOADS, "table.data-table")
    assert_clean(hooked)


def test_quarter_report_presentation_and_wijken(hooked, xss_app: XssApp) -> None:  # noqa: ANN001
    open_page(hooked, f"{xss_app.url}/kwartaal/{QUARTER}")
    assert_shown(hooked, PAYLOADS)  # meeting notes, explanations, story summaries
    assert_shown(hooked, [f"{MARK}{n:02d}" for n in range(1, len(PAYLOADS) + 1)])
    assert_clean(hooked)
    open_page(hooked, f"{xss_app.url}/kwartaal/{QUARTER}/presentatie")
    for _ in range(12):  # through every slide
        hooked.keyboard.press("ArrowRight")
    hooked.wait_for_timeout(200)
    assert_clean(hooked)
    open_page(hooked, f"{xss_app.url}/wijken")
    assert_clean(hooked)


# --- the downloads -----------------------------------------------------------------------------------------------


def _get(url: str, timeout: float = 120) -> tuple[str, bytes]:
    """GET, waiting while an export is being made (the 'busy' page answers 202 or HTML meanwhile)."""
    deadline = time.monotonic() + timeout
    while True:
        with urllib.request.urlopen(url, timeout=60) as r:  # noqa: S310 - our own local server
            kind, data = r.headers.get("Content-Type", ""), r.read()
            if r.status == 200 and not kind.startswith("text/html"):
                return kind, data
        if time.monotonic() > deadline:
            raise TimeoutError(url)
        time.sleep(0.5)


def _no_formulas(data: bytes) -> list[str]:
    wb = load_workbook(io.BytesIO(data))
    return [f"{ws.title}!{c.coordinate}" for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.data_type == "f"]


def _xlsx_texts(data: bytes) -> set[str]:
    wb = load_workbook(io.BytesIO(data))
    return {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


class _Markup(HTMLParser):
    """Collects what in an HTML document could run script."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "svg", "math", "base"):
            self.bad.append(tag)
        for name, value in attrs:
            v = (value or "").strip().lower()
            if name.startswith("on") or name == "srcdoc" or v.startswith(("javascript:", "data:text")):
                self.bad.append(f"{tag} {name}")


def test_downloads_keep_the_payloads_as_text(xss_app: XssApp) -> None:
    kind, data = _get(f"{xss_app.url}/download/resultaten.csv?programma={PROGRAMME}")
    assert kind.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    explanations = {r[9] for r in rows[1:]}
    for payload in PAYLOADS:
        expected = "'" + payload if payload.startswith(("=", "+", "-", "@", "\t", "\r")) else payload
        assert expected in explanations, payload
    _, xlsx = _get(f"{xss_app.url}/download/resultaten.xlsx?programma={PROGRAMME}")
    assert _no_formulas(xlsx) == [] and set(PAYLOADS) <= _xlsx_texts(xlsx)
    _, trend = _get(f"{xss_app.url}/download/trend.xlsx?programma={PROGRAMME}&indicator={INDICATOR}")
    assert _no_formulas(trend) == []
    _, quarter_xlsx = _get(f"{xss_app.url}/kwartaal/{QUARTER}.xlsx")
    assert _no_formulas(quarter_xlsx) == [] and set(PAYLOADS) <= _xlsx_texts(quarter_xlsx)
    kind, pdf = _signed_in_get(xss_app, f"/kwartaal/{QUARTER}.pdf")  # a draft's PDF: for signed-in accounts
    assert kind == "application/pdf" and pdf.startswith(b"%PDF")


def _signed_in_get(xss_app: XssApp, path: str, timeout: float = 120) -> tuple[str, bytes]:
    """GET as a signed-in account (a new one), waiting while an export is being made."""
    import uuid

    import requests

    from db.accounts import create_user

    email, password = f"lezer-{uuid.uuid4().hex[:8]}@gemeente.nl", "een lang genoeg wachtwoord"
    with session_scope(xss_app.db_url) as s:
        create_user(s, email, "Lezer", password)
    browser = requests.Session()
    browser.get(xss_app.url + "/")
    assert browser.post(xss_app.url + "/inloggen", allow_redirects=False, data={
        "email": email, "wachtwoord": password, "csrf_token": browser.cookies["_csrf_token"]}).status_code == 303
    deadline = time.monotonic() + timeout
    while True:
        answer = browser.get(xss_app.url + path, timeout=60)
        kind = answer.headers.get("Content-Type", "")
        if answer.status_code == 200 and not kind.startswith("text/html"):
            return kind, answer.content
        assert answer.status_code in (200, 202), answer.status_code
        if time.monotonic() > deadline:
            raise TimeoutError(path)
        time.sleep(0.5)


def test_quarter_print_html_escapes_every_payload(xss_app: XssApp) -> None:
    """The HTML weasyprint turns into the PDF: the payloads are text in it, not markup."""
    from dashboard.exports.report_html import render_html
    from db.read.quarter import build_report

    with session_scope(xss_app.db_url) as s:
        document = render_html(build_report(s, Period.parse(QUARTER)))
    parser = _Markup()
    parser.feed(document)
    assert parser.bad == []
    assert "xssHook" in document  # the payloads are in it …
    assert "<script" not in document and "<img src=x" not in document  # … escaped


def test_the_hook_sees_a_payload_that_runs(hooked, xss_app: XssApp) -> None:  # noqa: ANN001
    """The detector itself: a call of the hook, a dialog and an inline script refused by the CSP are all reported
    (so the empty lists above mean something)."""
    open_page(hooked, f"{xss_app.url}/wijken")
    hooked.evaluate("() => { xssHook(0); alert('a'); }")
    hooked.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'xssHook(1)';
                              document.body.append(s); }""")
    hooked.wait_for_timeout(300)
    assert hooked.xss_hits[:2] == ["hook 0", "alert a"]
    assert any(hit.startswith("csp script-src") for hit in hooked.xss_hits[2:]), hooked.xss_hits
    assert "hook 1" not in hooked.xss_hits


# --- the editor side: work list, edit forms with their audit trail, conflict, errors, quarter grid ---------------




def field(page, name: str):  # noqa: ANN001, ANN201 - a playwright Locator
    """The input of an edit-form field (by its pattern-matching id)."""
    from dashboard.components.edit_form import FIELD, dom_id

    return page.locator(f"[id='{dom_id({'type': FIELD, 'field': name})}']")


def form_values(page) -> list[str]:  # noqa: ANN001
    return [norm(v) for v in page.locator("main input, main textarea").evaluate_all("els => els.map(e => e.value)")]


def in_a_field(page, texts: list[str]) -> None:  # noqa: ANN001
    """Each text is (part of) the value of an input or textarea: as typed, not as markup."""
    values = form_values(page)
    missing = [t for t in texts if not any(norm(t) in v for v in values)]
    assert missing == [], f"not in a field: {missing[:3]}"


def save(page, wait_for: str) -> None:  # noqa: ANN001
    from dashboard import texts

    page.get_by_role("button", name=texts.EDIT_SAVE).click()
    page.locator(wait_for).first.wait_for()
    page.wait_for_load_state("networkidle")


def test_work_list_of_the_editor_and_the_approver(hooked, browser, xss_app: XssApp) -> None:  # noqa: ANN001
    from dashboard import texts
    from tests.browser.conftest import _new_page

    sign_in(hooked, xss_app.url, EDITOR[0])
    busy = [f"{p} {MARK}w{n:02d}" for n, p in enumerate(PAYLOADS, start=1)]
    edited = [f"{PAYLOADS[-1]} {MARK}h{len(PAYLOADS):02d}"]  # the edited project, result and story (their context)
    assert_shown(hooked, busy + edited, ".worklist-programme")
    hooked.locator(".worklist-published summary").first.click()
    assert_shown(hooked, [f"{p} {MARK}{n:02d}" for n, p in enumerate(PAYLOADS, start=1)], ".worklist-published")
    assert_clean(hooked)
    hooked.get_by_role("button", name=re.compile(rf"^Indienen: Verhaal ‘.*{MARK}w01’")).click()  # a step from the list
    hooked.locator("#beheer-melding", has_text="Stap gezet").wait_for()
    hooked.wait_for_load_state("networkidle")
    assert_shown(hooked, busy, ".worklist-programme")
    assert_clean(hooked)

    pages = _new_page(browser, 1280, 900)
    approver = next(pages)
    try:
        hook(approver, [])
        sign_in(approver, xss_app.url, APPROVER[0])
        assert_shown(approver, [t for n, t in enumerate(busy, start=1) if n % 3 == 0 or n == 1], ".worklist-programme")
        assert_clean(approver)
        approver.get_by_role("button", name=re.compile(rf"^{texts.STEP_LABELS['goedgekeurd']}: Verhaal ‘.*{MARK}w03’"))\
            .click()
        approver.locator("#beheer-melding", has_text="Stap gezet").wait_for()
        approver.wait_for_load_state("networkidle")
        assert_clean(approver)
    finally:
        pages.close()


# what the edit form of each kind shows of _seed's published item n, and the field the audit trail lists
_SHOWN = {"project": "name", "resultaat": "name", "meting": "explanation", "verhaal": "title",
          "toelichting": "text", "meting-toelichting": "text"}


def test_edit_pages_with_the_payloads_in_the_audit_trail(hooked, xss_app: XssApp) -> None:  # noqa: ANN001
    """The item of every kind edited through every payload: each payload is an old and a new value in its audit
    trail (and the editor's name, itself a payload); then published items of _seed with a sample of the payloads."""
    sign_in(hooked, xss_app.url, EDITOR[0])
    last = PAYLOADS[-1]
    for kind, item_id in xss_app.edited.items():
        open_page(hooked, f"{xss_app.url}/beheer/{kind}/{item_id}")
        hooked.locator(".audit-table").wait_for()
        if kind in ("project", "resultaat", "verhaal"):
            assert_shown(hooked, [f"{last} {MARK}h{len(PAYLOADS):02d}"], "main h1")
        assert_shown(hooked, PAYLOADS, ".audit-table")
        assert_shown(hooked, [EDITOR[1]], ".audit-table")
        in_a_field(hooked, [last])
        if kind == "meting":
            assert_shown(hooked, [last[:60]], ".edit-children")  # its note, linked
        assert_clean(hooked)
    for n in (1, 8, 22, 26):  # script tag, event-handler attribute, CSS, mutation XSS
        payload = PAYLOADS[n - 1]
        for kind, ids in xss_app.published.items():
            open_page(hooked, f"{xss_app.url}/beheer/{kind}/{ids[n - 1]}")
            in_a_field(hooked, [payload])
            if kind in ("project", "resultaat", "verhaal"):
                assert_shown(hooked, [f"{payload} {MARK}{n:02d}"], "main h1")
            if kind == "meting":
                assert_shown(hooked, [payload[:60]], ".edit-children")
            assert_clean(hooked)


def test_payloads_typed_into_the_form_and_the_conflict_view(hooked, xss_app: XssApp) -> None:  # noqa: ANN001
    """A new project with payloads typed into its fields, changed through the form; then the same project saved
    from two pages: the conflict view shows both versions, as text."""
    from dashboard import texts

    base = xss_app.url
    sign_in(hooked, base, EDITOR[0])
    hooked.goto(f"{base}/beheer/project/nieuw?programma={PROGRAMME}")
    hooked.get_by_role("heading", level=1, name=texts.EDIT_TITLE_NEW.format(kind="Project")).wait_for()
    name = f"{PAYLOADS[5]} {MARK}f01"
    field(hooked, "name").fill(name)
    field(hooked, "description").fill("\n".join(PAYLOADS))
    field(hooked, "partners").fill("\n".join(PAYLOADS[:12]))
    hooked.locator("fieldset", has_text="Programmalijn").locator("input").first.check()
    hooked.get_by_role("button", name=texts.EDIT_SAVE).click()
    hooked.wait_for_url(re.compile(r"/beheer/project/\d+\?opgeslagen=1$"))
    path = hooked.url.split(base)[1].split("?")[0]
    hooked.locator(".audit-table").wait_for()
    hooked.wait_for_load_state("networkidle")
    assert_shown(hooked, [name], "main h1")
    in_a_field(hooked, [name, *PAYLOADS])
    assert_clean(hooked)
    for n in (1, 2, 3):  # three saves through the form: the audit trail lists the old and new values
        field(hooked, "description").fill(PAYLOADS[n])
        field(hooked, "partners").fill(PAYLOADS[n + 20])
        save(hooked, f"#bewerk-melding:has-text('versie {n + 1}')")
    assert_shown(hooked, [*PAYLOADS[1:4], *PAYLOADS[21:24], *PAYLOADS[:12]], ".audit-table")
    assert_clean(hooked)

    other = hooked.context.new_page()
    hook(other, hooked.xss_hits)
    other.console_errors = hooked.console_errors
    other.on("console", lambda m: m.type == "error" and hooked.console_errors.append(f"console.error: {m.text}"))
    other.on("pageerror", lambda exc: hooked.console_errors.append(f"pageerror: {exc}"))
    open_page(other, base + path)
    open_page(hooked, base + path)
    field(hooked, "description").fill(PAYLOADS[10])
    save(hooked, "#bewerk-melding:has-text('Opgeslagen')")
    field(other, "description").fill(PAYLOADS[11])
    field(other, "name").fill(f"{PAYLOADS[12]} {MARK}f02")
    other.get_by_role("button", name=texts.EDIT_SAVE).click()
    other.get_by_role("heading", name=texts.CONFLICT_TITLE).wait_for()
    other.wait_for_load_state("networkidle")
    assert_shown(other, [PAYLOADS[10], PAYLOADS[11], name, f"{PAYLOADS[12]} {MARK}f02", EDITOR[1]], ".conflict-view")
    assert_clean(other)
    assert_clean(hooked)


def test_validation_errors_show_the_payload_as_text(hooked, xss_app: XssApp) -> None:  # noqa: ANN001
    """A payload in a number field, and in fields whose error message repeats what was typed."""

    base = xss_app.url
    sign_in(hooked, base, EDITOR[0])
    open_page(hooked, f"{base}/beheer/meting/{xss_app.edited['meting']}")
    for number in ("realised", "target"):
        field(hooked, number).fill(PAYLOADS[1])
    save(hooked, "#bewerk-melding [role=alert]")
    assert hooked.locator(".field-error", has_text="getal").count() == 2
    assert field(hooked, "realised").input_value() == PAYLOADS[1]
    assert_clean(hooked)

    open_page(hooked, f"{base}/beheer/verhaal/{xss_app.edited['verhaal']}")
    field(hooked, "media_url").fill(PAYLOADS[12])
    save(hooked, "#bewerk-melding [role=alert]")
    assert hooked.locator(".field-error", has_text="https://").count() == 1
    in_a_field(hooked, [PAYLOADS[12]])
    assert_clean(hooked)
    field(hooked, "media_url").fill("")
    field(hooked, "indicator_code").fill(PAYLOADS[0])
    save(hooked, "#bewerk-melding [role=alert]:has-text('bestaat niet')")
    assert_shown(hooked, [PAYLOADS[0]], "#bewerk-melding")  # "Indicator ‘<script>…’ bestaat niet."
    from dashboard.components.edit_form import ERROR, dom_id

    assert_shown(hooked, [PAYLOADS[0]], f"[id='{dom_id({'type': ERROR, 'field': 'indicator_code'})}']")  # at the field
    in_a_field(hooked, [PAYLOADS[0]])
    assert_clean(hooked)

    hooked.goto(f"{base}/beheer/toelichting/nieuw?programma={PROGRAMME}")
    hooked.get_by_role("heading", level=1, name=re.compile(": nieuw$")).wait_for()
    field(hooked, "indicator_code").fill(INDICATOR)
    field(hooked, "period").fill(PAYLOADS[6])
    field(hooked, "text").fill(PAYLOADS[7])
    field(hooked, "note_date").fill("2026-09-07")
    save(hooked, "#bewerk-melding [role=alert]")
    assert_shown(hooked, [PAYLOADS[6]], "#bewerk-melding")  # "onbekende periode '…'"
    assert_clean(hooked)


def test_quarter_grid(hooked, xss_app: XssApp) -> None:  # noqa: ANN001
    """The grid lists every result and project name and explanation; a payload in a number refuses its row."""
    from dashboard import texts

    sign_in(hooked, xss_app.url, EDITOR[0])
    open_page(hooked, f"{xss_app.url}/beheer/programma/{PROGRAMME}/kwartaal/{QUARTER}", re.compile(QUARTER))
    names = [f"{p} {MARK}{n:02d}" for n, p in enumerate(PAYLOADS, start=1)]
    assert_shown(hooked, names + [f"{PAYLOADS[-1]} {MARK}h{len(PAYLOADS):02d}"], ".grid-table tbody")
    explanations = hooked.locator("textarea[id*='explanation']").evaluate_all("els => els.map(e => e.value)")
    assert {norm(p) for p in PAYLOADS} <= {norm(e) for e in explanations}
    assert_clean(hooked)
    rid = xss_app.published["resultaat"][0]
    hooked.locator(f"input[id*='\"result\":{rid},'][id*='realised']").fill(PAYLOADS[2])
    hooked.locator(f"textarea[id*='\"result\":{rid},'][id*='explanation']").fill(PAYLOADS[3])
    hooked.get_by_role("button", name=texts.GRID_SAVE).click()
    hooked.locator("#kwartaal-melding [role=alert]").wait_for()
    hooked.wait_for_load_state("networkidle")
    assert hooked.locator(".grid-error", has_text="getal").count() == 1
    assert_clean(hooked)

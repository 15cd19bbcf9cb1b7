"""Quarter report on real SQLite and PostgreSQL: "what changed" against a hand-built pair of quarters, publishing
freezes the report byte for byte while a later correction shows up in the next quarter, meeting notes are carried
until done, and the demo quarter's PDF and Excel hold every programme, result and chart."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook
from plotly.utils import PlotlyJSONEncoder
from pypdf import PdfReader
from sqlalchemy import select, update

from db.models import Indicator, Measurement, MeetingNote, Observation, Programme, QuarterSnapshot, Result, Story
from db.read.quarter import build_report, notes_recorded_after_publication, report_for
from db.session import session_scope
from db.write import loads as loader
from db.write.quarter import FrozenSnapshotError, add_note, mark_done, publish_quarter
from db.write.rows import (
    IndicatorRow,
    MeasurementRow,
    ObservationRow,
    ProgrammeIndicatorRow,
    ProgrammeLineRow,
    ProgrammeRow,
    ProjectRow,
    RegionRow,
    ResultRow,
    StoryRow,
)
from indicators.enums import ChangeKind, Direction, MeasurementStatus, PeriodKind, RegionKind, ResultKind, StoryKind
from indicators.formatting import format_date
from indicators.periods import Period, parse_quarter
from indicators.quarter import QuarterReport, canonical_json
from tests.dash_tree import components

Q3, Q4, Q1 = Period.quarter(2025, 3), Period.quarter(2025, 4), Period.quarter(2026, 1)
SLUG = "armoede"


def build_world(url: str) -> None:
    """One gemeente, one programme with one trend, one result and two stories: the hand-built pair 2025-Q3/2025-Q4.

    Trend (minder is beter, basisjaar 2022 = 12): 2023 13, 2024 14 (going up, above the baseline); the 2025 figure
    11 (period ends in Q4) turns it down and below the baseline. Result: 2025-Q3 19 of 20 (aandacht), 2025-Q4 20 of
    30 (niet op koers). Stories: one in August (Q3), one in November (Q4)."""
    with session_scope(url) as s:
        loader.upsert_regions(s, [RegionRow(code="NL01", name="Nederland", kind=RegionKind.COUNTRY),
                                  RegionRow(code="GM0141", name="Almelo", kind=RegionKind.MUNICIPALITY,
                                            parent_code="NL01")])
        loader.upsert_indicators(s, [IndicatorRow(code="armoede", name="Kinderen in armoede", unit="%",
                                                  source="test", desired_direction=Direction.LESS, decimals=1)])
        load = loader.start_load(s, source="test")
        values = {2021: 12.5, 2022: 12.0, 2023: 13.0, 2024: 14.0, 2025: 11.0}
        loader.upsert_observations(s, [ObservationRow(indicator_code="armoede", region_code="GM0141",
                                                      period=Period.year(y), value=v) for y, v in values.items()]
                                   + [ObservationRow(indicator_code="armoede", region_code="NL01",
                                                     period=Period.year(y), value=9.0) for y in values], load)
        loader.replace_programme(s, ProgrammeRow(
            slug=SLUG, name="Armoede de wereld uit", region_code="GM0141", start_year=2023, end_year=2026,
            baseline_year=2022, lines=[ProgrammeLineRow(name="Meedoen", desired_direction=Direction.MORE)],
            indicators=[ProgrammeIndicatorRow(indicator_code="armoede", line_name="Meedoen", target_value=10,
                                              target_year=2026)]))
        loader.add_project(s, ProjectRow(
            programme_slug=SLUG, line_name="Meedoen", name="Schuldhulp dichtbij", results=[ResultRow(
                name="Gezinnen in de schuldhulp", kind=ResultKind.HOW_MUCH, unit="gezinnen",
                desired_direction=Direction.MORE, measurements=[
                    MeasurementRow(period=Q3, target=20, realised=19, status=MeasurementStatus.ATTENTION),
                    MeasurementRow(period=Q4, target=30, realised=20, status=MeasurementStatus.OFF_TRACK)])]))
        for title, day in (("Zomer in de wijk", date(2025, 8, 1)), ("Een gezin vertelt", date(2025, 11, 15))):
            loader.add_story(s, StoryRow(programme_slug=SLUG, project_name="Schuldhulp dichtbij",
                                         kind=StoryKind.INTERVIEW, title=title, summary=f"Samenvatting {title}.",
                                         story_date=day, consent=True))


@pytest.fixture
def world(db_url: str) -> str:
    build_world(db_url)
    return db_url


def _ids(url: str) -> tuple[int, int]:
    with session_scope(url) as s:
        return (s.scalar(select(Result.id)),
                s.scalar(select(Story.id).where(Story.title == "Een gezin vertelt")))


def test_what_changed_against_a_hand_built_pair_of_quarters(world: str) -> None:
    result_id, story_id = _ids(world)
    with session_scope(world) as s:
        report = build_report(s, Q4)
    assert report.previous == "2025-Q3" and report.previous_published is False
    (programme,) = report.programmes
    got = {(c.kind, c.ref, c.period, c.before, c.after) for c in programme.changes}
    assert got == {
        (ChangeKind.NEW_FIGURE, "armoede", "2025", None, 11.0),
        (ChangeKind.TREND_TURNED, "armoede", "2025", "omhoog", "omlaag"),
        (ChangeKind.CROSSED_BASELINE, "armoede", "2025", 14.0, 11.0),
        (ChangeKind.STATUS_CHANGE, str(result_id), "2025-Q4", "aandacht", "niet_op_koers"),
        (ChangeKind.NEW_MEASUREMENT, str(result_id), "2025-Q4", None, 20.0),
        (ChangeKind.NEW_STORY, str(story_id), "2025-11-15", None, "interview"),
    }
    assert programme.changes[0].kind is ChangeKind.STATUS_CHANGE  # what the meeting discusses comes first
    # the parts as they stood at the end of Q4: the quarter's measurement and only the quarter's stories
    (result,) = programme.results
    assert (result.current.target, result.current.realised, result.current.status) == (30, 20, "niet_op_koers")
    assert [s.title for s in programme.stories] == ["Een gezin vertelt"]
    (trend,) = programme.trends
    assert (trend.latest_period, trend.latest_value, trend.baseline_value) == ("2025", 11.0, 12.0)
    assert trend.verdict == "in de gewenste richting"


def test_as_it_stood_at_the_end_of_the_earlier_quarter(world: str) -> None:
    with session_scope(world) as s:
        (programme,) = build_report(s, Q3).programmes
    (trend,) = programme.trends
    assert trend.latest_period == "2024" and [p.period for p in trend.points][-1] == "2024"  # 2025 not over yet
    assert programme.results[0].current.status == "aandacht"
    assert [m.period for m in programme.results[0].history] == ["2025-Q3"]
    assert [s.title for s in programme.stories] == ["Zomer in de wijk"]


def download_client(url: str, signed_in: bool = False):  # noqa: ANN201 - flask.testing.FlaskClient
    """The download routes on a bare Flask server, with sign-in; `signed_in`: as a new account (a draft's PDF is made
    for signed-in accounts only). Not through create_app: the first Dash app that answers a request takes over the
    process-wide `dash.callback` registrations, and the browser tests' app in the same pytest worker would then render
    nothing."""
    import uuid

    from argon2 import PasswordHasher
    from flask import Flask

    from dashboard.auth import install_auth
    from dashboard.data import CONFIG_KEY
    from dashboard.exports.routes import register_quarter_routes
    from db import accounts
    from settings import Settings

    server = Flask("quarter-test")
    server.config.update({CONFIG_KEY: url, "SECRET_KEY": "quarter-test-" + "x" * 32})
    install_auth(server, Settings(database_url=url))
    register_quarter_routes(server)
    client = server.test_client()
    if signed_in:
        email, password = f"lezer-{uuid.uuid4().hex[:8]}@gemeente.nl", "een lang genoeg wachtwoord"
        with session_scope(url) as s:
            old, accounts.HASHER = accounts.HASHER, PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
            try:
                accounts.create_user(s, email, "Lezer", password)
            finally:
                accounts.HASHER = old
        assert client.post("/inloggen", data={"email": email, "wachtwoord": password}).status_code == 303
    return client


def _page_json(component) -> str:  # noqa: ANN001 - a Dash component tree
    """The page as Dash sends it to the browser."""
    return json.dumps(component, cls=PlotlyJSONEncoder)


def test_published_report_is_frozen_and_a_correction_shows_in_the_next_quarter(world: str) -> None:
    from dashboard.exports.report_html import render_html
    from dashboard.pages import quarter as quarter_page
    from dashboard.quarter_cli import renderers

    with session_scope(world) as s:
        publish_quarter(s, Q4, renderers("http://test/"), published_by="Programmaraad")
    with session_scope(world) as s:
        snap = s.scalar(select(QuarterSnapshot))
        stored = (snap.content, snap.html, snap.pdf, snap.xlsx)
        frozen_report = report_for(s, Q4)
    page_before = _page_json(quarter_page.page(frozen_report, {}, date(2026, 11, 28)))
    assert stored[2].startswith(b"%PDF") and stored[3].startswith(b"PK")
    assert frozen_report.published_by == "Programmaraad" and frozen_report.published_at is not None

    # a later load corrects the Q4 measurement (20 -> 25) and the 2025 trend figure (11 -> 11.5)
    with session_scope(world) as s:
        s.execute(update(Measurement).where(Measurement.period_start == Q4.start).values(realised=25))
        indicator_id = s.scalar(select(Indicator.id).where(Indicator.code == "armoede"))
        s.execute(update(Observation).where(Observation.indicator_id == indicator_id,
                                            Observation.period_start == date(2025, 1, 1),
                                            Observation.value == 11.0).values(value=11.5))

    with session_scope(world) as s:
        again = report_for(s, Q4)
        live = build_report(s, Q4)
        snap = s.scalar(select(QuarterSnapshot))
        assert (snap.content, snap.html, snap.pdf, snap.xlsx) == stored  # the stored products, byte for byte
        assert canonical_json(again) == stored[0]
        assert render_html(again) == stored[1]  # rendering the frozen content again gives the same bytes
        assert live.programmes[0].results[0].current.realised == 25  # while today's figures did change
        next_quarter = build_report(s, Q1)
    assert _page_json(quarter_page.page(again, {}, date(2026, 11, 28))) == page_before  # what the browser gets

    assert next_quarter.previous_published is True
    changes = {(c.kind, c.period, c.before, c.after) for c in next_quarter.programmes[0].changes}
    assert (ChangeKind.CORRECTED_MEASUREMENT, "2025-Q4", 20.0, 25.0) in changes
    assert (ChangeKind.CORRECTED_FIGURE, "2025", 11.0, 11.5) in changes

    with session_scope(world) as s, pytest.raises(FrozenSnapshotError):
        publish_quarter(s, Q4, renderers("http://test/"))
    with pytest.raises(FrozenSnapshotError), session_scope(world) as s:
        s.scalar(select(QuarterSnapshot)).html = "anders"
        s.flush()


def test_frozen_downloads_are_served_from_the_snapshot(world: str) -> None:
    from dashboard.quarter_cli import main as cli

    assert cli(["publiceer", "2025-Q4", "--door", "test"], database_url=world) == 0
    assert cli(["publiceer", "2025-Q4"], database_url=world) == 1  # refused: already published
    client = download_client(world)
    with session_scope(world) as s:
        pdf, xlsx = s.execute(select(QuarterSnapshot.pdf, QuarterSnapshot.xlsx)).one()
        s.execute(update(Measurement).values(realised=1))
    got = client.get("/kwartaal/2025-Q4.pdf")
    assert got.status_code == 200 and got.data == pdf and got.mimetype == "application/pdf"
    assert client.get("/kwartaal/2025-Q4.xlsx").data == xlsx
    assert client.get("/kwartaal/2025-Q9.pdf").status_code == 404


def test_the_command_line_publishes_a_pdf_with_links_on_base_url(world: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m dashboard.quarter_cli publiceer` without --url: the frozen PDF links to BASE_URL, as the web app's."""
    from pypdf import PdfReader

    from dashboard.quarter_cli import main as cli
    from settings import get_settings

    base = "https://perspectief.gemeente.example/"
    monkeypatch.setenv("BASE_URL", base)
    get_settings.cache_clear()
    try:
        assert cli(["publiceer", "2025-Q4"], database_url=world) == 0
    finally:
        monkeypatch.delenv("BASE_URL")
        get_settings.cache_clear()
    with session_scope(world) as s:
        pdf = s.scalar(select(QuarterSnapshot.pdf))
    uris = [str(a.get_object()["/A"]["/URI"]) for page in PdfReader(io.BytesIO(pdf)).pages
            for a in page.get("/Annots") or [] if "/URI" in (a.get_object().get("/A") or {})]
    assert uris and all(u.startswith(base) for u in uris), uris


def test_meeting_notes_are_carried_until_done(world: str) -> None:
    from dashboard.components.quarter_parts import note_meta

    with session_scope(world) as s:
        action = add_note(s, SLUG, Q3, "actiepunt", "Wachtlijst schuldhulp wegwerken", owner="Team schulden",
                          due_date=date(2025, 12, 31), created_by="Gijs Goedkeurder").id
        add_note(s, SLUG, Q3, "besluit", "Extra budget voor schuldhulp")
    with session_scope(world) as s:
        q3 = build_report(s, Q3).programmes[0].notes
        q4 = build_report(s, Q4).programmes[0].notes
    assert [(n.kind, n.carried, n.created_by) for n in q3] == [("actiepunt", False, "Gijs Goedkeurder"),
                                                                ("besluit", False, "")]
    recorded = format_date(datetime.now(UTC))
    assert note_meta(q3[0]).endswith(f" · open · vastgelegd door Gijs Goedkeurder op {recorded}")
    assert note_meta(q3[1]) == f"vastgelegd op {recorded}"
    assert [(n.id, n.carried, n.done_on, n.owner) for n in q4] == [(action, True, None, "Team schulden")]
    with session_scope(world) as s:
        mark_done(s, action, date(2026, 2, 3), done_by="Anna Beheer")
    with session_scope(world) as s:
        assert s.get(MeetingNote, action).done_by == "Anna Beheer"
        # the Q4 report shows the item as it stood at the quarter's end: open, so not who marked it done
        assert [(n.id, n.done_on, n.done_by) for n in build_report(s, Q4).programmes[0].notes] == [(action, None, "")]
        q1 = build_report(s, Q1).programmes[0].notes
        assert [(n.id, n.done_on, n.done_by) for n in q1] == [(action, date(2026, 2, 3), "Anna Beheer")]
        assert "afgerond op 3 feb 2026 door Anna Beheer" in note_meta(q1[0])
        assert build_report(s, Period.quarter(2026, 2)).programmes[0].notes == []


def test_content_frozen_before_who_was_kept_renders_as_before(world: str) -> None:
    """A snapshot published before notes kept who recorded them has no such keys in its content: it still reads,
    and its notes render exactly as they did then (nothing about who or when)."""
    from dashboard.components.quarter_parts import note_meta
    from dashboard.exports.report_html import render_html
    from dashboard.exports.xlsx import render_xlsx

    with session_scope(world) as s:
        action = add_note(s, SLUG, Q4, "actiepunt", "Wachtlijst wegwerken", owner="Team", due_date=date(2025, 12, 31),
                          created_by="Gijs Goedkeurder").id
        mark_done(s, action, date(2025, 12, 1), done_by="Anna Beheer")
        content = json.loads(canonical_json(build_report(s, Q4)))
    for programme in content["programmes"]:
        for note in programme["notes"]:
            for key in ("created_by", "created_on", "done_by"):
                del note[key]
    old = QuarterReport.model_validate_json(json.dumps(content, separators=(",", ":")))
    note = old.programmes[0].notes[0]
    assert (note.created_by, note.created_on, note.done_by) == ("", None, "")
    assert note_meta(note) == "eigenaar Team · gereed 31 dec 2025 · afgerond op 1 dec 2025"
    assert "vastgelegd" not in render_html(old) and "Anna Beheer" not in render_html(old)
    sheets = load_workbook(io.BytesIO(render_xlsx(old)))
    assert not any("vastgelegd" in str(c) for ws in sheets for row in ws.iter_rows(values_only=True) for c in row)


def test_notes_recorded_after_publishing_stay_out_of_the_snapshot(world: str) -> None:
    from dashboard.quarter_cli import renderers

    with session_scope(world) as s:
        publish_quarter(s, Q4, renderers("http://test/"))
        note = add_note(s, SLUG, Q4, "actiepunt", "Evaluatie in januari", owner="Wethouder").id
    with session_scope(world) as s:
        report = report_for(s, Q4)
        assert report.programmes[0].notes == []
        assert [n.id for n in notes_recorded_after_publication(s, report)[SLUG]] == [note]
        assert [n.id for n in build_report(s, Q1).programmes[0].notes] == [note]  # carried into the next quarter


# --- the demo quarter's downloads -------------------------------------------------------------------------------
DEMO_QUARTER = parse_quarter("2026-Q3")


@pytest.fixture(scope="module")
def demo_report(demo_sqlite_url: str):  # noqa: ANN201
    with session_scope(demo_sqlite_url) as s:
        return build_report(s, DEMO_QUARTER)


def _pdf_text(pdf: bytes, tmp_path) -> str:  # noqa: ANN001
    if shutil.which("pdftotext"):
        path = tmp_path / "rapport.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    else:  # pypdf reads it too; pdftotext (poppler-utils, installed by .ci/run) is closer to what people see
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text)


def _figures(pdf: bytes) -> list[str]:
    """Alt texts of the /Figure elements in the tagged PDF's structure tree (the chart images)."""
    found: list[str] = []

    def walk(node) -> None:  # noqa: ANN001
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif hasattr(node, "get"):
            if node.get("/S") == "/Figure" and node.get("/Alt"):
                found.append(str(node["/Alt"]))
            if "/K" in node:
                walk(node["/K"])

    walk(PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"])
    return found


def test_demo_pdf_has_every_programme_result_and_chart(demo_report, tmp_path) -> None:  # noqa: ANN001
    from dashboard.exports.pdf import render_pdf

    pdf = render_pdf(demo_report)
    text = _pdf_text(pdf, tmp_path)
    assert "Kwartaalrapportage 3e kwartaal 2026" in text and "Inhoud" in text
    assert len(demo_report.programmes) == 2
    for p in demo_report.programmes:
        assert p.name in text
        assert "Wat is er veranderd sinds het 2e kwartaal 2026" in text
        assert p.results, p.name
        for r in p.results:
            assert r.name in text, r.name
        for s in p.stories:
            assert s.title in text and s.summary in text
    charts = _figures(pdf)
    expected = [t.name for p in demo_report.programmes for t in p.trends]
    assert len(expected) == 8
    for name in expected:
        assert any(alt.startswith(f"Grafiek: {name} in Almelo") for alt in charts), name
    pages = PdfReader(io.BytesIO(pdf)).pages
    images = sum(len(page["/Resources"].get("/XObject", {})) for page in pages)
    assert images >= len(expected)  # each chart is an embedded image object, not just text
    links = [a.get_object()["/A"].get("/URI") for page in pages for a in page.get("/Annots", [])
             if a.get_object().get("/A", {}).get("/URI")]
    assert any(uri.startswith("http://127.0.0.1:8050/verhaal/") for uri in links)


def test_demo_xlsx_has_a_sheet_per_table_with_the_values(demo_report, demo_sqlite_url: str) -> None:  # noqa: ANN001
    from dashboard.exports.xlsx import render_xlsx

    wb = load_workbook(io.BytesIO(render_xlsx(demo_report)))
    assert wb.sheetnames == ["Rapport", "Wat is veranderd", "Trends", "Trendcijfers", "Resultaten",
                             "Status per kwartaal", "Projectfinanciën", "Verhalen", "Besluiten en actiepunten"]
    rows = list(wb["Resultaten"].iter_rows(min_row=2, values_only=True))
    with session_scope(demo_sqlite_url) as s:
        expected = set(s.execute(select(Result.name, Measurement.target, Measurement.realised)
                                 .join(Measurement, Measurement.result_id == Result.id)
                                 .where(Measurement.period_kind == PeriodKind.QUARTER,
                                        Measurement.period_start == DEMO_QUARTER.start)).all())
        programmes = set(s.scalars(select(Programme.name)))
    assert {(row[3], row[6], row[7]) for row in rows} == expected
    assert len(rows) == 14 and all(row[5] == "3e kwartaal 2026" for row in rows)
    assert {row[0] for row in rows} == programmes
    changes = list(wb["Wat is veranderd"].iter_rows(min_row=2, values_only=True))
    assert ("Zorg en Veiligheid", "Status gewijzigd",
            "Casussen met een regievoerder binnen 5 werkdagen: op koers → niet op koers (3e kwartaal 2026)") in changes
    trends = list(wb["Trends"].iter_rows(min_row=2, values_only=True))
    assert ("Sociaal en Vitaal", "Jongeren met jeugdhulp", "%", "Almelo", "2023", 15.3) == trends[0][:6]


def test_draft_pdf_is_made_in_the_export_worker_with_a_progress_page(demo_sqlite_url: str, tmp_path) -> None:  # noqa: ANN001
    import time

    from dashboard.exports import jobs

    assert download_client(demo_sqlite_url).get("/kwartaal/2026-Q2.pdf").status_code == 404  # anonymous: no job
    client = download_client(demo_sqlite_url, signed_in=True)
    try:
        first = client.get("/kwartaal/2026-Q2.pdf")
        assert first.status_code == 202 and first.headers["Retry-After"] == "1"
        body = first.get_data(as_text=True)
        assert '<html lang="nl" class="' in body and 'role="status"' in body and "<progress" in body
        deadline = time.monotonic() + 180
        got = first
        while got.status_code == 202 and time.monotonic() < deadline:
            time.sleep(0.25)
            got = client.get("/kwartaal/2026-Q2.pdf")
        assert got.status_code == 200 and got.data.startswith(b"%PDF")
        assert "Kwartaalrapportage 2e kwartaal 2026" in _pdf_text(got.data, tmp_path)
        assert client.get("/kwartaal/2026-Q2.pdf").data == got.data  # served from the cache from now on
    finally:
        jobs.shutdown()


def test_meeting_notes_from_the_command_line(world: str, capsys: pytest.CaptureFixture[str]) -> None:
    from dashboard.quarter_cli import main as cli

    assert cli(["actiepunt", "2025-Q3", SLUG, "Wachtlijst wegwerken", "--eigenaar", "Team", "--gereed", "2025-12-31"],
               database_url=world) == 0
    assert cli(["besluit", "2025-Q3", SLUG, "Extra budget"], database_url=world) == 0
    assert cli(["besluit", "2025-Q3", "bestaat-niet", "x"], database_url=world) == 1
    assert cli(["besluit", "2025-Q7", SLUG, "x"], database_url=world) == 1
    assert cli(["besluit", "2025-Q3", SLUG, "Evaluatie", "--door", "Secretaris"], database_url=world) == 0
    action = int(re.search(r"actiepunt (\d+) vastgelegd", capsys.readouterr().out)[1])
    for too_long in (["--door", "x" * 201], ["--eigenaar", "x" * 201]):  # a clear "fout:", not a database error
        assert cli(["besluit", "2025-Q3", SLUG, "Te lang", *too_long], database_url=world) == 1
        assert "te lang: hoogstens 200 tekens" in capsys.readouterr().err
    assert cli(["afgerond", str(action), "2025-11-02", "--door", "A. de Vries"], database_url=world) == 0
    with session_scope(world) as s:
        notes = build_report(s, Q4).programmes[0].notes
        recorded = [(n.text, n.created_by) for n in s.scalars(select(MeetingNote).order_by(MeetingNote.id))]
    assert [(n.kind, n.text, n.owner, n.due_date, n.done_on, n.done_by) for n in notes] == [
        ("actiepunt", "Wachtlijst wegwerken", "Team", date(2025, 12, 31), date(2025, 11, 2), "A. de Vries")]
    assert recorded == [("Wachtlijst wegwerken", "opdrachtregel"), ("Extra budget", "opdrachtregel"),
                        ("Evaluatie", "Secretaris")]
    assert cli(["actiepunt", "2025-Q3", SLUG, "Nog een", "--eigenaar", "Team", "--gereed", "2025-12-31"],
               database_url=world) == 0
    other = int(re.search(r"actiepunt (\d+) vastgelegd", capsys.readouterr().out)[1])
    assert cli(["afgerond", str(other)], database_url=world) == 0  # today, by the default
    with session_scope(world) as s:
        assert s.get(MeetingNote, other).done_by == "opdrachtregel"


def test_a_long_part_continues_on_the_next_slides(world: str) -> None:
    """The meeting room's slides: a programme with more trends, results, stories or meeting notes than fit one
    1920×1080 slide gets numbered continuation slides holding every item once, at most the slide's share each."""
    from dash import html

    from dashboard.pages import presentation as pres

    with session_scope(world) as s:
        add_note(s, SLUG, Q4, "besluit", "Eerste besluit")
        report = build_report(s, Q4)
    p = report.programmes[0]
    assert p.trends and p.results and p.stories and p.notes
    grown = p.model_copy(update={"trends": p.trends * 9, "results": p.results * 17, "stories": p.stories * 5,
                                 "notes": p.notes * 13})
    deck = pres.slides(report.model_copy(update={"programmes": [grown]}))

    def titles_and_counts(part: str, is_item) -> list[tuple[str, int]]:  # noqa: ANN001 - a predicate
        return [(slide.children[0].children, sum(1 for c in components(slide) if is_item(c)))
                for slide in deck if f": {part}" in slide.children[0].children]

    def having(cls: type, attr: str, marker: str):  # noqa: ANN202
        return lambda c: isinstance(c, cls) and marker in str(getattr(c, attr, None) or "")

    for part, items, size, is_item in (
            ("Trends", grown.trends, pres.TRENDS_PER_SLIDE, having(html.Figure, "className", "quarter-trend")),
            ("Resultaten", grown.results, pres.RESULTS_PER_SLIDE, having(html.Tr, "id", "resultaat")),
            ("Rijkere verantwoording", grown.stories, pres.STORIES_PER_SLIDE,
             having(html.Article, "className", "quarter-story")),
            ("Besluiten en actiepunten", grown.notes, pres.NOTES_PER_SLIDE, having(html.Li, "className", "note "))):
        found = titles_and_counts(part, is_item)
        pages = -(-len(items) // size)
        assert [t.rsplit(" (", 1)[-1] for t, _ in found] == [f"{n}/{pages})" for n in range(1, pages + 1)], part
        assert all(0 < count <= size for _, count in found), (part, found)
        assert sum(count for _, count in found) == len(items), part
    plain = pres.slides(report)  # fitting parts keep their plain title
    assert not any("(1/" in s.children[0].children for s in plain)

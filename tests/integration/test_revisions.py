"""Published stays published while it is corrected (issue 13, item 5), on SQLite and PostgreSQL, on the demo.

A published measurement, result, project, story or note that an editor changes keeps its published row: the
programme page's read model, the results download (CSV), the quarter report (its model and its Excel file) and the
open-data API show the published values until the correction – a pending revision beside the row – has been
submitted, approved by someone else and published; then every one of them shows the new value. Meanwhile the work
list shows both lines, the edit form the revision, the audit trail each step; the workflow rules (four eyes,
compare-and-set, publication checks, back to concept with a reason) hold for the revision, and a revision can be
withdrawn."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from flask import Flask
from openpyxl import load_workbook
from sqlalchemy import func, select

from dashboard.api.routes import register_api
from dashboard.auth import install_auth
from dashboard.data import CONFIG_KEY
from dashboard.downloads import register_downloads
from dashboard.exports.routes import register_quarter_routes
from db import write as ed
from db.accounts import Grant
from db.migrate import upgrade
from db.models import (
    IndicatorNote,
    Measurement,
    MeasurementHistory,
    MeasurementNote,
    Programme,
    ProgrammeLine,
    Project,
    Result,
    Revision,
    Story,
)
from db.read.programmes import programme_view
from db.read.quarter import build_report
from db.read.stories import story_detail
from db.read.trends import notes_by_indicator
from db.session import session_scope
from db.write.workflow import Actor
from etl.demo import load_demo
from indicators.enums import AuditAction, ItemKind, Role, WorkflowState
from indicators.periods import Period
from settings import Settings
from tests.conftest import BACKENDS, _postgres_database, _sqlite_database

C, S, A, P = WorkflowState.CONCEPT, WorkflowState.SUBMITTED, WorkflowState.APPROVED, WorkflowState.PUBLISHED
SLUG = "sociaal-en-vitaal"
Q3 = Period.quarter(2026, 3)


@pytest.fixture(scope="module", params=BACKENDS)
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Flask]]:
    """The demo on a fresh database, and a Flask server with the API, the downloads and the quarter files."""
    if request.param == "sqlite":
        cm = _sqlite_database(tmp_path_factory.mktemp("revisions"))
    else:
        cm = _postgres_database(request.getfixturevalue("postgres_server"))
    with cm as url:
        upgrade(url)
        load_demo(url)
        server = Flask("revisions-test")
        server.config.update({CONFIG_KEY: url, "SECRET_KEY": "test", "TESTING": True})
        install_auth(server, Settings(database_url=url))
        register_api(server)
        register_downloads(server)
        register_quarter_routes(server)
        yield url, server


def people(url: str) -> dict[str, Actor]:
    """An editor, two approvers (one of them also editor) of the programme."""
    with session_scope(url) as s:
        pid = s.scalar(select(Programme.id).where(Programme.slug == SLUG))
    return {"editor": Actor(101, "Redacteur", frozenset({Grant(Role.EDITOR, pid)})),
            "approver": Actor(102, "Goedkeurder", frozenset({Grant(Role.APPROVER, pid)})),
            "both": Actor(103, "Redacteur en goedkeurder", frozenset({Grant(Role.EDITOR, pid),
                                                                      Grant(Role.APPROVER, pid)}))}


def published_q3(url: str, index: int) -> tuple[int, int, str, float]:
    """(measurement id, result id, result name, realised) of the `index`-th published result of the programme
    with a realised 2026-Q3 value; each test takes its own index, so the tests of a module never share one."""
    with session_scope(url) as s:
        rows = s.execute(select(Measurement.id, Result.id, Result.name, Measurement.realised)
                         .join(Result, Result.id == Measurement.result_id).join(Project).join(ProgrammeLine)
                         .join(Programme).where(Programme.slug == SLUG, Measurement.period_start == Q3.start,
                                                Measurement.period_kind == Q3.kind, Measurement.realised.is_not(None),
                                                Measurement.workflow_state == P, Result.workflow_state == P,
                                                Project.workflow_state == P)
                         .order_by(Result.id)).all()
    return tuple(rows[index])


def public_values(url: str, server: Flask, result_id: int, result_name: str) -> dict[str, object]:
    """The 2026-Q3 realised value of a result wherever the raad (or a re-user) can read it."""
    with session_scope(url) as s:
        view = programme_view(s, SLUG)
        page = next(m.realised for r in view.results if r.id == result_id for m in r.measurements
                    if m.period == Q3)
        report = build_report(s, Q3)
        in_report = next(r.current.realised for p in report.programmes for r in p.results if r.id == result_id)
    client = server.test_client()
    answer = client.get(f"/api/v1/programmas/{SLUG}/resultaten?kwartaal=2026-Q3&paginaGrootte=1000")
    assert answer.status_code == 200
    api = next(r["gerealiseerd"] for r in answer.get_json() if r["resultaatId"] == result_id)
    download = client.get(f"/download/resultaten.csv?programma={SLUG}")
    assert download.status_code == 200
    rows = list(csv.reader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    header = next(r for r in rows if r[:3] == ["Programmalijn", "Project", "Resultaat"])
    col = {name: i for i, name in enumerate(header)}
    csv_value = next(r[col["Gerealiseerd"]] for r in rows if len(r) == len(header) and r[col["Resultaat"]] ==
                     result_name and r[col["Kwartaal"]] == Q3.label)
    sheet = client.get("/kwartaal/2026-Q3.xlsx")
    assert sheet.status_code == 200
    book = load_workbook(io.BytesIO(sheet.data), read_only=True)
    xlsx = [row for ws in book.worksheets for row in ws.iter_rows(values_only=True) if result_name in row]
    return {"page": page, "api": api, "csv": csv_value, "report": in_report, "xlsx": xlsx}


def nl(value: float) -> str:
    """How the CSV download writes a number (Dutch decimal comma)."""
    return f"{value:g}".replace(".", ",")


def test_a_corrected_measurement_stays_published_everywhere_until_the_correction_is_published(world) -> None:  # noqa: ANN001
    url, server = world
    who = people(url)
    mid, rid, name, old = published_q3(url, 0)
    new = old + 7  # a count takes whole numbers
    before = public_values(url, server, rid, name)
    assert (before["page"], before["api"], before["csv"], before["report"]) == (old, old, nl(old), old)
    assert any(old in row for row in before["xlsx"])

    with session_scope(url) as s:
        version = ed.get_item(s, who["editor"], "meting", mid).version
        ref = ed.update_measurement(s, who["editor"], mid, version, {"realised": new})
    assert (ref.state, ref.revision) == (C, True)
    for state in (C, S, A):
        shown = public_values(url, server, rid, name)
        assert (shown["page"], shown["api"], shown["csv"], shown["report"]) == (old, old, nl(old), old), state
        assert any(old in row for row in shown["xlsx"]) and not any(new in row for row in shown["xlsx"]), state
        with session_scope(url) as s:
            item = ed.get_item(s, who["editor"], "meting", mid)  # the editor sees the revision
            assert (item.state, item.values["realised"], item.published["realised"]) == (state, new, old)
            lines = [(it.state, it.revision, it.pending) for it in ed.editable_items(s, who["editor"], SLUG)
                     if it.kind is ItemKind.MEASUREMENT and it.id == mid]
            assert lines == [(P, False, state), (state, True, None)]  # the work list: published + new version
            if state is C:
                ref = ed.transition(s, who["editor"], "meting", mid, S, item.version)
            elif state is S:
                ref = ed.transition(s, who["approver"], "meting", mid, A, item.version)
    with session_scope(url) as s:
        ref = ed.transition(s, who["approver"], "meting", mid, P, ref.version)
    assert (ref.state, ref.revision) == (P, False)

    after = public_values(url, server, rid, name)
    assert (after["page"], after["api"], after["csv"], after["report"]) == (new, new, nl(new), new)
    assert any(new in row for row in after["xlsx"])
    with session_scope(url) as s:
        assert s.scalar(select(func.count()).select_from(Revision).where(Revision.item_id == mid)) == 0
        assert old in s.scalars(select(MeasurementHistory.realised).where(MeasurementHistory.measurement_id == mid))
        trail = ed.audit_trail(s, who["editor"], "meting", mid)
        item = ed.get_item(s, who["editor"], "meting", mid)
    assert (item.state, item.published, item.version) == (P, None, ref.version)
    assert [(e.action, e.user_name) for e in trail if e.field == "workflow_state"] == [
        (AuditAction.REVISION_OPENED, "Redacteur"), (AuditAction.SUBMITTED, "Redacteur"),
        (AuditAction.APPROVED, "Goedkeurder"), (AuditAction.PUBLISHED, "Goedkeurder")]
    assert [(e.old, e.new) for e in trail if e.field == "realised"] == [(f"{old:g}", f"{new:g}")]


def test_the_workflow_rules_hold_for_a_revision(world) -> None:  # noqa: ANN001
    url, server = world
    who = people(url)
    mid, rid, name, old = published_q3(url, 1)
    with session_scope(url) as s:
        start = ed.get_item(s, who["both"], "meting", mid).version
        # no value and no toelichting: the form allows it for 'onbekend', publication does not
        ref = ed.update_measurement(s, who["both"], mid, start, {"realised": None, "status": "onbekend",
                                                                 "explanation": ""})
    with session_scope(url) as s:  # compare-and-set: a second editor who started from the published version
        with pytest.raises(ed.Conflict) as lost:
            ed.update_measurement(s, who["editor"], mid, start, {"realised": old + 1})
        assert lost.value.theirs["realised"] is None and lost.value.their_version == ref.version
        assert "gewijzigd door" in lost.value.message
    with session_scope(url) as s:
        ref = ed.transition(s, who["both"], "meting", mid, S, ref.version)
        with pytest.raises(ed.NotAllowed):  # four eyes: the one who changed it does not approve it
            ed.transition(s, who["both"], "meting", mid, A, ref.version, four_eyes=True)
        ref = ed.transition(s, who["approver"], "meting", mid, A, ref.version)
        with pytest.raises(ed.Invalid) as check:  # publication checks on the revision's values
            ed.transition(s, who["approver"], "meting", mid, P, ref.version)
        assert "realised" in check.value.errors
        with pytest.raises(ed.Invalid):  # back to concept needs a reason
            ed.transition(s, who["approver"], "meting", mid, C, ref.version)
        ref = ed.transition(s, who["approver"], "meting", mid, C, ref.version, reason="Vul het getal in")
    assert (ref.state, ref.revision) == (C, True)
    assert public_values(url, server, rid, name)["page"] == old  # still the published value for the raad
    with session_scope(url) as s:
        steps = [(e.action, e.reason) for e in ed.audit_trail(s, who["editor"], "meting", mid)][-1]
        assert steps == (AuditAction.BACK_TO_CONCEPT, "Vul het getal in")


def test_a_revision_can_be_withdrawn_back_to_the_published_values(world) -> None:  # noqa: ANN001
    url, server = world
    who = people(url)
    mid, rid, name, old = published_q3(url, 2)
    with session_scope(url) as s:
        start = ed.get_item(s, who["editor"], "meting", mid).version
        ref = ed.update_measurement(s, who["editor"], mid, start, {"realised": old + 3})
        ref = ed.transition(s, who["editor"], "meting", mid, S, ref.version)
    with session_scope(url) as s:
        with pytest.raises(ed.Conflict):  # a stale page cannot withdraw it
            ed.withdraw(s, who["editor"], "meting", mid, start)
        with pytest.raises(ed.NotAllowed):  # nor can someone without a role in the programme
            ed.withdraw(s, Actor(9, "Kijker", frozenset({Grant(Role.VIEWER)})), "meting", mid, ref.version)
        done = ed.withdraw(s, who["approver"], "meting", mid, ref.version, "Verkeerd kwartaal")
    assert (done.state, done.revision) == (P, False) and done.version == ref.version + 1
    with session_scope(url) as s:
        item = ed.get_item(s, who["editor"], "meting", mid)
        assert (item.state, item.values["realised"], item.published, item.version) == (P, old, None, done.version)
        last = ed.audit_trail(s, who["editor"], "meting", mid)[-1]
        assert (last.action, last.old, last.new, last.reason) == (AuditAction.REVISION_WITHDRAWN, "ingediend",
                                                                  "gepubliceerd", "Verkeerd kwartaal")
        with pytest.raises(ed.Invalid):  # nothing left to withdraw
            ed.withdraw(s, who["editor"], "meting", mid, done.version)
        # editing again starts a new revision from the published values
        again = ed.update_measurement(s, who["editor"], mid, done.version, {"explanation": "Opnieuw bekeken"})
        assert (again.revision, again.version) == (True, done.version + 1)
        assert ed.get_item(s, who["editor"], "meting", mid).values["realised"] == old
    assert public_values(url, server, rid, name)["page"] == old


def _shown(url: str, kind: ItemKind, item_id: int) -> set[str]:
    """The texts the raad reads where an item of each kind is shown, through the public read models."""
    with session_scope(url) as s:
        if kind is ItemKind.STORY:
            detail = story_detail(s, item_id)
            return {detail.title} if detail else set()
        if kind is ItemKind.INDICATOR_NOTE:
            note = s.get(IndicatorNote, item_id)
            by_period = notes_by_indicator(s, [note.indicator_id]).get(note.indicator_id, {})
            return {n.text for n in by_period.get(note.period, [])}
        view = programme_view(s, SLUG)
        if kind is ItemKind.PROJECT:
            return {r.project_name for r in view.results}
        if kind is ItemKind.RESULT:
            return {r.name for r in view.results if r.id == item_id}
        measurement = s.get(Measurement, s.get(MeasurementNote, item_id).measurement_id)
        return {n.text for r in view.results if r.id == measurement.result_id for m in r.measurements
                if m.period == measurement.period for n in m.notes}


MODELS = {ItemKind.PROJECT: Project, ItemKind.RESULT: Result, ItemKind.STORY: Story,
          ItemKind.INDICATOR_NOTE: IndicatorNote, ItemKind.MEASUREMENT_NOTE: MeasurementNote}
FIELD = {ItemKind.PROJECT: "name", ItemKind.RESULT: "name", ItemKind.STORY: "title"}
UPDATE = {ItemKind.PROJECT: ed.update_project, ItemKind.RESULT: ed.update_result, ItemKind.STORY: ed.update_story,
          ItemKind.INDICATOR_NOTE: ed.update_indicator_note, ItemKind.MEASUREMENT_NOTE: ed.update_measurement_note}


def _published_item(url: str, kind: ItemKind, who: dict[str, Actor]) -> int:
    """A published item of this kind that no other test of the module changes."""
    mid, rid, *_ = published_q3(url, 3)
    with session_scope(url) as s:
        if kind is ItemKind.MEASUREMENT_NOTE:  # the demo has none: one is made and published first
            ref = ed.create_measurement_note(s, who["both"], mid, {"text": "Eerste toelichting",
                                                                   "note_date": "2026-10-01"})
            for step, actor in ((S, "both"), (A, "approver"), (P, "approver")):
                ref = ed.transition(s, who[actor], kind, ref.id, step, ref.version)
            return ref.id
        if kind is ItemKind.PROJECT:
            return s.get(Result, rid).project_id
        if kind is ItemKind.RESULT:
            return published_q3(url, 4)[1]
        stmt = select(MODELS[kind].id).where(MODELS[kind].workflow_state == P).order_by(MODELS[kind].id)
        if kind is ItemKind.STORY:
            stmt = stmt.join(Programme).where(Programme.slug == SLUG)
        return s.scalars(stmt).first()


@pytest.mark.parametrize("kind", list(MODELS), ids=lambda k: k.value)
def test_every_kind_of_item_stays_published_while_it_is_corrected(world, kind: ItemKind) -> None:  # noqa: ANN001
    url, _ = world
    who = people(url)
    admin = Actor(104, "Beheerder", frozenset({Grant(Role.ADMIN)}))
    item_id = _published_item(url, kind, who)
    field = FIELD.get(kind, "text")
    with session_scope(url) as s:
        old = getattr(s.get(MODELS[kind], item_id), field)
        ref = UPDATE[kind](s, admin, item_id, ed.get_item(s, admin, kind, item_id).version,
                           {field: f"{old} (gecorrigeerd)"})
    assert ref.revision
    for step in (S, A):
        shown = _shown(url, kind, item_id)
        assert old in shown and f"{old} (gecorrigeerd)" not in shown, step
        with session_scope(url) as s:
            ref = ed.transition(s, admin, kind, item_id, step, ref.version, four_eyes=False)
    assert old in _shown(url, kind, item_id)
    with session_scope(url) as s:
        ed.transition(s, admin, kind, item_id, P, ref.version)
    shown = _shown(url, kind, item_id)
    assert f"{old} (gecorrigeerd)" in shown and old not in shown


def test_reloading_the_demo_drops_the_revisions_of_the_items_it_replaces(db_url: str) -> None:
    """Replacing a programme deletes its items; their revisions go too, so an id handed out again (SQLite reuses
    them) never finds an old revision."""
    load_demo(db_url)
    admin = Actor(104, "Beheerder", frozenset({Grant(Role.ADMIN)}))
    with session_scope(db_url) as s:
        story = s.scalars(select(Story).where(Story.workflow_state == P).order_by(Story.id)).first()
        ed.update_story(s, admin, story.id, story.version, {"title": "Een nieuwe titel"})
        assert s.scalar(select(func.count()).select_from(Revision)) == 1
    load_demo(db_url)
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(Revision)) == 0
        assert all(ed.get_item(s, admin, "verhaal", sid).published is None for sid in s.scalars(select(Story.id)))

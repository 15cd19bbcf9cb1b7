"""A results file load goes through the write service (issue 13, item 4), on SQLite and PostgreSQL.

`python -m etl load-table <resultaten> --door NAME` creates and changes measurements with the same functions as the
edit forms: new quarters and changed concepts in concept, a change to a published measurement as a new version
beside it (the raad keeps the published value), every change in the audit trail under the door's name with file,
line and load. A row that would change a measurement under review (ingediend or goedgekeurd, itself or its new
version) refuses the whole load with its row number in the Dutch report – nothing loaded, exit 1 – and every load,
done or refused, results or figures, leaves an audit entry of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from editing_support import World, actors, build_world
from etl_support import snapshot
from sqlalchemy import select

from db import write as ed
from db.models import AuditEntry, DataLoad, Measurement, MeasurementHistory
from db.read.programmes import programme_view
from db.session import session_scope
from indicators.enums import AuditAction, AuditSubject, WorkflowState
from indicators.periods import Period

C, S, A, P = WorkflowState.CONCEPT, WorkflowState.SUBMITTED, WorkflowState.APPROVED, WorkflowState.PUBLISHED
HEADER = "project;resultaat;periode;streefwaarde;gerealiseerd;toelichting;status\n"


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[str, World]]:
    """The editing tests' small world (two programmes, each with a published project, result, 2026-Q2 measurement
    and story), committed."""
    with session_scope(db_url) as s:
        world = build_world(s)
    yield db_url, world


def _file(tmp_path: Path, name: str, *rows: str) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(f"{r}\n" for r in rows), encoding="utf-8")
    return path


def _measurement(url: str, result_id: int, quarter: Period) -> Measurement | None:
    with session_scope(url) as s:
        return s.scalar(select(Measurement).where(Measurement.result_id == result_id,
                                                  Measurement.period_start == quarter.start))


def _load_entries(url: str) -> list[AuditEntry]:
    with session_scope(url) as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.item_kind == AuditSubject.LOAD)
                              .order_by(AuditEntry.id)))


def _under_review(url: str, world: World) -> None:
    """Programme A's published 2026-Q2 measurement gets a new version that is submitted; a new 2026-Q3 measurement
    is approved."""
    people = actors(world)
    with session_scope(url) as s:
        ref = ed.update_measurement(s, people["editor_a"], world.measurement_a, 1, {"realised": 91})
        ed.transition(s, people["editor_a"], "meting", world.measurement_a, S, ref.version)
        new = ed.create_measurement(s, people["editor_a"], world.result_a, {"period": "2026-Q3", "target": 110,
                                                                            "realised": 95, "status": "aandacht",
                                                                            "explanation": "Vakantie"})
        new = ed.transition(s, people["editor_a"], "meting", new.id, S, new.version)
        ed.transition(s, people["approver_a"], "meting", new.id, A, new.version)


def test_a_load_that_touches_a_measurement_under_review_is_refused_with_its_row_numbers(small, tmp_path: Path,
                                                                                        run_etl) -> None:  # noqa: ANN001
    url, world = small
    _under_review(url, world)
    path = _file(tmp_path, "resultaten-q.csv",
                 "Buurtkamers A;Bezoekers A;2026-Q4;120;100;Nieuw kwartaal;op koers",  # fine on its own
                 "Buurtkamers A;Bezoekers A;2026-Q2;100;93;Andere telling;aandacht",  # its new version: ingediend
                 "Buurtkamers A;Bezoekers A;2026-Q3;110;96;Andere telling;aandacht",  # goedgekeurd
                 "Buurtkamers B;Bezoekers B;2026-Q2;100;90;Zomer;aandacht")  # the same values: untouched
    before = snapshot(url)
    refused = run_etl(url, "load-table", path, "--quiet", "--door", "Team Sociaal")
    assert refused.code == 1 and "Traceback" not in refused.err
    assert "resultaten-q.csv;3;periode;2026-Q2;De meting van 2026-Q2 is ingediend" in refused.err
    assert "resultaten-q.csv;4;periode;2026-Q3;De meting van 2026-Q3 is goedgekeurd" in refused.err
    assert ";5;" not in refused.err and ";2;" not in refused.err
    assert "Geweigerd: 2 fout(en) gevonden; er is niets gewijzigd in de database." in refused.err
    assert snapshot(url) == before  # nothing loaded: not even the fine row
    with session_scope(url) as s:
        log = s.scalars(select(DataLoad).order_by(DataLoad.id)).all()[-1]
        assert (log.status, log.kind, log.rows_rejected) == ("geweigerd", "resultaten", 2)
    entry = _load_entries(url)[-1]
    assert (entry.action, entry.user_name, entry.user_id, entry.item_id, entry.new) == (
        AuditAction.LOAD_REFUSED, "Team Sociaal", None, log.id, "resultaten-q.csv")
    assert "resultaten-q.csv, regel 3, kolom 'periode'" in entry.reason
    assert "resultaten-q.csv, regel 4, kolom 'periode'" in entry.reason

    # --skip-invalid: the other rows load, the refused ones go to the rejected file with their row numbers
    rejected = tmp_path / "afgekeurd.csv"
    done = run_etl(url, "load-table", path, "--quiet", "--skip-invalid", "--rejected", rejected)
    assert done.code == 0, done.err
    assert "1 nieuw, 0 gewijzigd, 1 ongewijzigd" in done.out
    assert [line.split(";")[1] for line in rejected.read_text(encoding="utf-8").splitlines()[1:]] == ["3", "4"]
    with session_scope(url) as s:
        q2 = ed.get_item(s, actors(world)["admin"], "meting", world.measurement_a)
        assert (q2.state, q2.values["realised"], q2.published["realised"]) == (S, 91, 90)  # untouched
    assert _measurement(url, world.result_a, Period.quarter(2026, 4)).workflow_state == C


def test_a_load_goes_through_the_write_service_and_the_audit_trail(small, tmp_path: Path, run_etl) -> None:  # noqa: ANN001
    url, world = small
    people = actors(world)
    with session_scope(url) as s:  # a concept of 2026-Q3, entered in the form
        concept = ed.create_measurement(s, people["editor_a"], world.result_a, {
            "period": "2026-Q3", "target": 110, "realised": 95, "explanation": "Eerste telling"})
    path = _file(tmp_path, "resultaten.csv",
                 "Buurtkamers A;Bezoekers A;2026-Q4;120;100;Nieuw kwartaal;op koers",  # new
                 "Buurtkamers A;Bezoekers A;2026-Q2;100;92;Nageteld;aandacht",  # published: a new version
                 "Buurtkamers A;Bezoekers A;2026-Q3;110;97;Nageteld;aandacht",  # concept: changed in place
                 "Buurtkamers B;Bezoekers B;2026-Q2;100;90;Zomer;aandacht")  # the same values: untouched
    done = run_etl(url, "load-table", path, "--quiet", "--door", "J. Jansen (Informatie)")
    assert done.code == 0, done.err
    assert "3 metingen geladen (1 nieuw, 2 gewijzigd, 1 ongewijzigd)" in done.out
    assert "Van 1 gepubliceerde meting(en) staat nu een nieuwe versie klaar" in done.out
    with session_scope(url) as s:
        load = s.scalars(select(DataLoad).order_by(DataLoad.id)).all()[-1]
        # the raad still sees the published 2026-Q2 value, and nothing of the concepts
        shown = {(m.period.code, m.realised) for m in programme_view(s, "prog-a").results[0].measurements}
        assert shown == {("2026-Q2", 90.0)}
        q2 = ed.get_item(s, people["admin"], "meting", world.measurement_a)
        assert (q2.state, q2.values["realised"], q2.published["realised"]) == (C, 92, 90)
        q3 = s.get(Measurement, concept.id)
        assert (q3.realised, q3.workflow_state) == (97, C)
        history = s.scalars(select(MeasurementHistory).where(MeasurementHistory.measurement_id == concept.id)).all()
        assert [(h.realised, h.replaced_by_load_id) for h in history] == [(95, load.id)]
        q4 = s.scalar(select(Measurement).where(Measurement.result_id == world.result_a,
                                                Measurement.period_start == Period.quarter(2026, 4).start))
        assert (q4.realised, q4.workflow_state) == (100, C)
        trails = {mid: ed.audit_trail(s, people["admin"], "meting", mid) for mid in (world.measurement_a, concept.id,
                                                                                     q4.id)}
    by_load = {mid: [(e.action, e.field, e.old, e.new, e.reason) for e in trail if e.user_name ==
                     "J. Jansen (Informatie)"] for mid, trail in trails.items()}
    note = "bestand resultaten.csv, regel {line} (lading " + str(load.id) + ")"
    assert by_load[world.measurement_a] == [
        (AuditAction.REVISION_OPENED, "workflow_state", "gepubliceerd", "concept", by_load[world.measurement_a][0][4]),
        (AuditAction.CHANGED, "realised", "90", "92", note.format(line=3)),
        (AuditAction.CHANGED, "explanation", "Zomer", "Nageteld", note.format(line=3))]
    assert by_load[concept.id] == [(AuditAction.CHANGED, "realised", "95", "97", note.format(line=4)),
                                   (AuditAction.CHANGED, "status", "onbekend", "aandacht", note.format(line=4)),
                                   (AuditAction.CHANGED, "explanation", "Eerste telling", "Nageteld",
                                    note.format(line=4))]
    assert {(e[0], e[1], e[3]) for e in by_load[q4.id]} == {
        (AuditAction.CREATED, "period", "2026-Q4"), (AuditAction.CREATED, "target", "120"),
        (AuditAction.CREATED, "realised", "100"), (AuditAction.CREATED, "status", "op_koers"),
        (AuditAction.CREATED, "explanation", "Nieuw kwartaal")}
    assert all(e[4] == note.format(line=2) for e in by_load[q4.id])
    assert all(e.user_id is None for trail in trails.values() for e in trail if e.user_name.startswith("J. Jansen"))
    entry = _load_entries(url)[-1]
    assert (entry.action, entry.item_id, entry.user_name, entry.new.split()[0]) == (
        AuditAction.LOADED, load.id, "J. Jansen (Informatie)", "resultaten.csv")
    assert "1 nieuw, 2 gewijzigd (waarvan 1 als nieuwe versie" in entry.reason

    # the same file again changes nothing, and still leaves its audit entry (default door: opdrachtregel)
    again = run_etl(url, "load-table", path, "--quiet")
    assert again.code == 0 and "0 nieuw, 0 gewijzigd, 4 ongewijzigd" in again.out
    entries = _load_entries(url)
    assert len(entries) == 2 and (entries[-1].action, entries[-1].user_name) == (AuditAction.LOADED, "opdrachtregel")


def test_every_load_leaves_an_audit_entry_figures_too(small, tmp_path: Path, run_etl) -> None:  # noqa: ANN001
    url, _ = small
    figures = tmp_path / "cijfers.csv"
    figures.write_text("indicator;regio;periode;waarde\nind-a;GM0141;2024;14,2\n", encoding="utf-8")
    bad = tmp_path / "kapot.csv"
    bad.write_text("indicator;regio;periode;waarde\nbestaat-niet;GM0141;2024;1\n", encoding="utf-8")
    assert run_etl(url, "load-table", figures, "--quiet", "--door", "CBS-beheer").code == 0
    assert run_etl(url, "load-table", bad, "--quiet").code == 1
    entries = _load_entries(url)
    assert [(e.action, e.user_name, e.new.split()[0]) for e in entries] == [
        (AuditAction.LOADED, "CBS-beheer", "cijfers.csv"), (AuditAction.LOAD_REFUSED, "opdrachtregel", "kapot.csv")]
    assert "1 waarden geladen (1 nieuw" in entries[0].reason and "bestaat-niet" in entries[1].reason

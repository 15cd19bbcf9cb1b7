"""The editing service on SQLite and PostgreSQL: the workflow and every refused step, authorization for each role
on every function (a refused call changes no row), the raad's public reads show published items only, the audit
trail records every field and step and the database refuses to change it, and stale edits get a Conflict."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from editing_support import World, actors, build_world, raw, snapshot, version_of
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from dashboard.downloads import results_table
from db import write as ed
from db.models import AuditEntry, IndicatorNote, Measurement, MeasurementNote, Project, Result, Story
from db.read.programmes import programme_cards, programme_view
from db.read.quarter import build_report
from db.read.search import search
from db.read.stories import story_detail
from db.read.trends import notes_by_indicator
from db.session import session_factory
from indicators.enums import AuditAction, ItemKind, WorkflowState
from indicators.periods import Period

C, S, A, P = (WorkflowState.CONCEPT, WorkflowState.SUBMITTED, WorkflowState.APPROVED, WorkflowState.PUBLISHED)


Factory = Callable[[], Session]


@pytest.fixture
def setup(db_url: str) -> Iterator[tuple[Factory, World]]:
    """A session factory on a fresh database holding the small world (committed)."""
    factory = session_factory(db_url)
    with factory() as session:
        world = build_world(session)
        session.commit()
    yield factory, world


def _concepts(factory: Factory, world: World) -> dict[str, int]:
    """Concept items of programme A made by its editor (committed), plus a submitted and a published story."""
    editor = actors(world)["editor_a"]
    with factory() as s:
        ids = {
            "project": ed.create_project(s, editor, "prog-a", {"line_name": "Lijn A", "name": "Wijkteam"}).id,
            "story": ed.create_story(s, editor, "prog-a", {"kind": "citaat", "title": "Concept",
                                                           "story_date": "2026-06-01"}).id,
            "note": ed.create_indicator_note(s, editor, {"indicator_code": "ind-a", "region_code": "GM0141",
                                                         "period": "2024", "text": "Waarom",
                                                         "note_date": "2025-01-02"}).id,
        }
        ids["result"] = ed.create_result(s, editor, ids["project"], {"name": "Huisbezoeken", "kind": "hoeveel"}).id
        ids["measurement"] = ed.create_measurement(s, editor, ids["result"], {"period": "2026-Q3", "target": 10}).id
        ids["mnote"] = ed.create_measurement_note(s, editor, ids["measurement"], {"text": "Start",
                                                                                  "note_date": "2026-07-01"}).id
        submitted = ed.create_story(s, editor, "prog-a", {"kind": "citaat", "title": "Ingediend", "consent": True,
                                                          "story_date": "2026-06-02"})
        ed.transition(s, editor, "verhaal", submitted.id, S, 1)
        ids["submitted_story"] = submitted.id
        ids["published_story"] = world.story_a  # loaded like the ETL does: published
        s.commit()
    return ids


# --- workflow ----------------------------------------------------------------------------------------------------


def test_workflow_happy_path_and_audit_steps(setup: tuple) -> None:
    factory, world = setup
    people = actors(world)
    with factory() as s:
        ref = ed.create_story(s, people["editor_a"], "prog-a", {
            "kind": "interview", "title": "Mevrouw Jansen", "summary": "Over de buurtkamer", "consent": True,
            "transcript": "Ik kom hier elke week.", "story_date": "2026-06-10", "project_name": "Buurtkamers A"})
        assert ref.state is C and ref.version == 1
        ref = ed.transition(s, people["editor_a"], ItemKind.STORY, ref.id, S, ref.version)
        ref = ed.transition(s, people["approver_a"], ItemKind.STORY, ref.id, A, ref.version)
        ref = ed.transition(s, people["approver_a"], ItemKind.STORY, ref.id, P, ref.version)
        s.commit()
        assert (ref.state, ref.version) == (P, 4)
        trail = ed.audit_trail(s, people["editor_a"], "verhaal", ref.id)
    created = [e for e in trail if e.action is AuditAction.CREATED]
    assert {e.field for e in created} == {"project_name", "kind", "title", "summary", "transcript", "story_date",
                                          "consent"}
    assert all(e.old is None and e.user_name == "Redacteur A" for e in created)
    steps = [(e.action, e.old, e.new, e.user_name) for e in trail if e.field == "workflow_state"]
    assert steps == [(AuditAction.SUBMITTED, "concept", "ingediend", "Redacteur A"),
                     (AuditAction.APPROVED, "ingediend", "goedgekeurd", "Goedkeurder A"),
                     (AuditAction.PUBLISHED, "goedgekeurd", "gepubliceerd", "Goedkeurder A")]
    with factory() as s:
        assert story_detail(s, ref.id) is not None
        # sent back with a reason: gone for the raad, the reason is in the trail
        ed.transition(s, people["approver_a"], "verhaal", ref.id, C, 4, reason="Naam van de buurvrouw staat erin")
        s.commit()
        assert story_detail(s, ref.id) is None
        last = ed.audit_trail(s, people["approver_a"], "verhaal", ref.id)[-1]
        assert (last.action, last.reason) == (AuditAction.BACK_TO_CONCEPT, "Naam van de buurvrouw staat erin")


def test_editor_withdraws_a_submission_without_reason(setup: tuple) -> None:
    factory, world = setup
    ids = _concepts(factory, world)
    with factory() as s:
        ref = ed.transition(s, actors(world)["editor_a"], "verhaal", ids["submitted_story"], C, 2)
        assert ref.state is C


REFUSED = [
    # (start state, target, who, reason, error, field in Invalid.errors)
    (C, A, "approver_a", "", ed.Invalid, "workflow_state"),  # no skipping the submission
    (C, P, "admin", "", ed.Invalid, "workflow_state"),
    (C, C, "admin", "x", ed.Invalid, "workflow_state"),
    (S, P, "approver_a", "", ed.Invalid, "workflow_state"),
    (S, S, "editor_a", "", ed.Invalid, "workflow_state"),
    (P, A, "approver_a", "", ed.Invalid, "workflow_state"),
    (C, S, "approver_a", "", ed.NotAllowed, None),  # an approver alone does not submit
    (S, A, "editor_a", "", ed.NotAllowed, None),  # no approving one's own work as editor
    (A, P, "editor_a", "", ed.NotAllowed, None),
    (P, C, "editor_a", "reden", ed.NotAllowed, None),
    (A, C, "editor_a", "reden", ed.NotAllowed, None),
    (P, C, "approver_a", "", ed.Invalid, "reason"),  # back to concept needs a reason
    (A, C, "approver_a", "  ", ed.Invalid, "reason"),
    (S, C, "approver_a", "", ed.Invalid, "reason"),
    (C, S, "editor_b", "", ed.NotAllowed, None),  # another programme
    (S, A, "viewer", "", ed.NotAllowed, None),
    (C, S, "anonymous", "", ed.NotAllowed, None),
]


def _story_in(s: Session, world: World, state: WorkflowState) -> tuple[int, int]:
    """A story of programme A (with consent) moved to `state` by the admin: (id, version)."""
    admin = actors(world)["admin"]
    ref = ed.create_story(s, admin, "prog-a", {"kind": "citaat", "title": "Stap", "consent": True,
                                               "story_date": "2026-06-03"})
    for step in {C: [], S: [S], A: [S, A], P: [S, A, P]}[state]:
        ref = ed.transition(s, admin, "verhaal", ref.id, step, ref.version, four_eyes=False)  # set-up
    return ref.id, ref.version


@pytest.mark.parametrize(("start", "target", "who", "reason", "error", "field"), REFUSED,
                         ids=[f"{r[0].value}-{r[1].value}-{r[2]}" for r in REFUSED])
def test_refused_transitions_change_nothing(setup: tuple, start: WorkflowState, target: WorkflowState, who: str,
                                            reason: str, error: type, field: str | None) -> None:
    factory, world = setup
    with factory() as s:
        story_id, version = _story_in(s, world, start)
        s.commit()
        before = snapshot(s)
        with pytest.raises(error) as raised:
            ed.transition(s, actors(world)[who], "verhaal", story_id, target, version, reason)
        if field:
            assert field in raised.value.errors
        assert raised.value.message  # a Dutch sentence for the person
        s.commit()
        assert snapshot(s) == before


def test_stale_transition_is_a_conflict(setup: tuple) -> None:
    factory, world = setup
    with factory() as s:
        story_id, version = _story_in(s, world, S)
        s.commit()
        before = snapshot(s)
        with pytest.raises(ed.Conflict) as raised:
            ed.transition(s, actors(world)["approver_a"], "verhaal", story_id, A, version - 1)
        assert raised.value.their_version == version and raised.value.their_state is S
        s.commit()
        assert snapshot(s) == before


def test_publication_checks(setup: tuple, tmp_path: Path) -> None:
    factory, world = setup
    admin = actors(world)["admin"]

    def approved(s: Session, values: dict) -> ed.ItemRef:
        ref = ed.create_story(s, admin, "prog-a", {"title": "Film", "story_date": "2026-06-04", **values})
        ref = ed.transition(s, admin, "verhaal", ref.id, S, ref.version)
        return ed.transition(s, admin, "verhaal", ref.id, A, ref.version, four_eyes=False)  # set-up

    (tmp_path / "buurt.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n", encoding="utf-8")
    with factory() as s:
        no_consent = approved(s, {"kind": "citaat"})
        with pytest.raises(ed.Invalid) as raised:
            ed.transition(s, admin, "verhaal", no_consent.id, P, no_consent.version)
        assert "toestemming" in raised.value.errors["consent"]
        bare_film = approved(s, {"kind": "film", "consent": True, "media_url": "https://youtu.be/abcdefghijk"})
        with pytest.raises(ed.Invalid) as raised:
            ed.transition(s, admin, "verhaal", bare_film.id, P, bare_film.version, media_dir=tmp_path)
        assert "ondertiteling" in raised.value.errors["transcript"]
        interview = approved(s, {"kind": "interview", "consent": True, "media_file": "geen.mp4"})
        with pytest.raises(ed.Invalid):  # an own video whose captions file is missing
            ed.transition(s, admin, "verhaal", interview.id, P, interview.version, media_dir=tmp_path)
        captioned = approved(s, {"kind": "film", "consent": True, "media_file": "buurt.mp4"})
        assert ed.transition(s, admin, "verhaal", captioned.id, P, captioned.version, media_dir=tmp_path).state is P
        transcribed = approved(s, {"kind": "interview", "consent": True, "transcript": "Vraag en antwoord"})
        assert ed.transition(s, admin, "verhaal", transcribed.id, P, transcribed.version).state is P

        m = ed.create_measurement(s, admin, world.result_a, {"period": "2026-Q3", "target": 100})
        m = ed.transition(s, admin, "meting", m.id, A, ed.transition(s, admin, "meting", m.id, S, 1).version,
                          four_eyes=False)
        with pytest.raises(ed.Invalid) as raised:
            ed.transition(s, admin, "meting", m.id, P, m.version)
        assert "gerealiseerde waarde" in raised.value.errors["realised"]
        m = ed.update_measurement(s, admin, m.id, m.version, {"explanation": "Cijfers komen in oktober"})
        assert m.state is C  # a change sends it back: submit and approve again
        m = ed.transition(s, admin, "meting", m.id, S, m.version)
        m = ed.transition(s, admin, "meting", m.id, A, m.version, four_eyes=False)
        assert ed.transition(s, admin, "meting", m.id, P, m.version).state is P


# --- authorization -----------------------------------------------------------------------------------------------

WRITES: dict[str, tuple[Callable[[Session, object, World, dict], object], set[str]]] = {
    "create_project": (lambda s, a, w, i: ed.create_project(s, a, "prog-a", {"line_name": "Lijn A", "name": "N"}),
                       {"editor_a", "admin"}),
    "update_project": (lambda s, a, w, i: ed.update_project(s, a, i["project"], version_of(s, Project, i["project"]),
                                                            {"name": "Anders"}), {"editor_a", "admin"}),
    "create_result": (lambda s, a, w, i: ed.create_result(s, a, i["project"], {"name": "R", "kind": "beter_af"}),
                      {"editor_a", "admin"}),
    "update_result": (lambda s, a, w, i: ed.update_result(s, a, i["result"], version_of(s, Result, i["result"]),
                                                          {"unit": "mensen"}), {"editor_a", "admin"}),
    "create_measurement": (lambda s, a, w, i: ed.create_measurement(s, a, i["result"], {"period": "2026-Q4"}),
                           {"editor_a", "admin"}),
    "update_measurement": (lambda s, a, w, i: ed.update_measurement(
        s, a, i["measurement"], version_of(s, Measurement, i["measurement"]), {"realised": 3}), {"editor_a", "admin"}),
    "save_quarter": (lambda s, a, w, i: ed.save_quarter(s, a, "prog-a", "2026-Q4", [
        {"result_id": w.result_a, "expected_version": None, "target": 5}]), {"editor_a", "admin"}),
    "create_story": (lambda s, a, w, i: ed.create_story(s, a, "prog-a", {"kind": "citaat", "title": "T",
                                                                          "story_date": "2026-01-01"}),
                     {"editor_a", "admin"}),
    "update_story": (lambda s, a, w, i: ed.update_story(s, a, i["story"], version_of(s, Story, i["story"]),
                                                        {"summary": "Nieuw"}), {"editor_a", "admin"}),
    "create_indicator_note": (lambda s, a, w, i: ed.create_indicator_note(s, a, {
        "indicator_code": "ind-a", "region_code": "GM0141", "period": "2023", "text": "T",
        "note_date": "2024-01-01"}), {"editor_a", "admin"}),
    "update_indicator_note": (lambda s, a, w, i: ed.update_indicator_note(
        s, a, i["note"], version_of(s, IndicatorNote, i["note"]), {"text": "Anders"}), {"editor_a", "admin"}),
    "create_measurement_note": (lambda s, a, w, i: ed.create_measurement_note(s, a, i["measurement"], {
        "text": "T", "note_date": "2026-08-01"}), {"editor_a", "admin"}),
    "update_measurement_note": (lambda s, a, w, i: ed.update_measurement_note(
        s, a, i["mnote"], version_of(s, MeasurementNote, i["mnote"]), {"text": "Anders"}), {"editor_a", "admin"}),
    "submit": (lambda s, a, w, i: ed.transition(s, a, "project", i["project"], S,
                                                version_of(s, Project, i["project"])), {"editor_a", "admin"}),
    "approve": (lambda s, a, w, i: ed.transition(s, a, "verhaal", i["submitted_story"], A,
                                                 version_of(s, Story, i["submitted_story"])),
                {"approver_a", "admin"}),
    "send_back": (lambda s, a, w, i: ed.transition(s, a, "verhaal", i["published_story"], C,
                                                   version_of(s, Story, i["published_story"]), "Onjuist"),
                  {"approver_a", "admin"}),
}
READS: dict[str, tuple[Callable[[Session, object, World, dict], object], set[str]]] = {
    "audit_trail": (lambda s, a, w, i: ed.audit_trail(s, a, "project", i["project"]),
                    {"editor_a", "approver_a", "admin"}),
    "get_item": (lambda s, a, w, i: ed.get_item(s, a, "meting", i["measurement"]),
                 {"editor_a", "approver_a", "admin"}),
}
PEOPLE = ["anonymous", "viewer", "editor_a", "editor_b", "approver_a", "admin"]


def test_authorization_of_every_function_for_every_role(setup: tuple) -> None:
    """Each write function × each kind of person: only the allowed cells succeed, a refused one changes no row."""
    factory, world = setup
    ids = _concepts(factory, world)
    people = actors(world)
    outcome: dict[tuple[str, str], str] = {}
    for name, (call, allowed_for) in {**WRITES, **READS}.items():
        for who in PEOPLE:
            with factory() as s:
                before = snapshot(s)
                try:
                    call(s, people[who], world, ids)
                    outcome[(name, who)] = "ok"
                except ed.NotAllowed:
                    outcome[(name, who)] = "refused"
                    s.commit()  # whatever a refused call might have left in the session
                    assert snapshot(s) == before, f"{name} by {who} was refused but changed the database"
                finally:
                    s.rollback()
            expected = "ok" if who in allowed_for else "refused"
            assert outcome[(name, who)] == expected, f"{name} by {who}"
    with factory() as s:
        assert ed.editable_items(s, people["anonymous"]) == []
        assert ed.editable_items(s, people["viewer"]) == []
        mine = ed.editable_items(s, people["editor_a"])
        assert mine and all(world.programme_a in item.programme_ids for item in mine)
        assert {i.kind for i in mine} == set(ItemKind)
        assert not any(world.programme_b in item.programme_ids for item in mine)
        theirs = ed.editable_items(s, people["editor_b"])
        assert theirs and all(world.programme_b in item.programme_ids for item in theirs)
        approver_view = {(i.kind, i.id): i for i in ed.editable_items(s, people["approver_a"])}
        assert not any(i.can_edit for i in approver_view.values())
        assert approver_view[(ItemKind.STORY, ids["submitted_story"])].transitions == (A, C)
        assert {(i.kind, i.id) for i in ed.editable_items(s, people["admin"])} >= set(approver_view)


# --- the raad sees published items only --------------------------------------------------------------------------


def test_unpublished_items_are_invisible_to_public_reads(setup: tuple) -> None:
    factory, world = setup
    ids = _concepts(factory, world)
    admin = actors(world)["admin"]
    with factory() as s:
        # a concept quarter on the published result and a concept story explaining it
        ed.create_measurement(s, admin, world.result_a, {"period": "2026-Q3", "target": 120, "realised": 130})
        hidden_story = ed.create_story(s, admin, "prog-a", {"kind": "citaat", "title": "Geheim wijkteamverhaal",
                                                            "story_date": "2026-07-15", "consent": True,
                                                            "project_name": "Buurtkamers A",
                                                            "result_name": "Bezoekers A"}).id
        s.commit()

        view = programme_view(s, "prog-a")
        assert [r.name for r in view.results] == ["Bezoekers A"]
        assert [m.period.code for m in view.results[0].measurements] == ["2026-Q2"]
        assert [st.title for st in view.results[0].stories] == ["Verhaal A"]
        assert [st.title for st in view.stories] == ["Verhaal A"]
        card = next(c for c in programme_cards(s) if c.slug == "prog-a")
        assert (card.result_count, card.story_count) == (1, 1)
        assert [st.title for st in card.newest_stories] == ["Verhaal A"]
        for word in ("wijkteam", "huisbezoeken", "concept", "ingediend"):
            assert search(s, word) == [], word
        assert [h.title for h in search(s, "buurtkamers")] == ["Buurtkamers A", "Buurtkamers B"]
        assert story_detail(s, hidden_story) is None
        assert story_detail(s, ids["submitted_story"]) is None
        assert story_detail(s, hidden_story, lambda pid: pid == world.programme_a).title == "Geheim wijkteamverhaal"
        assert story_detail(s, hidden_story, lambda pid: pid == world.programme_b) is None
        assert notes_by_indicator(s, [_indicator_id(s, "ind-a")]) == {}
        table = results_table(s, {"programma": "prog-a"})
        assert [(row[2], row[5]) for row in table.rows] == [("Bezoekers A", "2e kwartaal 2026")]
        report = build_report(s, Period.quarter(2026, 3))
        programme = next(p for p in report.programmes if p.slug == "prog-a")
        assert [r.name for r in programme.results] == ["Bezoekers A"]
        assert programme.results[0].current is None
        assert programme.stories == []

        # published, the same items appear
        for kind, item_id in [("project", ids["project"]), ("resultaat", ids["result"]), ("verhaal", hidden_story),
                              ("toelichting", ids["note"])]:
            _publish(s, admin, kind, item_id)
        s.commit()
        assert [r.name for r in programme_view(s, "prog-a").results] == ["Bezoekers A", "Huisbezoeken"]
        assert story_detail(s, hidden_story) is not None
        assert search(s, "wijkteam")
        assert notes_by_indicator(s, [_indicator_id(s, "ind-a")])


def _publish(s: Session, actor: object, kind: str, item_id: int) -> None:
    ref = ed.get_item(s, actor, kind, item_id)
    version = ref.version
    for step in (S, A, P):
        version = ed.transition(s, actor, kind, item_id, step, version, four_eyes=False).version  # set-up


def _indicator_id(s: Session, code: str) -> int:
    from db.models import Indicator

    return s.scalar(select(Indicator.id).where(Indicator.code == code))


def test_changing_a_published_item_takes_it_back_to_concept(setup: tuple) -> None:
    factory, world = setup
    editor = actors(world)["editor_a"]
    with factory() as s:
        ref = ed.update_measurement(s, editor, world.measurement_a, 1, {"realised": 95, "status": "op_koers"})
        s.commit()
        assert (ref.state, ref.version) == (C, 2)
        assert programme_view(s, "prog-a").results[0].measurements == []
        trail = ed.audit_trail(s, editor, "meting", world.measurement_a)
    assert [(e.action, e.field, e.old, e.new) for e in trail] == [
        (AuditAction.CHANGED, "realised", "90", "95"), (AuditAction.CHANGED, "status", "aandacht", "op_koers"),
        (AuditAction.BACK_TO_CONCEPT, "workflow_state", "gepubliceerd", "concept")]
    assert "opnieuw" in trail[-1].reason


# --- audit trail -------------------------------------------------------------------------------------------------


def test_one_audit_entry_per_changed_field_and_none_for_no_change(setup: tuple) -> None:
    factory, world = setup
    ids = _concepts(factory, world)
    editor = actors(world)["editor_a"]
    with factory() as s:
        count = len(ed.audit_trail(s, editor, "project", ids["project"]))
        ref = ed.update_project(s, editor, ids["project"], 1, {
            "name": "Wijkteam Noord", "partners": ["Welzijn", "GGD"], "start_date": "2026-01-01",
            "description": ""})  # the description was empty already
        assert ref.version == 2
        same = ed.update_project(s, editor, ids["project"], 2, {"name": "Wijkteam Noord"})
        assert same.version == 2  # nothing changed: no write, no entry
        s.commit()
        trail = ed.audit_trail(s, editor, "project", ids["project"])[count:]
    assert [(e.field, e.old, e.new) for e in trail] == [
        ("name", "Wijkteam", "Wijkteam Noord"), ("partners", "", "Welzijn; GGD"), ("start_date", None, "2026-01-01")]
    assert all(e.action is AuditAction.CHANGED and e.user_id == 2 for e in trail)


def test_database_refuses_to_change_the_audit_trail(setup: tuple) -> None:
    factory, world = setup
    _concepts(factory, world)
    for sql in ("UPDATE audit_entry SET new = 'vervalst'", "DELETE FROM audit_entry",
                "UPDATE audit_entry SET reason = '' WHERE id = 1"):
        with factory() as s:
            before = snapshot(s)["audit_entry"]
            assert before
            with pytest.raises(DBAPIError, match="auditlogboek"):
                raw(s, sql)
                s.commit()
            s.rollback()
            assert snapshot(s)["audit_entry"] == before
    with factory() as s:  # and the ORM refuses before the database has to
        entry = s.scalars(select(AuditEntry).limit(1)).one()
        entry.new = "vervalst"
        with pytest.raises(PermissionError):
            s.flush()
    assert not hasattr(ed, "update_audit_entry") and not hasattr(ed, "delete_audit_entry")


# --- validation and conflicts ------------------------------------------------------------------------------------


def test_validation_gives_dutch_messages_per_field_and_writes_nothing(setup: tuple) -> None:
    factory, world = setup
    editor = actors(world)["editor_a"]
    cases = [
        (lambda s: ed.create_result(s, editor, world.project_a, {"name": " ", "kind": "veel", "decimals": 9}),
         {"name": "Vul dit veld in.", "kind": "Kies een van: 'hoeveel', 'hoe_goed' of 'beter_af'.",
          "decimals": "Kies hoogstens 6."}),
        (lambda s: ed.create_project(s, editor, "prog-a", {"line_name": "Lijn Z", "name": "X"}),
         {"line_name": "Programmalijn ‘Lijn Z’ bestaat niet in dit programma."}),
        (lambda s: ed.create_story(s, editor, "prog-a", {"kind": "film", "title": "X", "story_date": "gisteren",
                                                         "media_url": "http://voorbeeld.nl/film"}),
         {"story_date": "Vul een geldige datum in (jjjj-mm-dd).", "media_url": "Een link moet met https:// beginnen."}),
        (lambda s: ed.create_measurement(s, editor, world.result_a, {"period": "2026", "realised": "veel"}),
         {"realised": "Vul een getal in."}),
        (lambda s: ed.create_measurement(s, editor, world.result_a, {"period": "2026"}),
         {"period": "Kies een kwartaal, bijvoorbeeld 2026-Q3."}),
        (lambda s: ed.update_measurement(s, editor, world.measurement_a, 1, {"period": "2026-Q1"}),
         {"period": "Dit kan na het aanmaken niet meer worden gewijzigd."}),
        (lambda s: ed.update_story(s, editor, world.story_a, 1, {"programme_slug": "prog-b"}),
         {"programme_slug": "Dit veld bestaat niet bij dit soort item."}),
    ]
    for call, errors in cases:
        with factory() as s:
            before = snapshot(s)
            with pytest.raises(ed.Invalid) as raised:
                call(s)
            assert raised.value.errors == errors
            s.commit()
            assert snapshot(s) == before
    with factory() as s:  # Dutch numbers from a text field are numbers
        ref = ed.create_measurement(s, editor, world.result_a, {"period": "2026-Q3", "realised": "1.234,5"})
        assert ed.get_item(s, editor, "meting", ref.id).values["realised"] == 1234.5


def test_second_editor_gets_a_conflict_with_both_versions(setup: tuple) -> None:
    factory, world = setup
    people = actors(world)
    with factory() as first, factory() as second:
        seen = ed.get_item(second, people["admin"], "meting", world.measurement_a)
        ed.update_measurement(first, people["editor_a"], world.measurement_a, seen.version, {"realised": 91})
        first.commit()
        before = snapshot(second)
        with pytest.raises(ed.Conflict) as raised:
            ed.update_measurement(second, people["admin"], world.measurement_a, seen.version,
                                  {"realised": 92, "explanation": "Najaar"})
        conflict = raised.value
        assert (conflict.expected_version, conflict.their_version, conflict.their_author) == (1, 2, "Redacteur A")
        assert (conflict.mine["realised"], conflict.mine["explanation"]) == (92, "Najaar")
        assert (conflict.theirs["realised"], conflict.theirs["explanation"]) == (91, "Zomer")
        assert "Redacteur A" in conflict.message and "versie 2" in conflict.message
        second.commit()
        assert snapshot(second) == before


def test_save_quarter_is_all_or_nothing_with_errors_per_row(setup: tuple) -> None:
    factory, world = setup
    people = actors(world)
    admin, editor = people["admin"], people["editor_a"]
    with factory() as s:
        extra = ed.create_result(s, admin, world.project_a, {"name": "Vrijwilligers", "kind": "hoeveel"}).id
        s.commit()
        before = snapshot(s)
        with pytest.raises(ed.BulkRefused) as raised:
            ed.save_quarter(s, editor, "prog-a", "2026-Q2", [
                {"result_id": world.result_a, "expected_version": 1, "realised": 99},  # fine on its own
                {"result_id": extra, "expected_version": None, "realised": "veel"},
                {"result_id": world.result_b, "expected_version": None, "realised": 1},  # other programme
                {"result_id": world.result_a, "expected_version": 1, "realised": 98},  # twice
            ])
        rows = raised.value.rows
        assert sorted(rows) == [1, 2, 3]
        assert rows[1].errors == {"realised": "Vul een getal in."}
        assert "hoort niet bij dit programma" in rows[2].errors["result_id"]
        assert "regel 1" in rows[3].errors["result_id"]
        s.commit()
        assert snapshot(s) == before

        # a stale row refuses the whole grid too
        ed.update_measurement(s, admin, world.measurement_a, 1, {"realised": 80})
        s.commit()
        before = snapshot(s)
        with pytest.raises(ed.BulkRefused) as raised:
            ed.save_quarter(s, editor, "prog-a", "2026-Q2", [
                {"result_id": extra, "expected_version": None, "realised": 5},
                {"result_id": world.result_a, "expected_version": 1, "realised": 99}])
        assert isinstance(raised.value.rows[1], ed.Conflict) and raised.value.rows[1].theirs["realised"] == 80
        s.commit()
        assert snapshot(s) == before

        refs = ed.save_quarter(s, editor, "prog-a", "2026-Q2", [
            {"result_id": extra, "expected_version": None, "target": 10, "realised": 5, "status": "op_koers"},
            {"result_id": world.result_a, "expected_version": 2, "realised": 99}])
        s.commit()
        assert [(r.version, r.state) for r in refs] == [(1, C), (3, C)]
        assert s.get(Measurement, world.measurement_a).realised == 99
        assert ed.get_item(s, editor, "meting", refs[0].id).values == {
            "period": "2026-Q2", "target": 10, "realised": 5, "status": "op_koers", "explanation": ""}


def test_story_page_is_not_found_for_an_unpublished_story_unless_the_visitor_may_read_it(setup: tuple) -> None:
    """/verhaal/<id>: the raad and other programmes' editors get the 'not found' page; the programme's own editor
    sees the concept with a notice."""
    import time

    from flask import Flask, session

    from dashboard import texts
    from dashboard.auth import SESSION_AT, SESSION_USER, SESSION_VERSION
    from dashboard.data import CONFIG_KEY
    from dashboard.pages import story
    from db.accounts import create_user, grant_role

    factory, world = setup
    with factory() as s:
        concept = ed.create_story(s, actors(world)["admin"], "prog-a", {"kind": "citaat", "title": "Nog geheim",
                                                                         "story_date": "2026-06-05"}).id
        users = {}
        for who, programme_id in (("a", world.programme_a), ("b", world.programme_b)):
            user = create_user(s, f"{who}@gemeente.nl", f"Redacteur {who}", "een lang wachtwoord")
            grant_role(s, user, "editor", programme_id)
            users[who] = (user.id, user.session_version)
        s.commit()
    server = Flask("story-page")
    server.config.update({"SECRET_KEY": "test", CONFIG_KEY: factory.kw["bind"].url.render_as_string(False)})

    def page_text(who: str | None, story_id: int) -> str:
        with server.test_request_context(f"/verhaal/{story_id}"):
            if who:
                session[SESSION_USER], session[SESSION_VERSION] = users[who]
                session[SESSION_AT] = int(time.time())
            return repr(story.layout(story_id=str(story_id)))

    not_found = texts.STORY_NOT_FOUND.format(id=concept)
    assert not_found in page_text(None, concept)
    assert not_found in page_text("b", concept)
    own = page_text("a", concept)
    assert "Nog geheim" in own and "verhaal-ongepubliceerd" in own
    public = page_text(None, world.story_a)
    assert "Verhaal A" in public and "verhaal-ongepubliceerd" not in public


def test_published_measurement_notes_show_in_the_result_table(setup: tuple) -> None:
    """A dated note on a quarter's value reaches the raad's result table once published, not before."""
    import json

    from plotly.utils import PlotlyJSONEncoder

    from dashboard.components.result_table import result_row

    factory, world = setup
    editor, admin = actors(world)["editor_a"], actors(world)["admin"]
    with factory() as s:
        note = ed.create_measurement_note(s, editor, world.measurement_a, {
            "text": "Minder bezoekers door de zomerstop van de buurtkamer", "note_date": "2026-07-03",
            "author": "Wijkcoördinator"}).id
        s.commit()
        result = programme_view(s, "prog-a").results[0]
        assert result.measurements[0].notes == []
        _publish(s, admin, "meting_toelichting", note)
        s.commit()
        result = programme_view(s, "prog-a").results[0]
        [shown] = result.measurements[0].notes
        assert (shown.note_date.isoformat(), shown.author, shown.text) == (
            "2026-07-03", "Wijkcoördinator", "Minder bezoekers door de zomerstop van de buurtkamer")
        rendered = json.dumps(result_row(result), cls=PlotlyJSONEncoder, ensure_ascii=False)
        assert ("Toelichting van 3 jul 2026 (Wijkcoördinator): Minder bezoekers door de zomerstop van de buurtkamer"
                in rendered)
        table = results_table(s, {"programma": "prog-a"})  # the download holds what the table shows
        column = table.columns.index("Toelichtingen bij de meting")
        assert [row[column] for row in table.rows] == [
            "3 jul 2026 (Wijkcoördinator): Minder bezoekers door de zomerstop van de buurtkamer"]


def test_four_eyes_nobody_approves_their_own_work(setup: tuple) -> None:
    """Whoever created, changed or submitted an item since its last publication may not approve it, whatever
    their roles; someone else may; after publication the round starts again; four_eyes=False switches it off."""
    factory, world = setup
    people = actors(world)
    editor, approver, admin = people["editor_a"], people["approver_a"], people["admin"]
    with factory() as s:
        ref = ed.create_story(s, admin, "prog-a", {"kind": "citaat", "title": "Eigen werk", "consent": True,
                                                   "story_date": "2026-06-03"})
        ref = ed.transition(s, admin, "verhaal", ref.id, S, ref.version)
        s.commit()
        before = snapshot(s)
        with pytest.raises(ed.NotAllowed, match="vier-ogenprincipe"):
            ed.transition(s, admin, "verhaal", ref.id, A, ref.version, four_eyes=True)
        s.rollback()
        assert snapshot(s) == before
        own = ed.get_item(s, admin, "verhaal", ref.id, four_eyes=True)
        assert A not in own.transitions and own.other_approver_needed
        listed = next(i for i in ed.editable_items(s, admin, "prog-a", four_eyes=True) if i.id == ref.id
                      and i.kind is ItemKind.STORY)
        assert A not in listed.transitions and listed.other_approver_needed
        theirs = ed.get_item(s, approver, "verhaal", ref.id, four_eyes=True)
        assert A in theirs.transitions and not theirs.other_approver_needed
        assert A in ed.get_item(s, admin, "verhaal", ref.id, four_eyes=False).transitions
        ref = ed.transition(s, approver, "verhaal", ref.id, A, ref.version, four_eyes=True)
        ref = ed.transition(s, admin, "verhaal", ref.id, P, ref.version, four_eyes=True)  # publishing is no approval
        s.commit()
        # a new round: the editor changes and submits it; the admin's earlier work no longer counts, the editor's does
        ref = ed.update_story(s, editor, ref.id, ref.version, {"summary": "Aangevuld"})
        ref = ed.transition(s, editor, "verhaal", ref.id, S, ref.version)
        s.commit()
        assert A in ed.get_item(s, admin, "verhaal", ref.id, four_eyes=True).transitions
        # an approver who changes a submitted item (back to concept) and resubmits it cannot approve it either
        ref = ed.update_story(s, admin, ref.id, ref.version, {"summary": "Door de beheerder aangepast"})
        ref = ed.transition(s, editor, "verhaal", ref.id, S, ref.version)
        s.commit()
        with pytest.raises(ed.NotAllowed, match="vier-ogenprincipe"):
            ed.transition(s, admin, "verhaal", ref.id, A, ref.version, four_eyes=True)
        s.rollback()
        assert ed.transition(s, admin, "verhaal", ref.id, A, ref.version, four_eyes=False).state is A

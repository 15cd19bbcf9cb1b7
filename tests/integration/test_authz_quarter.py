"""Authorization over HTTP of the quarterly meeting page /beheer/kwartaal/<YYYY>-Q<n> (Flask test client, CSRF token,
signed-in sessions, the payloads dash-renderer would post; helpers from test_authz_http): every role × recording a
note for programme A, marking an action item done, and publishing the quarter. Refused cells answer with a refusal
and leave the tables as they were; allowed cells show up in the quarter report or leave a snapshot, and a note keeps
(and both pages show) the name of the account that recorded it or marked it done."""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from dashboard import texts
from dashboard.exports import jobs
from dashboard.pages import quarter_meeting as page
from dashboard.pages import quarter_publish as publish
from db.models import MeetingNote, QuarterSnapshot
from db.session import session_scope
from db.write.quarter import add_note
from indicators.enums import MeetingNoteKind
from indicators.formatting import format_date
from indicators.periods import last_ended_quarter, parse_quarter
from tests.integration.test_authz_http import (  # noqa: F401 - clients and app_url are fixtures
    PROG_A,
    PROG_B,
    ROLES,
    _post,
    app_url,
    check_cell,
    clients,
    components,
    payload,
    refused,
    render,
)

NOTES_QUARTER = "2024-Q2"
TABLES = (MeetingNote, QuarterSnapshot)
WRITES = {
    "besluit of actiepunt vastleggen (A)": {"approver_a", "admin"},
    "actiepunt afronden (A)": {"approver_a", "admin"},
    "kwartaal vaststellen": {"admin"},
}
_PUBLISH_QUARTERS = {role: f"{2010 + i}-Q2" for i, role in enumerate(ROLES)}


@pytest.fixture(scope="module", autouse=True)
def _stop_export_worker() -> Any:  # noqa: ANN401
    yield
    jobs.shutdown()


def table_snapshot(url: str) -> dict[str, list]:
    with session_scope(url) as s:
        return {m.__tablename__: sorted((tuple(r) for r in s.execute(select(m.__table__)).all()), key=repr)
                for m in TABLES}


def _field(slug: str, field: str) -> dict:
    return {"type": page.FIELD, "programme": slug, "field": field}


def note_body(admin, slug: str, text: str, quarter: str = NOTES_QUARTER, **fields: str) -> dict:  # noqa: ANN001
    tree = render(admin, f"/beheer/kwartaal/{quarter}")
    values = {"kind": "actiepunt", "text": text, "owner": "A. de Vries", "due": "2024-09-30", **fields}
    return payload(admin, tree, page.MESSAGE, ({"type": page.SAVE, "programme": slug}, "n_clicks", 1),
                   [(_field(slug, f), v) for f, v in values.items()])


def report_text(client, quarter: str = NOTES_QUARTER) -> str:  # noqa: ANN001
    return json.dumps(render(client, f"/kwartaal/{quarter}"), ensure_ascii=False)


def open_action(url: str, slug: str = PROG_A) -> tuple[int, str]:
    text = f"Partners benaderen {uuid.uuid4().hex[:8]}"
    with session_scope(url) as s:
        note = add_note(s, slug, parse_quarter(NOTES_QUARTER), "actiepunt", text, "B. Jansen", date(2024, 6, 1))
        return note.id, text


def done_body(admin, note_id: int, slug: str = PROG_A) -> dict:  # noqa: ANN001
    tree = render(admin, f"/beheer/kwartaal/{NOTES_QUARTER}")
    return payload(admin, tree, page.MESSAGE, ({"type": page.DONE, "programme": slug, "note": note_id},
                                               "n_clicks", 1),
                   [({"type": page.DONE_DATE, "programme": slug, "note": note_id}, "2024-06-20")])


def publish_body(admin, quarter: str, trigger: tuple = (publish.CONFIRM_YES, "n_clicks", 1),  # noqa: ANN001
                 store: Any = None) -> dict:  # noqa: ANN401
    tree = render(admin, f"/beheer/kwartaal/{quarter}")
    return payload(admin, tree, publish.PUBLISH_STATUS, trigger, [(publish.PUBLISH_STORE, store)])


def is_published(url: str, quarter: str) -> bool:
    with session_scope(url) as s:
        return s.scalar(select(QuarterSnapshot.id).where(QuarterSnapshot.quarter == quarter)) is not None


def publish_until_done(client, admin, quarter: str, timeout: float = 120) -> list[str]:  # noqa: ANN001
    """Confirm, then poll as the page's interval does until the snapshot is there: the status texts seen."""
    answer = _post(client, publish_body(admin, quarter))
    seen = []
    deadline = time.monotonic() + timeout
    tick = 0
    while True:
        assert answer.status_code == 200, answer.get_data(as_text=True)[:800]
        response = answer.get_json()["response"]
        seen.append(json.dumps(response, ensure_ascii=False))
        store = response.get(publish.PUBLISH_STORE, {}).get("data")
        if store is None or time.monotonic() > deadline:
            return seen
        tick += 1
        time.sleep(0.3)
        answer = _post(client, publish_body(admin, quarter, (publish.PUBLISH_TICK, "n_intervals", tick), store))


def account_name(role: str) -> str:
    """The name test_authz_http gives the account of `role`."""
    return role.replace("_", " ").title()


def meeting_text(client) -> str:  # noqa: ANN001
    return json.dumps(render(client, f"/beheer/kwartaal/{NOTES_QUARTER}"), ensure_ascii=False)


def _prepare(cell: str, role: str, url: str, admin) -> tuple[Any, Any]:  # noqa: ANN001
    name = account_name(role)
    if cell.startswith("besluit"):
        marker = f"Extra inzet op het Pact {uuid.uuid4().hex[:8]}"

        def recorded() -> bool:
            with session_scope(url) as s:
                by = s.scalar(select(MeetingNote.created_by).where(MeetingNote.text == marker))
            shown = f"vastgelegd door {name} op {format_date(datetime.now(UTC))}"
            return by == name and all(marker in t and shown in t for t in (report_text(admin), meeting_text(admin)))
        return note_body(admin, PROG_A, marker), recorded
    if cell.startswith("actiepunt"):
        note_id, text = open_action(url)

        def done() -> bool:
            with session_scope(url) as s:
                note = s.get(MeetingNote, note_id)
                done_on, done_by = note.done_on, note.done_by
            shown = f"afgerond op 20 jun 2024 door {name}"
            return (done_on == date(2024, 6, 20) and done_by == name
                    and shown in report_text(admin) and shown in meeting_text(admin))
        return done_body(admin, note_id), done
    quarter = _PUBLISH_QUARTERS[role]
    return publish_body(admin, quarter), lambda: is_published(url, quarter)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("cell", list(WRITES))
def test_meeting_write(clients: dict, app_url: str, cell: str, role: str) -> None:  # noqa: F811
    body, took_effect = _prepare(cell, role, app_url, clients["admin"])
    before = table_snapshot(app_url)
    if role in WRITES[cell] and cell == "kwartaal vaststellen":
        quarter = _PUBLISH_QUARTERS[role]
        seen = publish_until_done(clients[role], clients["admin"], quarter)
        assert "Bezig met vaststellen" in seen[0]
        assert took_effect(), seen[-1]
        assert texts.MEETING_PUBLISH_DONE.format(label=parse_quarter(quarter).label) in seen[-1]
        report = report_text(clients["viewer"], quarter)
        assert "Vastgesteld op" in report and " door Admin" in report
        managed = json.dumps(render(clients[role], f"/beheer/kwartaal/{quarter}"), ensure_ascii=False)
        assert "Vastgesteld op" in managed and texts.MEETING_PUBLISH not in managed
        return
    check_cell(_post(clients[role], body), role in WRITES[cell], before, lambda: table_snapshot(app_url), took_effect)


@pytest.mark.parametrize("role", [r for r in ROLES if r != "admin"])
def test_publish_poll_with_a_forged_store_is_refused(clients: dict, app_url: str, role: str) -> None:  # noqa: F811
    """The interval's callback checks the right too: a non-admin cannot start or finish a publication with it."""
    quarter = _PUBLISH_QUARTERS[role]
    store = {"quarter": quarter, "at": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())}
    before = table_snapshot(app_url)
    answer = _post(clients[role], publish_body(clients["admin"], quarter, (publish.PUBLISH_TICK, "n_intervals", 3),
                                               store))
    assert refused(answer)
    assert table_snapshot(app_url) == before and not is_published(app_url, quarter)


def test_approver_of_a_cannot_write_for_programme_b(clients: dict, app_url: str) -> None:  # noqa: F811
    """The programme comes from the browser (the button's id) or from the note: both are checked on the server."""
    admin, approver = clients["admin"], clients["approver_a"]
    marker = f"Besluit voor B {uuid.uuid4().hex[:8]}"
    note_b, _ = open_action(app_url, PROG_B)
    before = table_snapshot(app_url)
    for body in (note_body(admin, PROG_B, marker), done_body(admin, note_b, PROG_B)):
        answer = _post(approver, body)
        assert answer.status_code == 200 and refused(answer)
    # a note of B sent as if it were one of A (the button's programme is A, the note in the database is B's)
    forged = done_body(admin, note_b, PROG_B)
    for group in forged["inputs"]:
        for item in group if isinstance(group, list) else [group]:
            if item["id"] == {"type": page.DONE, "programme": PROG_B, "note": note_b}:
                item["id"] = {"type": page.DONE, "programme": PROG_A, "note": note_b}
    forged["changedPropIds"] = [json.dumps({"note": note_b, "programme": PROG_A, "type": page.DONE},
                                           separators=(",", ":")) + ".n_clicks"]
    answer = _post(approver, forged)
    assert answer.status_code == 200 and refused(answer), answer.get_data(as_text=True)
    assert table_snapshot(app_url) == before and marker not in report_text(admin)


def test_validation_errors_are_dutch_and_next_to_the_fields(clients: dict, app_url: str) -> None:  # noqa: F811
    before = table_snapshot(app_url)
    answer = _post(clients["approver_a"], note_body(clients["admin"], PROG_A, "  ", owner="", due=""))
    assert answer.status_code == 200
    errors = {json.dumps(k): v for k, v in answer.get_json()["response"].items()}
    text = json.dumps(answer.get_json(), ensure_ascii=False)
    assert texts.MEETING_ERR_TEXT in text and texts.MEETING_ERR_OWNER in text and texts.MEETING_ERR_DUE in text
    assert texts.MEETING_ERRORS in text and errors
    assert table_snapshot(app_url) == before
    # a besluit needs only its text
    ok = _post(clients["approver_a"], note_body(clients["admin"], PROG_A, "Besluit zonder eigenaar", kind="besluit",
                                                owner="", due=""))
    assert texts.MEETING_SAVED.format(kind="Besluit") in ok.get_data(as_text=True)
    with session_scope(app_url) as s:
        assert s.scalar(select(MeetingNote.kind).where(MeetingNote.text == "Besluit zonder eigenaar")) \
            is MeetingNoteKind.DECISION


def test_page_and_links_per_role(clients: dict) -> None:  # noqa: F811
    code = last_ended_quarter(date.today()).code
    for role in ROLES:
        meeting = json.dumps(render(clients[role], f"/beheer/kwartaal/{NOTES_QUARTER}"), ensure_ascii=False)
        beheer = json.dumps(render(clients[role], "/beheer"), ensure_ascii=False)
        report = json.dumps(render(clients[role], f"/kwartaal/{NOTES_QUARTER}"), ensure_ascii=False)
        link = f"/beheer/kwartaal/{NOTES_QUARTER}"
        forms = {c["props"]["id"]["programme"] for c in components(json.loads(meeting))
                 if isinstance(c["props"]["id"], dict) and c["props"]["id"].get("type") == page.SAVE}
        if role in ("approver_a", "admin"):
            assert f"/beheer/kwartaal/{code}" in beheer and link in report
            assert forms == {PROG_A} if role == "approver_a" else {PROG_A, PROG_B} <= forms
            assert (texts.MEETING_PUBLISH in meeting) == (role == "admin")
        else:
            assert "/beheer/kwartaal/" not in beheer and link not in report
            assert forms == set()
            assert texts.MEETING_PUBLISH not in meeting

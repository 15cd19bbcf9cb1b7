"""Authorization over HTTP against the real app (Flask test client, CSRF token, signed-in sessions): every role ×
every write callback of the editing pages (POST /_dash-update-component with the payload the renderer would send,
built from /_dash-dependencies and the page the router rendered) and the unpublished reads. Allowed cells change
what they should; refused ones answer with a refusal and leave the tables as they were. Plus the lost-update path:
two sessions saving from the same version, the second gets the conflict view with both versions."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from dashboard import texts
from dashboard.data import CONFIG_KEY
from db import accounts
from db import write as editing
from db.accounts import Grant, create_user, grant_role
from db.models import AuditEntry, Measurement, MeasurementNote, Programme, ProgrammeLine, Project, Result, Story, User
from db.session import session_scope
from db.write.workflow import Actor
from indicators.enums import Role, WorkflowState
from indicators.periods import Period

PASSWORD = "matrix van rollen 2026"
PROG_A, PROG_B = "sociaal-en-vitaal", "zorg-en-veiligheid"
ROLES = ("anonymous", "viewer", "editor_a", "editor_b", "approver_a", "admin")
UPDATE = "/_dash-update-component"
TABLES = (Project, Result, Measurement, MeasurementNote, Story, AuditEntry)


# --- the app, accounts and clients --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app_url(demo_app) -> str:  # noqa: ANN001 - a dash.Dash
    return demo_app.server.config[CONFIG_KEY]


@pytest.fixture(scope="module")
def clients(demo_app, app_url: str) -> dict[str, Any]:  # noqa: ANN001
    """A signed-in test client per role (anonymous: none), each with its CSRF cookie."""
    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    old = accounts.HASHER
    accounts.HASHER = fast
    try:
        with session_scope(app_url) as s:
            a = s.scalar(select(Programme.id).where(Programme.slug == PROG_A))
            b = s.scalar(select(Programme.id).where(Programme.slug == PROG_B))
            grants = {"viewer": (Role.VIEWER, None), "editor_a": (Role.EDITOR, a), "editor_b": (Role.EDITOR, b),
                      "approver_a": (Role.APPROVER, a), "admin": (Role.ADMIN, None), "editor_a2": (Role.EDITOR, a)}
            emails = {}
            for role, (r, pid) in grants.items():
                emails[role] = f"{role}-{uuid.uuid4().hex[:8]}@gemeente.nl"
                grant_role(s, create_user(s, emails[role], role.replace("_", " ").title(), PASSWORD), r, pid)
        out = {}
        for role in (*ROLES, "editor_a2"):
            client = demo_app.server.test_client()
            client.get("/inloggen")
            if role != "anonymous":
                answer = client.post("/inloggen", data={"email": emails[role], "wachtwoord": PASSWORD,
                                                        "csrf_token": _token(client), "volgende": "/beheer"})
                assert answer.status_code == 303 and answer.headers["Location"].endswith("/beheer"), role
            client.account_email = emails.get(role)  # the account behind the client (names repeat across tests)
            out[role] = client
        return out
    finally:
        accounts.HASHER = old


def _token(client) -> str:  # noqa: ANN001
    return client.get_cookie("_csrf_token").value


def _deps(client) -> list[dict]:  # noqa: ANN001
    return client.get("/_dash-dependencies").get_json()


def _dep(client, output_part: str) -> dict:  # noqa: ANN001
    found = [d for d in _deps(client) if output_part in d["output"]]
    assert len(found) == 1, output_part
    return found[0]


def _post(client, body: dict) -> Any:  # noqa: ANN001, ANN401
    return client.post(UPDATE, json=body, headers={"X-CSRFToken": _token(client)})


REFUSALS = ("U mag dit niet doen", "Log in om dit te doen", "Inloggen is nodig")


def answer_text(answer: Any) -> str:  # noqa: ANN401
    """Everything an answer says: its JSON (Dash's response) and its body."""
    return json.dumps(answer.get_json(silent=True), ensure_ascii=False) + answer.get_data(as_text=True)


def refused(answer: Any, refusals: tuple[str, ...] = REFUSALS) -> bool:  # noqa: ANN401
    text = answer_text(answer)
    return any(r in text for r in refusals) or answer.status_code in (401, 403)


def check_cell(answer: Any, allowed: bool, before: object, now: Callable[[], object],  # noqa: ANN401
               took_effect: Callable[[], bool], refusals: tuple[str, ...] = REFUSALS) -> str:
    """One cell of a role × write matrix. Allowed: 200, it took effect and the tables changed. Refused: the tables
    (`now()`) equal `before`, it did not take effect, and the answer is a Dutch refusal or 401/403. Returns the
    answer's text for further checks."""
    text = answer_text(answer)
    if allowed:
        assert answer.status_code == 200, text
        assert took_effect(), text
        assert now() != before
    else:
        assert now() == before, f"a refused write changed something: {text[:500]}"
        assert not took_effect()
        assert refused(answer, refusals), text[:800]
    return text


def render(client, path: str, search: str = "") -> dict:  # noqa: ANN001
    """The router callback for `path`, as the renderer calls it on navigation: the page's component tree."""
    dep = _dep(client, "page-content.children")
    body = {"output": dep["output"], "outputs": [{"id": "page-content", "property": "children"},
                                                 {"id": "page-title", "property": "data"}],
            "inputs": [{"id": "url", "property": "pathname", "value": path}],
            "state": [{"id": "url", "property": "search", "value": search}], "changedPropIds": ["url.pathname"]}
    answer = _post(client, body)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer.get_json()["response"]["page-content"]["children"]


def components(tree: Any) -> list[dict]:  # noqa: ANN401
    """Every component (as JSON) in a rendered tree that has an id."""
    out = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict) and "props" in node:
            if "id" in node["props"]:
                out.append(node)
            stack.append(node["props"].get("children"))
    return out


def _matches(spec: dict, cid: Any) -> bool:  # noqa: ANN401
    if not isinstance(cid, dict) or set(cid) != set(spec):
        return False
    return all(v == ["ALL"] or cid[k] == v for k, v in spec.items())


def payload(client, tree: Any, output_part: str, trigger: tuple[Any, str, Any],  # noqa: ANN001, ANN401
            change: list[tuple[Any, Any]] | None = None) -> dict:
    """The body dash-renderer posts for the callback whose output contains `output_part`, from the rendered page:
    every input and state with its current value, `change` applied ({component id or (id, prop): value}), and
    `trigger` (id, property, value) as the changed input."""
    dep = _dep(client, output_part)
    comps = components(tree)
    change = change or []

    def value(cid: Any, prop: str) -> Any:  # noqa: ANN401
        key = json.dumps(cid, sort_keys=True)
        for k, v in change:
            if json.dumps(k, sort_keys=True) == key:
                return v
        if (cid, prop) == (trigger[0], trigger[1]):
            return trigger[2]
        node = next(c for c in comps if c["props"]["id"] == cid)
        return node["props"].get(prop)

    def expand(spec: dict, with_value: bool) -> Any:  # noqa: ANN401
        sid = spec["id"]
        if sid.startswith("{"):
            pattern = json.loads(sid)
            found = [c["props"]["id"] for c in comps if _matches(pattern, c["props"]["id"])]
            return [{"id": cid, "property": spec["property"], **({"value": value(cid, spec["property"])}
                                                                 if with_value else {})} for cid in found]
        return {"id": sid, "property": spec["property"], **({"value": value(sid, spec["property"])}
                                                            if with_value else {})}

    outputs = []
    for part in dep["output"].strip(".").split("..."):
        sid, prop = part.rsplit(".", 1)
        outputs.append(expand({"id": sid, "property": prop}, False))
    tid, tprop, _ = trigger
    changed = (json.dumps(tid, sort_keys=True, separators=(",", ":")) if isinstance(tid, dict) else tid) + "." + tprop
    return {"output": dep["output"], "outputs": outputs, "inputs": [expand(i, True) for i in dep["inputs"]],
            "state": [expand(s, True) for s in dep["state"]], "changedPropIds": [changed]}


def snapshot(url: str) -> dict[str, list]:
    with session_scope(url) as s:
        return {m.__tablename__: sorted((tuple(r) for r in s.execute(select(m.__table__)).all()), key=repr)
                for m in TABLES}


ADMIN = Actor(0, "Testopzet", frozenset({Grant(Role.ADMIN)}))


def make_story(url: str, state: WorkflowState = WorkflowState.CONCEPT, consent: bool = True) -> tuple[int, str]:
    """A story of programme A in `state` (walked there through the workflow as an admin)."""
    title = f"Geheim verhaal {uuid.uuid4().hex[:8]}"
    with session_scope(url) as s:
        ref = editing.create_story(s, ADMIN, PROG_A, {"kind": "citaat", "title": title, "summary": "Nog niet af",
                                                      "story_date": "2026-09-01", "consent": consent})
        for step in (WorkflowState.SUBMITTED, WorkflowState.APPROVED, WorkflowState.PUBLISHED):
            if list(WorkflowState).index(step) > list(WorkflowState).index(state):
                break
            ref = editing.transition(s, ADMIN, "verhaal", ref.id, step, ref.version, four_eyes=False)  # set-up
    return ref.id, title


def story_row(url: str, story_id: int) -> tuple[str, str, int]:
    with session_scope(url) as s:
        story = s.get(Story, story_id)
        return story.title, story.workflow_state.value, story.version


# --- the matrix -------------------------------------------------------------------------------------------------

WRITES = {  # cell -> the roles allowed
    "verhaal wijzigen": {"editor_a", "admin"},
    "project aanmaken": {"editor_a", "admin"},
    "indienen": {"editor_a", "admin"},
    "goedkeuren (werklijst)": {"approver_a", "admin"},
    "publiceren": {"approver_a", "admin"},
    "terug naar concept met reden": {"approver_a", "admin"},
    "kwartaal opslaan": {"editor_a", "admin"},
}
_QUARTERS = {role: f"{2031 + i}-Q1" for i, role in enumerate(ROLES)}


def _prepare(cell: str, role: str, url: str, admin) -> tuple[dict, Any]:  # noqa: ANN001
    """The request body for `cell` (from the page as an admin sees it) and a check that it took effect."""
    if cell == "project aanmaken":
        name = f"Nieuw project {uuid.uuid4().hex[:6]}"
        tree = render(admin, "/beheer/project/nieuw", f"?programma={PROG_A}")
        line = next(c for c in components(tree) if c["props"]["id"] == {"type": "bewerk-veld", "field": "line_name"})
        body = payload(admin, tree, "bewerk-melding", ("bewerk-opslaan", "n_clicks", 1), [
            ({"type": "bewerk-veld", "field": "name"}, name),
            ({"type": "bewerk-veld", "field": "line_name"}, line["props"]["options"][0]["value"])])

        def created() -> bool:
            with session_scope(url) as s:
                return s.scalar(select(Project.id).where(Project.name == name)) is not None
        return body, created
    if cell == "kwartaal opslaan":
        quarter = _QUARTERS[role]
        tree = render(admin, f"/beheer/programma/{PROG_A}/kwartaal/{quarter}")
        first = next(c["props"]["id"] for c in components(tree)
                     if isinstance(c["props"]["id"], dict) and c["props"]["id"].get("type") == "kwartaal-veld")
        rid = first["result"]
        body = payload(admin, tree, "kwartaal-melding", ("kwartaal-opslaan", "n_clicks", 1), [
            ({"type": "kwartaal-veld", "result": rid, "field": "realised"}, "13"),  # a count: a whole number
            ({"type": "kwartaal-veld", "result": rid, "field": "explanation"}, "Ingevoerd in het raster")])

        def saved() -> bool:
            p = Period.parse(quarter)
            with session_scope(url) as s:
                return s.scalar(select(Measurement.realised).where(Measurement.result_id == rid,
                                                                   Measurement.period_start == p.start)) == 13
        return body, saved
    start = {"verhaal wijzigen": WorkflowState.CONCEPT, "indienen": WorkflowState.CONCEPT,
             "goedkeuren (werklijst)": WorkflowState.SUBMITTED, "publiceren": WorkflowState.APPROVED,
             "terug naar concept met reden": WorkflowState.PUBLISHED}[cell]
    story_id, title = make_story(url, start)
    if cell == "goedkeuren (werklijst)":
        tree = render(admin, "/beheer", f"?programma={PROG_A}")
        button = {"type": "beheer-stap", "kind": "verhaal", "id": story_id, "to": "goedgekeurd"}
        body = payload(admin, tree, "beheer-melding", (button, "n_clicks", 1))
        return body, lambda: story_row(url, story_id)[1] == "goedgekeurd"
    tree = render(admin, f"/beheer/verhaal/{story_id}")
    if cell == "verhaal wijzigen":
        body = payload(admin, tree, "bewerk-melding", ("bewerk-opslaan", "n_clicks", 1),
                       [({"type": "bewerk-veld", "field": "title"}, title + " (gewijzigd)")])
        return body, lambda: story_row(url, story_id)[0].endswith("(gewijzigd)")
    to = {"indienen": "ingediend", "publiceren": "gepubliceerd", "terug naar concept met reden": "concept"}[cell]
    change = [("bewerk-reden", "Cijfer klopt niet")] if to == "concept" else []
    body = payload(admin, tree, "bewerk-melding", ({"type": "bewerk-stap", "to": to}, "n_clicks", 1), change)
    return body, lambda: story_row(url, story_id)[1] == to


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("cell", list(WRITES))
def test_write_callback(clients: dict, app_url: str, cell: str, role: str) -> None:
    body, took_effect = _prepare(cell, role, app_url, clients["admin"])
    before = snapshot(app_url)
    check_cell(_post(clients[role], body), role in WRITES[cell], before, lambda: snapshot(app_url), took_effect)


def test_four_eyes_an_approver_cannot_approve_what_they_submitted(clients: dict, app_url: str) -> None:
    """The app applies settings.four_eyes (on by default): the approver's own submission is refused over HTTP with
    the reason, and nothing changes; the admin (who did not write it) approves it."""
    title = f"Eigen verhaal {uuid.uuid4().hex[:8]}"
    with session_scope(app_url) as s:
        # the approver account (given editing rights for this set-up only) adds to the story: it is their work now
        uid = s.scalar(select(User.id).where(User.email == clients["approver_a"].account_email))
        ref = editing.create_story(s, ADMIN, PROG_A, {"kind": "citaat", "title": title, "story_date": "2026-09-01",
                                                      "consent": True})
        ref = editing.update_story(s, Actor(uid, "Approver A", frozenset({Grant(Role.ADMIN)})), ref.id, ref.version,
                                   {"summary": "Door de goedkeurder zelf aangevuld"})
        ref = editing.transition(s, ADMIN, "verhaal", ref.id, WorkflowState.SUBMITTED, ref.version)
    button = {"type": "beheer-stap", "kind": "verhaal", "id": ref.id, "to": "goedgekeurd"}
    body = payload(clients["admin"], render(clients["admin"], "/beheer", f"?programma={PROG_A}"), "beheer-melding",
                   (button, "n_clicks", 1))
    before = snapshot(app_url)
    answer = _post(clients["approver_a"], body)
    assert "vier-ogenprincipe" in answer.get_data(as_text=True)
    assert snapshot(app_url) == before and story_row(app_url, ref.id)[1] == "ingediend"
    own_list = json.dumps(render(clients["approver_a"], "/beheer", f"?programma={PROG_A}"), ensure_ascii=False)
    assert texts.BEHEER_FOUR_EYES in own_list
    assert _post(clients["admin"], body).status_code == 200
    assert story_row(app_url, ref.id)[1] == "goedgekeurd"


READS = ("/verhaal/{id}", "/beheer/verhaal/{id}", "/beheer", "/beheer/programma/sociaal-en-vitaal/kwartaal/2030-Q4")
READERS = {"editor_a", "approver_a", "admin"}


@pytest.fixture(scope="module")
def unpublished(app_url: str) -> dict[str, Any]:
    """A concept story, and a concept measurement of 2030-Q4 with a recognisable explanation."""
    story_id, title = make_story(app_url)
    marker = f"Geheime toelichting {uuid.uuid4().hex[:8]}"
    with session_scope(app_url) as s:
        rid = s.scalar(select(Result.id).join(Project).join(ProgrammeLine)
                       .join(Programme, Programme.id == ProgrammeLine.programme_id)
                       .where(Programme.slug == PROG_A).order_by(Result.id).limit(1))
        editing.create_measurement(s, ADMIN, rid, {"period": "2030-Q4", "realised": "3", "explanation": marker})
    return {"id": story_id, "title": title, "marker": marker}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", READS)
def test_unpublished_read(clients: dict, unpublished: dict, path: str, role: str) -> None:
    tree = render(clients[role], path.format(id=unpublished["id"]))
    text = json.dumps(tree, ensure_ascii=False)
    secret = unpublished["marker"] if "kwartaal" in path else unpublished["title"]
    if role in READERS:
        assert secret in text
        if path.startswith("/beheer/verhaal"):
            assert texts.AUDIT_TITLE in text and "aangemaakt" in text  # the audit trail, read-only
    else:
        assert secret not in text
        if path.startswith("/beheer/verhaal"):
            assert texts.AUDIT_TITLE not in text


def test_audit_trail_cannot_be_edited_through_the_app(clients: dict) -> None:
    """No callback of the app writes to the audit trail's page component, and none takes an audit entry as input."""
    for dep in _deps(clients["admin"]):
        assert "bewerk-audit" not in json.dumps(dep["inputs"]) + json.dumps(dep["state"])


def test_without_csrf_token_a_write_is_refused(clients: dict, app_url: str) -> None:
    body, took_effect = _prepare("verhaal wijzigen", "editor_a", app_url, clients["admin"])
    before = snapshot(app_url)
    answer = clients["editor_a"].post(UPDATE, json=body)
    assert answer.status_code == 403 and snapshot(app_url) == before and not took_effect()


def test_second_save_from_the_same_version_gets_the_conflict_with_both_versions(clients: dict, app_url: str
                                                                              ) -> None:
    story_id, title = make_story(app_url)
    first, second = clients["editor_a"], clients["editor_a2"]
    tree_1 = render(first, f"/beheer/verhaal/{story_id}")
    tree_2 = render(second, f"/beheer/verhaal/{story_id}")
    field = {"type": "bewerk-veld", "field": "title"}
    mine_1, mine_2 = f"{title} – versie van de eerste", f"{title} – versie van de tweede"
    ok = _post(first, payload(first, tree_1, "bewerk-melding", ("bewerk-opslaan", "n_clicks", 1), [(field, mine_1)]))
    assert ok.status_code == 200 and texts.EDIT_SAVED.split("(")[0] in ok.get_data(as_text=True)
    before = snapshot(app_url)
    late = _post(second, payload(second, tree_2, "bewerk-melding", ("bewerk-opslaan", "n_clicks", 1),
                                 [(field, mine_2)]))
    assert late.status_code == 200
    text = json.dumps(late.get_json(), ensure_ascii=False)
    assert texts.CONFLICT_TITLE in text and mine_1 in text and mine_2 in text
    assert snapshot(app_url) == before
    assert story_row(app_url, story_id)[0] == mine_1


# --- uploads of story media: POST /media and the upload in the story form ---------------------------------------

UPLOADS = {"POST /media": {"editor_a", "admin"}, "upload in het verhaalformulier": {"editor_a", "admin"}}


@pytest.fixture
def upload_dir(demo_app, tmp_path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN001, ANN201 - a Path
    """The app's uploads go to a folder of this test (the real limits do not matter here)."""
    from dashboard.uploads import CONFIG_KEY as UPLOAD_KEY
    from dashboard.uploads import MB, UploadConfig

    config = UploadConfig(tmp_path / "uploads", {"image": MB, "video": MB, "captions": MB})
    monkeypatch.setitem(demo_app.server.config, UPLOAD_KEY, config)
    return config.directory


def _listing(directory) -> list[str]:  # noqa: ANN001 - a Path
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("cell", list(UPLOADS))
def test_upload(clients: dict, app_url: str, upload_dir, cell: str, role: str) -> None:  # noqa: ANN001
    import base64
    import io

    from tests.integration.test_uploads import PNG

    if cell == "POST /media":
        with session_scope(app_url) as s:
            pid = s.scalar(select(Programme.id).where(Programme.slug == PROG_A))

        def send() -> Any:  # noqa: ANN401
            return clients[role].post("/media", headers={"X-CSRFToken": _token(clients[role])},
                                      content_type="multipart/form-data",
                                      data={"file": (io.BytesIO(PNG), "foto.png", "image/png"), "kind": "image",
                                            "programme_id": str(pid)})
    else:
        story_id, _ = make_story(app_url)
        tree = render(clients["admin"], f"/beheer/verhaal/{story_id}")
        contents = "data:image/png;base64," + base64.b64encode(PNG).decode()
        body = payload(clients["admin"], tree, "bewerk-upload-media-melding",
                       ("bewerk-upload-media", "contents", contents))

        def send() -> Any:  # noqa: ANN401
            return _post(clients[role], body)
    before, files = snapshot(app_url), _listing(upload_dir)
    answer = send()
    text = answer_text(answer)
    assert snapshot(app_url) == before  # an upload writes no rows; the story is changed only when it is saved
    if role in UPLOADS[cell]:
        assert answer.status_code == (201 if cell == "POST /media" else 200), text
        added = sorted(set(_listing(upload_dir)) - set(files))
        assert len(added) == 1 and added[0].endswith(".png") and added[0] in text
        assert (upload_dir / added[0]).read_bytes() == PNG
    else:
        assert _listing(upload_dir) == files, f"{role} stored a file with {cell}: {text[:500]}"
        assert refused(answer), text[:800]

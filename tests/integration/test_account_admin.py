"""Account administration without a browser, on SQLite and PostgreSQL: the `admin_*` functions of db.accounts that
/beheer/gebruikers uses (only an active admin may, checked in the database; the last active admin and an admin's own
account are protected; a refused call changes nothing), the new primitives revoke_role and reactivate_user, and the
command-line commands wachtwoord-instellen, rol-intrekken and heractiveren."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from db import account_admin, accounts
from db.account_admin import (
    LAST_ADMIN,
    SELF_DEACTIVATE,
    SELF_RESET,
    SELF_REVOKE_ADMIN,
    admin_create_user,
    admin_grant_role,
    admin_revoke_grant,
    admin_set_active,
    admin_set_password,
    is_last_active_admin,
)
from db.accounts import (
    AccountError,
    AccountInvalid,
    Grant,
    NotPermitted,
    authenticate,
    create_user,
    deactivate_user,
    find_user,
    grant_role,
    reactivate_user,
    revoke_role,
)
from db.models import Programme, Region, RoleGrant, User
from db.session import session_scope
from db.write.workflow import Actor
from indicators.enums import RegionKind, Role
from tests.integration.test_accounts import _clean_refusal, run_cli

PASSWORD = "correct paard batterij"
TEMPORARY = "een tijdelijk wachtwoord"
NOW = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)


pytestmark = pytest.mark.usefixtures("cheap_hashing")  # tests/integration/conftest.py


class Who:
    """The one asking, as the web app passes it (anything with an id: dashboard.auth.CurrentUser)."""

    def __init__(self, user_id: int) -> None:
        self.id = user_id


def _setup(url: str) -> dict[str, int]:
    """Two programmes; an admin, a second admin, an editor, an approver, a viewer and one without roles."""
    with session_scope(url) as s:
        region = Region(code="GM0141", name="Almelo", kind=RegionKind.MUNICIPALITY)
        s.add(region)
        s.flush()
        progs = [Programme(slug=slug, name=name, start_year=2024, end_year=2027, baseline_year=2023,
                           region_id=region.id) for slug, name in (("sociaal", "Sociaal"), ("zorg", "Zorg"))]
        s.add_all(progs)
        s.flush()
        ids = {"sociaal": progs[0].id, "zorg": progs[1].id}
        for key, role, pid in (("admin", Role.ADMIN, None), ("admin2", Role.ADMIN, None),
                               ("editor", Role.EDITOR, progs[0].id), ("approver", Role.APPROVER, progs[0].id),
                               ("viewer", Role.VIEWER, None), ("plain", None, None)):
            user = create_user(s, f"{key}@gemeente.nl", key.title(), PASSWORD)
            if role is not None:
                grant_role(s, user, role, pid)
            ids[key] = user.id
    return ids


def snapshot(url: str) -> dict[str, list]:
    with session_scope(url) as s:
        return {m.__tablename__: sorted((tuple(r) for r in s.execute(select(m.__table__)).all()), key=repr)
                for m in (User, RoleGrant)}


def _grants(url: str, user_id: int) -> set[tuple[str, int | None]]:
    with session_scope(url) as s:
        return {(g.role.value, g.programme_id) for g in s.get(User, user_id).grants}


def _grant_id(url: str, user_id: int, role: Role) -> int:
    with session_scope(url) as s:
        return s.scalar(select(RoleGrant.id).where(RoleGrant.user_id == user_id, RoleGrant.role == role))


def _call(url: str, fn, *args):  # noqa: ANN001, ANN002, ANN202
    with session_scope(url) as s:
        return fn(s, *args)


# --- who may ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "editor", "approver", "viewer", "plain", "inactive admin",
                                 "admin in the session only"])
def test_only_an_active_admin_may_and_a_refusal_changes_nothing(db_url: str, who: str) -> None:
    ids = _setup(db_url)
    if who == "inactive admin":
        with session_scope(db_url) as s:
            deactivate_user(s, s.get(User, ids["admin2"]))
        actor = Who(ids["admin2"])
    elif who == "admin in the session only":  # grants claimed by the caller do not count, the database does
        actor = Actor(ids["editor"], "Editor", frozenset({Grant(Role.ADMIN)}))
    else:
        actor = None if who == "anonymous" else Who(ids[who])
    before = snapshot(db_url)
    grant = _grant_id(db_url, ids["editor"], Role.EDITOR)
    calls = [
        (admin_create_user, actor, "nieuw@gemeente.nl", "Nieuw", TEMPORARY),
        (admin_grant_role, actor, ids["plain"], Role.ADMIN),
        (admin_grant_role, actor, ids["plain"], Role.EDITOR, ids["zorg"]),
        (admin_revoke_grant, actor, ids["editor"], grant),
        (admin_set_active, actor, ids["viewer"], False),
        (admin_set_active, actor, ids["admin"], False),
        (admin_set_password, actor, ids["viewer"], TEMPORARY),
    ]
    for fn, *args in calls:
        with pytest.raises(NotPermitted) as refused:
            _call(db_url, fn, *args)
        assert refused.value.message == (account_admin.NOT_SIGNED_IN if actor is None else account_admin.ADMIN_ONLY)
    assert snapshot(db_url) == before


# --- what an admin does ----------------------------------------------------------------------------------------------


def test_admin_creates_an_account_that_signs_in_with_the_temporary_password(db_url: str) -> None:
    ids = _setup(db_url)
    admin = Who(ids["admin"])
    user = _call(db_url, admin_create_user, admin, " Nieuw@Gemeente.NL ", "  Nina Nieuw ", TEMPORARY)
    with session_scope(db_url) as s:
        made = find_user(s, "nieuw@gemeente.nl")
        assert made.id == user.id and made.name == "Nina Nieuw" and made.is_active and made.grants == []
        assert isinstance(authenticate(s, "nieuw@gemeente.nl", TEMPORARY, "192.0.2.1", NOW), User)


def test_a_refused_new_account_lists_every_problem_by_field_and_writes_nothing(db_url: str) -> None:
    ids = _setup(db_url)
    before = snapshot(db_url)
    with pytest.raises(AccountInvalid) as refused:
        _call(db_url, admin_create_user, Who(ids["admin"]), "EDITOR@gemeente.nl", " ", "kort")
    errors = refused.value.errors
    assert set(errors) == {"email", "name", "password"}
    assert "Er is al een account met het e-mailadres editor@gemeente.nl" in errors["email"]
    assert errors["name"] == "Vul een naam in." and "te kort" in errors["password"]
    with pytest.raises(AccountInvalid) as refused:
        _call(db_url, admin_create_user, Who(ids["admin"]), "geen-adres", "X", "")
    assert "geen geldig e-mailadres" in refused.value.errors["email"]
    assert snapshot(db_url) == before


def test_grant_roles_per_programme_and_for_all(db_url: str) -> None:
    ids = _setup(db_url)
    admin, plain = Who(ids["admin"]), ids["plain"]
    assert _call(db_url, admin_grant_role, admin, plain, "editor", ids["zorg"]) is True
    assert _call(db_url, admin_grant_role, admin, plain, Role.EDITOR, ids["zorg"]) is False  # already had it
    assert _call(db_url, admin_grant_role, admin, plain, "viewer", ids["zorg"]) is True  # the programme is ignored
    assert _grants(db_url, plain) == {("editor", ids["zorg"]), ("viewer", None)}
    before = snapshot(db_url)
    for role, programme, field, words in ((None, None, "role", "Kies een rol"), ("baas", None, "role", "Kies een rol"),
                                          ("approver", None, "programme", "Kies het programma"),
                                          ("approver", 999_999, "programme", "bestaat niet")):
        with pytest.raises(AccountError, match=words) as refused:
            _call(db_url, admin_grant_role, admin, plain, role, programme)
        assert refused.value.field == field
    with pytest.raises(AccountError, match="bestaat niet"):
        _call(db_url, admin_grant_role, admin, 999_999, "viewer")
    assert snapshot(db_url) == before


def test_revoke_a_grant(db_url: str) -> None:
    ids = _setup(db_url)
    admin, editor = Who(ids["admin"]), ids["editor"]
    grant = _grant_id(db_url, editor, Role.EDITOR)
    revoked = _call(db_url, admin_revoke_grant, admin, editor, grant)
    assert (revoked.role, revoked.programme_id) == (Role.EDITOR, ids["sociaal"])
    assert _grants(db_url, editor) == set()
    with pytest.raises(AccountError, match="al ingetrokken"):
        _call(db_url, admin_revoke_grant, admin, editor, grant)
    # a grant of another account is not this account's
    other = _grant_id(db_url, ids["approver"], Role.APPROVER)
    with pytest.raises(AccountError, match="al ingetrokken"):
        _call(db_url, admin_revoke_grant, admin, editor, other)
    assert _grants(db_url, ids["approver"]) == {("approver", ids["sociaal"])}
    # another admin's admin role may go while someone else stays admin
    _call(db_url, admin_revoke_grant, admin, ids["admin2"], _grant_id(db_url, ids["admin2"], Role.ADMIN))
    assert _grants(db_url, ids["admin2"]) == set()


def test_deactivate_and_reactivate(db_url: str) -> None:
    ids = _setup(db_url)
    admin = Who(ids["admin"])
    with session_scope(db_url) as s:
        version = s.get(User, ids["editor"]).session_version
    _call(db_url, admin_set_active, admin, ids["editor"], False)
    _call(db_url, admin_set_active, admin, ids["editor"], False)  # twice: nothing more happens
    with session_scope(db_url) as s:
        user = s.get(User, ids["editor"])
        assert not user.is_active and user.session_version == version + 1  # its sessions ended
        assert authenticate(s, "editor@gemeente.nl", PASSWORD, "192.0.2.1", NOW) is accounts.Refusal.INVALID
    _call(db_url, admin_set_active, admin, ids["editor"], True)
    with session_scope(db_url) as s:
        user = s.get(User, ids["editor"])
        assert user.is_active and user.session_version == version + 1  # old sessions stay ended
        assert isinstance(authenticate(s, "editor@gemeente.nl", PASSWORD, "192.0.2.1", NOW), User)
    assert _grants(db_url, ids["editor"]) == {("editor", ids["sociaal"])}  # roles kept throughout
    # another admin may be deactivated while this one stays; that admin can then do nothing any more
    _call(db_url, admin_set_active, admin, ids["admin2"], False)
    with pytest.raises(NotPermitted):
        _call(db_url, admin_set_active, Who(ids["admin2"]), ids["editor"], False)


def test_temporary_password_ends_sessions_and_follows_the_rules(db_url: str) -> None:
    ids = _setup(db_url)
    admin = Who(ids["admin"])
    with session_scope(db_url) as s:
        version = s.get(User, ids["viewer"]).session_version
    before = snapshot(db_url)
    for bad, words in (("", "Vul een tijdelijk wachtwoord in"), ("kort", "te kort"),
                       ("x" * (accounts.MAX_PASSWORD_LENGTH + 1), "te lang")):
        with pytest.raises(AccountError, match=words) as refused:
            _call(db_url, admin_set_password, admin, ids["viewer"], bad)
        assert refused.value.field == "password"
    assert snapshot(db_url) == before
    _call(db_url, admin_set_password, admin, ids["viewer"], TEMPORARY)
    with session_scope(db_url) as s:
        assert s.get(User, ids["viewer"]).session_version == version + 1
        assert authenticate(s, "viewer@gemeente.nl", PASSWORD, "192.0.2.1", NOW) is accounts.Refusal.INVALID
        assert isinstance(authenticate(s, "viewer@gemeente.nl", TEMPORARY, "192.0.2.1", NOW), User)


def test_a_temporary_password_lifts_the_lock_of_a_locked_out_account(db_url: str) -> None:
    """Locked out after failed sign-ins (the usual reason for a reset): the admin's new temporary password works
    at once; a lock on the IP address is not lifted."""
    ids = _setup(db_url)
    with session_scope(db_url) as s:
        for i in range(accounts.MAX_FAILURES_PER_EMAIL):
            authenticate(s, "viewer@gemeente.nl", "fout", f"198.51.100.{i}", NOW)
        assert authenticate(s, "viewer@gemeente.nl", PASSWORD, "192.0.2.1", NOW) is accounts.Refusal.LOCKED
    later = NOW + timedelta(minutes=2)
    _call(db_url, admin_set_password, Who(ids["admin"]), ids["viewer"], TEMPORARY, later)
    with session_scope(db_url) as s:
        assert isinstance(authenticate(s, "viewer@gemeente.nl", TEMPORARY, "192.0.2.1", later), User)
        for i in range(accounts.MAX_FAILURES_PER_IP):  # a different address each time: each failure counts
            authenticate(s, f"iemand{i}@gemeente.nl", "fout", "203.0.113.9", NOW)
    _call(db_url, admin_set_password, Who(ids["admin"]), ids["editor"], TEMPORARY, later)
    with session_scope(db_url) as s:
        assert authenticate(s, "editor@gemeente.nl", TEMPORARY, "203.0.113.9", later) is accounts.Refusal.LOCKED


# --- the last admin and one's own account ---------------------------------------------------------------------------


def test_the_last_active_admin_keeps_the_role_and_stays_active(db_url: str) -> None:
    ids = _setup(db_url)
    admin = Who(ids["admin"])
    _call(db_url, admin_set_active, admin, ids["admin2"], False)  # now the only active admin
    with session_scope(db_url) as s:
        assert is_last_active_admin(s, s.get(User, ids["admin"]))
        assert not is_last_active_admin(s, s.get(User, ids["admin2"]))
    before = snapshot(db_url)
    own = _grant_id(db_url, ids["admin"], Role.ADMIN)
    with pytest.raises(AccountError) as refused:
        _call(db_url, admin_revoke_grant, admin, ids["admin"], own)
    assert refused.value.message == LAST_ADMIN and "Geef eerst een ander account de rol beheerder" in LAST_ADMIN
    with pytest.raises(AccountError) as refused:
        _call(db_url, admin_set_active, admin, ids["admin"], False)
    assert refused.value.message == LAST_ADMIN
    assert snapshot(db_url) == before
    # the inactive admin's admin role is no admin role that counts: it may go
    _call(db_url, admin_revoke_grant, admin, ids["admin2"], _grant_id(db_url, ids["admin2"], Role.ADMIN))
    assert _grants(db_url, ids["admin2"]) == set()


def test_an_admin_cannot_deactivate_themselves_remove_their_own_admin_role_or_reset_their_password(db_url: str
                                                                                                  ) -> None:
    ids = _setup(db_url)  # two active admins: the last-admin rule is not what refuses here
    admin = Who(ids["admin"])
    before = snapshot(db_url)
    with pytest.raises(AccountError) as refused:
        _call(db_url, admin_set_active, admin, ids["admin"], False)
    assert refused.value.message == SELF_DEACTIVATE
    with pytest.raises(AccountError) as refused:
        _call(db_url, admin_revoke_grant, admin, ids["admin"], _grant_id(db_url, ids["admin"], Role.ADMIN))
    assert refused.value.message == SELF_REVOKE_ADMIN
    with pytest.raises(AccountError) as refused:
        _call(db_url, admin_set_password, admin, ids["admin"], TEMPORARY)
    assert refused.value.message == SELF_RESET
    assert snapshot(db_url) == before
    # what is harmless on one's own account is allowed: another role
    assert _call(db_url, admin_grant_role, admin, ids["admin"], "editor", ids["zorg"]) is True
    _call(db_url, admin_revoke_grant, admin, ids["admin"], _grant_id(db_url, ids["admin"], Role.EDITOR))
    assert _grants(db_url, ids["admin"]) == {("admin", None)}


# --- the primitives the command line uses ----------------------------------------------------------------------------


def test_revoke_role_and_reactivate_user(db_url: str) -> None:
    ids = _setup(db_url)
    with session_scope(db_url) as s:
        editor = s.get(User, ids["editor"])
        with pytest.raises(AccountError, match="heeft de rol editor voor dit programma niet"):
            revoke_role(s, editor, "editor", ids["zorg"])
        with pytest.raises(AccountError, match="heeft de rol admin niet"):
            revoke_role(s, editor, Role.ADMIN)
        revoke_role(s, editor, "editor", ids["sociaal"])
    assert _grants(db_url, ids["editor"]) == set()
    with session_scope(db_url) as s:
        user = s.get(User, ids["viewer"])
        deactivate_user(s, user)
        version = user.session_version
        reactivate_user(s, user)
        reactivate_user(s, user)
        assert user.is_active and user.session_version == version


# --- the command line ----------------------------------------------------------------------------------------------


@pytest.fixture
def cli_url(tmp_path) -> str:  # noqa: ANN001
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    from db.migrate import upgrade

    upgrade(url)
    return url


def test_cli_sets_a_password_and_ends_sessions(cli_url: str) -> None:
    _setup(cli_url)
    with session_scope(cli_url) as s:
        version = find_user(s, "viewer@gemeente.nl").session_version
    done = run_cli(cli_url, "wachtwoord-instellen", "--email", "VIEWER@gemeente.nl", "--wachtwoord-stdin",
                   stdin=TEMPORARY + "\n")
    assert done.returncode == 0, done.stderr
    assert "viewer@gemeente.nl" in done.stdout and "sessies" in done.stdout and TEMPORARY not in done.stdout
    with session_scope(cli_url) as s:
        user = find_user(s, "viewer@gemeente.nl")
        assert user.session_version == version + 1
        assert isinstance(authenticate(s, "viewer@gemeente.nl", TEMPORARY, "192.0.2.1", NOW), User)
    before = snapshot(cli_url)
    _clean_refusal(run_cli(cli_url, "wachtwoord-instellen", "--email", "viewer@gemeente.nl", "--wachtwoord-stdin",
                           stdin="kort\n"), "te kort")
    _clean_refusal(run_cli(cli_url, "wachtwoord-instellen", "--email", "niemand@gemeente.nl", "--wachtwoord-stdin",
                           stdin=TEMPORARY + "\n"), "geen account")
    no_tty = run_cli(cli_url, "wachtwoord-instellen", "--email", "viewer@gemeente.nl")  # asks twice: no terminal
    assert no_tty.returncode != 0 and "Traceback" not in no_tty.stderr
    assert snapshot(cli_url) == before


def test_cli_revokes_roles_and_reactivates(cli_url: str) -> None:
    ids = _setup(cli_url)
    done = run_cli(cli_url, "rol-intrekken", "--email", "editor@gemeente.nl", "--rol", "editor", "--programma",
                   "sociaal")
    assert done.returncode == 0, done.stderr
    assert _grants(cli_url, ids["editor"]) == set()
    before = snapshot(cli_url)
    _clean_refusal(run_cli(cli_url, "rol-intrekken", "--email", "editor@gemeente.nl", "--rol", "editor",
                           "--programma", "sociaal"), "niet")
    _clean_refusal(run_cli(cli_url, "rol-intrekken", "--email", "approver@gemeente.nl", "--rol", "approver"),
                   "per programma")
    _clean_refusal(run_cli(cli_url, "rol-intrekken", "--email", "admin@gemeente.nl", "--rol", "admin",
                           "--programma", "sociaal"), "laat --programma weg")
    # one transaction: the second programme is not held, so the first is not revoked either
    _clean_refusal(run_cli(cli_url, "rol-intrekken", "--email", "approver@gemeente.nl", "--rol", "approver",
                           "--programma", "sociaal", "--programma", "zorg"), "niet")
    assert snapshot(cli_url) == before
    assert run_cli(cli_url, "rol-intrekken", "--email", "admin2@gemeente.nl", "--rol", "admin").returncode == 0
    assert "admin2@gemeente.nl\tAdmin2\tgeen rol" in run_cli(cli_url, "rollen").stdout

    assert run_cli(cli_url, "deactiveren", "--email", "viewer@gemeente.nl").returncode == 0
    assert "viewer@gemeente.nl\tViewer\tviewer [gedeactiveerd]" in run_cli(cli_url, "rollen").stdout
    done = run_cli(cli_url, "heractiveren", "--email", "viewer@gemeente.nl")
    assert done.returncode == 0 and "weer actief" in done.stdout
    assert "viewer@gemeente.nl\tViewer\tviewer\n" in run_cli(cli_url, "rollen").stdout + "\n"
    _clean_refusal(run_cli(cli_url, "heractiveren", "--email", "niemand@gemeente.nl"), "geen account")


def test_cli_help_lists_the_new_commands(cli_url: str) -> None:
    done = run_cli(cli_url, "--help")
    assert done.returncode == 0
    for command in ("wachtwoord-instellen", "rol-intrekken", "heractiveren", "maak-beheerder", "gebruiker-toevoegen",
                    "rol-toekennen", "deactiveren", "rollen"):
        assert command in done.stdout
    sub = " ".join(run_cli(cli_url, "wachtwoord-instellen", "--help").stdout.split())
    assert "--wachtwoord-stdin" in sub and "minstens 12 tekens" in sub
    wrong = run_cli(cli_url, "rol-intrekken", "--email", "a@b.nl")
    assert wrong.returncode == 2 and "fout:" in wrong.stderr and "Traceback" not in wrong.stderr

"""Account administration in the web app (/beheer/gebruikers): the `admin_*` functions. Each checks in the database
that the one asking is an active admin, and refuses what would lock the gemeente out (an admin deactivating
themselves or removing their own admin role, the last active admin losing that role). The rules and plain account
functions they build on are in db/accounts.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.accounts import (
    PROGRAMME_ROLES,
    AccountError,
    AccountInvalid,
    NotPermitted,
    create_user,
    deactivate_user,
    grant_role,
    is_programme,
    new_account_problems,
    reactivate_user,
    reset_password,
    revoke_role,
)
from db.models.accounts import RoleGrant, User
from db.models.programmes import Programme
from db.read.lookups import valid_id
from indicators.enums import Role
from indicators.periods import as_utc

NOT_SIGNED_IN = "Log in om dit te doen."
ADMIN_ONLY = "U mag dit niet doen: alleen een beheerder (admin) beheert accounts."
NO_SUCH_ACCOUNT = "Dit account bestaat niet (meer)."
SELF_DEACTIVATE = ("U kunt uw eigen account niet deactiveren: dan logt u uzelf uit en kunt u niet meer inloggen. "
                   "Laat een andere beheerder dat doen.")
SELF_REVOKE_ADMIN = ("U kunt uw eigen rol beheerder niet intrekken: dan kunt u accounts niet meer beheren, ook dit "
                     "niet terugdraaien. Laat een andere beheerder dat doen.")
SELF_RESET = ("Uw eigen wachtwoord wijzigt u met ‘Wachtwoord wijzigen’ bovenaan de pagina, met uw huidige "
              "wachtwoord; hier zou het ook uw eigen sessie beëindigen.")
LAST_ADMIN = ("Dit is de laatste actieve beheerder: zonder beheerder kan niemand accounts meer beheren. Geef eerst "
              "een ander account de rol beheerder.")


class Principal(Protocol):
    """Whoever asks for an account change: the signed-in account (dashboard.auth.CurrentUser has `id`,
    db.write.workflow.Actor `user_id`). Only its id counts: its rights are read from the database."""


def _admin_accounts(session: Session) -> list[int]:
    """The ids of the active admin accounts, locked until the transaction ends (PostgreSQL: FOR UPDATE; SQLite
    allows one writer at a time anyway), so two admins taking each other's role at once cannot leave none."""
    return sorted(set(session.scalars(
        select(User.id).join(RoleGrant, RoleGrant.user_id == User.id)
        .where(RoleGrant.role == Role.ADMIN, User.is_active.is_(True)).with_for_update(of=User))))


def _actor_id(actor: Principal) -> object:
    return getattr(actor, "id", getattr(actor, "user_id", None))


def _checked_admin(session: Session, actor: Principal | None) -> list[int]:
    """Refuse unless `actor` is, in the database and not only in a session, an active admin; the active admins."""
    if actor is None:
        raise NotPermitted(NOT_SIGNED_IN)
    admins = _admin_accounts(session)
    if _actor_id(actor) not in admins:
        raise NotPermitted(ADMIN_ONLY)
    return admins


def _account(session: Session, user_id: object) -> User:
    user = session.get(User, user_id) if valid_id(user_id) else None
    if user is None:
        raise AccountError(NO_SUCH_ACCOUNT)
    return user


def is_last_active_admin(session: Session, user: User) -> bool:
    """Whether `user` is an active admin and no other account is."""
    return _admin_accounts(session) == [user.id]


def admin_create_user(session: Session, actor: Principal | None, email: str, name: str, password: str) -> User:
    """An admin makes an account (no roles yet) with a temporary password to hand over; AccountInvalid lists every
    problem with the fields at once."""
    _checked_admin(session, actor)
    problems = new_account_problems(session, email, name, password)
    if problems:
        raise AccountInvalid(problems)
    return create_user(session, email, name, password)


def admin_grant_role(session: Session, actor: Principal | None, user_id: int, role: Role | str | None,
                     programme_id: int | None = None) -> bool:
    """An admin gives an account a role: editor and approver for a programme, viewer and admin for all (a programme
    given with those is ignored). False when the account already had it."""
    _checked_admin(session, actor)
    user = _account(session, user_id)
    try:
        role = Role(role)
    except ValueError:
        raise AccountError("Kies een rol.", "role") from None
    if role not in PROGRAMME_ROLES:
        programme_id = None
    elif programme_id is None:
        raise AccountError("Kies het programma waarvoor deze rol geldt.", "programme")
    elif not is_programme(session, programme_id):
        raise AccountError("Dit programma bestaat niet (meer).", "programme")
    had = any(g.role == role and g.programme_id == programme_id for g in user.grants)
    grant_role(session, user, role, programme_id)
    return not had


def admin_revoke_grant(session: Session, actor: Principal | None, user_id: int, grant_id: int) -> RoleGrant:
    """An admin takes one of an account's roles away (the grant `grant_id`); never their own admin role, nor the
    last active admin's. Returns the grant as it was (detached)."""
    admins = _checked_admin(session, actor)
    user = _account(session, user_id)
    grant = next((g for g in user.grants if g.id == grant_id), None)
    if grant is None:
        raise AccountError("Deze rol is al ingetrokken.", "role")
    if grant.role is Role.ADMIN and user.is_active:
        # the last active admin is always the actor (who must be an active admin), so both rules hold for a lone admin;
        # the first says what to do before the second no longer stands in the way
        if admins == [user.id]:
            raise AccountError(LAST_ADMIN, "role")
        if user.id == _actor_id(actor):
            raise AccountError(SELF_REVOKE_ADMIN, "role")
    revoke_role(session, user, grant.role, grant.programme_id)
    return grant


def admin_set_active(session: Session, actor: Principal | None, user_id: int, active: bool) -> User:
    """An admin deactivates an account (its sessions end at once) or reactivates it; never their own account, nor
    the last active admin."""
    admins = _checked_admin(session, actor)
    user = _account(session, user_id)
    if active:
        if not user.is_active:
            reactivate_user(session, user)
        return user
    if admins == [user.id]:
        raise AccountError(LAST_ADMIN)
    if user.id == _actor_id(actor):
        raise AccountError(SELF_DEACTIVATE)
    if user.is_active:
        deactivate_user(session, user)
    return user


def admin_set_password(session: Session, actor: Principal | None, user_id: int, password: str,
                       now: datetime | None = None) -> User:
    """An admin gives an account a new temporary password (check_password_rules); every session of that account
    ends, and the lock after failed sign-ins of its e-mail address is lifted (recorded as a success, as a sign-in
    would: someone locked out is the usual reason for a reset; a lock on an IP address stays). Not for the admin's
    own account: that goes through change_password, with the current password."""
    _checked_admin(session, actor)
    user = _account(session, user_id)
    if user.id == _actor_id(actor):
        raise AccountError(SELF_RESET, "password")
    if not password:
        raise AccountError("Vul een tijdelijk wachtwoord in.", "password")
    reset_password(session, user, password, now)
    return user




# --- what the account pages show ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GrantView:
    id: int
    role: Role
    programme_id: int | None
    programme_name: str | None


@dataclass(frozen=True)
class AccountView:
    """An account as the administration pages show it; moments are aware UTC datetimes."""

    id: int
    email: str
    name: str
    is_active: bool
    last_login_at: datetime | None
    created_at: datetime | None
    grants: tuple[GrantView, ...]


def _view(user: User, names: dict[int, str]) -> AccountView:
    return AccountView(user.id, user.email, user.name, user.is_active, as_utc(user.last_login_at),
                       as_utc(user.created_at), tuple(
                           GrantView(g.id, Role(g.role), g.programme_id, names.get(g.programme_id or 0))
                           for g in user.grants))


def _programme_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Programme.id, Programme.name)).all())


def accounts(session: Session) -> list[AccountView]:
    """Every account with its grants (in no particular order)."""
    names = _programme_names(session)
    return [_view(u, names) for u in session.scalars(select(User).options(selectinload(User.grants))).all()]


def account(session: Session, user_id: int) -> AccountView | None:
    """One account with its grants, as stored now (None when it does not exist)."""
    user = session.get(User, user_id, options=[selectinload(User.grants)], populate_existing=True)
    return _view(user, _programme_names(session)) if user is not None else None

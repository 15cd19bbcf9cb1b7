"""Accounts, sign-in and roles: create users, hash and check passwords (argon2id), a rate limit on failed sign-ins,
and the one permission rule (`allowed`). Plain functions on a SQLAlchemy session; the web app and the command line
both use them.

    python -m db.accounts maak-beheerder --email beheer@gemeente.nl --naam "Beheerder"
    python -m db.accounts gebruiker-toevoegen --email a@gemeente.nl --naam "A. de Vries" --rol editor \
        --programma sociaal-en-vitaal
    python -m db.accounts rol-toekennen --email a@gemeente.nl --rol approver --programma zorg-en-veiligheid
    python -m db.accounts deactiveren --email a@gemeente.nl
    python -m db.accounts heractiveren --email a@gemeente.nl
    python -m db.accounts rol-intrekken --email a@gemeente.nl --rol editor --programma sociaal-en-vitaal
    python -m db.accounts wachtwoord-instellen --email a@gemeente.nl
    python -m db.accounts rollen

The command line itself is db/accounts_cli.py; the web app's account administration (/beheer/gebruikers) uses
db/account_admin.py.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from db.account_names import hidden_problem, normalise_email, normalise_name
from db.models.accounts import RoleGrant, SignInAttempt, User
from db.models.programmes import Programme
from db.read.lookups import valid_id
from db.web_sessions import end_user_sessions
from indicators.enums import Action, PasswordProblem, Refusal, Role
from indicators.periods import as_utc

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024  # argon2 takes any length; this only stops absurd request bodies from costing CPU
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_IP = 20
LOCK_WINDOW = timedelta(minutes=15)
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# argon2-cffi's defaults (RFC 9106 "low memory" profile, argon2id). When they change in a later release,
# `authenticate` rehashes a password at its next successful sign-in.
HASHER = PasswordHasher()
# Checked when the e-mail address is unknown, so an unknown address costs as much time as a wrong password.
_DUMMY_HASH = HASHER.hash("perspectief-dummy-password")


class AccountError(ValueError):
    """A refused account change, with a Dutch message for the person who asked for it; `field` names the form field
    it is about (name, email, password, role, programme), if any."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class AccountInvalid(AccountError):
    """A refused new account: every problem at once, {field: Dutch message}."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(" ".join(errors.values()), next(iter(errors), None))
        self.errors = dict(errors)


class NotPermitted(AccountError):
    """The one asking is not signed in or not an active admin: nothing was changed."""


# The documented permission registry: who may do what (tests keep `allowed` and this table in step).
ACTIONS: dict[Action, str] = {
    Action.READ_PUBLISHED: "published content; anyone, unless sign-in is required (then any account)",
    Action.READ_UNPUBLISHED: "unpublished content of a programme: its editors and approvers, and admins",
    Action.EDIT: "enter and change results, measurements and stories of a programme: its editors, and admins",
    Action.APPROVE: "approve a programme's changes for publication: its approvers, and admins",
    Action.ADMIN: "users, indicators and loads: admins",
}
PROGRAMME_ROLES = frozenset({Role.EDITOR, Role.APPROVER})


@dataclass(frozen=True)
class Grant:
    """A role, for one programme (editor, approver) or for all (viewer, admin: programme_id None)."""

    role: Role
    programme_id: int | None = None


def allowed(grants: Iterable[Grant] | None, action: Action | str, programme_id: int | None = None, *,
            sign_in_required: bool = False) -> bool:
    """Whether someone with `grants` may do `action` (for `programme_id`, where it concerns one programme).

    `grants` None means anonymous; an account without any grant reads published content like a viewer.
    Editor and approver rights hold only for their own programmes, so without a programme_id only an admin may."""
    action = Action(action)
    if grants is None:
        return action is Action.READ_PUBLISHED and not sign_in_required
    grants = list(grants)
    if any(g.role is Role.ADMIN for g in grants):
        return True
    if action is Action.READ_PUBLISHED:
        return True
    if action is Action.ADMIN or programme_id is None:
        return False
    own = {g.role for g in grants if g.programme_id == programme_id}
    if action is Action.READ_UNPUBLISHED:
        return bool(own & PROGRAMME_ROLES)
    if action is Action.EDIT:
        return Role.EDITOR in own
    return Role.APPROVER in own  # Action.APPROVE


def grants_of(user: User) -> frozenset[Grant]:
    return frozenset(Grant(Role(g.role), g.programme_id) for g in user.grants)


# --- accounts ----------------------------------------------------------------------------------------------------


def hash_password(password: str) -> str:
    check_password_rules(password)
    return HASHER.hash(password)


def password_rule_problem(password: str) -> PasswordProblem | None:
    """Which rule for a new password `password` breaks, if any (the web form shows it; see check_password_rules)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return PasswordProblem.TOO_SHORT
    if len(password) > MAX_PASSWORD_LENGTH:
        return PasswordProblem.TOO_LONG
    return None


def check_password_rules(password: str) -> None:
    problem = password_rule_problem(password)
    if problem is PasswordProblem.TOO_SHORT:
        raise AccountError(f"Het wachtwoord is te kort: gebruik minstens {MIN_PASSWORD_LENGTH} tekens.", "password")
    if problem is PasswordProblem.TOO_LONG:
        raise AccountError(f"Het wachtwoord is te lang: gebruik hoogstens {MAX_PASSWORD_LENGTH} tekens.", "password")


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalise_email(email))
                          .options(selectinload(User.grants)))


def new_account_problems(session: Session, email: str, name: str, password: str) -> dict[str, str]:
    """What is wrong with a new account's e-mail address, name and password: {field: Dutch message}, empty if
    nothing (fields: email, name, password)."""
    email = normalise_email(email)
    problems: dict[str, str] = {}
    if hidden := hidden_problem(email, "Het e-mailadres"):
        problems["email"] = hidden
    elif not email:
        problems["email"] = "Vul een e-mailadres in."
    elif not EMAIL_RE.match(email) or len(email) > 254:
        problems["email"] = f"‘{email}’ is geen geldig e-mailadres."
    elif find_user(session, email) is not None:
        problems["email"] = (f"Er is al een account met het e-mailadres {email}. Zoek het op in de lijst van "
                             f"accounts (een gedeactiveerd account kunt u daar heractiveren).")
    if hidden := hidden_problem(name, "De naam"):
        problems["name"] = hidden
    elif not normalise_name(name):
        problems["name"] = "Vul een naam in."
    try:
        check_password_rules(password)
    except AccountError as exc:
        problems["password"] = exc.message
    return problems


def create_user(session: Session, email: str, name: str, password: str, now: datetime | None = None) -> User:
    """A new active account without roles; refuses an invalid or already used e-mail address and a short password."""
    for text, what, field in ((email, "Het e-mailadres", "email"), (name, "De naam", "name")):
        if hidden := hidden_problem(text, what):
            raise AccountError(hidden, field)
    email = normalise_email(email)
    name = normalise_name(name)
    if not EMAIL_RE.match(email) or len(email) > 254:
        raise AccountError(f"‘{email}’ is geen geldig e-mailadres.", "email")
    if not name:
        raise AccountError("Vul een naam in.", "name")
    if find_user(session, email) is not None:
        raise AccountError(f"Er is al een account met het e-mailadres {email}.", "email")
    user = User(email=email, name=name[:200], password_hash=hash_password(password), is_active=True,
                created_at=now or datetime.now(UTC), session_version=1)
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    """A new password; ends every session of the account (also the one of whoever changed it)."""
    user.password_hash = hash_password(password)
    user.session_version += 1
    end_user_sessions(session, user.id)
    session.flush()


def deactivate_user(session: Session, user: User) -> None:
    """The account can no longer sign in, and its open sessions end at their next request."""
    user.is_active = False
    user.session_version += 1
    end_user_sessions(session, user.id)
    session.flush()


def reactivate_user(session: Session, user: User) -> None:
    """A deactivated account can sign in again, with its roles and password as they were. Its old sessions stay
    ended: deactivation raised the session version."""
    user.is_active = True
    session.flush()


def programme_by_slug(session: Session, slug: str) -> Programme:
    programme = session.scalar(select(Programme).where(Programme.slug == slug))
    if programme is None:
        raise AccountError(f"Er is geen programma ‘{slug}’.")
    return programme


def is_programme(session: Session, programme_id: object) -> bool:
    """Whether `programme_id` is the id of an existing programme (any other value – a string, a bool, a number
    beyond the database's integers – is not)."""
    if not valid_id(programme_id):
        return False
    return session.get(Programme, programme_id) is not None


def grant_role(session: Session, user: User, role: Role | str, programme_id: int | None = None) -> RoleGrant:
    """Give `user` a role; editor and approver need a programme, viewer and admin take none. Idempotent."""
    role = Role(role)
    if role in PROGRAMME_ROLES and programme_id is None:
        raise AccountError(f"De rol {role.value} geldt per programma: geef een programma op.")
    if role not in PROGRAMME_ROLES and programme_id is not None:
        raise AccountError(f"De rol {role.value} geldt voor alle programma's: geef geen programma op.")
    if programme_id is not None and not is_programme(session, programme_id):
        raise AccountError("Dit programma bestaat niet (meer).", "programme")
    # NULL programme_ids are distinct in a unique constraint, so the database alone would allow two admin grants
    existing = next((g for g in user.grants if g.role == role and g.programme_id == programme_id), None)
    if existing is not None:
        return existing
    grant = RoleGrant(role=role, programme_id=programme_id)
    user.grants.append(grant)
    session.flush()
    return grant


def revoke_role(session: Session, user: User, role: Role | str, programme_id: int | None = None) -> None:
    """Take a role from `user` (for `programme_id`, for editor and approver); refuses a role the account lacks.
    Every session of the account ends (on every instance), so nothing it opened with the role goes on."""
    role = Role(role)
    grant = next((g for g in user.grants if g.role == role and g.programme_id == programme_id), None)
    if grant is None:
        where = "" if programme_id is None else " voor dit programma"
        raise AccountError(f"{user.email} heeft de rol {role.value}{where} niet.", "role")
    user.grants.remove(grant)  # delete-orphan: the row goes
    user.session_version += 1
    end_user_sessions(session, user.id)
    session.flush()


def reset_password(session: Session, user: User, password: str, now: datetime | None = None) -> None:
    """Someone else (an admin, or the command line) gives the account a new password: the rules apply, every
    session ends, and the lock of its e-mail address after failed sign-ins is lifted (recorded as a success)."""
    check_password_rules(password)
    set_password(session, user, password)
    session.add(SignInAttempt(email=user.email, ip="", at=(now or datetime.now(UTC)).astimezone(UTC),
                              succeeded=True))
    session.flush()


# --- sign-in -----------------------------------------------------------------------------------------------------


def _failures_since(session: Session, column, value: str, since: datetime) -> int:  # noqa: ANN001 - a column
    return session.scalar(select(func.count()).select_from(SignInAttempt)
                          .where(column == value, SignInAttempt.at >= since,
                                 SignInAttempt.succeeded.is_(False))) or 0


def is_locked(session: Session, email: str, ip: str, now: datetime) -> bool:
    """Too many recent failures for this e-mail address (since its last success) or from this IP address (an empty
    `ip` – the client's address is not known, e.g. behind a proxy that is not trusted – counts per address never)."""
    email = normalise_email(email)
    since = now - LOCK_WINDOW
    last_success = session.scalar(select(func.max(SignInAttempt.at))
                                  .where(SignInAttempt.email == email, SignInAttempt.succeeded.is_(True),
                                         SignInAttempt.at >= since))
    if last_success is not None:
        since = as_utc(last_success)
    return (_failures_since(session, SignInAttempt.email, email, since) >= MAX_FAILURES_PER_EMAIL
            or (bool(ip) and _failures_since(session, SignInAttempt.ip, ip, now - LOCK_WINDOW) >= MAX_FAILURES_PER_IP))


def authenticate(session: Session, email: str, password: str, ip: str, now: datetime | None = None
                 ) -> User | Refusal:
    """The active account with this e-mail address and password, else why not. While the address or the IP is
    locked even the right password is refused. The answer never tells whether the address has an account."""
    now = (now or datetime.now(UTC)).astimezone(UTC)  # SQLite keeps no offset: store and compare in UTC
    email = normalise_email(email)[:254]
    ip = (ip or "")[:64]
    if is_locked(session, email, ip, now):
        # not recorded: the lock ends LOCK_WINDOW after the last counted failure, however often someone retries
        return Refusal.LOCKED
    user = find_user(session, email)
    ok = _verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None and user.is_active
    session.add(SignInAttempt(email=email, ip=ip, at=now, succeeded=ok))
    if not ok:
        session.flush()
        return Refusal.INVALID
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = HASHER.hash(password)
    user.last_login_at = now
    session.flush()
    return user


def change_password(session: Session, user: User, current: str, new: str, repeat: str, ip: str,
                    now: datetime | None = None) -> list[PasswordProblem]:
    """A signed-in account changes its own password: `current` must be right, `new` must follow the rules, equal
    `repeat` and differ from `current`. Returns why not (nothing changed), or [] once changed (session_version raised,
    as `set_password` does). Shares sign-in's rate limit, so the form cannot be used to guess a password: a wrong
    `current` counts as a failed sign-in of the account, and while the address or IP is locked nothing is checked."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    ip = (ip or "")[:64]
    if is_locked(session, user.email, ip, now):
        return [PasswordProblem.LOCKED]
    problems = []
    current_ok = False
    if not current:
        problems.append(PasswordProblem.CURRENT_EMPTY)
    elif _verify(user.password_hash, current) and user.is_active:
        current_ok = True
    else:
        session.add(SignInAttempt(email=user.email, ip=ip, at=now, succeeded=False))
        problems.append(PasswordProblem.CURRENT_WRONG)
    if not new:
        problems.append(PasswordProblem.NEW_EMPTY)
    elif (rule := password_rule_problem(new)) is not None:
        problems.append(rule)
    elif current_ok and new == current:
        problems.append(PasswordProblem.UNCHANGED)
    if new and not repeat:
        problems.append(PasswordProblem.REPEAT_EMPTY)
    elif new and repeat != new:
        problems.append(PasswordProblem.MISMATCH)
    if problems:
        session.flush()
        return problems
    set_password(session, user, new)
    # a proven password, like a successful sign-in: the count of failures for the address starts again
    session.add(SignInAttempt(email=user.email, ip=ip, at=now, succeeded=True))
    session.flush()
    return []


# --- the web app's sessions ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignedIn:
    """The account behind a valid session cookie."""

    id: int
    email: str
    name: str
    grants: frozenset[Grant]


def has_accounts(session: Session) -> bool:
    return session.scalar(select(User.id).limit(1)) is not None


def signed_in(session: Session, user_id: object, session_version: object) -> SignedIn | None:
    """The account of a session, with its grants, while it is active and the session still valid (its version is
    the account's: a new password or a deactivation ends every session); else None."""
    user = session.get(User, user_id, options=[selectinload(User.grants)]) \
        if isinstance(user_id, int) and not isinstance(user_id, bool) else None
    if user is None or not user.is_active or user.session_version != session_version:
        return None
    return SignedIn(user.id, user.email, user.name, grants_of(user))


def set_own_password(session: Session, user_id: int, current: str, new: str, repeat: str, ip: str,
                        now: datetime | None = None) -> tuple[list[PasswordProblem], int]:
    """`change_password` for the signed-in account `user_id`: the problems, and the account's session version
    afterwards (raised when the password changed)."""
    user = session.get(User, user_id)
    problems = change_password(session, user, current, new, repeat, ip, now)
    return problems, user.session_version


def _verify(password_hash: str, password: str) -> bool:
    if not password or len(password) > MAX_PASSWORD_LENGTH:
        return False
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


if __name__ == "__main__":  # python -m db.accounts …: the command line lives in db/accounts_cli.py
    from db.accounts_cli import main

    sys.exit(main())

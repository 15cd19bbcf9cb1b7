"""The accounts command line, run as `python -m db.accounts …` (see db/accounts.py for the commands): Dutch help
and messages, exit status 0 (done), 1 (refused) or 2 (wrong use)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from db.accounts import (
    MIN_PASSWORD_LENGTH,
    PROGRAMME_ROLES,
    AccountError,
    create_user,
    deactivate_user,
    find_user,
    grant_role,
    normalise_email,
    programme_by_slug,
    reactivate_user,
    reset_password,
    revoke_role,
)
from db.models.accounts import User
from db.models.programmes import Programme
from indicators.enums import Role

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
ROLE_HELP = "viewer (leest gepubliceerde inhoud), editor of approver (per programma), admin (beheer)"


_ARGPARSE_DUTCH = [("the following arguments are required", "deze opties ontbreken"),
                   ("invalid choice", "ongeldige keuze"), ("choose from", "kies uit"),
                   ("unrecognized arguments", "onbekende argumenten"), ("expected one argument", "verwacht een waarde"),
                   ("argument ", "optie ")]


class _DutchHelp(argparse.HelpFormatter):
    """argparse's own headings in Dutch."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # noqa: ANN001
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section({"options": "opties", "positional arguments": "opdrachten"}.get(heading, heading))


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("formatter_class", _DutchHelp)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # argparse's own messages, with our exit code for wrong use
        for english, dutch in _ARGPARSE_DUTCH:
            message = message.replace(english, dutch)
        self.print_usage(sys.stderr)
        print(f"fout: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m db.accounts", add_help=False,
                     description="Accounts en rollen van Perspectief beheren. Gebruikt DATABASE_URL, net als de app.")
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument("--database-url", help="SQLAlchemy-URL (standaard: DATABASE_URL of de instelling van de app)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht", parser_class=_Parser)

    def command(name: str, text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text, add_help=False)
        p.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
        return p

    def email(p: argparse.ArgumentParser, text: str = "e-mailadres van het account") -> argparse.ArgumentParser:
        p.add_argument("--email", required=True, help=text)
        return p

    def password_from_stdin(p: argparse.ArgumentParser) -> None:
        p.add_argument("--wachtwoord-stdin", action="store_true",
                       help=f"lees het wachtwoord van standaardinvoer (eerste regel) in plaats van het twee keer te "
                            f"vragen; minstens {MIN_PASSWORD_LENGTH} tekens")

    def role(p: argparse.ArgumentParser, programme_help: str) -> None:
        p.add_argument("--rol", required=True, choices=[r.value for r in Role], help=ROLE_HELP)
        p.add_argument("--programma", action="append", default=[], metavar="SLUG", help=programme_help)

    for name, text, with_role in (("maak-beheerder", "maak een account met de rol admin (de eerste beheerder)", False),
                                  ("gebruiker-toevoegen", "maak een account met een rol", True)):
        p = email(command(name, text), "e-mailadres (wordt in kleine letters bewaard)")
        p.add_argument("--naam", required=True, help="naam zoals die in de kop van het dashboard staat")
        password_from_stdin(p)
        if with_role:
            role(p, "programma (slug, bv. sociaal-en-vitaal) voor editor of approver; mag vaker")
    role(email(command("rol-toekennen", "geef een bestaand account (nog) een rol")),
         "programma (slug, bv. sociaal-en-vitaal) voor editor of approver; mag vaker")
    email(command("deactiveren", "een account kan niet meer inloggen; open sessies eindigen meteen"))
    command("rollen", "toon alle accounts met hun rollen")
    role(email(command("rol-intrekken", "neem een account een rol af (per programma voor editor en approver)")),
         "programma (slug) voor editor of approver; mag vaker")
    email(command("heractiveren", "een gedeactiveerd account kan weer inloggen, met zijn rollen en wachtwoord"))
    password_from_stdin(email(command("wachtwoord-instellen",
                                      "geef een account een nieuw (tijdelijk) wachtwoord; open sessies eindigen")))
    return parser


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Herhaal het wachtwoord: ") != first:
        raise AccountError("De twee wachtwoorden zijn niet gelijk.")
    return first


def _for_each_programme(session: Session, user: User, role: str, slugs: list[str],
                        change: Callable[..., object]) -> None:
    """Grant or revoke (`change`: grant_role or revoke_role) `role` for each programme in `slugs`, or once for a
    role that holds for all programmes."""
    if Role(role) in PROGRAMME_ROLES:
        if not slugs:
            raise AccountError(f"De rol {role} geldt per programma: geef --programma SLUG op.")
        for slug in slugs:
            change(session, user, role, programme_by_slug(session, slug).id)
    else:
        if slugs:
            raise AccountError(f"De rol {role} geldt voor alle programma's: laat --programma weg.")
        change(session, user, role)


def _list(session: Session) -> list[str]:
    slugs = dict(session.execute(select(Programme.id, Programme.slug)).all())
    lines = []
    for user in session.scalars(select(User).options(selectinload(User.grants)).order_by(User.email)):
        roles = ", ".join(sorted(f"{g.role.value}" + (f" ({slugs.get(g.programme_id)})" if g.programme_id else "")
                                 for g in user.grants)) or "geen rol (leest gepubliceerde inhoud)"
        state = "" if user.is_active else " [gedeactiveerd]"
        lines.append(f"{user.email}\t{user.name}\t{roles}{state}")
    return lines or ["Nog geen accounts. Maak de eerste met: python -m db.accounts maak-beheerder"]


def main(argv: list[str] | None = None, database_url: str | None = None) -> int:
    args = build_parser().parse_args(argv)
    from db.migrate import upgrade
    from db.session import session_scope

    if database_url is None and args.database_url is None:
        from settings import get_settings

        database_url = get_settings().database_url
    url = args.database_url or database_url
    try:
        upgrade(url)  # the first admin is usually made before the app has ever started
        with session_scope(url) as session:
            if args.command == "rollen":
                print("\n".join(_list(session)))
                return EXIT_OK
            if args.command in ("rol-toekennen", "deactiveren", "rol-intrekken", "heractiveren",
                                "wachtwoord-instellen"):
                user = find_user(session, args.email)
                if user is None:
                    raise AccountError(f"Er is geen account met het e-mailadres {normalise_email(args.email)}.")
                if args.command == "deactiveren":
                    deactivate_user(session, user)
                    print(f"{user.email} is gedeactiveerd.")
                elif args.command == "heractiveren":
                    reactivate_user(session, user)
                    print(f"{user.email} is weer actief.")
                elif args.command == "rol-intrekken":
                    _for_each_programme(session, user, args.rol, args.programma, revoke_role)
                    print(f"{user.email} heeft de rol {args.rol}"
                          + (f" ({', '.join(args.programma)})" if args.programma else "") + " niet meer.")
                elif args.command == "wachtwoord-instellen":
                    reset_password(session, user, _read_password(args.wachtwoord_stdin))
                    print(f"{user.email} heeft een nieuw wachtwoord; open sessies van dit account zijn beëindigd.")
                else:
                    _for_each_programme(session, user, args.rol, args.programma, grant_role)
                    print(f"{user.email} heeft de rol {args.rol}.")
                return EXIT_OK
            if find_user(session, args.email) is not None:  # before asking for a password in vain
                raise AccountError(f"Er is al een account met het e-mailadres {normalise_email(args.email)}.")
            password = _read_password(args.wachtwoord_stdin)
            user = create_user(session, args.email, args.naam, password)
            role = Role.ADMIN.value if args.command == "maak-beheerder" else args.rol
            _for_each_programme(session, user, role, [] if args.command == "maak-beheerder" else args.programma,
                                grant_role)
            print(f"Account {user.email} ({user.name}) gemaakt met de rol {role}.")
    except AccountError as exc:
        print(f"Geweigerd: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except (KeyboardInterrupt, EOFError):
        print("\nAfgebroken: er is niets veranderd.", file=sys.stderr)
        return EXIT_REFUSED
    except SQLAlchemyError as exc:
        print(f"Geweigerd: de database is niet bereikbaar of weigert de wijziging ({type(exc).__name__}).",
              file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

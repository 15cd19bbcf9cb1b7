"""What ./serve.sh runs once before gunicorn starts its workers: refuse a configuration unfit for production (one
Dutch line naming the variable, exit status 2), migrate the database, and load the demo only when LOAD_DEMO=true.

    python -m dashboard.prestart            # check, migrate, (demo)
    python -m dashboard.prestart --check    # check only (gunicorn's on_starting does this too)"""

from __future__ import annotations

import argparse
import logging
import sys

from dashboard.secret_key import key_problem
from settings import Settings, get_settings

log = logging.getLogger("perspectief.prestart")


def problems(settings: Settings) -> list[str]:
    """Why these settings must not serve in production (Dutch, one line each); empty when they may."""
    found = []
    if (key := key_problem(settings)) is not None:
        found.append(key)
    if settings.debug:
        found.append("DEBUG staat aan: zet DEBUG=false (de foutpagina's van Dash tonen code en gegevens)")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.prestart",
                                     description="Controleert de instellingen en migreert de database voor ./serve.sh.")
    parser.add_argument("--check", action="store_true", help="alleen de instellingen controleren")
    args = parser.parse_args(argv)
    try:
        settings = get_settings()
    except Exception as exc:  # noqa: BLE001 - pydantic's validation error: one readable line
        print(f"serve.sh: ongeldige instelling: {exc}".splitlines()[0], file=sys.stderr)  # noqa: T201
        return 2
    from dashboard.logs import configure_logging

    configure_logging(settings)
    if found := problems(settings):
        for line in found:
            print(f"serve.sh: {line}", file=sys.stderr)  # noqa: T201
        return 2
    if args.check:
        return 0
    from app import prepare_database

    try:
        prepare_database(settings)
    except Exception as exc:  # noqa: BLE001 - unreachable database, failed migration: say so, no traceback
        print(f"serve.sh: de database is niet bij te werken: {type(exc).__name__}: {exc}".splitlines()[0],
              file=sys.stderr)  # noqa: T201
        return 1
    log.info("database bijgewerkt; demo %s", "geladen (als hij leeg was)" if settings.load_demo else "niet geladen")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m db`: backups of the database named by DATABASE_URL (see db/backup.py).

    python -m db backup PATH
    python -m db restore PATH [--overschrijven]

Exit status: 0 done, 1 refused (the message says why, in Dutch), 2 usage."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db.backup import BackupError, backup, restore, tables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m db", description="Back-up en terugzetten van de database "
                                     "(DATABASE_URL): PostgreSQL met pg_dump/pg_restore, SQLite met zijn back-up-API.")
    parser.add_argument("--database-url", help="SQLAlchemy-URL (standaard: DATABASE_URL)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="opdracht")
    make = commands.add_parser("backup", help="maak een back-up in PAD (overschrijft niets)")
    make.add_argument("path", metavar="PAD", type=Path)
    back = commands.add_parser("restore", help="zet de back-up PAD terug in een lege database")
    back.add_argument("path", metavar="PAD", type=Path)
    back.add_argument("--overschrijven", action="store_true",
                      help="ook in een database die niet leeg is: alles wat erin staat wordt vervangen")
    args = parser.parse_args(argv)
    if args.database_url:
        url = args.database_url
    else:
        from settings import get_settings

        url = get_settings().database_url
    try:
        if args.command == "backup":
            done = backup(url, args.path)
            print(f"back-up gemaakt: {done} ({done.stat().st_size:,} bytes, {len(tables(url))} tabellen)"
                  .replace(",", "."))
        else:
            restore(url, args.path, overwrite=args.overschrijven)
            print(f"teruggezet: {args.path} ({len(tables(url))} tabellen); start de app om te controleren dat "
                  f"/readyz 'ok' zegt")
    except BackupError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

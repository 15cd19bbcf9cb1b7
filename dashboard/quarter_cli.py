"""Command line for the quarter review: publish (freeze) a quarter and record the meeting's decisions and action items.

    python -m dashboard.quarter_cli publiceer 2026-Q3 --door "Programmamanager"
    python -m dashboard.quarter_cli besluit 2026-Q3 sociaal-en-vitaal "Extra inzet op het Pact"
    python -m dashboard.quarter_cli actiepunt 2026-Q3 sociaal-en-vitaal "Partners benaderen" --eigenaar "A. de Vries" \
        --gereed 2026-12-15
    python -m dashboard.quarter_cli afgerond 12 2026-12-10 --door "A. de Vries"

Uses DATABASE_URL like the app. The web app does the same at /beheer/kwartaal/<YYYY>-Q<n> (dashboard/pages/
quarter_meeting.py) for signed-in approvers of a programme (notes) and admins (notes and publishing). A note records
who recorded it and who marked it done: the signed-in account there, `--door` here (default "opdrachtregel")."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from functools import partial

from dashboard.exports.pdf import render_pdf
from dashboard.exports.report_html import render_html
from dashboard.exports.xlsx import render_xlsx
from db.session import session_scope
from db.write.quarter import FrozenSnapshotError, Renderers, add_note, mark_done, publish_quarter
from indicators.periods import PeriodError, parse_quarter
from settings import get_settings

CLI_AUTHOR = "opdrachtregel"  # who published, recorded a note or marked it done, when --door is not given


def renderers(base_url: str) -> Renderers:
    """The dashboard's renderers for a snapshot; `base_url` makes the PDF's links absolute."""
    return Renderers(html=render_html, pdf=partial(render_pdf, base_url=base_url), xlsx=render_xlsx)


def main(argv: list[str] | None = None, database_url: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.quarter_cli", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    pub = sub.add_parser("publiceer", help="stel het kwartaalrapport vast (bevriest inhoud, PDF en Excel)")
    pub.add_argument("kwartaal")
    pub.add_argument("--door", default=CLI_AUTHOR, help=f"wie publiceert (standaard: {CLI_AUTHOR})")
    pub.add_argument("--url", default=None, help="adres voor de links in de PDF (standaard: BASE_URL)")
    for kind in ("besluit", "actiepunt"):
        note = sub.add_parser(kind, help=f"leg een {kind} vast in het overleg over een kwartaal")
        note.add_argument("kwartaal")
        note.add_argument("programma", help="slug, bv. sociaal-en-vitaal")
        note.add_argument("tekst")
        note.add_argument("--eigenaar", default="")
        note.add_argument("--gereed", type=date.fromisoformat, default=None, help="JJJJ-MM-DD")
        note.add_argument("--door", default=CLI_AUTHOR, help=f"wie het vastlegt (standaard: {CLI_AUTHOR})")
    done = sub.add_parser("afgerond", help="markeer een actiepunt als afgerond")
    done.add_argument("id", type=int)
    done.add_argument("datum", type=date.fromisoformat, nargs="?", default=None)
    done.add_argument("--door", default=CLI_AUTHOR, help=f"wie het afrondt (standaard: {CLI_AUTHOR})")
    args = parser.parse_args(argv)
    url = database_url or get_settings().database_url
    try:
        with session_scope(url) as session:
            if args.command == "publiceer":
                links = args.url or get_settings().public_base_url()  # BASE_URL, as the web app's PDF
                snap = publish_quarter(session, parse_quarter(args.kwartaal), renderers(links), args.door)
                print(f"{snap.quarter} vastgesteld ({len(snap.pdf):,} bytes PDF, sha256 {snap.content_sha256[:12]})")
            elif args.command == "afgerond":
                note = mark_done(session, args.id, args.datum or date.today(), args.door)
                print(f"actiepunt {note.id} afgerond op {note.done_on.isoformat()}")
            else:
                note = add_note(session, args.programma, parse_quarter(args.kwartaal), args.command, args.tekst,
                                args.eigenaar, args.gereed, args.door)
                print(f"{args.command} {note.id} vastgelegd")
    except (PeriodError, FrozenSnapshotError, LookupError, ValueError) as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m etl …`: the command line for loads. Exit status 0 = done, 1 = refused (nothing changed),
2 = wrong use or unreachable database. Errors go to stderr in plain Dutch, never as a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from db.migrate import upgrade
from db.read.reference import recent_loads
from db.session import DatabaseError, safe_url, session_scope
from etl import iv3_texts
from etl import messages as msg
from etl.pipeline import Outcome, run_load
from etl.progress import Progress
from etl.reading import FileRefused
from indicators.formatting import format_number

EXIT_DONE, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
SHOWN_ERRORS = 50


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages, in our exit code for wrong use
        self.print_usage(sys.stderr)
        print(f"fout: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m etl", description=msg.CLI_DESCRIPTION)
    parser.add_argument("--database-url", help="SQLAlchemy-URL (standaard: DATABASE_URL of de instelling van de app)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht", parser_class=_Parser)

    cbs = sub.add_parser("load-cbs", help=msg.CLI_LOAD_CBS, description=msg.CLI_LOAD_CBS)
    cbs.add_argument("path", metavar="PAD", type=Path, help=msg.CLI_PATH)
    cbs.add_argument("--table", "--tabel", dest="table", help=msg.CLI_TABLE)
    cbs.add_argument("--periode", dest="period", help=msg.CLI_PERIOD)
    cbs.add_argument("--maatstaf", "--measure", dest="measures", action="append", metavar="SLEUTEL[=INDICATOR]",
                     help=msg.CLI_MEASURE)

    table = sub.add_parser("load-table", help=msg.CLI_LOAD_TABLE, description=msg.CLI_LOAD_TABLE)
    table.add_argument("path", metavar="PAD", type=Path, help=msg.CLI_PATH)
    table.add_argument("--decimal", "--decimaal", dest="decimal", choices=[",", "."], help=msg.CLI_DECIMAL)

    for p in (cbs, table):
        p.add_argument("--door", default=msg.DEFAULT_DOOR, help=msg.CLI_DOOR)
        p.add_argument("--skip-invalid", action="store_true", help=msg.CLI_SKIP_INVALID)
        p.add_argument("--rejected", "--afgekeurd", dest="rejected", type=Path, help=msg.CLI_REJECTED)
        p.add_argument("--quiet", "-q", action="store_true", help=msg.CLI_QUIET)

    status = sub.add_parser("status", help=msg.CLI_STATUS, description=msg.CLI_STATUS)
    status.add_argument("--limit", type=int, default=15, help=msg.CLI_LIMIT)

    fetch = sub.add_parser("fetch-cbs", help=msg.CLI_FETCH_CBS, description=msg.CLI_FETCH_CBS)
    fetch.add_argument("table", metavar="TABEL", help=msg.CLI_TABLE)
    fetch.add_argument("--out", type=Path, help=msg.CLI_OUT)
    fetch.add_argument("--quiet", "-q", action="store_true", help=msg.CLI_QUIET)

    geo = sub.add_parser("load-geo", help=msg.CLI_LOAD_GEO, description=msg.CLI_LOAD_GEO)
    geo.add_argument("path", metavar="PAD", type=Path, help=msg.CLI_PATH)

    sub.add_parser("load-demo", help=msg.CLI_LOAD_DEMO, description=msg.CLI_LOAD_DEMO)

    iv3 = sub.add_parser("load-iv3", help=iv3_texts.CLI_LOAD_IV3, description=iv3_texts.CLI_LOAD_IV3)
    iv3.add_argument("path", metavar="PAD", type=Path, help=msg.CLI_PATH)
    iv3.add_argument("--soort", dest="kind", choices=["begroting", "realisatie", "jaarrekening"],
                     help=iv3_texts.CLI_KIND)
    iv3.add_argument("--jaar", dest="year", type=int, metavar="JAAR", help=iv3_texts.CLI_YEAR)
    return parser


def _database_url(args: argparse.Namespace) -> str:
    if args.database_url:
        return args.database_url
    from settings import get_settings

    return os.environ.get("DATABASE_URL") or get_settings().database_url


def _print_errors(errors: list, total: int) -> None:
    print(msg.REPORT_HEADER, file=sys.stderr)
    for e in errors[:SHOWN_ERRORS]:
        print(f"{e.file};{e.line};{e.column};{e.value};{e.reason}", file=sys.stderr)
    if total > SHOWN_ERRORS:
        print(f"… en nog {format_number(total - SHOWN_ERRORS)} fout(en).", file=sys.stderr)


NEW_INDICATORS_PREFIX = msg.NOTICE_NEW_INDICATORS.split("{count}")[1][:25]


def _refused(errors: list, total: int, message: str) -> int:
    """A refused load on stderr: the bad rows and their count, or why the file as a whole was refused."""
    if not errors:
        return _file_refused(message)
    _print_errors(errors, total)
    print(msg.REFUSED.format(count=format_number(total)), file=sys.stderr)
    return EXIT_REFUSED


def _file_refused(why: object) -> int:
    """A file refused as a whole, before any row was loaded: why, and that nothing changed."""
    print(why, file=sys.stderr)
    print(msg.REFUSED_FILE, file=sys.stderr)
    return EXIT_REFUSED


def _report(outcome: Outcome) -> int:
    refused = outcome.status != "gereed"
    for notice in outcome.notices:
        if refused and NEW_INDICATORS_PREFIX in notice:
            continue  # nothing was created: the whole load was rolled back
        print(notice, file=sys.stderr)
    if outcome.status != "gereed":
        return _refused(outcome.errors, outcome.error_total, outcome.message)
    counts = outcome.counts
    if counts is not None and (outcome.rows_read or not outcome.regions):
        seconds = max(outcome.seconds, 1e-6)
        print(msg.DONE.format(loaded=format_number(counts.loaded), new=format_number(counts.new),
                              changed=format_number(counts.changed), unchanged=format_number(counts.unchanged),
                              read=format_number(outcome.rows_read), seconds=format_number(outcome.seconds, 1),
                              rate=format_number(outcome.rows_read / seconds)))
    else:
        print(msg.DONE_REGIONS.format(regions=format_number(outcome.regions),
                                      seconds=format_number(outcome.seconds, 1)))
    if outcome.rejected:
        print(msg.SKIPPED.format(count=format_number(outcome.rejected), path=outcome.rejected_path), file=sys.stderr)
    return EXIT_DONE


def selection_of(options: list[str] | None) -> dict[str, str | None] | None:
    """--maatstaf KEY or KEY=INDICATOR, repeated, as {key: indicator or None}; None without the option."""
    if not options:
        return None
    selection: dict[str, str | None] = {}
    for option in options:
        key, _, indicator = option.partition("=")
        if not key.strip() or ("=" in option and not indicator.strip()):
            raise FileRefused(msg.MEASURE_OPTION_BAD.format(value=option))
        selection[key.strip()] = indicator.strip() or None
    return selection


def cmd_load_cbs(args: argparse.Namespace, url: str) -> int:
    from etl.sources import load_cbs

    try:
        selection = selection_of(args.measures)
    except FileRefused as refused:
        print(refused, file=sys.stderr)
        return EXIT_USAGE
    outcome = load_cbs(url, args.path, table_id=args.table, period=args.period, selection=selection,
                       skip_invalid=args.skip_invalid, rejected_path=args.rejected,
                       progress=Progress(enabled=not args.quiet), door=args.door)
    return _report(outcome)


def _report_sheet(outcome, done: str) -> int:  # noqa: ANN001 - an etl.sheets.SheetOutcome
    """The notices, errors and counts of a results or financien sheet load, and its exit status."""
    for notice in outcome.notices:
        print(notice, file=sys.stderr)
    if outcome.status != "gereed":
        _print_errors(outcome.errors, len(outcome.errors))
        print(outcome.message, file=sys.stderr)
        return EXIT_REFUSED
    print(done.format(loaded=outcome.new + outcome.changed, new=outcome.new, changed=outcome.changed,
                      unchanged=outcome.unchanged))
    if outcome.rejected:
        print(msg.SKIPPED.format(count=outcome.rejected, path=outcome.rejected_path), file=sys.stderr)
    return EXIT_DONE


def cmd_load_table(args: argparse.Namespace, url: str) -> int:
    from etl import templates
    from etl.sheets import open_table

    try:
        table = open_table(args.path)
    except FileRefused as refused:
        return _file_refused(refused)
    from etl.finance_template import is_finance_table, load_budgets

    if is_finance_table(table.header):
        return _report_sheet(load_budgets(url, table, args.skip_invalid, args.rejected), iv3_texts.DONE_BUDGETS)
    if templates.is_results_table(table.header):
        from etl.results_load import load_results

        try:
            outcome = load_results(url, table, args.skip_invalid, args.rejected, args.door)
        except FileRefused as refused:
            return _file_refused(refused)
        status = _report_sheet(outcome, msg.DONE_RESULTS)
        if status == EXIT_DONE and (outcome.new or outcome.changed):
            print(msg.DONE_RESULTS_WORKFLOW)
        if status == EXIT_DONE and outcome.revised:
            print(msg.DONE_RESULTS_REVISED.format(revised=outcome.revised))
        return status
    outcome = run_load(url, lambda session: templates.read_figures(table, session, args.decimal),
                       skip_invalid=args.skip_invalid, rejected_path=args.rejected,
                       progress=Progress(enabled=not args.quiet), door=args.door)
    return _report(outcome)


def cmd_status(args: argparse.Namespace, url: str) -> int:
    with session_scope(url) as session:
        loads = recent_loads(session, args.limit)
        if not loads:
            print(msg.STATUS_EMPTY)
            return EXIT_DONE
        print(msg.STATUS_HEADER.format(id="nr", started="begonnen (UTC)", status="status", kind="soort",
                                       read="gelezen", loaded="geladen", rejected="fouten", duration="duur",
                                       what="bron"))
        for load in loads:
            duration = load.duration_s
            print(msg.STATUS_HEADER.format(
                id=load.id, started=load.started_at.strftime("%d-%m-%Y %H:%M") if load.started_at else "",
                status=load.status, kind=load.kind or "-", read=format_number(load.rows_read),
                loaded=format_number(load.rows_loaded), rejected=format_number(load.rows_rejected),
                duration=(format_number(duration, 1) + " s") if duration is not None else "-",
                what=(load.table_id or "") + " " + Path(load.path or "").name))
            if load.error_report:
                for line in load.error_report.splitlines()[:3]:
                    print(f"      {line}")
    return EXIT_DONE


def cmd_fetch_cbs(args: argparse.Namespace, url: str) -> int:
    from etl.fetch import FetchError, fetch_table
    from etl.sources import read_cbs
    from settings import get_settings

    if not args.quiet:
        print(msg.FETCH_START.format(table=args.table, url=get_settings().cbs_odata_url), file=sys.stderr)
    try:
        folder = fetch_table(args.table, args.out)
    except FetchError as exc:
        print(msg.FETCH_FAILED.format(error=exc), file=sys.stderr)
        return EXIT_REFUSED
    outcome = run_load(url, lambda session: read_cbs(folder, session, args.table.upper()),
                       progress=Progress(enabled=not args.quiet))
    return _report(outcome)


def cmd_load_geo(args: argparse.Namespace, url: str) -> int:
    from etl import geo

    try:
        count = geo.load_boundaries(url, args.path)
    except (geo.GeoError, FileRefused) as exc:
        return _file_refused(exc)
    print(msg.GEO_DONE.format(count=format_number(count)))
    return EXIT_DONE


def cmd_load_demo(args: argparse.Namespace, url: str) -> int:
    from etl.demo import load_demo

    report = load_demo(url)
    print(msg.DEMO_DONE.format(regions=format_number(report.regions), observations=format_number(report.observations)))
    return EXIT_DONE


def cmd_load_iv3(args: argparse.Namespace, url: str) -> int:
    from etl.iv3 import load_iv3

    outcome = load_iv3(url, args.path, args.kind, args.year)
    for notice in outcome.notices:
        print(notice, file=sys.stderr)
    if outcome.status != "gereed":
        return _refused(outcome.errors, outcome.error_total, outcome.message)
    c = outcome.counts.amounts
    print(iv3_texts.DONE.format(what=outcome.what_text, gemeenten=format_number(outcome.gemeenten),
                                amounts=format_number(c.total),
                                new=format_number(c.new), changed=format_number(c.changed),
                                unchanged=format_number(c.unchanged),
                                seconds=format_number(outcome.seconds, 1)))
    return EXIT_DONE


COMMANDS = {"load-cbs": cmd_load_cbs, "load-table": cmd_load_table, "status": cmd_status,
            "fetch-cbs": cmd_fetch_cbs, "load-geo": cmd_load_geo, "load-demo": cmd_load_demo,
            "load-iv3": cmd_load_iv3}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    url = _database_url(args)
    try:
        upgrade(url)
    except (DatabaseError, OSError) as exc:
        print(msg.DB_UNREACHABLE.format(url=safe_url(url), error=str(exc).splitlines()[0]), file=sys.stderr)
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args, url)
    except KeyboardInterrupt:
        print("Afgebroken; er is niets gewijzigd in de database.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback, always a plain message
        print(msg.UNEXPECTED.format(kind=type(exc).__name__, error=str(exc).splitlines()[0] if str(exc) else ""),
              file=sys.stderr)
        return EXIT_REFUSED

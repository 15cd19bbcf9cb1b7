"""`python -m etl load-iv3 PATH [--soort begroting|realisatie] [--jaar 2023]`: gemeentefinanciën (Iv3) into the
database, atomically and idempotently, with provenance.

One load is one transaction: it makes sure the reference data is there (CBS's taakveld code list with the derived
groups, and gemeenten newer than the region list, both bundled in etl/data/iv3/), reads and checks the whole file
(etl.iv3_read), and only then merges (db.write.iv3). A file with any bad row – a gemeente name that does not resolve
through the region list, a broken amount, an unknown taakveld – is refused whole with the row numbers; nothing
changes, and the refusal is logged in `data_load`. A second load of the same file changes nothing."""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass, field
from pathlib import Path

from db.read.reference_iv3 import gemeente_index
from db.session import Session, session_scope
from db.write.iv3 import (
    Iv3Counts,
    Provenance,
    StatementInput,
    add_missing_gemeenten,
    ensure_taakvelden,
    merge_statements,
)
from db.write.loads import file_hash, finish_load, log_refusal, start_load
from etl import iv3_texts as t
from etl import messages as msg
from etl.iv3_read import (
    CodeList,
    ReadResult,
    Resolver,
    kind_year_from_name,
    parse_kind,
    read_pivoted,
    read_raw,
    shape_of,
)
from etl.pipeline import MAX_REPORTED_ERRORS
from etl.reading import FileRefused, csv_rows, open_text
from etl.validation import RowError
from indicators.enums import StatementKind
from indicators.finance import KIND_DOCUMENT
from indicators.taakveld_groups import Assignment, TaakveldDef, derive_groups

DATA_DIR = Path(__file__).resolve().parent / "data" / "iv3"
CODE_LIST = DATA_DIR / "iv3_taakvelden_gemeente_2017-2026.csv"
GROUP_TABLE = DATA_DIR / "taakveld_groepen.csv"
NEW_GEMEENTEN = DATA_DIR / "gemeenten-sinds-2023.csv"
DEMO_FILES = sorted((DATA_DIR / "iv3-per-gemeente").glob("*.csv"))
# CBS's tables "Gemeenten <jaar> onbewerkte Iv3-data" on dataderden.cbs.nl (see etl/data/iv3/README.md)
CBS_TABLES = {2017: "45038NED", 2018: "45042NED", 2019: "45046NED", 2020: "45050NED", 2021: "45054NED",
              2022: "45059NED", 2023: "45063NED", 2024: "45067NED", 2025: "45071NED", 2026: "45078NED"}


def read_code_list(path: Path = CODE_LIST) -> list[TaakveldDef]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [TaakveldDef(r["code"], r["omschrijving"], int(r["eerste_boekjaar"]), int(r["laatste_boekjaar"]))
                for r in csv.DictReader(fh)]


def assignments() -> list[Assignment]:
    """The bundled code list with its derived groups (indicators.taakveld_groups)."""
    return derive_groups(read_code_list())


def read_new_gemeenten(path: Path = NEW_GEMEENTEN) -> list[tuple[str, str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [(r["code"], r["naam"], r["provincie"]) for r in csv.DictReader(fh)]


def write_group_table(path: Path = GROUP_TABLE) -> None:
    """The documented mapping (etl/data/iv3/taakveld_groepen.csv), generated from the code list; a test keeps the
    committed file equal to this."""
    from indicators.taakveld_groups import group_names, rule_text

    rows = assignments()
    names = group_names(rows)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\n")
        writer.writerow(["code", "omschrijving", "eerste_boekjaar", "laatste_boekjaar", "groep", "groepnaam",
                         "regel"])
        for a in rows:
            writer.writerow([a.taakveld.code, a.taakveld.name, a.taakveld.first_year, a.taakveld.last_year, a.group,
                             names[a.group], rule_text(a.rule)])


@dataclass
class Iv3Outcome:
    status: str  # gereed | geweigerd
    what: list[tuple[int, StatementKind]] = field(default_factory=list)
    gemeenten: int = 0
    counts: Iv3Counts | None = None
    errors: list[RowError] = field(default_factory=list)
    error_total: int = 0
    notices: list[str] = field(default_factory=list)
    message: str = ""
    seconds: float = 0.0
    load_id: int | None = None

    @property
    def what_text(self) -> str:
        return ", ".join(f"{KIND_DOCUMENT[k]} {y}" for y, k in self.what)


def _read(path: Path, kind: StatementKind | None, year: int | None, resolver: Resolver, codes: CodeList,
          notices: list[str]) -> ReadResult:
    source = open_text(path)
    rows = csv_rows(source)
    try:
        _, header = next(rows)
    except StopIteration:
        raise FileRefused(f"{path.name}: het bestand is leeg.") from None
    header = [h.lstrip("\ufeff") for h in header]
    if shape_of(path.name, header) == "raw":
        result = read_raw(path.name, header, rows, year, kind, resolver, codes)
        if not result.statements and not result.errors:
            what = " ".join(x for x in (KIND_DOCUMENT[kind] if kind else "", str(year) if year else "") if x)
            raise FileRefused(t.NOTHING_SELECTED.format(name=path.name, what=what or "taakvelden"))
        return result
    from_name = kind_year_from_name(path)
    if kind is None or year is None:
        if from_name is None:
            raise FileRefused(t.KIND_YEAR_NEEDED.format(name=path.name))
        if (year is not None and year != from_name[0]) or (kind is not None and kind != from_name[1]):
            raise FileRefused(t.KIND_YEAR_NEEDED.format(name=path.name))
        year, kind = from_name
    elif from_name and from_name != (year, kind):
        notices.append(t.NOTICE_KIND_OVERRIDE.format(given=f"{KIND_DOCUMENT[kind]} {year}",
                                                     from_name=f"{KIND_DOCUMENT[from_name[1]]} {from_name[0]}"))
    return read_pivoted(path.name, header, rows, year, kind, resolver, codes)


class Iv3Refused(Exception):
    """A file the loader refuses; `errors` holds the bad rows (empty when the file as a whole is wrong)."""

    def __init__(self, message: str, errors: list[RowError] | None = None,
                 what: list[tuple[int, StatementKind]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []
        self.what = what or []


def load_iv3_into(session: Session, path: Path, kind: StatementKind | None = None, year: int | None = None,
                  source: str | None = None, notices: list[str] | None = None) -> Iv3Outcome:
    """Load one Iv3 file inside the caller's transaction; raises Iv3Refused (the caller rolls back)."""
    started = time.monotonic()
    notices = notices if notices is not None else []
    if not path.exists():
        raise Iv3Refused(f"Bestand niet gevonden: {path}")
    try:
        if not gemeente_index(session).ids:
            raise FileRefused(t.NO_REGIONS)
        added = add_missing_gemeenten(session, read_new_gemeenten())
        if added:
            notices.append(t.NOTICE_NEW_GEMEENTEN.format(names=", ".join(added)))
        rows = assignments()
        taakveld_ids = ensure_taakvelden(session, rows)
        index = gemeente_index(session)
        resolver = Resolver(index.ids, index.by_name, index.by_folded_name)
        result = _read(path, kind, year, resolver, CodeList([a.taakveld for a in rows]), notices)
    except FileRefused as refused:
        raise Iv3Refused(str(refused)) from None
    notices += result.notices
    if result.errors:
        raise Iv3Refused(msg.REFUSED.format(count=len(result.errors)), result.errors, result.what)
    first_years = {(a.taakveld.code, y): a.taakveld.first_year for a in rows
                   for y in range(a.taakveld.first_year, a.taakveld.last_year + 1)}
    table_ids = {CBS_TABLES.get(y) for y, _ in result.what}
    table_id = table_ids.pop() if len(table_ids) == 1 else None
    label = source or f"CBS Iv3 ({path.name})"
    load = start_load(session, source=label, path=str(path), table_id=table_id, file_hash_=file_hash(path),
                      kind="iv3")
    statements = [StatementInput(
        region_id=index.ids[data.gemeente], year=data.year, kind=data.kind, inhabitants=data.inhabitants,
        amounts={taakveld_ids[(code, first_years[(code, data.year)])]: (lasten, baten)
                 for code, (lasten, baten) in data.amounts.items()})
        for data in result.statements.values()]
    counts = merge_statements(session, statements, Provenance(load.id, label, table_id, load.file_hash,
                                                              load.started_at))
    finish_load(load, result.rows_read, counts.amounts_loaded, " ".join(notices), changed=counts.amounts.changed,
                unchanged=counts.amounts.unchanged)
    return Iv3Outcome("gereed", result.what, len({d.gemeente for d in result.statements.values()}), counts,
                      notices=notices, seconds=time.monotonic() - started, load_id=load.id)


def load_iv3(url: str, path: Path, kind: str | StatementKind | None = None, year: int | None = None,
             source: str | None = None) -> Iv3Outcome:
    """Load one Iv3 file in its own transaction (see the module docstring). Never raises for bad input: a refusal
    is an Iv3Outcome, also recorded in the load log."""
    started = time.monotonic()
    notices: list[str] = []
    try:
        wanted = kind if isinstance(kind, StatementKind) or kind is None else parse_kind(kind)
        with session_scope(url) as session:
            return load_iv3_into(session, path, wanted, year, source, notices)
    except Iv3Refused as refused:
        outcome = Iv3Outcome("geweigerd", refused.what, errors=refused.errors[:MAX_REPORTED_ERRORS],
                             error_total=len(refused.errors), notices=notices, message=str(refused))
    except FileRefused as refused:  # a wrong --soort
        outcome = Iv3Outcome("geweigerd", notices=notices, message=str(refused))
    outcome.seconds = time.monotonic() - started
    try:
        with session_scope(url) as session:
            outcome.load_id = log_refusal(
                session, source or f"CBS Iv3 ({path.name})", str(path), None, "iv3", outcome.error_total,
                outcome.message, "\n".join(e.as_text() for e in outcome.errors))
    except Exception:  # noqa: BLE001 - the log is best effort; the refusal itself is what matters
        outcome.load_id = None
    return outcome


if __name__ == "__main__":  # regenerate the documented mapping: python -m etl.iv3
    write_group_table()
    print(f"{GROUP_TABLE} geschreven")  # noqa: T201

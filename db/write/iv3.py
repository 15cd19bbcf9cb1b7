"""Writes of Iv3 money: CBS's taakveld code list (with the derived groups), gemeenten newer than the region list, and
the gemeenten's statements (begroting, jaarrekening) with lasten and baten per taakveld.

A statement is merged as a whole: new amounts are inserted, changed ones keep their old values in
iv3_amount_history, a taakveld that a corrected file no longer has is emptied (with history), and an identical load
changes nothing at all (not even the statement's provenance). Every new or changed statement gets its totals per
taakveldgroep recomputed (iv3_group_total). The caller owns the transaction (one per load)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from db.models import Iv3Amount, Iv3AmountHistory, Iv3GroupTotal, Iv3Statement, Region, Taakveld
from db.write.counts import ChangeCounts
from indicators.enums import RegionKind, StatementKind
from indicators.taakveld_groups import Assignment

_CHUNK = 900  # rows per IN list / executemany batch (SQLite's variable limit is 999 on old builds)


@dataclass(frozen=True)
class StatementInput:
    """One gemeente's statement as read from a file: amounts per taakveld id as (lasten, baten) in € 1.000."""

    region_id: int
    year: int
    kind: StatementKind
    inhabitants: int | None
    amounts: dict[int, tuple[float | None, float | None]]


@dataclass(frozen=True)
class Provenance:
    load_id: int
    source: str
    table_id: str | None
    file_hash: str
    at: datetime


@dataclass
class Iv3Counts:
    """What a load did to the statements and to their amounts; an emptied amount (a taakveld a corrected file no
    longer has) counts as loaded but not as changed."""

    statements: ChangeCounts = field(default_factory=ChangeCounts)
    amounts: ChangeCounts = field(default_factory=ChangeCounts)
    amounts_emptied: int = 0

    @property
    def amounts_loaded(self) -> int:
        return self.amounts.loaded + self.amounts_emptied


def ensure_taakvelden(session: Session, assignments: Iterable[Assignment]) -> dict[tuple[str, int], int]:
    """Insert or update CBS's code list rows (name, validity, group, rule); {(code, first year): id}."""
    existing = {(t.code, t.first_year): t for t in session.scalars(select(Taakveld))}
    regrouped = False
    for a in assignments:
        t = a.taakveld
        row = existing.get((t.code, t.first_year))
        if row is None:
            row = Taakveld(code=t.code, name=t.name, first_year=t.first_year, last_year=t.last_year)
            session.add(row)
            existing[(t.code, t.first_year)] = row
        elif row.group_code != a.group:
            regrouped = True
        row.name, row.last_year, row.group_code, row.rule = t.name, t.last_year, a.group, a.rule
    session.flush()
    if regrouped:  # the derivation changed: every statement's group totals follow
        refresh_group_totals(session)
    return {key: row.id for key, row in existing.items()}


def refresh_group_totals(session: Session, statement_ids: Sequence[int] | None = None) -> None:
    """Recompute iv3_group_total (lasten and baten per statement and taakveldgroep) for the statements given, or
    for all of them."""
    table = Iv3GroupTotal.__table__
    sums = (select(Iv3Amount.statement_id, Taakveld.group_code, func.sum(Iv3Amount.lasten), func.sum(Iv3Amount.baten))
            .join(Taakveld, Taakveld.id == Iv3Amount.taakveld_id)
            .group_by(Iv3Amount.statement_id, Taakveld.group_code))
    columns = ["statement_id", "group_code", "lasten", "baten"]
    if statement_ids is None:
        session.execute(delete(table))
        session.execute(insert(table).from_select(columns, sums))
        return
    for part in _chunks(list(statement_ids)):
        session.execute(delete(table).where(table.c.statement_id.in_(list(part))))
        session.execute(insert(table).from_select(columns, sums.where(Iv3Amount.statement_id.in_(list(part)))))


def add_missing_gemeenten(session: Session, rows: Iterable[tuple[str, str, str | None]]) -> list[str]:
    """Add gemeenten (code, name, province code) that the region list does not know yet; the codes added."""
    known = set(session.scalars(select(Region.code)))
    provinces = dict(session.execute(select(Region.code, Region.id).where(Region.kind == RegionKind.PROVINCE)).all())
    added = []
    for code, name, province in rows:
        if code not in known:
            session.add(Region(code=code, name=name, kind=RegionKind.MUNICIPALITY, parent_id=provinces.get(province)))
            added.append(code)
    session.flush()
    return added


def same_amount(a: float | None, b: float | None) -> bool:
    """Equal amounts (both missing counts as equal): a reload that only re-reads the same file changes nothing."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def merge_statements(session: Session, statements: Sequence[StatementInput], prov: Provenance) -> Iv3Counts:
    """Merge the statements of one load (see the module docstring)."""
    counts = Iv3Counts()
    if not statements:
        return counts
    keys = {(s.year, s.kind) for s in statements}
    found = session.execute(select(Iv3Statement.id, Iv3Statement.region_id, Iv3Statement.year, Iv3Statement.kind,
                                   Iv3Statement.inhabitants)
                            .where(or_(*[and_(Iv3Statement.year == y, Iv3Statement.kind == k) for y, k in keys])))
    existing = {(region, year, kind): (sid, inhabitants) for sid, region, year, kind, inhabitants in found}
    amounts: dict[int, dict[int, tuple[int, float | None, float | None]]] = {}
    ids = [sid for sid, _ in existing.values()]
    for part in _chunks(ids):
        for aid, sid, tid, lasten, baten in session.execute(
                select(Iv3Amount.id, Iv3Amount.statement_id, Iv3Amount.taakveld_id, Iv3Amount.lasten, Iv3Amount.baten)
                .where(Iv3Amount.statement_id.in_(list(part)))):
            amounts.setdefault(sid, {})[tid] = (aid, lasten, baten)
    new_rows: list[dict] = []
    changed: list[dict] = []
    history: list[dict] = []
    touched: list[dict] = []
    refresh: list[int] = []
    for s in statements:
        key = (s.region_id, s.year, s.kind)
        if key not in existing:
            row = Iv3Statement(region_id=s.region_id, year=s.year, kind=s.kind, inhabitants=s.inhabitants,
                               source=prov.source, table_id=prov.table_id, file_hash=prov.file_hash,
                               loaded_at=prov.at, load_id=prov.load_id)
            session.add(row)
            session.flush()
            refresh.append(row.id)
            counts.statements.new += 1
            new_rows += [{"statement_id": row.id, "taakveld_id": tid, "lasten": lasten, "baten": baten,
                          "load_id": prov.load_id} for tid, (lasten, baten) in s.amounts.items()]
            counts.amounts.new += len(s.amounts)
            continue
        sid, inhabitants = existing[key]
        before = amounts.get(sid, {})
        dirty = inhabitants != s.inhabitants
        for tid, (lasten, baten) in s.amounts.items():
            old = before.get(tid)
            if old is None:
                new_rows.append({"statement_id": sid, "taakveld_id": tid, "lasten": lasten, "baten": baten,
                                 "load_id": prov.load_id})
                counts.amounts.new += 1
                dirty = True
            elif same_amount(old[1], lasten) and same_amount(old[2], baten):
                counts.amounts.unchanged += 1
            else:
                history.append({"amount_id": old[0], "lasten": old[1], "baten": old[2], "replaced_at": prov.at,
                                "replaced_by_load_id": prov.load_id})
                changed.append({"b_id": old[0], "b_lasten": lasten, "b_baten": baten, "b_load": prov.load_id})
                counts.amounts.changed += 1
                dirty = True
        for tid, (aid, lasten, baten) in before.items():
            if tid not in s.amounts and (lasten is not None or baten is not None):
                history.append({"amount_id": aid, "lasten": lasten, "baten": baten, "replaced_at": prov.at,
                                "replaced_by_load_id": prov.load_id})
                changed.append({"b_id": aid, "b_lasten": None, "b_baten": None, "b_load": prov.load_id})
                counts.amounts_emptied += 1
                dirty = True
        if dirty:
            refresh.append(sid)
            counts.statements.changed += 1
            touched.append({"b_id": sid, "b_inh": s.inhabitants, "b_source": prov.source, "b_table": prov.table_id,
                            "b_hash": prov.file_hash, "b_at": prov.at, "b_load": prov.load_id})
        else:
            counts.statements.unchanged += 1
    for part in _chunks(new_rows):
        session.execute(insert(Iv3Amount), list(part))
    for part in _chunks(history):
        session.execute(insert(Iv3AmountHistory), list(part))
    if changed:
        stmt = (update(Iv3Amount.__table__).where(Iv3Amount.__table__.c.id == bindparam("b_id"))
                .values(lasten=bindparam("b_lasten"), baten=bindparam("b_baten"), load_id=bindparam("b_load")))
        for part in _chunks(changed):
            session.execute(stmt, list(part))
    if touched:
        table = Iv3Statement.__table__
        stmt = (update(table).where(table.c.id == bindparam("b_id"))
                .values(inhabitants=bindparam("b_inh"), source=bindparam("b_source"), table_id=bindparam("b_table"),
                        file_hash=bindparam("b_hash"), loaded_at=bindparam("b_at"), load_id=bindparam("b_load")))
        for part in _chunks(touched):
            session.execute(stmt, list(part))
    refresh_group_totals(session, refresh)
    session.flush()
    return counts


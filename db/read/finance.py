"""The money of programmes as the pages show it (indicators.finance.ProgrammeFinance): the gemeente's Iv3 lasten per
statement and taakveldgroep of the programme, Nederland (every gemeente with a statement that year, added up by us)
and the comparable gemeenten (same gemeentegrootte and stedelijkheid in CBS 85067NED, the gemeente itself left out)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import (
    Iv3Amount,
    Iv3GroupTotal,
    Iv3Statement,
    Programme,
    ProgrammeTaakveldChange,
    ProgrammeTaakveldGroup,
    Region,
    RegionGroup,
    Taakveld,
)
from indicators.enums import StatementKind
from indicators.finance import TOTAL, Aggregate, FinanceRow, GroupInfo, ProgrammeFinance, Statement
from indicators.formatting import format_date
from indicators.periods import as_utc
from indicators.taakveld_groups import NAMED_GROUPS, code_sort_key

PEER_KINDS = ("gemeentegrootte", "stedelijkheid")


def group_catalogue(session: Session) -> list[GroupInfo]:
    """Every taakveldgroep that can be chosen: the named groups, then each other taakveld (by code), with the
    taakvelden each holds per code list."""
    codes: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
    for code, name, first, last, group in session.execute(
            select(Taakveld.code, Taakveld.name, Taakveld.first_year, Taakveld.last_year, Taakveld.group_code)):
        codes[group].append((code, name.strip(), first, last))
    named = [GroupInfo(g.code, g.name, g.explanation) for g in NAMED_GROUPS if g.code in codes]
    singles = []
    for group, rows in codes.items():
        if group in {g.code for g in NAMED_GROUPS}:
            continue
        code, name, _, _ = max(rows, key=lambda r: r[3])
        singles.append((code_sort_key(code), GroupInfo(group, f"{code} {name}", f"taakveld {code}")))
    return named + [info for _, info in sorted(singles, key=lambda x: x[0])]



def programme_groups(session: Session, programme_ids: Sequence[int]) -> dict[int, list[str]]:
    """The taakveldgroepen each programme declared, in their order."""
    out: dict[int, list[str]] = defaultdict(list)
    if programme_ids:
        for pid, group in session.execute(
                select(ProgrammeTaakveldGroup.programme_id, ProgrammeTaakveldGroup.group_code)
                .where(ProgrammeTaakveldGroup.programme_id.in_(list(programme_ids)))
                .order_by(ProgrammeTaakveldGroup.programme_id, ProgrammeTaakveldGroup.sort_order,
                          ProgrammeTaakveldGroup.id)):
            out[pid].append(group)
    return out


def _home_lasten(session: Session, region_id: int, groups: list[str]) -> tuple[dict, dict, list[str], dict]:
    """The gemeente's lasten per (statement, group) incl. TOTAL, its inhabitants per statement, provenance lines,
    and the lasten of its whole sociaal domein (all 6. taakvelden) per statement."""
    lasten: dict[tuple[Statement, str], float] = {}
    for year, kind, group, total in session.execute(
            select(Iv3Statement.year, Iv3Statement.kind, Iv3GroupTotal.group_code, Iv3GroupTotal.lasten)
            .join(Iv3GroupTotal, Iv3GroupTotal.statement_id == Iv3Statement.id)
            .where(Iv3Statement.region_id == region_id, Iv3GroupTotal.group_code.in_(groups))):
        statement = Statement(year, StatementKind(kind))
        lasten[(statement, group)] = float(total or 0)
        lasten[(statement, TOTAL)] = lasten.get((statement, TOTAL), 0.0) + float(total or 0)
    inhabitants, sources, domain = {}, [], {}
    for year, kind, inh, source, table_id, loaded in session.execute(
            select(Iv3Statement.year, Iv3Statement.kind, Iv3Statement.inhabitants, Iv3Statement.source,
                   Iv3Statement.table_id, Iv3Statement.loaded_at)
            .where(Iv3Statement.region_id == region_id).order_by(Iv3Statement.year, Iv3Statement.kind)):
        statement = Statement(year, StatementKind(kind))
        if (statement, TOTAL) not in lasten:
            continue
        if inh:
            inhabitants[statement] = inh
        sources.append((statement, source, table_id, format_date(loaded)))
    for year, kind, total in session.execute(
            select(Iv3Statement.year, Iv3Statement.kind, func.sum(Iv3Amount.lasten))
            .join(Iv3Amount, Iv3Amount.statement_id == Iv3Statement.id)
            .join(Taakveld, Taakveld.id == Iv3Amount.taakveld_id)
            .where(Iv3Statement.region_id == region_id, Taakveld.code.startswith("6."))
            .group_by(Iv3Statement.year, Iv3Statement.kind)):
        domain[Statement(year, StatementKind(kind))] = float(total or 0)
    lines = [f"{s.label}: {source}" + (f", CBS-tabel {table}" if table else "") + f", geladen {loaded}"
             for s, source, table, loaded in sources]
    return lasten, inhabitants, lines, domain


def _aggregates(session: Session, groups: list[str], region_ids: Sequence[int] | None) -> dict:
    """Lasten and inhabitants added up over gemeenten (all, or `region_ids`) per (statement, group) incl. TOTAL.
    Only statements with inhabitants count, on both sides of the division. Read from the per-group totals that
    every load keeps (iv3_group_total): a few hundred rows per group, not every taakveld of every gemeente."""
    out: dict[tuple[Statement, str], Aggregate] = {}
    counted = [Iv3Statement.inhabitants.is_not(None)]
    if region_ids is not None:
        counted.append(Iv3Statement.region_id.in_(list(region_ids)))
    people: dict[Statement, tuple[int, int]] = {}
    for year, kind, inh, count in session.execute(
            select(Iv3Statement.year, Iv3Statement.kind, func.sum(Iv3Statement.inhabitants), func.count())
            .where(*counted).group_by(Iv3Statement.year, Iv3Statement.kind)):
        people[Statement(year, StatementKind(kind))] = (int(inh or 0), int(count))
    for year, kind, group, total in session.execute(
            select(Iv3Statement.year, Iv3Statement.kind, Iv3GroupTotal.group_code, func.sum(Iv3GroupTotal.lasten))
            .select_from(Iv3GroupTotal)
            .join(Iv3Statement, Iv3Statement.id == Iv3GroupTotal.statement_id)
            .where(Iv3GroupTotal.group_code.in_(groups), *counted)
            .group_by(Iv3Statement.year, Iv3Statement.kind, Iv3GroupTotal.group_code)):
        statement = Statement(year, StatementKind(kind))
        inh, count = people.get(statement, (0, 0))
        out[(statement, group)] = Aggregate(float(total or 0), inh, count)
        agg = out.setdefault((statement, TOTAL), Aggregate(0.0, inh, count))
        agg.lasten += float(total or 0)
    return out


def _peers(session: Session, region_id: int) -> tuple[list[int], list[str], str]:
    """Gemeenten with the same gemeentegrootte and stedelijkheid (85067NED), without the gemeente itself. Plain
    queries per grouping, intersected here (a self-join of region_group cost more to prepare than to run)."""
    own = {kind: (code, name) for kind, code, name in session.execute(
        select(RegionGroup.group_kind, RegionGroup.group_code, RegionGroup.group_name)
        .where(RegionGroup.region_id == region_id, RegionGroup.group_kind.in_(PEER_KINDS)))}
    if len(own) < len(PEER_KINDS):
        return [], [], ""
    members = [set(session.scalars(select(RegionGroup.region_id).where(RegionGroup.group_kind == kind,
                                                                         RegionGroup.group_code == own[kind][0])))
               for kind in PEER_KINDS]
    ids = (members[0] & members[1]) - {region_id}
    rows = session.execute(select(Region.id, Region.name).where(Region.id.in_(ids)).order_by(Region.name)).all()
    label = f"{own['gemeentegrootte'][1].replace(' 000', '.000')}, {own['stedelijkheid'][1].lower()}"
    return [rid for rid, _ in rows], [name for _, name in rows], label


def programme_finance(session: Session, slug: str, benchmarks: bool = True) -> ProgrammeFinance | None:
    """Everything "Financiën" shows for a programme (None when the programme does not exist); `benchmarks=False`
    leaves out Nederland and the comparable gemeenten (the overview's cards only need the gemeente's own money)."""
    found = session.execute(select(Programme.id, Programme.name, Region.id, Region.code, Region.name)
                            .join(Region, Region.id == Programme.region_id).where(Programme.slug == slug)).first()
    if found is None:
        return None
    pid, name, region_id, region_code, region_name = found
    catalogue = {g.code: g for g in group_catalogue(session)}
    codes = programme_groups(session, [pid]).get(pid, [])
    groups = [catalogue.get(c, GroupInfo(c, c)) for c in codes]
    finance = ProgrammeFinance(slug, name, region_code, region_name, groups, {}, {})
    if not codes:
        return finance
    finance.lasten, finance.inhabitants, finance.sources, finance.domain = _home_lasten(session, region_id, codes)
    if benchmarks and finance.lasten:
        finance.country = _aggregates(session, codes, None)
        peer_ids, finance.peer_names, finance.peer_label = _peers(session, region_id)
        if peer_ids:
            finance.peers = _aggregates(session, codes, peer_ids)
    return finance


def programme_finances(session: Session) -> dict[str, ProgrammeFinance]:
    """The gemeente's own money of every programme (no benchmarks): what the overview's cards show."""
    return {slug: f for slug in session.scalars(select(Programme.slug))
            if (f := programme_finance(session, slug, benchmarks=False)) is not None}


def taakveld_codes(session: Session, groups: Sequence[str], years: Sequence[int]) -> dict[tuple[str, int], list[str]]:
    """The taakveld codes of each group valid in each boekjaar: {(group, year): codes}."""
    out: dict[tuple[str, int], list[str]] = defaultdict(list)
    for code, first, last, group in session.execute(
            select(Taakveld.code, Taakveld.first_year, Taakveld.last_year, Taakveld.group_code)
            .where(Taakveld.group_code.in_(list(groups)))):
        for year in years:
            if first <= year <= last:
                out[(group, year)].append(code)
    return {k: sorted(v, key=code_sort_key) for k, v in out.items()}


def programme_finance_rows(session: Session, slug: str) -> tuple[ProgrammeFinance, list[FinanceRow]] | None:
    """The programme's money as rows (every statement × taakveldgroep, with its taakvelden): what the download of
    "Financiën" and the open-data API give; None when the programme does not exist."""
    finance = programme_finance(session, slug)
    if finance is None:
        return None
    return finance, finance.rows(taakveld_codes(session, [g.code for g in finance.groups], finance.years))


@dataclass(frozen=True)
class GroupChangeView:
    at: datetime
    user_name: str
    before: list[str]
    after: list[str]
    reason: str


@dataclass(frozen=True)
class ProgrammeGroupsView:
    """The admin setting of one programme: its taakveldgroepen, what can be chosen, and every change so far."""

    slug: str
    name: str
    groups: list[str]
    catalogue: list[GroupInfo]
    history: list[GroupChangeView]


def programme_groups_view(session: Session, slug: str) -> ProgrammeGroupsView | None:
    found = session.execute(select(Programme.id, Programme.name).where(Programme.slug == slug)).first()
    if found is None:
        return None
    pid, name = found
    history = [GroupChangeView(as_utc(at), user, [g for g in before.split(",") if g],
                               [g for g in after.split(",") if g], reason)
               for at, user, before, after, reason in session.execute(
                   select(ProgrammeTaakveldChange.at, ProgrammeTaakveldChange.user_name, ProgrammeTaakveldChange.before,
                          ProgrammeTaakveldChange.after, ProgrammeTaakveldChange.reason)
                   .where(ProgrammeTaakveldChange.programme_id == pid)
                   .order_by(ProgrammeTaakveldChange.at.desc(), ProgrammeTaakveldChange.id.desc()))]
    return ProgrammeGroupsView(slug, name, programme_groups(session, [pid]).get(pid, []), group_catalogue(session),
                               history)

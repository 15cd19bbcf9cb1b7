"""Money of a programme: the value types and pure computations behind "Financiën" (Iv3 lasten per taakveldgroep,
begroot against gerealiseerd, per inwoner beside Nederland and comparable gemeenten) and the Dutch money formats.

Iv3 amounts are in € 1.000 (as CBS publishes them); project budgets (the `financien` template) in whole euros.
Pure: no database, no web, no settings."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from indicators.enums import StatementKind
from indicators.formatting import MINUS, NO_VALUE, format_number

NBSP = "\u00a0"  # keeps "€ 192,7 mln" and "3,2 %" on one line
TOTAL = "totaal"  # the group code of "all groups of the programme together"
SOCIAL_GROUPS = frozenset({"samenkracht", "toegang", "inkomen", "participatie", "wmo", "jeugd"})


KIND_WORDS = {StatementKind.BUDGET: "begroot", StatementKind.ACTUAL: "gerealiseerd"}
KIND_DOCUMENT = {StatementKind.BUDGET: "begroting", StatementKind.ACTUAL: "jaarrekening"}


@dataclass(frozen=True, order=True)
class Statement:
    """One column of money: the begroting or the jaarrekening of a boekjaar."""

    year: int
    kind: StatementKind

    @property
    def label(self) -> str:
        return f"{KIND_WORDS[self.kind]} {self.year}"


# --- formats ------------------------------------------------------------------------------------------------------
def format_money(thousands: float | None) -> str:
    """An amount in € 1.000 the way a raadslid reads it: '€ 192,7 mln', '€ 1,2 mld', '€ 453.000'; minus '€ −3,1 mln'
    (with no-break spaces, so an amount never breaks over two lines)."""
    if thousands is None or not math.isfinite(thousands):
        return NO_VALUE
    size = abs(thousands)
    if size >= 1_000_000:
        text = format_number(thousands / 1_000_000, 1) + NBSP + "mld"
    elif size >= 1_000:
        text = format_number(thousands / 1_000, 1) + NBSP + "mln"
    else:
        text = format_number(thousands * 1_000, 0)
    return f"€{NBSP}{text}"


def format_money_change(thousands: float | None) -> str:
    """Signed: '+€ 24,7 mln', '−€ 3,1 mln', '€ 0'."""
    if thousands is None or not math.isfinite(thousands):
        return NO_VALUE
    text = format_money(abs(thousands))
    if text.replace(NBSP, " ") in ("€ 0", "€ 0,0 mln", "€ 0,0 mld"):
        return f"€{NBSP}0"
    return ("+" if thousands > 0 else MINUS) + text


def format_euros(euros: float | None) -> str:
    """Whole euros: '€ 2.606', '€ −12'."""
    if euros is None or not math.isfinite(euros):
        return NO_VALUE
    return f"€{NBSP}{format_number(euros, 0)}"


def format_percent(value: float | None, decimals: int = 1, signed: bool = True) -> str:
    """'+14,7 %', '−2,0 %' (signed) or '82 %'."""
    if value is None or not math.isfinite(value):
        return NO_VALUE
    text = format_number(value, decimals)
    if signed and not text.lstrip(MINUS).strip("0,") == "":
        text = text if text.startswith(MINUS) else "+" + text
    return f"{text}{NBSP}%"


# --- computations -------------------------------------------------------------------------------------------------
def per_inhabitant(thousands: float | None, inhabitants: int | None) -> float | None:
    """Euros per inhabitant of an amount in € 1.000."""
    if thousands is None or not inhabitants:
        return None
    return thousands * 1_000 / inhabitants


def difference(budget: float | None, actual: float | None) -> tuple[float | None, float | None]:
    """Gerealiseerd minus begroot, in the same unit and in % of the budget (None where it cannot be computed)."""
    if budget is None or actual is None:
        return None, None
    diff = actual - budget
    return diff, (diff / abs(budget) * 100 if budget else None)


@dataclass(frozen=True)
class GroupInfo:
    code: str
    name: str
    explanation: str = ""


@dataclass
class Aggregate:
    """Lasten of a set of gemeenten together for one statement and group: the sum and their inhabitants."""

    lasten: float = 0.0
    inhabitants: int = 0
    count: int = 0

    @property
    def per_inhabitant(self) -> float | None:
        return per_inhabitant(self.lasten, self.inhabitants) if self.count else None


@dataclass(frozen=True)
class YearRow:
    """One line of "begroot against gerealiseerd": a boekjaar and a group (or TOTAL)."""

    year: int
    group: str
    group_name: str
    budget: float | None  # € 1.000
    actual: float | None
    diff: float | None
    diff_pct: float | None


@dataclass(frozen=True)
class BenchmarkRow:
    """Lasten per inwoner of one statement and group: the gemeente, Nederland, and comparable gemeenten."""

    statement: Statement
    group: str
    group_name: str
    home: float | None  # euros per inhabitant
    country: float | None
    country_count: int
    peers: float | None
    peer_count: int


@dataclass(frozen=True)
class FinanceRow:
    """One row of a programme's money as the downloads and the open-data API give it: a statement and a
    taakveldgroep (or TOTAL) with its taakvelden and lasten, per inwoner beside Nederland and the comparable
    gemeenten, and on a realisation the difference with that year's budget."""

    statement: Statement
    group: str
    group_name: str
    taakvelden: tuple[str, ...]
    lasten: float | None  # € 1.000
    inhabitants: int | None
    per_inhabitant: BenchmarkRow
    diff: float | None  # € 1.000; None on a budget
    diff_pct: float | None


@dataclass
class ProgrammeFinance:
    """Everything "Financiën" shows for one programme (lasten in € 1.000 per statement and group)."""

    slug: str
    name: str
    region_code: str
    region_name: str
    groups: list[GroupInfo]
    lasten: dict[tuple[Statement, str], float]  # (statement, group) -> the gemeente's lasten; group TOTAL included
    inhabitants: dict[Statement, int]  # the gemeente's inhabitants per statement (from the Iv3 file)
    country: dict[tuple[Statement, str], Aggregate] = field(default_factory=dict)
    peers: dict[tuple[Statement, str], Aggregate] = field(default_factory=dict)
    peer_names: list[str] = field(default_factory=list)
    peer_label: str = ""  # e.g. "50.000 tot 100.000 inwoners, sterk stedelijk"
    sources: list[str] = field(default_factory=list)  # provenance lines: file, CBS table, load date
    domain: dict[Statement, float] = field(default_factory=dict)  # lasten of the whole sociaal domein (all 6.)

    @property
    def in_social_domain(self) -> bool:
        return any(g.code in SOCIAL_GROUPS for g in self.groups)

    @property
    def statements(self) -> list[Statement]:
        return sorted({s for s, _ in self.lasten})

    @property
    def years(self) -> list[int]:
        return sorted({s.year for s in self.statements})

    def share_of_domain(self, statement: Statement) -> float | None:
        """The programme's share (%) of the whole sociaal domein's lasten in a statement."""
        whole, part = self.domain.get(statement), self.lasten.get((statement, TOTAL))
        return part / whole * 100 if whole and part is not None else None

    @property
    def has_data(self) -> bool:
        return bool(self.lasten)

    def amount(self, year: int, kind: StatementKind, group: str = TOTAL) -> float | None:
        return self.lasten.get((Statement(year, kind), group))

    def latest(self, kind: StatementKind) -> Statement | None:
        found = [s for s in self.statements if s.kind is kind]
        return max(found) if found else None

    def year_rows(self, with_groups: bool = True) -> list[YearRow]:
        """Per boekjaar (newest first): begroot, gerealiseerd and the difference, for the total and each group."""
        groups = [(TOTAL, "Totaal")] + ([(g.code, g.name) for g in self.groups] if with_groups else [])
        rows = []
        for year in sorted(self.years, reverse=True):
            for code, name in groups:
                budget = self.amount(year, StatementKind.BUDGET, code)
                actual = self.amount(year, StatementKind.ACTUAL, code)
                if budget is None and actual is None:
                    continue
                diff, pct = difference(budget, actual)
                rows.append(YearRow(year, code, name, budget, actual, diff, pct))
        return rows

    def benchmark(self, statement: Statement, group: str = TOTAL) -> BenchmarkRow:
        name = "Totaal" if group == TOTAL else next((g.name for g in self.groups if g.code == group), group)
        country = self.country.get((statement, group), Aggregate())
        peers = self.peers.get((statement, group), Aggregate())
        return BenchmarkRow(statement, group, name,
                            per_inhabitant(self.lasten.get((statement, group)), self.inhabitants.get(statement)),
                            country.per_inhabitant, country.count, peers.per_inhabitant, peers.count)

    def benchmark_rows(self) -> list[BenchmarkRow]:
        """Per inwoner for every statement (newest first), the total and each group."""
        rows = []
        for statement in sorted(self.statements, key=lambda s: (s.year, s.kind is StatementKind.ACTUAL),
                                reverse=True):
            for code in [TOTAL, *[g.code for g in self.groups]]:
                if (statement, code) in self.lasten:
                    rows.append(self.benchmark(statement, code))
        return rows

    def rows(self, codes: dict[tuple[str, int], list[str]]) -> list[FinanceRow]:
        """Every statement × group (newest first, the total before the groups) with what the tables and the chart
        show; `codes`: the taakveld codes of each group per boekjaar ({(group, year): codes})."""
        out = []
        for b in self.benchmark_rows():
            s = b.statement
            groups = [g.code for g in self.groups] if b.group == TOTAL else [b.group]
            diff, pct = (difference(self.amount(s.year, StatementKind.BUDGET, b.group),
                                    self.amount(s.year, StatementKind.ACTUAL, b.group))
                         if s.kind is StatementKind.ACTUAL else (None, None))
            taakvelden = tuple(c for g in groups for c in codes.get((g, s.year), []))
            out.append(FinanceRow(s, b.group, b.group_name, taakvelden, self.lasten.get((s, b.group)),
                                  self.inhabitants.get(s), b, diff, pct))
        return out


@dataclass(frozen=True)
class FinanceHeadline:
    """What the overview card and the band under the programme header say: the newest budget, and the newest
    realisation with the budget of that same year."""

    latest_budget: Statement | None
    latest_budget_amount: float | None
    latest_actual: Statement | None
    latest_actual_amount: float | None
    actual_year_budget: float | None  # the budget of the realisation's year (None when not loaded)

    @property
    def diff(self) -> tuple[float | None, float | None]:
        return difference(self.actual_year_budget, self.latest_actual_amount)


def headline(finance: ProgrammeFinance) -> FinanceHeadline:
    budget = finance.latest(StatementKind.BUDGET)
    actual = finance.latest(StatementKind.ACTUAL)
    return FinanceHeadline(
        budget, finance.lasten.get((budget, TOTAL)) if budget else None,
        actual, finance.lasten.get((actual, TOTAL)) if actual else None,
        finance.amount(actual.year, StatementKind.BUDGET) if actual else None)

"""The downloads of "Financiën" (`/download/financien.csv|xlsx?programma=<slug>`): every statement and taakveldgroep
of the programme with its lasten, per inwoner beside Nederland and comparable gemeenten, and the difference with
the budget – the rows behind the chart and the tables."""

from __future__ import annotations

from dashboard.exports.spreadsheet import DownloadError, DownloadTable
from db.read.finance import programme_finance, taakveld_codes
from db.session import Session
from indicators.finance import KIND_WORDS, TOTAL, StatementKind, difference

COLUMNS = ["Jaar", "Soort", "Taakveldgroep", "Taakvelden", "Lasten (€ 1.000)", "Inwoners", "Lasten per inwoner (€)",
           "Nederland per inwoner (€)", "Vergelijkbare gemeenten per inwoner (€)",
           "Verschil met begroot (€ 1.000)", "Verschil met begroot (%)"]


def finance_table(session: Session, params: dict[str, str]) -> DownloadTable:
    slug = params.get("programma", "")
    finance = programme_finance(session, slug)
    if finance is None:
        raise DownloadError(f"Programma ‘{slug}’ bestaat niet.")
    codes = taakveld_codes(session, [g.code for g in finance.groups], finance.years)
    rows = []
    for b in finance.benchmark_rows():
        s = b.statement
        groups = [g.code for g in finance.groups] if b.group == TOTAL else [b.group]
        listed = ", ".join(c for g in groups for c in codes.get((g, s.year), []))
        diff, pct = (difference(finance.amount(s.year, StatementKind.BUDGET, b.group),
                                finance.amount(s.year, StatementKind.ACTUAL, b.group))
                     if s.kind is StatementKind.ACTUAL else (None, None))
        rows.append([s.year, KIND_WORDS[s.kind], "Totaal" if b.group == TOTAL else b.group_name, listed,
                     finance.lasten.get((s, b.group)), finance.inhabitants.get(s), b.home, b.country, b.peers,
                     diff, pct])
    return DownloadTable(
        title=f"Financiën {finance.name} ({finance.region_name})", columns=COLUMNS, rows=rows,
        decimals=[None, None, None, None, 0, 0, 0, 0, 0, 0, 1],
        source="Bron: CBS, Iv3 (onbewerkte Iv3-data van de gemeenten, via BZK); Nederland en vergelijkbare "
               f"gemeenten ({finance.peer_label}) samen opgeteld door Perspectief.")


BUILDERS = {"financien": finance_table}

"""The downloads of "Financiën" (`/download/financien.csv|xlsx?programma=<slug>`): every statement and taakveldgroep
of the programme with its lasten, per inwoner beside Nederland and comparable gemeenten, and the difference with
the budget – the rows behind the chart and the tables."""

from __future__ import annotations

from dashboard.exports.spreadsheet import DownloadError, DownloadTable
from db.read.finance import programme_finance_rows
from db.session import Session
from indicators.finance import KIND_WORDS, TOTAL

COLUMNS = ["Jaar", "Soort", "Taakveldgroep", "Taakvelden", "Lasten (€ 1.000)", "Inwoners", "Lasten per inwoner (€)",
           "Nederland per inwoner (€)", "Vergelijkbare gemeenten per inwoner (€)",
           "Verschil met begroot (€ 1.000)", "Verschil met begroot (%)"]


def finance_table(session: Session, params: dict[str, str]) -> DownloadTable:
    slug = params.get("programma", "")
    found = programme_finance_rows(session, slug)
    if found is None:
        raise DownloadError(f"Programma ‘{slug}’ bestaat niet.")
    finance, money = found
    rows = [[r.statement.year, KIND_WORDS[r.statement.kind], "Totaal" if r.group == TOTAL else r.group_name,
             ", ".join(r.taakvelden), r.lasten, r.inhabitants, r.per_inhabitant.home, r.per_inhabitant.country,
             r.per_inhabitant.peers, r.diff, r.diff_pct] for r in money]
    return DownloadTable(
        title=f"Financiën {finance.name} ({finance.region_name})", columns=COLUMNS, rows=rows,
        decimals=[None, None, None, None, 0, 0, 0, 0, 0, 0, 1],
        source="Bron: CBS, Iv3 (onbewerkte Iv3-data van de gemeenten, via BZK); Nederland en vergelijkbare "
               f"gemeenten ({finance.peer_label}) samen opgeteld door Perspectief.")


BUILDERS = {"financien": finance_table}

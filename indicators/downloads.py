"""Downloads: every table and chart of the dashboard as CSV and XLSX, with the rows that are shown on screen.

A builder turns the page's own query into a `DownloadTable` (the same rows, values as numbers); `to_csv` writes
Dutch CSV (semicolon, decimal comma, UTF-8 with BOM so Excel opens it right) and `to_xlsx` a workbook with
real numbers and the title and source above the table."""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from indicators.districts import CLASS_LABELS, district_view, sort_rows
from indicators.enums import COUNTRY
from indicators.formatting import (
    MEASUREMENT_STATUS_LABELS,
    OBSERVATION_STATUS_LABELS,
    RESULT_KIND_LABELS,
    format_date,
)
from indicators.indicator_query import indicator_view
from indicators.periods import PeriodKind
from indicators.queries import SeriesPoint, programme_trend_views, programme_view
from indicators.results_view import ResultQuery
from indicators.results_view import apply as apply_result_query
from indicators.safe_text import spreadsheet_text, xml_text

EXAMPLE = "Voorbeeldcijfers (fictief)"
Cell = str | float | int | None


@dataclass
class DownloadTable:
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    source: str = ""
    decimals: list[int | None] = field(default_factory=list)  # per column, for number formats in XLSX

    @property
    def filename(self) -> str:
        ascii_title = unicodedata.normalize("NFKD", self.title).encode("ascii", "ignore").decode()
        keep = "".join(c if c.isalnum() else "-" for c in ascii_title.lower())
        return "-".join(part for part in keep.split("-") if part)[:80] or "perspectief"


class DownloadError(LookupError):
    """Nothing to download for these parameters (unknown programme, indicator …); message in Dutch."""


def _number_nl(value: float, decimals: int | None) -> str:
    if decimals is None:
        text = repr(float(value))
        text = text[:-2] if text.endswith(".0") else text
    else:
        text = f"{value:.{max(decimals, 0)}f}"
    return text.replace(".", ",")


def to_csv(table: DownloadTable) -> bytes:
    """Semicolon CSV with decimal commas (what Dutch Excel expects), UTF-8 with BOM; empty cell for no value; text
    that a spreadsheet would run as a formula gets a leading apostrophe."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        cells = []
        for i, v in enumerate(row):
            if isinstance(v, bool):
                cells.append("ja" if v else "nee")
            elif isinstance(v, int | float):
                dec = table.decimals[i] if i < len(table.decimals) else None
                cells.append("" if isinstance(v, float) and not math.isfinite(v) else _number_nl(v, dec))
            else:
                cells.append("" if v is None else spreadsheet_text(str(v)))
        writer.writerow(cells)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def append_row(ws: Worksheet, values: Sequence[object]) -> None:
    """Append a row of which every text stays text: openpyxl would store a string starting with "=" as a formula
    (and refuses control characters an XLSX file cannot hold)."""
    ws.append([xml_text(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def to_xlsx(table: DownloadTable) -> bytes:
    """A workbook: title, source, an empty row, then the table with real numbers."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Gegevens"
    append_row(ws, [table.title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([xml_text(table.source)] if table.source else [])
    ws.append([])
    ws.append(table.columns)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for row in table.rows:
        append_row(ws, [None if isinstance(v, float) and not math.isfinite(v) else v for v in row])
    for i, dec in enumerate(table.decimals, start=1):
        if dec is None:
            continue
        fmt = "#,##0" + ("." + "0" * dec if dec > 0 else "")
        for (cell,) in ws.iter_rows(min_row=5, min_col=i, max_col=i):
            cell.number_format = fmt
    for col in ws.columns:
        width = max((len(str(c.value)) for c in col[3:] if c.value is not None), default=8)
        ws.column_dimensions[col[0].column_letter].width = min(max(width + 2, 8), 60)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- builders: one per table on screen ---------------------------------------------------------------------------


def _series_rows(series: dict[str, list[SeriesPoint]], names: dict[str, str]) -> list[list[Cell]]:
    return [[names.get(code, code), code, p.period.label, p.value, OBSERVATION_STATUS_LABELS[p.status],
             EXAMPLE if p.is_example else p.source, p.table_id or ""]
            for code, pts in series.items() for p in pts]


SERIES_COLUMNS = ["Regio", "Regiocode", "Periode", "Waarde", "Status", "Bron", "CBS-tabel"]


def _codes(params: dict[str, str], key: str, default: Sequence[str]) -> list[str]:
    from_url = params.get(key)
    if from_url is None:
        return list(default)
    return [c.strip().upper() for c in from_url.split(",") if c.strip()]


def trend_table(session: Session, params: dict[str, str]) -> DownloadTable:
    """A trend on the programme page (`programma`, `indicator`, `vergelijk`) or the indicator page
    (`indicator`, `regio`, `vergelijk`, `periode`): the rows of its table alternative."""
    code = params.get("indicator", "")
    compare = _codes(params, "vergelijk", [COUNTRY])
    if slug := params.get("programma"):
        found = programme_trend_views(session, slug, compare)
        trend = next((t for t in found[1] if t.indicator.code == code), None) if found else None
        if trend is None:
            raise DownloadError(f"Trend ‘{code}’ hoort niet bij programma ‘{slug}’.")
        info, series, names = trend.indicator, trend.series, trend.region_names
    else:
        kind = params.get("periode")
        region = (_codes(params, "regio", []) or [None])[0]
        view = indicator_view(session, code, region, compare,
                              PeriodKind(kind) if kind in {k.value for k in PeriodKind} else None)
        if view is None:
            raise DownloadError(f"Indicator ‘{code}’ bestaat niet.")
        info, series, names = view.info, view.series, view.region_names
    return DownloadTable(title=f"{info.name} ({info.unit})", columns=SERIES_COLUMNS,
                         rows=_series_rows(series, names), decimals=[None, None, None, info.decimals],
                         source=f"Bron: {info.source}" + (f", CBS-tabel {info.cbs_table_id}" if info.cbs_table_id
                                                          else ""))


RESULT_COLUMNS = ["Programmalijn", "Project", "Resultaat", "Soort", "Eenheid", "Kwartaal", "Doel", "Gerealiseerd",
                  "Status", "Toelichting", "Voorbeeldcijfer", "Toelichtingen bij de meting"]


def results_table(session: Session, params: dict[str, str]) -> DownloadTable:
    """Part 2 of a programme (`programma`): every result and every quarter, as in the table and its history,
    with the table's filter and sort (`status`, `soort`, `tekst`, `sorteer`)."""
    slug = params.get("programma", "")
    view = programme_view(session, slug, [])
    if view is None:
        raise DownloadError(f"Programma ‘{slug}’ bestaat niet.")
    query = ResultQuery.from_params(params.get("status"), params.get("soort"), params.get("tekst"),
                                    params.get("sorteer"))
    rows = [[r.line_name, r.project_name, r.name, RESULT_KIND_LABELS[r.kind], r.unit, m.period.label, m.target,
             m.realised, MEASUREMENT_STATUS_LABELS[m.status], m.explanation, m.is_example,
             " | ".join(f"{format_date(n.note_date)}{f' ({n.author})' if n.author else ''}: {n.text}"
                        for n in m.notes)]
            for r in apply_result_query(view.results, query) for m in r.measurements]
    return DownloadTable(title=f"Resultaten {view.name}", columns=RESULT_COLUMNS, rows=rows,
                         source=f"Programma {view.name}, {view.region_name}")


DISTRICT_COLUMNS = ["Wijkcode", "Wijk", "Waarde", "Klasse", "Status"]


def districts_table(session: Session, params: dict[str, str]) -> DownloadTable:
    """`/wijken` with the same parameters: the wijk table in the order shown."""
    def num(key: str) -> float | None:
        try:
            return float(params[key].replace(",", ".")) if params.get(key) else None
        except ValueError:
            return None

    view = district_view(session, (params.get("gemeente") or "").upper() or None, params.get("indicator"),
                         params.get("periode"), num("oranje"), num("rood"))
    if view is None or view.indicator is None or view.period is None:
        raise DownloadError("Geen wijkcijfers voor deze keuze.")
    ind = view.indicator
    rows = [[r.code, r.name, r.value, CLASS_LABELS[r.district_class],
             OBSERVATION_STATUS_LABELS[r.status] if r.status else ""]
            for r in sort_rows(view.rows, params.get("sorteer"))]
    return DownloadTable(title=f"{ind.name} ({ind.unit}) per wijk van {view.gemeente_name}, {view.period.label}",
                         columns=DISTRICT_COLUMNS, rows=rows, decimals=[None, None, ind.decimals],
                         source=f"Bron: {view.source}" + (f", CBS-tabel {view.table_id}" if view.table_id else ""))


BUILDERS: dict[str, Callable[[Session, dict[str, str]], DownloadTable]] = {
    "trend": trend_table,
    "resultaten": results_table,
    "wijken": districts_table,
}
FORMATS = {"csv": ("text/csv; charset=utf-8", to_csv),
           "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx)}

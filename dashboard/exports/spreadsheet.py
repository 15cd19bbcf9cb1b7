"""Writers of the downloads: a table on screen as Dutch CSV (semicolon, decimal comma, UTF-8 with BOM so Excel opens
it right) or as a workbook with real numbers and the title and source above the table; user text never becomes a
formula."""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

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

"""The quarter report as an Excel workbook (openpyxl): one sheet per table, numbers as numbers."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from dashboard import texts
from dashboard.components.quarter_parts import change_text, note_meta, period_label, story_href
from dashboard.exports.report_html import status_line
from dashboard.exports.spreadsheet import append_row
from indicators.enums import MeasurementStatus, StoryKind
from indicators.formatting import MEASUREMENT_STATUS_LABELS, STORY_KIND_LABELS
from indicators.quarter import QuarterReport

FIXED_TIME = datetime(2000, 1, 1)  # document properties: the same report gives the same workbook


def _sheet(wb: Workbook, title: str, head: list[str], rows: list[list]) -> None:
    ws = wb.create_sheet(title)
    ws.append(head)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_row(ws, row)  # user text stays text, never a formula
    ws.freeze_panes = "A2"
    for i, h in enumerate(head, start=1):
        width = max([len(str(h))] + [len(str(r[i - 1])) for r in rows if r[i - 1] is not None] or [10])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(10, width + 2))


def _stable_zip(data: bytes, when: datetime) -> bytes:
    """The workbook's zip with every entry dated `when` (openpyxl dates them now): the same report gives the same
    bytes, so a frozen workbook can be compared byte for byte."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type, entry.external_attr = info.compress_type, info.external_attr
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def render_xlsx(report: QuarterReport) -> bytes:
    """Sheets: Rapport, Wat is veranderd, Trends, Trendcijfers, Resultaten, Verhalen, Besluiten en actiepunten."""
    sheets = texts.XLSX_SHEETS
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = texts.APP_TITLE
    created = report.published_at.replace(tzinfo=None) if report.published_at else FIXED_TIME
    wb.properties.created = wb.properties.modified = created
    wb.properties.title = texts.QUARTER_TITLE.format(label=report.period.label)
    _sheet(wb, sheets["info"], [texts.XLSX_QUARTER, texts.XLSX_STATUS], [
        [report.period.label, status_line(report)]])
    prog = texts.QUARTER_COL_PROGRAMME
    _sheet(wb, sheets["changes"], [prog, texts.QUARTER_COL_CHANGE, texts.COL_EXPLANATION], [
        [p.name, texts.CHANGE_KIND_LABELS[c.kind.value], change_text(c)] for p in report.programmes for c in p.changes])
    _sheet(wb, sheets["trends"], [prog, texts.QUARTER_COL_TREND, texts.COL_UNIT, texts.COL_REGION, texts.COL_PERIOD,
                                  texts.QUARTER_COL_LATEST, "Basisjaar", "Waarde basisjaar", texts.QUARTER_COL_VERDICT,
                                  texts.COL_SOURCE], [
        [p.name, t.name, t.unit, t.region_name, period_label(t.latest_period), t.latest_value, p.baseline_year,
         t.baseline_value, t.verdict, t.source] for p in report.programmes for t in p.trends])
    _sheet(wb, sheets["points"], [prog, texts.QUARTER_COL_TREND, texts.COL_REGION, texts.COL_PERIOD, texts.COL_VALUE,
                                  texts.COL_UNIT, texts.COL_STATUS, texts.QUARTER_COL_EXAMPLE], [
        [p.name, t.name, region, period_label(pt.period), pt.value, t.unit, pt.status, "ja" if pt.is_example else "nee"]
        for p in report.programmes for t in p.trends
        for region, pts in ((t.region_name, t.points), (t.compare_name, t.compare_points)) for pt in pts])
    _sheet(wb, sheets["results"], [prog, texts.COL_LINE, texts.COL_PROJECT, texts.COL_MEASURE, texts.COL_UNIT,
                                   texts.COL_QUARTER, texts.COL_TARGET, texts.COL_REALISED, texts.COL_STATUS,
                                   texts.COL_EXPLANATION, texts.QUARTER_COL_EXAMPLE], [
        [p.name, r.line_name, r.project_name, r.name, r.unit, period_label(r.current.period) if r.current else None,
         r.current.target if r.current else None, r.current.realised if r.current else None,
         MEASUREMENT_STATUS_LABELS[MeasurementStatus(r.current.status)] if r.current else None,
         r.current.explanation if r.current else texts.QUARTER_NO_MEASUREMENT,
         ("ja" if r.current.is_example else "nee") if r.current else None]
        for p in report.programmes for r in p.results])
    _sheet(wb, sheets["stories"], [prog, texts.QUARTER_COL_DATE, texts.COL_KIND, texts.QUARTER_COL_TITLE,
                                   texts.QUARTER_COL_SUMMARY, texts.QUARTER_COL_LINK, texts.QUARTER_COL_EXAMPLE], [
        [p.name, s.story_date, STORY_KIND_LABELS[StoryKind(s.kind)], s.title, s.summary, story_href(s, p.slug),
         "ja" if s.is_example else "nee"] for p in report.programmes for s in p.stories])
    _sheet(wb, sheets["notes"], [prog, texts.COL_KIND, texts.QUARTER_COL_NOTE, texts.QUARTER_COL_OWNER,
                                 texts.QUARTER_COL_DUE, texts.QUARTER_COL_DONE, texts.QUARTER_COL_RECORDED,
                                 texts.COL_EXPLANATION], [
        [p.name, texts.NOTE_KIND_LABELS[n.kind], n.text, n.owner, n.due_date, n.done_on, period_label(n.recorded_in),
         note_meta(n)] for p in report.programmes for n in p.notes])
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if hasattr(cell.value, "year") and not isinstance(cell.value, datetime):
                    cell.number_format = "d-m-yyyy"
    buffer = io.BytesIO()
    # ExcelWriter, not wb.save: that stamps "modified" with the time of saving
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return _stable_zip(buffer.getvalue(), created)

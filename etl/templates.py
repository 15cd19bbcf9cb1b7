"""The gemeente's own spreadsheets (CSV or .xlsx), in two templates shipped in etl/data/templates/:

- cijfers: indicator, regio, periode, waarde (+ optional indicator_naam, eenheid, bron) – own figures;
- resultaten: project, resultaat, periode, streefwaarde, gerealiseerd, toelichting (+ optional status) – the
  quarterly results programme managers keep.

Column names are matched loosely (case, spaces, common synonyms such as "jaar" or "gemeente"); extra
columns are ignored with a notice. Figures go through the same pipeline as CBS tables; results are
checked row by row with pydantic and merged into `measurement` by its one owner (db.write.measurements), which keeps
the replaced values in history.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from db.read.reference import indicator_codes
from db.session import Session, session_scope
from db.write import loads
from db.write.measurements import LoadedMeasurement, LoadedResult, merge_loaded, results_by_name
from db.write.rows import IndicatorRow
from etl import messages
from etl.pipeline import MAX_REPORTED_ERRORS, Plan
from etl.reading import ByteCounter, FileRefused, csv_rows, header_and_rows, open_text, xlsx_rows
from etl.validation import RECORD_COLUMNS, RowError, row_length_error
from indicators.enums import MeasurementStatus
from indicators.periods import Period, PeriodError
from indicators.trends import classify_measurement
from indicators.values import ValueError_, clean_text, parse_value

TEMPLATE_DIR = Path(__file__).resolve().parent / "data" / "templates"
CHUNK_ROWS = 50_000

FIGURE_COLUMNS = {
    "indicator": ("indicator", "indicatorcode", "code indicator", "indicator code", "kengetal"),
    "regio": ("regio", "regiocode", "gemeente", "gemeentecode", "gebied", "wijk", "region", "code"),
    "periode": ("periode", "jaar", "kwartaal", "maand", "period", "year"),
    "waarde": ("waarde", "value", "aantal", "cijfer", "score"),
}
FIGURE_OPTIONAL = {
    "indicator_naam": ("indicator_naam", "indicatornaam", "naam indicator", "naam"),
    "eenheid": ("eenheid", "unit"),
    "bron": ("bron", "source"),
}
RESULT_COLUMNS = {
    "project": ("project", "projectnaam"),
    "resultaat": ("resultaat", "resultaatmaat", "prestatie", "result", "maat"),
    "periode": ("periode", "kwartaal", "jaar", "period"),
    "streefwaarde": ("streefwaarde", "doel", "target", "norm"),
    "gerealiseerd": ("gerealiseerd", "realisatie", "realised", "waarde", "resultaat gerealiseerd"),
}
RESULT_OPTIONAL = {
    "toelichting": ("toelichting", "uitleg", "explanation", "opmerking"),
    "status": ("status",),
}
STATUS_WORDS = {
    "op koers": MeasurementStatus.ON_TRACK, "op_koers": MeasurementStatus.ON_TRACK,
    "aandacht": MeasurementStatus.ATTENTION, "aandacht nodig": MeasurementStatus.ATTENTION,
    "niet op koers": MeasurementStatus.OFF_TRACK, "niet_op_koers": MeasurementStatus.OFF_TRACK,
    "onbekend": MeasurementStatus.UNKNOWN, "": MeasurementStatus.UNKNOWN,
}


def _norm(header: object) -> str:
    return re.sub(r"[\s_\-]+", " ", str(header or "").lstrip("\ufeff").strip().lower())


def match_columns(header: list[object], required: dict[str, tuple], optional: dict[str, tuple],
                  name: str) -> tuple[dict[str, int], list[str]]:
    """Column positions by our names; notices for renamed and ignored columns. Refuses missing ones."""
    normalised = [_norm(h) for h in header]
    found: dict[str, int] = {}
    renamed: list[str] = []
    for ours, synonyms in {**required, **optional}.items():
        for i, h in enumerate(normalised):
            if i in found.values():
                continue
            if h in {_norm(s) for s in synonyms}:
                found[ours] = i
                if h != _norm(ours):
                    renamed.append(f"{header[i]} → {ours}")
                break
    missing = [c for c in required if c not in found]
    if missing:
        raise FileRefused(messages.MISSING_COLUMNS.format(
            name=name, missing=", ".join(missing), found=", ".join(str(h) for h in header[:12])))
    notices = []
    if renamed:
        notices.append(messages.NOTICE_RENAMED_COLUMNS.format(columns=", ".join(renamed)))
    ignored = [str(header[i]) for i in range(len(header)) if i not in found.values() and str(header[i]).strip()]
    if ignored:
        notices.append(messages.NOTICE_IGNORED_COLUMNS.format(columns=", ".join(ignored[:10])))
    return found, notices


def _cell(value: object) -> object:
    """Excel cells: whole-number floats as ints (2023.0 -> 2023), dates as ISO text."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return value


@dataclass
class Table:
    """The rows of a spreadsheet, CSV or Excel, with its header and line numbers."""

    path: Path
    header: list[object]
    rows: Iterator[tuple[int, list[object]]]
    notices: list[str] = field(default_factory=list)
    is_excel: bool = False
    counter: ByteCounter | None = None  # bytes read so far (CSV)


def open_table(path: Path) -> Table:
    if not path.exists():
        raise FileRefused(messages.FILE_MISSING.format(path=path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = xlsx_rows(path)
        counter = None
        is_excel = True
        notices: list[str] = []
    elif path.suffix.lower() in (".csv", ".txt", ".tsv", ""):
        text_file = open_text(path)
        counter = ByteCounter(path)
        rows = csv_rows(text_file, counter)
        is_excel = False
        notices = list(text_file.notices)
    else:
        raise FileRefused(messages.FILE_UNKNOWN_TYPE.format(name=path.name))
    header, rows = header_and_rows(path, rows)
    return Table(path, list(header), rows, notices, is_excel, counter)


def is_results_table(header: list[object]) -> bool:
    names = {_norm(h) for h in header}
    return bool(names & {"project", "projectnaam"}) and bool(names & {_norm(s) for s in RESULT_COLUMNS["resultaat"]})


# --------------------------------------------------------------------------------------------------
# own figures
# --------------------------------------------------------------------------------------------------
def read_figures(table: Table, session: Session, decimal: str | None = None) -> Plan:
    cols, notices = match_columns(table.header, FIGURE_COLUMNS, FIGURE_OPTIONAL, table.path.name)
    path = table.path
    width = len(table.header)
    sample: list[tuple[int, list[object]]] = []
    for item in table.rows:
        sample.append(item)
        if len(sample) >= 1000:
            break
    if not sample:
        raise FileRefused(messages.FILE_NO_ROWS.format(name=path.name))
    if decimal is None:
        texts = [str(f[cols["waarde"]]) for _, f in sample if len(f) > cols["waarde"] and isinstance(
            f[cols["waarde"]], str)]
        decimal = "," if any("," in t for t in texts) else "."
        if texts:
            notices.append(messages.NOTICE_DECIMAL.format(sep="komma" if decimal == "," else "punt",
                                                          example="1,5" if decimal == "," else "1.5"))
    plan = Plan(kind="tabel", path=path, files=[path], source=f"Eigen cijfers ({path.name})", table_id=None,
                decimal=decimal, chunks=lambda plan: iter(()), size=path.stat().st_size,
                notices=table.notices + notices)
    known = {c.lower(): c for c in indicator_codes(session)}
    created: set[str] = set()
    name_col, unit_col, source_col = cols.get("indicator_naam"), cols.get("eenheid"), cols.get("bron")

    def rows_all() -> Iterator[tuple[int, list[object]]]:
        yield from sample
        yield from table.rows

    def register(codes: list[str], buffer: list[list[object]]) -> None:
        """New indicators named in the file (indicator_naam), to be reviewed by an admin."""
        if name_col is None:
            return
        for i, code in enumerate(codes):
            if code in known or code in created:
                continue
            fields = buffer[i]
            name = clean_text(fields[name_col])
            if not name:
                continue
            try:
                plan.pending_indicators[code] = IndicatorRow(
                    code=code, name=name, needs_review=True,
                    unit=clean_text(fields[unit_col]) if unit_col is not None else "",
                    source=clean_text(fields[source_col]) if source_col is not None else "")
                created.add(code)
                known[code] = code
            except ValidationError:
                pass  # the record is reported as an unknown indicator

    def flush(buffer: list[list[object]], lines: list[int]) -> pd.DataFrame:
        columns = list(zip(*buffer, strict=True))
        raw_codes = pd.Series(columns[cols["indicator"]], dtype=object)
        lowered = {c: clean_text(c).lower() for c in pd.unique(raw_codes)}
        codes = raw_codes.map(lowered)
        register(codes.tolist(), buffer)
        codes = codes.map(lambda c: known.get(c, c)) if len(known) else codes
        periods, regions, values = columns[cols["periode"]], columns[cols["regio"]], columns[cols["waarde"]]
        if table.is_excel:
            periods = [str(_cell(p)) for p in periods]
            regions = [str(_cell(r)) for r in regions]
            values = [_cell(v) for v in values]
        return pd.DataFrame({"line": np.asarray(lines), "column": "waarde", "indicator": codes.to_numpy(),
                             "region": list(regions), "period": list(periods), "value": pd.Series(values, dtype=object),
                             "provisional": np.zeros(len(lines), dtype=bool)}, columns=RECORD_COLUMNS)

    def chunks(plan: Plan) -> Iterator[pd.DataFrame]:
        buffer: list[list[object]] = []
        lines: list[int] = []
        for line, fields in rows_all():
            if len(fields) != width:
                if table.is_excel and len(fields) > width:
                    fields = fields[:width]
                elif table.is_excel:
                    fields = list(fields) + [""] * (width - len(fields))
                else:
                    if error := row_length_error(path.name, line, fields, width):
                        plan.errors.append(error)
                    continue
            buffer.append(fields)
            lines.append(line)
            if len(buffer) >= CHUNK_ROWS:
                if table.counter is not None:
                    plan.bytes_read = table.counter.count
                yield flush(buffer, lines)
                buffer, lines = [], []
        if buffer:
            yield flush(buffer, lines)
        plan.bytes_read = plan.size
        if created:
            plan.notices.append(messages.NOTICE_NEW_INDICATORS.format(count=len(created),
                                                                       codes=", ".join(sorted(created)[:10])))

    plan.chunks = chunks
    return plan


# --------------------------------------------------------------------------------------------------
# results (measurements)
# --------------------------------------------------------------------------------------------------
class MeasurementInput(BaseModel):
    """One row of the results template, checked before anything touches the database."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    project: str = Field(min_length=1, max_length=200)
    result: str = Field(min_length=1, max_length=200)
    period: Period
    target: float | None = None
    realised: float | None = None
    explanation: str = Field(default="", max_length=4000)
    status: MeasurementStatus | None = None

    @field_validator("project", "result", "explanation", mode="before")
    @classmethod
    def _text(cls, v: object) -> str:
        return clean_text(v)

    @field_validator("period", mode="before")
    @classmethod
    def _period(cls, v: object) -> Period:
        try:
            return Period.parse(str(_cell(v)))
        except PeriodError:
            raise ValueError(messages.ROW_BAD_PERIOD.format(value=str(v).strip())) from None

    @field_validator("target", "realised", mode="before")
    @classmethod
    def _number(cls, v: object) -> float | None:
        try:
            value, _ = parse_value(v, decimal=None)
        except ValueError_:
            raise ValueError(messages.ROW_BAD_VALUE.format(value=str(v).strip())) from None
        return value

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, v: object) -> MeasurementStatus | None:
        text = clean_text(v).lower()
        if not text:
            return None
        if text not in STATUS_WORDS:
            raise ValueError(messages.ROW_BAD_STATUS.format(value=clean_text(v)))
        return STATUS_WORDS[text]


_FIELD_COLUMN = {"project": "project", "result": "resultaat", "period": "periode", "target": "streefwaarde",
                 "realised": "gerealiseerd", "explanation": "toelichting", "status": "status"}


@dataclass
class ResultsOutcome:
    load_id: int | None
    status: str
    rows_read: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejected_path: Path | None = None
    errors: list[RowError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    seconds: float = 0.0
    message: str = ""


def load_results(url: str, table: Table, skip_invalid: bool = False,
                 rejected_path: Path | None = None) -> ResultsOutcome:
    """Merge a results spreadsheet into `measurement` in one transaction (all or nothing by default)."""
    started = time.monotonic()
    cols, notices = match_columns(table.header, RESULT_COLUMNS, RESULT_OPTIONAL, table.path.name)
    notices = table.notices + notices
    name = table.path.name
    checked: list[tuple[int, MeasurementInput]] = []
    errors: list[RowError] = []
    rows_read = 0
    for line, fields in table.rows:
        rows_read += 1
        fields = list(fields) + [""] * (len(table.header) - len(fields))
        data = {ours: fields[cols[col]] for ours, col in _FIELD_COLUMN.items() if col in cols}
        try:
            checked.append((line, MeasurementInput(**data)))
        except ValidationError as exc:
            first = exc.errors()[0]
            column = _FIELD_COLUMN.get(str(first["loc"][0]) if first["loc"] else "", "")
            value = str(data.get(str(first["loc"][0]), "")) if first["loc"] else ""
            errors.append(RowError(name, line, column, value, str(first["msg"]).removeprefix("Value error, ")))
    if rows_read == 0:
        raise FileRefused(messages.FILE_NO_ROWS.format(name=name))
    outcome = ResultsOutcome(None, "geweigerd", rows_read=rows_read, notices=notices)
    try:
        with session_scope(url) as session:
            results = results_by_name(session)
            load = loads.start_load(session, source=f"Resultaten ({name})", path=str(table.path),
                                    file_hash_=loads.file_hash(table.path), kind="resultaten")
            seen: dict[tuple[int, str, date], int] = {}
            plan: list[tuple[int, LoadedResult, MeasurementInput]] = []
            for line, row in checked:
                result = results.get((row.project.lower(), row.result.lower()))
                if result is None:
                    project_known = any(p == row.project.lower() for p, _ in results)
                    reason = (messages.ROW_UNKNOWN_RESULT.format(project=row.project, value=row.result)
                              if project_known else messages.ROW_UNKNOWN_PROJECT.format(value=row.project))
                    errors.append(RowError(name, line, "resultaat" if project_known else "project",
                                           row.result if project_known else row.project, reason))
                    continue
                key = (result.id, row.period.kind.value, row.period.start)
                if key in seen:
                    errors.append(RowError(name, line, "periode", row.period.code,
                                           messages.ROW_DUPLICATE.format(first=seen[key])))
                    continue
                seen[key] = line
                plan.append((line, result, row))
            if errors and not skip_invalid:
                raise _Refused()
            outcome.new, outcome.changed, outcome.unchanged = merge_loaded(session, load, [
                LoadedMeasurement(result.id, row.period, row.target, row.realised,
                                  row.status or classify_measurement(row.target, row.realised,
                                                                     result.desired_direction), row.explanation)
                for _line, result, row in plan])
            if skip_invalid and errors:
                rejected_path = rejected_path or table.path.with_name(table.path.name + ".afgekeurd.csv")
                with open(rejected_path, "w", encoding="utf-8", newline="") as fh:
                    writer = csv.writer(fh, delimiter=";")
                    writer.writerow(messages.REPORT_HEADER.split(";"))
                    for e in errors:
                        writer.writerow([e.file, e.line, e.column, e.value, e.reason])
                outcome.rejected, outcome.rejected_path = len(errors), rejected_path
            loads.finish_load(load, rows_read, outcome.new + outcome.changed, " ".join(notices),
                              changed=outcome.changed, unchanged=outcome.unchanged,
                              rejected=len(errors) if skip_invalid else 0,
                              rejected_path=str(rejected_path) if outcome.rejected else "",
                              error_report="\n".join(e.as_text() for e in errors[:MAX_REPORTED_ERRORS]))
            outcome.load_id = load.id
        outcome.status = "gereed"
    except _Refused:
        outcome.message = messages.REFUSED.format(count=len(errors))
    outcome.errors = errors
    outcome.seconds = time.monotonic() - started
    return outcome


class _Refused(Exception):
    pass

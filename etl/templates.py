"""Two of the gemeente's own spreadsheet templates (CSV or .xlsx, shipped in etl/data/templates/):

- cijfers: indicator, regio, periode, waarde (+ optional indicator_naam, eenheid, bron) – own figures;
- resultaten: project, resultaat, periode, streefwaarde, gerealiseerd, toelichting (+ optional status) – the
  quarterly results programme managers keep.

The third, financien, is etl/finance_template.py; what the three share (columns matched loosely: case, spaces,
synonyms such as "jaar" or "gemeente"; extra columns ignored with a notice; rows checked by pydantic) is
etl/sheets.py. Figures go through the same pipeline as CBS tables; results are checked row by row
(MeasurementInput) and loaded by etl.results_load through the write service.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from db.read.reference import indicator_codes
from db.session import Session
from db.write.rows import IndicatorRow
from etl import messages
from etl.pipeline import Plan
from etl.reading import FileRefused
from etl.sheets import CleanText, Table, cell, match_columns, norm_header
from etl.validation import RECORD_COLUMNS, row_length_error
from indicators.enums import MeasurementStatus
from indicators.periods import Period, PeriodError
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


def is_results_table(header: list[object]) -> bool:
    names = {norm_header(h) for h in header}
    result_names = {norm_header(s) for s in RESULT_COLUMNS["resultaat"]}
    return bool(names & {"project", "projectnaam"}) and bool(names & result_names)


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
            periods = [str(cell(p)) for p in periods]
            regions = [str(cell(r)) for r in regions]
            values = [cell(v) for v in values]
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

    project: CleanText = Field(min_length=1, max_length=200)
    result: CleanText = Field(min_length=1, max_length=200)
    period: Period
    target: float | None = None
    realised: float | None = None
    explanation: CleanText = Field(default="", max_length=4000)
    status: MeasurementStatus | None = None

    @field_validator("period", mode="before")
    @classmethod
    def _period(cls, v: object) -> Period:
        try:
            return Period.parse(str(cell(v)))
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


# the fields of MeasurementInput as the template's columns
FIELD_COLUMN = {"project": "project", "result": "resultaat", "period": "periode", "target": "streefwaarde",
                 "realised": "gerealiseerd", "explanation": "toelichting", "status": "status"}

"""Reader for StatLine's CSV export of a CBS table: semicolon, quoted, labels instead of keys (region names matched
against the database), padded numbers, Dutch or English decimals, "2022*" provisional periods."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from db.read.reference import regions_by_kind
from db.session import Session
from db.write.rows import REGION_CODE
from etl import messages
from etl.cbs_measures import CHUNK_CELLS, CHUNK_ROWS, Measures, records, slug, table_from_name
from etl.pipeline import Plan
from etl.reading import FileRefused, csv_rows, header_and_rows, open_text
from etl.validation import region_code, row_length_error
from indicators.enums import COUNTRY, RegionKind
from indicators.values import ValueError_, clean_text, parse_value

PERIOD_HEADERS = {"perioden", "periode", "jaar", "period", "periods"}


REGION_LABEL_HEADERS = {"regio's", "regios", "regio", "wijken en buurten", "gemeenten", "gemeente", "regions"}


def region_names(session: Session) -> dict[str, str]:
    """Label -> code for region labels in exports: gemeente names win over wijk/buurt names."""
    by_name: dict[str, str] = {}
    rank = {RegionKind.COUNTRY: 0, RegionKind.PROVINCE: 1, RegionKind.MUNICIPALITY: 2, RegionKind.DISTRICT: 3,
            RegionKind.NEIGHBOURHOOD: 4}
    rows = regions_by_kind(session)
    for code, name, kind in sorted(rows, key=lambda r: -rank[RegionKind(r[2])]):
        by_name[clean_text(name).lower()] = code
        if kind == RegionKind.PROVINCE:
            by_name[f"{clean_text(name).lower()} (pv)"] = code
    by_name["nederland"] = COUNTRY
    return by_name


def _is_number_column(values: list[str]) -> bool:
    """Mostly figures (at least 90% of the sampled cells): a column of labels is not, a typo in figures is.

    The cells that are no figure are then reported row by row by the validation."""
    numbers = bad = 0
    for v in values:
        try:
            value, _ = parse_value(v, decimal=None)
        except ValueError_:
            bad += 1
            continue
        numbers += value is not None
    return numbers > 0 and bad * 10 <= numbers + bad


def _decimal_of(values: list[str]) -> str:
    return "," if any("," in v for v in values) else "."


def read_statline_export(path: Path, session: Session, table_id: str | None = None,
                         period: str | None = None) -> Plan:
    text_file = open_text(path)
    header, rows = header_and_rows(path, csv_rows(text_file))
    header = [clean_text(h.lstrip("\ufeff")) for h in header]
    sample: list[tuple[int, list[str]]] = []
    for item in rows:
        sample.append(item)
        if len(sample) >= 500:
            break
    if not sample:
        raise FileRefused(messages.FILE_NO_ROWS.format(name=path.name))
    width = len(header)
    columns = list(zip(*[f for _, f in sample if len(f) == width], strict=True)) or [()] * width
    lower = [h.lower() for h in header]
    period_col = next((i for i, h in enumerate(lower) if h in PERIOD_HEADERS), None)
    code_col = next((i for i, h in enumerate(lower) if "(code)" in h or h in {"regiocode", "codering"}), None)
    if code_col is None:
        code_col = next((i for i in range(width) if i != period_col and columns[i]
                         and all(REGION_CODE.match(region_code(v)) for v in columns[i][:50])), None)
    label_col = next((i for i, h in enumerate(lower) if h in REGION_LABEL_HEADERS), None)
    numeric = [i for i in range(width) if i not in (period_col, code_col, label_col)
               and _is_number_column([v for v in columns[i]])]
    dims = [i for i in range(width) if i not in (period_col, code_col, label_col) and i not in numeric]
    if not numeric:
        raise FileRefused(messages.NO_MEASURES.format(name=path.name))
    table = (table_id or table_from_name(path.name) or "").upper() or None
    source = f"CBS StatLine {table}" if table else f"CBS StatLine-export {path.name}"
    decimal = _decimal_of([v for i in numeric for v in columns[i]])
    plan = Plan(kind="cbs", path=path, files=[path], source=source, table_id=table, decimal=decimal,
                chunks=lambda plan: iter(()), size=path.stat().st_size, notices=list(text_file.notices))
    plan.notices.append(messages.NOTICE_DECIMAL.format(sep="komma" if decimal == "," else "punt",
                                                       example="1,5" if decimal == "," else "1.5"))
    if period_col is None:
        fixed_period = period
        if not fixed_period:
            raise FileRefused(messages.NO_PERIOD.format(name=path.name))
    if code_col is None and label_col is None:
        plan.notices.append(messages.NOTICE_NO_REGION_COLUMN)
    names = region_names(session) if code_col is None and label_col is not None else {}
    prefix = table or slug(path.stem)[:30]
    measures = Measures(session, table, source, prefix)
    for i in numeric:
        unit = re.search(r"\(([^()]*)\)\s*$", header[i])
        measures.add(header[i], header[i], unit.group(1) if unit else "", 1, "")

    def chunks(plan: Plan) -> Iterator[pd.DataFrame]:
        def all_rows() -> Iterator[tuple[int, list[str]]]:
            yield from sample
            yield from rows
        buffer, lines = [], []
        for line, fields in all_rows():
            if len(fields) != width:
                if error := row_length_error(path.name, line, fields, width):
                    plan.errors.append(error)
                continue
            buffer.append(fields)
            lines.append(line)
            if len(buffer) * max(1, width) >= CHUNK_CELLS or len(buffer) >= CHUNK_ROWS:
                yield chunk_of(buffer, lines)
                buffer, lines = [], []
        if buffer:
            yield chunk_of(buffer, lines)
        plan.bytes_read = plan.size

    def chunk_of(buffer: list[list[str]], lines: list[int]) -> pd.DataFrame:
        cols = list(zip(*buffer, strict=True))
        if code_col is not None:
            regions_col = list(cols[code_col])
        elif label_col is not None:
            regions_col = [names.get(clean_text(v).lower(), clean_text(v)) for v in cols[label_col]]
        else:
            regions_col = [COUNTRY] * len(buffer)
        periods_col = list(cols[period_col]) if period_col is not None else [period] * len(buffer)
        combos = [tuple((header[d], clean_text(v), clean_text(v)) for d, v in zip(dims, vals, strict=True))
                  for vals in zip(*(cols[d] for d in dims), strict=True)] if dims else None
        pieces = []
        for i in numeric:
            codes = [measures.code(header[i], c) for c in combos] if combos else measures.code(header[i])
            pieces.append(records(np.asarray(lines), header[i], codes, regions_col, periods_col, list(cols[i]),
                                  np.zeros(len(buffer), dtype=bool)))
        measures.take_new(plan)
        plan.bytes_read = min(plan.size, plan.bytes_read + sum(len(";".join(f)) for f in buffer))
        return pd.concat(pieces, ignore_index=True)

    plan.chunks = chunks
    return plan
